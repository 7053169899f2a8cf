"""Simultaneous occupation's places: the share of working time and the states, in words a person can act
on. Django's own "Ensure this value is less than or equal to 100." and "Enter a number." did not say
what the number is; "Every place must be in one of the states you chose" stood above all places and
"Add at least one place of work in each state you chose" named no state."""

import pytest

from api.views.examples import SIMULTANEOUS
from postings.forms.steps import PlaceFormSet

from ..api.conftest import client_for
from ..api.test_requests import base, body
from .test_other_wizards import region
from .wizard_helpers import places_data

pytestmark = pytest.mark.django_db


def places(*given, states=("BE", "NL")):
    formset = PlaceFormSet(data=places_data(list(given)), prefix="places", kind="simultaneous", states=states)
    formset.is_valid()
    return formset


@pytest.mark.parametrize(
    "share, message",
    [
        ("abc", "Enter the share of working time as a number, like 60 or 12.5."),
        ("150", "Enter a share of at most 100 %: it is the part of all working time spent here."),
        ("1000", "Enter a share of at most 100 %: it is the part of all working time spent here."),
        ("0", "Enter a share above 0 %. Remove a place where the employee does not work."),
        ("12.345", "Enter the share with at most two decimals, like 12.25."),
    ],
)
def test_a_wrong_share_says_what_the_number_is(share, message):
    formset = places(region("BE", share), region("NL", "40"))
    assert formset.forms[0].errors["time_pct"] == [message]


def test_a_place_outside_the_chosen_states_is_named_at_its_state():
    formset = places(region("BE", "60"), region("FR", "40"))
    assert formset.forms[1].errors["country"] == [
        "France is not one of the states of work you chose (Belgium, Netherlands). Choose one of those, or "
        "go back and add France to the states."
    ]
    assert formset.non_form_errors() == []


def test_a_state_without_a_place_is_named():
    formset = places(region("BE", "100"))
    assert formset.non_form_errors() == [
        "Add a place of work in the Netherlands: each state of work you chose needs at least one."
    ]


def test_the_api_points_at_the_place(employer_admin, employer, employee):
    data = body(SIMULTANEOUS, employee)
    data["places"][1] = {**data["places"][1], "country": "FR"}
    response = client_for(employer_admin).post(base(employer), data, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["places[1].country"]


def test_the_places_page_says_what_marginal_and_substantial_mean(logged_in, employee, engine):
    from .test_other_wizards import simultaneous_to_places
    from .wizard_helpers import start, step_url

    draft = start(logged_in, "simultaneous")
    simultaneous_to_places(logged_in, draft, employee)
    page = logged_in.get(step_url(draft, "places")).content.decode()
    assert "less than 5 % in a state usually counts as marginal" in page
    assert "25 % or more in the state where the employee lives is usually a substantial part" in page
