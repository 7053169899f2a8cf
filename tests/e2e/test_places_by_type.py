"""Browser tests in Chromium: a place of work shows only the fields its type asks for. Before a type is
chosen the page showed all fourteen at once, a boat's registration number, an IMO number and the
territorial-waters question among them; now it shows the type question and what every type asks (the
name) until a type is picked. Without JavaScript every field stays visible; a field with an error
always shows."""

import pytest

from .test_postings_journeys import employer, go_on, heading  # noqa: F401
from .test_postings_places_and_changes import to_places

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHIP_ONLY = ["registration_number", "harbour_or_river", "imo_number", "territorial_waters_or_port"]
ADDRESS = ["identification_number", "street", "house_number", "po_box", "postal_code", "town", "description"]


def shown(page, index=0):
    """The fields of place `index` a person sees, by name, in page order."""
    # The page's script hides fields when the document is loaded; on a busy machine the heading a
    # test waited for can be there before it ran.
    page.wait_for_load_state()
    return page.evaluate(
        """index => Array.from(document.querySelectorAll("[data-place]")[index]
                .querySelectorAll(".place-field"))
            .filter(wrapper => wrapper.offsetParent !== null)
            .map(wrapper => wrapper.getAttribute("data-field"))""",
        index,
    )


def test_only_the_type_question_and_the_name_show_until_a_type_is_chosen(live_server, page, employer):  # noqa: F811 - the journeys fixture
    to_places(page, live_server)
    assert shown(page) == ["country", "territory", "location_type", "name"]
    assert not page.get_by_label("Registration number of the boat").is_visible()
    assert not page.get_by_label("IMO number").is_visible()
    assert not page.get_by_role(
        "group", name="Is the work done in territorial waters or in a port?"
    ).is_visible()

    page.locator("#id_places-0-location_type").select_option("ocean_vessel")
    assert shown(page) == [
        "country",
        "territory",
        "location_type",
        "name",
        "imo_number",
        "territorial_waters_or_port",
    ]
    assert page.get_by_label("IMO number").is_visible()

    page.locator("#id_places-0-location_type").select_option("company")
    assert shown(page) == ["country", "territory", "location_type", "name", *ADDRESS[:-1]]

    page.locator("#id_places-0-location_type").select_option("")
    assert shown(page) == ["country", "territory", "location_type", "name"]

    # A place added without a reload starts the same way.
    page.get_by_role("button", name="Add another place").click()
    assert shown(page, 1) == ["country", "territory", "location_type", "name"]


def test_a_field_with_an_error_shows_whatever_the_type(live_server, page, employer):  # noqa: F811 - the journeys fixture
    to_places(page, live_server)
    page.locator("#id_places-0-country").select_option("BE")
    page.locator("#id_places-0-location_type").select_option("ocean_vessel")
    page.locator("#id_places-0-name").fill("Nordstern")
    page.locator("#id_places-0-imo_number").fill("12")
    page.locator("#id_places-0-location_type").select_option("")
    go_on(page)
    assert heading(page) == "Where will the employee work?"
    # No type (its error shows) and an IMO number of the wrong form: its error shows too.
    assert "location_type" in shown(page) and "imo_number" in shown(page)
    assert page.get_by_text("An IMO number has 7 digits, for example IMO 9074729.").first.is_visible()
    assert not page.get_by_label("Registration number of the boat").is_visible()


def test_without_javascript_every_field_shows(live_server, browser, employer):  # noqa: F811 - the journeys fixture
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        to_places(page, live_server)
        assert shown_without_script(page) == len(
            ["country", "territory", "location_type", "name", *ADDRESS, *SHIP_ONLY]
        )
        for label in ("Registration number of the boat", "IMO number", "Street"):
            assert page.get_by_label(label).is_visible()
    finally:
        context.close()


def shown_without_script(page):
    places = page.locator("[data-place]").first.locator(".place-field")
    return sum(1 for i in range(places.count()) if places.nth(i).is_visible())
