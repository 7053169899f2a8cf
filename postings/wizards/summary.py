"""Every answer of a request as label/value rows, per step, for check-answers, detail and cancel pages."""

import datetime as dt

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_countries import countries

from accounts.identifiers import mask_personal_number

from ..forms.steps import PlaceForm, StateField, StatementForm, state_name
from ..worker import worker_data
from . import conditions
from .steps import SHORT_TITLES, STEPS

# Day, month name, year in the reader's language ("30 July 1985", "30 juli 1985"), as the personnel
# pages write them: Django's English DATE_FORMAT is the American "July 30, 1985" ("Jan. 1, 2015").
ANSWER_DATE = "j F Y"

HIDDEN = {"query", "submission_key", "imo_warning", "ask_art16", "DELETE"}


def display(field, value) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(field, StateField):
        # A look-up, not a walk through the 250 choices (each normalised again on every walk).
        return state_name(str(value)) or str(value)
    choices = getattr(field, "choices", None)
    if choices is not None and not isinstance(field, forms.ModelChoiceField):
        for code, label in choices:
            if str(code) == str(value):
                return str(label)
    if isinstance(field, forms.DateField):
        try:
            return date_format(dt.date.fromisoformat(value), ANSWER_DATE)
        except (TypeError, ValueError):
            return str(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _field_names(form_class) -> list[str]:
    """The fields in the order the form shows them (its `field_order` first, as Django orders them)."""
    fields = form_class.base_fields
    order = [name for name in getattr(form_class, "field_order", None) or () if name in fields]
    return order + [name for name in fields if name not in order]


def _rows(form_class, data: dict, skip=(), client_name=None) -> list[dict]:
    rows = []
    masked = getattr(form_class, "masked_fields", ())
    for name in _field_names(form_class):
        if name in HIDDEN or name in skip or name not in data:
            continue
        field = form_class.base_fields[name]
        value = display(field, data.get(name))
        if value and name in masked:
            value = mask_personal_number(value)
        if value:
            label_for = getattr(form_class, "label_for", None)
            label = label_for(name, client_name) if label_for else field.label
            rows.append({"label": label, "value": value})
    return rows


def active_steps(request, worker: dict | None) -> list[str]:
    issuing = settings.PORTAL_INSTITUTION["state"]
    # Where the worker lives as the request says it (sent: as sent), so a move recorded in the
    # directory later does not add or remove the statement from a sent request's page.
    country = (worker or {}).get("country") or None
    steps = []
    for name, _form in STEPS[request.type]:
        if name == "statement" and not conditions.needs_residence_statement(request.type, country, issuing):
            continue
        steps.append(name)
    return steps


def request_summary(request, client_name=None) -> list[dict]:
    """[{"step", "title", "rows": [{"label", "value"}], "places": [[rows], ...], "warnings": [str]}].

    `client_name`: the client a consultant acts for, named in the questions that ask the employer's
    staff about "your company" (postings.forms.client_texts)."""
    answers = request.answers or {}
    forms_by_step = dict(STEPS[request.type])
    worker = worker_data(request)
    sections = []
    for step in active_steps(request, worker):
        if step == "check":
            continue
        data = answers.get(step) or {}
        section = {"step": step, "title": SHORT_TITLES[step], "rows": [], "places": [], "warnings": []}
        if step == "employee":
            section["rows"] = worker_rows(worker)
        elif step == "address":
            skip = (
                ()
                if conditions.has_temporary_address(answers)
                else tuple(n for n in data if n != "temp_differs")
            )
            section["rows"] = _rows(forms_by_step[step], data, skip=skip)
        elif step == "places":
            for place in data.get("places") or []:
                # The share of working time is one of PlaceForm's fields (its rows include it once).
                section["places"].append(_rows(PlaceForm, place))
                if place.get("imo_warning"):
                    section["warnings"].append(imo_warning_message(place.get("imo_number")))
        elif step == "states":
            section["rows"] = [
                {
                    "label": _("States of work"),
                    "value": ", ".join(countries.name(c) for c in data.get("states", [])),
                }
            ]
        elif step == "statement":
            statement = getattr(request, "residence_statement", None) if request.pk else None
            section["rows"] = _rows(StatementForm, data)
            if statement is not None:
                section["rows"].append({"label": _("File"), "value": _("Uploaded")})
        else:
            section["rows"] = _rows(forms_by_step[step], data, client_name=client_name)
            if data.get("imo_warning"):
                section["warnings"].append(imo_warning_message(data.get("imo_number")))
        sections.append(section)
    return sections


def worker_rows(worker: dict | None) -> list[dict]:
    """The worker's identifying data (postings.worker: as sent, or the directory for a draft)."""
    if not worker:
        return []
    birth_date = dt.date.fromisoformat(worker["birth_date"]) if worker["birth_date"] else None
    return [
        {"label": _("Name"), "value": f"{worker['given_names']} {worker['family_name']}"},
        {"label": settings.PORTAL_INSTITUTION["person_id"], "value": worker["personal_number"]},
        {"label": _("Date of birth"), "value": date_format(birth_date, ANSWER_DATE) if birth_date else ""},
        {"label": _("Nationality"), "value": countries.name(worker["nationality"])},
        {
            "label": _("Address"),
            "value": f"{worker['street']}, {worker['postal_code']} {worker['town']}, "
            f"{countries.name(worker['country'])}",
        },
    ]


def imo_warning_message(number) -> str:
    return _(
        "The check digit of IMO number %(number)s is not right. Check the number; the request can still "
        "be sent."
    ) % {"number": number}
