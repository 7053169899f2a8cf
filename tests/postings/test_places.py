"""Places of work: the "Add another place" button works without JavaScript (a submit), and the page
carries the empty place in a <template> for postings-places.js to copy."""

from postings.models import CoverageRequest

from .test_posting_wizard import COMPANY, P, send, walk_to_check
from .wizard_helpers import places_data, post_step, start, step_url


def test_the_places_page_has_a_submit_button_and_an_empty_place_template(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    page = logged_in.get(step_url(draft, "places")).content.decode()
    assert '<button type="submit" name="add_place" value="1"' in page
    template = page[page.index('<template id="place-template">') : page.index("</template>")]
    assert 'name="places-__prefix__-country"' in template and 'id="id_places-__prefix__-country"' in template
    assert "Place of work __num__" in template and "Remove this place" in template
    assert 'name="places-TOTAL_FORMS" value="1"' in page
    assert "js/postings-places.js" in page


def test_two_places_as_the_script_adds_them_are_saved(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    site = {"country": "BE", "location_type": "construction_site", "name": "Pont", "street": "Quai 1"}
    response = post_step(logged_in, draft, "places", places_data([COMPANY, site]), P)
    assert response["Location"] == step_url(draft, "conditions")
    send(logged_in, draft)
    sent = CoverageRequest.objects.get(pk=draft.pk)
    assert [p.name for p in sent.places.order_by("seq")] == ["Brugbouw NV", "Pont"]


def test_an_added_place_left_empty_is_ignored(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    response = post_step(logged_in, draft, "places", places_data([COMPANY, {}]), P)
    assert response["Location"] == step_url(draft, "conditions")
    assert len(CoverageRequest.objects.get(pk=draft.pk).answers["places"]["places"]) == 1


def test_the_state_of_a_place_says_what_it_means_for_a_ship(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    page = logged_in.get(step_url(draft, "places")).content.decode()
    assert "For an ocean vessel: the state whose flag it flies." in page


def test_a_removed_place_stays_removed_when_going_back_without_javascript(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    second = {**COMPANY, "name": "Second NV", "DELETE": "on"}
    response = post_step(logged_in, draft, "places", places_data([COMPANY, second, {}]), P)
    assert response["Location"] == step_url(draft, "conditions")
    page = logged_in.get(step_url(draft, "places")).content.decode()  # "Previous", or the Change link
    assert "Brugbouw NV" in page and "Second NV" not in page
    assert 'name="places-TOTAL_FORMS" value="1"' in page
    assert CoverageRequest.objects.get(pk=draft.pk).answers["places"]["places"][0]["name"] == "Brugbouw NV"
