"""API-specific: turn a JSON request body into the wizard's answers, checked by the wizard's own forms.

The pages store, per wizard step, what the step's form cleaned (`answers[step]`) and what was typed
(`answers["_wizard"]["step_data"]`). The API builds the same form data from JSON, runs the same step
forms (postings.forms.steps via postings.wizards.steps.STEPS), and stores the same two things, so a
draft made through the API opens in the wizard exactly as if typed there, and the same rules apply.
`api_answers` is the way back: the stored answers (typed on the pages or sent to the API) in the JSON
shape the API takes, so what a client reads it can send again.
"""

import functools

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext as _

from accounts.identifiers import mask_personal_number
from coverage_portal.state_names import state_in_sentence
from postings.forms.steps import STATE_FIELDS, state_name
from postings.models import ResidenceStatement
from postings.services.drafts import WIZARD_KEY
from postings.wizards.answers import answers_of
from postings.wizards.conditions import needs_residence_statement
from postings.wizards.steps import STEPS

# Steps the API does not take: "check" (its only answer, ask_art16, is a top-level field) and
# "statement" (a PDF upload: POST it to the draft's /statement/).
SKIPPED_STEPS = ("check", "statement")


def api_steps(kind: str) -> list[str]:
    return [name for name, _form in STEPS[kind] if name not in SKIPPED_STEPS]


@functools.cache  # per declared field: reading its choices on every value was a few % of a create
def _is_yes_no(field) -> bool:
    return isinstance(field, forms.TypedChoiceField) and {c[0] for c in field.choices} == {"yes", "no"}


def _form_value(field, value):
    if isinstance(field, forms.BooleanField):
        return "on" if value else ""
    if _is_yes_no(field):
        return "" if value is None else ("yes" if value else "no")
    if value is None:
        return ""
    return str(value)


def _prefixed(form_class, prefix: str, values: dict) -> dict:
    # The declared fields say how to write each value; a form built only to read them was a tenth of
    # the API create's CPU. (A field an __init__ removes simply ignores its value when the form binds.)
    fields = form_class.base_fields
    return {
        f"{prefix}-{name}": _form_value(fields[name], value)
        for name, value in values.items()
        if name in fields
    }


def _query_dict(data: dict) -> QueryDict:
    qd = QueryDict(mutable=True)
    for key, value in data.items():
        qd[key] = value
    return qd


def _masked_fields(form_class) -> tuple[str, ...]:
    """Another person's numbers, which the pages and the API show masked (a step form's `masked_fields`)."""
    return getattr(form_class, "masked_fields", ())


def _unmasked(value, stored, form_class):
    """The step as given, with a masked number sent back as it was read taken as "unchanged": the
    stored number, not its mask (which would fail the number's check, or worse, replace it)."""
    names = _masked_fields(form_class)
    if not names or not isinstance(value, dict) or not isinstance(stored, dict):
        return value
    value = dict(value)
    for name in names:
        real = stored.get(name)
        if real and value.get(name) == mask_personal_number(real):
            value[name] = real
    return value


def _form_data(kind: str, step: str, value, form_class) -> dict:
    if step == "employee":
        return {"employee-employee": str(value)}
    if step == "places":
        data = {
            "places-TOTAL_FORMS": str(len(value)),
            "places-INITIAL_FORMS": "0",
            "places-MIN_NUM_FORMS": "1",
            "places-MAX_NUM_FORMS": "1000",
        }
        place_fields = form_class.form.base_fields
        for index, place in enumerate(value):
            for name, item in place.items():
                if name in place_fields:
                    data[f"places-{index}-{name}"] = _form_value(place_fields[name], item)
        return data
    if step == "states":
        issuing = settings.PORTAL_INSTITUTION["state"]
        if len(value) > len(STATE_FIELDS):
            # Four other states and the issuing state (clean_steps allows no more): the wizard's four
            # selects and its tick box. An error's path (states[i]) is right when the issuing state
            # comes last, as a read-back lists it.
            others = [code for code in value if code != issuing]
            data = {f"states-state_{i}": code for i, code in enumerate(others, 1)}
            return {**data, "states-also_issuing_state": "on"}
        return {f"states-state_{i}": code for i, code in enumerate(value, 1)}
    return _prefixed(form_class, step, value)


def _form_kwargs(step: str, kind: str, employees, answers: dict, chosen=None) -> dict:
    """What the wizard passes each step's form too (postings.views.wizard.get_form_kwargs), read from
    the answers checked so far (the employee and the states come before the steps that use them).
    `chosen`: the employee the employee step of this same call read, if it was sent (no second read)."""
    if step == "employee":
        return {"employees": employees}
    if step == "relationship":
        employee = chosen
        if employee is None:  # an update of the relationship alone: the employee chosen earlier
            employee_id = (answers.get("employee") or {}).get("employee_id")
            employee = employees.filter(pk=employee_id).first() if employee_id else None
        return {"birth_date": employee.birth_date if employee else None}
    if step == "places":
        return {"kind": kind, "states": (answers.get("states") or {}).get("states") or []}
    return {}


def _errors(step: str, form) -> list[dict]:
    """The form's errors with the API's field paths: places[0].country, conditions.start, states[1]."""
    out = []
    if step == "places":
        out += [{"field": "places", "message": str(m)} for m in form.non_form_errors()]
        for index, form_errors in enumerate(form.errors):
            for name, messages in form_errors.items():
                path = f"places[{index}]" + ("" if name == "__all__" else f".{name}")
                out += [{"field": path, "message": str(m)} for m in messages]
        return out
    for name, messages in form.errors.items():
        if step == "employee":
            path = "employee"
        elif step == "states":
            path = "states" if name == "__all__" else f"states[{int(name.rsplit('_', 1)[1]) - 1}]"
        else:
            path = step if name == "__all__" else f"{step}.{name}"
        out += [{"field": path, "message": str(m)} for m in messages]
    return out


def _too_many_states(states: list) -> bool:
    """More than the wizard takes: four states besides the issuing state, which may come on top."""
    issuing = settings.PORTAL_INSTITUTION["state"]
    if len(states) <= len(STATE_FIELDS):
        return False
    return len(states) > len(STATE_FIELDS) + 1 or states.count(issuing) != 1


def clean_steps(*, kind: str, given: dict, current: dict, employees) -> tuple[dict, list[dict]]:
    """Check the steps present in `given` (JSON values by step) with the wizard's forms.

    Returns (the new answers: `current` with the given steps replaced, errors with field paths).
    """
    answers = dict(current or {})
    wizard = dict(answers.get(WIZARD_KEY) or {})
    step_data = dict(wizard.get("step_data") or {})
    errors: list[dict] = []
    forms_by_step = dict(STEPS[kind])
    if "states" in given and _too_many_states(given["states"]):
        message = _(
            "Choose at most four states of work other than the issuing state (%(state)s); list the "
            "issuing state too if the employee also works there."
        ) % {"state": state_name(settings.PORTAL_INSTITUTION["state"])}
        errors.append({"field": "states", "message": message})
        return answers, errors
    chosen = None
    for step in api_steps(kind):
        if step not in given:
            continue
        form_class = forms_by_step[step]
        kwargs = _form_kwargs(step, kind, employees, answers, chosen)
        value = _unmasked(given[step], answers.get(step), form_class)
        data = _form_data(kind, step, value, form_class)
        form = form_class(data=_query_dict(data), prefix=step, **kwargs)
        if not form.is_valid():
            errors += _errors(step, form)
            continue
        cleaned = answers_of(form)
        if step == "employee":
            chosen = form.cleaned_data["employee"]
            before = answers.get("employee") or {}
            if before.get("employee_id") == cleaned["employee_id"]:
                # The same worker again (a read-back sent unchanged): the wizard's search words stay.
                cleaned["query"] = before.get("query", "")
        answers[step] = cleaned
        step_data[step] = {key: [value] for key, value in data.items()}
    if "ask_art16" in given:
        answers["check"] = {**(answers.get("check") or {}), "ask_art16": bool(given["ask_art16"])}
    missing = [s for s in api_steps(kind) if s not in answers]
    wizard.update(
        step=missing[0] if missing else "check",
        step_data=step_data,
        step_files=wizard.get("step_files") or {},
        extra_data=wizard.get("extra_data") or {},
    )
    answers[WIZARD_KEY] = wizard
    return answers, errors


# Steps whose stored answers are the step form's own fields, one key each (the others are a list of
# places, a list of states or an employee id).
_FIELD_STEPS = frozenset({"address", "relationship", "conditions", "period", "ship", "contact"})


def missing_steps(kind: str, answers: dict) -> list[dict]:
    """What must still be answered before the request can be sent: a step not given, or a required
    answer missing from a step stored before the wizard asked it (the conditions step's P1 and P6
    questions, legislation.md 2.3): the wizard asks it again when the step is checked once more before
    sending, and the API names it, `conditions.host_hires_out`, the same way a create names it."""
    answers = answers or {}
    problems = []
    forms_by_step = dict(STEPS[kind])
    for step in api_steps(kind):
        if step not in answers:
            problems.append(
                {"field": step, "message": _("This part is required before the request can be sent.")}
            )
            continue
        stored = answers[step]
        if step not in _FIELD_STEPS or not isinstance(stored, dict):
            continue
        for name, field in forms_by_step[step].base_fields.items():
            if field.required and name not in stored:
                problems.append({"field": f"{step}.{name}", "message": str(field.error_messages["required"])})
    return problems


@functools.cache
def _read_fields() -> dict[str, frozenset]:
    """Per step, the fields its JSON object has (the API serializer's, read-only ones included)."""
    from .serializers.requests import AnswersSerializer

    fields = {}
    for step, field in AnswersSerializer._declared_fields.items():
        declared = getattr(getattr(field, "child", field), "_declared_fields", None)
        if declared is not None:
            fields[step] = frozenset(declared)
    return fields


@functools.cache
def _masked_by_step(kind: str) -> dict[str, tuple[str, ...]]:
    return {step: _masked_fields(form) for step, form in STEPS[kind] if _masked_fields(form)}


def _read_object(stored: dict, names: frozenset, masked=()) -> dict:
    out = {}
    for name, value in stored.items():
        if name not in names:
            continue  # the wizard's own keys (a search's words, the derived also_issuing_state)
        if value == "" and name == "territorial_waters_or_port":
            value = None  # a place's question not asked: stored as the form's empty choice
        elif name in masked and value:
            value = mask_personal_number(value)
        out[name] = value
    return out


def api_answers(kind: str, answers: dict) -> dict:
    """The stored answers in the shape the API takes them (serializers.requests.AnswersSerializer),
    whether typed on the pages or sent to the API: the steps the API takes, by the names it takes
    (`employee` the worker's id, `states` and `places` lists, `ask_art16` at the top). Another
    person's number is masked, as on the pages; sent back as read, it means "unchanged" (_unmasked).
    Built from the stored JSON directly: the request's detail is on the API create's path."""
    answers = answers or {}
    fields = _read_fields()
    masked = _masked_by_step(kind)
    out = {}
    for step in api_steps(kind):
        stored = answers.get(step)
        if not isinstance(stored, dict):
            continue
        if step == "employee":
            out[step] = stored.get("employee_id")
        elif step == "states":
            out[step] = list(stored.get("states") or [])
        elif step == "places":
            out[step] = [_read_object(place, fields[step]) for place in stored.get("places") or []]
        else:
            out[step] = _read_object(stored, fields[step], masked.get(step, ()))
    check = answers.get("check")
    if isinstance(check, dict) and "ask_art16" in check:
        out["ask_art16"] = bool(check["ask_art16"])
    return out


def statement_needed(request) -> bool:
    """The wizard's own predicate: a worker living outside the issuing state who works in two or more
    states needs the residence state's statement."""
    employee = request.employee if request.employee_id else None
    country = employee.country.code if employee and employee.country else None
    return needs_residence_statement(request.type, country, settings.PORTAL_INSTITUTION["state"])


def statement_missing(request) -> list[dict]:
    """The statement as a problem, when the request needs one and none was uploaded."""
    if not statement_needed(request) or ResidenceStatement.objects.filter(request=request).exists():
        return []
    return [
        {
            "field": "statement",
            "message": _(
                "The worker lives in %(state)s: upload the statement of that state's institution "
                "(POST it to this draft's statement/) before sending."
            )
            % {"state": state_in_sentence(request.employee.country.code, "in")},
        }
    ]
