"""Review of the enrolment codes (s16): a staff member who holds only a password reaches no casework
and no admin page by any way round the code: the admin's own login page, the casework dashboard, an
API token, a password reset, a session left from before the codes, another person's code or its id
left in the session."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import EnrolmentCode
from accounts.otp import ACCEPTED_ENROLMENT_CODE
from accounts.services.enrolment import enrolment_code_issue
from tests import factories

pytestmark = pytest.mark.django_db

SETUP = reverse("accounts:otp_setup")
CASEWORK_PAGES = [
    "admin:index",
    "admin:login",
    "admin:postings_coveragerequest_changelist",
    "admin:casework_certificate_changelist",
    "admin:accounts_staffaccount_changelist",
    "casework:dashboard",
]


def token_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, user, password=factories.PASSWORD):
    return client.post(reverse("login"), {"username": user.email, "password": password})


def asks_for_a_code(client) -> bool:
    page = client.get(SETUP).content.decode()
    return "Enter your enrolment code" in page and "<svg" not in page


def assert_no_casework(client):
    """Every casework page ends, through its redirects, on the code (or sign-in) page."""
    for name in CASEWORK_PAGES:
        answer = client.get(reverse(name), follow=True)
        assert answer.redirect_chain, name
        assert answer.request["PATH_INFO"] in (SETUP, reverse("login")), (name, answer.redirect_chain)


@pytest.fixture
def superuser(db):
    return factories.make_user(email="root@svb.test", is_staff=True, is_superuser=True)


@pytest.mark.parametrize("who", ["caseworker", "superuser"])
def test_a_password_alone_opens_no_casework_page_and_shows_no_secret(request, client, who):
    user = request.getfixturevalue(who)
    enrolment_code_issue(actor=None, user=user)  # issued, but not given to whoever has the password
    assert sign_in(client, user).url.startswith(SETUP)
    assert_no_casework(client)
    assert asks_for_a_code(client)
    # A token typed without a code confirms nothing, and no secret was made to type it from.
    client.post(SETUP, {"token": "123456"})
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert_no_casework(client)


def test_an_api_token_made_with_a_password_alone_reaches_no_casework(client, caseworker):
    sign_in(client, caseworker)
    page = client.post(reverse("api_portal:tokens"), {"name": "script"}).content.decode()
    key = page.split('<code id="new-token">')[1].split("<")[0]
    api = Client(headers={"Authorization": f"Bearer {key}"})
    # The API acts for employers only; a caseworker has none, and the admin takes no token.
    employers = api.get("/api/v1/employers/")
    assert employers.status_code in (200, 403), employers.content
    assert "results" not in employers.json() or employers.json()["results"] == []
    assert api.get(reverse("admin:index")).status_code == 302
    assert api.get(reverse("casework:dashboard")).status_code == 302


def test_a_password_reset_signs_no_one_in(client, caseworker):
    uid = urlsafe_base64_encode(force_bytes(caseworker.pk))
    token = default_token_generator.make_token(caseworker)
    form_url = client.get(reverse("password_reset_confirm", args=[uid, token])).url
    new = "A-new-long-passphrase-2026"
    answer = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert answer.status_code == 302
    assert client.get(reverse("admin:index"), follow=True).request["PATH_INFO"] == reverse("login")
    sign_in(client, caseworker, password=new)
    assert_no_casework(client)
    assert asks_for_a_code(client)


def test_a_session_from_before_the_codes_with_a_half_made_authenticator(client, caseworker):
    """Before the codes, the setup page showed the secret to anyone signed in with the password."""
    known = TOTPDevice.objects.create(user=caseworker, name="Authenticator app", confirmed=False)
    client.force_login(caseworker)  # signed in then, never verified
    assert asks_for_a_code(client)
    page = client.post(SETUP, {"token": token_for(known)}).content.decode()
    assert "Enter your enrolment code" in page
    known.refresh_from_db()
    assert not known.confirmed
    assert_no_casework(client)
    # Issuing the code removes the half-made device, so its known secret never becomes the real one.
    _record, code = enrolment_code_issue(actor=None, user=caseworker)
    assert not TOTPDevice.objects.filter(pk=known.pk).exists()
    other = Client()
    sign_in(other, caseworker)
    other.post(SETUP, {"code": code})
    assert "<svg" in other.get(SETUP).content.decode()
    assert TOTPDevice.objects.get(user=caseworker).key != known.key


def test_another_persons_code_or_its_id_in_the_session_opens_nothing(client, caseworker):
    colleague = factories.make_caseworker(email="colleague@svb.test")
    record, code = enrolment_code_issue(actor=None, user=colleague)
    enrolment_code_issue(actor=None, user=caseworker)
    sign_in(client, caseworker)
    page = client.post(SETUP, {"code": code}).content.decode()
    assert "The enrolment code is not right." in page
    session = client.session
    session[ACCEPTED_ENROLMENT_CODE] = record.pk
    session.save()
    page = client.get(SETUP).content.decode()
    assert "This enrolment code is no longer valid." in page and "<svg" not in page
    assert not TOTPDevice.objects.filter(user=caseworker).exists()
    # The colleague's code still works for the colleague: a wrong try by someone else is not theirs.
    assert EnrolmentCode.objects.get(pk=record.pk).failed_attempts == 0


def test_a_code_id_kept_in_the_session_after_a_newer_code_opens_nothing(client, caseworker):
    _record, first = enrolment_code_issue(actor=None, user=caseworker)
    sign_in(client, caseworker)
    client.post(SETUP, {"code": first})
    assert "<svg" in client.get(SETUP).content.decode()
    enrolment_code_issue(actor=None, user=caseworker)
    page = client.get(SETUP).content.decode()
    assert "This enrolment code is no longer valid." in page and "<svg" not in page
    # A second tab of the same session, still holding the page with the old secret, confirms nothing.
    assert not TOTPDevice.objects.filter(user=caseworker).exists()
    assert_no_casework(client)


def test_an_issuer_who_is_not_a_superuser_cannot_take_over_a_superusers_authenticator(
    client, caseworker, superuser
):
    """A code for a superuser, with the lost-phone box ticked, would remove the superuser's app and
    hand whoever knows their password an authenticator of their own: only a superuser issues it."""
    from django.contrib.auth.models import Permission

    from tests.accounts.conftest import login_verified

    device = TOTPDevice.objects.create(user=superuser, name="phone", confirmed=True)
    caseworker.user_permissions.add(Permission.objects.get(codename="issue_enrolment_code"))
    login_verified(client, caseworker)
    url = reverse("admin:accounts_staffaccount_enrolment_code", args=[superuser.pk])
    assert client.post(url, {"remove_devices": "1"}).status_code == 404
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert not EnrolmentCode.objects.filter(user=superuser).exists()
    listing = client.get(reverse("admin:accounts_staffaccount_changelist")).content.decode()
    assert superuser.email not in listing and "colleague" not in listing
    # Other staff still get their codes from this issuer.
    colleague = factories.make_caseworker(email="colleague@svb.test")
    assert (
        client.post(reverse("admin:accounts_staffaccount_enrolment_code", args=[colleague.pk])).status_code
        == 200
    )
