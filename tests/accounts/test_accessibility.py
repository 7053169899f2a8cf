"""Every accounts form, sent with mistakes, as a person without JavaScript gets it back: an error summary
whose links land on a field of the page (radio groups on their first option), every input with a label,
radio groups in a fieldset with a legend, messages that say what to do, and what they typed kept.
Uses the same page check as the request pages (tests/postings/page_check.py)."""

import re
from html import unescape

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Membership
from tests import factories
from tests.postings.page_check import error_summary_links, main_of, problems

from .conftest import enter_enrolment_code
from .test_pages import REGISTER

pytestmark = pytest.mark.django_db

EMPTY_PERIODS = {
    "periods-TOTAL_FORMS": "1",
    "periods-INITIAL_FORMS": "0",
    "periods-MIN_NUM_FORMS": "0",
    "periods-MAX_NUM_FORMS": "1000",
}


def check(response, *, first_link=None):
    """The page came back (no 500, no redirect) with a working error summary; returns its links."""
    assert response.status_code == 200, response.status_code
    html = unescape(response.content.decode())
    links = error_summary_links(main_of(html))
    assert links, "the error summary links to no field"
    assert problems(html) == []
    assert "This field is required." not in html  # each message says what to do
    if first_link:
        assert links[0] == first_link
    return html


def test_registration_nl_and_be(client, settings):
    html = check(client.post(reverse("accounts:register"), {}), first_link="id_kind_0")
    assert "Say whether the organisation is an employer or a representative." in html
    assert "Enter the name of the organisation." in html
    html = check(client.post(reverse("accounts:register"), {**REGISTER, "kvk_number": "12"}))
    assert (
        'value="12"' in html
        and 'value="Dorpsstraat 1"' in html
        and re.search(r'value="employer"[^>]* checked', html)
    )
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "state": "BE"}
    be = {**REGISTER, "country": "BE", "enterprise_number": "0403.019.262"}
    html = check(client.post(reverse("accounts:register"), be), first_link="id_enterprise_number")
    assert 'value="0403.019.262"' in html


def test_activation_login_and_password_reset(client, employer_admin):
    html = check(client.post(reverse("accounts:activate"), {}))
    assert "Enter the activation code from the letter." in html
    html = check(
        client.post(reverse("accounts:activate"), {"email": "piet@jansen.test", "code": "ABCD-EFGH-JKLM"}),
        first_link="id_code",
    )
    assert 'value="piet@jansen.test"' in html and 'value="ABCD-EFGH-JKLM"' in html
    html = check(client.post(reverse("login"), {}), first_link="id_username")
    assert "Enter the e-mail address you log in with." in html
    check(client.post(reverse("password_reset"), {"email": "not an address"}), first_link="id_email")
    uid = urlsafe_base64_encode(force_bytes(employer_admin.pk))
    link = reverse("password_reset_confirm", args=[uid, default_token_generator.make_token(employer_admin)])
    form_url = client.get(link).url  # Django moves the token into the session
    check(client.post(form_url, {"new_password1": "a-Long-secret-42", "new_password2": "other"}))


def test_people_and_mandates(client, employer, employer_admin, representative_firm):
    client.force_login(employer_admin)
    html = check(
        client.post(reverse("accounts:users", args=[employer.pk]), {"email": "x@y.test"}),
        first_link="id_first_name",
    )
    assert "Choose the person's role." in html and 'href="#id_role_0"' in html
    assert 'value="x@y.test"' in html
    html = check(
        client.post(reverse("accounts:mandates"), {"q": "fiscaal", "valid_until": "2026-01-01"}),
        first_link="id_representative_0",
    )
    assert "Search for the firm and choose it." in html and 'value="2026-01-01"' in html
    boss = factories.make_user()
    Membership.objects.create(
        user=boss,
        organisation=representative_firm,
        role=Membership.Role.REPRESENTATIVE_STAFF,
        is_org_admin=True,
    )
    client.force_login(boss)
    check(client.post(reverse("accounts:users", args=[representative_firm.pk]), {"first_name": "J"}))


def test_authorizations(client, representative_user, employee):
    client.force_login(representative_user)
    html = check(client.post(reverse("accounts:authorizations"), {}), first_link="id_employee")
    assert "Choose the employee who signed the authorization." in html
    bad = SimpleUploadedFile("a.pdf", b"GIF89a", content_type="application/pdf")
    html = check(
        client.post(reverse("accounts:authorizations"), {"employee": employee.pk, "file": bad}),
        first_link="id_file",
    )
    assert f'<option value="{employee.pk}" selected>' in html


def test_personnel_pages(client, employer_admin, employee):
    client.force_login(employer_admin)
    html = check(
        client.post(reverse("accounts:personnel_add"), EMPTY_PERIODS), first_link="id_personal_number"
    )
    assert "Enter the employee's BSN." in html
    data = {**EMPTY_PERIODS, "periods-0-start": "2020-01-01", "periods-0-end": "2019-01-01"}
    html = check(client.post(reverse("accounts:personnel_edit", args=[employee.pk]), data))
    assert 'href="#id_periods-0-end"' in html
    html = check(client.post(reverse("accounts:personnel_import"), {}), first_link="id_file")
    assert "Choose the CSV file to import." in html
    for url in (
        reverse("accounts:personnel"),
        reverse("accounts:personnel_detail", args=[employee.pk]),
        reverse("accounts:account"),
    ):
        assert problems(client.get(url, {"q": "por"}).content.decode()) == [], url


def test_second_factor(client, caseworker):
    client.force_login(caseworker)
    html = check(client.post(reverse("accounts:otp_setup"), {"code": ""}), first_link="id_code")
    assert "Enter the enrolment code your administrator gave you." in html
    enter_enrolment_code(client, caseworker)
    html = check(client.post(reverse("accounts:otp_setup"), {"token": "12ab"}), first_link="id_token")
    assert "Enter the 6 digits" in html
    TOTPDevice.objects.filter(user=caseworker).update(confirmed=True)
    check(client.post(reverse("accounts:otp_verify"), {}), first_link="id_token")
