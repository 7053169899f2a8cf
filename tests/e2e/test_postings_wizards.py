"""Browser tests in Chromium: the posting wizard from login to confirmation, reuse, consult, cancel."""

import pytest

from postings.models import CoverageRequest
from postings.status import Status
from tests import factories

from .signing_in import log_in
from .test_postings_journeys import conditions

EMAIL = "filer@vandijk.test"
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def person(db):
    employer = factories.make_employer(name="Van Dijk Bouw B.V.")
    user = factories.make_user(email="filer@vandijk.test", first_name="Eva", last_name="Vries")
    factories.add_member(user, employer)
    factories.make_employee(employer, family_name="Delporte", given_names="Anna")
    return user


def answer(page, label, value):
    page.get_by_role("group", name=label).get_by_label(value, exact=True).check()


def a_company_in_belgium(page):
    """The places step of a posting: one place of work, a Belgian company with its address."""
    page.get_by_label("State", exact=True).select_option("BE")
    page.get_by_label("Type of place").select_option("company")
    page.get_by_label("Name", exact=True).fill("Brugbouw NV")
    page.get_by_label("Identification number").fill("0123456789")
    page.get_by_label("Street", exact=True).fill("Rue Haute")
    page.get_by_label("Number", exact=True).fill("5")
    page.get_by_label("Postal code").fill("1000")
    page.get_by_label("Town").fill("Brussels")


def test_posting_from_login_to_confirmation_then_reuse_consult_and_cancel(live_server, page, person):
    log_in(page, live_server, EMAIL)
    page.get_by_role("link", name="Request a posting abroad").click()
    page.get_by_role("button", name="Start a new request").click()

    page.get_by_label("Personal number or family name").fill("por")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("Delporte, Anna", exact=False).check()
    page.get_by_role("button", name="Continue", exact=True).click()
    assert "temporary address" in page.locator("h1").inner_text()
    page.get_by_role("button", name="Continue", exact=True).click()
    answer(page, "Are you an employer in the private sector?", "Yes")
    page.get_by_role("button", name="Continue", exact=True).click()

    a_company_in_belgium(page)
    page.get_by_role("button", name="Continue", exact=True).click()

    conditions(page, "2025-03-01", "2025-12-31", language="Dutch")
    page.get_by_role("button", name="Continue", exact=True).click()
    page.get_by_label("Telephone").fill("+31 20 123 4567")
    page.get_by_role("button", name="Continue", exact=True).click()

    assert page.locator("h1").inner_text() == "Check your answers before sending the request"
    assert "Expected outcome" in page.content()
    page.get_by_role("button", name="Send the request").click()
    assert page.locator("h1").inner_text() == "Request sent"
    sent = CoverageRequest.objects.exclude(status=Status.DRAFT).get()
    assert sent.transaction_number in page.locator(".panel-confirmation").inner_text()

    # Reuse: same employee, destination and conditions, another period.
    page.get_by_role("button", name="Request for the same employee, another period").click()
    page.get_by_label("Start date").fill("2026-03-01")
    page.get_by_label("End date").fill("2026-06-30")
    page.get_by_role("button", name="Continue", exact=True).click()
    page.get_by_role("button", name="Continue", exact=True).click()
    page.get_by_role("button", name="Send the request").click()
    assert page.locator("h1").inner_text() == "Request sent"
    assert CoverageRequest.objects.exclude(status=Status.DRAFT).count() == 2

    # Consult: filter and sort.
    page.goto(live_server.url + "/requests/")
    page.get_by_text("Search requests").click()
    page.get_by_label("Requested start, from").fill("2026-01-01")
    page.get_by_role("button", name="Search").click()
    rows = page.locator("table.requests-table tbody tr")
    assert rows.count() == 1
    assert "requested_start_from=2026-01-01" in page.url  # posted with its token, then shown by address
    page.get_by_role("link", name="Clear search criteria").click()
    page.get_by_role("link", name="Requested period").click()
    assert page.locator("table.requests-table tbody tr").first.inner_text().find("2025") >= 0

    # Cancel with a justification.
    page.locator("table.requests-table tbody tr").first.get_by_role("link", name="Cancel").click()
    page.get_by_role("button", name="Cancel the request").click()
    assert "Give the reason" in page.locator(".error-summary").inner_text()
    page.get_by_label("Why are you cancelling this request?").fill("The project was called off.")
    page.get_by_role("button", name="Cancel the request").click()
    assert "is cancelled" in page.content()
    assert CoverageRequest.objects.filter(status=Status.CANCELLED).count() == 1


def test_resume_a_draft_from_my_drafts(live_server, page, person):
    log_in(page, live_server, EMAIL)
    page.goto(live_server.url + "/requests/new/posting/")
    page.get_by_role("button", name="Start a new request").click()
    page.get_by_label("Personal number or family name").fill("DELP")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("Delporte, Anna", exact=False).check()
    page.get_by_role("button", name="Continue", exact=True).click()
    page.goto(live_server.url + "/requests/drafts/")
    page.get_by_role("link", name="Resume").click()
    assert "temporary address" in page.locator("h1").inner_text()
    page.get_by_role("link", name="Back").click()
    assert page.get_by_label("Delporte, Anna", exact=False).is_checked()
