import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import ActivationLetter, EmployeeAuthorization, Mandate, Membership, Organisation, User
from tests import factories

from .conftest import pdf_with_text

pytestmark = pytest.mark.django_db

REGISTER = {
    "kind": "employer",
    "country": "NL",
    "name": "Bakkerij Jansen B.V.",
    "kvk_number": "87654321",
    "payroll_tax_number": "123456782L01",
    "rsin": "",
    "street": "Dorpsstraat 1",
    "postal_code": "1234 AB",
    "town": "Utrecht",
    "phone": "",
    "first_name": "Piet",
    "last_name": "Jansen",
    "email": "piet@jansen.test",
    "password1": "a-Long-secret-42",
    "password2": "a-Long-secret-42",
}


def test_register_then_activate_with_the_code_from_the_letter(client):
    response = client.post(reverse("accounts:register"), REGISTER)
    assert response.url == reverse("accounts:register_done")
    assert "What happens next" in client.get(response.url).content.decode()
    organisation = Organisation.objects.get()
    assert organisation.status == Organisation.Status.PENDING
    letter = ActivationLetter.objects.get()
    from accounts.services.authorizations import _pdf_text

    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", _pdf_text(letter.pdf.read())).group(0)
    wrong = client.post(reverse("accounts:activate"), {"email": "piet@jansen.test", "code": "AAAA-AAAA-AAAA"})
    assert "do not match" in wrong.content.decode()
    done = client.post(reverse("accounts:activate"), {"email": "piet@jansen.test", "code": code})
    assert "Account activated" in done.content.decode()
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.ACTIVE


def test_registration_errors_are_at_the_fields_and_input_is_kept(client):
    data = {**REGISTER, "kvk_number": "1234", "payroll_tax_number": "", "password2": "different-1234"}
    html = client.post(reverse("accounts:register"), data).content.decode()
    assert "Enter the KvK number as 8 digits" in html
    assert "Enter the loonheffingennummer or the RSIN" in html
    assert "The two passwords are not the same" in html
    assert 'value="Bakkerij Jansen B.V."' in html
    assert not Organisation.objects.exists()


def test_invalid_rsin_and_payroll_number(client):
    data = {**REGISTER, "payroll_tax_number": "123456789L01", "rsin": "111222334"}
    html = client.post(reverse("accounts:register"), data).content.decode()
    assert "This loonheffingennummer is not right" in html and "This RSIN is not right" in html


def test_belgian_institution_checks_the_enterprise_number(client, settings):
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "state": "BE"}
    data = {**REGISTER, "country": "BE", "enterprise_number": "BE431150351"}
    assert (
        "This enterprise number (KBO/BCE) is not right"
        in client.post(reverse("accounts:register"), data).content.decode()
    )
    client.post(reverse("accounts:register"), {**data, "enterprise_number": "0403.019.261"})
    assert Organisation.objects.get().enterprise_number == "0403019261"


def test_foreign_employer_is_sent_to_the_paper_form(client):
    response = client.post(reverse("accounts:register"), {**REGISTER, "country": "DE"})
    assert response.url == reverse("accounts:not_eligible")
    page = client.get(response.url).content.decode()
    assert "cannot apply online" in page and reverse("accounts:paper_form") in page
    pdf = client.get(reverse("accounts:paper_form"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert not Organisation.objects.exists()


def test_existing_email_cannot_register_again(client, employer_admin):
    html = client.post(
        reverse("accounts:register"), {**REGISTER, "email": employer_admin.email}
    ).content.decode()
    assert "already exists" in html


def test_admin_invites_and_deactivates_a_user(client, employer, employer_admin):
    client.force_login(employer_admin)
    url = reverse("accounts:users", args=[employer.pk])
    response = client.post(
        url, {"email": "filer@vandijk.test", "first_name": "F", "last_name": "L", "role": "employer_filer"}
    )
    assert response.status_code == 302
    new = Membership.objects.get(user__email="filer@vandijk.test")
    assert new.role == Membership.Role.EMPLOYER_FILER
    assert "filer@vandijk.test" in client.get(url).content.decode()
    client.post(reverse("accounts:user_deactivate", args=[employer.pk, new.pk]))
    new.refresh_from_db()
    assert not new.is_active
    bad = client.post(url, {"email": "not-an-email", "first_name": "", "last_name": "L", "role": "x"})
    assert (
        "Enter a valid email address" in bad.content.decode()
        and 'value="not-an-email"' in bad.content.decode()
    )


def test_representative_firm_admin_invites_staff(client, representative_firm):
    boss = factories.make_user()
    Membership.objects.create(
        user=boss,
        organisation=representative_firm,
        role=Membership.Role.REPRESENTATIVE_STAFF,
        is_org_admin=True,
    )
    client.force_login(boss)
    response = client.get(reverse("accounts:organisation"))
    assert response.url == reverse("accounts:users", args=[representative_firm.pk])
    client.post(
        response.url,
        {"email": "junior@fiscaal.test", "first_name": "J", "last_name": "R", "role": "representative_staff"},
    )
    assert Membership.objects.filter(
        user__email="junior@fiscaal.test", organisation=representative_firm
    ).exists()


def test_password_reset_mail_contains_only_the_link(client, employer_admin):
    client.post(reverse("password_reset"), {"email": employer_admin.email})
    body = mail.outbox[0].body
    assert "/accounts/password-reset/" in body
    assert employer_admin.first_name not in body and employer_admin.email not in body
    link = re.search(r"http://\S+", body).group(0)
    page = client.get(link, follow=True)
    assert "Choose a new password" in page.content.decode()


def test_grant_mandate_by_search_and_revoke(client, employer, employer_admin, representative_firm):
    representative_firm.kvk_number = "55554444"
    representative_firm.save()
    client.force_login(employer_admin)
    found = client.get(reverse("accounts:mandates"), {"q": "5555 4444"}).content.decode()
    assert "Fiscaal Advies B.V." in found
    response = client.post(
        reverse("accounts:mandates"),
        {
            "q": "fiscaal",
            "representative": representative_firm.pk,
            "valid_from": "2026-01-01",
            "valid_until": "",
        },
    )
    assert response.status_code == 302
    mandate = Mandate.objects.get()
    bad = client.post(
        reverse("accounts:mandates"),
        {
            "q": "fiscaal",
            "representative": representative_firm.pk,
            "valid_from": "2026-02-01",
            "valid_until": "2026-01-01",
        },
    ).content.decode()
    assert "must be on or after the start date" in bad
    client.post(reverse("accounts:mandate_revoke", args=[mandate.pk]))
    mandate.refresh_from_db()
    assert mandate.revoked_at is not None


def upload(client, content, content_type="application/pdf", employee=None):
    return client.post(
        reverse("accounts:authorizations"),
        {"employee": employee.pk, "file": SimpleUploadedFile("a.pdf", content, content_type=content_type)},
    )


def test_representative_uploads_authorization_naming_the_bsn(client, representative_user, employer):
    employee = factories.make_employee(employer, personal_number="111222333")
    client.force_login(representative_user)
    page = client.get(reverse("accounts:authorizations")).content.decode()
    assert "one week before" in page
    response = upload(
        client,
        pdf_with_text("I, Anna Delporte, BSN 1112.22.333, authorize Fiscaal Advies"),
        employee=employee,
    )
    assert response.status_code == 302
    authorization = EmployeeAuthorization.objects.get()
    assert authorization.status == EmployeeAuthorization.Status.PENDING
    assert authorization.representative.name == "Fiscaal Advies B.V."


@pytest.mark.parametrize(
    ("content", "content_type", "message"),
    [
        (b"%PDF-1.4 nothing", "text/plain", "must be a PDF"),
        (b"GIF89a not a pdf", "application/pdf", "not a PDF"),
        (None, "application/pdf", "does not state the employee"),
        (b"%PDF-" + b"0" * (5 * 1024 * 1024), "application/pdf", "larger than 5 MB"),
    ],
)
def test_bad_authorization_uploads_are_explained_at_the_field(
    client, representative_user, employer, content, content_type, message
):
    employee = factories.make_employee(employer, personal_number="111222333")
    client.force_login(representative_user)
    content = content if content is not None else pdf_with_text("BSN 123456782")
    html = upload(client, content, content_type, employee=employee).content.decode()
    assert message in html
    assert not EmployeeAuthorization.objects.exists()


def test_employer_sees_authorizations_but_uploads_none(client, employer_admin, employer):
    client.force_login(employer_admin)
    html = client.get(reverse("accounts:authorizations")).content.decode()
    assert 'type="file"' not in html


def test_axes_locks_out_after_five_bad_attempts(client, employer_admin):
    for _ in range(5):
        response = client.post(reverse("login"), {"username": employer_admin.email, "password": "wrong"})
    response = client.post(
        reverse("login"), {"username": employer_admin.email, "password": "correct-horse-battery-staple"}
    )
    assert response.status_code == 429
    assert "Too many attempts to log in" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_works_and_bad_password_message(client, employer_admin):
    bad = client.post(reverse("login"), {"username": employer_admin.email, "password": "nope"})
    assert "is not right" in bad.content.decode()
    ok = client.post(reverse("login"), {"username": employer_admin.email, "password": factories.PASSWORD})
    assert ok.url == reverse("home")


def test_user_is_never_created_without_organisation_on_bad_registration(client):
    client.post(reverse("accounts:register"), {**REGISTER, "password2": "x"})
    assert not User.objects.filter(email="piet@jansen.test").exists()
    assert timezone.now()


def test_account_page_links_what_the_person_may_manage(client, employer, employer_admin, representative_user):
    client.force_login(employer_admin)
    html = client.get(reverse("accounts:account")).content.decode()
    assert reverse("accounts:mandates") in html and reverse("accounts:users", args=[employer.pk]) in html
    client.force_login(representative_user)
    html = client.get(reverse("accounts:account")).content.decode()
    assert reverse("accounts:mandates") not in html and reverse("accounts:authorizations") in html
    client.logout()
    assert client.get(reverse("accounts:account")).status_code == 302
