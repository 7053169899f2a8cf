"""Deliveries queued while the broker was down are re-queued by the periodic sweep, once."""

import datetime as dt

import pytest
from django.utils import timezone
from kombu.exceptions import OperationalError

from api.apps import BEAT_SCHEDULE
from api.models import WebhookDelivery
from api.services.webhooks import webhook_create
from api.tasks import deliver_webhook, sweep_webhook_deliveries

from .conftest import client_for
from .test_webhooks_and_certificates import Receiver, send_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis: Connection refused.")

    monkeypatch.setattr(deliver_webhook, "delay", refuse)
    return monkeypatch


def age(delivery_ids, seconds):
    WebhookDelivery.objects.filter(pk__in=delivery_ids).update(
        created_at=timezone.now() - dt.timedelta(seconds=seconds)
    )


def test_delivery_queued_while_the_broker_was_down_is_sent_by_the_sweep(
    employer_admin, employer, employee, broker_down, django_capture_on_commit_callbacks
):
    api = client_for(employer_admin)
    with Receiver() as receiver:
        webhook, _secret = webhook_create(actor=employer_admin, employer=employer, url=receiver.url)
        send_request(api, employer, employee, django_capture_on_commit_callbacks)  # status change saved
        delivery = WebhookDelivery.objects.get()
        assert delivery.state == "queued" and receiver.received == []  # "Waiting" in the delivery log
        broker_down.undo()  # the broker is back

        with django_capture_on_commit_callbacks(execute=True):
            assert sweep_webhook_deliveries.delay().get() == 0  # younger than a minute: left alone
        age([delivery.pk], 61)
        with django_capture_on_commit_callbacks(execute=True):
            assert sweep_webhook_deliveries.delay().get() == 1
        with django_capture_on_commit_callbacks(execute=True):
            assert sweep_webhook_deliveries.delay().get() == 0  # delivered: never sent again
    assert [headers["X-Portal-Event"] for headers, _body in receiver.received] == ["request.in_review"]
    delivery.refresh_from_db()
    assert delivery.state == "delivered" and delivery.attempts == 1
    log = api.get(f"/api/v1/employers/{employer.pk}/webhooks/{webhook.pk}/deliveries/").json()
    assert [d["state"] for d in log["results"]] == ["delivered"]


def test_sweep_leaves_failed_and_switched_off_deliveries_to_their_own_retries(employer_admin, employer):
    with Receiver() as receiver:
        webhook, _secret = webhook_create(actor=employer_admin, employer=employer, url=receiver.url)
        off, _secret = webhook_create(actor=employer_admin, employer=employer, url=receiver.url)
        off.active = False
        off.save()
        retrying = WebhookDelivery.objects.create(
            webhook=webhook, event="request.in_review", dedup_key="a", payload={}, attempts=1
        )
        switched_off = WebhookDelivery.objects.create(
            webhook=off, event="request.in_review", dedup_key="b", payload={}
        )
        age([retrying.pk, switched_off.pk], 600)
        assert sweep_webhook_deliveries.delay().get() == 0
    assert receiver.received == []


def test_a_delivery_queued_twice_is_sent_once(employer_admin, employer, django_capture_on_commit_callbacks):
    """The sweep re-queues a delivery whose first task was still in the queue: the receiver gets it once."""
    with Receiver() as receiver:
        webhook, _secret = webhook_create(actor=employer_admin, employer=employer, url=receiver.url)
        delivery = WebhookDelivery.objects.create(
            webhook=webhook, event="request.in_review", dedup_key="x", payload={"event": "request.in_review"}
        )
        age([delivery.pk], 120)
        with django_capture_on_commit_callbacks(execute=True):
            assert sweep_webhook_deliveries.delay().get() == 1
        assert deliver_webhook.apply(args=[delivery.pk]).get() is True  # the original task runs late
    assert len(receiver.received) == 1


def test_sweep_is_on_the_beat_schedule():
    from coverage_portal.celery import app

    assert app.conf.beat_schedule["sweep-webhook-deliveries"] == BEAT_SCHEDULE["sweep-webhook-deliveries"]
    assert app.conf.beat_schedule["sweep-webhook-deliveries"]["task"] == sweep_webhook_deliveries.name
    assert BEAT_SCHEDULE["sweep-webhook-deliveries"]["schedule"] <= 60
    # casework's periodic tasks are still there next to it
    assert "sweep-stuck-requests" in app.conf.beat_schedule


def test_retry_pause_comes_from_the_setting(settings):
    from api.tasks import backoff

    settings.API_WEBHOOK_RETRY_BASE_SECONDS = 1
    assert [backoff(n) for n in range(3)] == [1, 2, 4]
    del settings.API_WEBHOOK_RETRY_BASE_SECONDS
    assert backoff(0) == 30
