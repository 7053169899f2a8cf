"""Ending a mandate, deactivating a person, revoking an API token and switching off a webhook cannot be
undone: the list's button leads to a page that asks first and names what will happen; only that page's
button (a POST) does it."""

import pytest
from django.urls import reverse

from accounts.models import Mandate, Membership
from api.models import ApiToken, Webhook
from api.services.tokens import token_create
from api.services.webhooks import webhook_create
from tests import factories

pytestmark = pytest.mark.django_db


def asked(client, list_url, action_url):
    """The list links to the question; the question changes nothing and posts to the same address."""
    listing = client.get(list_url).content.decode()
    assert f'href="{action_url}"' in listing
    assert f'action="{action_url}"' not in listing
    page = client.get(action_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "This cannot be undone." in html and f'href="{list_url}"' in html and "No, go back" in html
    assert '<form method="post">' in html
    return html


def test_ending_a_mandate_is_asked_first(client, employer_admin, representative_user, employer):
    client.force_login(employer_admin)
    mandate = Mandate.objects.get()
    url = reverse("accounts:mandate_revoke", args=[mandate.pk])
    html = asked(client, reverse("accounts:mandates"), url)
    assert "End the mandate of Fiscaal Advies B.V.?" in html and "Yes, end the mandate" in html
    mandate.refresh_from_db()
    assert mandate.revoked_at is None
    client.post(url)
    mandate.refresh_from_db()
    assert mandate.revoked_at is not None


def test_deactivating_a_person_is_asked_first(client, employer_admin, employer):
    client.force_login(employer_admin)
    other = factories.make_user(email="filer@vandijk.test", first_name="Frank", last_name="Mulder")
    membership = factories.add_member(other, employer, role=Membership.Role.EMPLOYER_FILER)
    url = reverse("accounts:user_deactivate", args=[employer.pk, membership.pk])
    html = asked(client, reverse("accounts:users", args=[employer.pk]), url)
    assert "Deactivate Frank Mulder?" in html and "Yes, deactivate" in html
    membership.refresh_from_db()
    assert membership.is_active
    client.post(url)
    membership.refresh_from_db()
    assert not membership.is_active


def test_revoking_a_token_is_asked_first(client, employer_admin):
    client.force_login(employer_admin)
    token, _key = token_create(actor=employer_admin, name="Payroll X")
    url = reverse("api_portal:token-revoke", args=[token.pk])
    html = asked(client, reverse("api_portal:tokens"), url)
    assert "Revoke the token “Payroll X”?" in html and "Yes, revoke the token" in html
    assert ApiToken.objects.get().revoked_at is None
    client.post(url)
    assert ApiToken.objects.get().revoked_at is not None


def test_switching_off_a_webhook_is_asked_first(client, employer_admin, employer):
    client.force_login(employer_admin)
    webhook, _secret = webhook_create(actor=employer_admin, employer=employer, url="https://example.com/hook")
    url = reverse("api_portal:webhook-off", args=[webhook.pk])
    html = asked(client, reverse("api_portal:webhooks"), url)
    assert "Switch off the webhook to https://example.com/hook?" in html and "Yes, switch it off" in html
    assert Webhook.objects.get().active
    client.post(url)
    assert not Webhook.objects.get().active
