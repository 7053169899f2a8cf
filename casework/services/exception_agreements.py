"""The other state's answer to an Art. 16(1) exception request (legislation.md 2.5: SED A001 asks,
A011 agrees, A002 refuses), recorded by a caseworker on the request before deciding it.

An agreement changes the facts the engine decides on (posting.art16_agreement), so the request's
determination and flags are worked out again at once: for the agreed period the engine finds this
institution's legislation under 16(1) and the caseworker can approve (PD A1 box 3.11). A refusal
leaves the determination as it was; the caseworker then decides on the ordinary rules.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from accounts.permissions import is_caseworker
from accounts.services.audit import audit_record
from coverage_portal.state_names import state_in_sentence
from postings.models import CoverageRequest, RequestType
from postings.services.decisions import request_redetermine
from postings.services.lifecycle import locked_request, request_record_event
from postings.status import Status

from ..models import ExceptionAgreement
from .notify import in_request_language, notify_employer

# The engine takes an agreement only as part of a posting (contracts/determination.md: posting keys).
# A seafarer's request is a posting to the flag state when the flag is not ours (postings.situation).
TYPES_WITH_A_POSTING = (RequestType.POSTING, RequestType.SEAFARER)


def _check(request: CoverageRequest, outcome: str, start, end, answered_on) -> dict:
    errors = {}
    if request.status not in (Status.IN_REVIEW, Status.INFO_REQUESTED):
        raise ValidationError(_("The answer can only be recorded while the request is being decided."))
    if request.type not in TYPES_WITH_A_POSTING:
        raise ValidationError(_("An exception agreement can only be recorded for a posting."))
    if answered_on and answered_on > timezone.localdate():
        errors["answered_on"] = _("The answer cannot be dated in the future.")
    if outcome == ExceptionAgreement.Outcome.AGREED:
        if not start:
            errors["start"] = _("Enter the first day the agreement covers.")
        if not end:
            errors["end"] = _("Enter the last day the agreement covers.")
        if start and end and end < start:
            errors["end"] = _("The agreement must end on or after its start.")
        elif start and start > request.requested_start:
            # The engine decides on the posting's first day (postings.situation: reference_date);
            # an agreement that starts later leaves that day to the ordinary rules.
            errors["start"] = _(
                "The agreement must cover the first day of the requested period (%(day)s); "
                "for a later start, the employer applies again from that day."
            ) % {"day": request.requested_start.strftime("%d-%m-%Y")}  # as the field beside it takes it
    return errors


def request_record_exception_answer(
    *,
    actor,
    request: CoverageRequest,
    outcome: str,
    other_state: str,
    answered_on: dt.date,
    reference: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
    note: str = "",
) -> ExceptionAgreement:
    """Record (or replace) the answer, work out the determination again, tell the employer."""
    from postings.services.validation import validation_flags

    if actor is None or not is_caseworker(actor):
        raise PermissionDenied
    if outcome not in ExceptionAgreement.Outcome.values:
        raise ValidationError({"outcome": _("Choose whether the state agreed or refused.")})
    if outcome == ExceptionAgreement.Outcome.REFUSED:
        start = end = None
    with transaction.atomic():
        request = locked_request(request.pk, "employee")
        errors = _check(request, outcome, start, end, answered_on)
        if other_state == settings.PORTAL_INSTITUTION["state"]:
            errors["other_state"] = _("Choose the state that answered, not our own.")
        if errors:
            raise ValidationError(errors)
        agreement, _created = ExceptionAgreement.objects.update_or_create(
            request=request,
            defaults={
                "outcome": outcome,
                "other_state": other_state,
                "answered_on": answered_on,
                "reference": reference.strip(),
                "start": start,
                "end": end,
                "note": note.strip(),
                "recorded_by": actor,
                "recorded_at": timezone.now(),
            },
        )
        determination, flags = validation_flags(request)
        request_redetermine(request=request, determination=determination, flags=flags)
        details = {
            "outcome": outcome,
            "state": other_state,
            "answered_on": answered_on.isoformat(),
            "reference": agreement.reference,
            "start": start.isoformat() if start else "",
            "end": end.isoformat() if end else "",
            "legislation": (determination or {}).get("legislation") or "",
        }
        # No reason: the note is for caseworkers. The employer sees the event, and the answer in the inbox.
        request_record_event(request=request, actor=actor, kind="exception_answer", data=details)
        audit_record(
            actor=actor,
            action="request.exception_answer",
            organisation=request.employer,
            obj=request,
            **details,
        )
        _tell_employer(request, agreement)
    return agreement


def _tell_employer(request: CoverageRequest, agreement: ExceptionAgreement) -> None:
    with in_request_language(request):
        # "The Netherlands agreed ...", "The institution of the Netherlands ..." in English.
        state = state_in_sentence(agreement.other_state.code, "of")
        if agreement.agreed:
            subject = _("%(state)s agreed to the exception for request %(number)s")
            body = _(
                "The institution of %(state)s agreed that our legislation applies from %(start)s to "
                "%(end)s (Article 16 of Regulation (EC) No 883/2004). We now decide on your request."
            )
        else:
            subject = _("%(state)s did not agree to the exception for request %(number)s")
            body = _(
                "The institution of %(state)s did not agree to an exception under Article 16 of "
                "Regulation (EC) No 883/2004. We now decide on your request under the ordinary rules."
            )
        values = {
            "state": state,
            "number": request.transaction_number,
            "start": agreement.start.isoformat() if agreement.start else "",
            "end": agreement.end.isoformat() if agreement.end else "",
        }
        notify_employer(
            request=request,
            kind="notice",
            subject=capfirst(subject % values),
            body=body % values,
            dedup_key=f"exception:{request.pk}:{agreement.outcome}:{agreement.answered_on.isoformat()}",
        )
