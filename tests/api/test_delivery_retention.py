"""A webhook delivery's payload is cut down to the event and the request's number 30 days after the
delivery ended; the delivery log keeps showing it, and its row stops a second delivery."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from api.apps import BEAT_SCHEDULE
from api.models import Webhook, WebhookDelivery
from api.services.delivery_retention import DELIVERY_PAYLOAD_RETENTION, deliveries_trim
from api.tasks import trim_webhook_deliveries

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def payload(number="A1-2025-000123"):
    return {
        "event": "request.approved",
        "description": "The request was approved.",
        "occurred_at": "2025-01-02T10:00:00Z",
        "request": {"id": 7, "transaction_number": number, "requested_start": "2025-03-01"},
    }


@pytest.fixture
def webhook(employer, employer_admin):
    return Webhook.objects.create(
        organisation=employer, url="https://example.org/hook", secret="whsec_x", created_by=employer_admin
    )


def delivery(webhook, key, *, created_ago, delivered_ago=None, attempts=1):
    return WebhookDelivery.objects.create(
        webhook=webhook,
        event="request.approved",
        dedup_key=key,
        payload=payload(),
        attempts=attempts,
        created_at=NOW - created_ago,
        delivered_at=None if delivered_ago is None else NOW - delivered_ago,
    )


def test_payloads_of_deliveries_finished_more_than_30_days_ago_are_cut_down(webhook):
    month = DELIVERY_PAYLOAD_RETENTION
    old = delivery(webhook, "a", created_ago=month * 2, delivered_ago=month + dt.timedelta(seconds=1))
    boundary = delivery(webhook, "b", created_ago=month * 2, delivered_ago=month)  # the 30th day: kept
    given_up = delivery(webhook, "c", created_ago=month + dt.timedelta(days=1), attempts=7)
    recent = delivery(webhook, "d", created_ago=dt.timedelta(days=3), delivered_ago=dt.timedelta(days=3))
    # Waiting for its first attempt on an active webhook (the broker is down): still to be sent whole.
    waiting = delivery(webhook, "e", created_ago=month * 2, attempts=0)

    assert deliveries_trim(now=NOW) == 2
    cut = {"event": "request.approved", "request": {"transaction_number": "A1-2025-000123"}}
    for row in (old, given_up):
        row.refresh_from_db()
        assert row.payload == cut
        assert row.dedup_key and row.attempts  # the row and its outcome stay
    for row in (boundary, recent, waiting):
        row.refresh_from_db()
        assert row.payload == payload()
    assert deliveries_trim(now=NOW) == 0  # idempotent

    # Once its webhook is switched off, a waiting delivery is never sent: cut down too.
    Webhook.objects.filter(pk=webhook.pk).update(active=False)
    assert deliveries_trim(now=NOW) == 1
    waiting.refresh_from_db()
    assert waiting.payload == cut


def test_the_delivery_log_page_still_shows_a_cut_down_delivery(client, employer_admin, webhook):
    delivery(webhook, "a", created_ago=dt.timedelta(days=60), delivered_ago=dt.timedelta(days=60))
    assert deliveries_trim(now=NOW) == 1
    client.force_login(employer_admin)
    page = client.get(reverse("api_portal:webhooks")).content.decode()
    assert "A1-2025-000123" in page and "request.approved" in page


def test_the_task_is_on_the_beat_schedule(webhook):
    from coverage_portal.celery import app

    delivery(webhook, "a", created_ago=dt.timedelta(days=60), delivered_ago=dt.timedelta(days=60))
    assert trim_webhook_deliveries.delay().get() == 1
    entry = app.conf.beat_schedule["trim-webhook-deliveries"]
    assert entry == BEAT_SCHEDULE["trim-webhook-deliveries"]
    assert entry["task"] == trim_webhook_deliveries.name
    assert entry["schedule"] <= 24 * 60 * 60
