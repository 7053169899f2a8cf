"""Celery tasks of the request pipeline. Tasks take ids and are idempotent."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


def queue_validation(request_id: int) -> None:
    """Queue validation; if the broker is unreachable, the request stays Received and the sweep
    re-queues it once the broker is back (nothing is lost, the employer already has a number)."""
    try:
        validate_request.delay(request_id)
    except Exception:  # noqa: BLE001 - any broker error: keep the request, the sweep retries
        logger.warning("broker unavailable; request %s will be re-queued by the sweep", request_id)


@shared_task(bind=True, acks_late=True, autoretry_for=(Exception,), retry_backoff=True, max_retries=8)
def validate_request(self, request_id: int) -> None:
    from .services.validation import request_validate

    request_validate(request_id=request_id)
