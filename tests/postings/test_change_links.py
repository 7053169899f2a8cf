"""Check your answers: every Change link opens its step, and after Continue the person is back on
check your answers (or first on a later step the change left incomplete)."""

import re

from .test_other_wizards import S, region, simultaneous_to_places
from .test_posting_wizard import P, walk_to_check
from .wizard_helpers import CONDITIONS, CONTACT, places_data, post_step, start, step_url


def change_links(page: str) -> list[str]:
    return re.findall(r'href="([^"]+)">Change<', page)


def test_every_change_link_opens_its_step_and_comes_back_to_check(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    page = walk_to_check(logged_in, draft, employee).content.decode()
    steps = ["employee", "address", "relationship", "places", "conditions", "contact"]
    assert change_links(page) == [f"{step_url(draft, s)}?return=check" for s in steps]

    opened = logged_in.get(f"{step_url(draft, 'conditions')}?return=check").content.decode()
    assert 'value="2025-12-31"' in opened  # the earlier answer is there to change
    assert f'class="back-link" href="{step_url(draft, "check")}"' in opened
    assert 'name="return_to_check"' in opened

    response = post_step(
        logged_in, draft, "conditions", {**CONDITIONS, "end": "2026-01-31"}, P, return_to_check="1"
    )
    assert response["Location"] == step_url(draft, "check")  # not on to the contact step
    check = logged_in.get(step_url(draft, "check")).content.decode()
    assert "31 January 2026" in check


def test_an_error_on_a_changed_step_keeps_the_way_back_to_check(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    page = post_step(logged_in, draft, "contact", {**CONTACT, "phone": ""}, P, return_to_check="1")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Enter a telephone number." in body and 'name="return_to_check"' in body
    response = post_step(logged_in, draft, "contact", CONTACT, P, return_to_check="1")
    assert response["Location"] == step_url(draft, "check")


def test_a_change_that_leaves_a_later_step_incomplete_opens_that_step_first(logged_in, employee, engine):
    draft = start(logged_in, "simultaneous")
    simultaneous_to_places(logged_in, draft, employee)  # Belgium and the Netherlands
    post_step(logged_in, draft, "places", places_data([region("BE", "60"), region("NL", "40")]), S)
    post_step(logged_in, draft, "period", {"start": "2025-03-01", "end": "2026-02-28", "language": "en"}, S)
    post_step(logged_in, draft, "contact", CONTACT, S)
    assert logged_in.get(step_url(draft, "check")).status_code == 200

    # Germany is added: the places no longer cover every state, so the places step comes first.
    response = post_step(
        logged_in,
        draft,
        "states",
        {"state_1": "BE", "state_2": "DE", "also_issuing_state": "on"},
        S,
        return_to_check="1",
    )
    assert response["Location"] == f"{step_url(draft, 'places')}?return=check"
    places = [region("BE", "50"), region("NL", "30"), region("DE", "20")]
    response = post_step(logged_in, draft, "places", places_data(places), S, return_to_check="1")
    assert response["Location"] == step_url(draft, "check")
    assert "Belgium, Germany, Netherlands" in logged_in.get(step_url(draft, "check")).content.decode()


def test_without_change_continue_goes_to_the_next_step(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    response = post_step(logged_in, draft, "conditions", CONDITIONS, P)
    assert response["Location"] == step_url(draft, "contact")


def test_choosing_another_employee_asks_their_address_and_entry_date_again(
    logged_in, employer, employee, engine
):
    from tests import factories

    other = factories.make_employee(
        employer,
        family_name="Bakker",
        temp_street="Avenue Louise 120",
        temp_town="Brussels",
        temp_postal_code="1050",
        temp_country="BE",
        date_of_entry="2019-09-01",
    )
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    response = post_step(
        logged_in, draft, "employee", {"query": "bak", "employee": other.pk}, P, return_to_check="1"
    )
    assert response["Location"] == f"{step_url(draft, 'address')}?return=check"
    page = logged_in.get(response["Location"]).content.decode()
    assert 'value="Avenue Louise"' in page  # the new employee's temporary address
    fields = {
        "temp_differs": "on",
        "temp_street": "Avenue Louise",
        "temp_number": "120",
        "temp_postal_code": "1050",
        "temp_town": "Brussels",
        "temp_country": "BE",
    }
    response = post_step(logged_in, draft, "address", fields, P, return_to_check="1")
    assert response["Location"] == f"{step_url(draft, 'relationship')}?return=check"
    assert 'value="2019-09-01"' in logged_in.get(response["Location"]).content.decode()
    relationship = {"date_of_entry": "2019-09-01", "private_sector": "yes", "classification": "employed"}
    response = post_step(logged_in, draft, "relationship", relationship, P, return_to_check="1")
    assert response["Location"] == step_url(draft, "check")  # places, conditions, contact are kept
    check = logged_in.get(step_url(draft, "check")).content.decode()
    assert "Bakker" in check and "Avenue Louise" in check and "Brugbouw NV" in check


def test_choosing_the_same_employee_again_keeps_the_answers(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    response = post_step(
        logged_in, draft, "employee", {"query": "por", "employee": employee.pk}, P, return_to_check="1"
    )
    assert response["Location"] == step_url(draft, "check")
