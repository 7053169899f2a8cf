"""Review s11-b: Reg. 1408/71 as a decision procedure and the transitions between regulations.

Written blind from shared/domain/legislation.md ("L§x.y") and shared/contracts/determination.md
("contract") before rules/ was read; each case states the expected answer and the lines it rests
on. Cases already in the earlier reviews (test_review_*.py) are not repeated: these go to the
EEA-EFTA and Swiss start dates, the seats that set the start date, the boundaries of the
Art. 87(8) request window, Art. 87(8) for every kind of 1408/71 answer, the marginal-activity
and several-employers wording around 2012-06-28, and the 1408/71 steps not yet pinned down.
"""

from __future__ import annotations

import pytest

import rules
from tests.rules.builders import check, codes, posting, seats, situation, work

D = rules.determine


def multi(residence, items, employer_seats, *, ref, start, **kw):
    return situation(
        reference_date=ref,
        situation_start=start,
        residence=residence,
        work=work(*items),
        employers=seats(*employer_seats),
        **kw,
    )


def old_only(res):
    """An answer given under 1408/71 itself (not kept by Art. 87(8)): no PD A1 code, never
    provisional (the Art. 16(2) 987/2009 procedure did not exist), no transitional rule."""
    assert res["provision"]["instrument"] == "1408/71", res["reasons"]
    assert res["a1_status_code"] is None
    assert res["provisional"] is False
    assert res["transitional"] is None
    for r in res["reasons"]:
        assert set(r) == {"code", "provision", "passed", "explanation"}
        assert r["explanation"].strip()


# ---- L§1.2 start dates: the latest among every state lived in, worked in and seat --------------


def test_iceland_in_the_picture_before_2012_06_01_is_1408():
    """L§1.2: IS under 883 from 2012-06-01; lives NL, works NL and IS, NL employer, in May 2012 ->
    1408/71 14(2)(b)(i) (works partly in the residence state) NL, E101 (L§3.1 Forms)."""
    res = D(multi("NL", [("NL", 50), ("IS", 50)], ["NL"], ref="2012-05-15", start="2012-05-01"))
    check(res, "NL", "1408/71", "14(2)(b)(i)", None, certificate="E101", period=None)
    old_only(res)


def test_iceland_situation_begun_after_2012_06_01_is_883_original_wording():
    """L§1.2: begun 2012-06-10, asked 2012-06-15: 883 (original wording until 2012-06-27: residence
    with substantial work) 13(1)(a), provisional PD A1 3.2 (L§4.8)."""
    res = D(multi("NL", [("NL", 50), ("IS", 50)], ["NL"], ref="2012-06-15", start="2012-06-10"))
    check(res, "NL", "883/2004", "13(1)(a)", "02", provisional=True, certificate="PD A1")


def test_posting_to_liechtenstein_spanning_2012_06_01_moves_to_883_when_both_agree():
    """L§1.4: a 7-month posting NL -> LI begun 2012-05-20: 1408/71 14(1)(a) NL, 883 12(1) NL; the
    same state, so 883 from 2012-06-01 (no transition), PD A1 3.1."""
    s = posting(sending_state="NL", host_state="LI", start="2012-05-20", end="2012-12-19")
    s.update(reference_date="2012-07-01", work=work(("LI", 100)))
    res = D(s)
    check(res, "NL", "883/2004", "12(1)", "01", certificate="PD A1")
    assert res["period"] == {"start": "2012-05-20", "end": "2012-12-19"}


def test_same_posting_to_liechtenstein_asked_in_may_2012_is_e101():
    s = posting(sending_state="NL", host_state="LI", start="2012-05-20", end="2012-12-19")
    s.update(reference_date="2012-05-25", work=work(("LI", 100)))
    res = D(s)
    check(res, "NL", "1408/71", "14(1)(a)", None, certificate="E101")
    assert res["period"] == {"start": "2012-05-20", "end": "2012-12-19"}
    old_only(res)


def test_norwegian_employer_seat_is_designated_under_1408():
    """L§1.2 (a NO seat keeps 1408/71 until 2012-06-01) and L§3.1 step 6(b)(ii): lives DE, works
    BE and FR, not in DE, one employer seated in NO -> the seat's state NO, E101."""
    res = D(multi("DE", [("BE", 60), ("FR", 40)], ["NO"], ref="2011-06-01", start="2011-01-01"))
    check(res, "NO", "1408/71", "14(2)(b)(ii)", None, certificate="E101")
    old_only(res)


def test_swiss_seat_sets_the_start_date_and_the_ten_years_of_87_8():
    """L§1.2 (CH seat: 883 from 2012-04-01, transition to 2022-03-31) and L§1.4: lives DE, 10 % DE,
    90 % AT, one CH employer, since 2011. 1408/71: partly in the residence state -> DE; 883:
    13(1)(b)(i) -> CH. Different, so DE stays, box 2.6, PD A1 3.2, not provisional."""
    s = multi("DE", [("DE", 10), ("AT", 90)], ["CH"], ref="2021-06-01", start="2011-01-01")
    res = D(s)
    check(res, "DE", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)", certificate="PD A1")
    assert codes(res).get("ART87_8_TRANSITION") is True
    assert any("2022-03-31" in w for w in res["warnings"]), res["warnings"]


def test_swiss_seat_87_8_ends_on_2022_04_01():
    s = multi("DE", [("DE", 10), ("AT", 90)], ["CH"], ref="2022-04-01", start="2011-01-01")
    check(D(s), "CH", "883/2004", "13(1)(b)(i)", "02", provisional=True)


def test_iceland_87_8_cap_is_2022_05_31():
    """L§1.2 (IS/LI/NO: transition until 2022-05-31) and L§1.4: lives IS, 10 % IS, 90 % NL, NL
    employer, since 2011: 1408/71 IS, 883 NL."""
    s = multi("IS", [("IS", 10), ("NL", 90)], ["NL"], ref="2022-05-31", start="2011-01-01")
    check(D(s), "IS", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")
    s["reference_date"] = "2022-06-01"
    check(D(s), "NL", "883/2004", "13(1)(b)(i)", "02", provisional=True)


# ---- L§1.4 the request window: within 3 months of the start date ---------------------------------


def _c51(ref, request):
    """lives BE, 10 % BE / 90 % NL, one NL employer, since 2008: 1408/71 BE, 883 NL."""
    return multi(
        "BE", [("BE", 10), ("NL", 90)], ["NL"], ref=ref, start="2008-01-01", art87_8_request_date=request
    )


def test_87_8_request_on_the_last_day_of_the_three_months_counts_from_the_start_date():
    """L§1.4: within 3 months of 2010-05-01 (the last day is 2010-07-31) -> from 2010-05-01; on
    2010-06-15 883 decides (original wording 13(1)(b), the employer's seat, L§1.2)."""
    check(D(_c51("2010-06-15", "2010-07-31")), "NL", "883/2004", "13(1)(b)", "02", provisional=True)


def test_87_8_request_on_2010_08_01_is_still_within_the_three_months():
    """L§1.4 "within 3 months of the start date": a period of months after 2010-05-01 ends on
    2010-08-01 (Reg. 1182/71 Art. 3(1), 3(2)(c)) -> from 2010-05-01. (Reviewed in the eleventh
    session as late; the twelfth counted the months as EU law counts them.)"""
    check(D(_c51("2010-06-15", "2010-08-01")), "NL", "883/2004", "13(1)(b)", "02", provisional=True)


def test_87_8_request_one_day_after_the_three_months_waits_for_the_next_month():
    """L§1.4: 2010-08-02 is later than 3 months -> from 2010-09-01; on 2010-08-15 still BE."""
    check(D(_c51("2010-08-15", "2010-08-02")), "BE", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")
    check(D(_c51("2010-09-01", "2010-08-02")), "NL", "883/2004", "13(1)(b)", "02", provisional=True)


def _ch(ref, request):
    """lives NL, 10 % NL / 90 % CH, one CH employer, since 2011: 1408/71 NL, 883 CH."""
    return multi(
        "NL", [("NL", 10), ("CH", 90)], ["CH"], ref=ref, start="2011-01-01", art87_8_request_date=request
    )


def test_swiss_87_8_request_within_three_months_of_2012_04_01():
    """L§1.4 with the CH start date 2012-04-01 (L§1.2): a request of 2012-06-30 is within 3 months
    -> 883 from 2012-04-01 (original wording before 2012-06-28: the seat, 13(1)(b))."""
    check(D(_ch("2012-05-01", "2012-06-30")), "CH", "883/2004", "13(1)(b)", "02", provisional=True)


def test_swiss_87_8_request_of_2012_07_01_is_the_last_day_within_three_months():
    """2012-04-01 + 3 months: 2012-07-01 still counts from the start date (Reg. 1182/71 Art. 3)."""
    check(D(_ch("2012-05-01", "2012-07-01")), "CH", "883/2004", "13(1)(b)", "02", provisional=True)


def test_swiss_87_8_request_of_2012_07_02_takes_effect_on_2012_08_01():
    check(D(_ch("2012-07-15", "2012-07-02")), "NL", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")
    check(D(_ch("2012-08-01", "2012-07-02")), "CH", "883/2004", "13(1)(b)(i)", "02", provisional=True)


def test_87_8_request_does_not_matter_when_both_regulations_agree():
    """L§1.4: same state under both -> 883 from the start date, request or not."""
    s = multi("NL", [("NL", 40), ("BE", 60)], ["BE"], ref="2011-01-01", start="2008-01-01")
    check(D(s), "NL", "883/2004", "13(1)(a)", "02", provisional=True)
    s["art87_8_request_date"] = "2010-12-01"
    check(D(s), "NL", "883/2004", "13(1)(a)", "02", provisional=True)


def test_a_change_after_the_start_date_means_no_87_8():
    """L§1.4: a change of the situation ends the transition; a situation unchanged only since
    2010-06-01 is decided by 883 (13(1)(b) original wording NL)."""
    s = multi("BE", [("BE", 10), ("NL", 90)], ["NL"], ref="2011-01-01", start="2010-06-01")
    res = D(s)
    check(res, "NL", "883/2004", "13(1)(b)", "02", provisional=True)
    assert "ART87_8_TRANSITION" not in codes(res)


# ---- L§1.4 Art. 87(8) for each kind of old answer ------------------------------------------------


def test_87_8_inactive_both_give_residence():
    """L§3.1 step 9 (13(2)(f)) and 883 11(3)(e): residence under both -> 883, no PD A1 (L§4.4)."""
    s = situation(
        reference_date="2011-01-01",
        situation_start="2008-01-01",
        residence="BE",
        employment_type="inactive",
        work=[],
        employers=[],
    )
    res = D(s)
    check(res, "BE", "883/2004", "11(3)(e)", None, certificate=None)


def test_87_8_employed_and_self_employed_both_give_the_state_of_employment():
    """L§3.1 step 8 (14c(a): state of employment) and L§2.4 13(3): BE under both -> 883 13(3),
    provisional, PD A1 3.8."""
    s = multi(
        "NL",
        [("BE", 60, 60, "employed"), ("NL", 40, 40, "self_employed")],
        ["BE"],
        ref="2011-01-01",
        start="2008-01-01",
        employment_type="employed_and_self_employed",
    )
    check(D(s), "BE", "883/2004", "13(3)", "08", provisional=True)


def test_87_8_self_employed_main_activity_vs_883():
    """L§3.1 step 7 (14a(2): not in the residence state -> main activity NL) and L§2.4 13(2)
    (residence not substantial -> centre of interest; the larger activity NL): same -> 883."""
    s = multi(
        "DE",
        [("NL", 70, 70, "self_employed"), ("BE", 30, 30, "self_employed")],
        [],
        ref="2011-01-01",
        start="2008-01-01",
        employment_type="self_employed",
    )
    res = D(s)
    assert res["legislation"] == "NL", res["reasons"]
    assert res["provision"]["instrument"] == "883/2004"
    assert res["transitional"] is None


def test_87_8_self_employed_posting_of_18_months_begun_in_2009():
    """L§3.1 step 7 (14a(1) only up to 12 months: 18 months -> the state of work BE, 13(2)(b))
    and L§2.3 12(2) (up to 24 months -> NL): different -> BE kept, box 2.6, PD A1 3.12 (the
    'box matching the underlying situation', L§4.8, for work in one state)."""
    s = posting(start="2009-09-01", end="2011-02-28")
    s.update(reference_date="2010-06-01", employment_type="self_employed", employers=[])
    s["work"][0]["activity"] = "self_employed"
    res = D(s)
    check(res, "BE", "1408/71", "13(2)(b)", "12", transitional="87(8)", certificate="PD A1")


# ---- L§1.2 Reg. 465/2012: marginal work and several employers around 2012-06-28 ------------------


def test_original_wording_several_employers_with_3_percent_in_the_residence_state():
    """L§1.2: before 2012-06-28 the marginal rule (987 14(5b)) did not exist and the original
    13(1)(a) gave the residence state to a person with several employers seated in different
    states: lives BE, 3 % BE (BE employer), 97 % NL (NL employer), 2011 -> BE, 13(1)(a)."""
    s = multi("BE", [("BE", 3), ("NL", 97)], ["BE", "NL"], ref="2011-06-01", start="2011-01-01")
    res = D(s)
    check(res, "BE", "883/2004", "13(1)(a)", "02", provisional=True)
    assert "ART14_5B_MARGINAL" not in codes(res)


def test_the_same_from_2012_06_28_drops_the_marginal_work():
    """L§1.2 and L§2.2 step 5-6: from 2012-06-28 the 3 % in BE is marginal and dropped; one state
    of work is left -> NL, 11(3)(a) (begun after the change: no Art. 87a)."""
    s = multi("BE", [("BE", 3), ("NL", 97)], ["BE", "NL"], ref="2013-01-01", start="2012-07-01")
    res = D(s)
    assert res["legislation"] == "NL", res["reasons"]
    assert res["provision"] == {"instrument": "883/2004", "article": "11(3)(a)"}
    assert codes(res).get("ART14_5B_MARGINAL") is True


def test_87a_keeps_the_residence_state_when_the_marginal_rule_moves_it():
    """L§1.2 Art. 87a: unchanged since 2011, BE before 2012-06-28, NL after -> BE stays, box 2.6,
    not provisional, warning with 2022-06-27."""
    s = multi("BE", [("BE", 3), ("NL", 97)], ["BE", "NL"], ref="2013-01-01", start="2011-01-01")
    res = D(s)
    check(res, "BE", "883/2004", "13(1)(a)", "02", transitional="87a(1)", certificate="PD A1")
    assert any("2022-06-27" in w for w in res["warnings"]), res["warnings"]


def test_norway_87_8_gives_way_then_87a_keeps_the_residence_state():
    """L§1.2 and L§1.4: lives NO, 10 % NO (NO employer), 90 % NL (NL employer), since 2011. On
    2012-06-01 1408/71 (partly in the residence state) and the original 883 wording (several
    employers) both give NO -> 883. On 2012-06-28 the new 13(1)(b)(iii) gives NL -> Art. 87a
    keeps NO until 2022-06-27."""
    s = multi("NO", [("NO", 10), ("NL", 90)], ["NO", "NL"], ref="2015-01-01", start="2011-01-01")
    check(D(s), "NO", "883/2004", "13(1)(a)", "02", transitional="87a(1)")
    s["reference_date"] = "2022-06-28"
    check(D(s), "NL", "883/2004", "13(1)(b)(iii)", "02", provisional=True)


# ---- L§3.1 Reg. 1408/71 steps ------------------------------------------------------------------


def test_1408_travelling_staff_principally_in_the_residence_state():
    """L§3.1 step 6(a)(ii): flying staff employed principally (60 %) in the residence state NL,
    airline seated DE -> NL."""
    s = multi(
        "NL",
        [("NL", 60), ("DE", 40)],
        ["DE"],
        ref="2009-06-01",
        start="2008-01-01",
        employment_type="flight_crew",
        home_base="DE",
    )
    res = D(s)
    check(res, "NL", "1408/71", "14(2)(a)(ii)", None, certificate="E101")
    old_only(res)


def test_1408_travelling_staff_with_the_seat_outside_the_community_is_not_put_under_that_state():
    """L§3.1 (1408/71 designates the legislation of a Member State) and contract ('legislation':
    the state whose legislation applies): flying staff living in NL (30 %), DE 70 %, airline
    seated in the US. 14(2)(a) names the registered office's state, which here is not a Member
    State; the engine must not answer 'US under Reg. 1408/71'. The residence state, where part of
    the work is done (14(2)(b)(i)), is the only Community link left."""
    s = multi(
        "NL",
        [("NL", 30), ("DE", 70)],
        ["US"],
        ref="2009-06-01",
        start="2008-01-01",
        employment_type="flight_crew",
        home_base="DE",
    )
    res = D(s)
    assert res["legislation"] == "NL", res["reasons"]
    assert res["provision"]["instrument"] == "1408/71"
    old_only(res)


def test_87_8_never_keeps_a_third_country_airline_seat():
    """L§1.4: Art. 87(8) keeps the state 1408/71 designated, always a Member State. Same flying
    staff, unchanged since 2008, asked in 2011: 1408/71 NL (see above); 883 original wording, seat
    outside the EU -> residence (987 14(11)) NL: same -> 883."""
    s = multi(
        "NL",
        [("NL", 30), ("DE", 70)],
        ["US"],
        ref="2011-06-01",
        start="2008-01-01",
        employment_type="flight_crew",
        home_base="DE",
    )
    res = D(s)
    assert res["legislation"] == "NL", res["reasons"]
    assert res["provision"]["instrument"] == "883/2004"
    assert res["transitional"] is None


def test_1408_seat_in_a_third_member_state():
    """L§3.1 step 6(b)(ii): lives DE, works NL 60 % and BE 40 %, one employer seated in FR -> FR."""
    res = D(multi("DE", [("NL", 60), ("BE", 40)], ["FR"], ref="2009-06-01", start="2008-01-01"))
    check(res, "FR", "1408/71", "14(2)(b)(ii)", None, certificate="E101")


def test_1408_several_employers_seated_in_the_same_state_is_not_the_residence_rule():
    """L§3.1 step 6(b)(i) needs employers 'seated in different states'; two employers both seated
    in NL, lives DE, works NL and BE -> (ii) the seat NL."""
    res = D(multi("DE", [("NL", 50), ("BE", 50)], ["NL", "NL"], ref="2009-06-01", start="2008-01-01"))
    check(res, "NL", "1408/71", "14(2)(b)(ii)", None, certificate="E101")


def test_1408_several_employers_one_seated_in_the_residence_state_not_worked_in():
    """L§3.1 step 6(b)(i): several employers seated in different states (DE, NL) -> residence DE."""
    res = D(multi("DE", [("NL", 50), ("BE", 50)], ["DE", "NL"], ref="2009-06-01", start="2008-01-01"))
    check(res, "DE", "1408/71", "14(2)(b)(i)", None, certificate="E101")


def test_1408_extension_up_to_24_months_is_e102():
    """L§3.1 step 5 14(1)(b): 12 months posted (2008), then 12 more with consent -> NL, E102, the
    extension's period."""
    s = posting(
        start="2008-01-01",
        end="2008-12-31",
        art16_agreement={"state": "NL", "start": "2009-01-01", "end": "2009-12-31"},
    )
    s["reference_date"] = "2009-06-01"
    res = D(s)
    check(res, "NL", "1408/71", "14(1)(b)", None, certificate="E102")
    assert res["period"] == {"start": "2009-01-01", "end": "2009-12-31"}
    old_only(res)


def test_1408_agreement_beyond_24_months_is_art_17_not_e102():
    """L§3.1 step 5 (14(1)(b) at most 12 more months) and step 1 (Art. 17): an agreement that runs
    one day past 24 months is an Art. 17 exception, E101."""
    s = posting(
        start="2008-01-01",
        end="2008-12-31",
        art16_agreement={"state": "NL", "start": "2009-01-01", "end": "2010-01-01"},
    )
    s["reference_date"] = "2009-06-01"
    res = D(s)
    check(res, "NL", "1408/71", "17", None, certificate="E101")
    assert res["period"] == {"start": "2009-01-01", "end": "2010-01-01"}


def test_1408_expired_art17_agreement_leaves_the_host_state():
    """L§3.1 steps 1 and 5: a 3-year posting, the Art. 17 agreement ran out at the end of 2008;
    on 2009-06-01 it does not cover the date, and a posting anticipated over 12 months is the
    state of work's, 13(2)(a)."""
    s = posting(
        start="2007-01-01",
        end="2009-12-31",
        art16_agreement={"state": "NL", "start": "2007-01-01", "end": "2008-12-31"},
    )
    s["reference_date"] = "2009-06-01"
    res = D(s)
    assert (res["legislation"], res["provision"]["article"]) == ("BE", "13(2)(a)"), res["reasons"]
    assert codes(res).get("ART17_1408_AGREEMENT") is False
    old_only(res)


def test_1408_self_employed_abroad_longer_than_12_months_is_the_state_of_work():
    """L§3.1 step 7 14a(1): only up to 12 months; 18 months -> the state of work BE."""
    s = posting(start="2008-01-01", end="2009-06-30")
    s.update(reference_date="2008-06-01", employment_type="self_employed", employers=[])
    s["work"][0]["activity"] = "self_employed"
    res = D(s)
    assert res["legislation"] == "BE", res["reasons"]
    assert res["provision"]["instrument"] == "1408/71"
    old_only(res)


def test_1408_self_employed_in_two_states_neither_the_residence():
    """L§3.1 step 7 14a(2): no part in the residence state DE -> the main activity NL, E101."""
    s = multi(
        "DE",
        [("NL", 70, 70, "self_employed"), ("BE", 30, 30, "self_employed")],
        [],
        ref="2009-06-01",
        start="2008-01-01",
        employment_type="self_employed",
    )
    res = D(s)
    check(res, "NL", "1408/71", "14a(2)", None, certificate="E101")


@pytest.mark.parametrize("pct", [1, 4])
def test_1408_has_no_marginal_rule_and_no_25_percent_threshold(pct):
    """L§3.1 step 6(b)(i) ('no 25% threshold!') and L§1.2 (987 14(5b) marginal only from
    2012-06-28): 1 % or 4 % in the residence state in 2009 still gives the residence state."""
    s = multi("NL", [("NL", pct), ("BE", 100 - pct)], ["BE"], ref="2009-06-01", start="2008-01-01")
    res = D(s)
    check(res, "NL", "1408/71", "14(2)(b)(i)", None)
    assert "ART14_5B_MARGINAL" not in codes(res)


# ---- second round: Art. 87(8) with postings, agreements, civil servants and mariners -------------


def test_87_8_posting_kept_when_883_refuses_it_for_the_two_month_gap():
    """L§3.1 step 5 (14(1)(a): 12 months, no two-month rule) and L§2.3 P7 (883: no fresh posting
    within 2 months of the last): a 12-month posting NL -> BE from 2010-03-01, the previous one
    ended 2010-02-01. 1408/71 NL, 883 BE: different, so NL stays under Art. 87(8) for the posting,
    box 2.6 with 3.1 (L§4.8), the posting's period."""
    s = posting(start="2010-03-01", end="2011-02-28", previous_posting_same_employer_host_end="2010-02-01")
    s["reference_date"] = "2010-09-01"
    res = D(s)
    check(
        res,
        "NL",
        "1408/71",
        "14(1)(a)",
        "01",
        transitional="87(8)",
        certificate="PD A1",
        period={"start": "2010-03-01", "end": "2011-02-28"},
    )


def test_87_8_art17_agreement_and_art16_agreement_designate_the_same_state():
    """L§3.1 step 1 (Art. 17 -> agreed state) and L§2.2 step 1 (Art. 16(1) -> agreed state): a
    5-year posting with an agreement for NL; both regulations give NL, so 883 from 2010-05-01
    (L§1.4): 16(1), PD A1 3.11, the agreement's period."""
    s = posting(
        start="2009-01-01",
        end="2013-12-31",
        art16_agreement={"state": "NL", "start": "2009-01-01", "end": "2013-12-31"},
    )
    s["reference_date"] = "2011-01-01"
    check(
        D(s),
        "NL",
        "883/2004",
        "16(1)",
        "11",
        certificate="PD A1",
        period={"start": "2009-01-01", "end": "2013-12-31"},
    )


def test_87_8_civil_servant_both_give_the_administration():
    """L§3.1 step 3 (13(2)(d)) and L§2.5 11(3)(b): BE administration under both -> 883, 3.5."""
    s = situation(
        reference_date="2011-01-01",
        situation_start="2008-01-01",
        residence="NL",
        employment_type="civil_servant",
        work=work(("NL", 100, 100, "civil_servant")),
        employers=seats("BE"),
    )
    check(D(s), "BE", "883/2004", "11(3)(b)", "05", certificate="PD A1")


def test_87_8_mariner_on_a_norwegian_flag_both_give_the_flag():
    """L§3.1 step 4 (flag; 14b(4) needs the payer's state to be the residence) and L§2.5 11(4):
    lives NL, paid by a DE undertaking, NO flag, since 2011 -> NO under both; 883 from
    2012-06-01: 11(4), PD A1 3.7."""
    s = situation(
        reference_date="2013-01-01",
        situation_start="2011-01-01",
        residence="NL",
        employment_type="seafarer",
        flag_state="NO",
        work=work(("NO", 100)),
        employers=seats("DE"),
    )
    check(D(s), "NO", "883/2004", "11(4)", "07", certificate="PD A1")


def test_87_8_mariner_paid_from_the_residence_state_in_2011():
    """L§3.1 step 4 (14b(4)): lives NL, paid by an NL undertaking, NO flag, asked on 2012-03-01
    (before NO's 2012-06-01) -> 1408/71 NL 14b(4), E101."""
    s = situation(
        reference_date="2012-03-01",
        situation_start="2011-01-01",
        residence="NL",
        employment_type="seafarer",
        flag_state="NO",
        work=work(("NO", 100)),
        employers=seats("NL"),
    )
    res = D(s)
    check(res, "NL", "1408/71", "14b(4)", None, certificate="E101")
    old_only(res)


def test_87_8_warning_names_the_state_to_ask_and_the_cap():
    """L§1.4: the request goes to the institution of the state 883 designates (NL); the cap is
    2020-04-30 (L§1.2). Contract: warnings say when a transitional regime ends."""
    res = D(_c51("2015-01-01", None))
    check(res, "BE", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")
    assert any("2020-04-30" in w and "NL" in w for w in res["warnings"]), res["warnings"]


def test_87_8_request_effective_after_the_cap_does_not_stretch_it():
    """L§1.4: a request of 2020-04-15 would take effect on 2020-05-01, after the cap (2020-04-30);
    on 2020-05-01 883 applies either way, new wording (13(1)(b)(i) NL)."""
    check(D(_c51("2020-04-20", "2020-04-15")), "BE", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")
    check(D(_c51("2020-05-01", "2020-04-15")), "NL", "883/2004", "13(1)(b)(i)", "02", provisional=True)


def test_87_8_self_employed_posting_within_12_months_both_give_the_sending_state():
    """L§3.1 step 7 (14a(1), <= 12 months) and L§2.3 12(2): NL under both -> 883 12(2), 3.3."""
    s = posting(start="2010-01-01", end="2010-10-31")
    s.update(reference_date="2010-06-01", employment_type="self_employed", employers=[])
    s["work"][0]["activity"] = "self_employed"
    check(D(s), "NL", "883/2004", "12(2)", "03", certificate="PD A1")


def test_e102_extension_spanning_2010_05_01_is_decided_by_883():
    """L§1.4: a 12-month posting from 2009-09-01 (1408/71 14(1)(a) NL on 2010-04-30) and an
    extension agreed for NL from 2010-09-01; 883 on 2010-05-01 gives NL (12(1)) too, so 883
    decides, no transition."""
    s = posting(
        start="2009-09-01",
        end="2010-08-31",
        art16_agreement={"state": "NL", "start": "2010-09-01", "end": "2011-08-31"},
    )
    s["reference_date"] = "2010-10-01"
    res = D(s)
    assert res["legislation"] == "NL", res["reasons"]
    assert res["provision"]["instrument"] == "883/2004"
    assert res["transitional"] is None
    assert res["certificate"] == "PD A1"


# ---- third round: step order of L§3.1 and Art. 87a with several employers -------------------------


def test_1408_art17_agreement_comes_before_the_mariners_rules():
    """L§3.1 step 1 before step 4: a mariner posted NL -> DE-flag vessel for 30 months with an
    Art. 17 agreement for NL from the first day -> NL, Art. 17, E101, the agreement's period."""
    s = posting(
        sending_state="NL",
        host_state="DE",
        start="2008-01-01",
        end="2010-06-30",
        art16_agreement={"state": "NL", "start": "2008-01-01", "end": "2010-06-30"},
    )
    s.update(
        reference_date="2009-01-01",
        residence="BE",
        employment_type="seafarer",
        flag_state="DE",
        work=work(("DE", 100)),
    )
    res = D(s)
    check(
        res,
        "NL",
        "1408/71",
        "17",
        None,
        certificate="E101",
        period={"start": "2008-01-01", "end": "2010-06-30"},
    )
    old_only(res)


def test_1408_art17_agreement_for_the_host_state():
    """L§3.1 step 1: an agreement may designate the host state too (an exception to 14(1)(a))."""
    s = posting(
        start="2008-01-01",
        end="2008-10-31",
        art16_agreement={"state": "BE", "start": "2008-01-01", "end": "2008-10-31"},
    )
    s["reference_date"] = "2008-06-01"
    check(D(s), "BE", "1408/71", "17", None, certificate="E101")


def test_87a_several_employers_one_seated_in_the_residence_state_not_worked_in():
    """L§1.4 then L§1.2: lives DE, employers seated DE and NL, works NL and BE, since 2008.
    1408/71 (several employers in different states) and the original 883 wording both give DE ->
    883 from 2010-05-01; from 2012-06-28 13(1)(b)(iii) gives NL -> Art. 87a keeps DE."""
    s = multi("DE", [("NL", 50), ("BE", 50)], ["DE", "NL"], ref="2014-01-01", start="2008-01-01")
    res = D(s)
    check(res, "DE", "883/2004", "13(1)(a)", "02", transitional="87a(1)", certificate="PD A1")
    assert codes(res).get("ART87_8_TRANSITION") is False
    assert codes(res).get("ART87A_TRANSITION") is True
    s["reference_date"] = "2022-06-28"
    check(D(s), "NL", "883/2004", "13(1)(b)(iii)", "02", provisional=True)


def test_1408_mariner_posting_refused_keeps_the_posting_period():
    """Contract ('period': where one follows from the input, a posting's dates) and L§3.1 step 4:
    a mariner posted NL -> DE-flag vessel for 18 months, over the 12 of 14b(1), with no
    agreement: the flag state DE, 13(2)(c), for the posting's period, as an employed person's
    refused 14(1)(a) posting (13(2)(a)) and a refused 883 posting of a seafarer (11(4)) carry it.
    The engine gave no period here."""
    s = posting(sending_state="NL", host_state="DE", start="2008-01-01", end="2009-06-30")
    s.update(
        reference_date="2008-06-01",
        residence="BE",
        employment_type="seafarer",
        flag_state="DE",
        work=work(("DE", 100)),
    )
    res = D(s)
    check(res, "DE", "1408/71", "13(2)(c)", None, period={"start": "2008-01-01", "end": "2009-06-30"})
    assert codes(res).get("ART14_1_A_1408_MAX_12_MONTHS") is False
    old_only(res)
