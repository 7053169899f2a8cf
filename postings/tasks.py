"""Celery tasks of the request pipeline. Tasks take ids and are idempotent."""

import datetime as dt
import logging

from celery import shared_task

from casework.tasks import BROKER_ERRORS

logger = logging.getLogger(__name__)

# A request still Received after this long missed its task (broker down at send time, lost worker).
STUCK_AFTER = dt.timedelta(minutes=3)


def queue_validation(request_id: int) -> None:
    """Queue validation; if the broker is unreachable, the request stays Received and the sweep
    re-queues it once the broker is back (nothing is lost, the employer already has a number)."""
    try:
        validate_request.delay(request_id)
    except BROKER_ERRORS:  # keep the request, the sweep retries
        logger.warning("broker unavailable; request %s will be re-queued by the sweep", request_id)


@shared_task(bind=True, acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=8)
def validate_request(self, request_id: int) -> None:
    from .services.validation import request_validate

    request_validate(request_id=request_id)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=3,
    ignore_result=False,
)
def sweep_stuck_requests(self, older_than_seconds: float | None = None) -> dict:
    """Every few minutes: re-queue requests stuck in Received and approved requests without a
    certificate (or whose PDF was not produced). Both tasks are idempotent, so a request queued
    twice is processed once."""
    from django.db.models import Q
    from django.utils import timezone

    from casework.tasks import queue_certificate

    from .models import CoverageRequest
    from .status import Decision, Status

    age = dt.timedelta(seconds=older_than_seconds) if older_than_seconds is not None else STUCK_AFTER
    cutoff = timezone.now() - age
    stuck = list(
        CoverageRequest.objects.filter(status=Status.SUBMITTED, submitted_at__lte=cutoff).values_list(
            "pk", flat=True
        )
    )
    for pk in stuck:
        queue_validation(pk)
    missing = list(
        CoverageRequest.objects.filter(
            status=Status.CLOSED, decision=Decision.APPROVED, decided_at__lte=cutoff
        )
        .filter(
            Q(certificate__isnull=True) | Q(certificate__pdf="") | Q(certificate__delivered_at__isnull=True)
        )
        .values_list("pk", flat=True)
    )
    for pk in missing:
        queue_certificate(pk)
    if stuck or missing:
        logger.info("sweep re-queued %d validations and %d certificates", len(stuck), len(missing))
    return {"validations": len(stuck), "certificates": len(missing)}


@shared_task(acks_late=True, ignore_result=False)
def warn_expiring_drafts() -> int:
    """Periodic (celery beat, see postings.apps): tell the employer, two weeks ahead, which unsent
    drafts will be deleted. Returns how many drafts were newly announced."""
    from .services.draft_retention import drafts_warn

    return drafts_warn()


@shared_task(acks_late=True, ignore_result=False)
def purge_expired_drafts() -> int:
    """Periodic (celery beat, see postings.apps): delete the drafts nobody saved for 90 days, with
    their uploaded statements. Sent requests are never deleted. Returns how many."""
    from .services.draft_retention import drafts_purge

    return drafts_purge()
