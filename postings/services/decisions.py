"""What a caseworker (or the validation) decides about a request.

Every function is keyword-only, atomic, holds a row lock on the request, writes a RequestEvent
through request_transition and an audit row. Only caseworkers decide; the employer only answers
an information request. The certificate is produced by a task queued after the commit.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import can_act_for, is_caseworker
from accounts.services.audit import audit_record
from casework.certificate_labels import EXCEPTION_CODE

from ..models import CoverageRequest
from ..status import Decision, Status
from .lifecycle import locked_request, request_transition


def _require_caseworker(actor) -> None:
    if actor is None or not is_caseworker(actor):
        raise PermissionDenied


def request_start_review(*, actor, request: CoverageRequest, determination=None, flags=()) -> CoverageRequest:
    """Received → In review with what the validation found (determination and flags).

    `actor` is None when the validation task does it. The flags are written as casework.RequestFlag
    rows too, so the admin's queue filters on them portably. The caller holds the row lock on
    `request` in its transaction (request_validate read the request with it to validate it), so the
    request is not read again; nor is a savepoint made inside that transaction."""
    if actor is not None:
        _require_caseworker(actor)
    flags = _flag_records(flags)
    with transaction.atomic(savepoint=False):
        request_transition(
            request=request,
            to_status=Status.IN_REVIEW,
            actor=actor,
            kind="validated",
            data={"flags": [f["code"] for f in flags]},
            determination=determination,
            flags=flags,
        )
        _write_flag_rows(request, flags)
        audit_record(
            actor=actor,
            action="request.validated",
            organisation=request.employer,
            obj=request,
            flags=[f["code"] for f in flags],
        )
    return request


def _flag_records(flags) -> list[dict]:
    # The code and the message; with the message in each language when the validation wrote them.
    return [{key: f[key] for key in ("code", "message", "messages") if key in f} for f in flags]


def _write_flag_rows(request: CoverageRequest, flags: list[dict]) -> None:
    from casework.models import RequestFlag

    RequestFlag.objects.filter(request=request).delete()
    RequestFlag.objects.bulk_create(
        [RequestFlag(request=request, code=f["code"], message=f["message"]) for f in flags]
    )


def request_redetermine(*, request: CoverageRequest, determination, flags) -> CoverageRequest:
    """Store a new determination and flags on a request still being decided, without a status
    change: the facts changed after validation (an Art. 16 agreement was recorded). The caller holds
    the row lock, checks the caseworker and writes the event and the audit row."""
    if request.status not in (Status.IN_REVIEW, Status.INFO_REQUESTED):
        raise ValidationError(_("This request has been decided; its determination no longer changes."))
    request.determination = determination
    request.flags = _flag_records(flags)
    request.save(update_fields=["determination", "flags", "updated_at"])
    _write_flag_rows(request, request.flags)
    return request


def _admitted(request: CoverageRequest, admitted_period) -> tuple[dt.date, dt.date]:
    start, end = admitted_period or (None, None)
    start = start or request.requested_start
    end = end or request.requested_end
    errors = {}
    if start < request.requested_start or start > request.requested_end:
        errors["admitted_start"] = _("The admitted period must start within the requested period.")
    if end > request.requested_end or end < request.requested_start:
        errors["admitted_end"] = _("The admitted period must end within the requested period.")
    if not errors and end < start:
        errors["admitted_end"] = _("The admitted period must end on or after its start.")
    if errors:
        raise ValidationError(errors)
    return start, end


def _require_own_legislation(request: CoverageRequest) -> None:
    """The certificate attests that this institution's legislation applies (R987 Art. 19(2);
    legislation.md 2.6, and 4.3: box 2.1 is the issuing state). When the engine found another
    state's legislation (or none), approving would issue a PD A1 naming that state: refuse.
    Without a determination (the engine could not be run) the caseworker decides by hand."""
    determination = request.determination
    if not determination:
        return
    state = settings.PORTAL_INSTITUTION["state"]
    legislation = determination.get("legislation")
    if legislation != state:
        raise ValidationError(
            _("The engine found that the legislation of %(found)s applies, not that of %(state)s.")
            % {"found": legislation or _("no state"), "state": state}
        )
    document = determination.get("certificate")
    if document != "PD A1":
        # A treaty, the TCA or 1408/71 decides (contracts/determination.md `certificate`): a PD A1
        # under Regulation 883/2004 would attest a coordination that does not apply to the case.
        provision = determination.get("provision") or {}
        raise ValidationError(
            _(
                "The engine found that %(instrument)s decides; the document for it is %(document)s, "
                "not a PD A1, and this portal issues PD A1s only. Reject the request with a reason "
                "that tells the employer how to apply for that document."
            )
            % {"instrument": provision.get("instrument") or "—", "document": document or _("none")}
        )


def _exception_period(request: CoverageRequest) -> tuple[dt.date, dt.date] | None:
    determination = request.determination or {}
    period = determination.get("period") or {}
    if determination.get("a1_status_code") != EXCEPTION_CODE or not period:
        return None
    return dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])


def proposed_admitted_period(request: CoverageRequest) -> tuple[dt.date, dt.date]:
    """What the approval page proposes: the requested period, within an agreed exception's."""
    start, end = request.requested_start, request.requested_end
    agreed = _exception_period(request)
    if agreed:
        start, end = max(start, agreed[0]), min(end, agreed[1])
    return start, end


def _require_within_exception(request: CoverageRequest, start: dt.date, end: dt.date) -> None:
    """An exception applies for the agreed period only (the determination's period): outside it the
    ordinary rules decide, so the certificate may not cover more."""
    agreed = _exception_period(request)
    if agreed is None:
        return
    errors = {}
    if start < agreed[0]:
        errors["admitted_start"] = _("The exception was agreed from %(day)s only.") % {"day": agreed[0]}
    if end > agreed[1]:
        errors["admitted_end"] = _("The exception was agreed until %(day)s only.") % {"day": agreed[1]}
    if errors:
        raise ValidationError(errors)


def request_decide(
    *, actor, request: CoverageRequest, decision: str, admitted_period=None, reason: str = "", automatic=False
) -> CoverageRequest:
    """Approve (for the requested period or a shorter admitted one) or reject with a reason.

    `automatic=True` is the clean-posting auto-approval (actor None); otherwise only caseworkers."""
    if not automatic:
        _require_caseworker(actor)
    reason = (reason or "").strip()
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Choose approve or reject.")})
    if decision == Decision.REJECTED and not reason:
        raise ValidationError({"reason": _("Give the reason for the rejection; the employer will see it.")})
    with transaction.atomic():
        request = locked_request(request.pk)
        changes = {"decision": decision, "decision_reason": reason, "decided_at": timezone.now()}
        if decision == Decision.APPROVED:
            _require_own_legislation(request)
            changes["admitted_start"], changes["admitted_end"] = _admitted(request, admitted_period)
            _require_within_exception(request, changes["admitted_start"], changes["admitted_end"])
        request_transition(
            request=request,
            to_status=Status.CLOSED,
            actor=actor,
            kind=decision,
            reason=reason,
            data={
                "automatic": automatic,
                "admitted_start": str(changes.get("admitted_start") or ""),
                "admitted_end": str(changes.get("admitted_end") or ""),
            },
            **changes,
        )
        audit_record(
            actor=actor,
            action=f"request.{decision}",
            organisation=request.employer,
            obj=request,
            reason=reason,
            automatic=automatic,
        )
        request_id = request.pk
        if decision == Decision.APPROVED:
            from casework.tasks import queue_certificate

            transaction.on_commit(lambda: queue_certificate(request_id))
        else:
            from casework.services.notify import in_request_language, notify_employer

            with in_request_language(request):
                notify_employer(
                    request=request,
                    kind="decision",
                    subject=_("Request %(number)s was rejected") % {"number": request.transaction_number},
                    body=_("Your request %(number)s was rejected for this reason:\n\n%(reason)s")
                    % {"number": request.transaction_number, "reason": reason},
                    dedup_key=f"rejected:{request.pk}",
                )
    return request


def request_ask_information(*, actor, request: CoverageRequest, message: str) -> CoverageRequest:
    """In review → Information requested; the question lands in the employer's inbox."""
    from casework.services.notify import in_request_language, notify_employer

    _require_caseworker(actor)
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write the question for the employer.")})
    with transaction.atomic():
        request = locked_request(request.pk)
        event = request_transition(
            request=request,
            to_status=Status.INFO_REQUESTED,
            actor=actor,
            kind="info_requested",
            reason=message,
        )
        with in_request_language(request):
            notify_employer(
                request=request,
                kind="info_request",
                subject=_("Information needed for request %(number)s")
                % {"number": request.transaction_number},
                body=message,
                dedup_key=f"info:{event.pk}",
            )
        audit_record(actor=actor, action="request.info_requested", organisation=request.employer, obj=request)
    return request


def request_answer_information(
    *, actor, request: CoverageRequest, answer: str, message=None
) -> CoverageRequest:
    """The employer answers in the portal: Information requested → In review."""
    from casework.models import InboxMessage

    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("Write your answer.")})
    with transaction.atomic():
        request = locked_request(request.pk)
        if not can_act_for(actor, request.employer):
            raise PermissionDenied
        if request.status != Status.INFO_REQUESTED:
            raise ValidationError(_("This request is not waiting for information."))
        request_transition(
            request=request, to_status=Status.IN_REVIEW, actor=actor, kind="info_answered", reason=answer
        )
        questions = InboxMessage.objects.filter(
            request=request, kind=InboxMessage.Kind.INFORMATION_REQUEST, answered_at__isnull=True
        )
        if message is not None:
            questions = questions.filter(dedup_key=message.dedup_key)
        questions.update(answer=answer, answered_at=timezone.now(), answered_by=actor)
        audit_record(actor=actor, action="request.info_answered", organisation=request.employer, obj=request)
    return request


def is_clean_posting(request: CoverageRequest) -> bool:
    """What the automatic approval accepts: a posting under Art. 12(1), no flags, our legislation."""
    determination = request.determination or {}
    provision = determination.get("provision") or {}
    return (
        request.type == "posting"
        and provision.get("article") == "12(1)"
        and not request.flags
        and determination.get("legislation") == settings.PORTAL_INSTITUTION["state"]
    )
