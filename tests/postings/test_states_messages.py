"""The states of work step: each problem at the select it is about, saying what to do there. "Choose
each state only once." and "Choose at least two states" stood above the form, tied to no select; an
empty page said the second next to "Choose a state." at the first select."""

import pytest

from api.views.examples import SIMULTANEOUS
from postings.forms.steps import ShipForm, StatesForm

from ..api.conftest import client_for
from ..api.test_requests import base, body

pytestmark = pytest.mark.django_db


def errors(**data):
    form = StatesForm(data=data)
    form.is_valid()
    return form.errors


def test_an_empty_page_names_the_first_state_once():
    assert errors() == {"state_1": ["Choose the first state of work."]}


def test_one_state_asks_for_a_second_at_the_second_select():
    second = "Choose a second state of work, or tick the box if the employee also works in the Netherlands."
    assert errors(state_1="BE") == {"state_2": [second]}
    assert errors(state_1="BE", also_issuing_state="on") == {}


def test_the_same_state_twice_is_named_at_the_second_choice():
    assert errors(state_1="BE", state_2="DE", state_3="BE") == {
        "state_3": ["You chose Belgium twice: choose another state here, or leave this one empty."]
    }


def test_the_ship_flag_is_named():
    form = ShipForm(data={})
    form.is_valid()
    assert form.errors["flag_state"] == ["Choose the flag of the ship."]


def test_the_api_points_at_the_repeated_state(employer_admin, employer, employee):
    data = body(SIMULTANEOUS, employee)
    data["states"] = ["BE", "BE"]
    response = client_for(employer_admin).post(base(employer), data, format="json")
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} >= {"states[1]"}
