"""The engine's answer with its reasons and warnings in the reader's language (pages only), and
its input errors in the reader's language (pages, the APIs and the command line).

The contract's output is English for every caller (the command line, the API, other tools). A page
asks ``localised_determination`` instead: the engine also returns the figures of each reason and
the template and figures of each warning; the templates, marked with ``rules.i18n.N_`` and
translated in the catalogues, are filled in again with those figures (a span of time such as
"27 months" is said again in the reader's language). A template without a translation keeps the
English sentence, so a missing entry never breaks a page.

``localised_errors`` does the same for a ``rules.InvalidSituation``: every place that shows or
returns the engine's input errors (the self-check page and its JSON API, the check-your-answers
page, the REST API's validate endpoint, the ``determine`` command) goes through it. In English the
messages are the engine's own, byte for byte.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import get_format
from django.utils.translation import gettext, ngettext

import rules
from coverage_portal.state_names import state_in_sentence
from rules.dates import Duration
from rules.i18n import Figure, Term


def localised_determination(situation: dict, issuing_state: str | None = None) -> dict:
    """rules.determine, with every explanation and warning in the active language."""
    return _localise(*rules.determine_with_figures(situation, issuing_state))


def localised_as_stored(stored: dict, situation: dict) -> dict | None:
    """A determination kept with a request (in English, as the validation wrote it) in the active
    language, for the caseworker's page; None unless the engine, run again on `situation`, gives
    exactly `stored`. Only then are the figures the ones that were decided on: if the engine or the
    facts it reads changed since, the page keeps the stored English rather than other sentences."""
    determination, figures, warning_sources = rules.determine_with_figures(situation)
    if json.loads(json.dumps(determination, cls=DjangoJSONEncoder)) != stored:
        return None
    return _localise(determination, figures, warning_sources)


def _localise(determination: dict, figures: list, warning_sources: list) -> dict:
    for reason, reason_figures in zip(determination["reasons"], figures, strict=True):
        template = rules.reason_template(reason["code"], reason["passed"])
        reason["explanation"] = _render(template, reason_figures, reason["explanation"])
    warnings = zip(warning_sources, determination["warnings"], strict=True)
    determination["warnings"] = [_render(text, values, english) for (text, values), english in warnings]
    return determination


def localised_errors(exc: Exception) -> list:
    """The errors of an InvalidSituation, each message in the active language; field paths unchanged.

    Uses the template and values the engine gives for each error (``InvalidSituation.sources``).
    Errors without them (another shape, a stand-in engine in tests) are returned as they are.
    """
    errors = list(getattr(exc, "errors", None) or [])
    sources = getattr(exc, "sources", None)
    if not isinstance(sources, list | tuple) or len(sources) != len(errors):
        return errors
    localised = []
    for error, (template, values) in zip(errors, sources, strict=True):
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            error = {**error, "message": _render(template, values, error["message"])}
        localised.append(error)
    return localised


# Figures that hold a state's code and are said with the state's name in the reader's language: the
# engine writes "the vessel flies the flag of MT"; a person reads "the flag of Malta". (The engine's
# other states, such as {payer} or {residence}, are given by code in every language; the sentences'
# translations are written around a code: "dans l'État NL", "im Staat NL".)
NAMED_STATES = frozenset({"flag"})


def _render(template: str, figures: dict, english: str) -> str:
    translated = gettext(template)
    named = not NAMED_STATES.isdisjoint(figures)
    if translated == template and not named:
        return english
    try:
        return translated.format_map({name: _figure(name, value) for name, value in figures.items()})
    except (KeyError, IndexError, ValueError):
        return english  # a damaged translation: the English sentence is still right


def _figure(name: str, value):
    if name in NAMED_STATES and isinstance(value, str) and value:
        return state_in_sentence(value)
    return _localised(value)


def _localised(value):
    if isinstance(value, Term):
        return gettext(value)
    if isinstance(value, Figure):
        return value.replace(".", get_format("DECIMAL_SEPARATOR"))
    if isinstance(value, Duration):
        parts = []
        if value.months:
            parts.append(ngettext("%(n)d month", "%(n)d months", value.months) % {"n": value.months})
        if value.days or not value.months:
            parts.append(ngettext("%(n)d day", "%(n)d days", value.days) % {"n": value.days})
        if len(parts) == 2:
            return gettext("%(months)s and %(days)s") % {"months": parts[0], "days": parts[1]}
        return parts[0]
    return value
