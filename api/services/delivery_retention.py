"""The webhook delivery log keeps a delivery's content only for DELIVERY_PAYLOAD_RETENTION.

A delivery's payload is what was sent: the request's period, status and decision (dates of a
worker's work abroad, linked to a request). Once it is delivered or given up, nothing resends it; the
employer's delivery log (page and API) needs only when, which event, for which request, how many
attempts and how it ended. After the period the payload is cut down to the event and the request's
transaction number. The row itself stays: its dedup_key is what stops a later save of the same
certificate or event from sending a second delivery.
"""

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from ..models import WebhookDelivery

# A month: long enough for an integrator to look back at what was sent and why a delivery failed,
# after which the receiver has it (or has been told it failed) and the portal keeps the request itself.
DELIVERY_PAYLOAD_RETENTION = dt.timedelta(days=30)


def trimmed_payload(payload: dict) -> dict:
    """What the delivery log shows: the event and the request's transaction number."""
    request = payload.get("request") or {}
    return {
        "event": payload.get("event", ""),
        "request": {"transaction_number": request.get("transaction_number")},
    }


def deliveries_trim(*, now: dt.datetime | None = None) -> int:
    """Cut the payload of deliveries finished more than DELIVERY_PAYLOAD_RETENTION ago; returns how
    many. Finished: delivered (counted from then), or not delivered and no longer retried: tried at
    least once, or its webhook switched off (counted from when it was queued; retries end within the
    hour). A trimmed payload has no "occurred_at", so a second run finds nothing more to do."""
    cutoff = (now or timezone.now()) - DELIVERY_PAYLOAD_RETENTION
    finished = Q(delivered_at__lt=cutoff) | Q(
        Q(attempts__gt=0) | Q(webhook__active=False), delivered_at__isnull=True, created_at__lt=cutoff
    )
    trimmed = 0
    rows = WebhookDelivery.objects.filter(finished, payload__has_key="occurred_at").only("pk", "payload")
    for delivery in rows.iterator(chunk_size=500):
        WebhookDelivery.objects.filter(pk=delivery.pk).update(payload=trimmed_payload(delivery.payload))
        trimmed += 1
    return trimmed
