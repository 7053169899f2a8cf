"""Invalid situations: every problem at once, each with its field path; never another exception."""

import pytest

import rules

from .builders import posting, situation, work


def errors_of(s) -> dict[str, str]:
    with pytest.raises(rules.InvalidSituation) as info:
        rules.determine(s)
    errors = info.value.errors
    assert all(set(e) == {"field", "message"} and e["message"] for e in errors)
    return {e["field"]: e["message"] for e in errors}


def test_all_errors_reported_at_once():
    s = posting(end="2023-01-01")
    s["reference_date"] = "2024-13-01"
    s["residence"] = "XX"
    s["work"] = [
        {"country": "BE", "time_pct": 120, "remuneration_pct": 100, "activity": "employed"},
        {"country": "nl", "time_pct": 10, "remuneration_pct": -1, "activity": "employed", "colour": "red"},
    ]
    s["employers"] = [{"seat": "NL", "substantial_activity_in_seat": "yes"}]
    s["extra"] = 1
    fields = errors_of(s)
    assert {
        "reference_date",
        "residence",
        "work[0].time_pct",
        "work[1].country",
        "work[1].remuneration_pct",
        "work[1].colour",
        "employers[0].substantial_activity_in_seat",
        "extra",
        "posting.end",
    } <= set(fields)


def test_shares_must_sum_to_100():
    s = situation(work=work(("BE", 60), ("NL", 30)))
    fields = errors_of(s)
    assert "work" in fields and "90" in fields["work"]


def test_share_rounding_tolerance():
    s = situation(work=work(("BE", 33.33), ("NL", 33.33), ("DE", 33.34)))
    assert rules.determine(s)["legislation"]


def test_aliases_are_accepted():
    s = situation(residence="EL", work=work(("UK", 100)), reference_date="2019-01-01")
    s["employers"] = [{"seat": "EL", "substantial_activity_in_seat": True}]
    result = rules.determine(s)
    assert result["legislation"] == "GB"


def test_required_fields_and_types():
    fields = errors_of({"employment_type": "astronaut"})
    assert {"reference_date", "residence", "employment_type"} <= set(fields)


def test_seafarer_needs_flag_and_flight_crew_home_base():
    assert "flag_state" in errors_of(situation(employment_type="seafarer"))
    assert "home_base" in errors_of(situation(employment_type="flight_crew"))
    assert "flag_state" in errors_of(situation(flag_state="NL"))


def test_host_state_must_be_a_state_of_work():
    fields = errors_of(posting(host_state="DE"))
    assert "host" in fields["posting.host_state"].lower()


def test_posting_same_states_and_agreement_dates():
    s = posting(
        host_state="BE",
        sending_state="BE",
        art16_agreement={"state": "NL", "start": "2025-01-01", "end": "2024-01-01"},
    )
    fields = errors_of(s)
    assert "posting.host_state" in fields
    assert "posting.art16_agreement.end" in fields


def test_employed_needs_employer_and_inactive_has_no_work():
    assert "employers" in errors_of(situation(employers=[]))
    assert "work" in errors_of(situation(employment_type="inactive"))
    assert "work" in errors_of(situation(work=[]))


def test_activity_must_fit_employment_type():
    s = situation(work=work(("BE", 100, 100, "self_employed")))
    assert "work[0].activity" in errors_of(s)


def test_duplicate_state_of_work():
    s = situation(work=work(("BE", 50), ("BE", 50)))
    assert "work[1].country" in errors_of(s)


@pytest.mark.parametrize("bad", [None, [], "text", 3, {"work": "x"}])
def test_garbage_raises_invalid_situation(bad):
    with pytest.raises(rules.InvalidSituation):
        rules.determine(bad)


def test_booleans_and_numbers_are_strict():
    s = posting(insured_in_sending_state_months_before=True, replaces_posted_worker=0)
    fields = errors_of(s)
    assert "posting.insured_in_sending_state_months_before" in fields
    assert "posting.replaces_posted_worker" in fields
    s = situation(
        work=[{"country": "BE", "time_pct": float("nan"), "remuneration_pct": 100, "activity": "employed"}]
    )
    assert "work[0].time_pct" in errors_of(s)


def test_odd_activity_values_are_errors_not_crashes():
    for bad in ("", ["employed"], {"x": 1}, 3):
        s = situation()
        s["work"][0]["activity"] = bad
        with pytest.raises(rules.InvalidSituation) as info:
            rules.determine(s)
        assert info.value.errors[0]["field"] == "work[0].activity"


def test_odd_employer_values_are_errors_not_crashes():
    for bad in (["NL"], None, "XX"):
        s = situation()
        s["employers"][0]["seat"] = bad
        with pytest.raises(rules.InvalidSituation) as info:
            rules.determine(s)
        assert info.value.errors[0]["field"] == "employers[0].seat"
