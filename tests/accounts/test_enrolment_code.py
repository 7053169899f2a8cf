"""A caseworker's first authenticator needs an enrolment code an administrator gave out of band, so a
password alone (guessed, phished, known before the first sign-in) never lets someone into casework."""

import base64
import datetime as dt
import io
import subprocess

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AuditEvent, EnrolmentCode
from accounts.services.enrolment import enrolment_code_issue
from accounts.services.registration import hash_code
from tests import factories

from .conftest import login_verified

pytestmark = pytest.mark.django_db

SETUP = "/accounts/two-factor/setup/"


def token_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, user):
    return client.post(reverse("login"), {"username": user.email, "password": factories.PASSWORD})


@pytest.fixture
def administrator(db):
    return factories.make_user(email="root@svb.test", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(administrator):
    client = Client()
    login_verified(client, administrator)
    return client


def issue_url(user):
    return reverse("admin:accounts_staffaccount_enrolment_code", args=[user.pk])


def issue_in_admin(admin_client, user, **data):
    answer = admin_client.post(issue_url(user), data)
    assert answer.status_code == 200
    page = answer.content.decode()
    code = page.split('id="enrolment-code">')[1].split("<")[0]
    return code, page


# --- issuing in the admin -------------------------------------------------------------------------------


def test_administrator_issues_a_code_that_is_shown_once_and_stored_only_as_a_hash(
    admin_client, administrator, caseworker
):
    listing = admin_client.get(reverse("admin:accounts_staffaccount_changelist")).content.decode()
    assert caseworker.email in listing
    change = admin_client.get(reverse("admin:accounts_staffaccount_change", args=[caseworker.pk]))
    assert issue_url(caseworker) in change.content.decode()
    confirm = admin_client.get(issue_url(caseworker)).content.decode()
    assert "Issue an enrolment code for Kees Bakker" in confirm and "works once and for 7 days" in confirm

    code, page = issue_in_admin(admin_client, caseworker)
    assert len(code) == 14 and "This code is shown only now." in page
    record = EnrolmentCode.objects.get(user=caseworker)
    assert record.code_hash == hash_code(code) and code.replace("-", "") not in record.code_hash
    assert record.created_by == administrator
    assert timezone.now() + dt.timedelta(days=6) < record.expires_at <= timezone.now() + dt.timedelta(days=7)
    assert AuditEvent.objects.filter(action="enrolment_code.issued", actor=administrator).count() == 1
    assert code not in str(list(AuditEvent.objects.values_list("detail", flat=True)))
    # Shown once: the caseworker's pages afterwards do not show it again.
    for url in (issue_url(caseworker), reverse("admin:accounts_staffaccount_change", args=[caseworker.pk])):
        assert code not in admin_client.get(url).content.decode()
    # The letter to print carries the code.
    href = page.split('href="data:application/pdf;base64,')[1].split('"')[0]
    pdf = base64.b64decode(href)
    text = subprocess.run(
        ["/usr/bin/pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert code in text and "Kees Bakker" in text


def test_a_new_code_replaces_the_earlier_one(admin_client, caseworker):
    first, _page = issue_in_admin(admin_client, caseworker)
    second, _page = issue_in_admin(admin_client, caseworker)
    assert first != second
    assert EnrolmentCode.objects.get(code_hash=hash_code(first)).superseded_at is not None
    client = Client()
    sign_in(client, caseworker)
    page = client.post(SETUP, {"code": first}).content.decode()
    assert "The enrolment code is not right." in page
    assert client.post(SETUP, {"code": second}).status_code == 302


def test_the_days_a_code_works_are_a_setting(settings, caseworker):
    settings.ACCOUNTS_ENROLMENT_CODE_DAYS = 2
    record, _code = enrolment_code_issue(actor=None, user=caseworker)
    assert record.expires_at - record.created_at == dt.timedelta(days=2)


def test_only_superusers_and_staff_with_the_permission_issue_codes(client, caseworker):
    other = factories.make_caseworker(email="other@svb.test")
    login_verified(client, caseworker)
    assert client.get(reverse("admin:accounts_staffaccount_changelist")).status_code == 403
    assert client.post(issue_url(other)).status_code == 404
    assert not EnrolmentCode.objects.exists()

    caseworker.user_permissions.add(Permission.objects.get(codename="issue_enrolment_code"))
    assert client.get(reverse("admin:accounts_staffaccount_changelist")).status_code == 200
    assert client.post(issue_url(other)).status_code == 200
    assert EnrolmentCode.objects.filter(user=other).count() == 1


def test_an_employer_or_a_half_signed_in_administrator_cannot_issue(client, employer_admin, administrator):
    other = factories.make_caseworker(email="other@svb.test")
    client.force_login(employer_admin)
    assert client.post(issue_url(other)).status_code == 302
    client.force_login(administrator)  # password only: no second factor yet
    assert client.post(issue_url(other)).status_code == 302
    assert not EnrolmentCode.objects.exists()


def test_codes_are_only_for_staff_and_not_for_ones_own_account(admin_client, administrator, employer_admin):
    assert admin_client.post(issue_url(employer_admin)).status_code == 404
    page = admin_client.post(issue_url(administrator)).content.decode()
    assert "You cannot issue an enrolment code for your own account." in page
    assert not EnrolmentCode.objects.exists()


def test_the_list_action_opens_the_confirmation_for_one_person(admin_client, caseworker):
    other = factories.make_caseworker(email="other@svb.test")
    url = reverse("admin:accounts_staffaccount_changelist")
    answer = admin_client.post(url, {"action": "issue_enrolment_code", ACTION_CHECKBOX_NAME: [caseworker.pk]})
    assert answer.status_code == 302 and answer.url == issue_url(caseworker)
    answer = admin_client.post(
        url, {"action": "issue_enrolment_code", ACTION_CHECKBOX_NAME: [caseworker.pk, other.pk]}, follow=True
    )
    assert "Choose one person at a time" in answer.content.decode()
    assert not EnrolmentCode.objects.exists()


# --- enrolling with the code ----------------------------------------------------------------------------


def test_a_new_caseworker_enrols_with_the_code_and_it_is_used_up(client, admin_client, caseworker):
    code, _page = issue_in_admin(admin_client, caseworker)
    answer = sign_in(client, caseworker)
    assert answer.url.startswith(SETUP)
    page = client.get(answer.url).content.decode()
    assert "Enter your enrolment code" in page and "<svg" not in page
    assert not TOTPDevice.objects.filter(user=caseworker).exists()

    answer = client.post(answer.url, {"code": code.lower().replace("-", " ")})
    assert answer.status_code == 302
    page = client.get(answer.url).content.decode()
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=caseworker, confirmed=False)
    assert EnrolmentCode.objects.get().used_at is None
    page = client.post(answer.url, {"token": token_for(device)}).content.decode()
    assert "Two-factor authentication is on" in page
    device.refresh_from_db()
    assert device.confirmed
    assert EnrolmentCode.objects.get().used_at is not None
    assert AuditEvent.objects.filter(action="enrolment_code.used", actor=caseworker).count() == 1
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_person_who_stops_half_way_comes_back_with_the_same_code(client, caseworker):
    _record, code = enrolment_code_issue(actor=None, user=caseworker)
    sign_in(client, caseworker)
    client.post(SETUP, {"code": code})
    client.get(SETUP)
    later = Client()
    sign_in(later, caseworker)
    assert "Enter your enrolment code" in later.get(SETUP).content.decode()
    assert later.post(SETUP, {"code": code}).status_code == 302
    device = TOTPDevice.objects.get(user=caseworker, confirmed=False)
    later.post(SETUP, {"token": token_for(device)})
    device.refresh_from_db()
    assert device.confirmed


def test_a_wrong_code_says_so_at_the_field_and_after_five_the_code_is_void(client, caseworker):
    _record, code = enrolment_code_issue(actor=None, user=caseworker)
    sign_in(client, caseworker)
    empty = client.post(SETUP, {"code": ""}).content.decode()
    assert "Enter the enrolment code your administrator gave you." in empty
    for attempt in range(1, 5):
        page = client.post(SETUP, {"code": "ABCD-EFGH-JKLM"}).content.decode()
        assert "The enrolment code is not right. Check it and type it again." in page, attempt
        assert 'href="#id_code"' in page
    page = client.post(SETUP, {"code": "ABCD-EFGH-JKLM"}).content.decode()
    assert (
        "Too many wrong enrolment codes were entered. Ask your administrator for a new enrolment code."
        in page
    )
    page = client.post(SETUP, {"code": code}).content.decode()
    assert "Too many wrong enrolment codes were entered." in page
    assert "<svg" not in page and not TOTPDevice.objects.filter(user=caseworker).exists()
    assert AuditEvent.objects.filter(action="enrolment_code.failed").count() == 6


def test_an_expired_code_says_to_ask_for_a_new_one(client, caseworker):
    record, code = enrolment_code_issue(actor=None, user=caseworker)
    EnrolmentCode.objects.filter(pk=record.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    sign_in(client, caseworker)
    page = client.post(SETUP, {"code": code}).content.decode()
    assert "This enrolment code has expired. Ask your administrator for a new enrolment code." in page
    assert AuditEvent.objects.filter(action="enrolment_code.expired", object_id=str(record.pk)).exists()


def test_without_a_code_or_with_a_used_one_the_page_says_to_ask_for_one(client, caseworker):
    sign_in(client, caseworker)
    page = client.post(SETUP, {"code": "ABCD-EFGH-JKLM"}).content.decode()
    assert (
        "There is no enrolment code for your account. Ask your administrator for a new enrolment code."
        in page
    )

    _record, code = enrolment_code_issue(actor=None, user=caseworker)
    client.post(SETUP, {"code": code})
    client.get(SETUP)
    client.post(SETUP, {"token": token_for(TOTPDevice.objects.get(user=caseworker))})
    TOTPDevice.objects.filter(user=caseworker).delete()  # removed by hand, without a new code
    again = Client()
    sign_in(again, caseworker)
    page = again.post(SETUP, {"code": code}).content.decode()
    assert "There is no enrolment code for your account." in page


def test_a_code_replaced_after_it_was_typed_no_longer_confirms_the_device(client, caseworker):
    _record, code = enrolment_code_issue(actor=None, user=caseworker)
    sign_in(client, caseworker)
    client.post(SETUP, {"code": code})
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=caseworker)
    enrolment_code_issue(actor=None, user=caseworker)
    # The half-made device (its secret was shown under the old code) is gone with the new code.
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    page = client.post(SETUP, {"token": token_for(device)}).content.decode()
    assert "This enrolment code is no longer valid. Ask your administrator for a new enrolment code." in page
    assert 'href="#id_code"' in page
    assert not TOTPDevice.objects.filter(user=caseworker, confirmed=True).exists()


# --- everyone else, lost phones, the first administrator ------------------------------------------------


def test_an_employer_still_sets_up_an_authenticator_without_a_code(client, employer_admin):
    sign_in(client, employer_admin)
    page = client.get(SETUP).content.decode()
    assert "<svg" in page and "enrolment code" not in page
    device = TOTPDevice.objects.get(user=employer_admin)
    client.post(SETUP, {"token": token_for(device)})
    device.refresh_from_db()
    assert device.confirmed and not EnrolmentCode.objects.exists()


def test_a_lost_phone_is_removed_with_the_new_code_and_the_caseworker_enrols_again(admin_client, caseworker):
    old = TOTPDevice.objects.create(user=caseworker, name="phone", confirmed=True)
    confirm = admin_client.get(issue_url(caseworker)).content.decode()
    assert "Also remove the authenticator app this person uses now" in confirm
    assert "cannot work in casework until they set up a new app" in confirm

    issue_in_admin(admin_client, caseworker)  # without the box: the phone stays
    assert TOTPDevice.objects.filter(pk=old.pk).exists()
    code, page = issue_in_admin(admin_client, caseworker, remove_devices="1")
    assert "The authenticator app this person used is removed." in page
    assert not TOTPDevice.objects.filter(user=caseworker).exists()
    assert AuditEvent.objects.filter(action="otp.devices_removed", object_id=str(caseworker.pk)).exists()

    client = Client()
    answer = sign_in(client, caseworker)
    assert answer.url.startswith(SETUP)
    assert client.post(SETUP, {"code": code}).status_code == 302
    client.get(SETUP)
    client.post(SETUP, {"token": token_for(TOTPDevice.objects.get(user=caseworker))})
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_first_administrator_gets_a_code_from_the_command(client):
    first = factories.make_user(email="first@svb.test", is_staff=True, is_superuser=True)
    out = io.StringIO()
    call_command("issue_enrolment_code", "first@svb.test", stdout=out)
    code = out.getvalue().split(": ")[1].split(" ")[0]
    sign_in(client, first)
    assert client.post(SETUP, {"code": code}).status_code == 302


@pytest.mark.parametrize(
    "language, expected",
    [
        ("nl", "Deze registratiecode is verlopen. Vraag uw beheerder om een nieuwe registratiecode."),
        ("fr", "Ce code d&#x27;enregistrement a expiré."),
        ("de", "Dieser Registrierungscode ist abgelaufen. Bitten Sie Ihren Administrator"),
    ],
)
def test_the_enrolment_page_speaks_the_readers_language(client, caseworker, language, expected):
    record, code = enrolment_code_issue(actor=None, user=caseworker)
    EnrolmentCode.objects.filter(pk=record.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    sign_in(client, caseworker)
    page = client.post(SETUP, {"code": code}, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert expected in page
