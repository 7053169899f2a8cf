"""An automated accessibility sweep in Chromium: one page of every kind, for every role, checked with
axe-core against the WCAG 2.0 / 2.1 A and AA rules (what the Web Accessibility Directive and
EN 301 549 require). A failure lists each violation with its rule, impact, the page and the HTML."""

import pytest
from django.core.files.base import ContentFile
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import EmployeeAuthorization, ImportJob
from accounts.services.enrolment import enrolment_code_issue
from api.models import Webhook
from api.services.tokens import token_create
from casework.models import Certificate
from casework.pdf import verification_url
from postings.services.decisions import request_decide
from tests import factories
from tests.casework.builders import make_request

from .accessibility import Sweep
from .signing_in import log_in
from .test_postings_journeys import answer, conditions, go_on, start_with_employee
from .test_postings_wizards import a_company_in_belgium
from .test_selfcheck_page import a_posting_from_the_netherlands

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def certificate(employer, employer_admin, employee, caseworker):
    request = make_request(employer, employee, employer_admin)
    request_decide(actor=caseworker, request=request, decision="approved")
    return Certificate.objects.get(request=request)


def visit(sweep, url, name, status=200):
    response = sweep.page.goto(url)
    assert response.status == status, f"{name}: {url} answered {response.status}"
    sweep.check(name)


def visit_all(sweep, base, pages):
    for path, name in pages:
        visit(sweep, base + path, name)


def test_public_pages(live_server, page, certificate, settings):
    settings.PORTAL_BASE_URL = live_server.url
    sweep = Sweep(page)
    base = live_server.url
    visit(sweep, base + "/", "home")
    visit(sweep, base + "/accounts/login/", "login")
    page.get_by_label("E-mail address").fill("nobody@example.test")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    sweep.check("login, wrong password")
    visit(sweep, base + "/accounts/password-reset/", "password reset")
    page.locator("main input[type=email]").fill("nobody@example.test")
    page.locator("main button[type=submit]").click()
    sweep.check("password reset, sent")
    visit(sweep, base + "/accounts/register/", "registration")
    page.get_by_role("button", name="Continue").click()
    sweep.check("registration, with errors")
    visit(sweep, base + "/accounts/activate/", "activation")
    page.get_by_role("button", name="Activate").click()
    sweep.check("activation, with errors")
    visit(sweep, base + "/no-such-page/", "page not found", status=404)

    visit(sweep, base + "/verify/", "verification, empty")
    page.get_by_label("Certificate number").fill("NL-A1-2026-9999999-AAAA")
    page.get_by_label("Holder's date of birth").fill("30-07")
    page.get_by_role("button", name="Check certificate").click()
    sweep.check("verification, a field error")
    page.get_by_label("Holder's date of birth").fill("1985-07-30")
    page.get_by_role("button", name="Check certificate").click()
    sweep.check("verification, nothing found")
    visit(sweep, verification_url(certificate), "verification, certificate found")

    visit(sweep, base + "/check/", "self-check")
    page.get_by_role("button", name="Continue").click()
    sweep.check("self-check, errors")
    page.goto(base + "/check/")
    page.get_by_label("Employed by an employer").check()
    page.get_by_label("My employer sends me temporarily to the first country of work (a posting)").check()
    a_posting_from_the_netherlands(page)
    page.get_by_role("button", name="Continue").click()
    assert "legislation of the Netherlands applies" in page.locator("h1").inner_text()
    sweep.check("self-check, result")

    page.set_viewport_size(PHONE)
    visit(sweep, base + "/", "home, 375 px")
    visit(sweep, base + "/check/", "self-check, 375 px")
    sweep.assert_clean()


def posting_wizard(sweep, base):
    """Every step of the posting wizard, one shown with its error summary, to the confirmation."""
    page = sweep.page
    visit(sweep, base + "/requests/new/posting/", "posting, start")
    page.get_by_role("button", name="Start a new request").click()
    sweep.check("posting, employee")
    page.get_by_label("Personal number or family name").fill("por")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("Delporte, Anna", exact=False).check()
    sweep.check("posting, employee found")
    go_on(page)
    sweep.check("posting, address")
    go_on(page)
    sweep.check("posting, relationship")
    go_on(page)
    assert page.locator(".error-summary").is_visible()
    sweep.check("posting, relationship with errors")
    answer(page, "Are you an employer in the private sector?", "Yes")
    go_on(page)
    sweep.check("posting, places")
    a_company_in_belgium(page)
    page.get_by_role("button", name="Add another place").click()  # left empty: ignored
    sweep.check("posting, places with a place added by script")
    go_on(page)
    sweep.check("posting, conditions")
    go_on(page)
    sweep.check("posting, conditions with errors")
    conditions(page, "2025-03-01", "2025-12-31", language="Dutch")
    go_on(page)
    sweep.check("posting, contact")
    page.get_by_label("Telephone").fill("+31 20 123 4567")
    go_on(page)
    assert page.locator("h1").inner_text() == "Check your answers before sending the request"
    sweep.check("posting, check your answers")
    page.get_by_role("button", name="Send the request").click()
    assert page.locator("h1").inner_text() == "Request sent"
    sweep.check("posting, confirmation")


def other_wizards(sweep, live_server):
    """The first steps of the simultaneous-occupation and seafarer wizards, to their own steps."""
    page = sweep.page
    for kind in ("simultaneous", "seafarer"):
        start_with_employee(page, live_server, kind, "por", "Delporte, Anna")
        sweep.check(f"{kind}, relationship")
        answer(page, "Are you an employer in the private sector?", "Yes")
        if kind == "simultaneous":
            answer(page, "Worker classification", "Employed (salaried)")
        go_on(page)
        sweep.check(f"{kind}, {'states' if kind == 'simultaneous' else 'ship'}")
        go_on(page)
        sweep.check(f"{kind}, with errors")
        if kind == "simultaneous":
            page.get_by_label("First state of work").select_option("BE")
            page.get_by_label("Second state of work").select_option("DE")
            go_on(page)
            sweep.check("simultaneous, places")


def test_employer_pages(live_server, page, employer, employer_admin, employee, certificate):
    sweep = Sweep(page)
    base = live_server.url
    log_in(page, live_server, employer_admin.email)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    sweep.check("employer's home")
    posting_wizard(sweep, base)
    sent = employer.coverage_requests.exclude(pk=certificate.request_id).exclude(status="draft").get()
    other_wizards(sweep, live_server)
    visit(sweep, base + "/requests/", "requests, with rows")
    page.get_by_text("Search requests").click()
    sweep.check("requests, search open")
    visit(sweep, base + "/requests/drafts/", "drafts")
    visit(sweep, f"{base}/requests/{sent.pk}/", "request, sent")
    visit(sweep, f"{base}/requests/{certificate.request_id}/", "request with a certificate")
    visit(sweep, f"{base}/requests/{sent.pk}/cancel/", "cancel, confirm")
    page.get_by_role("button", name="Cancel the request").click()
    sweep.check("cancel, with errors")
    visit(sweep, f"{base}/requests/{certificate.request_id}/extend/", "extend")
    draft = employer.coverage_requests.filter(status="draft").first()
    visit(sweep, f"{base}/requests/draft/{draft.pk}/discard/", "discard a draft, confirm")
    visit(sweep, base + "/inbox/", "inbox")
    page.locator("main table a").first.click()
    sweep.check("inbox, a message")

    visit_all(
        sweep,
        base,
        [
            ("/accounts/personnel/", "personnel"),
            (f"/accounts/personnel/{employee.pk}/", "employee"),
            (f"/accounts/personnel/{employee.pk}/edit/", "employee's form"),
            ("/accounts/personnel/add/", "new employee's form"),
        ],
    )
    page.get_by_role("button", name="Save").first.click()
    sweep.check("new employee's form, with errors")
    visit(sweep, base + "/accounts/personnel/import/", "personnel import")
    for status in (ImportJob.Status.RUNNING, ImportJob.Status.DONE):
        job = ImportJob.objects.create(
            employer=employer, created_by=employer_admin, source="x", status=status, rows_total=4, rows_done=2
        )
        visit(sweep, f"{base}/accounts/personnel/import/{job.pk}/", f"personnel import, {status}")
    colleague = factories.add_member(factories.make_user(email="filer@vandijk.test"), employer)
    mandate = factories.make_mandate(employer, factories.make_representative(name="Fiscaal Advies B.V."))
    token, _key = token_create(actor=employer_admin, name="Payroll")
    webhook = Webhook.objects.create(
        organisation=employer, url="https://payroll.example/hook", secret="whsec_x", created_by=employer_admin
    )
    organisation = f"/accounts/organisation/{employer.pk}"
    visit_all(
        sweep,
        base,
        [
            ("/accounts/", "account"),
            ("/accounts/organisation/", "organisation"),
            (f"{organisation}/users/", "organisation's users"),
            (f"{organisation}/users/{colleague.pk}/deactivate/", "deactivate a user, confirm"),
            ("/accounts/mandates/", "mandates"),
            (f"/accounts/mandates/{mandate.pk}/revoke/", "revoke a mandate, confirm"),
            ("/accounts/authorizations/", "authorizations"),
            ("/account/api/tokens/", "API tokens"),
            (f"/account/api/tokens/{token.pk}/revoke/", "revoke a token, confirm"),
            ("/account/api/webhooks/", "webhooks"),
            (f"/account/api/webhooks/{webhook.pk}/off/", "webhook off, confirm"),
        ],
    )

    page.set_viewport_size(PHONE)
    visit_all(
        sweep,
        base,
        [
            ("/requests/", "requests, 375 px"),
            (f"/requests/{certificate.request_id}/", "request with a certificate, 375 px"),
            ("/accounts/personnel/", "personnel, 375 px"),
        ],
    )
    sweep.assert_clean()


def test_employer_pages_in_dutch(live_server, page, employer, employer_admin, employee):
    """The list (empty and with a row) and the wizard in Dutch."""
    sweep = Sweep(page)
    base = live_server.url
    log_in(page, live_server, employer_admin.email)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.get_by_label("Language").select_option("nl")
    page.get_by_role("button", name="Change language").click()
    visit(sweep, base + "/requests/", "nl: requests, empty")
    visit(sweep, base + "/requests/new/posting/", "nl: posting, start")
    page.locator("main button[type=submit]").first.click()
    sweep.check("nl: posting, employee")
    page.locator("#id_employee-query").fill("por")
    page.locator("#id_employee-query").press("Enter")
    page.locator("#id_employee-employee_0").check()
    go_on_nl = page.get_by_role("button", name="Doorgaan", exact=True)
    go_on_nl.click()
    sweep.check("nl: posting, address")
    go_on_nl.click()
    go_on_nl.click()
    sweep.check("nl: posting, relationship with errors")
    page.set_viewport_size(PHONE)
    sweep.check("nl: posting, relationship with errors, 375 px")
    make_request(employer, employee, employer_admin)
    visit(sweep, base + "/requests/", "nl: requests, with a row, 375 px")
    sweep.assert_clean()


def test_representative_pages(live_server, page, representative_user, employer, employee):
    """A representative's header carries the "Acting for" switcher; the authorizations page is theirs."""
    sweep = Sweep(page)
    base = live_server.url
    factories.make_mandate(
        factories.make_employer(name="Hollandse Transport B.V."),
        representative_user.memberships.get().organisation,
    )
    log_in(page, live_server, representative_user.email)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    sweep.check("representative's home")
    visit(sweep, base + "/accounts/personnel/", "personnel, acting for an employer")
    visit(sweep, base + "/requests/", "requests, empty")
    visit(sweep, base + "/accounts/mandates/", "forbidden", status=403)
    visit(sweep, base + "/accounts/authorizations/", "authorizations")
    page.locator("main button[type=submit]").last.click()
    sweep.check("authorizations, with errors")
    sweep.assert_clean()


def test_caseworker_admin_pages(live_server, page, employer, employer_admin, employee, caseworker):
    sweep = Sweep(page)
    base = live_server.url
    case = make_request(employer, employee, employer_admin)
    decided = make_request(employer, employee, employer_admin)
    request_decide(actor=caseworker, request=decided, decision="approved")
    certificate = Certificate.objects.get(request=decided)
    factories.make_employee(employer, family_name="Peeters", given_names="Jan")
    firm = factories.make_representative(name="Fiscaal Advies B.V.")
    factories.make_mandate(employer, firm)
    authorization = EmployeeAuthorization(
        employer=employer, employee=employee, representative=firm, uploaded_by=employer_admin
    )
    authorization.file.save("a.pdf", ContentFile(b"%PDF-1.4"), save=True)
    newcomer = factories.make_caseworker(email="newcomer@svb.test")
    log_in(page, live_server, newcomer.email)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    assert "Enter your enrolment code" in page.locator("h1").inner_text()
    sweep.check("second factor, enrolment code")
    page.get_by_role("button", name="Continue").click()
    sweep.check("second factor, enrolment code with errors")
    _record, code = enrolment_code_issue(actor=None, user=newcomer)
    page.get_by_label("Enrolment code").fill(code)
    page.get_by_role("button", name="Continue").click()
    assert "Set up two-factor authentication" in page.locator("h1").inner_text()
    sweep.check("second factor, set up")
    page.context.clear_cookies()
    device = TOTPDevice.objects.create(user=caseworker, name="phone", confirmed=True)
    log_in(page, live_server, caseworker.email)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    sweep.check("second factor")
    page.get_by_role("button", name="Continue").click()
    sweep.check("second factor, with errors")
    token = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    page.get_by_label("Code from your authenticator app").fill(f"{token:06d}")
    page.get_by_role("button", name="Continue").click()
    requests = "/admin/postings/coveragerequest"
    visit_all(
        sweep,
        base,
        [
            ("/admin/", "admin index"),
            (f"{requests}/", "requests changelist"),
            (f"{requests}/?q=Delporte", "requests, searched"),
            (f"{requests}/{case.pk}/change/", "request, decision page"),
            (f"{requests}/{case.pk}/approve/", "approve"),
            (f"{requests}/{case.pk}/ask/", "ask for information"),
            (f"{requests}/{decided.pk}/change/", "decided request"),
            (f"/admin/casework/certificate/{certificate.pk}/change/", "certificate"),
            ("/casework/dashboard/", "dashboard"),
            (f"{requests}/{case.pk}/reject/", "reject"),
        ],
    )
    page.get_by_role("button", name="Reject the request").click()
    sweep.check("reject, with errors")
    visit(sweep, base + "/admin/accounts/employeeauthorization/", "authorizations")
    page.get_by_role("checkbox").last.check()
    page.locator("select[name=action]").select_option("reject")
    page.locator("button[name=index]").click()
    assert "Reject authorizations" in page.content()
    sweep.check("reject authorizations")
    sweep.assert_clean()


def test_the_sweep_reports_what_it_finds(page):
    """A page with a field without a label, grey-on-white text and a hint reference to nothing fails,
    and the report names the rule, its impact, the page and the HTML (so a clean sweep means something)."""
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>'
        '<input id="q"><p style="color:#bbb">faint</p>'
        '<label for="d">Date</label><input id="d" aria-describedby="d_helptext"><p id="d">twice</p>'
        "</main></body></html>"
    )
    sweep = Sweep(page)
    sweep.check("a bad page")
    report = sweep.report()
    assert "[a bad page] about:blank" in report
    assert "label (critical)" in report and '<input id="q">' in report
    assert "color-contrast (serious)" in report
    assert "duplicate-id (serious)" in report and "#d" in report
    assert "aria-reference-missing (serious)" in report and "aria-describedby -> #d_helptext" in report
