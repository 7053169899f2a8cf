"""Review s9c: the API's answers reach the engine as the same facts as the wizard's
(api/request_answers.py runs the wizard's forms; postings/situation.py builds the situation)."""

import copy

import pytest

from api.views.examples import POSTING, SEAFARER

from .conftest import client_for

pytestmark = pytest.mark.django_db


def _url(employer):
    return f"/api/v1/employers/{employer.pk}/requests/"


def _validate(api, employer, data):
    response = api.post(_url(employer), data, format="json")
    assert response.status_code == 201, response.json()
    return api.post(f"{_url(employer)}{response.json()['id']}/validate/").json()


def test_a_civil_servant_on_board_is_determined_as_a_civil_servant(employer_admin, employer, employee):
    """`relationship.classification: civil_servant` on a seafarer request was dropped: a 34-month voyage
    on a Maltese ship gave Malta (Art. 11(4)); the administration's state applies (legislation.md 2.2
    step 2 before step 3: Art. 11(3)(b))."""
    data = copy.deepcopy(SEAFARER)
    data["employee"] = employee.pk
    data["relationship"]["classification"] = "civil_servant"
    data["ship"]["flag_state"] = "MT"
    data["conditions"] = {**data["conditions"], "start": "2025-03-01", "end": "2027-12-31"}
    checked = _validate(client_for(employer_admin), employer, data)
    assert checked["determination"]["legislation"] == "NL"
    assert checked["determination"]["provision"]["article"] == "11(3)(b)"


def test_a_posting_to_reunion_gets_a_pd_a1(employer_admin, employer, employee):
    """`places[0].country: RE` (Réunion, part of France; TFEU Art. 349, 355(1); legislation.md 1.1)
    reached the engine as a third country: no coordination, no PD A1."""
    data = copy.deepcopy(POSTING)
    data["employee"] = employee.pk
    data["places"][0]["country"] = "RE"
    determination = _validate(client_for(employer_admin), employer, data)["determination"]
    assert determination["provision"] == {"instrument": "883/2004", "article": "12(1)"}
    assert determination["certificate"] == "PD A1"


def test_a_posting_to_the_uk_and_jersey_is_refused_with_the_field_path(employer_admin, employer, employee):
    """Two places, "GB" and "GB" with territory Jersey, are two states of work (legislation.md 1.5);
    the API, like the wizard, accepted them as one posting and the engine heard only of the UK."""
    data = copy.deepcopy(POSTING)
    data["employee"] = employee.pk
    data["places"] = [
        {"country": "GB", "location_type": "region", "name": "London"},
        {"country": "GB", "territory": "jersey", "location_type": "region", "name": "St Helier"},
    ]
    response = client_for(employer_admin).post(_url(employer), data, format="json")
    assert response.status_code == 400
    assert any(e["field"] == "places" for e in response.json()["errors"]), response.json()
