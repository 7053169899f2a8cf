"""Browser tests in Chromium at a phone's width (375 px): the request lists stay inside the screen."""

import datetime as dt
import itertools

import pytest

from postings.status import Status
from tests import factories
from tests.postings.conftest import make_request

from .signing_in import log_in
from .test_postings_journeys import start_with_employee

EMAIL = "filer@vandijk.test"
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}


@pytest.fixture
def person(db):
    employer = factories.make_employer(name="Van Dijk Bouw B.V.")
    user = factories.make_user(email="filer@vandijk.test", first_name="Eva", last_name="Vries")
    factories.add_member(user, employer)
    employee = factories.make_employee(employer, family_name="Delporte", given_names="Anna")
    make_request(
        employer,
        employee,
        status=Status.CLOSED,
        decision="approved",
        admitted_start=dt.date(2026, 10, 24),
        admitted_end=dt.date(2027, 10, 23),
        requested_start=dt.date(2026, 10, 24),
        requested_end=dt.date(2027, 10, 23),
    )
    return user


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_requests_table_scrolls_in_its_box_and_keeps_dates_and_actions_whole(live_server, page, person):
    page.set_viewport_size(PHONE)
    log_in(page, live_server, EMAIL)
    page.goto(live_server.url + "/requests/")
    # The page itself does not scroll sideways (it did: the nine columns made it 800 px wide); the
    # table scrolls inside a region a keyboard can reach.
    assert page_width(page) <= PHONE["width"]
    region = page.get_by_role("region", name="Requests, newest first unless sorted")
    assert region.get_attribute("tabindex") == "0"
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    # No date is broken across two lines ("23-10-" / "2027").
    dates = page.locator("table.requests-table .date")
    assert dates.count() == 4
    for i in range(dates.count()):
        assert dates.nth(i).evaluate("span => span.getClientRects().length") == 1
    # The row's actions stand one under another, not run together as "Cancel Based on this Extend".
    links = page.locator("table.requests-table tbody tr td.row-actions > a")
    assert links.count() == 3
    tops = [links.nth(i).bounding_box()["y"] for i in range(3)]
    assert tops[0] < tops[1] < tops[2]


def test_the_drafts_table_stays_inside_the_screen(live_server, page, person):
    page.set_viewport_size(PHONE)
    log_in(page, live_server, EMAIL)
    start_with_employee(page, live_server, "posting", "por", "Delporte, Anna")  # a draft to list
    page.goto(live_server.url + "/requests/drafts/")
    assert page.get_by_role("region", name="My drafts").is_visible()
    assert page_width(page) <= PHONE["width"]


def test_the_buttons_above_the_list_do_not_touch(live_server, page, person):
    """At 375 px the three request buttons wrap; they stood edge to edge, one on the next."""
    page.set_viewport_size(PHONE)
    log_in(page, live_server, EMAIL)
    page.goto(live_server.url + "/requests/")
    buttons = page.locator("main a.button")
    boxes = [buttons.nth(i).bounding_box() for i in range(buttons.count())]
    assert len(boxes) == 3
    for one, other in itertools.pairwise(boxes):
        apart_across = other["x"] - (one["x"] + one["width"]) >= 8
        apart_down = other["y"] - (one["y"] + one["height"]) >= 8
        assert apart_across or apart_down, (one, other)
