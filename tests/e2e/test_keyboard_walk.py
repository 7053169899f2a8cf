"""Browser tests in Chromium: walking the wizards with the keyboard only."""

import pytest

from .signing_in import log_in
from .test_postings_journeys import EMAIL, employer, go_on, heading  # noqa: F401
from .test_postings_places_and_changes import to_places

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_enter_in_a_place_field_goes_on_instead_of_adding_a_place(live_server, page, employer):  # noqa: F811 - the journeys fixture
    """Enter submits with the form's first button, which was "Add another place": a person who typed
    the place's name and pressed Enter got a second, empty place."""
    to_places(page, live_server)
    page.locator("#id_places-0-country").select_option("BE")
    page.locator("#id_places-0-location_type").select_option("region")
    page.locator("#id_places-0-name").fill("Wallonia")
    page.locator("#id_places-0-name").press("Enter")
    assert heading(page) == "When will the employee work abroad, and on which terms?"


def tab_to(page, element_id, most=40):
    """Press Tab until the element with this id has the focus, as a person without a mouse does."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def test_enter_in_the_search_box_searches_and_enter_on_a_chosen_employee_goes_on(live_server, page, employer):  # noqa: F811 - the journeys fixture
    """The search box and its button came first in the one form, so Enter on a chosen employee
    submitted with Search: the page came back with the choice not taken."""
    log_in(page, live_server, EMAIL)
    page.goto(f"{live_server.url}/requests/new/posting/")
    page.get_by_role("button", name="Start a new request").click()
    assert heading(page) == "Which employee is this request for?"
    tab_to(page, "id_employee-query")
    page.keyboard.type("por")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert heading(page) == "Which employee is this request for?"
    assert page.get_by_label("Delporte, Anna", exact=False).is_visible()  # the search was made
    assert not page.get_by_label("Peeters, Jan", exact=False).is_visible()
    tab_to(page, "id_employee-employee_0")
    page.keyboard.press("Space")
    assert page.get_by_label("Delporte, Anna", exact=False).is_checked()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert heading(page) == "Does the employee have a temporary address?"
