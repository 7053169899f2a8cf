"""Review s9a: cases written blind from legislation.md and determination.md (as an examiner would,
before reading the engine), then run through the engine. Each test names the section of
legislation.md its answer rests on; boundaries and combinations the public cases leave out."""

import pytest

import rules

from .builders import check, codes, decide, posting, seats, situation, summary, work


def multi(residence, shares, employer_seats, *, ref="2024-06-01", start=None, **extra):
    """A multi-state employee: ``shares`` as for ``work``."""
    s = situation(
        reference_date=ref,
        residence=residence,
        work=work(*shares),
        employers=seats(*employer_seats),
        **extra,
    )
    if start:
        s["situation_start"] = start
    return s


# ---- 1.2 start dates of Reg. 883/2004 per state ------------------------------------------------


def test_eu_posting_the_day_before_883_applies_is_1408_e101():
    """legislation.md 1.2 (EU: 883 from 2010-05-01, before that 1408/71) and 3.1 step 5
    (14(1)(a), <= 12 months, form E101)."""
    s = posting(start="2010-01-01", end="2010-10-31")
    s["reference_date"] = "2010-04-30"
    check(decide(s), "NL", "1408/71", "14(1)(a)", None, certificate="E101")


def test_posting_begun_under_1408_same_answer_under_883_moves_to_883():
    """legislation.md 1.4: both regulations designate the same state (NL: 14(1)(a) and 12(1)), so
    883 applies automatically from its start date; no transitional rule, PD A1 3.1."""
    s = posting(start="2010-04-01", end="2010-12-31")
    s["reference_date"] = "2010-06-01"
    check(decide(s), "NL", "883/2004", "12(1)", "01", certificate="PD A1")


def test_eu_posting_starting_on_883_day_one_for_18_months():
    """legislation.md 1.2 (883 from 2010-05-01) and 2.3 P4 (<= 24 months): an 18-month posting that
    starts on 2010-05-01 is a plain 12(1) posting; the 1408/71 12-month limit no longer matters."""
    s = posting(start="2010-05-01", end="2011-10-31")
    s["reference_date"] = "2010-05-01"
    check(decide(s), "NL", "883/2004", "12(1)", "01", period={"start": "2010-05-01", "end": "2011-10-31"})


def test_switzerland_posting_the_day_before_2012_04_01_is_1408():
    """legislation.md 1.2: Switzerland under 883 only from 2012-04-01; before, 1408/71 via the EU-CH
    agreement (3.1 step 5, 14(1)(a))."""
    s = posting(host_state="CH", start="2012-01-01", end="2012-09-30")
    s["work"] = work(("CH", 100))
    s["reference_date"] = "2012-03-31"
    check(decide(s), "NL", "1408/71", "14(1)(a)", None, certificate="E101")


def test_switzerland_posting_from_2012_04_01_for_20_months_is_883():
    """legislation.md 1.2 (CH from 2012-04-01) and 2.3 P4."""
    s = posting(host_state="CH", start="2012-04-01", end="2013-11-30")
    s["work"] = work(("CH", 100))
    s["reference_date"] = "2012-04-01"
    check(decide(s), "NL", "883/2004", "12(1)", "01")


def test_norway_posting_the_day_before_2012_06_01_is_1408():
    """legislation.md 1.2: IS/LI/NO under 883 only from 2012-06-01."""
    s = posting(host_state="NO", start="2012-01-01", end="2012-10-31")
    s["work"] = work(("NO", 100))
    s["reference_date"] = "2012-05-31"
    check(decide(s), "NL", "1408/71", "14(1)(a)", None, certificate="E101")


def test_iceland_posting_from_2012_06_01_is_883():
    """legislation.md 1.2 (IS from 2012-06-01) and 2.3."""
    s = posting(host_state="IS", start="2012-06-01", end="2013-05-31")
    s["work"] = work(("IS", 100))
    s["reference_date"] = "2012-06-01"
    check(decide(s), "NL", "883/2004", "12(1)", "01")


def test_croatia_before_accession_is_not_a_regulation_country():
    """legislation.md 1.2: before 2013-07-01 Croatia is not a regulation country and 1408/71 never
    applied to it; there is no NL-HR treaty in 1.6, so NL national law (1.6 last paragraph,
    determination.md ``national:NL``): no PD A1."""
    s = posting(host_state="HR", start="2013-01-01", end="2013-12-31")
    s["work"] = work(("HR", 100))
    s["reference_date"] = "2013-03-01"
    result = decide(s)
    assert summary(result) == ("NL", "national:NL", "", None)
    assert result["certificate"] is None


def test_croatia_from_accession_is_883():
    """legislation.md 1.2: Croatia under 883 from 2013-07-01."""
    s = posting(host_state="HR", start="2013-07-01", end="2014-06-30")
    s["work"] = work(("HR", 100))
    s["reference_date"] = "2013-07-01"
    check(decide(s), "NL", "883/2004", "12(1)", "01")


def test_croatia_situation_from_before_accession_has_no_87_8_transition():
    """legislation.md 1.2 (HR: 'none (1408/71 never applied to HR)') and 2.4: lives HR, 10% HR, one
    NL employer -> NL under 13(1)(b)(i), provisional, no transitional rule."""
    s = multi("HR", [("HR", 10), ("NL", 90)], ["NL"], ref="2014-01-01", start="2012-01-01")
    check(decide(s), "NL", "883/2004", "13(1)(b)(i)", "02", provisional=True)


def test_switzerland_in_the_picture_delays_883_same_answer_no_transition():
    """legislation.md 1.2 (latest start date among all states: CH 2012-04-01) and 1.4 (same state
    under both -> 883): lives DE, 50% DE / 50% CH, DE employer; 1408 14(2)(b)(i) DE, 883 13(1)(a)
    DE."""
    s = multi("DE", [("DE", 50), ("CH", 50)], ["DE"], ref="2013-01-01", start="2011-01-01")
    check(decide(s), "DE", "883/2004", "13(1)(a)", "02", provisional=True)


# ---- 1.4 Art. 87(8) transition ------------------------------------------------------------------


def _c51(ref, **extra):
    """Public case C51: lives BE since 2008, 10% BE / 90% NL, one NL employer."""
    return multi("BE", [("BE", 10), ("NL", 90)], ["NL"], ref=ref, start="2008-01-01", **extra)


def test_87_8_runs_to_the_last_day_of_the_ten_years():
    """legislation.md 1.2 ('10-year cap reached 2020-04-30') and 1.4: on 2020-04-30 the 1408/71
    designation still holds, with box 2.6 (4.8)."""
    check(decide(_c51("2020-04-30")), "BE", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")


def test_87_8_request_within_three_months_takes_effect_from_the_start_date():
    """legislation.md 1.4 opt-out: a request filed within 3 months of 2010-05-01 takes effect from
    that date, so 883 decides: NL, provisional. Before 2012-06-28 the employer's seat is the original
    Art. 13(1)(b) (1.2; examiner's slip: 13(1)(b)(i) is the wording of Reg. 465/2012)."""
    s = _c51("2010-09-01", art87_8_request_date="2010-07-15")
    check(decide(s), "NL", "883/2004", "13(1)(b)", "02", provisional=True)


def test_87_8_late_request_waits_for_the_first_of_the_next_month():
    """legislation.md 1.4 opt-out: a later request takes effect on the first day of the following
    month; on 2012-03-20 a request of 2012-03-10 has not yet taken effect."""
    s = _c51("2012-03-20", art87_8_request_date="2012-03-10")
    check(decide(s), "BE", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")


def test_87_8_late_request_effective_on_the_first_of_the_next_month():
    """legislation.md 1.4 opt-out: request of 2012-03-10 takes effect on 2012-04-01 (original
    Art. 13(1)(b) before 2012-06-28, 1.2)."""
    s = _c51("2012-04-01", art87_8_request_date="2012-03-10")
    check(decide(s), "NL", "883/2004", "13(1)(b)", "02", provisional=True)


def test_situation_starting_on_883_day_one_has_no_transition():
    """legislation.md 1.4: the transition needs a situation that began before the start date; one
    that starts on 2010-05-01 falls under 883 (13(1)(b)(i) NL)."""
    s = multi("BE", [("BE", 10), ("NL", 90)], ["NL"], ref="2015-01-01", start="2010-05-01")
    check(decide(s), "NL", "883/2004", "13(1)(b)(i)", "02", provisional=True)


def test_87_8_switzerland_transition_until_2022_03_31():
    """legislation.md 1.2 (CH: transition until 2022-03-31) and 1.4: lives NL, 10% NL / 90% CH, CH
    employer; 1408 14(2)(b)(i) NL, 883 13(1)(b)(i) CH -> NL stays, box 2.6."""
    s = multi("NL", [("NL", 10), ("CH", 90)], ["CH"], ref="2022-03-31", start="2011-01-01")
    check(decide(s), "NL", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")


def test_87_8_switzerland_transition_over_on_2022_04_01():
    """legislation.md 1.2 (CH transition until 2022-03-31): afterwards 883 13(1)(b)(i), CH."""
    s = multi("NL", [("NL", 10), ("CH", 90)], ["CH"], ref="2022-04-01", start="2011-01-01")
    check(decide(s), "CH", "883/2004", "13(1)(b)(i)", "02", provisional=True)


def test_87_8_norway_transition_until_2022_05_31():
    """legislation.md 1.2 (IS/LI/NO: transition until 2022-05-31) and 1.4."""
    s = multi("NL", [("NL", 10), ("NO", 90)], ["NO"], ref="2022-05-31", start="2011-06-01")
    check(decide(s), "NL", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")


def test_87_8_norway_transition_over_on_2022_06_01():
    """legislation.md 1.2 (IS/LI/NO: transition until 2022-05-31)."""
    s = multi("NL", [("NL", 10), ("NO", 90)], ["NO"], ref="2022-06-01", start="2011-06-01")
    check(decide(s), "NO", "883/2004", "13(1)(b)(i)", "02", provisional=True)


# ---- 1.2 Reg. 465/2012 and Art. 87a ---------------------------------------------------------------


def _87a(ref, **extra):
    """Lives NL, 10% NL / 90% BE, employers in NL and BE, since 2011: original 13(1)(a) (several
    employers in different states -> residence NL); from 2012-06-28 13(1)(b)(iii) -> BE."""
    return multi("NL", [("NL", 10), ("BE", 90)], ["NL", "BE"], ref=ref, start="2011-01-01", **extra)


def test_87a_keeps_the_residence_state_while_unchanged():
    """legislation.md 1.2 (Reg. 465/2012, Art. 87a: old state stays competent up to 2022-06-27)
    and 4.8 (box 2.6 also for 87a)."""
    result = decide(_87a("2015-01-01"))
    assert result["legislation"] == "NL"
    assert result["transitional"] == {"instrument": "883/2004", "article": "87a(1)"}
    assert result["a1_status_code"] == "02"
    assert result["provisional"] is False


def test_87a_cap_ends_on_2022_06_27():
    """legislation.md 1.2: at most 10 years from 2012-06-28, so until 2022-06-27; then the new
    13(1)(b)(iii) gives BE."""
    assert decide(_87a("2022-06-27"))["legislation"] == "NL"
    check(decide(_87a("2022-06-28")), "BE", "883/2004", "13(1)(b)(iii)", "02", provisional=True)


def test_87a_request_by_29_09_2012_takes_effect_on_28_06_2012():
    """legislation.md 1.2: a request filed by 29-09-2012 took effect on 28-06-2012."""
    s = _87a("2012-09-01", art87_8_request_date="2012-08-15")
    check(decide(s), "BE", "883/2004", "13(1)(b)(iii)", "02", provisional=True)


def test_87a_later_request_waits_for_the_next_month():
    """legislation.md 1.2: later requests take effect on the first day of the following month."""
    assert decide(_87a("2012-10-20", art87_8_request_date="2012-10-15"))["legislation"] == "NL"
    result = decide(_87a("2012-11-01", art87_8_request_date="2012-10-15"))
    check(result, "BE", "883/2004", "13(1)(b)(iii)", "02", provisional=True)


# ---- 1.3 persons covered ----------------------------------------------------------------------------


def test_third_country_national_posted_within_the_eu_is_covered():
    """legislation.md 1.3: Reg. 1231/2010 (from 2011-01-01) covers third-country nationals residing
    legally in an EU state."""
    s = posting(start="2024-03-01", end="2025-02-28")
    s["nationalities"] = ["IN"]
    check(decide(s), "NL", "883/2004", "12(1)", "01")


def test_third_country_national_posted_to_denmark_is_not_covered():
    """legislation.md 1.3: Reg. 1231/2010 does not apply to Denmark; no treaty (1.6), so NL
    national law (1.6 last paragraph), no PD A1."""
    s = posting(host_state="DK")
    s["work"] = work(("DK", 100))
    s["nationalities"] = ["IN"]
    result = decide(s)
    assert summary(result) == ("NL", "national:NL", "", None)
    assert result["certificate"] is None


def test_third_country_national_posted_to_switzerland_is_not_covered():
    """legislation.md 1.3: the extension to third-country nationals does not reach Switzerland."""
    s = posting(host_state="CH")
    s["work"] = work(("CH", 100))
    s["nationalities"] = ["US"]
    assert summary(decide(s)) == ("NL", "national:NL", "", None)


def test_eu_national_posted_to_denmark_is_covered():
    """legislation.md 1.1/1.3: a national of a regulation country is covered; DK is a member."""
    s = posting(host_state="DK")
    s["work"] = work(("DK", 100))
    s["nationalities"] = ["IN", "DE"]
    check(decide(s), "NL", "883/2004", "12(1)", "01")


def test_norwegian_posted_to_switzerland_is_covered():
    """legislation.md 1.1/1.3: a national of an EEA state working between regulation countries."""
    s = posting(host_state="CH")
    s["work"] = work(("CH", 100))
    s["nationalities"] = ["NO"]
    check(decide(s), "NL", "883/2004", "12(1)", "01")


# ---- 1.5 United Kingdom ---------------------------------------------------------------------------


def test_withdrawal_agreement_keeps_883_for_a_multistate_worker_since_2019():
    """legislation.md 1.5: a cross-border situation with the UK on 31-12-2020 that continues keeps
    the EU rules; 50% in the residence state NL -> 13(1)(a)."""
    s = multi("NL", [("NL", 50), ("GB", 50)], ["NL"], ref="2023-01-01", start="2019-01-01")
    check(decide(s), "NL", "883/2004", "13(1)(a)", "02", provisional=True)


def test_withdrawal_agreement_posting_begun_in_2020_stays_883():
    """legislation.md 1.5: 'A1s that started before 2021 run to their end date'."""
    s = posting(host_state="GB", start="2020-06-01", end="2022-05-31")
    s["work"] = work(("GB", 100))
    s["reference_date"] = "2021-06-01"
    check(decide(s), "NL", "883/2004", "12(1)", "01", certificate="PD A1")


def test_tca_detachment_exactly_24_months():
    """legislation.md 1.5 Art. SSC.11: detachment of no more than 24 months keeps the sending
    state."""
    s = posting(host_state="GB", start="2021-03-01", end="2023-02-28")
    s["work"] = work(("GB", 100))
    s["reference_date"] = "2022-01-01"
    check(decide(s), "NL", "TCA", "SSC.11(1)", None)


def test_tca_detachment_one_day_over_24_months_is_host_state():
    """legislation.md 1.5: 'A detachment expected to exceed 24 months falls under the host state's
    law' (lex loci laboris, SSC.10(3)(a))."""
    s = posting(host_state="GB", start="2021-03-01", end="2023-03-01")
    s["work"] = work(("GB", 100))
    s["reference_date"] = "2022-01-01"
    result = decide(s)
    assert result["legislation"] == "GB"
    assert result["provision"]["instrument"] == "TCA"
    assert result["a1_status_code"] is None


def test_tca_detachment_replacing_another_detached_person_is_host_state():
    """legislation.md 1.5 Art. SSC.11: 'not sent to replace another detached person'."""
    s = posting(host_state="GB", start="2022-03-01", end="2022-12-31", replaces_posted_worker=True)
    s["work"] = work(("GB", 100))
    s["reference_date"] = "2022-06-01"
    result = decide(s)
    assert result["legislation"] == "GB"
    assert result["provision"]["instrument"] == "TCA"


def test_channel_islands_under_the_nl_uk_convention_three_years():
    """legislation.md 1.5 (Channel Islands never in the EU regime) and 1.6 (3 years, NL-UK
    convention Art. 8; determination.md ``treaty:GB-NL``)."""
    s = posting(host_state="JE", start="2024-01-01", end="2026-12-31")
    s["work"] = work(("JE", 100))
    result = decide(s)
    assert summary(result) == ("NL", "treaty:GB-NL", "8", None)
    assert result["certificate"] == "treaty certificate"


# ---- 1.6 bilateral treaties: at the maximum and one day over -------------------------------------

TREATY_LIMITS = [
    # host, instrument, article (1.6 source column; "" where none is given), last day of a
    # posting from 2024-01-01 that is exactly at the maximum
    ("AU", "treaty:AU-NL", "8(3)(d)", "2028-12-31"),
    ("CA", "treaty:CA-NL", "VI(2)(a)", "2028-12-31"),
    ("CL", "treaty:CL-NL", "8", "2025-12-31"),
    ("EG", "treaty:EG-NL", "9", "2025-12-31"),
    ("IN", "treaty:IN-NL", "7", "2028-12-31"),
    ("IL", "treaty:IL-NL", "6b", "2025-12-31"),
    ("JP", "treaty:JP-NL", "7", "2028-12-31"),
    ("CV", "treaty:CV-NL", "7", "2024-12-31"),
    ("GG", "treaty:GB-NL", "8", "2026-12-31"),
    ("IM", "treaty:GB-NL", "8", "2026-12-31"),
    ("MK", "treaty:MK-NL", "10", "2025-12-31"),
    ("MA", "treaty:MA-NL", "7", "2024-12-31"),
    ("NZ", "treaty:NL-NZ", "5", "2028-12-31"),
    ("TN", "treaty:NL-TN", "3", "2024-12-31"),
    ("UY", "treaty:NL-UY", "7", "2025-12-31"),
    ("US", "treaty:NL-US", "9", "2028-12-31"),
    ("KR", "treaty:KR-NL", "7", "2028-12-31"),
    ("CN", "treaty:CN-NL", "", "2028-12-31"),
]


def _treaty_posting(host, end, **extra):
    s = posting(host_state=host, start="2024-01-01", end=end, **extra)
    s["work"] = work((host, 100))
    return s


def _day_after(iso):
    from datetime import date, timedelta

    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("host", "instrument", "article", "last_day"), TREATY_LIMITS, ids=[t[0] for t in TREATY_LIMITS]
)
def test_treaty_posting_at_the_maximum_keeps_nl(host, instrument, article, last_day):
    """legislation.md 1.6 table: a posting of exactly the treaty's maximum keeps the worker under
    NL law, under the posting article, with a treaty certificate and no PD A1."""
    result = decide(_treaty_posting(host, last_day))
    assert summary(result) == ("NL", instrument, article, None)
    assert result["a1_status_code"] is None
    assert result["certificate"] == "treaty certificate"
    assert result["period"] == {"start": "2024-01-01", "end": last_day}


@pytest.mark.parametrize(
    ("host", "instrument", "article", "last_day"), TREATY_LIMITS, ids=[t[0] for t in TREATY_LIMITS]
)
def test_treaty_posting_one_day_over_the_maximum_is_host_state(host, instrument, article, last_day):
    """legislation.md 1.6 table: one day over the maximum, without an agreement, the posting
    article does not apply; the host state's law applies under the treaty."""
    result = decide(_treaty_posting(host, _day_after(last_day)))
    assert (result["legislation"], result["provision"]["instrument"]) == (host, instrument)
    assert result["a1_status_code"] is None
    assert any("exceeds the maximum" in w for w in result["warnings"])


def test_japan_fresh_posting_within_a_year_of_the_last_is_refused():
    """legislation.md 1.6 Japan: 'a fresh posting only after 1 year has passed'."""
    s = _treaty_posting("JP", "2025-12-31", previous_posting_same_employer_host_end="2023-09-30")
    assert decide(s)["legislation"] == "JP"


def test_korea_successive_postings_under_a_year_apart_count_as_one():
    """legislation.md 1.6 South Korea: postings less than 12 months apart count as one; a fresh
    5-year posting on top of one that ended 6 months earlier exceeds 5 years, whatever the earlier
    one's length. The engine only warned and kept NL."""
    s = _treaty_posting("KR", "2028-12-31", previous_posting_same_employer_host_end="2023-06-30")
    result = decide(s)
    assert summary(result) == ("KR", "treaty:KR-NL", "", None)
    assert codes(result)["TREATY_SUCCESSIVE_POSTINGS"] is False


def test_korea_posting_a_year_after_the_last_counts_alone():
    """legislation.md 1.6 South Korea: 12 months or more apart, the postings count separately, so a
    5-year posting is within the maximum."""
    s = _treaty_posting("KR", "2028-12-31", previous_posting_same_employer_host_end="2022-12-31")
    result = decide(s)
    assert summary(result) == ("NL", "treaty:KR-NL", "7", None)
    assert codes(result)["TREATY_SUCCESSIVE_POSTINGS"] is True


def test_korea_shorter_posting_soon_after_the_last_is_left_to_the_svb():
    """legislation.md 1.6 South Korea: with a 3-year posting the combined length depends on the
    previous posting's start, which the input lacks; the engine keeps NL and says to add them up."""
    s = _treaty_posting("KR", "2026-12-31", previous_posting_same_employer_host_end="2023-06-30")
    result = decide(s)
    assert summary(result) == ("NL", "treaty:KR-NL", "7", None)
    assert any("count as one" in w for w in result["warnings"])


@pytest.mark.parametrize("host", ["BA", "ME", "RS", "XK"])
def test_former_yugoslav_states_each_have_their_own_treaty(host):
    """legislation.md 1.6: the NL-Yugoslavia treaty is continued with each successor state;
    determination.md names a treaty by its two parties in alphabetical order. The engine called
    all four ``treaty:BA-NL``, so a posting to Serbia named Bosnia-Herzegovina. The maximum is 'not
    found', so NL stays with a warning to check it."""
    result = decide(_treaty_posting(host, "2025-12-31"))
    assert summary(result) == ("NL", "treaty:" + "-".join(sorted((host, "NL"))), "", None)
    assert any("not recorded" in w for w in result["warnings"])


def test_treaty_posting_needs_a_month_of_dutch_insurance():
    """legislation.md 1.6 'Other treaty rules': the SVB requires at least 1 month of Dutch insurance
    immediately before a treaty posting."""
    s = _treaty_posting("US", "2025-12-31", insured_in_sending_state_months_before=0)
    result = decide(s)
    assert (result["legislation"], result["provision"]["instrument"]) == ("US", "treaty:NL-US")


def test_non_treaty_country_from_another_sending_state_has_no_rule():
    """legislation.md 1.6 last paragraph and determination.md (``none``: the engine knows no national
    rule): BE -> Singapore."""
    s = posting(sending_state="BE", host_state="SG")
    s["residence"] = "BE"
    s["employers"] = seats("BE")
    s["work"] = work(("SG", 100))
    result = decide(s)
    assert (result["legislation"], result["provision"]["instrument"]) == (None, "none")
    assert result["warnings"]


# ---- 2.3 posting conditions --------------------------------------------------------------------


def test_posting_of_exactly_24_months_from_the_31st():
    """legislation.md 2.3 P4: ending the day before the 24-month anniversary is exactly 24 months."""
    s = posting(start="2024-01-31", end="2026-01-30")
    check(decide(s), "NL", "883/2004", "12(1)", "01")


def test_posting_one_day_over_24_months_from_the_31st():
    """legislation.md 2.3 P4/P9: one day more is over the limit -> host state, 11(3)(a), 3.12."""
    s = posting(start="2024-01-31", end="2026-01-31")
    result = decide(s)
    check(result, "BE", "883/2004", "11(3)(a)", "12")
    assert codes(result)["ART12_1_MAX_24_MONTHS"] is False


def test_fresh_posting_after_a_two_month_gap_is_allowed():
    """legislation.md 2.3 P7: at least 2 months after the previous posting ended (31-12 -> 01-03)."""
    s = posting(start="2024-03-01", end="2024-12-31", previous_posting_same_employer_host_end="2023-12-31")
    check(decide(s), "NL", "883/2004", "12(1)", "01")


def test_fresh_posting_six_weeks_after_the_last_is_refused():
    """legislation.md 2.3 P7: under 2 months since the previous posting to the same state."""
    s = posting(start="2024-03-01", end="2024-12-31", previous_posting_same_employer_host_end="2024-01-15")
    check(decide(s), "BE", "883/2004", "11(3)(a)", "12")


def test_posting_with_exactly_one_month_of_prior_insurance_passes():
    """legislation.md 2.3 P3: in practice at least 1 month; exactly 1 month suffices."""
    s = posting(insured_in_sending_state_months_before=1)
    check(decide(s), "NL", "883/2004", "12(1)", "01")
    assert not any("case-by-case" in w for w in decide(s)["warnings"])


def test_hired_out_to_a_third_undertaking_fails():
    """legislation.md 2.3 P6."""
    check(decide(posting(placed_at_disposal_of_third_undertaking=True)), "BE", "883/2004", "11(3)(a)", "12")


def test_direct_relationship_broken_fails():
    """legislation.md 2.3 P2."""
    check(decide(posting(direct_relationship_maintained=False)), "BE", "883/2004", "11(3)(a)", "12")


def test_letterbox_employer_fails():
    """legislation.md 2.3 P1: no substantial activity in the sending state."""
    s = posting()
    s["employers"] = seats("NL", substantial=False)
    check(decide(s), "BE", "883/2004", "11(3)(a)", "12")


def test_posted_worker_living_in_the_host_state_is_still_posted():
    """legislation.md 2.3: residence is not a posting condition; a BE resident insured in NL and
    posted by his NL employer to BE stays under NL law."""
    s = posting()
    s["residence"] = "BE"
    check(decide(s), "NL", "883/2004", "12(1)", "01")


def test_art16_agreement_for_a_36_month_posting():
    """legislation.md 2.3 P9 and 2.5 Art. 16(1): over 24 months needs an agreement; with one the
    agreed state applies, PD A1 3.11, period = the agreement's dates (determination.md)."""
    s = posting(
        start="2024-03-01",
        end="2027-02-28",
        art16_agreement={"state": "NL", "start": "2024-03-01", "end": "2027-02-28"},
    )
    check(decide(s), "NL", "883/2004", "16(1)", "11", period={"start": "2024-03-01", "end": "2027-02-28"})


def test_self_employed_posting_with_exactly_two_months_activity():
    """legislation.md 2.3 Z1: the SVB requires >= 2 months of activity in the sending state."""
    s = posting(insured_in_sending_state_months_before=2)
    s["employment_type"] = "self_employed"
    s["work"] = work(("BE", 100, 100, "self_employed"))
    s["employers"] = []
    check(decide(s), "NL", "883/2004", "12(2)", "03", certificate="PD A1")


def test_self_employed_posting_with_six_weeks_activity_fails():
    """legislation.md 2.3 Z1: under 2 months of self-employment in the sending state."""
    s = posting(insured_in_sending_state_months_before=1.5)
    s["employment_type"] = "self_employed"
    s["work"] = work(("BE", 100, 100, "self_employed"))
    s["employers"] = []
    result = decide(s)
    assert result["legislation"] == "BE"
    assert result["provision"] == {"instrument": "883/2004", "article": "11(3)(a)"}


def test_self_employed_posting_one_day_over_24_months_fails():
    """legislation.md 2.3 Z4."""
    s = posting(start="2024-03-01", end="2026-03-01")
    s["employment_type"] = "self_employed"
    s["work"] = work(("BE", 100, 100, "self_employed"))
    s["employers"] = []
    assert decide(s)["legislation"] == "BE"


# ---- 2.4 multi-state work -----------------------------------------------------------------------


def test_exactly_25_percent_time_in_residence_is_substantial():
    """legislation.md 2.4: time_share(R) >= 25% OR pay_share(R) >= 25%; 25% time, 20% pay."""
    s = multi("NL", [("NL", 25, 20), ("DE", 75, 80)], ["DE"])
    check(decide(s), "NL", "883/2004", "13(1)(a)", "02", provisional=True, certificate="PD A1")


def test_25_percent_pay_alone_is_substantial():
    """legislation.md 2.4: the pay share alone reaching 25% suffices."""
    s = multi("NL", [("NL", 10, 25), ("DE", 90, 75)], ["DE"])
    check(decide(s), "NL", "883/2004", "13(1)(a)", "02", provisional=True)


def test_24_9_percent_time_and_pay_is_not_substantial():
    """legislation.md 2.4: under 25% on both -> one employer -> seat, 13(1)(b)(i)."""
    s = multi("NL", [("NL", 24.9), ("DE", 75.1)], ["DE"])
    check(decide(s), "DE", "883/2004", "13(1)(b)(i)", "02", provisional=True)


def test_marginal_second_state_dropped_leaves_single_state_work():
    """legislation.md 2.2 steps 5-6: a 4% (time and pay) activity in DE is marginal and dropped; only
    BE is left, no posting -> BE under 11(3)(a) (without dropping, 13(1)(b)(i) would give NL)."""
    s = multi("NL", [("BE", 96), ("DE", 4)], ["NL"])
    result = decide(s)
    assert summary(result) == ("BE", "883/2004", "11(3)(a)", "12")
    assert result["provisional"] is False
    assert any("DE" in w for w in result["warnings"])


def test_four_percent_time_but_six_percent_pay_is_not_marginal():
    """legislation.md 2.2 step 5: marginal means under ~5% of time AND pay; 6% pay is not."""
    s = multi("NL", [("BE", 96, 94), ("DE", 4, 6)], ["NL"])
    check(decide(s), "NL", "883/2004", "13(1)(b)(i)", "02", provisional=True)


def test_employer_seated_outside_the_eu_gives_residence_987_14_11():
    """legislation.md 2.4: an employer seated outside EU/EEA/CH -> residence, 987 Art. 14(11)."""
    s = multi("NL", [("NL", 10), ("DE", 90)], ["US"])
    check(decide(s), "NL", "987/2009", "14(11)", "02", provisional=True)


def test_one_of_two_employers_outside_the_eu_gives_residence():
    """legislation.md 2.4: 'any employer seated outside EU/EEA/CH -> R' comes before the seat rules."""
    s = multi("NL", [("NL", 10), ("DE", 90)], ["DE", "US"])
    check(decide(s), "NL", "987/2009", "14(11)", "02", provisional=True)


def test_swiss_employer_is_not_outside():
    """legislation.md 1.1 and 2.4: CH is a regulation country, so 13(1)(b)(i) gives CH."""
    s = multi("DE", [("DE", 10), ("AT", 90)], ["CH"])
    check(decide(s), "CH", "883/2004", "13(1)(b)(i)", "02", provisional=True)


def test_several_employers_seated_in_residence_and_two_others():
    """legislation.md 2.4: seats {R, X, Y} (two seats outside R) -> R, 13(1)(b)(iv)."""
    s = multi("NL", [("NL", 10), ("BE", 45), ("DE", 45)], ["NL", "BE", "DE"])
    check(decide(s), "NL", "883/2004", "13(1)(b)(iv)", "02", provisional=True)


def test_self_employed_not_substantial_in_residence_goes_to_centre_of_interest():
    """legislation.md 2.4 13(2): otherwise the state holding the centre of interest; 90% of time
    and income in BE."""
    s = multi("NL", [("NL", 10, 10, "self_employed"), ("BE", 90, 90, "self_employed")], [])
    s["employment_type"] = "self_employed"
    check(decide(s), "BE", "883/2004", "13(2)(b)", "04", provisional=True)


def test_self_employed_exactly_25_percent_in_residence():
    """legislation.md 2.4 13(2): same 25% signal (987 14(8)(b))."""
    s = multi("NL", [("NL", 25, 25, "self_employed"), ("BE", 75, 75, "self_employed")], [])
    s["employment_type"] = "self_employed"
    check(decide(s), "NL", "883/2004", "13(2)(a)", "04", provisional=True)


def test_employed_in_one_state_self_employed_in_another():
    """legislation.md 2.4 13(3): the state of the employment; PD A1 3.8, provisional (4.8)."""
    s = situation(
        residence="NL",
        employment_type="employed_and_self_employed",
        work=work(("DE", 60, 60, "employed"), ("NL", 40, 40, "self_employed")),
        employers=seats("DE"),
    )
    check(decide(s), "DE", "883/2004", "13(3)", "08", provisional=True)


def test_civil_servant_plus_employment_elsewhere():
    """legislation.md 2.2 step 2 and 2.4 13(4): the administration's state; PD A1 3.9,
    provisional (4.8)."""
    s = situation(
        residence="BE",
        employment_type="civil_servant_and_employed",
        work=work(("NL", 60, 60, "civil_servant"), ("BE", 40, 40, "employed")),
        employers=seats("NL", "BE"),
    )
    check(decide(s), "NL", "883/2004", "13(4)", "09", provisional=True)


# ---- 2.5 Art. 11 special cases -------------------------------------------------------------------


def test_posted_civil_servant_beyond_24_months_stays_under_11_3_b():
    """legislation.md 2.2 notes: a civil servant posted by the administration stays under 11(3)(b);
    the posting rules (and their 24 months) are not needed. PD A1 3.5, not provisional."""
    s = posting(start="2024-03-01", end="2027-02-28")
    s["employment_type"] = "civil_servant"
    s["work"] = work(("BE", 100, 100, "civil_servant"))
    check(decide(s), "NL", "883/2004", "11(3)(b)", "05", certificate="PD A1")


def test_art16_agreement_comes_before_civil_servant_rule():
    """legislation.md 2.2: step 1 (Art. 16 agreement) is evaluated before step 2 (civil servant)."""
    s = posting(
        start="2024-03-01",
        end="2027-02-28",
        art16_agreement={"state": "BE", "start": "2024-03-01", "end": "2027-02-28"},
    )
    s["employment_type"] = "civil_servant"
    s["work"] = work(("BE", 100, 100, "civil_servant"))
    check(decide(s), "BE", "883/2004", "16(1)", "11")


def test_flight_crew_single_home_base_state():
    """legislation.md 2.5 11(5) and 4.8: all crew work counts as done in the home-base state;
    PD A1 3.10, not provisional."""
    s = situation(
        residence="NL",
        employment_type="flight_crew",
        home_base="DE",
        work=work(("DE", 100)),
        employers=seats("IE"),
    )
    check(decide(s), "DE", "883/2004", "11(5)", "10")


def test_seafarer_on_a_flag_ship_paid_from_a_third_member_state_where_he_does_not_live():
    """legislation.md 2.5 11(4): the exception needs payer seat AND residence in the other state;
    BE payer, lives DE -> flag state NL."""
    s = situation(
        residence="DE",
        employment_type="seafarer",
        flag_state="NL",
        work=work(("NL", 100)),
        employers=seats("BE"),
    )
    check(decide(s), "NL", "883/2004", "11(4)", "07")


def test_seafarer_paid_from_and_living_in_another_member_state():
    """legislation.md 2.5 11(4) second sentence: MT flag, DE payer, lives DE -> DE."""
    s = situation(
        residence="DE",
        employment_type="seafarer",
        flag_state="MT",
        work=work(("MT", 100)),
        employers=seats("DE"),
    )
    check(decide(s), "DE", "883/2004", "11(4)", "07")


def test_inactive_person_has_no_pd_a1():
    """legislation.md 2.2 step 7 and 2.5 11(3)(e): residence, no A1."""
    s = situation(residence="BE", employment_type="inactive", work=[], employers=[])
    result = decide(s)
    assert summary(result) == ("BE", "883/2004", "11(3)(e)", None)
    assert result["certificate"] is None


# ---- 2.6 attestation ------------------------------------------------------------------------------


def test_lex_loci_answer_is_attested_with_pd_a1_box_3_12():
    """legislation.md 2.6 (attestation on request, 987 Art. 19(2)) and 4.8 (11(3)(a) on request
    -> 3.12)."""
    s = situation(residence="BE", work=work(("NL", 100)), employers=seats("NL"))
    check(decide(s), "NL", "883/2004", "11(3)(a)", "12", certificate="PD A1")


def test_pd_a1_can_be_dated_before_the_work_starts():
    """legislation.md 2.3 Outcome: the A1 'can be dated before the work starts'."""
    s = posting(start="2024-09-01", end="2025-08-31")
    s["reference_date"] = "2024-06-01"
    check(decide(s), "NL", "883/2004", "12(1)", "01", period={"start": "2024-09-01", "end": "2025-08-31"})


# ---- 3 Reg. 1408/71 ----------------------------------------------------------------------------------


def _1408(**extra):
    s = situation(reference_date="2009-06-01", **extra)
    s.setdefault("situation_start", "2009-01-01")
    return s


def test_1408_posting_exactly_12_months():
    """legislation.md 3.1 step 5: 14(1)(a), expected duration <= 12 months, form E101."""
    s = posting(start="2009-01-01", end="2009-12-31")
    s["reference_date"] = "2009-06-01"
    check(decide(s), "NL", "1408/71", "14(1)(a)", None, certificate="E101")


def test_1408_posting_anticipated_over_12_months_is_host():
    """legislation.md 3.1 step 5: anticipated > 12 months from the start -> 14(1) not available
    -> host, 13(2)(a)."""
    s = posting(start="2009-01-01", end="2010-01-01")
    s["reference_date"] = "2009-06-01"
    result = decide(s)
    assert summary(result) == ("BE", "1408/71", "13(2)(a)", None)


def test_1408_art17_agreement_for_a_long_posting():
    """legislation.md 3.1 step 1 (Art. 17 agreement -> agreed state, E101 under Art. 17)."""
    s = posting(
        start="2008-01-01",
        end="2010-12-31",
        art16_agreement={"state": "NL", "start": "2008-01-01", "end": "2010-12-31"},
    )
    s["reference_date"] = "2009-06-01"
    check(decide(s), "NL", "1408/71", "17", None, certificate="E101")


def test_1408_several_employers_in_different_states_gives_residence_without_work_there():
    """legislation.md 3.1 step 6 (b)(i): works for several employers seated in different states
    -> residence state, even with no work there."""
    s = _1408(residence="NL", work=work(("BE", 50), ("DE", 50)), employers=seats("BE", "DE"))
    check(decide(s), "NL", "1408/71", "14(2)(b)(i)", None, certificate="E101")


def test_1408_multistate_with_a_small_share_in_residence():
    """legislation.md 3.1 step 6 (b)(i): 'no 25% threshold!' - 5% in the residence state suffices."""
    s = _1408(residence="BE", work=work(("BE", 6), ("NL", 94)), employers=seats("NL"))
    check(decide(s), "BE", "1408/71", "14(2)(b)(i)", None)


def test_1408_self_employed_temporary_work_abroad():
    """legislation.md 3.1 step 7: 14a(1) <= 12 months -> state of normal self-employment."""
    s = posting(start="2009-01-01", end="2009-12-31")
    s["reference_date"] = "2009-06-01"
    s["employment_type"] = "self_employed"
    s["work"] = work(("BE", 100, 100, "self_employed"))
    s["employers"] = []
    check(decide(s), "NL", "1408/71", "14a(1)", None, certificate="E101")


def test_1408_self_employed_in_two_states_including_residence():
    """legislation.md 3.1 step 7: 14a(2) residence state if part of the activity is there."""
    s = _1408(
        residence="NL",
        employment_type="self_employed",
        work=work(("NL", 10, 10, "self_employed"), ("BE", 90, 90, "self_employed")),
        employers=[],
    )
    check(decide(s), "NL", "1408/71", "14a(2)", None)


def test_1408_employed_and_self_employed():
    """legislation.md 3.1 step 8: 14c(a) -> state of employment."""
    s = _1408(
        residence="NL",
        employment_type="employed_and_self_employed",
        work=work(("BE", 60, 60, "employed"), ("NL", 40, 40, "self_employed")),
        employers=seats("BE"),
    )
    check(decide(s), "BE", "1408/71", "14c(a)", None)


def test_1408_civil_servant():
    """legislation.md 3.1 step 3: 13(2)(d) -> state of the employing administration."""
    s = _1408(employment_type="civil_servant", work=work(("BE", 100, 100, "civil_servant")))
    check(decide(s), "NL", "1408/71", "13(2)(d)", None)


def test_1408_mariner_on_a_member_state_flag():
    """legislation.md 3.1 step 4: on board a vessel flying the flag of MS X -> X (13(2)(c))."""
    s = _1408(
        residence="BE",
        employment_type="seafarer",
        flag_state="NL",
        work=work(("NL", 100)),
        employers=seats("NL"),
    )
    check(decide(s), "NL", "1408/71", "13(2)(c)", None)


def test_1408_inactive_person():
    """legislation.md 3.1 step 9: 13(2)(f) residence."""
    s = _1408(residence="BE", employment_type="inactive", work=[], employers=[])
    result = decide(s)
    assert summary(result) == ("BE", "1408/71", "13(2)(f)", None)


# ---- input errors (determination.md) ----------------------------------------------------------------


def test_flight_crew_without_home_base_is_an_error():
    """determination.md: ``home_base`` is required for ``flight_crew``; missing input is an error,
    never a crash."""
    s = situation(employment_type="flight_crew", home_base=None, work=work(("DE", 100)))
    with pytest.raises(rules.InvalidSituation):
        decide(s)


def test_greek_and_uk_aliases_are_accepted():
    """determination.md: ``EL``/``UK`` are accepted as aliases for GR and GB."""
    s = posting(host_state="EL")
    s["work"] = work(("EL", 100))
    check(decide(s), "NL", "883/2004", "12(1)", "01")


# ---- second round: combinations ----------------------------------------------------------------------


def test_seafarer_posted_onto_a_foreign_flag_while_living_elsewhere_is_posted():
    """legislation.md 2.2 notes and steps 3-6: a seafarer can still be posted; lives BE, NL employer,
    DE-flag vessel: the work counts as done in DE (step 3), step 4 does not apply (not living in
    NL), one state of work -> posting test -> NL 12(1), PD A1 3.1."""
    s = situation(
        residence="BE",
        employment_type="seafarer",
        flag_state="DE",
        work=work(("DE", 100)),
        employers=seats("NL"),
        posting={"host_state": "DE"},
    )
    check(decide(s), "NL", "883/2004", "12(1)", "01", certificate="PD A1")


def test_seafarer_paid_from_and_living_in_the_sending_state_is_11_4_before_posting():
    """legislation.md 2.2 order: step 4 (11(4) second sentence: paid by an undertaking in NL and
    living in NL) comes before the posting test of step 6 (examiner first expected 12(1); the
    order of evaluation puts 11(4) first, same state)."""
    s = situation(
        employment_type="seafarer",
        flag_state="DE",
        work=work(("DE", 100)),
        employers=seats("NL"),
        posting={"host_state": "DE"},
    )
    check(decide(s), "NL", "883/2004", "11(4)", "07")


def test_posting_from_29_february_exactly_24_months():
    """legislation.md 2.3 P4 (Melosys ``MONTHS.between(start, end) >= 24``): from 2024-02-29 a
    posting ending 2026-02-28 is within 24 months; one ending 2026-03-01 is over."""
    check(decide(posting(start="2024-02-29", end="2026-02-28")), "NL", "883/2004", "12(1)", "01")
    check(decide(posting(start="2024-02-29", end="2026-03-01")), "BE", "883/2004", "11(3)(a)", "12")


def test_1408_posting_over_12_months_begun_before_883_stays_with_the_host_under_87_8():
    """legislation.md 1.4 and 3.1 step 5: an 18-month posting begun 2010-03-01: 1408/71 gave BE
    (anticipated > 12 months, 13(2)(a)), 883 gives NL (12(1)); different, so BE stays, box 2.6."""
    s = posting(start="2010-03-01", end="2011-08-31")
    s["reference_date"] = "2010-06-01"
    result = decide(s)
    assert summary(result)[:3] == ("BE", "1408/71", "13(2)(a)")
    assert result["transitional"] == {"instrument": "883/2004", "article": "87(8)"}
    assert result["provisional"] is False


def test_aircrew_before_reg_465_2012_has_no_home_base_rule():
    """legislation.md 1.2 and 2.5: Art. 11(5) applies from 2012-06-28; before, the original
    Art. 13(1)(b) gave the employer's seat (IE) to crew not working substantially in the residence
    state."""
    s = situation(
        reference_date="2011-06-01",
        residence="NL",
        employment_type="flight_crew",
        home_base="DE",
        work=work(("DE", 60), ("FR", 40)),
        employers=seats("IE"),
    )
    s["situation_start"] = "2011-01-01"
    check(decide(s), "IE", "883/2004", "13(1)(b)", "02", provisional=True)


def test_aircrew_from_before_reg_465_2012_keeps_the_seat_under_87a():
    """legislation.md 1.2 (Art. 87a) and 4.8: the home-base rule would now give DE; the situation is
    unchanged since 2011, so IE stays, box 2.6, not provisional."""
    s = situation(
        reference_date="2015-06-01",
        residence="NL",
        employment_type="flight_crew",
        home_base="DE",
        work=work(("DE", 60), ("FR", 40)),
        employers=seats("IE"),
    )
    s["situation_start"] = "2011-01-01"
    check(decide(s), "IE", "883/2004", "13(1)(b)", "02", transitional="87a(1)")


def test_aircrew_living_in_the_home_base_state():
    """legislation.md 2.5 11(5) and 4.8: home base DE, lives DE -> DE, 3.10, not provisional."""
    s = situation(
        residence="DE",
        employment_type="flight_crew",
        home_base="DE",
        work=work(("DE", 100)),
        employers=seats("IE"),
    )
    check(decide(s), "DE", "883/2004", "11(5)", "10")


def test_tca_multistate_substantial_in_the_uk():
    """legislation.md 1.5: the Protocol copies Art. 13 (residence if a substantial part is worked
    there); lives GB, 30% GB, NL employer, situation from 2023 -> GB under the TCA, no PD A1."""
    s = multi("GB", [("GB", 30), ("NL", 70)], ["NL"], ref="2023-06-01", start="2023-01-01")
    result = decide(s)
    assert (result["legislation"], result["provision"]["instrument"], result["a1_status_code"]) == (
        "GB",
        "TCA",
        None,
    )
    assert result["provisional"] is True


def test_tca_multistate_not_substantial_in_residence_goes_to_the_seat():
    """legislation.md 1.5: otherwise the employer's seat; lives NL 10%, GB employer -> GB."""
    s = multi("NL", [("NL", 10), ("GB", 90)], ["GB"], ref="2023-06-01", start="2022-01-01")
    result = decide(s)
    assert (result["legislation"], result["provision"]["instrument"]) == ("GB", "TCA")


def test_tca_posting_from_2021_01_01():
    """legislation.md 1.5: a situation beginning 2021-01-01 is not one that existed on 31-12-2020;
    the TCA's SSC.11 decides."""
    s = posting(host_state="GB", start="2021-01-01", end="2021-12-31")
    s["work"] = work(("GB", 100))
    s["reference_date"] = "2021-06-01"
    check(decide(s), "NL", "TCA", "SSC.11(1)", None)


def test_withdrawal_agreement_posting_begun_31_december_2020():
    """legislation.md 1.5: 'situation began on or before 2020-12-31' -> 883 through the WA."""
    s = posting(host_state="GB", start="2020-12-31", end="2021-12-30")
    s["work"] = work(("GB", 100))
    s["reference_date"] = "2021-06-01"
    check(decide(s), "NL", "883/2004", "12(1)", "01")


def test_uk_in_the_1408_era():
    """legislation.md 1.1 (UK a regulation country until 2020) and 1.2 (EU incl. UK: 1408/71 before
    2010-05-01): GB -> NL posting in 2009, E101."""
    s = posting(sending_state="GB", host_state="NL", start="2009-01-01", end="2009-12-31")
    s["residence"] = "GB"
    s["employers"] = seats("GB")
    s["work"] = work(("NL", 100))
    s["reference_date"] = "2009-06-01"
    check(decide(s), "GB", "1408/71", "14(1)(a)", None, certificate="E101")


def test_uk_87_8_transition_then_withdrawal_agreement():
    """legislation.md 1.4 and 1.5: lives GB since 2008, 10% GB / 90% NL, NL employer: in 2015 the
    1408/71 residence rule holds under 87(8); in 2021 (cap passed 2020-04-30, situation unchanged
    since before 2021) 883 applies through the WA: NL, 13(1)(b)(i)."""
    s = multi("GB", [("GB", 10), ("NL", 90)], ["NL"], ref="2015-01-01", start="2008-01-01")
    check(decide(s), "GB", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")
    s["reference_date"] = "2021-06-01"
    check(decide(s), "NL", "883/2004", "13(1)(b)(i)", "02", provisional=True)


def test_swiss_employer_seat_keeps_1408_until_2012_04_01():
    """legislation.md 1.2 engine rule: the latest start date among all states where the person lives
    or works AND where the employers sit; a CH seat keeps 1408/71 in 2011."""
    s = multi("NL", [("NL", 10), ("DE", 90)], ["CH"], ref="2011-06-01", start="2011-01-01")
    check(decide(s), "NL", "1408/71", "14(2)(b)(i)", None, certificate="E101")


def test_third_country_national_in_2010_is_under_1408_via_859_2003():
    """legislation.md 1.3: Reg. 1231/2010 applies from 2011-01-01; before, third-country nationals
    were covered by 1408/71 through Reg. 859/2003 (R883 Art. 90(1)(a))."""
    s = posting(start="2010-06-01", end="2011-05-31")
    s["nationalities"] = ["IN"]
    s["reference_date"] = "2010-08-01"
    check(decide(s), "NL", "1408/71", "14(1)(a)", None, certificate="E101")


def test_art16_agreement_that_does_not_cover_the_date_leaves_the_ordinary_rules():
    """legislation.md 2.2 step 1 ('agreement in force for this person/period') and 2.3 P9: outside
    the agreement's dates a 36-month posting is over 24 months -> host state."""
    s = posting(
        start="2024-03-01",
        end="2027-02-28",
        art16_agreement={"state": "NL", "start": "2024-03-01", "end": "2025-02-28"},
    )
    s["reference_date"] = "2025-06-01"
    check(decide(s), "BE", "883/2004", "11(3)(a)", "12")


def test_substantial_residence_comes_before_the_non_eu_employer_rule():
    """legislation.md 2.4: substantial(R) is tested first; 30% in NL with a US employer is 13(1)(a),
    not 987 Art. 14(11)."""
    s = multi("NL", [("NL", 30), ("DE", 70)], ["US"])
    check(decide(s), "NL", "883/2004", "13(1)(a)", "02", provisional=True)


def test_two_employers_in_one_other_state_and_one_in_residence_is_iii():
    """legislation.md 2.4: seats {NL, NL, BE} with residence BE is the set {R, X} -> X, 13(1)(b)(iii)."""
    s = multi("BE", [("BE", 10), ("NL", 45), ("DE", 45)], ["NL", "NL", "BE"])
    check(decide(s), "NL", "883/2004", "13(1)(b)(iii)", "02", provisional=True)


def test_marginal_activity_in_the_residence_state_is_dropped():
    """legislation.md 2.2 step 5 and 2.4 (C-570/15): 3% in NL is marginal; only DE remains -> DE
    11(3)(a), not the NL seat under 13(1)(b)(i)."""
    s = multi("NL", [("NL", 3), ("DE", 97)], ["NL"])
    check(decide(s), "DE", "883/2004", "11(3)(a)", "12")


def test_self_employed_with_no_work_in_residence():
    """legislation.md 2.4 13(2): centre of interest; 60% BE / 40% DE, lives NL -> BE, 3.4."""
    s = multi("NL", [("BE", 60, 60, "self_employed"), ("DE", 40, 40, "self_employed")], [])
    s["employment_type"] = "self_employed"
    check(decide(s), "BE", "883/2004", "13(2)(b)", "04", provisional=True)


def test_canada_posting_with_a_canadian_employer_too_is_refused():
    """legislation.md 1.6 Canada: 'not if also employed by another employer in the host state'."""
    s = _treaty_posting("CA", "2025-12-31")
    s["employers"] = seats("NL", "CA")
    result = decide(s)
    assert (result["legislation"], result["provision"]["instrument"]) == ("CA", "treaty:CA-NL")


def test_korea_and_australia_seafarers_fall_under_the_residence_state():
    """legislation.md 1.6 'Other treaty rules': Korea Art. 8 and Australia Art. 8(4) put ship crew
    under the residence state."""
    kr = situation(employment_type="seafarer", flag_state="KR", work=work(("KR", 100)), employers=seats("NL"))
    assert summary(decide(kr)) == ("NL", "treaty:KR-NL", "8", None)
    au = situation(employment_type="seafarer", flag_state="AU", work=work(("AU", 100)), employers=seats("NL"))
    assert summary(decide(au)) == ("NL", "treaty:AU-NL", "8(4)", None)


def test_posting_from_a_treaty_country_to_nl():
    """legislation.md 1.6 (USA 5 years, Art. 9): the treaty works both ways; US -> NL for 4 years."""
    s = posting(sending_state="US", host_state="NL", start="2024-01-01", end="2027-12-31")
    s["residence"] = "US"
    s["employers"] = seats("US")
    s["work"] = work(("NL", 100))
    check(decide(s), "US", "treaty:NL-US", "9", None, certificate="treaty certificate")


def test_input_errors_are_reported_not_crashed():
    """determination.md: a posting whose host is not a state of work, shares not summing to 100, an
    unknown key, a seafarer without flag state: each an error."""
    bad = [
        posting(host_state="DE"),
        situation(work=work(("NL", 50), ("BE", 49))),
        {**situation(), "foo": 1},
        situation(employment_type="seafarer", flag_state=None),
    ]
    for s in bad:
        with pytest.raises(rules.InvalidSituation):
            decide(s)


def test_self_employed_87_8_keeps_the_residence_state():
    """legislation.md 1.4 and 3.1 step 7: self-employed 10% NL / 90% BE since 2008: 1408/71 14a(2)
    gives NL (part of the activity in the residence state), 883 13(2) gives BE (not substantial);
    NL stays under 87(8), box 2.6 with 3.4 (4.8 'box matching the underlying situation')."""
    s = multi("NL", [("NL", 10, 10, "self_employed"), ("BE", 90, 90, "self_employed")], [], ref="2015-01-01")
    s["employment_type"] = "self_employed"
    s["situation_start"] = "2008-01-01"
    check(decide(s), "NL", "1408/71", "14a(2)", "04", transitional="87(8)")


def test_liechtenstein_87_8_transition():
    """legislation.md 1.2 (IS/LI/NO from 2012-06-01) and 1.4: lives LI, 10% LI / 90% AT, AT employer,
    since 2011: 1408/71 gives LI, 883 gives AT -> LI under 87(8)."""
    s = multi("LI", [("LI", 10), ("AT", 90)], ["AT"], ref="2015-01-01", start="2011-01-01")
    check(decide(s), "LI", "1408/71", "14(2)(b)(i)", "02", transitional="87(8)")


def test_tca_detachment_uk_to_ireland_exactly_24_months():
    """legislation.md 1.5: all 27 member states opted in to SSC.11, Ireland included."""
    s = posting(sending_state="GB", host_state="IE", start="2023-01-01", end="2024-12-31")
    s["residence"] = "GB"
    s["employers"] = seats("GB")
    s["work"] = work(("IE", 100))
    s["reference_date"] = "2023-06-01"
    check(decide(s), "GB", "TCA", "SSC.11(1)", None)


def test_civil_servant_working_abroad_without_a_posting():
    """legislation.md 2.2 step 2 and 4.8: civil servant (only activity) -> the administration's
    state, 3.5, whatever the place of work."""
    s = situation(
        employment_type="civil_servant", work=work(("DE", 100, 100, "civil_servant")), employers=seats("NL")
    )
    check(decide(s), "NL", "883/2004", "11(3)(b)", "05", certificate="PD A1")
