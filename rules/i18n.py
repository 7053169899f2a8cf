"""Marks the engine's sentence templates for translation without importing Django.

``N_`` returns its argument unchanged; the portal's ``makemessages`` knows the keyword, so the
templates land in the translation catalogues, and the Django side renders each reason, warning and
input-error message again in the reader's language from its template and figures
(selfcheck/localise.py). The contract's output stays English: other tools read it.
"""


def N_(text: str) -> str:  # noqa: N802 - the conventional name of a gettext no-op marker
    return text


class Term(str):
    """A name or word inside a sentence (a treaty's name, "seafarers") that the pages say again in
    the reader's language. Mark its text with ``N_`` as well, so it lands in the catalogues:
    ``Term(N_("seafarers"))``. Everywhere else it is the same English text (a str)."""

    __slots__ = ()


class Figure(str):
    """A number inside a sentence, as the engine writes it ("95.5"): the pages write it again with
    the reader's decimal separator ("95,5"). Everywhere else it is the same English text (a str)."""

    __slots__ = ()
