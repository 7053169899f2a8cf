"""Browser tests in Chromium: a caseworker decides in the admin, the employer gets the result, an
inspector verifies the certificate."""

import subprocess

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from casework.models import Certificate
from postings.services.decisions import request_decide
from tests.casework.builders import make_request

from .signing_in import log_in as sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Tasks run in the live server's thread (the test default, also in CI); files go to tmp."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def case(employer, employer_admin, employee):
    return make_request(employer, employee, employer_admin)


def log_in(page, live_server, email):
    sign_in(page, live_server, email)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def log_in_caseworker(page, live_server, caseworker):
    device = TOTPDevice.objects.create(user=caseworker, name="phone", confirmed=True)
    log_in(page, live_server, caseworker.email)
    if page.get_by_label("Code from your authenticator app").count():
        token = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
        page.get_by_label("Code from your authenticator app").fill(f"{token:06d}")
        page.get_by_role("button", name="Continue").click()


def open_request_in_admin(page, live_server, case):
    page.goto(f"{live_server.url}/admin/postings/coveragerequest/")
    page.get_by_role("link", name=case.transaction_number).click()
    expect(page.get_by_text("Legislation: Netherlands (NL)").first).to_be_visible()
    expect(page.get_by_text("No flags").first).to_be_visible()


def test_caseworker_approves_and_employer_downloads(
    live_server, page, case, caseworker, employer_admin, tmp_path
):
    log_in_caseworker(page, live_server, caseworker)
    open_request_in_admin(page, live_server, case)
    page.get_by_role("link", name="Approve", exact=True).click()
    # Dates day first as the portal writes them, and the admin's calendar fills them in the same way
    # (it opens at the field's date: December 2027).
    expect(page.get_by_label("Admitted from")).to_have_value(f"{case.requested_start:%d-%m-%Y}")
    page.locator("#calendarlink1").click()
    page.locator("#calendarbox1").get_by_role("link", name="30", exact=True).click()
    expect(page.get_by_label("Admitted until")).to_have_value("30-12-2027")
    page.get_by_label("Admitted until").fill("30-09-2027")
    page.get_by_role("button", name="Approve and issue the certificate").click()
    expect(page.get_by_text(f"{case.transaction_number} is approved.")).to_be_visible()
    certificate = Certificate.objects.get(request=case)

    page.context.clear_cookies()
    log_in(page, live_server, employer_admin.email)
    page.goto(live_server.url + "/inbox/")
    page.get_by_role("link", name=f"Certificate for request {case.transaction_number}").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    path = tmp_path / "downloaded.pdf"
    download_info.value.save_as(path)
    text = subprocess.run(["/usr/bin/pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert certificate.number in text and "Delporte" in text and "2027-09-30" in text


def test_rejection_reaches_the_employer_with_its_reason(live_server, page, case, caseworker, employer_admin):
    log_in_caseworker(page, live_server, caseworker)
    open_request_in_admin(page, live_server, case)
    page.get_by_role("link", name="Reject", exact=True).click()
    page.get_by_role("button", name="Reject the request").click()
    expect(page.get_by_text("Give the reason for the rejection").first).to_be_visible()
    page.get_by_label("Reason for the rejection").fill(
        "The worker was not insured in the Netherlands before."
    )
    page.get_by_role("button", name="Reject the request").click()

    page.context.clear_cookies()
    log_in(page, live_server, employer_admin.email)
    page.goto(live_server.url + "/inbox/")
    page.get_by_role("link", name=f"Request {case.transaction_number} was rejected").click()
    expect(page.get_by_text("The worker was not insured in the Netherlands before.")).to_be_visible()


def test_verification_accepts_a_real_certificate_and_refuses_an_altered_number(
    live_server, page, case, caseworker, settings
):
    settings.PORTAL_BASE_URL = live_server.url
    request_decide(actor=caseworker, request=case, decision="approved")
    certificate = Certificate.objects.get(request=case)
    from casework.pdf import verification_url

    page.goto(verification_url(certificate))  # what the QR code opens
    # The posting starts after today: the inspector is told from when the certificate holds.
    valid = f"This certificate is valid from {certificate.request.admitted_start:%Y-%m-%d}"
    expect(page.locator("h1")).to_have_text(valid)
    expect(page.get_by_text("A. D.")).to_be_visible()

    # The number ends in a random character: alter it to one it is not (1 run in 32 ended in Z).
    altered = certificate.number[:-1] + ("Y" if certificate.number.endswith("Z") else "Z")
    page.get_by_label("Certificate number").fill(altered)
    page.get_by_label("Holder's date of birth").fill("1985-07-30")
    page.get_by_role("button", name="Check certificate").click()
    expect(page.locator("h1").first).to_have_text("Certificate not found")

    page.get_by_label("Certificate number").fill(certificate.number)
    page.get_by_label("Holder's date of birth").fill("1985-07-30")
    page.get_by_role("button", name="Check certificate").click()
    expect(page.locator("h1").first).to_have_text(valid)
