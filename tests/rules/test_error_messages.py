"""The engine's input errors: English text byte-identical to what it said before the messages were
marked for translation, and each error's (template, values) fill in to exactly that text."""

import pytest

import rules

from .builders import posting, seats, situation, work

NAN = float("nan")
CASES = {
    "not_an_object": ["NL"],
    "garbage_top_level": {
        "reference_date": None,
        "situation_start": "2024-02-30",
        "residence": "XX",
        "nationalities": "NL",
        "work": {"country": "BE"},
        "employers": "NL",
        "posting": "yes",
        "colour": 1,
        3: 4,
    },
    "employment_type_unknown": situation(
        employment_type="astronaut", residence=None, nationalities=["BE", "zz"]
    ),
    "seafarer_without_flag": situation(employment_type="seafarer"),
    "flight_crew_without_home_base": situation(employment_type="flight_crew"),
    "flag_and_home_base_not_asked": situation(flag_state="NL", home_base="BE"),
    "inactive_with_work_employers_posting": situation(
        employment_type="inactive", employers=seats("NL"), posting={}
    ),
    "inactive_with_employer": situation(employment_type="inactive", work=[], employers=seats("NL")),
    "no_work_no_employer": situation(work=[], employers=[]),
    "work_items": situation(
        employment_type="self_employed",
        work=[
            "BE",
            {"country": "BE", "time_pct": "50", "remuneration_pct": NAN, "activity": "employed", "hours": 3},
            {"country": "BE", "time_pct": 150, "remuneration_pct": -2.5, "activity": "gardening"},
        ],
        employers=["NL", {"seat": None, "substantial_activity_in_seat": "yes", "x": 1}],
    ),
    "shares_do_not_add_up": situation(work=work(("BE", 60, 50), ("DE", 30, 45.5))),
    "employed_and_self_employed_needs_both": situation(
        employment_type="employed_and_self_employed", work=work(("BE", 50), ("NL", 50))
    ),
    "civil_servant_and_employed_needs_both": situation(
        employment_type="civil_servant_and_employed",
        work=work(("BE", 50, 50, "civil_servant"), ("NL", 50, 50, "civil_servant")),
    ),
    "posting_dates_and_states": posting(
        sending_state="BE",
        host_state="BE",
        start="2024-03-01",
        end="2024-01-01",
        previous_posting_same_employer_host_end="2024-05-01",
        insured_in_sending_state_months_before=-1,
        replaces_posted_worker="no",
        art16_agreement={"state": "NL", "start": "2025-01-01", "end": "2024-01-01"},
    ),
    "posting_host_not_a_state_of_work": posting(
        host_state="DE", art16_agreement=["NL"], direct_relationship_maintained=1
    ),
    "posting_not_an_object": situation(posting=["NL", "BE"]),
    "long_value_shortened": situation(residence="a country code that is far too long to show whole"),
}

#: What the engine said for each case before its messages became templates (contract output).
EXPECTED = {
    "not_an_object": [
        ("", "A situation must be a JSON object."),
    ],
    "garbage_top_level": [
        ("colour", "Unknown field; check the spelling."),
        ("3", "Unknown field; check the spelling."),
        ("reference_date", "This date is required (YYYY-MM-DD)."),
        ("situation_start", "Enter a real date in the form YYYY-MM-DD."),
        ("residence", "'XX' is not an ISO 3166-1 alpha-2 country code in upper case."),
        ("nationalities", "Give a list of country codes, or leave it out when unknown."),
        ("employment_type", "Choose the type of activity."),
        ("work", "List every state of work (a list of objects)."),
        ("employers", "List the employers (a list of objects)."),
        ("posting", "A posting must be an object, or null when there is none."),
    ],
    "employment_type_unknown": [
        ("residence", "A country code is required."),
        ("nationalities[1]", "'zz' is not an ISO 3166-1 alpha-2 country code in upper case."),
        (
            "employment_type",
            "'astronaut' is not one of: employed, self_employed, civil_servant, civil_servant_and_employed, "
            "employed_and_self_employed, seafarer, flight_crew, inactive.",
        ),
    ],
    "seafarer_without_flag": [
        ("flag_state", "A seafarer needs the flag state of the vessel."),
    ],
    "flight_crew_without_home_base": [
        ("home_base", "Flight or cabin crew need the state of their home base."),
    ],
    "flag_and_home_base_not_asked": [
        ("flag_state", "A flag state is only asked for seafarers."),
        ("home_base", "A home base is only asked for flight or cabin crew."),
    ],
    "inactive_with_work_employers_posting": [
        ("work", "An inactive person has no states of work; leave the list empty."),
        ("employers", "An inactive person has no employer; leave the list empty."),
        ("posting", "An inactive person cannot be posted."),
    ],
    "inactive_with_employer": [
        ("employers", "An inactive person has no employer; leave the list empty."),
    ],
    "no_work_no_employer": [
        ("work", "Give at least one state of work."),
        ("employers", "Give at least one employer (for a civil servant: the administration)."),
    ],
    "work_items": [
        ("work[0]", "Each state of work must be an object."),
        ("work[1].hours", "Unknown field; check the spelling."),
        ("work[1].time_pct", "Enter a number."),
        ("work[1].remuneration_pct", "Enter a finite number."),
        ("work[1].activity", "'employed' work does not fit the employment type 'self_employed'."),
        ("work[2].time_pct", "150 is out of range; enter a number between 0 and 100."),
        ("work[2].remuneration_pct", "-2.5 is out of range; enter a number between 0 and 100."),
        ("work[2].activity", "Choose one of: employed, self_employed, civil_servant."),
        ("work[2].country", "BE is listed twice; give one line per state of work."),
        ("employers[0]", "Each employer must be an object."),
        ("employers[1].x", "Unknown field; check the spelling."),
        ("employers[1].seat", "A country code is required."),
        ("employers[1].substantial_activity_in_seat", "Answer true or false."),
    ],
    "shares_do_not_add_up": [
        ("work", "The shares of working time add up to 90 %; they must add up to 100 %."),
        ("work", "The shares of pay add up to 95.5 %; they must add up to 100 %."),
    ],
    "employed_and_self_employed_needs_both": [
        ("work", "Give at least one employed and one self-employed activity."),
    ],
    "civil_servant_and_employed_needs_both": [
        ("work", "Give the civil-service activity and at least one employed or self-employed one."),
    ],
    "posting_dates_and_states": [
        ("posting.replaces_posted_worker", "Answer true or false."),
        (
            "posting.insured_in_sending_state_months_before",
            "-1 is out of range; enter a number of at least 0.",
        ),
        ("posting.art16_agreement.end", "The agreement cannot end before it starts."),
        ("posting.end", "The posting cannot end before it starts."),
        ("posting.host_state", "The host state must differ from the sending state."),
        (
            "posting.previous_posting_same_employer_host_end",
            "The previous posting must have ended before this one starts.",
        ),
    ],
    "posting_host_not_a_state_of_work": [
        ("posting.direct_relationship_maintained", "Answer true or false."),
        ("posting.art16_agreement", "Give the agreement as an object with state, start and end, or null."),
        ("posting.host_state", "The host state DE is not one of the states of work."),
    ],
    "posting_not_an_object": [
        ("posting", "A posting must be an object, or null when there is none."),
    ],
    "long_value_shortened": [
        (
            "residence",
            "'a country code that is far too long ... "
            "is not an ISO 3166-1 alpha-2 country code in upper case.",
        ),
    ],
}


def errors_of(s) -> rules.InvalidSituation:
    with pytest.raises(rules.InvalidSituation) as info:
        rules.determine(s)
    return info.value


@pytest.mark.parametrize("name", sorted(CASES))
def test_english_messages_are_unchanged(name):
    errors = errors_of(CASES[name]).errors
    assert [(e["field"], e["message"]) for e in errors] == EXPECTED[name]
    assert all(set(e) == {"field", "message"} for e in errors)


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_message_is_its_template_filled_with_its_values(name):
    """The portal translates the template and fills in the values after (selfcheck/localise.py)."""
    exc = errors_of(CASES[name])
    assert len(exc.sources) == len(exc.errors)
    for error, (template, values) in zip(exc.errors, exc.sources, strict=True):
        assert (template.format_map(values) if values else template) == error["message"]
        assert all(isinstance(value, str) for value in values.values())


def test_the_values_are_kept_apart_from_the_templates():
    exc = errors_of(CASES["shares_do_not_add_up"])
    assert exc.sources == [
        ("The shares of working time add up to {total} %; they must add up to 100 %.", {"total": "90"}),
        ("The shares of pay add up to {total} %; they must add up to 100 %.", {"total": "95.5"}),
    ]
    exc = errors_of(CASES["employment_type_unknown"])
    assert exc.sources[1] == (
        "{value} is not an ISO 3166-1 alpha-2 country code in upper case.",
        {"value": "'zz'"},
    )
