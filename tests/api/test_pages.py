import pytest

from api.models import ApiToken, Webhook, WebhookDelivery
from api.services.tokens import token_create
from api.services.webhooks import webhook_create

pytestmark = pytest.mark.django_db


def test_create_token_shows_it_once_and_it_works(client, employer_admin, employer):
    client.force_login(employer_admin)
    page = client.post("/account/api/tokens/", {"name": "Payroll"})
    assert page.status_code == 200
    key = page.context["new_key"]
    assert key.encode() in page.content
    token = ApiToken.objects.get(user=employer_admin)
    assert token.key_hash != key and token.prefix == key[:8]
    again = client.get("/account/api/tokens/")
    assert key.encode() not in again.content and b"Payroll" in again.content
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/v1/employers/").status_code == 200
    client.post(f"/account/api/tokens/{token.pk}/revoke/")
    assert api.get("/api/v1/employers/").status_code == 401


def test_token_name_is_required(client, employer_admin):
    client.force_login(employer_admin)
    page = client.post("/account/api/tokens/", {"name": ""})
    assert b"Give the token a name" in page.content
    assert not ApiToken.objects.exists()


def test_cannot_revoke_someone_elses_token(client, employer_admin, representative_user):
    token, _key = token_create(actor=representative_user, name="theirs")
    client.force_login(employer_admin)
    assert client.post(f"/account/api/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_anonymous_is_sent_to_login(client):
    assert client.get("/account/api/tokens/").status_code == 302
    assert client.get("/account/api/webhooks/").status_code == 302


def test_webhook_page_registers_and_shows_the_log(client, employer_admin, employer):
    client.force_login(employer_admin)
    page = client.post("/account/api/webhooks/", {"url": "https://payroll.example/hook"})
    assert page.context["new_secret"].encode() in page.content
    webhook = Webhook.objects.get()
    WebhookDelivery.objects.create(
        webhook=webhook,
        event="request.approved",
        dedup_key="a",
        attempts=2,
        last_error="HTTP 500",
        payload={"request": {"transaction_number": "NL-2025-1"}},
    )
    page = client.get("/account/api/webhooks/")
    assert (
        b"request.approved" in page.content and b"HTTP 500" in page.content and b"NL-2025-1" in page.content
    )
    assert page.context["new_secret"] is None
    bad = client.post("/account/api/webhooks/", {"url": "ftp://nope"})
    assert b"https://" in bad.content and Webhook.objects.count() == 1
    client.post(f"/account/api/webhooks/{webhook.pk}/off/")
    webhook.refresh_from_db()
    assert webhook.active is False


def test_other_employer_does_not_see_or_switch_off_webhooks(client, other_admin, employer_admin, employer):
    webhook, _secret = webhook_create(
        actor=employer_admin, employer=employer, url="https://payroll.example/h"
    )
    client.force_login(other_admin)
    page = client.get("/account/api/webhooks/")
    assert b"payroll.example" not in page.content
    assert client.post(f"/account/api/webhooks/{webhook.pk}/off/").status_code == 404
    webhook.refresh_from_db()
    assert webhook.active


def test_caseworker_without_employer_gets_403(client, caseworker):
    client.force_login(caseworker)
    assert client.get("/account/api/webhooks/").status_code == 403


def test_webhook_page_explains_the_signature_and_marks_old_form_secrets(client, employer_admin, employer):
    """The employer reads how messages are signed (headers, 5 minutes, the id to deduplicate) and which
    address still has a secret of the old form, in their language."""
    Webhook.objects.create(
        organisation=employer,
        url="https://payroll.example/old",
        secret="whsec_old-form_secret",
        legacy_secret=True,
        created_by=employer_admin,
    )
    webhook_create(actor=employer_admin, employer=employer, url="https://payroll.example/new")
    client.force_login(employer_admin)
    page = client.get("/account/api/webhooks/").content.decode()
    assert "webhook-timestamp" in page and "5 minutes" in page and "X-Portal-Signature" not in page
    assert page.count("Old secret form") == 1
    assert page.index("Old secret form") > page.index("payroll.example/old")
    client.cookies["django_language"] = "nl"
    dutch = client.get("/account/api/webhooks/").content.decode()
    assert "meer dan 5 minuten geleden" in dutch and "Oude vorm van de geheime sleutel" in dutch
