"""Celery tasks of casework: produce and deliver the certificate, make Art. 13 determinations
definitive, send notification e-mails. Tasks take ids, are idempotent and retry with back-off."""

import logging

from celery import shared_task
from celery.signals import worker_process_init
from kombu.exceptions import OperationalError

# What a broker outage raises on send (kombu wraps connection errors; OSError for refused sockets).
BROKER_ERRORS = (OperationalError, ConnectionError, OSError)

logger = logging.getLogger(__name__)

RETRY = {"acks_late": True, "autoretry_for": (Exception,), "retry_backoff": True, "max_retries": 8}


@worker_process_init.connect
def warm_up_pdf(**kwargs):
    """Each worker process sets up fontconfig and parses the certificate stylesheet when it starts,
    so the first certificate it makes is not a second slower than the others."""
    try:
        from .pdf import _font_config, _stylesheet

        _font_config()
        _stylesheet()
    except Exception:  # noqa: BLE001 - a warm-up failure must not stop the worker
        logger.exception("PDF warm-up failed; the first certificate will set it up")


def queue_certificate(request_id: int) -> None:
    """Queue the certificate; if the broker is down the sweep finds the approved request later."""
    try:
        issue_certificate.delay(request_id)
    except BROKER_ERRORS:  # the sweep re-queues
        logger.warning(
            "broker unavailable; certificate for request %s will be re-queued by the sweep", request_id
        )


@shared_task(bind=True, **RETRY)
def issue_certificate(self, request_id: int) -> None:
    from .services.certificates import certificate_issue

    certificate_issue(request_id=request_id)


@shared_task(bind=True, **RETRY)
def send_notification_email(
    self, addresses: list[str], transaction_number: str, language: str = "", employer_name: str = ""
) -> None:
    from .services.notify import send_notification_email as send

    send(addresses, transaction_number, language, employer_name)


@shared_task(bind=True, **RETRY)
def make_determinations_definitive(self) -> int:
    from .services.certificates import certificates_make_definitive

    return certificates_make_definitive()
