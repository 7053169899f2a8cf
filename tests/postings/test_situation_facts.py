"""postings.situation: the wizard's answers reach the engine's situation (contracts/determination.md)
as facts, checked with the real engine (rules) where the outcome shows the difference."""

import datetime as dt

import pytest

import rules
from postings.models import CoverageRequest
from postings.situation import situation_from_request
from postings.status import Decision, Status
from tests import factories

from .conftest import make_request
from .conftest import stored_posting as posting
from .conftest import stored_seafarer as seafarer

pytestmark = pytest.mark.django_db


def test_seafarer_conditions_reach_the_engine_as_a_posting_to_the_flag_state(employer, employer_admin):
    """Seafarer wizard, step "conditions" (NSSO: a seafarer's request is completed like a posting):
    the six yes/no answers and the period are the posting test of Art. 12 with the flag state as the
    state of work (legislation.md 2.2 steps 3 and 6; 2.3). They were asked but never passed on, so
    for a seafarer not living in the employer's state (no Art. 11(4) second sentence) the engine
    always answered the flag state under Art. 11(4)."""
    employee = factories.make_employee(employer, family_name="Peeters", country="BE")
    situation = situation_from_request(seafarer(employer, employee, employer_admin, "MT"))
    assert situation["posting"]["sending_state"] == "NL"
    assert situation["posting"]["host_state"] == "MT"
    assert situation["posting"]["direct_relationship_maintained"] is True
    determination = rules.determine(situation)
    assert determination["legislation"] == "NL"
    assert determination["provision"]["article"] == "12(1)"


def test_seafarer_with_a_host_contract_fails_the_posting_test(employer, employer_admin):
    """Seafarer wizard, "Has the employee signed an employment contract with the host company?"
    (legislation.md 2.3 P2): a yes ends the posting test, so the flag state applies."""
    employee = factories.make_employee(employer, family_name="Peeters", country="BE")
    request = seafarer(employer, employee, employer_admin, "MT", host_contract=True)
    determination = rules.determine(situation_from_request(request))
    assert determination["legislation"] == "MT"


def test_seafarer_on_a_ship_flying_the_issuing_states_flag_is_not_posted(employer, employee, employer_admin):
    """legislation.md 2.5, Art. 11(4): on a ship under the issuing state's own flag there is no host
    state, so no posting (sending and host state would be the same)."""
    situation = situation_from_request(seafarer(employer, employee, employer_admin, "NL"))
    assert situation["posting"] is None
    assert rules.determine(situation)["legislation"] == "NL"


def test_a_place_in_jersey_is_worked_in_jersey_not_the_uk(employer, employee, employer_admin):
    """Places step, "Territory with its own legislation": a place in the UK with territory Jersey is
    work in JE, which the NL-UK convention covers (legislation.md 1.5, 1.6), not the EU-UK TCA."""
    request = posting(employer, employee, employer_admin, "2025-03-01", "2025-12-31", "GB", "jersey")
    situation = situation_from_request(request)
    assert situation["work"][0]["country"] == "JE"
    assert situation["posting"]["host_state"] == "JE"
    assert rules.determine(situation)["provision"]["instrument"] == "treaty:GB-NL"


def test_simultaneous_places_in_a_territory_count_for_that_territory(employer, employee, employer_admin):
    """Simultaneous wizard, places with their share of time: a place "GB, Isle of Man" is work in IM."""
    places = [
        {"country": "NL", "location_type": "region", "time_pct": 60.0},
        {"country": "GB", "territory": "isle_of_man", "location_type": "region", "time_pct": 40.0},
    ]
    request = CoverageRequest(
        type="simultaneous",
        employer=employer,
        employee=employee,
        created_by=employer_admin,
        answers={
            "relationship": {"classification": "employed"},
            "places": {"places": places},
            "period": {"start": "2025-03-01", "end": "2025-12-31"},
        },
    )
    assert [w["country"] for w in situation_from_request(request)["work"]] == ["NL", "IM"]


def test_an_extension_is_not_a_previous_posting_and_counts_from_the_first_start(
    employer, employee, employer_admin
):
    """legislation.md 2.3 P7 (gap between postings) and P4 (24 months in all): an extension continues
    the posting it extends. Its end was taken as the end of a previous posting, one day before the
    extension starts, so every extension failed the two-month gap; and the 24 months were counted
    from the extension's own start."""
    first = make_request(
        employer, employee, requested_start=dt.date(2025, 1, 1), requested_end=dt.date(2025, 12, 31)
    )
    extension = posting(employer, employee, employer_admin, "2026-01-01", "2026-06-30", extends=first)
    situation = situation_from_request(extension)
    assert situation["posting"]["previous_posting_same_employer_host_end"] is None
    assert situation["posting"]["start"] == "2025-01-01"
    assert situation["reference_date"] == "2026-01-01"
    assert rules.determine(situation)["legislation"] == "NL"

    too_long = posting(employer, employee, employer_admin, "2026-01-01", "2027-03-31", extends=first)
    determination = rules.determine(situation_from_request(too_long))
    assert determination["legislation"] == "BE"  # 27 months from 2025-01-01


def test_previous_posting_is_a_posting_that_was_not_rejected_and_ended_before(
    employer, employee, employer_admin
):
    """legislation.md 2.3 P7 / contract `previous_posting_same_employer_host_end`: "the last posting of
    this worker by this employer to the same state". A simultaneous-activity request, a rejected
    request, and a request still running when this one starts are not an earlier posting that ended
    (the last made the engine reject the whole situation)."""
    make_request(
        employer,
        employee,
        type="simultaneous",
        requested_start=dt.date(2024, 1, 1),
        requested_end=dt.date(2024, 12, 31),
    )
    make_request(
        employer,
        employee,
        status=Status.CLOSED,
        decision=Decision.REJECTED,
        requested_start=dt.date(2024, 6, 1),
        requested_end=dt.date(2024, 12, 15),
    )
    make_request(employer, employee, requested_start=dt.date(2024, 11, 1), requested_end=dt.date(2025, 3, 31))
    request = posting(employer, employee, employer_admin, "2025-01-01", "2025-06-30")
    situation = situation_from_request(request)
    assert situation["posting"]["previous_posting_same_employer_host_end"] is None
    rules.determine(situation)  # valid: no InvalidSituation

    make_request(employer, employee, requested_start=dt.date(2024, 1, 1), requested_end=dt.date(2024, 3, 31))
    assert situation_from_request(request)["posting"]["previous_posting_same_employer_host_end"] == (
        "2024-03-31"
    )


@pytest.mark.parametrize(("answer", "months"), [(True, 1), (False, 0), (None, None)])
def test_prior_insurance_is_what_the_30_day_question_shows(
    employer, employee, employer_admin, answer, months
):
    """Conditions step, "insured under this state's social security in the 30 days before the start?"
    (legislation.md 2.3 P3): a yes shows one month of prior insurance, not twelve; no answer is "not
    stated" (null), not zero months."""
    request = posting(employer, employee, employer_admin, "2025-03-01", "2025-12-31")
    request.answers["conditions"]["insured_30_days"] = answer
    situation = situation_from_request(request)
    assert situation["posting"]["insured_in_sending_state_months_before"] == months
