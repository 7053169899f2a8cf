"""Review s9c: every answer given in the wizards reaches the engine as the fact it states
(contracts/determination.md "Situation"; legislation.md 2.1). Each test fails without its fix."""

import datetime as dt

import pytest

import rules
from postings.forms.steps import PlaceFormSet
from postings.models import CoverageRequest
from postings.situation import situation_from_request
from postings.worker import worker_copy
from tests import factories

from .conftest import make_request, stored_posting, stored_seafarer
from .wizard_helpers import places_data

pytestmark = pytest.mark.django_db


def test_a_civil_servant_on_a_ship_stays_under_the_administrations_legislation(employer, employer_admin):
    """Seafarer wizard, "Worker classification: Civil servant or equivalent". The answer was dropped
    (every seafarer request became employment type "seafarer"), so a civil servant of a Dutch
    administration on board a Maltese ship for 34 months got Malta under Art. 11(4). legislation.md 2.2
    step 2 comes before step 3, and the 2.2 note says a civil servant sent abroad stays under 11(3)(b)."""
    employee = factories.make_employee(employer, family_name="Peeters", country="BE")
    request = stored_seafarer(employer, employee, employer_admin, "MT", "civil_servant", end="2027-12-31")
    situation = situation_from_request(request)
    assert situation["employment_type"] == "civil_servant"
    determination = rules.determine(situation)
    assert determination["legislation"] == "NL"
    assert determination["provision"] == {"instrument": "883/2004", "article": "11(3)(b)"}

    # An employed seafarer on the same voyage is still located on board (control).
    request.answers["relationship"]["classification"] = "employed"
    assert rules.determine(situation_from_request(request))["legislation"] == "MT"


def test_a_sent_request_keeps_the_residence_it_was_sent_with(employer, employer_admin):
    """A sent request states the worker as on the day it was sent (postings/worker.py). The situation
    read the personnel directory as it is now, so when the worker later moved in the directory, the
    engine run again on the request (an Art. 16 answer, a validation task that ran late) decided on a
    residence nobody had stated for this request (legislation.md 2.1: residence state)."""
    employee = factories.make_employee(employer, family_name="Jansen", country="NL")
    request = make_request(
        employer,
        employee,
        type="simultaneous",
        state_of_work="NL",
        worker_as_sent=worker_copy(employee),
        answers={
            "relationship": {"classification": "employed"},
            "states": {"states": ["DE", "NL"], "also_issuing_state": True},
            "places": {
                "places": [
                    {"country": "NL", "location_type": "region", "time_pct": 30.0},
                    {"country": "DE", "location_type": "region", "time_pct": 70.0},
                ]
            },
            "period": {"start": "2025-03-01", "end": "2025-12-31"},
        },
    )
    factories.edit_employee(employer_admin, employee, country="DE", town="Köln", postal_code="50667")

    situation = situation_from_request(request)
    assert situation["residence"] == "NL"
    determination = rules.determine(situation)
    assert determination["legislation"] == "NL"  # 30 % in the residence state: Art. 13(1)(a)
    assert determination["provision"]["article"] == "13(1)(a)"


def test_a_posting_to_reunion_is_a_posting_within_the_eu(employer, employee, employer_admin):
    """Places step, state "Réunion" (ISO RE, in the state list). Réunion is part of France, where the
    Treaties and Reg. 883/2004 apply (TFEU Art. 349, 355(1)); the engine knows regulation countries
    by the member state's code (legislation.md 1.1) and took RE for a third country: "national:NL",
    no PD A1. The same posting to mainland France gets Art. 12(1)."""
    request = stored_posting(employer, employee, employer_admin, "2025-03-01", "2025-12-31", "RE")
    situation = situation_from_request(request)
    assert situation["posting"]["host_state"] == "FR"
    determination = rules.determine(situation)
    assert determination["legislation"] == "NL"
    assert determination["provision"] == {"instrument": "883/2004", "article": "12(1)"}
    assert determination["certificate"] == "PD A1"


def test_a_worker_living_in_aland_lives_in_finland(employer, employer_admin):
    """Employee's state of residence "Åland Islands" (ISO AX): part of Finland (legislation.md 1.1).
    A worker living there who works 40 % in Finland and 60 % in the Netherlands works substantially
    in the residence state: Finland, Art. 13(1)(a). As "AX" the engine saw no residence state of
    work and gave the employer's seat, the Netherlands."""
    employee = factories.make_employee(employer, family_name="Lindqvist", country="AX")
    request = CoverageRequest(
        type="simultaneous",
        employer=employer,
        employee=employee,
        created_by=employer_admin,
        answers={
            "relationship": {"classification": "employed"},
            "places": {
                "places": [
                    {"country": "FI", "location_type": "region", "time_pct": 40.0},
                    {"country": "NL", "location_type": "region", "time_pct": 60.0},
                ]
            },
            "period": {"start": "2025-03-01", "end": "2025-12-31"},
        },
    )
    determination = rules.determine(situation_from_request(request))
    assert determination["legislation"] == "FI"
    assert determination["provision"]["article"] == "13(1)(a)"


def test_a_posting_with_places_in_the_uk_and_in_jersey_is_refused():
    """Posting wizard, places step: "A posting has one state of work". Two places, one in London and
    one "GB, territory Jersey", passed the check (both GB), and the engine heard of the first only:
    a posting to the UK under the TCA, the Jersey work under the NL-UK convention never assessed
    (legislation.md 1.5, 2.3). The wizard now says what it says for two states."""
    places = [
        {"country": "GB", "location_type": "region", "name": "London"},
        {"country": "GB", "territory": "jersey", "location_type": "region", "name": "St Helier"},
    ]
    formset = PlaceFormSet(data=places_data(places), prefix="places", kind="posting")
    assert not formset.is_valid()
    assert "A posting has one state of work" in " ".join(formset.non_form_errors())

    # Jersey entered either way is one state: GB with the territory, or JE itself.
    same = [places[1], {"country": "JE", "location_type": "region", "name": "Gorey"}]
    assert PlaceFormSet(data=places_data(same), prefix="places", kind="posting").is_valid()


def test_the_previous_posting_to_jersey_is_found_however_jersey_was_entered(
    employer, employee, employer_admin
):
    """legislation.md 2.3 P7, contract `previous_posting_same_employer_host_end`: the last posting of
    this worker by this employer "to the same state". An earlier posting entered as "GB, Jersey" and
    a new one entered as "JE" are both postings to Jersey (the engine's host state), but the look-up
    compared the letters (state_of_work JE, no territory) and found nothing."""
    make_request(
        employer,
        employee,
        state_of_work="GB",
        territory="jersey",
        requested_start=dt.date(2025, 1, 1),
        requested_end=dt.date(2025, 6, 30),
    )
    request = stored_posting(employer, employee, employer_admin, "2025-07-15", "2025-12-31", "JE")
    situation = situation_from_request(request)
    assert situation["posting"]["host_state"] == "JE"
    assert situation["posting"]["previous_posting_same_employer_host_end"] == "2025-06-30"
