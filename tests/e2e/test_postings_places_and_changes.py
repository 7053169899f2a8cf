"""Browser tests in Chromium: the first place gets its 'Remove this place' box as soon as a second
place is added without a reload; a Change link on check-your-answers comes back there; the temporary
address comes from the personnel directory."""

import pytest

from postings.models import CoverageRequest
from tests import factories

from .signing_in import log_in
from .test_postings_journeys import EMAIL, answer, employer, go_on, heading, start_with_employee  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def to_places(page, live_server):
    log_in(page, live_server, EMAIL)
    start_with_employee(page, live_server, "posting", "por", "Delporte, Anna")
    answer(page, "Are you an employer in the private sector?", "Yes")
    go_on(page)
    assert heading(page) == "Where will the employee work?"


def test_the_first_place_can_be_removed_once_a_place_is_added_without_reload(live_server, page, employer):  # noqa: F811 - the journeys fixture
    to_places(page, live_server)
    first = page.get_by_role("group", name="Place of work 1")
    assert not first.get_by_label("Remove this place").is_visible()  # the only place stays
    page.locator("#id_places-0-country").select_option("BE")
    page.locator("#id_places-0-location_type").select_option("region")
    page.locator("#id_places-0-name").fill("Wallonia")
    page.evaluate("window.sameDocument = true")
    page.get_by_role("button", name="Add another place").click()
    assert page.evaluate("window.sameDocument === true")
    assert first.get_by_label("Remove this place").is_visible()
    assert page.get_by_role("group", name="Place of work 2").get_by_label("Remove this place").is_visible()
    page.locator("#id_places-1-country").select_option("BE")
    page.locator("#id_places-1-location_type").select_option("home_base")
    page.locator("#id_places-1-name").fill("Charleroi airport")
    first.get_by_label("Remove this place").check()
    go_on(page)
    assert heading(page) == "When will the employee work abroad, and on which terms?"
    draft = CoverageRequest.objects.get()
    places = draft.answers["places"]["places"]
    assert [(p["location_type"], p["name"]) for p in places] == [("home_base", "Charleroi airport")]


def test_a_change_from_check_your_answers_comes_back_there(live_server, page, employer):  # noqa: F811 - the journeys fixture
    to_places(page, live_server)
    page.locator("#id_places-0-country").select_option("BE")
    page.locator("#id_places-0-location_type").select_option("region")
    page.locator("#id_places-0-name").fill("Wallonia")
    go_on(page)
    page.get_by_label("Start date").fill("2025-03-01")
    page.get_by_label("End date").fill("2025-08-31")
    for question in [
        "Has the employee signed",
        "Can the host company change",
        "Can the host company dismiss",
        "Can the host company take disciplinary",
        "Will the host company place the employee",
        "Will the employee replace",
    ]:
        answer(page, question, "No")
    answer(page, "Was the employee insured", "Yes")
    answer(page, "Does the employer normally carry out substantial activities", "Yes")
    answer(page, "In which language should the certificate be?", "English")
    go_on(page)
    page.get_by_label("Telephone").fill("+31 20 123 4567")
    go_on(page)
    assert heading(page) == "Check your answers before sending the request"
    page.get_by_role("link", name="Change Places of work").click()
    assert heading(page) == "Where will the employee work?"
    assert page.locator("#id_places-0-name").input_value() == "Wallonia"
    page.locator("#id_places-0-name").fill("Flanders")
    go_on(page)
    assert heading(page) == "Check your answers before sending the request"
    assert "Flanders" in page.locator("main").inner_text()
    # The Back link of a changed step also leads back to check your answers.
    page.get_by_role("link", name="Change Contact person").click()
    page.get_by_role("link", name="Back").click()
    assert heading(page) == "Check your answers before sending the request"


def test_the_temporary_address_comes_from_the_personnel_directory(live_server, page, employer):  # noqa: F811 - the journeys fixture
    factories.make_employee(
        employer,
        family_name="Bakker",
        given_names="Sanne",
        temp_street="Avenue Louise 120",
        temp_postal_code="1050",
        temp_town="Brussels",
        temp_country="BE",
    )
    log_in(page, live_server, EMAIL)
    page.goto(f"{live_server.url}/requests/new/posting/")
    page.get_by_role("button", name="Start a new request").click()
    page.get_by_label("Personal number or family name").fill("bak")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("Bakker, Sanne", exact=False).check()
    go_on(page)
    assert heading(page) == "Does the employee have a temporary address?"
    assert page.get_by_label(
        "The temporary residence address is different from the usual residence"
    ).is_checked()
    assert page.get_by_label("Street").input_value() == "Avenue Louise"
    assert page.get_by_label("Number", exact=True).input_value() == "120"
    assert page.get_by_label("Town").input_value() == "Brussels"
    go_on(page)
    assert heading(page) == "How is the employee employed by your company?"
