"""Browser test in Chromium: an administrator issues an enrolment code in the admin, and a new
caseworker enrols an authenticator with it before reaching casework."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests import factories

from .accessibility import Sweep
from .signing_in import enrol_authenticator, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_administrator_issues_a_code_and_the_new_caseworker_enrols_with_it(live_server, page, caseworker):
    administrator = factories.make_user(
        email="root@svb.test", first_name="Ada", last_name="Admin", is_staff=True, is_superuser=True
    )
    device = TOTPDevice.objects.create(user=administrator, name="phone", confirmed=True)
    sweep = Sweep(page)
    log_in(page, live_server, administrator.email)
    token = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    page.get_by_label("Code from your authenticator app").fill(f"{token:06d}")
    page.get_by_role("button", name="Continue").click()

    page.goto(live_server.url + "/admin/")
    page.get_by_role("link", name="Staff accounts").click()
    sweep.check("staff accounts")
    page.get_by_role("link", name=caseworker.email).click()
    sweep.check("staff account")
    page.get_by_role("link", name="Issue an enrolment code").click()
    expect(page.get_by_role("heading", name="Issue an enrolment code for Kees Bakker")).to_be_visible()
    sweep.check("enrolment code, confirmation")
    page.get_by_role("button", name="Issue the code").click()
    code = page.locator("#enrolment-code").inner_text()
    expect(page.get_by_text("This code is shown only now.")).to_be_visible()
    sweep.check("enrolment code, issued")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the letter (PDF)").click()
    assert download.value.suggested_filename == "enrolment-code-letter.pdf"

    page.context.clear_cookies()
    log_in(page, live_server, caseworker.email)
    expect(page.get_by_role("heading", name="Enter your enrolment code")).to_be_visible()
    page.get_by_label("Enrolment code").fill("ABCD-EFGH-JKLM")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("The enrolment code is not right.").first).to_be_visible()
    enrol_authenticator(page, code)
    expect(page.get_by_role("heading", name="Two-factor authentication is on")).to_be_visible()
    page.get_by_role("link", name="Continue").click()
    expect(page).to_have_url(live_server.url + "/admin/")
    expect(page.get_by_role("link", name="Requests").first).to_be_visible()
    sweep.assert_clean()
