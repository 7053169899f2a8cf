"""Celery tasks of the API: webhook delivery with exponential back-off. Tasks take ids and are idempotent
(a delivered row is not sent again)."""

from celery import shared_task

MAX_RETRIES = 6
BACKOFF_BASE_SECONDS = 30  # 30 s, 1 min, 2 min, 4 min, 8 min, 16 min


class DeliveryFailed(Exception):
    pass


def backoff(retries: int) -> int:
    return BACKOFF_BASE_SECONDS * 2**retries


@shared_task(bind=True, acks_late=True, max_retries=MAX_RETRIES)
def deliver_webhook(self, delivery_id: int) -> bool:
    from .services.webhooks import delivery_attempt

    if delivery_attempt(delivery_id=delivery_id):
        return True
    if self.request.is_eager:
        # Embedded mode (no broker): the retries run in-process, without the pauses; a receiver's
        # failure ends in the delivery log, never as an error of the call that changed the status.
        return any(delivery_attempt(delivery_id=delivery_id) for _ in range(MAX_RETRIES))
    if self.request.retries >= MAX_RETRIES:
        return False  # given up; the delivery log shows the last error
    raise self.retry(countdown=backoff(self.request.retries), exc=DeliveryFailed(delivery_id))
