"""Reg. 883/2004 article by article, with the boundaries of each figure."""

import pytest

from .builders import codes, decide, posting, seats, situation, summary, work

# ---- Art. 12(1): posting ------------------------------------------------------------------


def test_contract_example():
    result = decide(posting())
    assert summary(result) == ("NL", "883/2004", "12(1)", "01")
    assert result["period"] == {"start": "2024-03-01", "end": "2025-02-28"}
    assert result["reasons"][0] == {
        "code": "ART12_1_MAX_24_MONTHS",
        "provision": "Reg. 883/2004 Art. 12(1)",
        "passed": True,
        "explanation": "The planned posting lasts 12 months; the limit is 24 months.",
    }
    assert result["warnings"] == []
    assert result["provisional"] is False
    assert result["certificate"] == "PD A1"


def test_exactly_24_months_is_allowed():
    result = decide(posting(start="2024-03-01", end="2026-02-28"))
    assert summary(result) == ("NL", "883/2004", "12(1)", "01")
    assert "lasts 24 months;" in result["reasons"][0]["explanation"]


def test_24_months_and_one_day_is_over():
    result = decide(posting(start="2024-03-01", end="2026-03-01"))
    assert summary(result) == ("BE", "883/2004", "11(3)(a)", "12")
    assert codes(result)["ART12_1_MAX_24_MONTHS"] is False
    assert result["reasons"][0]["explanation"] == (
        "The planned posting lasts 24 months and 1 day; the limit is 24 months."
    )
    assert any("Art. 16(1)" in w for w in result["warnings"])


def test_26_months_explained_with_figures():
    result = decide(posting(start="2024-01-01", end="2026-02-28"))
    assert (
        result["reasons"][0]["explanation"] == "The planned posting lasts 26 months; the limit is 24 months."
    )


def test_end_of_month_start_boundary():
    assert decide(posting(start="2024-01-31", end="2026-01-30"))["provision"]["article"] == "12(1)"
    assert decide(posting(start="2024-01-31", end="2026-01-31"))["provision"]["article"] == "11(3)(a)"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"replaces_posted_worker": True}, "ART12_1_NOT_REPLACING"),
        ({"direct_relationship_maintained": False}, "ART12_1_DIRECT_RELATIONSHIP"),
        ({"insured_in_sending_state_months_before": 0.5}, "ART12_1_PRIOR_INSURANCE"),
        ({"placed_at_disposal_of_third_undertaking": True}, "ART12_1_NOT_HIRED_OUT"),
        ({"previous_posting_same_employer_host_end": "2024-01-02"}, "ART12_1_TWO_MONTH_GAP"),
    ],
)
def test_each_posting_condition_can_fail(change, code):
    result = decide(posting(**change))
    assert summary(result) == ("BE", "883/2004", "11(3)(a)", "12")
    assert codes(result)[code] is False


def test_exactly_one_month_prior_insurance_is_enough():
    assert decide(posting(insured_in_sending_state_months_before=1))["provision"]["article"] == "12(1)"


def test_two_month_gap_boundary():
    # previous posting ended 2023-12-31: a new one may start from 2024-02-29 (two months later)
    ok = decide(
        posting(start="2024-02-29", end="2024-12-31", previous_posting_same_employer_host_end="2023-12-31")
    )
    assert ok["provision"]["article"] == "12(1)"
    too_soon = decide(
        posting(start="2024-02-28", end="2024-12-31", previous_posting_same_employer_host_end="2023-12-31")
    )
    assert too_soon["provision"]["article"] == "11(3)(a)"


def test_employer_without_substantial_activity_in_sending_state():
    s = posting()
    s["employers"] = seats("NL", substantial=False)
    result = decide(s)
    assert codes(result)["ART12_1_EMPLOYER_ACTIVITY"] is False
    assert result["legislation"] == "BE"


def test_all_failing_conditions_are_reported():
    result = decide(posting(replaces_posted_worker=True, insured_in_sending_state_months_before=0))
    failed = [r["code"] for r in result["reasons"] if not r["passed"]]
    assert failed == ["ART12_1_NOT_REPLACING", "ART12_1_PRIOR_INSURANCE"]


def test_reference_date_outside_posting_warns():
    result = decide(situation(reference_date="2026-01-01", posting={}))
    assert any("outside the period" in w for w in result["warnings"])


# ---- Art. 12(2): self-employed posting -------------------------------------------------------


def self_posting(**change):
    s = posting(**change)
    s["employment_type"] = "self_employed"
    s["work"] = work(("BE", 100, 100, "self_employed"))
    s["employers"] = []
    return s


def test_self_employed_posting():
    assert summary(decide(self_posting())) == ("NL", "883/2004", "12(2)", "03")


def test_self_employed_needs_two_months_before():
    assert decide(self_posting(insured_in_sending_state_months_before=2))["provision"]["article"] == "12(2)"
    result = decide(self_posting(insured_in_sending_state_months_before=1))
    assert summary(result) == ("BE", "883/2004", "11(3)(a)", "12")
    assert codes(result)["ART12_2_NORMALLY_SELF_EMPLOYED"] is False


def test_self_employed_over_24_months():
    result = decide(self_posting(end="2026-03-01"))
    assert codes(result)["ART12_2_MAX_24_MONTHS"] is False
    assert result["legislation"] == "BE"


# ---- Art. 11 -------------------------------------------------------------------------------


def test_frontier_worker_lex_loci():
    s = situation(residence="BE", work=work(("NL", 100)), employers=seats("NL"))
    assert summary(decide(s)) == ("NL", "883/2004", "11(3)(a)", "12")


def test_inactive_residence_without_a1():
    result = decide(situation(residence="ES", employment_type="inactive", work=[], employers=[]))
    assert summary(result) == ("ES", "883/2004", "11(3)(e)", None)
    assert result["certificate"] is None


def test_civil_servant_stays_with_administration():
    s = situation(
        employment_type="civil_servant", residence="BE", work=work(("BE", 100)), employers=seats("NL")
    )
    assert summary(decide(s)) == ("NL", "883/2004", "11(3)(b)", "05")


def test_seafarer_flag_state():
    s = situation(employment_type="seafarer", residence="PT", work=work(("NL", 100)), flag_state="NL")
    assert summary(decide(s)) == ("NL", "883/2004", "11(4)", "07")


def test_seafarer_paid_from_residence_second_sentence():
    s = situation(
        employment_type="seafarer",
        residence="NL",
        work=work(("MT", 100)),
        employers=seats("NL"),
        flag_state="MT",
    )
    result = decide(s)
    assert summary(result) == ("NL", "883/2004", "11(4)", "07")
    assert codes(result)["ART11_4_PAID_BY_UNDERTAKING_IN_RESIDENCE"] is True


def test_seafarer_paid_from_other_state_not_living_there_gets_flag():
    s = situation(
        employment_type="seafarer",
        residence="PT",
        work=work(("MT", 100)),
        employers=seats("NL"),
        flag_state="MT",
    )
    assert summary(decide(s)) == ("MT", "883/2004", "11(4)", "07")


def test_flight_crew_single_state_home_base():
    s = situation(
        employment_type="flight_crew",
        residence="FR",
        work=work(("BE", 100)),
        employers=seats("IE"),
        home_base="BE",
    )
    assert summary(decide(s)) == ("BE", "883/2004", "11(5)", "10")


def test_flight_crew_multi_state_home_base_is_provisional():
    s = situation(
        employment_type="flight_crew",
        residence="FR",
        work=work(("BE", 50), ("FR", 50)),
        employers=seats("IE"),
        home_base="BE",
    )
    result = decide(s)
    assert summary(result) == ("BE", "883/2004", "13(1)", "10")
    assert result["provisional"] is True


# ---- Art. 13(1) ----------------------------------------------------------------------------


def multi(residence, items, employer_seats, **kw):
    return situation(residence=residence, work=work(*items), employers=seats(*employer_seats), **kw)


def test_exactly_25_percent_time_is_substantial():
    result = decide(multi("NL", [("NL", 25, 10), ("DE", 75, 90)], ["DE"]))
    assert summary(result) == ("NL", "883/2004", "13(1)(a)", "02")
    assert result["provisional"] is True


def test_25_percent_pay_alone_is_substantial():
    assert decide(multi("NL", [("NL", 10, 25), ("DE", 90, 75)], ["DE"]))["provision"]["article"] == "13(1)(a)"


def test_24_99_percent_is_not_substantial():
    result = decide(multi("NL", [("NL", 24.99, 24.99), ("DE", 75.01, 75.01)], ["DE"]))
    assert summary(result) == ("DE", "883/2004", "13(1)(b)(i)", "02")
    assert codes(result)["ART13_1_A_SUBSTANTIAL_IN_RESIDENCE"] is False
    assert "24.99 %" in result["reasons"][0]["explanation"]


def test_employer_outside_eu_gives_residence_14_11():
    result = decide(multi("NL", [("NL", 10), ("DE", 90)], ["US"]))
    assert summary(result) == ("NL", "987/2009", "14(11)", "02")
    assert result["provisional"] is True


def test_13_1_b_sub_cases():
    assert (
        decide(multi("NL", [("NL", 10), ("DE", 90)], ["DE", "DE"]))["provision"]["article"] == "13(1)(b)(ii)"
    )
    iii = decide(multi("BE", [("BE", 15), ("NL", 85)], ["NL", "BE"]))
    assert (iii["legislation"], iii["provision"]["article"]) == ("NL", "13(1)(b)(iii)")
    iv = decide(multi("NL", [("NL", 10), ("DE", 50), ("BE", 40)], ["DE", "BE"]))
    assert (iv["legislation"], iv["provision"]["article"]) == ("NL", "13(1)(b)(iv)")


def test_old_wording_before_465_2012():
    # 2011: several employers seated in different states -> residence under old 13(1)(a)
    s = multi("NL", [("NL", 10), ("DE", 50), ("BE", 40)], ["DE", "BE"], reference_date="2011-06-01")
    s["situation_start"] = "2011-01-01"
    result = decide(s)
    assert (result["legislation"], result["provision"]["article"]) == ("NL", "13(1)(a)")
    s = multi("NL", [("NL", 10), ("DE", 90)], ["DE"], reference_date="2012-06-27")
    s["situation_start"] = "2011-01-01"
    assert decide(s)["provision"]["article"] == "13(1)(b)"


def test_art87a_keeps_old_wording_designation():
    # two employers in DE and NL, lives NL with 10 %: old wording -> NL (13(1)(a), different seats);
    # new wording -> DE (13(1)(b)(iii)). Unchanged since 2011, evaluated 2015: NL under Art. 87a.
    s = multi("NL", [("NL", 10), ("DE", 90)], ["DE", "NL"], reference_date="2015-01-01")
    s["situation_start"] = "2011-01-01"
    result = decide(s)
    assert result["legislation"] == "NL"
    assert result["provision"] == {"instrument": "883/2004", "article": "13(1)(a)"}
    assert result["transitional"] == {"instrument": "883/2004", "article": "87a(1)"}
    assert result["a1_status_code"] == "02"
    assert result["provisional"] is False
    assert any("2022-06-27" in w for w in result["warnings"])
    # last day of the transition and the day after
    s["reference_date"] = "2022-06-27"
    assert decide(s)["transitional"] is not None
    s["reference_date"] = "2022-06-28"
    after = decide(s)
    assert after["transitional"] is None
    assert (after["legislation"], after["provision"]["article"]) == ("DE", "13(1)(b)(iii)")


def test_art87a_request_effects():
    s = multi("NL", [("NL", 10), ("DE", 90)], ["DE", "NL"], reference_date="2013-01-15")
    s["situation_start"] = "2011-01-01"
    s["art87_8_request_date"] = "2012-09-29"  # in time: takes effect on 2012-06-28
    assert decide(s)["legislation"] == "DE"
    s["art87_8_request_date"] = "2012-12-10"  # late: takes effect on 2013-01-01
    assert decide(s)["legislation"] == "DE"
    s["reference_date"] = "2012-12-31"
    assert decide(s)["legislation"] == "NL"


# ---- marginal activity (987/2009 Art. 14(5b)) ----------------------------------------------


def test_marginal_activity_dropped_with_warning():
    result = decide(multi("NL", [("NL", 4.9, 4.9), ("DE", 95.1, 95.1)], ["NL"]))
    assert summary(result) == ("DE", "883/2004", "11(3)(a)", "12")
    assert codes(result)["ART14_5B_MARGINAL"] is True
    assert any("marginal" in w for w in result["warnings"])


def test_exactly_5_percent_is_not_marginal():
    result = decide(multi("NL", [("NL", 5, 5), ("DE", 95, 95)], ["NL"]))
    assert summary(result) == ("NL", "883/2004", "13(1)(b)(i)", "02")
    assert "ART14_5B_MARGINAL" not in codes(result)


def test_5_percent_pay_alone_keeps_activity():
    assert (
        decide(multi("NL", [("NL", 2, 5), ("DE", 98, 95)], ["NL"]))["provision"]["article"] == "13(1)(b)(i)"
    )


# ---- Art. 13(2), 13(3), 13(4) -----------------------------------------------------------


def test_self_employed_centre_of_interest_assumption_stated():
    s = situation(
        residence="BE",
        employment_type="self_employed",
        work=work(
            ("BE", 20, 20, "self_employed"), ("NL", 40, 50, "self_employed"), ("DE", 40, 30, "self_employed")
        ),
        employers=[],
    )
    result = decide(s)
    assert summary(result) == ("NL", "883/2004", "13(2)(b)", "04")  # tie on time, NL earns more
    assert "largest share" in result["reasons"][-1]["explanation"]


def test_self_employed_substantial_in_residence():
    s = situation(
        residence="BE",
        employment_type="self_employed",
        work=work(("BE", 25, 0, "self_employed"), ("NL", 75, 100, "self_employed")),
        employers=[],
    )
    assert summary(decide(s)) == ("BE", "883/2004", "13(2)(a)", "04")


def test_employed_and_self_employed_13_3():
    s = situation(
        residence="BE",
        employment_type="employed_and_self_employed",
        work=work(("NL", 70, 70, "employed"), ("BE", 30, 30, "self_employed")),
        employers=seats("NL"),
    )
    result = decide(s)
    assert summary(result) == ("NL", "883/2004", "13(3)", "08")
    assert result["provisional"] is True


def test_employed_in_two_states_and_self_employed_uses_13_1():
    s = situation(
        residence="BE",
        employment_type="employed_and_self_employed",
        work=work(("NL", 40, 40, "employed"), ("DE", 40, 40, "employed"), ("BE", 20, 20, "self_employed")),
        employers=seats("DE"),
    )
    result = decide(s)
    assert summary(result) == ("DE", "883/2004", "13(3)", "08")
    assert "ART13_1_B_I_ONE_EMPLOYER" in codes(result)


def test_civil_servant_and_employed_13_4():
    s = situation(
        residence="BE",
        employment_type="civil_servant_and_employed",
        work=work(("NL", 60, 60, "civil_servant"), ("BE", 40, 40, "employed")),
        employers=seats("NL", "BE"),
    )
    assert summary(decide(s)) == ("NL", "883/2004", "13(4)", "09")


# ---- Art. 16 -------------------------------------------------------------------------------


def test_art16_agreement_in_force():
    agreement = {"state": "NL", "start": "2024-01-01", "end": "2027-12-31"}
    result = decide(posting(start="2024-01-01", end="2027-12-31", art16_agreement=agreement))
    assert summary(result) == ("NL", "883/2004", "16(1)", "11")
    assert result["period"] == {"start": "2024-01-01", "end": "2027-12-31"}


def test_art16_agreement_not_covering_reference_date():
    agreement = {"state": "NL", "start": "2025-01-01", "end": "2027-12-31"}
    result = decide(posting(art16_agreement=agreement))
    assert codes(result)["ART16_1_AGREEMENT"] is False
    assert result["provision"]["article"] == "12(1)"
