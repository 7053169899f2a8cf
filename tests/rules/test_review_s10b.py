"""Review s10b: blind cases on combinations and interactions.

Written from shared/domain/legislation.md (cited per case as "L§x.y") and
shared/contracts/determination.md ("contract") before reading rules/. Each
case states the expected answer and where it comes from.
"""

from __future__ import annotations

import math

import pytest

import rules
from tests.rules.builders import UNSET, check, posting, seats, situation, work

D = rules.determine


def expect(
    res, legislation, instrument=UNSET, article=UNSET, code=UNSET, *, provisional=UNSET, transitional=UNSET
):
    """Assert only what the case pins down."""
    why = res["reasons"]
    assert res["legislation"] == legislation, why
    if instrument is not UNSET:
        assert res["provision"]["instrument"] == instrument, why
    if article is not UNSET:
        assert res["provision"]["article"] == article, why
    if code is not UNSET:
        assert res["a1_status_code"] == code, why
    if provisional is not UNSET:
        assert res["provisional"] is provisional, why
    if transitional is not UNSET:
        if transitional is None:
            assert res["transitional"] is None, why
        else:
            assert res["transitional"] == {"instrument": "883/2004", "article": transitional}, why


def invalid(s) -> list[dict]:
    with pytest.raises(rules.InvalidSituation) as exc:
        D(s)
    errors = exc.value.errors
    assert errors and all(isinstance(e, dict) and "field" in e and "message" in e for e in errors)
    return errors


def multi(residence, items, employer_seats, **kw):
    return situation(residence=residence, work=work(*items), employers=seats(*employer_seats), **kw)


# ---------------------------------------------------------------------------
# A. Art. 13(1): residence in a state where the person does not work (L§2.4)
# ---------------------------------------------------------------------------


def test_a1_lives_de_works_nl_be_one_nl_employer():
    # L§2.4: R=DE, share 0 -> not substantial; one employer -> seat NL, 13(1)(b)(i)
    check(
        D(multi("DE", [("NL", 60), ("BE", 40)], ["NL"])),
        "NL",
        "883/2004",
        "13(1)(b)(i)",
        "02",
        provisional=True,
    )


def test_a2_lives_de_works_nl_be_employers_nl_be_gives_residence_de():
    # L§2.4: several employers, seats {NL, BE}, both other than R=DE -> R, 13(1)(b)(iv)
    check(
        D(multi("DE", [("NL", 60), ("BE", 40)], ["NL", "BE"])),
        "DE",
        "883/2004",
        "13(1)(b)(iv)",
        "02",
        provisional=True,
    )


def test_a3_lives_de_no_work_there_employers_nl_and_de():
    # L§2.4: seats == {R=DE, X=NL} -> X, 13(1)(b)(iii)
    check(
        D(multi("DE", [("NL", 80), ("BE", 20)], ["NL", "DE"])),
        "NL",
        "883/2004",
        "13(1)(b)(iii)",
        "02",
        provisional=True,
    )


def test_a4_three_employers_nl_nl_de_lives_de():
    # L§2.4: seats set {NL, DE} == {R, X} -> NL, 13(1)(b)(iii)
    check(
        D(multi("DE", [("NL", 70), ("BE", 30)], ["NL", "NL", "DE"])),
        "NL",
        "883/2004",
        "13(1)(b)(iii)",
        "02",
        provisional=True,
    )


def test_a5_three_seats_including_residence_gives_residence():
    # L§2.4: seats {NL, BE, DE}, R=DE: two seats other than R -> R, 13(1)(b)(iv)
    check(
        D(multi("DE", [("DE", 10), ("NL", 50), ("BE", 40)], ["NL", "BE", "DE"])),
        "DE",
        "883/2004",
        "13(1)(b)(iv)",
        "02",
        provisional=True,
    )


def test_a6_lives_nl_10pct_employers_nl_and_be():
    # L§2.4: seats {R=NL, BE} -> BE, 13(1)(b)(iii)
    check(
        D(multi("NL", [("NL", 10), ("BE", 90)], ["NL", "BE"])),
        "BE",
        "883/2004",
        "13(1)(b)(iii)",
        "02",
        provisional=True,
    )


def test_a7_one_employer_seated_in_residence_where_no_work():
    # L§2.4: R=NL not worked in, one employer seated NL -> 13(1)(b)(i) NL
    check(
        D(multi("NL", [("DE", 50), ("BE", 50)], ["NL"])),
        "NL",
        "883/2004",
        "13(1)(b)(i)",
        "02",
        provisional=True,
    )


def test_a8_substantial_by_pay_only():
    # L§2.4: substantial(R) := time >= 25 OR pay >= 25
    s = multi("BE", [("BE", 20, 30), ("NL", 80, 70)], ["NL"])
    check(D(s), "BE", "883/2004", "13(1)(a)", "02", provisional=True)


# ---------------------------------------------------------------------------
# B. Employers seated outside the EU/EEA/CH (987 Art. 14(11)), L§2.4
# ---------------------------------------------------------------------------


def test_b1_single_us_employer_not_substantial_in_residence():
    # L§2.4: not substantial in R, employer outside EU/EEA/CH -> R under 987 14(11)
    check(
        D(multi("NL", [("NL", 10), ("DE", 90)], ["US"])), "NL", "987/2009", "14(11)", "02", provisional=True
    )


def test_b2_us_and_nl_employers_lives_be():
    # L§2.4: "any employer seated outside EU/EEA/CH -> R" comes before (b)(i)-(iv)
    s = multi("BE", [("BE", 10), ("NL", 50), ("DE", 40)], ["NL", "US"])
    check(D(s), "BE", "987/2009", "14(11)", "02", provisional=True)


def test_b3_us_employer_but_substantial_in_residence():
    # L§2.4: substantial(R) is tested first -> 13(1)(a)
    check(
        D(multi("NL", [("NL", 30), ("DE", 70)], ["US"])), "NL", "883/2004", "13(1)(a)", "02", provisional=True
    )


def test_b4_swiss_employer_is_not_outside():
    # L§1.1: CH is a regulation country; one employer -> seat CH, 13(1)(b)(i)
    check(
        D(multi("NL", [("NL", 10), ("DE", 90)], ["CH"])),
        "CH",
        "883/2004",
        "13(1)(b)(i)",
        "02",
        provisional=True,
    )


def test_b5_norwegian_employer_is_not_outside():
    check(
        D(multi("NL", [("NL", 10), ("DE", 90)], ["NO"])),
        "NO",
        "883/2004",
        "13(1)(b)(i)",
        "02",
        provisional=True,
    )


def test_b6_us_employer_lives_in_non_work_state():
    # L§2.4: R=BE, employer outside -> R even though no work in BE (987 14(11))
    check(
        D(multi("BE", [("NL", 50), ("DE", 50)], ["US"])), "BE", "987/2009", "14(11)", "02", provisional=True
    )


def test_b7_us_employer_single_state_of_work_is_lex_loci():
    # L§2.2 step 6: one state of work, no posting -> 11(3)(a); the seat does not matter
    check(D(multi("NL", [("DE", 100)], ["US"])), "DE", "883/2004", "11(3)(a)", "12")


# ---------------------------------------------------------------------------
# C. Marginal activities, 987 Art. 14(5b) (L§2.2 step 5: < ~5% time AND pay)
# ---------------------------------------------------------------------------


def test_c1_marginal_work_in_residence_dropped_then_lex_loci():
    # L§2.2 steps 5-6: BE 4/4 dropped; only NL left, no posting -> 11(3)(a) NL
    # (without the drop: not substantial in BE, seat BE -> BE under 13(1)(b)(i))
    res = D(multi("BE", [("BE", 4), ("NL", 96)], ["BE"]))
    check(res, "NL", "883/2004", "11(3)(a)", "12")
    assert res["warnings"], "the marginal share should be mentioned"


def test_c2_marginal_needs_both_time_and_pay_under_5():
    # L§2.2 step 5: 4% time but 10% pay is not marginal; 13(1) applies, not substantial -> seat DE
    check(
        D(multi("NL", [("NL", 4, 10), ("DE", 96, 90)], ["DE"])),
        "DE",
        "883/2004",
        "13(1)(b)(i)",
        "02",
        provisional=True,
    )


def test_c3_exactly_5pct_is_not_marginal():
    # L§2.2 step 5: "< ~5%"; 5% stays; multi-state -> DE 13(1)(b)(i)
    check(
        D(multi("NL", [("NL", 5), ("DE", 95)], ["DE"])),
        "DE",
        "883/2004",
        "13(1)(b)(i)",
        "02",
        provisional=True,
    )


def test_c4_marginal_in_non_residence_state_leaves_domestic_work():
    # NL resident, NL employer, 96 NL + 4 BE: BE dropped -> 11(3)(a) NL
    check(D(multi("NL", [("NL", 96), ("BE", 4)], ["NL"])), "NL", "883/2004", "11(3)(a)", "12")


def test_c5_marginal_residence_drop_leaves_two_states():
    # NL 3% dropped; DE+BE remain; R=NL not worked in; seat DE -> 13(1)(b)(i)
    check(
        D(multi("NL", [("NL", 3), ("DE", 50), ("BE", 47)], ["DE"])),
        "DE",
        "883/2004",
        "13(1)(b)(i)",
        "02",
        provisional=True,
    )


def test_c6_marginal_self_employed_side_activity_under_13_3():
    # 987 14(5b) applies to all of Art. 13: a 3% self-employed activity in BE is dropped;
    # what is left is employment in NL only -> 11(3)(a) NL (not 13(3))
    s = situation(
        residence="BE",
        employment_type="employed_and_self_employed",
        work=work(("NL", 97, 97, "employed"), ("BE", 3, 3, "self_employed")),
        employers=seats("NL"),
    )
    check(D(s), "NL", "883/2004", "11(3)(a)", "12")


def test_c7_marginal_self_employed_multi_state():
    # self-employed NL 97 / BE 3, lives BE: BE dropped -> 11(3)(a) NL
    s = situation(
        residence="BE",
        employment_type="self_employed",
        work=work(("NL", 97, 97, "self_employed"), ("BE", 3, 3, "self_employed")),
        employers=[],
    )
    check(D(s), "NL", "883/2004", "11(3)(a)", "12")


# ---------------------------------------------------------------------------
# D. Self-employed in two or more states, 13(2) (L§2.4)
# ---------------------------------------------------------------------------


def _se(residence, *items):
    return situation(
        residence=residence,
        employment_type="self_employed",
        work=work(*[(c, t, p, "self_employed") for c, t, p in items]),
        employers=[],
    )


def test_d1_self_employed_substantial_by_time_only():
    check(D(_se("BE", ("BE", 25, 10), ("NL", 75, 90))), "BE", "883/2004", "13(2)(a)", "04", provisional=True)


def test_d2_self_employed_substantial_by_income_only():
    check(D(_se("BE", ("BE", 10, 30), ("NL", 90, 70))), "BE", "883/2004", "13(2)(a)", "04", provisional=True)


def test_d3_self_employed_centre_of_interest_largest_share():
    # L§2.4: not substantial in R -> centre of interest (13(2)(b)); with only shares known, NL
    check(
        D(_se("BE", ("BE", 20, 20), ("NL", 50, 50), ("DE", 30, 30))),
        "NL",
        "883/2004",
        "13(2)(b)",
        "04",
        provisional=True,
    )


def test_d4_self_employed_lives_where_no_activity():
    check(D(_se("DE", ("NL", 60, 60), ("BE", 40, 40))), "NL", "883/2004", "13(2)(b)", "04", provisional=True)


def test_d5_self_employed_centre_in_switzerland():
    check(D(_se("NL", ("NL", 10, 10), ("CH", 90, 90))), "CH", "883/2004", "13(2)(b)", "04", provisional=True)


# ---------------------------------------------------------------------------
# E. Employed in one state and self-employed in another, 13(3) (L§2.4)
# ---------------------------------------------------------------------------


def _es(residence, items, employer_seats):
    return situation(
        residence=residence,
        employment_type="employed_and_self_employed",
        work=work(*items),
        employers=seats(*employer_seats),
    )


def test_e1_employment_state_wins_over_residence_with_more_self_employment():
    s = _es("FR", [("NL", 30, 30, "employed"), ("FR", 70, 70, "self_employed")], ["NL"])
    check(D(s), "NL", "883/2004", "13(3)", "08", provisional=True)


def test_e2_employment_in_switzerland():
    s = _es("NL", [("CH", 50, 50, "employed"), ("NL", 50, 50, "self_employed")], ["CH"])
    check(D(s), "CH", "883/2004", "13(3)", "08", provisional=True)


def test_e3_employment_spans_two_states_self_employment_in_residence():
    # L§2.4: employment in NL and DE -> apply 13(1) to the employment; no employment in
    # R=BE -> one employer seated NL -> NL. The self-employed 30% in BE does not make BE
    # "substantial" employment.
    s = _es(
        "BE",
        [("NL", 40, 40, "employed"), ("DE", 30, 30, "employed"), ("BE", 30, 30, "self_employed")],
        ["NL"],
    )
    expect(D(s), "NL", "883/2004")


def test_e4_employment_spans_two_states_including_residence_substantially():
    # employment BE 30 (substantial however counted) + NL 30, self-employed DE 40, lives BE -> BE
    s = _es(
        "BE",
        [("BE", 30, 30, "employed"), ("NL", 30, 30, "employed"), ("DE", 40, 40, "self_employed")],
        ["NL"],
    )
    expect(D(s), "BE", "883/2004")


def test_e5_employed_and_self_employed_1408_employment_state():
    # L§3.1 step 8: 14c(a) -> state of employment
    s = _es("FR", [("NL", 50, 50, "employed"), ("FR", 50, 50, "self_employed")], ["NL"])
    s.update(reference_date="2009-06-01", situation_start="2009-01-01")
    expect(D(s), "NL", "1408/71", "14c(a)")


# ---------------------------------------------------------------------------
# F. Civil servants, 11(3)(b) and 13(4) (L§2.2 step 2, L§2.4)
# ---------------------------------------------------------------------------


def test_f1_civil_servant_plus_employment_in_residence():
    s = situation(
        residence="BE",
        employment_type="civil_servant_and_employed",
        work=work(("NL", 40, 40, "civil_servant"), ("BE", 60, 60, "employed")),
        employers=seats("NL", "BE"),
    )
    check(D(s), "NL", "883/2004", "13(4)", "09", provisional=True)


def test_f2_civil_servant_plus_self_employment():
    s = situation(
        residence="NL",
        employment_type="civil_servant_and_employed",
        work=work(("DE", 30, 30, "civil_servant"), ("NL", 70, 70, "self_employed")),
        employers=seats("DE"),
    )
    check(D(s), "DE", "883/2004", "13(4)", "09", provisional=True)


def test_f3_civil_servant_only_working_in_two_states():
    # L§2.2 step 2: civil servant, only activity -> 11(3)(b), not provisional
    s = situation(
        residence="NL",
        employment_type="civil_servant",
        work=work(("NL", 50, 50, "civil_servant"), ("BE", 50, 50, "civil_servant")),
        employers=seats("NL"),
    )
    check(D(s), "NL", "883/2004", "11(3)(b)", "05")


def test_f4_civil_servant_posted_36_months_stays_11_3_b():
    # L§2.2 notes: a posted civil servant stays under 11(3)(b); no 24-month limit
    s = posting(start="2024-01-01", end="2026-12-31")
    s.update(employment_type="civil_servant", work=work(("BE", 100, 100, "civil_servant")))
    check(D(s), "NL", "883/2004", "11(3)(b)", "05")


def test_f5_civil_servant_under_1408():
    # L§3.1 step 3: 13(2)(d)
    s = situation(
        reference_date="2009-06-01",
        situation_start="2008-01-01",
        residence="BE",
        employment_type="civil_servant",
        work=work(("BE", 100, 100, "civil_servant")),
        employers=seats("NL"),
    )
    expect(D(s), "NL", "1408/71", "13(2)(d)")


# ---------------------------------------------------------------------------
# G. Flight crew, 11(5) and 987 14(5a) (from 2012-06-28), with Art. 87a
# ---------------------------------------------------------------------------


def _crew(residence, items, home_base, seat="IE", **kw):
    return situation(
        residence=residence,
        employment_type="flight_crew",
        work=work(*items),
        employers=seats(seat),
        home_base=home_base,
        **kw,
    )


def test_g1_home_base_beats_substantial_residence():
    # L§2.4: aircrew in two or more states -> home-base state (987 14(5a) 2nd subpara);
    # FR 30% would otherwise be substantial. Public case C44 shape: 13(1), code 10.
    s = _crew("FR", [("FR", 30), ("BE", 40), ("ES", 30)], "BE")
    check(D(s), "BE", "883/2004", "13(1)", "10", provisional=True)


def test_g2_home_base_with_non_eu_airline():
    # the home base rule locates the work; the airline's seat outside the EU does not
    # send the case to 987 14(11) (residence NL, 0% there)
    s = _crew("NL", [("ES", 50), ("FR", 50)], "ES", seat="AE")
    expect(D(s), "ES", "883/2004", code="10", provisional=True)


def test_g3_single_state_crew_is_11_5():
    # L§4.8: 11(5) -> home-base state, code 10, not provisional
    s = _crew("NL", [("DE", 100)], "DE")
    check(D(s), "DE", "883/2004", "11(5)", "10")


def test_g4_crew_2011_original_wording_residence_substantial():
    # before 2012-06-28 no home-base rule (L§1.2): FR 30% substantial -> FR 13(1)(a)
    s = _crew(
        "FR",
        [("FR", 30), ("BE", 40), ("ES", 30)],
        "BE",
        reference_date="2011-09-01",
        situation_start="2011-01-01",
    )
    expect(D(s), "FR", "883/2004", "13(1)(a)", transitional=None)


def test_g5_crew_2015_kept_by_87a():
    # L§1.2 Art. 87a: the 465/2012 change makes BE competent; FR stays while unchanged
    s = _crew(
        "FR",
        [("FR", 30), ("BE", 40), ("ES", 30)],
        "BE",
        reference_date="2015-01-01",
        situation_start="2011-01-01",
    )
    expect(D(s), "FR", "883/2004", transitional="87a(1)")


def test_g6_crew_87a_cap_passed():
    # L§1.2: 10 years from 2012-06-28, so until 2022-06-27
    s = _crew(
        "FR",
        [("FR", 30), ("BE", 40), ("ES", 30)],
        "BE",
        reference_date="2022-07-01",
        situation_start="2011-01-01",
    )
    expect(D(s), "BE", "883/2004", transitional=None)


def test_g7_crew_87a_request_late_takes_effect_next_month():
    # L§1.2: request after 29-09-2012 takes effect on the first day of the following month
    s = _crew(
        "FR",
        [("FR", 30), ("BE", 40), ("ES", 30)],
        "BE",
        reference_date="2014-03-15",
        situation_start="2011-01-01",
        art87_8_request_date="2014-02-10",
    )
    expect(D(s), "BE", "883/2004", transitional=None)


def test_g8_crew_87a_request_late_not_yet_effective():
    s = _crew(
        "FR",
        [("FR", 30), ("BE", 40), ("ES", 30)],
        "BE",
        reference_date="2014-02-20",
        situation_start="2011-01-01",
        art87_8_request_date="2014-02-10",
    )
    expect(D(s), "FR", "883/2004", transitional="87a(1)")


def test_g9_crew_87a_not_triggered_when_same_state():
    # home base FR = residence: both wordings give FR, no transition
    s = _crew(
        "FR",
        [("FR", 30), ("BE", 40), ("ES", 30)],
        "FR",
        reference_date="2015-01-01",
        situation_start="2011-01-01",
    )
    expect(D(s), "FR", "883/2004", transitional=None)


# ---------------------------------------------------------------------------
# H. Seafarers, 11(4) (L§2.5)
# ---------------------------------------------------------------------------


def _sea(residence, flag, seat, **kw):
    return situation(
        residence=residence,
        employment_type="seafarer",
        work=work((flag, 100)),
        employers=seats(seat),
        flag_state=flag,
        **kw,
    )


def test_h1_paid_from_nl_but_lives_be_flag_applies():
    # 11(4) second sentence needs seat AND residence in the same other state
    check(D(_sea("BE", "MT", "NL")), "MT", "883/2004", "11(4)", "07")


def test_h2_nl_flag_de_employer_lives_de():
    check(D(_sea("DE", "NL", "DE")), "DE", "883/2004", "11(4)", "07")


def test_h3_de_flag_de_employer_lives_nl():
    check(D(_sea("NL", "DE", "DE")), "DE", "883/2004", "11(4)", "07")


def test_h4_norwegian_flag_nl_employer_lives_nl():
    check(D(_sea("NL", "NO", "NL")), "NL", "883/2004", "11(4)", "07")


def test_h5_norwegian_flag_before_eea_start_uses_1408():
    # L§1.2: NO under 883 from 2012-06-01; before that 1408/71 (14b(4): paid from and living in NL)
    s = _sea("NL", "NO", "NL", reference_date="2011-06-01", situation_start="2011-01-01")
    expect(D(s), "NL", "1408/71")


def test_h6_third_country_flag_nl_employer_lives_nl():
    # 11(4) is limited to member-state flags; NL resident paid by NL employer stays NL
    # (whatever the route: residence or national law)
    expect(D(_sea("NL", "PA", "NL")), "NL")


def test_h7_seafarer_without_flag_is_an_error():
    s = _sea("NL", "NL", "NL")
    s["flag_state"] = None
    invalid(s)


def test_h8_seafarer_flag_unknown_code_is_an_error():
    s = _sea("NL", "NL", "NL")
    s["flag_state"] = "XX"
    invalid(s)


# ---------------------------------------------------------------------------
# I. Posting of a self-employed person, 12(2), L§2.3 Z1-Z4
# ---------------------------------------------------------------------------


def _se_post(**p):
    s = posting(**p)
    s.update(employment_type="self_employed", work=work(("BE", 100, 100, "self_employed")), employers=[])
    return s


def test_i1_self_employed_one_month_prior_activity_fails():
    # Z1: SVB requires >= 2 months -> host 11(3)(a)
    check(D(_se_post(insured_in_sending_state_months_before=1)), "BE", "883/2004", "11(3)(a)", "12")


def test_i2_self_employed_two_months_prior_activity_passes():
    check(D(_se_post(insured_in_sending_state_months_before=2)), "NL", "883/2004", "12(2)", "03")


def test_i3_self_employed_exactly_24_months():
    check(D(_se_post(start="2024-03-01", end="2026-02-28")), "NL", "883/2004", "12(2)", "03")


def test_i4_self_employed_24_months_and_a_day():
    check(D(_se_post(start="2024-03-01", end="2026-03-01")), "BE", "883/2004", "11(3)(a)", "12")


def test_i5_self_employed_living_in_be_posted_from_nl_to_de():
    s = _se_post(host_state="DE")
    s.update(residence="BE", work=work(("DE", 100, 100, "self_employed")))
    check(D(s), "NL", "883/2004", "12(2)", "03")


def test_i6_employed_one_month_prior_insurance_passes():
    # P3: at least 1 month
    check(D(posting(insured_in_sending_state_months_before=1)), "NL", "883/2004", "12(1)", "01")


def test_i7_self_employed_posting_1408_within_12_months():
    # L§3.1 step 7: 14a(1)
    s = _se_post(start="2009-01-01", end="2009-10-31")
    s.update(reference_date="2009-03-01")
    expect(D(s), "NL", "1408/71", "14a(1)")


def test_i8_self_employed_posting_with_art16_agreement():
    s = _se_post(
        start="2024-01-01",
        end="2027-12-31",
        art16_agreement={"state": "NL", "start": "2024-01-01", "end": "2027-12-31"},
    )
    check(D(s), "NL", "883/2004", "16(1)", "11")


# ---------------------------------------------------------------------------
# J. Third-country nationals: 1231/2010 (EU minus DK/UK) vs 859/2003 (with UK) (L§1.3)
# ---------------------------------------------------------------------------


def test_j1_indian_national_nl_to_be_covered_by_1231():
    check(
        D(posting(start="2024-03-01", end="2025-02-28") | {"nationalities": ["IN"]}),
        "NL",
        "883/2004",
        "12(1)",
        "01",
    )


def test_j2_indian_national_nl_to_dk_not_covered():
    # L§1.3: 1231/2010 does not apply to Denmark -> no coordination; NL national law (contract)
    s = posting(host_state="DK")
    s.update(nationalities=["IN"], work=work(("DK", 100)))
    res = D(s)
    expect(res, "NL", "national:NL", code=None)
    assert res["certificate"] is None


def test_j3_indian_national_nl_to_no_not_covered():
    s = posting(host_state="NO")
    s.update(nationalities=["IN"], work=work(("NO", 100)))
    expect(D(s), "NL", "national:NL", code=None)


def test_j4_indian_national_nl_to_ch_not_covered():
    s = posting(host_state="CH")
    s.update(nationalities=["IN"], work=work(("CH", 100)))
    expect(D(s), "NL", "national:NL", code=None)


def test_j5_dual_national_is_covered_for_dk():
    s = posting(host_state="DK")
    s.update(nationalities=["IN", "DE"], work=work(("DK", 100)))
    check(D(s), "NL", "883/2004", "12(1)", "01")


def test_j6_indian_national_nl_to_gb_2020_under_1408_via_859():
    # L§1.3: the UK was not bound by 1231/2010 but by 859/2003, which extends 1408/71
    # (R883 Art. 90(1)(a)); 10 months <= 12 -> 1408/71 14(1)(a), E101
    s = posting(host_state="GB", start="2020-01-01", end="2020-10-31")
    s.update(nationalities=["IN"], work=work(("GB", 100)), reference_date="2020-06-01")
    res = D(s)
    expect(res, "NL", "1408/71", "14(1)(a)")


def test_j7_indian_national_nl_to_gb_2020_18_months():
    # 1408/71: anticipated > 12 months -> host 13(2)(a)
    s = posting(host_state="GB", start="2020-01-01", end="2021-06-30")
    s.update(nationalities=["IN"], work=work(("GB", 100)), reference_date="2020-06-01")
    expect(D(s), "GB", "1408/71", "13(2)(a)")


def test_j8_us_national_2010_before_1231_uses_1408():
    # 883 from 2010-05-01 but 1231/2010 only from 2011-01-01: TCN stays under 1408/71 via 859/2003
    s = posting(start="2010-09-01", end="2011-06-30")
    s.update(nationalities=["US"], reference_date="2010-10-01")
    expect(D(s), "NL", "1408/71", "14(1)(a)")


def test_j9_us_national_2011_after_1231_uses_883():
    s = posting(start="2011-02-01", end="2011-12-31")
    s.update(nationalities=["US"], reference_date="2011-03-01")
    check(D(s), "NL", "883/2004", "12(1)", "01")


# ---------------------------------------------------------------------------
# K. States joining 883 during a situation; 87(8) with CH / EEA (L§1.2, §1.4)
# ---------------------------------------------------------------------------


def _no_posting(**p):
    s = posting(host_state="NO", **p)
    s["work"] = work(("NO", 100))
    return s


def test_k1_posting_to_norway_before_eea_start():
    s = _no_posting(start="2012-05-01", end="2012-12-31")
    s["reference_date"] = "2012-05-15"
    expect(D(s), "NL", "1408/71", "14(1)(a)")


def test_k2_posting_to_norway_spanning_eea_start_same_state_gives_883():
    # L§1.4: both regulations designate NL -> 883 from 2012-06-01, no transition
    s = _no_posting(start="2012-05-01", end="2012-12-31")
    s["reference_date"] = "2012-08-01"
    expect(D(s), "NL", "883/2004", "12(1)", "01", transitional=None)


def test_k3_posting_to_switzerland_20_months_spanning_start_kept_by_87_8():
    # L§1.4: 1408/71 gives CH (anticipated > 12 months, no Art. 17) and 883 gives NL
    # (<= 24 months): different -> the 1408/71 state stays, 87(8)
    s = posting(host_state="CH", start="2011-10-01", end="2013-05-31")
    s.update(work=work(("CH", 100)), reference_date="2012-06-01")
    expect(D(s), "CH", "1408/71", "13(2)(a)", transitional="87(8)")


def test_k4_same_with_early_opt_out():
    # L§1.4: request within 3 months of 2012-04-01 takes effect from 2012-04-01
    s = posting(host_state="CH", start="2011-10-01", end="2013-05-31")
    s.update(work=work(("CH", 100)), reference_date="2012-06-01", art87_8_request_date="2012-05-15")
    expect(D(s), "NL", "883/2004", "12(1)", "01", transitional=None)


def test_k5_swiss_multi_state_kept_by_87_8():
    # 1408/71 14(2)(b)(i): NL resident working partly in NL -> NL; 883: 10% not
    # substantial, one employer in CH -> CH. Different -> NL stays (CH cap 2022-03-31)
    s = multi(
        "NL", [("NL", 10), ("CH", 90)], ["CH"], reference_date="2015-01-01", situation_start="2011-01-01"
    )
    expect(D(s), "NL", "1408/71", "14(2)(b)(i)", transitional="87(8)")


def test_k6_swiss_multi_state_cap_passed():
    s = multi(
        "NL", [("NL", 10), ("CH", 90)], ["CH"], reference_date="2022-04-01", situation_start="2011-01-01"
    )
    expect(D(s), "CH", "883/2004", "13(1)(b)(i)", transitional=None, provisional=True)


def test_k7_swiss_multi_state_still_in_transition_until_cap():
    s = multi(
        "NL", [("NL", 10), ("CH", 90)], ["CH"], reference_date="2022-03-31", situation_start="2011-01-01"
    )
    expect(D(s), "NL", "1408/71", transitional="87(8)")


def test_k8_croatia_before_accession_is_not_coordinated():
    # L§1.2: HR not a regulation country before 2013-07-01; no Dutch treaty listed -> national:NL
    s = posting(host_state="HR", start="2013-03-01", end="2013-12-31")
    s.update(work=work(("HR", 100)), reference_date="2013-04-01")
    expect(D(s), "NL", "national:NL", code=None)


def test_k9_croatia_after_accession_same_posting_under_883():
    # L§1.2: no 1408/71 for HR, no 87(8); 883 from 2013-07-01
    s = posting(host_state="HR", start="2013-03-01", end="2013-12-31")
    s.update(work=work(("HR", 100)), reference_date="2013-08-01")
    expect(D(s), "NL", "883/2004", "12(1)", "01", transitional=None)


def test_k10_posting_to_norway_april_2012_under_1408():
    s = _no_posting(start="2012-04-15", end="2012-09-30")
    s["reference_date"] = "2012-04-20"
    expect(D(s), "NL", "1408/71", "14(1)(a)")


# ---------------------------------------------------------------------------
# L. Art. 16 agreements with periods partly outside the request (L§2.2 step 1, §2.5)
# ---------------------------------------------------------------------------


def _long(**agr):
    return posting(
        start="2024-01-01",
        end="2027-12-31",
        art16_agreement=agr or None,
    )


def test_l1_agreement_covers_reference_date():
    s = _long(state="NL", start="2024-01-01", end="2027-12-31")
    check(D(s), "NL", "883/2004", "16(1)", "11", period={"start": "2024-01-01", "end": "2027-12-31"})


def test_l2_agreement_shorter_than_posting_reference_inside():
    s = _long(state="NL", start="2024-01-01", end="2025-12-31")
    s["reference_date"] = "2025-06-01"
    check(D(s), "NL", "883/2004", "16(1)", "11", period={"start": "2024-01-01", "end": "2025-12-31"})


def test_l3_agreement_shorter_than_posting_reference_after_it():
    # agreement no longer in force; the 48-month posting fails 12(1) -> host BE
    s = _long(state="NL", start="2024-01-01", end="2025-12-31")
    s["reference_date"] = "2026-06-01"
    check(D(s), "BE", "883/2004", "11(3)(a)", "12")


def test_l4_agreement_not_yet_in_force():
    s = _long(state="NL", start="2025-01-01", end="2027-12-31")
    s["reference_date"] = "2024-06-01"
    check(D(s), "BE", "883/2004", "11(3)(a)", "12")


def test_l5_agreement_for_host_state():
    s = _long(state="BE", start="2024-01-01", end="2027-12-31")
    check(D(s), "BE", "883/2004", "16(1)", "11")


def test_l6_agreement_with_short_posting_still_decides():
    # L§2.2: step 1 comes before the posting test
    s = posting(art16_agreement={"state": "NL", "start": "2024-03-01", "end": "2025-02-28"})
    check(D(s), "NL", "883/2004", "16(1)", "11")


def test_l7_agreement_under_1408_is_art_17():
    s = posting(
        start="2008-01-01",
        end="2010-12-31",
        art16_agreement={"state": "NL", "start": "2008-01-01", "end": "2010-12-31"},
    )
    s["reference_date"] = "2009-01-01"
    expect(D(s), "NL", "1408/71", "17")


def test_l8_agreement_end_before_start_is_an_error():
    invalid(_long(state="NL", start="2025-01-01", end="2024-12-31"))


def test_l9_agreement_missing_end_is_an_error():
    s = _long(state="NL", start="2025-01-01", end="2027-12-31")
    del s["posting"]["art16_agreement"]["end"]
    invalid(s)


def test_l10_agreement_unknown_state_is_an_error():
    invalid(_long(state="QQ", start="2024-01-01", end="2027-12-31"))


# ---------------------------------------------------------------------------
# M. 1408/71 and the original 883 wording of 13(1) with Art. 87a (L§1.2, §3.1)
# ---------------------------------------------------------------------------


def test_m1_1408_residence_not_worked_in_several_employers_gives_residence():
    # L§3.1 step 6 (b)(i): several undertakings seated in different states -> residence
    s = multi(
        "DE",
        [("NL", 60), ("BE", 40)],
        ["NL", "BE"],
        reference_date="2009-06-01",
        situation_start="2008-01-01",
    )
    expect(D(s), "DE", "1408/71", "14(2)(b)(i)")


def test_m2_1408_several_employers_residence_worked_in():
    s = multi(
        "NL",
        [("NL", 10), ("DE", 50), ("BE", 40)],
        ["DE", "BE"],
        reference_date="2009-06-01",
        situation_start="2008-01-01",
    )
    expect(D(s), "NL", "1408/71", "14(2)(b)(i)")


def test_m3_original_wording_several_employers_gives_residence():
    # L§1.2: 2010-05-01..2012-06-27 original 13(1)(a): several employers in different
    # states -> residence BE (new wording would give NL under (b)(iii))
    s = multi(
        "BE",
        [("BE", 10), ("NL", 90)],
        ["NL", "BE"],
        reference_date="2011-06-01",
        situation_start="2011-01-01",
    )
    expect(D(s), "BE", "883/2004", transitional=None, provisional=True)


def test_m4_original_wording_kept_by_87a():
    s = multi(
        "BE",
        [("BE", 10), ("NL", 90)],
        ["NL", "BE"],
        reference_date="2015-01-01",
        situation_start="2011-01-01",
    )
    expect(D(s), "BE", "883/2004", transitional="87a(1)")


def test_m5_87a_early_request_effective_from_2012_06_28():
    s = multi(
        "BE",
        [("BE", 10), ("NL", 90)],
        ["NL", "BE"],
        reference_date="2012-08-01",
        situation_start="2011-01-01",
        art87_8_request_date="2012-09-01",
    )
    expect(D(s), "NL", "883/2004", "13(1)(b)(iii)", transitional=None)


def test_m6_87a_cap():
    s = multi(
        "BE",
        [("BE", 10), ("NL", 90)],
        ["NL", "BE"],
        reference_date="2022-06-28",
        situation_start="2011-01-01",
    )
    expect(D(s), "NL", "883/2004", "13(1)(b)(iii)", transitional=None)


def test_m7_situation_starting_after_465_uses_new_wording():
    s = multi(
        "BE",
        [("BE", 10), ("NL", 90)],
        ["NL", "BE"],
        reference_date="2015-01-01",
        situation_start="2013-01-01",
    )
    check(D(s), "NL", "883/2004", "13(1)(b)(iii)", "02", provisional=True)


def test_m8_1408_inactive_residence():
    s = situation(
        reference_date="2009-06-01", residence="ES", employment_type="inactive", work=[], employers=[]
    )
    expect(D(s), "ES", "1408/71", "13(2)(f)", code=None)


def test_m9_1408_several_employers_then_883_both_residence():
    # 1408: residence DE (several employers in different states); 883 new wording
    # 13(1)(b)(iv): DE too -> no transition
    s = multi(
        "DE",
        [("NL", 60), ("BE", 40)],
        ["NL", "BE"],
        reference_date="2014-01-01",
        situation_start="2008-01-01",
    )
    check(D(s), "DE", "883/2004", "13(1)(b)(iv)", "02", provisional=True)


# ---------------------------------------------------------------------------
# N. Treaties / no coordination with non-NL sending states (contract instruments)
# ---------------------------------------------------------------------------


def test_n1_de_to_us_no_known_instrument():
    # contract: national:XX only where the engine knows a national rule (NL, L§1.6);
    # a DE employer posting to the US is not covered by any listed instrument -> none
    s = posting(sending_state="DE", host_state="US")
    s.update(residence="DE", employers=seats("DE"), work=work(("US", 100)))
    res = D(s)
    assert res["provision"]["instrument"] in ("none", "national:DE"), res
    if res["provision"]["instrument"] == "none":
        assert res["legislation"] is None


def test_n2_nl_to_singapore_self_employed_national_law():
    s = posting(host_state="SG")
    s.update(employment_type="self_employed", work=work(("SG", 100, 100, "self_employed")), employers=[])
    expect(D(s), "NL", "national:NL", code=None)


def test_n3_japan_fresh_posting_within_a_year_fails():
    # L§1.6: Japan: a fresh posting only after 1 year has passed
    s = posting(
        host_state="JP",
        start="2024-03-01",
        end="2025-02-28",
        previous_posting_same_employer_host_end="2023-09-30",
    )
    s["work"] = work(("JP", 100))
    expect(D(s), "JP")


def test_n4_nl_to_us_6_years_over_treaty_limit():
    # L§1.6: USA 5 years; 6 years -> host US
    s = posting(host_state="US", start="2024-01-01", end="2029-12-31")
    s["work"] = work(("US", 100))
    expect(D(s), "US", "treaty:NL-US")


# ---------------------------------------------------------------------------
# O. Aliases and output country codes (contract)
# ---------------------------------------------------------------------------


def test_o1_el_alias_gives_gr_in_output():
    s = posting(sending_state="EL", host_state="BE")
    s.update(residence="EL", employers=seats("EL"))
    check(D(s), "GR", "883/2004", "12(1)", "01")


def test_o2_uk_alias_in_work_list_2019():
    s = posting(host_state="UK", start="2019-01-01", end="2019-12-31")
    s.update(work=work(("UK", 100)), reference_date="2019-06-01")
    check(D(s), "NL", "883/2004", "12(1)", "01")


def test_o3_uk_employer_multi_state_tca():
    # residence NL 10%, one GB employer, started 2022: TCA multi-state -> employer's state
    s = multi(
        "NL", [("NL", 10), ("GB", 90)], ["GB"], reference_date="2023-01-01", situation_start="2022-01-01"
    )
    expect(D(s), "GB", "TCA")


def test_o4_wa_multi_state_from_2019():
    s = multi(
        "NL", [("NL", 30), ("GB", 70)], ["GB"], reference_date="2023-01-01", situation_start="2019-01-01"
    )
    expect(D(s), "NL", "883/2004", "13(1)(a)", provisional=True)


# ---------------------------------------------------------------------------
# P. Validation: the contract's error shape, never a crash
# ---------------------------------------------------------------------------


def test_p1_missing_residence():
    s = situation()
    del s["residence"]
    assert any(e["field"] == "residence" for e in invalid(s))


def test_p2_unknown_country_in_work():
    s = situation(work=work(("XX", 100)))
    assert any(e["field"].startswith("work[0]") for e in invalid(s))


def test_p3_lowercase_country_rejected():
    invalid(situation(residence="nl"))


def test_p4_shares_not_summing_to_100():
    invalid(situation(work=work(("BE", 50), ("NL", 40))))


def test_p5_negative_share():
    invalid(situation(work=work(("BE", 110), ("NL", -10))))


def test_p6_share_as_string():
    s = situation()
    s["work"][0]["time_pct"] = "100"
    invalid(s)


def test_p7_share_as_bool():
    s = situation()
    s["work"][0]["time_pct"] = True
    s["work"][0]["remuneration_pct"] = True
    invalid(s)


def test_p8_share_nan():
    s = situation()
    s["work"][0]["time_pct"] = math.nan
    invalid(s)


def test_p9_share_infinite():
    s = situation()
    s["work"][0]["remuneration_pct"] = math.inf
    invalid(s)


def test_p10_posting_end_before_start():
    invalid(posting(start="2024-06-01", end="2024-05-31"))


def test_p11_impossible_date():
    invalid(situation(reference_date="2024-02-30"))


def test_p12_wrong_date_format():
    invalid(situation(reference_date="01-06-2024"))


def test_p13_flight_crew_without_home_base():
    s = situation(employment_type="flight_crew", home_base=None)
    invalid(s)


def test_p14_host_state_not_a_state_of_work():
    invalid(posting(host_state="DE"))


def test_p15_employed_without_employers():
    invalid(situation(employers=[]))


def test_p16_employed_with_empty_work():
    invalid(situation(work=[]))


def test_p17_unknown_employment_type():
    invalid(situation(employment_type="freelancer"))


def test_p18_unknown_activity():
    invalid(
        situation(work=[{"country": "BE", "time_pct": 100, "remuneration_pct": 100, "activity": "volunteer"}])
    )


def test_p19_work_item_not_an_object():
    invalid(situation(work=["BE"]))


@pytest.mark.parametrize("bad", [None, [], "NL", 3, {"situation": {}}])
def test_p20_not_a_situation_object(bad):
    with pytest.raises(rules.InvalidSituation):
        D(bad)


def test_p21_nationalities_as_string():
    invalid(situation(nationalities="NL"))


def test_p22_posting_as_string():
    invalid(situation(posting="NL-BE"))


def test_p23_posting_missing_end():
    s = posting()
    del s["posting"]["end"]
    invalid(s)


def test_p24_negative_prior_insurance():
    invalid(posting(insured_in_sending_state_months_before=-1))


def test_p25_prior_insurance_as_text():
    invalid(posting(insured_in_sending_state_months_before="twelve"))


def test_p26_unknown_employer_seat():
    invalid(situation(employers=seats("ZZ")))


def test_p27_unknown_key_in_posting():
    invalid(posting(replaces_posted_worker_=True))


def test_p28_all_errors_at_once():
    s = situation(residence="XX", employment_type="freelancer")
    s["work"][0]["time_pct"] = 150
    assert len(invalid(s)) >= 3


def test_p29_unknown_key_in_work_item():
    s = situation()
    s["work"][0]["share"] = 100
    invalid(s)


def test_p30_bool_as_prior_insurance():
    invalid(posting(insured_in_sending_state_months_before=True))


def test_p31_employers_as_object():
    invalid(situation(employers={"seat": "NL", "substantial_activity_in_seat": True}))


def test_p32_substantial_flag_as_string():
    invalid(situation(employers=[{"seat": "NL", "substantial_activity_in_seat": "yes"}]))


def test_p33_country_as_number():
    invalid(situation(residence=31))


def test_p34_reference_date_as_number():
    invalid(situation(reference_date=20240601))


# ---------------------------------------------------------------------------
# Q. Output shape over every valid case in this file (contract)
# ---------------------------------------------------------------------------

KEYS = {
    "legislation",
    "provision",
    "transitional",
    "provisional",
    "certificate",
    "a1_status_code",
    "period",
    "reasons",
    "warnings",
}


def _valid_situations():
    return [
        multi("DE", [("NL", 60), ("BE", 40)], ["NL", "BE"]),
        multi("NL", [("NL", 10), ("DE", 90)], ["US"]),
        _crew(
            "FR",
            [("FR", 30), ("BE", 40), ("ES", 30)],
            "BE",
            reference_date="2015-01-01",
            situation_start="2011-01-01",
        ),
        _sea("NL", "PA", "NL"),
        _long(state="NL", start="2024-01-01", end="2025-12-31"),
        _se("DE", ("NL", 60, 60), ("BE", 40, 40)),
        multi(
            "NL", [("NL", 10), ("CH", 90)], ["CH"], reference_date="2015-01-01", situation_start="2011-01-01"
        ),
    ]


@pytest.mark.parametrize("s", _valid_situations())
def test_q1_shape_and_determinism(s):
    res = D(s)
    assert set(res) == KEYS
    assert set(res["provision"]) == {"instrument", "article"}
    assert res["reasons"] and all(
        set(r) == {"code", "provision", "passed", "explanation"} for r in res["reasons"]
    )
    assert all(isinstance(w, str) for w in res["warnings"])
    assert (res["legislation"] is None) == (res["provision"]["instrument"] == "none")
    if res["period"] is not None:
        assert res["period"]["start"] <= res["period"]["end"]
    assert D(s) == res


# ---------------------------------------------------------------------------
# R. Defects found by this review (each failed before its fix)
# ---------------------------------------------------------------------------


def _civil_servant(admin, work_state, residence, **kw):
    return situation(
        residence=residence,
        employment_type="civil_servant",
        work=work((work_state, 100, 100, "civil_servant")),
        employers=seats(admin),
        **kw,
    )


def test_r1_third_country_civil_servant_gets_no_883_designation():
    """L§2.2 step 0 and §2.5 11(3)(b): the administration's state is what 11(3)(b) designates, and
    the regulation only designates member states (§1.2: the states in which the employers sit are
    involved). A Japanese administration's civil servant working in DE is outside the regulation;
    no treaty of the issuing state (NL) links DE and JP -> instrument none. The engine said
    legislation JP under 883/2004 11(3)(b) with a PD A1."""
    res = D(_civil_servant("JP", "DE", "DE"))
    assert (res["legislation"], res["provision"]["instrument"]) == (None, "none"), res["reasons"]
    assert res["certificate"] is None and res["a1_status_code"] is None


def test_r2_us_civil_servant_in_nl_is_a_treaty_case():
    """Same, with the NL-US agreement linking the two states: no PD A1 for US legislation."""
    res = D(_civil_servant("US", "NL", "NL"))
    expect(res, "US", "treaty:NL-US", code=None)
    assert res["certificate"] == "treaty certificate"


def test_r3_third_country_civil_servant_under_1408():
    res = D(_civil_servant("US", "BE", "BE", reference_date="2009-06-01", situation_start="2008-01-01"))
    assert res["provision"]["instrument"] != "1408/71", res
    assert res["legislation"] != "US" or res["provision"]["instrument"].startswith("treaty:")


def test_r4_third_country_civil_servant_in_the_uk_after_2020():
    res = D(_civil_servant("US", "GB", "GB", reference_date="2023-01-01", situation_start="2022-01-01"))
    assert res["provision"]["instrument"] != "TCA", res


def test_r5_member_state_civil_servant_unchanged():
    check(D(_civil_servant("CH", "NL", "NL")), "CH", "883/2004", "11(3)(b)", "05")


def _seafarer_ashore(flag_share, other, residence, seat, flag="MT", **kw):
    return situation(
        residence=residence,
        employment_type="seafarer",
        work=work((flag, flag_share), (other, 100 - flag_share)),
        employers=seats(seat),
        flag_state=flag,
        **kw,
    )


def test_r6_seafarer_also_working_ashore_in_residence_is_art_13():
    """L§2.2 notes: "A seafarer or aircrew member can still be ... multi-state (Art. 13). Rules
    11(4)/11(5) only decide where the work counts as done." Step 3 puts the work on board in MT;
    40 % ashore in NL (residence) leaves two states (step 6) -> Art. 13(1)(a) NL, provisional.
    The engine ignored the work ashore and said MT under 11(4)."""
    check(D(_seafarer_ashore(60, "NL", "NL", "MT")), "NL", "883/2004", "13(1)(a)", "02", provisional=True)


def test_r7_seafarer_ashore_outside_residence_goes_to_employer_seat():
    # R=BE not worked in; one employer seated MT -> 13(1)(b)(i)
    check(D(_seafarer_ashore(70, "DE", "BE", "MT")), "MT", "883/2004", "13(1)(b)(i)", "02", provisional=True)


def test_r8_seafarer_with_marginal_work_ashore_keeps_flag():
    # L§2.2 step 5: 3 % ashore is marginal and left out -> only the flag state -> 11(4)
    res = D(_seafarer_ashore(97, "NL", "NL", "MT"))
    check(res, "MT", "883/2004", "11(4)", "07")
    assert res["warnings"]


def test_r9_seafarer_paid_from_residence_rule_still_first():
    # L§2.2 step 4 comes before step 6: paid by an NL undertaking and living in NL -> NL 11(4)
    check(D(_seafarer_ashore(60, "DE", "NL", "NL")), "NL", "883/2004", "11(4)", "07")


def test_r10_seafarer_ashore_under_the_tca():
    """L§1.5: the Protocol copies Art. 11 and 13; a GB-flag seafarer of a GB employer who works 40 %
    ashore in NL, where he lives, falls under NL (SSC.12(1)(a)), not the flag (SSC.10(4))."""
    s = _seafarer_ashore(
        60, "NL", "NL", "GB", flag="GB", reference_date="2023-01-01", situation_start="2022-01-01"
    )
    expect(D(s), "NL", "TCA", "SSC.12(1)(a)", provisional=True)


def _agreement_for(state, **kw):
    s = posting(
        start="2024-01-01",
        end="2026-12-31",
        art16_agreement={"state": state, "start": "2024-01-01", "end": "2026-12-31"},
    )
    s.update(kw)
    return s


def test_r11_art16_agreement_cannot_designate_a_third_country():
    """L§2.5: Art. 16(1) lets member states agree exceptions; only a coordinated state's
    legislation can be agreed. An agreement naming US on an NL->BE posting of 36 months leaves
    the ordinary rules: over 24 months -> BE 11(3)(a). The engine gave US under 16(1) with a PD A1."""
    res = D(_agreement_for("US"))
    check(res, "BE", "883/2004", "11(3)(a)", "12")
    assert ("ART16_1_AGREED_STATE", False) in [(r["code"], r["passed"]) for r in res["reasons"]]


def test_r12_art16_agreement_for_the_uk_after_2020_is_not_an_883_exception():
    check(D(_agreement_for("GB")), "BE", "883/2004", "11(3)(a)", "12")


def test_r13_art17_agreement_under_1408_cannot_designate_a_third_country():
    s = posting(
        start="2008-01-01",
        end="2009-12-31",
        art16_agreement={"state": "US", "start": "2008-01-01", "end": "2009-12-31"},
    )
    s["reference_date"] = "2009-01-01"
    expect(D(s), "BE", "1408/71", "13(2)(a)")


def test_r14_tca_exception_cannot_designate_a_third_country():
    s = posting(
        sending_state="GB",
        host_state="NL",
        start="2022-01-01",
        end="2024-12-31",
        art16_agreement={"state": "US", "start": "2022-01-01", "end": "2024-12-31"},
    )
    s.update(residence="GB", employers=seats("GB"), work=work(("NL", 100)), reference_date="2022-06-01")
    expect(D(s), "NL", "TCA", "SSC.10(3)(a)")


def test_r15_treaty_agreement_still_applies():
    # the treaty path keeps its own agreements (L§1.6): NL->US 7 years agreed for NL
    s = posting(
        host_state="US",
        start="2024-01-01",
        end="2030-12-31",
        art16_agreement={"state": "NL", "start": "2024-01-01", "end": "2030-12-31"},
    )
    s["work"] = work(("US", 100))
    expect(D(s), "NL", "treaty:NL-US")
