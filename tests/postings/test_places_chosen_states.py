"""Simultaneous occupation's places step offers only the states of work chosen on the step before, and
starts with a place for each: each place's state select offered all ~250 states, and a place outside
the chosen ones was refused only after sending ("France is not one of the states of work you chose").
The posting wizard keeps the whole list; the API, which sends places without a select, still gets the
check's error at places[n].country (test_share_messages.py)."""

import re

import pytest
from django.conf import settings

from api.views.examples import SIMULTANEOUS

from ..api.test_requests import body, create_errors
from .test_other_wizards import S, region, simultaneous_to_places
from .wizard_helpers import places_data, post_step, start, step_url

pytestmark = pytest.mark.django_db


def offered(page, index):
    """The (value, name) options of place `index`'s state select."""
    select = re.search(rf'<select name="places-{index}-country".*?</select>', page, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def to_places(client, employee, states):
    draft = start(client, "simultaneous")
    simultaneous_to_places(client, draft, employee)  # Belgium and the issuing state, the Netherlands
    if states:
        fields = {f"state_{i}": code for i, code in enumerate(states, 1)}
        post_step(client, draft, "states", fields, S)
    return draft


def test_each_place_offers_only_the_chosen_states(logged_in, employee, engine):
    draft = to_places(logged_in, employee, None)
    page = logged_in.get(step_url(draft, "places")).content.decode()
    for index in (0, 1):
        assert offered(page, index) == [("", "Choose a state"), ("BE", "Belgium"), ("NL", "Netherlands")]
    template = page[page.index('<template id="place-template">') : page.index("</template>")]
    assert offered(template, "__prefix__") == offered(page, 0)  # a place added by the script too


def test_the_chosen_states_are_named_in_the_readers_language(logged_in, employee, engine):
    draft = to_places(logged_in, employee, None)
    logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = logged_in.get(step_url(draft, "places")).content.decode()
    assert offered(page, 0) == [("", "Choisissez un État"), ("BE", "Belgique"), ("NL", "Pays-Bas")]


def test_the_posting_wizard_still_offers_every_state(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    page = logged_in.get(step_url(draft, "places")).content.decode()
    assert len(offered(page, 0)) > 200


def test_the_page_starts_with_a_place_per_chosen_state(logged_in, employee, engine):
    draft = to_places(logged_in, employee, ["BE", "DE", "FR"])
    page = logged_in.get(step_url(draft, "places")).content.decode()
    assert 'name="places-TOTAL_FORMS" value="3"' in page
    assert "Place of work 3" in page and "Place of work 4" not in page


def test_a_place_left_empty_is_ignored_and_a_state_without_a_place_named(logged_in, employee, engine):
    draft = to_places(logged_in, employee, None)
    page = post_step(logged_in, draft, "places", places_data([region("BE", "100"), {}]), S)
    assert "Add a place of work in the Netherlands: each state of work you chose needs at least one." in (
        page.content.decode()
    )


def test_going_back_and_forth_keeps_the_places_entered(logged_in, employee, engine):
    draft = to_places(logged_in, employee, None)
    typed = places_data([region("BE", "60"), {}])
    post_step(logged_in, draft, "places", typed, S, wizard_goto_step="states")  # Previous, half done
    page = logged_in.get(step_url(draft, "places")).content.decode()
    assert 'name="places-TOTAL_FORMS" value="2"' in page
    assert 'name="places-0-time_pct" value="60"' in page
    both = places_data([region("BE", "60"), region("NL", "40")])
    assert post_step(logged_in, draft, "places", both, S)["Location"] == step_url(draft, "period")
    page = logged_in.get(step_url(draft, "places")).content.decode()  # the Back link
    assert 'name="places-1-time_pct" value="40"' in page
    assert re.search(r'<option value="NL" selected>Netherlands</option>', page)


def test_a_state_outside_the_chosen_ones_is_still_refused(logged_in, employee, engine):
    draft = to_places(logged_in, employee, None)
    page = post_step(logged_in, draft, "places", places_data([region("BE", "60"), region("FR", "40")]), S)
    assert (
        "France is not one of the states of work you chose (Belgium, Netherlands)." in page.content.decode()
    )


def test_the_api_still_gets_the_error_at_the_place(employer_admin, employer, employee):
    data = body(SIMULTANEOUS, employee)
    data["places"][0] = {**data["places"][0], "country": "DE"}
    assert create_errors(employer_admin, employer, data) == [
        {
            "field": "places[0].country",
            "message": "Germany is not one of the states of work you chose (Belgium, Netherlands). Choose "
            "one of those, or go back and add Germany to the states.",
        }
    ]
