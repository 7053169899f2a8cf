"""Deliveries are signed by the Standard Webhooks specification: a receiver verifying with the
specification's own library accepts them, and refuses one replayed after the tolerance or altered."""

import base64
import datetime as dt
import secrets

import pytest
import standardwebhooks.webhooks
from django.utils import timezone
from standardwebhooks import Webhook as Verifier
from standardwebhooks import WebhookVerificationError

from api.models import Webhook, WebhookDelivery
from api.services.webhooks import delivery_attempt, webhook_create

from .conftest import client_for
from .test_webhooks_and_certificates import Receiver

pytestmark = pytest.mark.django_db


def _delivery(webhook):
    return WebhookDelivery.objects.create(
        webhook=webhook,
        event="request.approved",
        dedup_key="signed",
        payload={"event": "request.approved", "request": {"transaction_number": "NL-2026-7"}},
    )


def _delivered_once(make_webhook):
    """A webhook made by `make_webhook(url)` -> (webhook, secret) for a real server on 127.0.0.1, and
    one delivery made to it by delivery_attempt: (secret, headers as received, body)."""
    with Receiver() as receiver:
        webhook, secret = make_webhook(receiver.url)
        delivery_attempt(delivery_id=_delivery(webhook).pk)
    ((headers, body),) = receiver.received
    return secret, dict(headers.items()), body


@pytest.fixture
def registered(employer_admin, employer):
    return lambda url: webhook_create(actor=employer_admin, employer=employer, url=url)


@pytest.fixture
def receiver_clock(monkeypatch):
    """Moves the receiving library's clock: `later(seconds)` is the receiver checking that long after."""

    class Later(dt.datetime):
        offset = dt.timedelta(0)

        @classmethod
        def now(cls, tz=None):
            return dt.datetime.now(tz) + cls.offset

    monkeypatch.setattr(standardwebhooks.webhooks, "datetime", Later)

    def later(seconds):
        Later.offset = dt.timedelta(seconds=seconds)

    return later


def test_a_receiver_verifying_with_the_library_accepts_a_real_delivery(registered):
    secret, headers, body = _delivered_once(registered)
    # The specification's secret: whsec_ and the standard base64 of at least 24 random bytes.
    assert secret.startswith("whsec_") and len(base64.b64decode(secret[6:], validate=True)) == 32
    assert Webhook.objects.get().legacy_secret is False
    payload = Verifier(secret).verify(body, headers)
    assert payload["event"] == "request.approved" and payload["request"]["transaction_number"] == "NL-2026-7"
    lower = {name.lower(): value for name, value in headers.items()}
    delivery = WebhookDelivery.objects.get()
    assert lower["webhook-id"] == payload["id"] == str(delivery.pk)
    assert lower["webhook-signature"].startswith("v1,")
    assert lower["x-portal-event"] == "request.approved"
    # The old signature, which covered no time, is not sent beside the new one.
    assert "x-portal-signature" not in lower and "x-portal-delivery" not in lower
    assert delivery.state == "delivered"


def test_the_same_delivery_replayed_after_the_tolerance_is_refused(registered, receiver_clock):
    secret, headers, body = _delivered_once(registered)

    receiver_clock(4 * 60)  # within the 5 minutes: still the delivery itself
    Verifier(secret).verify(body, headers)
    receiver_clock(6 * 60)  # captured and sent again later
    with pytest.raises(WebhookVerificationError, match="too old"):
        Verifier(secret).verify(body, headers)
    # Nor can the replay bring the timestamp up to date: the time is inside what is signed.
    fresh = {**headers, "Webhook-Timestamp": str(int(headers["Webhook-Timestamp"]) + 6 * 60)}
    with pytest.raises(WebhookVerificationError, match="No matching signature"):
        Verifier(secret).verify(body, fresh)


def test_a_changed_body_is_refused(registered):
    secret, headers, body = _delivered_once(registered)
    changed = body.replace(b"request.approved", b"request.rejected")
    assert changed != body
    with pytest.raises(WebhookVerificationError, match="No matching signature"):
        Verifier(secret).verify(changed, headers)
    with pytest.raises(WebhookVerificationError):
        Verifier("whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()).verify(body, headers)


def test_a_retry_keeps_the_id_and_carries_a_fresh_timestamp_and_signature(
    employer_admin, employer, monkeypatch
):
    """The first attempt fails (500); the retry 90 seconds later is the same delivery, signed anew."""
    started = timezone.now()
    clock = {"now": started - dt.timedelta(seconds=90)}
    monkeypatch.setattr(timezone, "now", lambda: clock["now"])
    with Receiver(codes=[500]) as receiver:
        webhook, secret = webhook_create(actor=employer_admin, employer=employer, url=receiver.url)
        delivery = _delivery(webhook)
        assert delivery_attempt(delivery_id=delivery.pk) is False
        clock["now"] = started
        assert delivery_attempt(delivery_id=delivery.pk) is True
    (first, first_body), (retry, retry_body) = receiver.received
    assert first_body == retry_body
    assert first["webhook-id"] == retry["webhook-id"] == str(delivery.pk)
    assert int(retry["webhook-timestamp"]) - int(first["webhook-timestamp"]) == 90
    assert retry["webhook-signature"] != first["webhook-signature"]
    for headers in (first, retry):  # each verifies on its own
        Verifier(secret).verify(first_body, dict(headers.items()))


def test_a_webhook_registered_with_an_old_form_secret_still_delivers(employer_admin, employer):
    """Rows stored before (their secret whsec_ and URL-safe characters) are signed the new way with
    their secret's own characters as the key, so the secret the integrator holds still verifies."""
    old_secret = "whsec_" + secrets.token_urlsafe(32)  # how secrets were made before

    def stored_before(url):
        webhook = Webhook.objects.create(
            organisation=employer, url=url, secret=old_secret, legacy_secret=True, created_by=employer_admin
        )
        return webhook, old_secret

    _secret, headers, body = _delivered_once(stored_before)
    payload = Verifier(old_secret.encode()).verify(body, headers)
    assert payload["event"] == "request.approved"
    assert WebhookDelivery.objects.get().state == "delivered"
    # The API says which form a webhook's secret is in, so the integrator knows how to verify.
    listed = client_for(employer_admin).get(f"/api/v1/employers/{employer.pk}/webhooks/").json()["results"]
    assert [row["legacy_secret"] for row in listed] == [True]


def test_a_secret_not_in_the_standard_form_is_logged_not_sent(employer_admin, employer):
    """A row written by hand with a malformed secret: nothing is sent with a signature no library
    could check, and the delivery log says why (no error escapes the task)."""
    with Receiver() as receiver:
        webhook = Webhook.objects.create(
            organisation=employer, url=receiver.url, secret="whsec_x", created_by=employer_admin
        )
        delivery = _delivery(webhook)
        assert delivery_attempt(delivery_id=delivery.pk) is False
    assert receiver.received == []
    delivery.refresh_from_db()
    assert delivery.state == "failed" and "whsec_" in delivery.last_error


@pytest.mark.django_db(transaction=True)
def test_the_migration_marks_the_webhooks_stored_before_it_as_old_form(employer_admin, employer):
    """Run for real: back to before the field, a row as the old code stored it, forward again."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = ("api", "0002_idempotency_location")
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    try:
        OldWebhook = (
            MigrationExecutor(connection).loader.project_state([before]).apps.get_model("api", "Webhook")
        )
        old = OldWebhook.objects.create(
            organisation_id=employer.pk,
            url="https://payroll.example/old",
            secret="whsec_" + secrets.token_urlsafe(32),
            created_by_id=employer_admin.pk,
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert Webhook.objects.get(pk=old.pk).legacy_secret is True
    new, _secret = webhook_create(actor=employer_admin, employer=employer, url="https://payroll.example/new")
    assert Webhook.objects.get(pk=new.pk).legacy_secret is False
