"""Review s9d: the rest of the answer (period, provisional, certificate, PD A1 status code,
transitional, warnings, reasons, provision strings), invalid input, and edge dates. Written blind
from determination.md and legislation.md before the engine was read; each docstring names the
lines the expected answer rests on. Cases of test_review_s9a.py are not repeated."""

import math
import re

import pytest

import rules

from .builders import check, codes, decide, posting, seats, situation, summary, work


def errors_of(s) -> dict[str, str]:
    """determination.md: bad input raises rules.InvalidSituation carrying every error at once,
    each naming its field."""
    with pytest.raises(rules.InvalidSituation) as info:
        rules.determine(s)
    errors = info.value.errors
    assert errors
    assert all(set(e) == {"field", "message"} for e in errors), errors
    assert all(isinstance(e["message"], str) and e["message"].strip() for e in errors), errors
    return {e["field"]: e["message"] for e in errors}


def multi(residence, shares, employer_seats, *, ref="2024-06-01", start=None, **extra):
    s = situation(
        reference_date=ref, residence=residence, work=work(*shares), employers=seats(*employer_seats), **extra
    )
    if start:
        s["situation_start"] = start
    return s


def treaty_posting(host, start="2024-01-01", end="2026-12-31", ref="2024-06-01", **extra):
    s = posting(host_state=host, start=start, end=end, **extra)
    s["reference_date"] = ref
    s["work"] = work((host, 100))
    return s


REASON_CODE = re.compile(r"^[A-Z][A-Z0-9_]*$")


def assert_reasons_well_formed(result):
    """determination.md, reasons: each {"code", "provision", "passed", "explanation"}; code a stable
    upper-case identifier; provision a human citation; explanation one plain sentence."""
    assert result["reasons"], result
    for r in result["reasons"]:
        assert set(r) == {"code", "provision", "passed", "explanation"}, r
        assert REASON_CODE.match(r["code"]), r
        assert isinstance(r["provision"], str) and r["provision"].strip(), r
        assert isinstance(r["passed"], bool), r
        assert isinstance(r["explanation"], str) and r["explanation"].strip(), r
    assert isinstance(result["warnings"], list)
    assert all(isinstance(w, str) and w.strip() for w in result["warnings"])


# ---- period, certificate, status code for each kind of result ---------------------------------------


def test_contract_example_in_full():
    """determination.md, Example: the whole answer, warnings empty, first reason the 24-month test
    with the figures used."""
    result = decide(posting())
    check(
        result,
        "NL",
        "883/2004",
        "12(1)",
        "01",
        certificate="PD A1",
        period={"start": "2024-03-01", "end": "2025-02-28"},
    )
    assert result["warnings"] == []
    first = result["reasons"][0]
    assert first["code"] == "ART12_1_MAX_24_MONTHS"
    assert first["provision"] == "Reg. 883/2004 Art. 12(1)"
    assert first["passed"] is True
    assert first["explanation"] == "The planned posting lasts 12 months; the limit is 24 months."
    assert_reasons_well_formed(result)


def test_self_employed_posting_period_and_code_03():
    """legislation.md 2.3 (12(2), A1 3.3, not provisional) and 4.8; determination.md period = the
    posting's dates."""
    s = posting(start="2024-04-01", end="2025-01-31", insured_in_sending_state_months_before=6)
    s["employment_type"] = "self_employed"
    s["work"] = work(("BE", 100, 100, "self_employed"))
    s["employers"] = []
    check(
        decide(s),
        "NL",
        "883/2004",
        "12(2)",
        "03",
        certificate="PD A1",
        period={"start": "2024-04-01", "end": "2025-01-31"},
    )


def test_art16_agreement_shorter_than_the_posting_gives_the_agreement_dates():
    """determination.md period: 'an agreement's dates'; legislation.md 2.2 step 1 and 4.8 (16(1):
    agreed state, not provisional, 3.11)."""
    s = posting(
        start="2024-03-01",
        end="2027-08-31",
        art16_agreement={"state": "NL", "start": "2024-03-01", "end": "2027-02-28"},
    )
    check(
        decide(s),
        "NL",
        "883/2004",
        "16(1)",
        "11",
        certificate="PD A1",
        period={"start": "2024-03-01", "end": "2027-02-28"},
    )


def test_art16_agreement_starting_on_the_reference_date_applies():
    """legislation.md 2.2 step 1 ('agreement in force for this person/period'): in force from its
    first day."""
    s = posting(
        start="2024-06-01",
        end="2027-05-31",
        art16_agreement={"state": "NL", "start": "2024-06-01", "end": "2027-05-31"},
    )
    check(decide(s), "NL", "883/2004", "16(1)", "11", period={"start": "2024-06-01", "end": "2027-05-31"})


def test_art16_agreement_for_a_multistate_worker_is_not_provisional():
    """legislation.md 2.2: step 1 (Art. 16) comes before step 6 (Art. 13); 4.8: 16(1) is not
    provisional, box 3.11."""
    s = posting(
        host_state="DE",
        start="2024-01-01",
        end="2028-12-31",
        art16_agreement={"state": "NL", "start": "2024-01-01", "end": "2028-12-31"},
    )
    s["work"] = work(("NL", 10), ("DE", 90))
    result = decide(s)
    check(result, "NL", "883/2004", "16(1)", "11", certificate="PD A1")


def test_frontier_worker_lex_loci_has_no_period():
    """determination.md period: only 'where one follows from the input (a posting's dates, an
    agreement's dates)'; no posting here. legislation.md 4.8: 11(3)(a) is 3.12, not provisional."""
    s = situation(residence="BE", work=work(("NL", 100)), employers=seats("NL"))
    check(decide(s), "NL", "883/2004", "11(3)(a)", "12", certificate="PD A1", period=None)


def test_multistate_employee_is_provisional_and_has_no_period():
    """legislation.md 2.2 step 6 ('determination is PROVISIONAL (987 16(2))'), 4.8 (3.2, box 2.5);
    determination.md period: no posting or agreement in the input."""
    s = multi("NL", [("NL", 10), ("BE", 45), ("DE", 45)], ["BE"])
    check(
        decide(s), "BE", "883/2004", "13(1)(b)(i)", "02", provisional=True, certificate="PD A1", period=None
    )


def test_non_eu_employer_987_14_11_is_provisional_code_02():
    """legislation.md 2.4 (987 14(11)) and 4.8 ('13(1)/987 14(11)': yes until definitive, 3.2);
    determination.md article format `14(11)` under instrument 987/2009."""
    s = multi("NL", [("NL", 10), ("DE", 90)], ["US"])
    check(decide(s), "NL", "987/2009", "14(11)", "02", provisional=True, certificate="PD A1")


def test_self_employed_multistate_code_04_provisional():
    """legislation.md 2.4 (13(2): residence if substantial) and 4.8 (13(2): box 2.5 yes, 3.4)."""
    s = situation(
        residence="NL",
        employment_type="self_employed",
        work=work(("NL", 30, 30, "self_employed"), ("BE", 70, 70, "self_employed")),
        employers=[],
    )
    result = decide(s)
    assert summary(result) == ("NL", "883/2004", "13(2)(a)", "04")
    assert result["provisional"] is True
    assert result["certificate"] == "PD A1"


def test_employed_and_self_employed_code_08_provisional():
    """legislation.md 2.4 (13(3): state of the employment) and 4.8 (3.8, provisional)."""
    s = situation(
        residence="NL",
        employment_type="employed_and_self_employed",
        work=work(("DE", 60, 60, "employed"), ("NL", 40, 40, "self_employed")),
        employers=seats("DE"),
    )
    check(decide(s), "DE", "883/2004", "13(3)", "08", provisional=True, certificate="PD A1")


def test_civil_servant_and_employed_code_09_provisional():
    """legislation.md 2.2 step 2 (13(4): administration's state) and 4.8 (3.9, provisional)."""
    s = situation(
        residence="BE",
        employment_type="civil_servant_and_employed",
        work=work(("NL", 50, 50, "civil_servant"), ("BE", 50, 50, "employed")),
        employers=seats("BE"),
    )
    check(decide(s), "NL", "883/2004", "13(4)", "09", provisional=True, certificate="PD A1")


def test_civil_servant_only_code_05_not_provisional():
    """legislation.md 2.2 step 2 (11(3)(b)) and 4.8 (3.5, box 2.5 no)."""
    s = situation(
        residence="BE",
        employment_type="civil_servant",
        work=work(("NL", 100, 100, "civil_servant")),
        employers=seats("NL"),
    )
    check(decide(s), "NL", "883/2004", "11(3)(b)", "05", certificate="PD A1", period=None)


def test_seafarer_code_07_not_provisional():
    """legislation.md 2.5 (11(4): flag state) and 4.8 (3.7, box 2.5 no)."""
    s = situation(
        residence="BE",
        employment_type="seafarer",
        flag_state="NL",
        work=work(("NL", 100)),
        employers=seats("NL"),
    )
    check(decide(s), "NL", "883/2004", "11(4)", "07", certificate="PD A1")


def test_flight_crew_multistate_code_10_provisional():
    """Public case C44 shape and 4.8 (11(5): 'no (unless also under Art. 13 and not yet
    definitive)', 3.10): several states of work, so 13(1), provisional, code 10."""
    s = situation(
        residence="FR",
        employment_type="flight_crew",
        home_base="BE",
        work=work(("BE", 50), ("FR", 20), ("DE", 30)),
        employers=seats("IE"),
    )
    s["reference_date"] = "2024-06-01"
    result = decide(s)
    assert result["a1_status_code"] == "10"
    assert result["provisional"] is True
    assert result["certificate"] == "PD A1"


def test_flight_crew_home_base_rule_applies_on_2012_06_28():
    """legislation.md 1.2 (Reg. 465/2012 in force 2012-06-28 added 11(5)) and 2.5: on the first day
    the home base decides; situation starting that day, so no 87a."""
    s = situation(
        reference_date="2012-06-28",
        residence="NL",
        employment_type="flight_crew",
        home_base="DE",
        work=work(("DE", 60), ("FR", 40)),
        employers=seats("IE"),
    )
    s["situation_start"] = "2012-06-28"
    result = decide(s)
    assert result["legislation"] == "DE"
    assert result["transitional"] is None
    assert result["a1_status_code"] == "10"


def test_inactive_person_has_no_certificate_code_or_period():
    """legislation.md 2.2 step 7 (11(3)(e), no A1), public case C20 (a1_status_code null);
    determination.md certificate null where nothing proves it."""
    s = situation(residence="ES", employment_type="inactive", work=[], employers=[])
    check(decide(s), "ES", "883/2004", "11(3)(e)", None, certificate=None, period=None)


# ---- 1408/71, treaties, TCA, national, none -----------------------------------------------------------


def test_1408_posting_has_e101_and_the_posting_period():
    """legislation.md 3.1 step 5 (14(1)(a), form E101), public case C57 (code null);
    determination.md period = the posting's dates."""
    s = posting(start="2008-02-01", end="2009-01-31")
    s["reference_date"] = "2008-06-01"
    check(
        decide(s),
        "NL",
        "1408/71",
        "14(1)(a)",
        None,
        certificate="E101",
        period={"start": "2008-02-01", "end": "2009-01-31"},
    )


def test_1408_posting_of_exactly_12_months_across_a_leap_day():
    """legislation.md 3.1 step 5 (<= 12 months) counted in calendar months as 2.3 P4: 2007-03-01 to
    2008-02-29 is exactly 12 months."""
    s = posting(start="2007-03-01", end="2008-02-29")
    s["reference_date"] = "2007-06-01"
    check(decide(s), "NL", "1408/71", "14(1)(a)", None, certificate="E101")


def test_1408_posting_12_months_and_a_day_is_the_state_of_work():
    """legislation.md 3.1 step 5: anticipated > 12 months, no Art. 17 -> state of work 13(2)(a)."""
    s = posting(start="2007-03-01", end="2008-03-01")
    s["reference_date"] = "2007-06-01"
    result = decide(s)
    assert summary(result) == ("BE", "1408/71", "13(2)(a)", None)
    assert result["provisional"] is False


def test_1408_multistate_is_not_provisional():
    """Public case C60 (provisional false): the 987/2009 Art. 16(2) provisional stage does not
    exist under 1408/71 (legislation.md 3.1, 574/72 procedure)."""
    s = multi("NL", [("NL", 30), ("BE", 70)], ["BE"], ref="2008-06-01", start="2008-01-01")
    result = decide(s)
    assert summary(result) == ("NL", "1408/71", "14(2)(b)(i)", None)
    assert result["provisional"] is False
    assert result["certificate"] == "E101"


def test_1408_inactive_has_no_certificate():
    """legislation.md 3.1 step 9 (13(2)(f) residence); no form for an inactive person."""
    s = situation(
        reference_date="2008-06-01", residence="BE", employment_type="inactive", work=[], employers=[]
    )
    result = decide(s)
    assert summary(result) == ("BE", "1408/71", "13(2)(f)", None)
    assert result["certificate"] is None


def test_87_8_transition_answer_fields():
    """Public case C51 and legislation.md 1.4 / 4.8: box 2.6, code of the underlying situation,
    PD A1 (an A1 with box 2.6 is used after 2010-05-01, 3 notes), not provisional; the warnings name
    the date the transitional regime ends (determination.md warnings: 'a transitional regime that
    ends on a date'), 2020-04-30."""
    s = multi("BE", [("BE", 10), ("NL", 90)], ["NL"], ref="2015-06-01", start="2008-01-01")
    result = decide(s)
    check(result, "BE", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)", certificate="PD A1")
    text = " ".join(result["warnings"])
    assert "2020-04-30" in text or "30-04-2020" in text or "30 April 2020" in text, result["warnings"]
    assert_reasons_well_formed(result)
    if result["period"] is not None:
        assert result["period"]["end"] == "2020-04-30"


def test_87_8_late_request_ends_the_transition_before_its_effective_date():
    """legislation.md 1.4 opt-out: a request of 2015-03-10 takes effect 2015-04-01; on 2015-03-20
    the old designation still holds, and it ends 2015-03-31, not 2020-04-30."""
    s = multi(
        "BE",
        [("BE", 10), ("NL", 90)],
        ["NL"],
        ref="2015-03-20",
        start="2008-01-01",
        art87_8_request_date="2015-03-10",
    )
    result = decide(s)
    check(result, "BE", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")
    if result["period"] is not None:
        assert result["period"]["end"] == "2015-03-31"


def test_87a_transition_warns_of_2022_06_27():
    """legislation.md 1.2 (87a: at most until 2022-06-27) and determination.md warnings (a
    transitional regime that ends on a date)."""
    s = multi("NL", [("NL", 10), ("BE", 90)], ["NL", "BE"], ref="2016-01-01", start="2011-01-01")
    result = decide(s)
    assert result["transitional"] == {"instrument": "883/2004", "article": "87a(1)"}
    assert result["certificate"] == "PD A1"
    text = " ".join(result["warnings"])
    assert "2022-06-27" in text or "27-06-2022" in text or "27 June 2022" in text, result["warnings"]


def test_japan_treaty_instrument_is_alphabetical_with_treaty_certificate():
    """determination.md instrument `treaty:XX-YY` with the codes in alphabetical order
    (`treaty:JP-NL`); legislation.md 1.6 Japan 5 years; no PD A1 outside the regulations."""
    s = treaty_posting("JP", start="2024-01-01", end="2027-12-31")
    result = decide(s)
    assert result["legislation"] == "NL"
    assert result["provision"]["instrument"] == "treaty:JP-NL"
    assert result["a1_status_code"] is None
    assert result["certificate"] == "treaty certificate"
    assert result["provisional"] is False
    assert result["period"] == {"start": "2024-01-01", "end": "2027-12-31"}


def test_australia_treaty_instrument_string():
    """determination.md `treaty:XX-YY` alphabetical: `treaty:AU-NL`; legislation.md 1.6 (5 years)."""
    s = treaty_posting("AU", start="2024-01-01", end="2028-12-31")
    result = decide(s)
    assert (result["legislation"], result["provision"]["instrument"]) == ("NL", "treaty:AU-NL")
    assert result["certificate"] == "treaty certificate"


def test_national_nl_has_no_certificate_and_warns_of_double_or_no_cover():
    """determination.md `national:XX`: 'the warnings then say that double cover or no cover is
    possible and that no PD A1 exists'; public case C74 (article empty, code null); legislation.md
    1.6 last paragraph (no A1 or CoC)."""
    s = treaty_posting("SG", start="2024-01-01", end="2025-12-31")
    result = decide(s)
    assert summary(result) == ("NL", "national:NL", "", None)
    assert result["certificate"] is None
    assert result["provisional"] is False
    text = " ".join(result["warnings"]).lower()
    assert "same time" in text and "neither" in text and "pd a1" in text, result["warnings"]
    assert_reasons_well_formed(result)


def test_none_instrument_has_null_legislation_and_tells_what_to_do():
    """determination.md: legislation null only with instrument `none`, 'then the warnings say what
    the person must do'; no certificate, no code."""
    s = treaty_posting("SG", start="2024-01-01", end="2025-12-31", sending_state="BE")
    s["residence"] = "BE"
    s["employers"] = seats("BE")
    result = decide(s)
    assert result["legislation"] is None
    assert result["provision"]["instrument"] == "none"
    assert result["a1_status_code"] is None
    assert result["certificate"] is None
    assert result["warnings"]


def test_tca_detachment_fields():
    """Public case C66 (TCA, SSC.11(1), code null: not an EU PD A1), determination.md period = the
    posting's dates."""
    s = posting(sending_state="GB", host_state="NL", start="2022-03-01", end="2023-08-31")
    s["residence"] = "GB"
    s["work"] = work(("NL", 100))
    s["employers"] = seats("GB")
    s["reference_date"] = "2022-06-01"
    result = decide(s)
    assert summary(result) == ("GB", "TCA", "SSC.11(1)", None)
    assert result["provisional"] is False
    assert result["period"] == {"start": "2022-03-01", "end": "2023-08-31"}
    assert result["certificate"] != "PD A1"


def test_withdrawal_agreement_multistate_is_provisional_pd_a1():
    """legislation.md 1.5 (WA keeps 883 for a situation running since before 2021) with 2.2 step 6
    and 4.8 (provisional, 3.2, PD A1)."""
    s = multi("NL", [("NL", 10), ("GB", 90)], ["GB"], ref="2023-06-01", start="2019-01-01")
    check(decide(s), "GB", "883/2004", "13(1)(b)(i)", "02", provisional=True, certificate="PD A1")


# ---- warnings and reasons -----------------------------------------------------------------------------


def test_posting_over_24_months_points_to_art16():
    """Public case C03 notes ('Engine should offer an Art. 16 request') and legislation.md 2.3 P9:
    host state 11(3)(a); a warning mentions Art. 16; the failed 24-month reason gives the figures
    ('planned posting is 26 months; the limit is 24', determination.md)."""
    s = posting(start="2024-03-01", end="2026-04-30")
    result = decide(s)
    check(result, "BE", "883/2004", "11(3)(a)", "12")
    assert any("16" in w for w in result["warnings"]), result["warnings"]
    reason = next(r for r in result["reasons"] if r["code"] == "ART12_1_MAX_24_MONTHS")
    assert reason["passed"] is False
    assert "26" in reason["explanation"] and "24" in reason["explanation"]


def test_self_employed_marginal_state_is_dropped_with_a_warning():
    """legislation.md 2.2 step 5 (987 14(5b) marginal activity dropped) and determination.md warnings
    ('a share under 5 % treated as marginal'): 3 % in NL leaves BE only -> 11(3)(a)."""
    s = situation(
        residence="NL",
        employment_type="self_employed",
        work=work(("BE", 97, 97, "self_employed"), ("NL", 3, 3, "self_employed")),
        employers=[],
    )
    result = decide(s)
    check(result, "BE", "883/2004", "11(3)(a)", "12")
    assert any("marginal" in w.lower() for w in result["warnings"]), result["warnings"]


def test_short_prior_insurance_gives_a_case_by_case_warning():
    """legislation.md 2.3 P3: 'at least 1 month; a shorter period needs a case-by-case review'."""
    s = posting(insured_in_sending_state_months_before=0.5)
    result = decide(s)
    assert any("case-by-case" in w for w in result["warnings"]), result["warnings"]


def test_substantial_residence_reason_gives_the_figures():
    """determination.md reasons (code ART13_1_A_SUBSTANTIAL_IN_RESIDENCE, explanation with the figures
    used) and legislation.md 2.4 (25 % signal)."""
    result = decide(multi("NL", [("NL", 24), ("DE", 76)], ["DE"]))
    reason = next(r for r in result["reasons"] if r["code"] == "ART13_1_A_SUBSTANTIAL_IN_RESIDENCE")
    assert reason["passed"] is False
    assert "24" in reason["explanation"] and "25" in reason["explanation"]
    assert_reasons_well_formed(result)


def test_reasons_well_formed_across_kinds_of_result():
    """determination.md reasons: every reason has the four named fields, for every kind of answer."""
    kinds = [
        posting(),
        posting(replaces_posted_worker=True),
        multi("NL", [("NL", 40), ("DE", 60)], ["DE"]),
        situation(residence="ES", employment_type="inactive", work=[], employers=[]),
        treaty_posting("US", start="2024-01-01", end="2027-12-31"),
    ]
    for s in kinds:
        assert_reasons_well_formed(decide(s))


def test_failed_reasons_explain_a_replacement():
    """legislation.md 2.3 P5: replacing a posted person fails the posting; the reason says so."""
    result = decide(posting(replaces_posted_worker=True))
    check(result, "BE", "883/2004", "11(3)(a)", "12")
    assert False in codes(result).values()


# ---- edge dates ---------------------------------------------------------------------------------------


def test_posting_of_exactly_24_months_across_a_leap_day():
    """legislation.md 2.3 P4: 'A period ending the day before the 24-month anniversary is exactly 24
    months and is allowed' (calendar months, so the 29 February inside does not add a day)."""
    s = posting(start="2023-03-01", end="2025-02-28")
    s["reference_date"] = "2023-06-01"
    check(decide(s), "NL", "883/2004", "12(1)", "01", period={"start": "2023-03-01", "end": "2025-02-28"})


def test_posting_24_months_and_a_day_across_a_leap_day():
    """legislation.md 2.3 P4: ending on the anniversary is over 24 months -> 11(3)(a)."""
    s = posting(start="2023-03-01", end="2025-03-01")
    s["reference_date"] = "2023-06-01"
    check(decide(s), "BE", "883/2004", "11(3)(a)", "12")


def test_posting_of_exactly_24_months_ending_on_29_february():
    """legislation.md 2.3 P4: 2026-03-01 to 2028-02-29 ends the day before the anniversary."""
    s = posting(start="2026-03-01", end="2028-02-29")
    s["reference_date"] = "2026-03-01"
    check(decide(s), "NL", "883/2004", "12(1)", "01", period={"start": "2026-03-01", "end": "2028-02-29"})


def test_posting_ending_on_the_anniversary_after_29_february():
    """legislation.md 2.3 P4: 2026-03-01 to 2028-03-01 is 24 months and a day."""
    s = posting(start="2026-03-01", end="2028-03-01")
    s["reference_date"] = "2026-03-01"
    check(decide(s), "BE", "883/2004", "11(3)(a)", "12")


def test_self_employed_posting_exactly_24_months_across_a_leap_day():
    """legislation.md 2.3 Z4 (<= 24 months) counted as P4."""
    s = posting(start="2023-03-01", end="2025-02-28", insured_in_sending_state_months_before=6)
    s["reference_date"] = "2023-06-01"
    s["employment_type"] = "self_employed"
    s["work"] = work(("BE", 100, 100, "self_employed"))
    s["employers"] = []
    check(decide(s), "NL", "883/2004", "12(2)", "03")


def test_reference_date_on_the_last_day_of_the_posting():
    """determination.md period (posting's dates): the last planned day is still inside."""
    s = posting(start="2024-03-01", end="2025-02-28")
    s["reference_date"] = "2025-02-28"
    check(decide(s), "NL", "883/2004", "12(1)", "01", period={"start": "2024-03-01", "end": "2025-02-28"})


def test_leap_day_reference_date_is_valid():
    """determination.md: dates are ISO YYYY-MM-DD; 2024-02-29 exists."""
    s = posting(start="2024-02-29", end="2025-02-27")
    s["reference_date"] = "2024-02-29"
    check(decide(s), "NL", "883/2004", "12(1)", "01", period={"start": "2024-02-29", "end": "2025-02-27"})


def test_open_ended_posting_does_not_crash():
    """determination.md: every rule the input cannot satisfy is an error, never a crash. A posting
    without a planned end is either rejected at posting.end or is not a posting under 12(1) (2.3 P4,
    P9: no expected duration <= 24 months)."""
    s = posting(end=None)
    try:
        result = decide(s)
    except rules.InvalidSituation as exc:
        assert any(e["field"] == "posting.end" for e in exc.errors), exc.errors
    else:
        assert result["provision"]["article"] != "12(1)"


# ---- invalid input ------------------------------------------------------------------------------------


def test_missing_required_keys_all_reported():
    """determination.md: reference_date, residence, employment_type required; all errors at once."""
    s = situation()
    for key in ("reference_date", "residence", "employment_type"):
        del s[key]
    assert {"reference_date", "residence", "employment_type"} <= set(errors_of(s))


def test_share_given_as_string_is_a_type_error():
    """determination.md: time_pct is a number 0..100."""
    s = situation(
        work=[{"country": "BE", "time_pct": "100", "remuneration_pct": 100, "activity": "employed"}]
    )
    assert "work[0].time_pct" in errors_of(s)


def test_share_given_as_boolean_is_a_type_error():
    """determination.md: a share is a number; JSON true is not a number."""
    s = situation(work=[{"country": "BE", "time_pct": True, "remuneration_pct": 100, "activity": "employed"}])
    assert "work[0].time_pct" in errors_of(s)


def test_share_nan_is_an_error_not_a_crash():
    """determination.md: a share outside 0..100 is an error, never a crash."""
    s = situation(
        work=[{"country": "BE", "time_pct": math.nan, "remuneration_pct": 100, "activity": "employed"}]
    )
    assert "work[0].time_pct" in errors_of(s)


def test_remuneration_shares_not_summing_to_100():
    """determination.md: shares 'each summing to 100 over the list'."""
    s = situation(work=work(("BE", 50, 40), ("NL", 50, 50)))
    fields = errors_of(s)
    assert any(f.startswith("work") for f in fields), fields


def test_unknown_employer_seat_code():
    """determination.md: seat is a country (may be outside the EU/EEA/CH) but an unknown code is an
    error."""
    s = situation(employers=seats("ZZ"))
    assert "employers[0].seat" in errors_of(s)


def test_lower_case_host_state_is_an_error():
    """determination.md: countries are ISO 3166-1 alpha-2, upper case."""
    s = posting(host_state="be")
    assert "posting.host_state" in errors_of(s)


def test_agreement_ending_before_it_starts():
    """determination.md: `end` before `start` is an error (art16_agreement has start and end)."""
    s = posting(art16_agreement={"state": "NL", "start": "2024-03-01", "end": "2024-02-01"})
    assert "posting.art16_agreement.end" in errors_of(s)


def test_agreement_state_unknown_code():
    """determination.md: an unknown country code is an error."""
    s = posting(art16_agreement={"state": "XX", "start": "2024-03-01", "end": "2026-02-28"})
    assert "posting.art16_agreement.state" in errors_of(s)


def test_seafarer_without_flag_state_is_an_error():
    """determination.md: 'a flag_state missing for a seafarer'."""
    s = situation(employment_type="seafarer", flag_state=None)
    assert "flag_state" in errors_of(s)


def test_host_state_not_a_state_of_work():
    """determination.md: 'a posting whose host state is not a state of work'."""
    s = posting(host_state="DE")
    assert "posting.host_state" in errors_of(s)


def test_employed_with_empty_work_list():
    """determination.md: work 'may be empty only for inactive'."""
    s = situation(work=[])
    assert "work" in errors_of(s)


def test_employed_without_employers():
    """determination.md: employers 'yes for employed types'."""
    s = situation()
    del s["employers"]
    assert "employers" in errors_of(s)


def test_unknown_posting_key_is_an_error():
    """determination.md: 'Unknown keys are an error (catches typos)'."""
    s = posting()
    s["posting"]["end_date"] = "2025-02-28"
    assert "posting.end_date" in errors_of(s)


def test_unknown_enum_values():
    """determination.md: employment_type and activity are enums."""
    s = situation(employment_type="freelancer")
    s["work"][0]["activity"] = "volunteer"
    fields = errors_of(s)
    assert {"employment_type", "work[0].activity"} <= set(fields)


def test_29_february_in_a_common_year_is_an_error():
    """determination.md: dates are ISO YYYY-MM-DD; 2023-02-29 does not exist."""
    s = situation(reference_date="2023-02-29")
    assert "reference_date" in errors_of(s)


def test_nationalities_must_be_a_list():
    """determination.md: nationalities is a list of country."""
    s = situation(nationalities="NL")
    assert "nationalities" in errors_of(s)


def test_nationality_code_unknown():
    """determination.md: unknown country codes are errors, with the item's path."""
    s = situation(nationalities=["NL", "QQ"])
    assert "nationalities[1]" in errors_of(s)


def test_work_item_not_an_object():
    """determination.md: work items are objects; never a crash."""
    s = situation(work=["BE"])
    fields = errors_of(s)
    assert any(f.startswith("work[0]") for f in fields), fields


def test_negative_months_of_prior_insurance():
    """determination.md: insured_in_sending_state_months_before is a number of months."""
    s = posting(insured_in_sending_state_months_before=-1)
    assert "posting.insured_in_sending_state_months_before" in errors_of(s)


def test_posting_start_as_a_number():
    """determination.md: dates are ISO strings."""
    s = posting(start=20240301)
    assert "posting.start" in errors_of(s)


def test_duplicate_state_of_work():
    """determination.md: 'one item per state of work'."""
    s = situation(work=work(("BE", 50), ("BE", 50)))
    fields = errors_of(s)
    assert any(f.startswith("work") for f in fields), fields


def test_unknown_flag_state_code():
    """determination.md: flag_state is a country; unknown codes are errors."""
    s = situation(employment_type="seafarer", flag_state="QQ")
    assert "flag_state" in errors_of(s)


@pytest.mark.parametrize("bad", [None, "x", 3, ["not", "a", "dict"]])
def test_situation_that_is_not_an_object(bad):
    """determination.md: bad input raises InvalidSituation, never another exception."""
    with pytest.raises(rules.InvalidSituation):
        rules.determine(bad)


# ---- the period cut by the end of the Art. 87(8) transition --------------------------------------------


def test_87_8_posting_period_ends_when_the_request_takes_effect():
    """legislation.md 1.4: an 18-month posting from 2009-06-01 is the host state's under 1408/71
    (anticipated > 12 months) and the sending state's under 883/2004, so 87(8) keeps BE; a request
    of 2010-09-15 (more than 3 months after 2010-05-01) takes effect on 2010-10-01, so the 1408/71
    answer covers the posting only until 2010-09-30. Failed before the fix (period to 2010-11-30)."""
    s = posting(start="2009-06-01", end="2010-11-30")
    s["reference_date"] = "2010-06-15"
    s["art87_8_request_date"] = "2010-09-15"
    result = decide(s)
    check(
        result,
        "BE",
        "1408/71",
        "13(2)(a)",
        "12",
        transitional="87(8)",
        certificate="PD A1",
        period={"start": "2009-06-01", "end": "2010-09-30"},
    )
    assert any("2010-09-30" in w for w in result["warnings"])


def test_87_8_posting_without_request_keeps_the_posting_period():
    """legislation.md 1.4: without a request or change the transition outlasts the posting, so the
    period is the posting's (determination.md)."""
    s = posting(start="2009-06-01", end="2010-11-30")
    s["reference_date"] = "2010-06-15"
    check(
        decide(s),
        "BE",
        "1408/71",
        "13(2)(a)",
        "12",
        transitional="87(8)",
        period={"start": "2009-06-01", "end": "2010-11-30"},
    )


def test_after_the_87_8_request_the_posting_is_883_from_the_effective_date():
    """legislation.md 1.4: from 2010-10-01 883/2004 decides: 12(1), 18 months <= 24, NL, PD A1 3.1."""
    s = posting(start="2009-06-01", end="2010-11-30")
    s["reference_date"] = "2010-10-15"
    s["art87_8_request_date"] = "2010-09-15"
    check(decide(s), "NL", "883/2004", "12(1)", "01", certificate="PD A1")


def test_1408_extension_e102_period_is_the_extension():
    """legislation.md 3.1 step 5 (14(1)(b): at most 12 more months with the host state's consent,
    form E102); determination.md period = the agreement's dates."""
    s = posting(
        start="2008-01-01",
        end="2009-06-30",
        art16_agreement={"state": "NL", "start": "2009-01-01", "end": "2009-06-30"},
    )
    s["reference_date"] = "2009-03-01"
    check(
        decide(s),
        "NL",
        "1408/71",
        "14(1)(b)",
        None,
        certificate="E102",
        period={"start": "2009-01-01", "end": "2009-06-30"},
    )


# ---- dates at the end of the calendar: an answer or an error, never a crash ------------------------


def test_posting_with_an_open_end_of_9999_12_31_is_over_24_months():
    """determination.md ('an error with a plain message, never a crash'; dates are ISO dates) and
    legislation.md 2.3 P4/P9: a planned end of 9999-12-31 (a common 'open' end) is far over 24
    months, so the host state, with the Art. 16 hint. Failed before the fix: OverflowError."""
    s = posting(end="9999-12-31")
    result = decide(s)
    check(result, "BE", "883/2004", "11(3)(a)", "12", period={"start": "2024-03-01", "end": "9999-12-31"})
    assert any("16" in w for w in result["warnings"])
    assert codes(result)["ART12_1_MAX_24_MONTHS"] is False


def test_posting_in_the_last_year_of_the_calendar_is_counted_exactly():
    """legislation.md 2.3 P4: 9999-01-01 to 9999-12-31 is 12 months, within 24, so 12(1); the
    24-month anniversary lies beyond the calendar. Failed before the fix: ValueError (year 10001)."""
    s = posting(start="9999-01-01", end="9999-12-31")
    s["reference_date"] = "9999-06-01"
    result = decide(s)
    check(result, "NL", "883/2004", "12(1)", "01", period={"start": "9999-01-01", "end": "9999-12-31"})
    reason = next(r for r in result["reasons"] if r["code"] == "ART12_1_MAX_24_MONTHS")
    assert "12 months" in reason["explanation"]


def test_treaty_posting_with_an_open_end_is_over_the_maximum():
    """legislation.md 1.6 (USA: 5 years) and determination.md (never a crash): an end of 9999-12-31
    exceeds the treaty maximum, so the treaty's general rule gives US. Failed before the fix."""
    s = treaty_posting("US", start="2024-01-01", end="9999-12-31")
    result = decide(s)
    assert result["legislation"] == "US"
    assert result["provision"]["instrument"] == "treaty:NL-US"


def test_one_day_posting_on_the_last_date_there_is():
    """legislation.md 2.3 P4 and determination.md: start = end = 9999-12-31 is a one-day posting.
    Failed before the fix: ValueError."""
    s = posting(start="9999-12-31", end="9999-12-31")
    s["reference_date"] = "9999-12-31"
    result = decide(s)
    check(result, "NL", "883/2004", "12(1)", "01")
    reason = next(r for r in result["reasons"] if r["code"] == "ART12_1_MAX_24_MONTHS")
    assert "1 day" in reason["explanation"]


# ---- further fields: warnings, instrument strings, boundaries -----------------------------------------


def test_art16_agreement_over_five_years_warns_of_dutch_practice():
    """legislation.md 2.5 (16(1): 'NL practice: postings over 24 months up to 5 years') and 2.3 P9:
    the agreement decides, but a warning notes the 5-year practice."""
    s = posting(
        start="2024-03-01",
        end="2030-02-28",
        art16_agreement={"state": "NL", "start": "2024-03-01", "end": "2030-02-28"},
    )
    result = decide(s)
    check(result, "NL", "883/2004", "16(1)", "11", period={"start": "2024-03-01", "end": "2030-02-28"})
    assert any("5 years" in w for w in result["warnings"]), result["warnings"]


def test_exactly_five_percent_is_not_marginal():
    """legislation.md 2.2 step 5 ('< ~5%') and determination.md ('a share under 5 % treated as
    marginal'): 5 % is not under 5 %, so two states of work remain and Art. 13 decides."""
    result = decide(multi("NL", [("BE", 95), ("DE", 5)], ["NL"]))
    check(result, "NL", "883/2004", "13(1)(b)(i)", "02", provisional=True)
    assert not any("marginal" in w.lower() for w in result["warnings"])


def test_posting_with_work_in_a_third_state_is_multistate_with_a_warning():
    """legislation.md 2.2 step 6 (more than one state of work, not temporary: Art. 13, provisional)
    and determination.md warnings (what the caseworker should know)."""
    s = posting()
    s["work"] = work(("BE", 60), ("DE", 40))
    result = decide(s)
    check(result, "NL", "883/2004", "13(1)(b)(i)", "02", provisional=True, period=None)
    assert result["warnings"]


def test_new_zealand_treaty_instrument_is_alphabetical():
    """determination.md `treaty:XX-YY` in alphabetical order: NL before NZ."""
    result = decide(treaty_posting("NZ", start="2024-01-01", end="2028-12-31"))
    assert (result["legislation"], result["provision"]["instrument"]) == ("NL", "treaty:NL-NZ")
    assert result["certificate"] == "treaty certificate"


def test_canada_treaty_article_in_roman_numerals():
    """legislation.md 1.6 (Canada: Art. VI(2)(a), 60 months) and determination.md (article without
    'Art.')."""
    result = decide(treaty_posting("CA", start="2024-01-01", end="2028-12-31"))
    assert summary(result) == ("NL", "treaty:CA-NL", "VI(2)(a)", None)


def test_tca_self_employed_detachment_is_ssc_11_2():
    """legislation.md 1.5 (SSC.11: employee or self-employed sent temporarily, <= 24 months);
    determination.md article format `SSC.11(1)`, here the self-employed paragraph; period = the
    posting's dates; no EU PD A1 status code (public case C66)."""
    s = posting(host_state="GB", start="2024-03-01", end="2025-02-28")
    s["employment_type"] = "self_employed"
    s["work"] = work(("GB", 100, 100, "self_employed"))
    s["employers"] = []
    result = decide(s)
    assert summary(result) == ("NL", "TCA", "SSC.11(2)", None)
    assert result["provisional"] is False
    assert result["period"] == {"start": "2024-03-01", "end": "2025-02-28"}


def test_inactive_uk_resident_after_brexit_has_no_certificate():
    """legislation.md 1.5 (TCA from 2021, SSC.10 follows 883: residence for the inactive) and 2.2
    step 7 (no A1)."""
    s = situation(residence="GB", employment_type="inactive", work=[], employers=[])
    result = decide(s)
    assert result["legislation"] == "GB"
    assert result["provision"]["instrument"] == "TCA"
    assert result["certificate"] is None
    assert result["a1_status_code"] is None


def test_1408_self_employed_posting_period_and_e101():
    """legislation.md 3.1 step 7 (14a(1): temporary work abroad <= 12 months) and 3 notes (E101);
    determination.md period = the posting's dates."""
    s = posting(start="2008-03-01", end="2009-02-28")
    s["reference_date"] = "2008-06-01"
    s["employment_type"] = "self_employed"
    s["work"] = work(("BE", 100, 100, "self_employed"))
    s["employers"] = []
    check(
        decide(s),
        "NL",
        "1408/71",
        "14a(1)",
        None,
        certificate="E101",
        period={"start": "2008-03-01", "end": "2009-02-28"},
    )


def test_original_883_wording_before_465_2012_keeps_code_02():
    """legislation.md 1.2 (before 2012-06-28 the original 13(1)(b): employer's seat) and 4.8 (3.2,
    provisional)."""
    s = multi("NL", [("NL", 10), ("BE", 90)], ["BE"], ref="2011-06-01", start="2011-01-01")
    check(decide(s), "BE", "883/2004", "13(1)(b)", "02", provisional=True, certificate="PD A1")


def test_sending_state_equal_to_host_state_is_an_error():
    """determination.md: 'a posting from one state to another'."""
    s = posting(sending_state="BE")
    assert "posting.host_state" in errors_of(s) or "posting.sending_state" in errors_of(s)


def test_inactive_person_with_a_posting_is_an_error():
    """determination.md: work 'may be empty only for inactive'; a posting needs a state of work."""
    s = situation(residence="NL", employment_type="inactive", work=[], employers=[], posting={})
    assert any(f.startswith("posting") for f in errors_of(s))


def test_87_8_period_is_never_inverted():
    """determination.md period {start, end}: the transition (to 2020-04-30) is not cut into a posting
    that only starts in 2024 (an unchanged situation since 2008 with a later posting); the period
    stays the posting's and is never inverted (found by the s9d fuzz of the 87(8) cut above)."""
    s = posting(start="2024-06-01", end="2025-11-30")
    s["situation_start"] = "2008-01-01"
    s["reference_date"] = "2015-06-01"
    result = decide(s)
    period = result["period"]
    assert period is None or period["start"] <= period["end"], result
