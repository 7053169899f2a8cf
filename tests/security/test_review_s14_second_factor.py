"""Fourteenth session's walkthrough: after a wrong authenticator code, django-otp refuses every code
for 1, 2, 4... seconds, the right one too. The page said "The code is not right" to the right code;
it now says to wait, and how long, and a wait does not count as another wrong code."""

import datetime as dt

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AuditEvent
from tests import factories
from tests.accounts.conftest import enter_enrolment_code

pytestmark = pytest.mark.django_db


def token_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def wrong_token(device):
    return "000000" if token_for(device) != "000000" else "111111"


def test_the_right_code_just_after_a_wrong_one_is_told_to_wait_not_that_it_is_wrong(client, caseworker):
    device = TOTPDevice.objects.create(user=caseworker, name="phone", confirmed=True)
    client.post(reverse("login"), {"username": caseworker.email, "password": factories.PASSWORD})
    url = reverse("accounts:otp_verify")
    for _ in range(3):  # three mistakes: the next code waits 4 seconds
        wrong = client.post(url, {"token": wrong_token(device)})
        assert "The code is not right" in wrong.content.decode()
        device.refresh_from_db()
        device.throttling_failure_timestamp -= dt.timedelta(seconds=10)
        device.save()
    device.throttling_failure_timestamp = None
    device.save()
    client.post(url, {"token": wrong_token(device)})
    failures = AuditEvent.objects.filter(action="otp.failed").count()

    html = client.post(url, {"token": token_for(device)}).content.decode()
    assert "The code is not right" not in html
    assert "After a wrong code, codes are not checked for a moment. Wait 8 seconds" in html
    assert "_auth_user_id" not in client.session
    device.refresh_from_db()
    assert device.throttling_failure_count == 4  # waiting is not another mistake
    assert AuditEvent.objects.filter(action="otp.failed").count() == failures

    device.throttling_failure_timestamp -= dt.timedelta(seconds=9)
    device.save()
    client.post(url, {"token": token_for(device)})
    assert client.session["_auth_user_id"] == str(caseworker.pk)


def test_setting_up_the_authenticator_says_to_wait_too(client, caseworker):
    client.force_login(caseworker)
    url = reverse("accounts:otp_setup")
    enter_enrolment_code(client, caseworker)
    client.get(url)
    device = TOTPDevice.objects.get(user=caseworker, confirmed=False)
    client.post(url, {"token": wrong_token(device)})
    html = client.post(url, {"token": token_for(device)}).content.decode()
    assert "Wait 1 second, then type the newest code." in html
    assert "The code is not right" not in html
