"""The engine's answer with its reasons in the reader's language (pages only).

The contract's output is English for every caller (the command line, the API, other tools). A page
asks ``localised_determination`` instead: the engine also returns each reason's figures, and the
sentence template of each reason, marked with ``rules.i18n.N_`` and translated in the catalogues,
is filled in again with those figures. A template without a translation keeps the English
sentence, so a missing entry never breaks a page.
"""

from django.utils.translation import gettext

import rules


def localised_determination(situation: dict, issuing_state: str | None = None) -> dict:
    """rules.determine, with every reason's explanation in the active language."""
    determination, figures = rules.determine_with_figures(situation, issuing_state)
    for reason, reason_figures in zip(determination["reasons"], figures, strict=True):
        template = rules.reason_template(reason["code"], reason["passed"])
        translated = gettext(template)
        if translated == template:
            continue
        try:
            reason["explanation"] = translated.format_map(reason_figures)
        except (KeyError, IndexError, ValueError):
            continue  # a damaged translation: the English sentence is still right
    return determination
