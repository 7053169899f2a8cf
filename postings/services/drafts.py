"""Drafts: create, save after every wizard step, discard, reuse, extend, and send.

The wizard's answers live on the draft request (`answers`, `wizard_step`), so a person can leave
and resume from "My drafts". `answers` holds the cleaned answers per step (what the summary, the
engine's situation and the consult columns read) and, under "_wizard", the wizard's own state
(the submitted form data per step, so each page comes back exactly as it was typed).
"""

import copy
import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Employee
from accounts.permissions import can_act_for, representative_firm_for
from accounts.services.audit import audit_record

from ..models import CoverageRequest, OutputChannel, PlaceOfWork, RequestType, ResidenceStatement
from ..status import Decision, Status
from ..wizards.steps import DESTINATION_STEP, EMPLOYEE_STEPS, PERIOD_STEP, STEPS
from .lifecycle import already_sent, locked_request, request_submit, submit_locked

WIZARD_KEY = "_wizard"
PLACE_FIELDS = [
    f.name for f in PlaceOfWork._meta.concrete_fields if f.name not in ("id", "request", "seq", "time_pct")
]


class ReuseMode:
    OTHER_EMPLOYEE = "other_employee"
    OTHER_DESTINATION = "other_destination"
    OTHER_PERIOD = "other_period"
    COPY = "copy"
    ALL = (OTHER_EMPLOYEE, OTHER_DESTINATION, OTHER_PERIOD, COPY)


def _check_actor(actor, employer):
    if not can_act_for(actor, employer):
        raise PermissionDenied


def draft_create(
    *, actor, employer, kind: str, answers=None, wizard_step: str = "", based_on=None, extends=None
) -> CoverageRequest:
    _check_actor(actor, employer)
    if kind not in RequestType.values:
        raise ValidationError(_("Unknown type of request."))
    draft = CoverageRequest(
        type=kind,
        employer=employer,
        created_by=actor,
        representative=representative_firm_for(actor, employer),
        answers=answers or {},
        wizard_step=wizard_step or STEPS[kind][0][0],
        based_on=based_on,
        extends=extends,
    )
    _denormalise(draft)
    draft.save()
    audit_record(actor=actor, action="request.draft_created", organisation=employer, obj=draft, kind=kind)
    return draft


# What saving a step writes: the answers and the consult columns taken from them.
_STEP_FIELDS = (
    "answers",
    "wizard_step",
    "employee_id",
    "worker_name",
    "worker_name_search",
    "personal_number",
    "requested_start",
    "requested_end",
    "language",
    "output_channel",
    "territory",
    "state_of_work",
    "updated_at",
)


def draft_save(*, actor, draft: CoverageRequest, answers: dict, wizard_step: str) -> bool:
    """Store the answers after a step. Does nothing (returns False) once the request was sent.

    Every wizard page saves, so this is one conditional UPDATE of the fields a step changes: it
    writes only while the row is still a draft (PostgreSQL checks the status again after waiting for
    a send in progress), with no lock held between a read and a write and no transaction around it."""
    _check_actor(actor, draft.employer)
    draft.answers = answers
    draft.wizard_step = wizard_step or ""
    _denormalise(draft)
    draft.set_search_columns()
    draft.updated_at = timezone.now()
    written = CoverageRequest.objects.filter(pk=draft.pk, status=Status.DRAFT).update(
        **{name: getattr(draft, name) for name in _STEP_FIELDS}
    )
    return written == 1


def draft_discard(*, actor, draft: CoverageRequest) -> None:
    with transaction.atomic():
        locked = locked_request(draft.pk)
        _check_actor(actor, locked.employer)
        if locked.status != Status.DRAFT:
            raise ValidationError(_("Only a draft can be discarded."))
        audit_record(actor=actor, action="request.draft_discarded", organisation=locked.employer, obj=locked)
        if hasattr(locked, "residence_statement"):
            locked.residence_statement.file.delete(save=False)
        locked.delete()


def draft_send(
    *, actor, draft: CoverageRequest, submission_key: str | None, answers: dict | None = None
) -> CoverageRequest:
    """Copy the consult columns out of the answers, write the places of work, then send.

    All in one transaction: a request is sent complete or not at all. A second call with the same
    submission key (double click) returns the request the first call sent. `answers`, when given,
    replace the stored ones first (the wizard's last step), in the same transaction.
    """
    with transaction.atomic():
        locked = locked_request(draft.pk, "employee", "extends")
        _check_actor(actor, locked.employer)
        if locked.status != Status.DRAFT:
            return request_submit(actor=actor, request=locked, submission_key=submission_key)
        earlier = already_sent(actor, submission_key)
        if earlier is not None:
            return earlier
        if answers is not None:
            locked.answers = answers
            locked.wizard_step = STEPS[locked.type][-1][0]
        problems = extension_errors(locked)
        if problems:
            raise ValidationError(list(problems.values()))
        _denormalise(locked)  # saved with the new status below
        locked.places.all().delete()
        PlaceOfWork.objects.bulk_create(
            [
                PlaceOfWork(request=locked, seq=i, **place)
                for i, place in enumerate(places_from_answers(locked), 1)
            ]
        )
        sent = submit_locked(actor=actor, request=locked, submission_key=submission_key)
        audit_record(actor=actor, action="request.submitted", organisation=locked.employer, obj=sent)
    return sent


def places_from_answers(request: CoverageRequest) -> list[dict]:
    answers = request.answers or {}
    if request.type == RequestType.SEAFARER:
        ship = answers.get("ship") or {}
        if not ship:
            return []
        return [
            {
                "country": ship.get("flag_state", ""),
                "location_type": "ocean_vessel",
                "name": ship.get("name", ""),
                "imo_number": ship.get("imo_number", ""),
                "flag_state": ship.get("flag_state", ""),
                "territorial_waters_or_port": ship.get("territorial_waters_or_port"),
            }
        ]
    places = []
    for place in (answers.get("places") or {}).get("places") or []:
        row = {name: place.get(name) for name in PLACE_FIELDS if place.get(name) not in (None, "")}
        if "territorial_waters_or_port" in place and place["location_type"] == "ocean_vessel":
            row["territorial_waters_or_port"] = place["territorial_waters_or_port"]
        if place.get("time_pct") is not None:
            row["time_pct"] = place["time_pct"]
        places.append(row)
    return places


def _date(value):
    return dt.date.fromisoformat(value) if value else None


def _denormalise(request: CoverageRequest) -> None:
    """The consult columns, from the answers (drafts show them in My drafts too)."""
    answers = request.answers or {}
    employee_id = (answers.get("employee") or {}).get("employee_id")
    employee = None
    if employee_id:
        # The worker read with the request (send) is current: no second query for the same row.
        known = request.employee if "employee" in request._state.fields_cache else None
        if known is not None and known.pk == employee_id and known.employer_id == request.employer_id:
            employee = known
        else:
            employee = Employee.objects.filter(pk=employee_id, employer_id=request.employer_id).first()
    request.employee = employee
    request.worker_name = f"{employee.family_name}, {employee.given_names}" if employee else ""
    request.personal_number = employee.personal_number if employee else ""
    period = answers.get(PERIOD_STEP[request.type]) or {}
    request.requested_start = _date(period.get("start"))
    request.requested_end = _date(period.get("end"))
    request.language = period.get("language") or ""
    channel = (answers.get("contact") or {}).get("output_channel")
    request.output_channel = channel if channel in OutputChannel.values else OutputChannel.EBOX
    places = (answers.get("places") or {}).get("places") or []
    request.territory = next((p["territory"] for p in places if p.get("territory")), "")
    if request.type == RequestType.SEAFARER:
        request.state_of_work = (answers.get("ship") or {}).get("flag_state") or ""
    elif request.type == RequestType.SIMULTANEOUS:
        states = (answers.get("states") or {}).get("states") or []
        request.state_of_work = states[0] if states else ""
    else:
        request.state_of_work = places[0]["country"] if places else ""


# --- reuse ------------------------------------------------------------------------------------------


def _raw_to_initial(raw: dict, step: str, drop: tuple[str, ...]) -> dict:
    prefix = f"{step}-"
    return {
        key[len(prefix) :]: values[0] if isinstance(values, list) and len(values) == 1 else values
        for key, values in raw.items()
        if key.startswith(prefix) and key[len(prefix) :] not in drop
    }


def reused_answers(source: CoverageRequest, mode: str, *, period: tuple | None = None) -> tuple[dict, str]:
    """The answers of a new draft based on `source`, and the step it opens at.

    NSSO: another employee (same destination, period, conditions); same employee, other destination
    and period (conditions kept); same employee, destination and conditions, other period; or a copy.
    `period` (start, end) fills the period instead of clearing it (extending a request).
    """
    kind = source.type
    steps = [name for name, _form in STEPS[kind] if name not in ("check", "statement")]
    period_step = PERIOD_STEP[kind]
    destination = {DESTINATION_STEP[kind], "places"} & set(steps)
    if mode == ReuseMode.OTHER_EMPLOYEE:
        keep, partial, opens = [s for s in steps if s not in EMPLOYEE_STEPS], (), "employee"
    elif mode == ReuseMode.OTHER_DESTINATION:
        keep = [s for s in steps if s not in destination and s != period_step]
        partial, opens = (period_step,), DESTINATION_STEP[kind]
    elif mode == ReuseMode.OTHER_PERIOD:
        keep, partial, opens = [s for s in steps if s != period_step], (period_step,), period_step
    elif mode == ReuseMode.COPY:
        keep, partial, opens = steps, (), steps[0]
    else:
        raise ValidationError(_("Unknown way of reusing a request."))
    source_answers = source.answers or {}
    raw = (source_answers.get(WIZARD_KEY) or {}).get("step_data") or {}
    answers = {s: copy.deepcopy(source_answers[s]) for s in keep if s in source_answers}
    step_data = {s: copy.deepcopy(raw[s]) for s in keep if s in raw}
    initial = {}
    for step in partial:
        if period is not None and step in raw:
            data = copy.deepcopy(raw[step])
            data[f"{step}-start"], data[f"{step}-end"] = [period[0].isoformat()], [period[1].isoformat()]
            step_data[step] = data
            answers[step] = {
                **source_answers.get(step, {}),
                "start": period[0].isoformat(),
                "end": period[1].isoformat(),
            }
        elif step in raw:
            initial[step] = _raw_to_initial(raw[step], step, drop=("start", "end"))
    answers[WIZARD_KEY] = {
        "step": opens,
        "step_data": step_data,
        "step_files": {},
        "extra_data": {"initial": initial},
    }
    return answers, opens


def draft_reuse(*, actor, source: CoverageRequest, mode: str) -> CoverageRequest:
    _check_actor(actor, source.employer)
    answers, opens = reused_answers(source, mode)
    return draft_create(
        actor=actor,
        employer=source.employer,
        kind=source.type,
        answers=answers,
        wizard_step=opens,
        based_on=source,
    )


# NSSO offers "Extend a request" for simultaneous occupation. A posting may be extended too: Art. 12
# allows up to 24 months in total, and beyond that the check-answers page offers an Art. 16 exception.
# A seafarer's request covers one voyage; a new voyage is a new request ("another period").
EXTENDABLE_TYPES = (RequestType.POSTING, RequestType.SIMULTANEOUS)


def can_extend(request: CoverageRequest) -> bool:
    """An extension continues a period that is granted or still asked for; a rejected request
    has no period to continue (a new request is made instead)."""
    return (
        request.type in EXTENDABLE_TYPES
        and request.status not in (Status.DRAFT, Status.CANCELLED)
        and request.decision != Decision.REJECTED
        and current_end(request) is not None
    )


def current_end(request: CoverageRequest) -> dt.date | None:
    """The end of a request's period: the admitted end once decided, else the requested end."""
    return request.admitted_end or request.requested_end


def extension_errors(draft: CoverageRequest, period: dict | None = None) -> dict[str, str]:
    """For a draft that extends a request: its period (`period`, or the one in its answers) must come
    after the extended request's end. {field: message}, empty when fine or not an extension."""
    source = draft.extends
    end = current_end(source) if source is not None else None
    if end is None:
        return {}
    if period is None:
        period = (draft.answers or {}).get(PERIOD_STEP[draft.type]) or {}
    new_start, new_end = _date(period.get("start")), _date(period.get("end"))
    values = {"number": source.transaction_number, "date": end.strftime("%d-%m-%Y")}
    errors = {}
    if new_start is not None and new_start <= end:
        errors["start"] = (
            _(
                "This request extends request %(number)s, which ends on %(date)s: the extension must "
                "start after %(date)s."
            )
            % values
        )
    if new_end is not None and new_end <= end:
        errors["end"] = (
            _(
                "This request extends request %(number)s, which ends on %(date)s: the new end date must "
                "be after %(date)s."
            )
            % values
        )
    return errors


def draft_extend(*, actor, source: CoverageRequest, new_end: dt.date) -> CoverageRequest:
    """Extend: a new request from the day after the source's end to `new_end` (sets `extends`)."""
    _check_actor(actor, source.employer)
    if source.type not in EXTENDABLE_TYPES:
        raise ValidationError(
            {
                "new_end": _(
                    "A seafarer's request cannot be extended. Make a new request for the same employee "
                    "and another period."
                )
            }
        )
    correction = getattr(source, "correction", None) if source.status == Status.CANCELLED else None
    if correction is not None:
        # Replaced by a corrected certificate (casework.services.correction): the corrected request
        # is the one in force.
        message = _("Request %(number)s was replaced by the corrected request %(new)s: extend that one.")
        raise ValidationError(
            {"new_end": message % {"number": source.transaction_number, "new": correction.transaction_number}}
        )
    if source.status in (Status.DRAFT, Status.CANCELLED):
        raise ValidationError({"new_end": _("Only a sent request that is not cancelled can be extended.")})
    if source.decision == Decision.REJECTED:
        message = _("A rejected request cannot be extended. Make a new request for the period you need.")
        raise ValidationError({"new_end": message})
    end = current_end(source)
    if end is None or new_end <= end:
        raise ValidationError(
            {
                "new_end": _("The new end date must be after %(date)s, the end of the current request.")
                % {"date": end.strftime("%d-%m-%Y") if end else "–"}
            }
        )
    answers, opens = reused_answers(
        source, ReuseMode.OTHER_PERIOD, period=(end + dt.timedelta(days=1), new_end)
    )
    answers[WIZARD_KEY]["step"] = opens
    return draft_create(
        actor=actor,
        employer=source.employer,
        kind=source.type,
        answers=answers,
        wizard_step=opens,
        based_on=source,
        extends=source,
    )


# --- the residence state's statement ---------------------------------------------------------------


def residence_statement_save(
    *, actor, draft: CoverageRequest, upload, statement_date: dt.date
) -> ResidenceStatement:
    """Store (or replace) the statement on a draft. The form has checked the PDF, size and date."""
    with transaction.atomic():
        locked = locked_request(draft.pk)
        _check_actor(actor, locked.employer)
        if locked.status != Status.DRAFT:
            raise ValidationError(_("The request has been sent already."))
        statement = ResidenceStatement.objects.filter(request=locked).first()
        if statement is None:
            statement = ResidenceStatement(request=locked, statement_date=statement_date, uploaded_by=actor)
        statement.statement_date = statement_date
        if upload is not None:
            if statement.file:
                statement.file.delete(save=False)
            statement.file.save("statement.pdf", upload, save=False)
            statement.uploaded_by = actor
            statement.uploaded_at = timezone.now()
        statement.save()
        audit_record(
            actor=actor,
            action="request.residence_statement",
            organisation=locked.employer,
            obj=locked,
            statement_date=statement_date.isoformat(),
        )
    return statement


def issuing_state() -> str:
    return settings.PORTAL_INSTITUTION["state"]
