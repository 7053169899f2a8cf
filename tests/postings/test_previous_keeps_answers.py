""" "Previous" keeps what was typed on the page it leaves: formtools dropped it, and a person who went
back to look at an earlier answer found the page empty again when they came forward."""

import pytest

from .test_other_wizards import S, region, simultaneous_to_places
from .wizard_helpers import places_data, post_step, start, step_url

pytestmark = pytest.mark.django_db


def to_period(client, draft, employee):
    simultaneous_to_places(client, draft, employee)
    response = post_step(client, draft, "places", places_data([region("BE", "60"), region("NL", "40")]), S)
    assert response["Location"] == step_url(draft, "period")


def test_what_was_typed_is_there_again_after_previous(logged_in, employee, engine):
    draft = start(logged_in, "simultaneous")
    to_period(logged_in, draft, employee)
    typed = {"start": "2026-03-01", "remarks": "Two days a week in Antwerp"}
    response = post_step(logged_in, draft, "period", typed, S, wizard_goto_step="places")
    assert response["Location"] == step_url(draft, "places")
    page = logged_in.get(step_url(draft, "period")).content.decode()
    assert 'value="2026-03-01"' in page and "Two days a week in Antwerp" in page


def test_complete_answers_kept_by_previous_count_as_answered(logged_in, employee, engine):
    draft = start(logged_in, "simultaneous")
    to_period(logged_in, draft, employee)
    period = {"start": "2026-03-01", "end": "2027-02-28", "language": "en"}
    post_step(logged_in, draft, "period", period, S, wizard_goto_step="places")
    draft.refresh_from_db()
    assert draft.answers["period"]["start"] == "2026-03-01"


def test_an_untouched_page_is_not_marked_wrong_when_the_person_comes_back(logged_in, employee, engine):
    draft = start(logged_in, "simultaneous")
    to_period(logged_in, draft, employee)
    post_step(logged_in, draft, "period", {}, S, wizard_goto_step="places")
    page = logged_in.get(step_url(draft, "period")).content.decode()
    assert 'class="error-summary"' not in page
