"""Browser tests in Chromium: an employer removes a worker from the personnel directory. The page
asks first and says what will happen; afterwards the directory and My drafts no longer have the
worker, and the sent request's page still shows the worker as sent."""

import datetime as dt

import pytest

from postings.models import CoverageRequest
from postings.status import Status
from tests import factories
from tests.casework.builders import make_request

from .signing_in import log_in
from .test_keyboard_walk import tab_to

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EMAIL = "admin@removal.test"


@pytest.fixture
def worker(db):
    """Anna Delporte, with one request sent (and checked) and one draft; Jan Peeters stays."""
    employer = factories.make_employer(name="Van Dijk Bouw B.V.")
    user = factories.make_user(email=EMAIL, first_name="Eva", last_name="Vries")
    factories.add_member(user, employer)
    anna = factories.make_employee(employer, family_name="Delporte", given_names="Anna")
    factories.make_employee(employer, family_name="Peeters", given_names="Jan", country="BE")
    sent = make_request(employer, anna, user, start=dt.date(2027, 3, 1), end=dt.date(2027, 12, 31))
    sent.refresh_from_db()
    # The validation task ran (eagerly): a request still waiting for it would hold the removal back.
    assert sent.status != Status.SUBMITTED
    draft = CoverageRequest.objects.create(
        type="posting", employer=employer, employee=anna, created_by=user, worker_name="Anna Delporte"
    )
    return {"employee": anna, "sent": sent, "draft": draft}


def heading(page):
    return page.locator("h1").inner_text()


def open_removal(page, live_server):
    log_in(page, live_server, EMAIL)
    page.goto(f"{live_server.url}/accounts/personnel/")
    page.get_by_role("link", name="Delporte, Anna").click()
    page.get_by_role("link", name="Remove from the directory").click()
    assert heading(page) == "Remove Anna Delporte from the personnel directory?"


def test_removing_a_worker_with_a_draft_and_a_sent_request(live_server, page, worker):
    sent, draft = worker["sent"], worker["draft"]
    open_removal(page, live_server)
    details = page.locator("main").inner_text()
    # What will happen, before it happens.
    assert "1 sent request stays as it was sent, with the worker's details" in details
    assert f"1 draft for this worker is deleted, with what was uploaded for it: number {draft.pk}." in details
    assert "This cannot be undone." in details

    page.get_by_role("button", name="Yes, remove from the directory").click()
    assert heading(page) == "Personnel directory"
    assert page.get_by_text("Anna Delporte was removed from the personnel directory.").is_visible()
    assert page.get_by_role("link", name="Peeters, Jan").is_visible()
    assert page.get_by_role("link", name="Delporte, Anna").count() == 0

    page.goto(f"{live_server.url}/requests/drafts/")
    assert heading(page) == "My drafts"
    assert page.get_by_text("You have no drafts.").is_visible()
    assert "Anna Delporte" not in page.locator("main").inner_text()

    page.goto(f"{live_server.url}/requests/")
    page.get_by_role("link", name=sent.transaction_number, exact=True).click()
    assert heading(page) == f"Request {sent.transaction_number}"
    request_page = page.locator("main").inner_text()
    assert "Delporte" in request_page and "Anna" in request_page
    assert not CoverageRequest.objects.filter(pk=draft.pk).exists()


def test_the_confirm_page_works_with_the_keyboard(live_server, page, worker):
    open_removal(page, live_server)
    # "No, go back" is reachable and leads back to the worker, nothing removed.
    page.get_by_role("link", name="No, go back").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert heading(page) == "Anna Delporte"
    page.get_by_role("link", name="Remove from the directory").click()
    # Tab reaches the button from the top of the page; Enter removes.
    page.locator("body").focus()
    button = page.get_by_role("button", name="Yes, remove from the directory")
    button.evaluate("element => element.id = 'remove-button'")
    tab_to(page, "remove-button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert heading(page) == "Personnel directory"
    assert page.get_by_role("link", name="Delporte, Anna").count() == 0
