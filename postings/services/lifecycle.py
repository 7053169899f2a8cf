"""The request's lifecycle: the guarded transition every status change goes through, send, cancel."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import can_act_for
from coverage_portal.precompiled import PrecompiledRead

from ..models import CoverageRequest, RequestEvent
from ..status import ALLOWED_TRANSITIONS, Decision, IllegalTransition, Status, check_transition
from ..worker import worker_copy


def request_transition(
    *, request: CoverageRequest, to_status: str, actor, kind: str, reason: str = "", data=None, **changes
) -> RequestEvent:
    """Move `request` to `to_status` if the table allows it, apply `changes`, write the event.

    Callers hold a row lock (select_for_update) on the request inside a transaction, so two
    concurrent actions cannot both pass the check.
    """
    check_transition(request.status, to_status)
    from_status = request.status
    request.status = to_status
    for field, value in changes.items():
        setattr(request, field, value)
    request.save()
    return RequestEvent.objects.create(
        request=request,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        data=data or {},
    )


def request_record_event(
    *, request: CoverageRequest, actor, kind: str, reason: str = "", data=None
) -> RequestEvent:
    """An event that does not change the status (a certificate issued, a message answered)."""
    return RequestEvent.objects.create(
        request=request,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        kind=kind,
        from_status=request.status,
        to_status=request.status,
        reason=reason,
        data=data or {},
    )


# Compiled once per process and set of joined relations (coverage_portal/precompiled.py): every
# send, validation and decision starts with this read.
_LOCKED_READS: dict[tuple[str, ...], PrecompiledRead] = {}


def locked_request(pk, *related: str) -> CoverageRequest:
    """The request, row-locked until the transaction ends, with its employer (and `related`) read in
    the same query; only the request's own row is locked."""
    read = _LOCKED_READS.get(related)
    if read is None:
        read = _LOCKED_READS[related] = PrecompiledRead(
            lambda pk: (
                CoverageRequest.objects.select_for_update(of=("self",))
                .select_related("employer", *related)
                .filter(pk=pk)
                .order_by()
            ),
            pk=int,
        )
    found = read.first(pk=int(pk))
    if found is None:
        raise CoverageRequest.DoesNotExist("No request with this id.")
    return found


def transaction_number_for(request: CoverageRequest) -> str:
    """Unique and readable: issuing state, year, zero-padded row id (unique by construction)."""
    state = settings.PORTAL_INSTITUTION["state"]
    return f"{state}-{timezone.localdate().year}-{request.pk:08d}"


def request_submit(*, actor, request: CoverageRequest, submission_key: str | None = None) -> CoverageRequest:
    """Send a completed draft: transaction number, status In progress, validation queued after commit.

    Idempotent on `submission_key`: a second call with the same key (double click, API retry)
    returns the request that the first call sent.
    """
    existing = already_sent(actor, submission_key)
    if existing is not None:
        return existing
    with transaction.atomic():
        return submit_locked(actor=actor, request=locked_request(request.pk), submission_key=submission_key)


# Every send asks (the wizard's and the API's keys); the key is unique.
_SENT_WITH_KEY = PrecompiledRead(
    lambda submission_key: (
        CoverageRequest.objects.filter(submission_key=submission_key).select_related("employer").order_by()
    ),
    submission_key=str,
)


def already_sent(actor, submission_key: str | None) -> CoverageRequest | None:
    """The request a first call with this submission key already sent, if any."""
    if not submission_key:
        return None
    existing = _SENT_WITH_KEY.first(submission_key=submission_key)
    if existing is None or existing.status == Status.DRAFT:
        return None
    if not can_act_for(actor, existing.employer):
        raise PermissionDenied
    return existing


def submit_locked(*, actor, request: CoverageRequest, submission_key: str | None) -> CoverageRequest:
    """request_submit's work, for a caller that already holds the row lock in its transaction (and
    has looked for an earlier call with the key). Saves every field the caller changed as well."""
    if not can_act_for(actor, request.employer):
        raise PermissionDenied
    if request.status != Status.DRAFT:
        # The first click already sent it; the second one shows the same result.
        if submission_key and request.submission_key == submission_key:
            return request
        check_transition(request.status, Status.SUBMITTED)
    if request.employee_id is None or request.requested_start is None or request.requested_end is None:
        raise ValidationError(_("The request is not complete: the worker and the period are required."))
    request_transition(
        request=request,
        to_status=Status.SUBMITTED,
        actor=actor,
        kind="submitted",
        transaction_number=transaction_number_for(request),
        submitted_at=timezone.now(),
        submission_key=submission_key or None,
        # The one place a request leaves the draft status: what it says about the worker is fixed here.
        worker_as_sent=worker_copy(request.employee),
    )
    request_id = request.pk
    transaction.on_commit(lambda: _queue_validation(request_id))
    return request


def _queue_validation(request_id: int) -> None:
    # Imported here: tasks import services, and a broker outage must not lose the request. The
    # request is already committed as Received; the periodic sweep in postings.tasks re-queues
    # requests that stay Received because the broker was down when they were sent.
    from ..tasks import queue_validation

    queue_validation(request_id)


def can_cancel(request: CoverageRequest) -> bool:
    """A request can be cancelled until it is cancelled, except a rejected one: cancelling
    withdraws a request still being handled or the certificate an approval gave (NSSO manual,
    "Cancel a request"), and a rejection left nothing in force to withdraw."""
    allowed = Status.CANCELLED in ALLOWED_TRANSITIONS.get(request.status, ())
    return allowed and request.decision != Decision.REJECTED


def request_cancel(*, actor, request: CoverageRequest, reason: str) -> CoverageRequest:
    """Cancel with a mandatory justification; the request stays listed as Cancelled."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for cancelling this request.")})
    with transaction.atomic():
        request = locked_request(request.pk)
        if not can_act_for(actor, request.employer):
            raise PermissionDenied
        if not can_cancel(request):  # a rejected request, which the status table alone allows
            raise IllegalTransition(request.status, Status.CANCELLED)
        request_transition(
            request=request,
            to_status=Status.CANCELLED,
            actor=actor,
            kind="cancelled",
            reason=reason,
            cancel_reason=reason,
        )
    return request
