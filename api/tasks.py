"""Celery tasks of the API: webhook delivery with exponential back-off, and the sweep that re-queues
deliveries a broker outage left waiting. Tasks take ids and are idempotent (a delivered row is not
sent again)."""

from celery import shared_task
from django.conf import settings

MAX_RETRIES = 6
BACKOFF_BASE_SECONDS = 30  # 30 s, 1 min, 2 min, 4 min, 8 min, 16 min
SWEEP_AFTER_SECONDS = 60


class DeliveryFailed(Exception):
    pass


def retry_base_seconds() -> int:
    """The first pause before a retry (settings.API_WEBHOOK_RETRY_BASE_SECONDS, default 30 s)."""
    return int(getattr(settings, "API_WEBHOOK_RETRY_BASE_SECONDS", BACKOFF_BASE_SECONDS))


def backoff(retries: int, base: int | None = None) -> int:
    return (retry_base_seconds() if base is None else base) * 2**retries


@shared_task(bind=True, acks_late=True, max_retries=MAX_RETRIES)
def deliver_webhook(self, delivery_id: int, retry_base: int | None = None) -> bool:
    """Deliver one row. `retry_base` is fixed by the process that queues the delivery (it reads the
    setting), so the pauses between retries do not depend on the worker's settings."""
    from .services.webhooks import delivery_attempt

    if delivery_attempt(delivery_id=delivery_id):
        return True
    if self.request.is_eager:
        # Embedded mode (no broker): the retries run in-process, without the pauses; a receiver's
        # failure ends in the delivery log, never as an error of the call that changed the status.
        return any(delivery_attempt(delivery_id=delivery_id) for _ in range(MAX_RETRIES))
    if self.request.retries >= MAX_RETRIES:
        return False  # given up; the delivery log shows the last error
    raise self.retry(countdown=backoff(self.request.retries, retry_base), exc=DeliveryFailed(delivery_id))


@shared_task(acks_late=True)
def sweep_webhook_deliveries(older_than_seconds: int = SWEEP_AFTER_SECONDS) -> int:
    """Periodic (celery beat, see api.apps): re-queue deliveries still waiting for their first attempt
    after `older_than_seconds` (the broker was down when they were queued). Returns how many."""
    from .services.webhooks import deliveries_requeue_waiting

    return len(deliveries_requeue_waiting(older_than_seconds=older_than_seconds))


@shared_task(acks_late=True, ignore_result=False)
def purge_idempotency_records() -> int:
    """Periodic (celery beat, see api.apps): forget the idempotency records past their day (they hold
    the first answer, personal data included). Returns how many."""
    from .services.idempotency import records_purge

    return records_purge()


@shared_task(acks_late=True, ignore_result=False)
def trim_webhook_deliveries() -> int:
    """Periodic (celery beat, see api.apps): cut the payload of deliveries finished more than 30 days
    ago down to what the delivery log shows. Returns how many."""
    from .services.delivery_retention import deliveries_trim

    return deliveries_trim()
