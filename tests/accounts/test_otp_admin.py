import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.base import ContentFile
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ActivationLetter, AuditEvent, EmployeeAuthorization, Organisation
from accounts.services.registration import organisation_register
from tests import factories

from .conftest import enter_enrolment_code, login_verified

pytestmark = pytest.mark.django_db


def token_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def login(client, user):
    return client.post(reverse("login"), {"username": user.email, "password": factories.PASSWORD})


def test_caseworker_without_device_is_sent_to_setup_before_the_admin(client, caseworker):
    response = login(client, caseworker)
    assert response.url.startswith(reverse("accounts:otp_setup"))
    admin = client.get(reverse("admin:index"))
    assert admin.status_code == 302
    follow = client.get(admin.url)
    assert follow.url.startswith(reverse("accounts:otp_setup"))
    page = client.get(reverse("accounts:otp_setup")).content.decode()
    assert "<svg" not in page and "Enter your enrolment code" in page
    assert not TOTPDevice.objects.filter(user=caseworker).exists()
    enter_enrolment_code(client, caseworker)
    page = client.get(reverse("accounts:otp_setup")).content.decode()
    assert "<svg" in page and "Caseworkers must use a second factor" in page
    device = TOTPDevice.objects.get(user=caseworker, confirmed=False)
    assert device.config_url.split("secret=")[1][:8] in page.replace(" ", "")
    wrong = client.post(
        reverse("accounts:otp_setup"), {"token": "000000" if token_for(device) != "000000" else "111111"}
    )
    assert "The code is not right" in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    client.post(reverse("accounts:otp_setup"), {"token": token_for(device)})
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("admin:index")).status_code == 200


def test_login_with_a_device_asks_for_the_token_before_logging_in(client, caseworker):
    device = TOTPDevice.objects.create(user=caseworker, name="phone", confirmed=True)
    response = login(client, caseworker)
    assert response.url == reverse("accounts:otp_verify")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302
    bad = client.post(reverse("accounts:otp_verify"), {"token": "12"})
    assert "Enter the 6 digits" in bad.content.decode()
    client.post(reverse("accounts:otp_verify"), {"token": token_for(device)})
    assert client.session["_auth_user_id"] == str(caseworker.pk)
    assert client.get(reverse("admin:index")).status_code == 200


def test_admin_refuses_an_unverified_caseworker_session(client, caseworker):
    client.force_login(caseworker)
    response = client.get(reverse("admin:accounts_activationletter_changelist"))
    assert response.status_code == 302


def test_optional_totp_for_an_employer_user(client, employer_admin):
    login(client, employer_admin)
    assert client.get(reverse("home")).status_code == 200
    client.get(reverse("accounts:otp_setup"))
    device = TOTPDevice.objects.get(user=employer_admin)
    client.post(reverse("accounts:otp_setup"), {"token": token_for(device)})
    client.post(reverse("logout"))
    assert login(client, employer_admin).url == reverse("accounts:otp_verify")


@pytest.fixture
def verified_caseworker(client, caseworker):
    login_verified(client, caseworker)
    return caseworker


def test_caseworker_marks_letter_sent_and_downloads_it(client, verified_caseworker):
    organisation, _user, _code = organisation_register(
        kind=Organisation.Kind.EMPLOYER,
        organisation_data={
            "name": "New B.V.",
            "country": "NL",
            "kvk_number": "11112222",
            "street": "S 1",
            "postal_code": "1000 AA",
            "town": "Amsterdam",
        },
        admin_data={
            "first_name": "A",
            "last_name": "B",
            "email": "a@new.test",
            "password": "x-long-secret-1",
        },
    )
    letter = ActivationLetter.objects.get()
    changelist = client.get(reverse("admin:accounts_activationletter_changelist")).content.decode()
    assert "New B.V." in changelist and "To be posted" in changelist
    pdf = client.get(reverse("admin:accounts_activationletter_pdf", args=[letter.pk]))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    client.post(
        reverse("admin:accounts_activationletter_changelist"),
        {"action": "mark_sent", ACTION_CHECKBOX_NAME: [letter.pk]},
    )
    letter.refresh_from_db()
    assert letter.sent_at is not None and letter.sent_by == verified_caseworker
    assert client.get(reverse("admin:accounts_activationletter_pdf", args=[letter.pk])).status_code == 404
    # Read-only, no delete.
    assert client.get(reverse("admin:accounts_activationletter_delete", args=[letter.pk])).status_code in (
        302,
        403,
    )
    assert client.get(reverse("admin:accounts_activationletter_add")).status_code == 403
    assert organisation.status == Organisation.Status.PENDING


def test_caseworker_accepts_and_rejects_authorizations(
    client, verified_caseworker, employer, representative_firm
):
    employee = factories.make_employee(employer)
    uploader = factories.make_user()

    def make():
        a = EmployeeAuthorization(
            employer=employer, employee=employee, representative=representative_firm, uploaded_by=uploader
        )
        a.file.save("a.pdf", ContentFile(b"%PDF-1.4"), save=True)
        return a

    first, second = make(), make()
    url = reverse("admin:accounts_employeeauthorization_changelist")
    client.post(url, {"action": "accept", ACTION_CHECKBOX_NAME: [first.pk]})
    first.refresh_from_db()
    assert first.status == "accepted" and first.decided_by == verified_caseworker
    page = client.post(url, {"action": "reject", ACTION_CHECKBOX_NAME: [second.pk]})
    assert "Reject authorizations" in page.content.decode()
    client.post(
        url, {"action": "reject", ACTION_CHECKBOX_NAME: [second.pk], "confirm": "1", "reason": "Not signed"}
    )
    second.refresh_from_db()
    assert second.status == "rejected" and second.reason == "Not signed"
    assert AuditEvent.objects.filter(action__startswith="authorization.").count() == 2


def test_employer_user_cannot_reach_admin(client, employer_admin):
    login_verified(client, employer_admin)
    response = client.get(reverse("admin:accounts_employeeauthorization_changelist"))
    assert response.status_code == 302
