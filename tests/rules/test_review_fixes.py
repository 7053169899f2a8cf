"""Discrepancies between the engine and legislation.md found in review, one test each."""

from .builders import codes, decide, posting, situation, summary, work

# ---- 24 months from 29 February (legislation.md 2.3, P4) ----------------------------------


def test_posting_from_29_february_ending_28_february_two_years_later_is_24_months():
    """legislation.md 2.3 P4: a period ending the day before the 24-month anniversary is exactly
    24 months and allowed; Melosys treats ``ChronoUnit.MONTHS.between(start, end) >= 24`` as over
    the limit. From 2024-02-29 to 2026-02-28 that count is 23, so the posting is within the limit
    (the anniversary is 2026-03-01, not the clamped 2026-02-28)."""
    result = decide(posting(start="2024-02-29", end="2026-02-28"))
    assert summary(result) == ("NL", "883/2004", "12(1)", "01")
    assert codes(result)["ART12_1_MAX_24_MONTHS"] is True
    explanation = result["reasons"][0]["explanation"]
    assert explanation == "The planned posting lasts 24 months; the limit is 24 months."


def test_posting_from_29_february_ending_1_march_two_years_later_is_over_24_months():
    """legislation.md 2.3 P4 (Melosys ``MONTHS.between`` = 24 from 2024-02-29 to 2026-03-01)."""
    result = decide(posting(start="2024-02-29", end="2026-03-01"))
    assert summary(result) == ("BE", "883/2004", "11(3)(a)", "12")
    assert result["reasons"][0]["explanation"] == (
        "The planned posting lasts 24 months and 1 day; the limit is 24 months."
    )


def test_1408_posting_from_29_february_ending_28_february_next_year_is_12_months():
    """legislation.md 3.1 step 5 (14(1)(a): expected duration <= 12 months), counted as in 2.3 P4."""
    s = posting(start="2008-02-29", end="2009-02-28")
    s["reference_date"] = "2008-06-01"
    assert summary(decide(s))[:3] == ("NL", "1408/71", "14(1)(a)")


# ---- Aircrew: work counts as done in the home-base state (legislation.md 2.2 step 3, 2.5) --


def test_flight_crew_posting_that_fails_falls_back_to_home_base_not_host():
    """legislation.md 2.2 step 3 and 2.5 (Art. 11(5)): all flight or cabin crew work counts as
    done in the home-base state, so when the posting test fails (step 6) the state of work is
    the home base (11(5)), never the host state under 11(3)(a). The single-state posting branch
    already did this; a posting with work in the sending and the host state did not."""
    s = situation(
        employment_type="flight_crew",
        home_base="NL",
        work=work(("NL", 50), ("BE", 50)),
        posting={"host_state": "BE", "replaces_posted_worker": True},
    )
    result = decide(s)
    assert summary(result) == ("NL", "883/2004", "11(5)", "10")
    assert codes(result)["ART12_1_NOT_REPLACING"] is False
    assert result["provisional"] is False
