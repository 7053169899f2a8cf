"""Browser tests in Chromium: walking the wizards with the keyboard only."""

import pytest

from .test_postings_journeys import employer, go_on, heading  # noqa: F401
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
