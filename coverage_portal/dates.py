"""How the portal reads a typed date: day first, as it writes dates (SHORT_DATE_FORMAT "d-m-Y", the
messages' "30-07-2027"), never month first.

The caseworker's date fields were the browser's own date input, which writes the date in the
browser's order (07/30/2027 in an en-US browser) on pages that write 30-07-2027 everywhere else.
They are now typed as day-month-year, with the admin's calendar beside them; the calendar writes the
first of DATE_INPUT_FORMATS, so every language's list (coverage_portal/formats/*) starts with it.
ISO (year-month-day) stays accepted: it is what a browser's date field, the API and links send.
"""

from importlib import import_module

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

DAY_FIRST = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]
SHOWN = DAY_FIRST[0]
FORMAT_HINT = _("Day-month-year, for example 30-07-2027.")
INVALID = _("Enter the date as day-month-year, for example 30-07-2027.")


def input_formats(language: str) -> list[str]:
    """The portal's day-first formats, then Django's own for `language` without the month-first
    ones (English "07/30/2027", "Jul 30 2027"): "03-04-2027" is the 3rd of April in every language."""
    own = import_module(f"django.conf.locale.{language}.formats").DATE_INPUT_FORMATS
    return DAY_FIRST + [f for f in own if f not in DAY_FIRST and not f.startswith(("%m", "%b", "%B"))]


class BrowserDateInput(forms.DateInput):
    """The browser's own date field (the employer's pages), whose value is always ISO: without the
    format, Django writes it in the language's first input format ("30-07-2027"), which a date field
    cannot show, so it came up empty (a consult filter, the self-check, an extension in Dutch)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DayMonthYearField(forms.DateField):
    """A date typed as day-month-year, with the format said in the hint (after the field's own)."""

    def __init__(self, *, widget=None, help_text="", **kwargs):
        kwargs["error_messages"] = {"invalid": INVALID, **kwargs.get("error_messages", {})}
        hint = format_lazy("{} {}", help_text, FORMAT_HINT) if help_text else FORMAT_HINT
        super().__init__(widget=widget or forms.DateInput(format=SHOWN), help_text=hint, **kwargs)
