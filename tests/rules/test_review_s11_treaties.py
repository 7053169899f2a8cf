"""Review s11: the Dutch bilateral treaties one by one, the United Kingdom after Brexit and the
scope of the regulations (legislation.md 1.1-1.3, 1.5, 1.6). Written blind from legislation.md and
determination.md before the engine's answers were looked at; each docstring names the lines the
expected answer rests on. Cases already in test_review_s9a.py, test_review_s9d.py,
test_review_s10b.py, test_review_s10_gaps_b.py and test_scope_and_other_instruments.py (every
treaty at its maximum and one day over, Jersey and Guernsey postings, the former Yugoslav ids,
Korea's successive postings in the middle of the range) are not repeated."""

import pytest

from .builders import check, codes, decide, posting, seats, situation, summary, work

TREATY_CERT = "treaty certificate"


def treaty_posting(host, start="2024-01-01", end="2026-12-31", ref="2024-06-01", **extra):
    """NL resident, NL employer, posted NL -> host, working only in the host state."""
    s = posting(host_state=host, start=start, end=end, **extra)
    s["reference_date"] = ref
    s["work"] = work((host, 100))
    return s


def inbound(sending, start="2024-01-01", end="2025-12-31", ref="2024-06-01", **extra):
    """Resident of the treaty state, employer seated there, posted to NL."""
    s = posting(sending_state=sending, host_state="NL", start=start, end=end, **extra)
    s.update(reference_date=ref, residence=sending, work=work(("NL", 100)), employers=seats(sending))
    return s


def agreement(state, start, end):
    return {"state": state, "start": start, "end": end}


def treaty_answer(result, legislation, instrument, article):
    """legislation.md 1.6 + determination.md: a treaty answer is proved by a treaty certificate, no
    PD A1 (so no section 3 code), not provisional, no transitional rule."""
    check(result, legislation, instrument, article, None, certificate=TREATY_CERT)


def national_nl(result):
    """legislation.md 1.6 last paragraph; determination.md ``national:XX``: NL law keeps the person
    insured, the warnings say double or no cover is possible and that no PD A1 exists."""
    check(result, "NL", "national:NL", "", None, certificate=None)
    text = " ".join(result["warnings"])
    assert "at the same time" in text or "double" in text.lower(), result["warnings"]
    assert "PD A1" in text, result["warnings"]
    assert codes(result)["NATIONAL_RULE"] is True


def nothing(result):
    """determination.md ``none``: no state, no certificate, the warnings say what to do."""
    assert result["legislation"] is None
    assert result["provision"] == {"instrument": "none", "article": ""}
    assert result["certificate"] is None and result["a1_status_code"] is None
    assert result["provisional"] is False
    assert result["warnings"]


# ---- 1.6 Cape Verde, Morocco, Tunisia: the extension with the host state's consent --------------


@pytest.mark.parametrize(("host", "article"), [("MA", "7"), ("CV", "7")])
def test_twelve_plus_twelve_with_host_consent_keeps_nl_under_the_posting_article(host, article):
    """legislation.md 1.6: Morocco and Cape Verde, maximum '12 months + 12 with host consent',
    source Art. 7 for the whole cell: a 24-month posting with the host state's consent (the
    agreement in the input, designating NL) stays under NL law by Art. 7 of the convention."""
    s = treaty_posting(host, end="2025-12-31", art16_agreement=agreement("NL", "2024-01-01", "2025-12-31"))
    result = decide(s)
    treaty_answer(result, "NL", "treaty:" + "-".join(sorted((host, "NL"))), article)
    assert result["period"] == {"start": "2024-01-01", "end": "2025-12-31"}


def test_morocco_agreement_beyond_twelve_plus_twelve_is_not_the_posting_article():
    """legislation.md 1.6: host consent stretches Art. 7 to 24 months; an agreement for a 25-month
    posting is some other exception, whose article legislation.md does not give."""
    s = treaty_posting("MA", end="2026-01-31", art16_agreement=agreement("NL", "2024-01-01", "2026-01-31"))
    treaty_answer(decide(s), "NL", "treaty:MA-NL", "")


def test_morocco_agreement_for_the_host_state_is_not_the_posting_article():
    s = treaty_posting("MA", end="2025-06-30", art16_agreement=agreement("MA", "2024-01-01", "2025-06-30"))
    treaty_answer(decide(s), "MA", "treaty:MA-NL", "")


def test_tunisia_extension_with_consent_keeps_nl_under_article_3():
    """legislation.md 1.6: Tunisia '12 months, extendable with consent' (admin. arrangement Art. 3):
    an 18-month posting with consent stays under NL law."""
    s = treaty_posting("TN", end="2025-06-30", art16_agreement=agreement("NL", "2024-01-01", "2025-06-30"))
    treaty_answer(decide(s), "NL", "treaty:NL-TN", "3")


@pytest.mark.parametrize(
    ("host", "instrument", "note"),
    [
        ("MA", "treaty:MA-NL", "12 more months with the host state's consent"),
        ("CV", "treaty:CV-NL", "12 more months with the host state's consent"),
        ("TN", "treaty:NL-TN", "extendable with consent"),
    ],
)
def test_thirteen_months_without_consent_is_the_host_state_with_a_pointer_to_the_extension(
    host, instrument, note
):
    """legislation.md 1.6: beyond 12 months only with consent; without it the host state applies,
    and the employer should know that consent can be asked for (a warning)."""
    result = decide(treaty_posting(host, end="2025-01-31"))
    assert (result["legislation"], result["provision"]["instrument"]) == (host, instrument)
    assert result["certificate"] == TREATY_CERT and result["a1_status_code"] is None
    assert codes(result)["TREATY_POSTING_MAX"] is False
    assert any(note in w for w in result["warnings"]), result["warnings"]


# ---- 1.6 Canada and Uruguay: not if also employed by a host-state employer; USA affiliate --------


@pytest.mark.parametrize(("host", "instrument"), [("CA", "treaty:CA-NL"), ("UY", "treaty:NL-UY")])
def test_also_employed_by_a_host_state_employer_loses_the_posting_rule(host, instrument):
    """legislation.md 1.6: Canada (Art. VI(2)(a)) and Uruguay (Art. 7): not if also employed by
    another employer in the host state. A 2-year posting otherwise within the maximum."""
    s = treaty_posting(host, end="2025-12-31")
    s["employers"] = seats("NL", host)
    result = decide(s)
    assert (result["legislation"], result["provision"]["instrument"]) == (host, instrument)
    assert codes(result)["TREATY_NO_HOST_EMPLOYER"] is False
    assert result["certificate"] == TREATY_CERT


@pytest.mark.parametrize(
    ("host", "instrument", "article"), [("CA", "treaty:CA-NL", "VI(2)(a)"), ("UY", "treaty:NL-UY", "7")]
)
def test_no_host_state_employer_keeps_the_posting_rule(host, instrument, article):
    result = decide(treaty_posting(host, end="2025-12-31"))
    treaty_answer(result, "NL", instrument, article)
    assert codes(result)["TREATY_NO_HOST_EMPLOYER"] is True


def test_usa_affiliate_in_the_host_state_counts_as_the_same_employer():
    """legislation.md 1.6 USA: the affiliate counts as the same employer (Protocol Art. 1), so a
    US affiliate beside the Dutch employer does not break the posting (unlike Canada)."""
    s = treaty_posting("US", end="2027-12-31")
    s["employers"] = seats("NL", "US")
    result = decide(s)
    treaty_answer(result, "NL", "treaty:NL-US", "9")
    assert "TREATY_NO_HOST_EMPLOYER" not in codes(result)


def test_australia_posting_by_an_affiliated_entity_keeps_nl():
    """legislation.md 1.6 Australia: 'worker sent by the employer or an affiliated entity'; an
    Australian affiliate beside the Dutch employer does not break the posting."""
    s = treaty_posting("AU", end="2027-12-31")
    s["employers"] = seats("NL", "AU")
    treaty_answer(decide(s), "NL", "treaty:AU-NL", "8(3)(d)")


# ---- 1.6 India: postings routed via a third country ---------------------------------------------


def test_india_posting_routed_via_a_third_country_is_still_a_treaty_posting():
    """legislation.md 1.6 India: the agreement 'also covers postings routed via a third country'. A
    worker of a Dutch employer, insured in NL, who went first to the employer's site in the United
    Arab Emirates (and lives there) and is sent on from NL's payroll to India for 3 years."""
    s = treaty_posting("IN", end="2026-12-31")
    s["residence"] = "AE"
    result = decide(s)
    treaty_answer(result, "NL", "treaty:IN-NL", "7")
    assert codes(result)["TREATY_POSTING_MAX"] is True
    assert any("routed via a third country" in w for w in result["warnings"])


def test_india_routed_posting_over_sixty_months_is_india_under_the_agreement():
    s = treaty_posting("IN", end="2029-01-01")
    s["residence"] = "AE"
    result = decide(s)
    assert (result["legislation"], result["provision"]["instrument"]) == ("IN", "treaty:IN-NL")
    assert codes(result)["TREATY_POSTING_MAX"] is False


def test_india_routed_posting_living_in_a_member_state():
    """The third country may be a regulation country: lives BE, NL employer, posted NL -> IN."""
    s = treaty_posting("IN", end="2026-12-31")
    s["residence"] = "BE"
    treaty_answer(decide(s), "NL", "treaty:IN-NL", "7")


# ---- 1.6 Japan: a fresh posting only after 1 year -------------------------------------------------


def test_japan_fresh_posting_a_year_to_the_day_after_the_last():
    """legislation.md 1.6 Japan, read like 2.3 P7 (end 31-12, fresh start 01-03 after 2 months):
    previous posting ended 2023-01-15, the fresh one starts 2024-01-15."""
    s = treaty_posting(
        "JP", start="2024-01-15", end="2026-01-14", previous_posting_same_employer_host_end="2023-01-15"
    )
    result = decide(s)
    treaty_answer(result, "NL", "treaty:JP-NL", "7")
    assert codes(result)["TREATY_FRESH_POSTING_GAP"] is True


def test_japan_fresh_posting_a_day_short_of_a_year():
    s = treaty_posting(
        "JP", start="2024-01-14", end="2026-01-13", previous_posting_same_employer_host_end="2023-01-15"
    )
    result = decide(s)
    assert (result["legislation"], result["provision"]["instrument"]) == ("JP", "treaty:JP-NL")
    assert codes(result)["TREATY_FRESH_POSTING_GAP"] is False


def test_the_japan_gap_does_not_apply_to_other_treaties():
    """legislation.md 1.6: the 1-year rule is Japan's; a USA posting a month after the last is not
    refused for it."""
    s = treaty_posting(
        "US", start="2024-02-01", end="2026-01-31", previous_posting_same_employer_host_end="2024-01-01"
    )
    result = decide(s)
    treaty_answer(result, "NL", "treaty:NL-US", "9")
    assert "TREATY_FRESH_POSTING_GAP" not in codes(result)


# ---- 1.6 South Korea: successive postings, seafarers and aircrew ------------------------------------


def test_korea_postings_exactly_twelve_months_apart_count_separately():
    """legislation.md 1.6: 'successive postings less than 12 months apart count as one'; ended
    2023-01-01, next starts 2024-01-01: 12 months apart, not less."""
    s = treaty_posting("KR", end="2028-12-31", previous_posting_same_employer_host_end="2023-01-01")
    result = decide(s)
    treaty_answer(result, "NL", "treaty:KR-NL", "7")
    assert codes(result)["TREATY_SUCCESSIVE_POSTINGS"] is True


def test_korea_postings_a_day_less_than_twelve_months_apart_count_as_one():
    s = treaty_posting("KR", end="2028-12-31", previous_posting_same_employer_host_end="2023-01-02")
    result = decide(s)
    assert (result["legislation"], result["provision"]["instrument"]) == ("KR", "treaty:KR-NL")
    assert codes(result)["TREATY_SUCCESSIVE_POSTINGS"] is False


def test_korea_seafarer_living_in_korea_on_a_dutch_ship():
    """legislation.md 1.6 other rules: seafarers under the Korea treaty are insured in the residence
    state (NLT BWBV0001568 Art. 8). Lives KR, NL-flag vessel, Dutch shipowner."""
    s = situation(
        residence="KR",
        employment_type="seafarer",
        flag_state="NL",
        work=work(("NL", 100)),
        employers=seats("NL"),
    )
    result = decide(s)
    treaty_answer(result, "KR", "treaty:KR-NL", "8")
    assert codes(result)["TREATY_CREW_RULE"] is True


def test_korea_aircrew_living_in_korea_for_a_dutch_airline():
    """legislation.md 1.6 other rules: aircrew under the Korea treaty are insured in the state of the
    employer's head office (Art. 8): lives KR, home base KR, Dutch airline -> NL."""
    s = situation(
        residence="KR",
        employment_type="flight_crew",
        home_base="KR",
        work=work(("KR", 100)),
        employers=seats("NL"),
    )
    treaty_answer(decide(s), "NL", "treaty:KR-NL", "8")


# ---- 1.6 Australia: crew under the residence state ------------------------------------------------


def test_australia_aircrew_living_in_australia_for_a_dutch_airline():
    """legislation.md 1.6 other rules: under the Australia treaty ship and aircraft crew fall under
    the residence state (Art. 8(4))."""
    s = situation(
        residence="AU",
        employment_type="flight_crew",
        home_base="NL",
        work=work(("NL", 100)),
        employers=seats("NL"),
    )
    treaty_answer(decide(s), "AU", "treaty:AU-NL", "8(4)")


def test_australia_seafarer_living_in_nl_on_an_australian_ship():
    s = situation(
        residence="NL",
        employment_type="seafarer",
        flag_state="AU",
        work=work(("AU", 100)),
        employers=seats("AU"),
    )
    treaty_answer(decide(s), "NL", "treaty:AU-NL", "8(4)")


# ---- 1.6 Egypt, North Macedonia, New Zealand: statement due within 3 months ------------------------


@pytest.mark.parametrize(
    ("host", "instrument", "article", "end"),
    [
        ("EG", "treaty:EG-NL", "9", "2025-12-31"),
        ("MK", "treaty:MK-NL", "10", "2025-12-31"),
        ("NZ", "treaty:NL-NZ", "5", "2028-12-31"),
    ],
)
def test_statement_due_within_three_months_is_said(host, instrument, article, end):
    """legislation.md 1.6: Egypt 'detachment statement due within the first 3 months', North
    Macedonia and New Zealand 'statement due within 3 months'. It does not change the answer, but
    the employer must know it (determination.md: warnings)."""
    result = decide(treaty_posting(host, end=end))
    treaty_answer(result, "NL", instrument, article)
    assert any("3 months" in w for w in result["warnings"]), result["warnings"]


def test_no_three_month_statement_warning_for_the_usa():
    result = decide(treaty_posting("US", end="2027-12-31"))
    treaty_answer(result, "NL", "treaty:NL-US", "9")
    assert not any("3 months" in w for w in result["warnings"])


# ---- 1.6 the SVB's extra conditions ---------------------------------------------------------------


def test_treaty_posting_with_exactly_one_month_of_dutch_insurance():
    """legislation.md 1.6 other rules: at least 1 month of Dutch insurance just before."""
    result = decide(treaty_posting("JP", end="2025-12-31", insured_in_sending_state_months_before=1))
    treaty_answer(result, "NL", "treaty:JP-NL", "7")
    assert codes(result)["TREATY_PRIOR_INSURANCE"] is True


def test_treaty_posting_with_half_a_month_of_dutch_insurance():
    result = decide(treaty_posting("JP", end="2025-12-31", insured_in_sending_state_months_before=0.5))
    assert (result["legislation"], result["provision"]["instrument"]) == ("JP", "treaty:JP-NL")
    assert codes(result)["TREATY_PRIOR_INSURANCE"] is False


def test_treaty_posting_where_the_dutch_employer_no_longer_pays_the_wages():
    """legislation.md 1.6 other rules: continued payment of wages by the Dutch employer (the
    contract's direct_relationship_maintained)."""
    result = decide(treaty_posting("AU", end="2025-12-31", direct_relationship_maintained=False))
    assert (result["legislation"], result["provision"]["instrument"]) == ("AU", "treaty:AU-NL")
    assert codes(result)["TREATY_DIRECT_RELATIONSHIP"] is False


def test_treaty_posting_reasons_in_order():
    """determination.md: every condition tested, in order; for a treaty posting the treaty, its
    maximum, the prior insurance and the continued employment all pass."""
    result = decide(treaty_posting("CL", end="2025-12-31"))
    treaty_answer(result, "NL", "treaty:CL-NL", "8")
    got = [(r["code"], r["passed"]) for r in result["reasons"]]
    for code in (
        "TREATY_APPLIES",
        "TREATY_POSTING_MAX",
        "TREATY_PRIOR_INSURANCE",
        "TREATY_DIRECT_RELATIONSHIP",
    ):
        assert (code, True) in got, got
    order = [c for c, _ in got]
    assert order.index("TREATY_APPLIES") < order.index("TREATY_POSTING_MAX")


# ---- 1.6 maximum 'not found': Turkey and the former Yugoslav states -------------------------------


def test_turkey_posting_keeps_nl_with_a_warning_to_check_the_maximum():
    """legislation.md 1.6: Turkey, maximum 'not found'."""
    result = decide(treaty_posting("TR", end="2025-12-31"))
    treaty_answer(result, "NL", "treaty:NL-TR", "")
    assert any("not recorded" in w for w in result["warnings"])
    assert "TREATY_POSTING_MAX" not in codes(result)


def test_posting_from_serbia_to_nl():
    result = decide(inbound("RS"))
    treaty_answer(result, "RS", "treaty:NL-RS", "")
    assert any("not recorded" in w for w in result["warnings"])


# ---- 1.6 Chile, China, Israel, New Zealand ---------------------------------------------------------


def test_china_over_five_years_points_to_the_extension_on_request():
    result = decide(treaty_posting("CN", end="2029-01-01"))
    assert (result["legislation"], result["provision"]["instrument"]) == ("CN", "treaty:CN-NL")
    assert any("extension possible on request" in w for w in result["warnings"])


def test_new_zealand_over_five_years_points_to_special_reasons():
    result = decide(treaty_posting("NZ", end="2029-01-01"))
    assert (result["legislation"], result["provision"]["instrument"]) == ("NZ", "treaty:NL-NZ")
    assert any("longer for special reasons" in w for w in result["warnings"])


def test_israel_posting_to_nl_at_the_maximum():
    treaty_answer(decide(inbound("IL", end="2025-12-31")), "IL", "treaty:IL-NL", "6b")


def test_chile_posting_to_nl_one_day_over():
    result = decide(inbound("CL", end="2026-01-01"))
    assert (result["legislation"], result["provision"]["instrument"]) == ("NL", "treaty:CL-NL")


# ---- 1.6 the list is NL's treaties -----------------------------------------------------------------


def test_japan_to_usa_posting_has_no_dutch_treaty():
    """legislation.md 1.6: the treaty list is the Netherlands'; a JP -> US posting of a JP resident
    by a JP employer involves neither NL nor any instrument the engine knows."""
    s = posting(sending_state="JP", host_state="US")
    s.update(residence="JP", work=work(("US", 100)), employers=seats("JP"))
    nothing(decide(s))


def test_working_in_the_usa_for_a_us_employer_while_living_in_nl():
    """legislation.md 1.6: NL-US treaty, no posting: the treaty's general rule, the state of work."""
    s = situation(residence="NL", work=work(("US", 100)), employers=seats("US"))
    result = decide(s)
    treaty_answer(result, "US", "treaty:NL-US", "")
    assert codes(result)["TREATY_STATE_OF_WORK"] is True


# ---- 1.6 last paragraph: neither treaty nor regulation ---------------------------------------------


def test_posting_to_brazil_is_dutch_national_law():
    s = treaty_posting("BR", end="2025-12-31")
    result = decide(s)
    national_nl(result)
    assert result["period"] == {"start": "2024-01-01", "end": "2025-12-31"}


def test_nl_resident_working_in_nl_and_singapore_is_dutch_national_law():
    s = situation(residence="NL", work=work(("NL", 40), ("SG", 60)), employers=seats("NL"))
    result = decide(s)
    national_nl(result)
    assert result["period"] is None


# ---- 1.5 the United Kingdom ---------------------------------------------------------------------


def uk_post(start, end, ref, situation_start=None, sending="GB", host="NL", etype="employed", **kw):
    s = posting(sending_state=sending, host_state=host, start=start, end=end, **kw)
    s.update(reference_date=ref, residence=sending, work=work((host, 100)), employers=seats(sending))
    if etype != "employed":
        s["employment_type"] = etype
        s["work"] = work((host, 100, 100, "self_employed"))
        s["employers"] = []
    if situation_start:
        s["situation_start"] = situation_start
    return s


def test_wa_situation_begun_on_2020_12_31_stays_under_883():
    """legislation.md 1.5: on or before 2020-12-31 and uninterrupted -> 883 through the WA; a PD A1."""
    result = decide(uk_post("2020-12-31", "2022-12-30", "2022-06-01"))
    check(result, "GB", "883/2004", "12(1)", "01", certificate="PD A1")
    assert codes(result)["UK_WA_CONTINUED"] is True


def test_situation_begun_on_2021_01_01_is_the_tca():
    result = decide(uk_post("2021-01-01", "2022-12-31", "2022-06-01"))
    check(result, "GB", "TCA", "SSC.11(1)", None, certificate=TREATY_CERT)
    assert codes(result)["UK_WA_CONTINUED"] is False
    assert codes(result)["UK_TCA_STATES"] is True


def test_wa_posting_over_24_months_is_the_host_state_under_883():
    result = decide(uk_post("2020-06-01", "2022-06-01", "2021-06-01"))
    check(result, "NL", "883/2004", "11(3)(a)", "12", certificate="PD A1")


def test_wa_multi_state_is_883_article_13_provisional():
    s = situation(
        reference_date="2022-01-01", residence="GB", work=work(("GB", 30), ("NL", 70)), employers=seats("NL")
    )
    s["situation_start"] = "2019-01-01"
    check(decide(s), "GB", "883/2004", "13(1)(a)", "02", provisional=True, certificate="PD A1")


def test_tca_self_employed_detachment_24_months():
    """legislation.md 1.5: SSC.11 covers 'an employee or self-employed person'."""
    result = decide(
        uk_post(
            "2022-01-01",
            "2023-12-31",
            "2022-06-01",
            etype="self_employed",
            insured_in_sending_state_months_before=12,
        )
    )
    assert (result["legislation"], result["provision"]["instrument"]) == ("GB", "TCA")
    assert result["provision"]["article"].startswith("SSC.11")
    assert result["certificate"] == TREATY_CERT and result["a1_status_code"] is None


def test_tca_self_employed_detachment_one_day_over_24_months():
    result = decide(
        uk_post(
            "2022-01-01",
            "2024-01-01",
            "2022-06-01",
            etype="self_employed",
            insured_in_sending_state_months_before=12,
        )
    )
    check(result, "NL", "TCA", "SSC.10(3)(a)", None, certificate=TREATY_CERT)
    assert codes(result)["TCA_SSC11_MAX_24_MONTHS"] is False


def test_tca_multi_state_with_a_swiss_employer():
    """legislation.md 1.5: the TCA covers the UK and the EU states, and its multi-state rule is the
    copy of Art. 13: residence state if a substantial part is worked there. Lives GB, works GB 30 %
    and FR 70 % for an employer seated in Switzerland: all the work and the residence are in the
    TCA's area; the employer's seat outside it (CH, as much as the US) does not take the case out,
    as a seat outside the EU/EEA/CH does not under 883 (2.4, 987/2009 Art. 14(11))."""
    s = situation(
        reference_date="2024-06-01", residence="GB", work=work(("GB", 30), ("FR", 70)), employers=seats("CH")
    )
    s["situation_start"] = "2023-01-01"
    result = decide(s)
    us = situation(
        reference_date="2024-06-01", residence="GB", work=work(("GB", 30), ("FR", 70)), employers=seats("US")
    )
    us["situation_start"] = "2023-01-01"
    assert summary(decide(us)) == ("GB", "TCA", "SSC.12(1)(a)", None)
    check(result, "GB", "TCA", "SSC.12(1)(a)", None, provisional=True, certificate=TREATY_CERT)


def test_tca_multi_state_with_a_norwegian_employer_not_substantial_in_residence():
    """As above, with 10 % in the UK: the copy of 987/2009 Art. 14(11) (seat outside the area ->
    residence), as for a US seat."""
    s = situation(
        reference_date="2024-06-01", residence="GB", work=work(("GB", 10), ("FR", 90)), employers=seats("NO")
    )
    s["situation_start"] = "2023-01-01"
    result = decide(s)
    check(result, "GB", "TCA", "SSC.12(1)(a)", None, provisional=True, certificate=TREATY_CERT)
    assert codes(result)["ART14_11_EMPLOYER_OUTSIDE_EU"] is True


@pytest.mark.parametrize(
    ("other", "name"), [("NO", "EFTA"), ("IS", "EFTA"), ("LI", "EFTA"), ("CH", "Switzerland")]
)
def test_uk_with_an_efta_state_names_the_convention(other, name):
    """legislation.md 1.5: the TCA does not cover NO, IS, LI or CH; 'for those states the UK has
    separate conventions' (the UK-EEA EFTA Convention; a UK-CH convention), and the engine decision
    is to apply 'the relevant bilateral or EFTA convention'. legislation.md gives neither convention's
    posting maximum nor its dates, so the engine cannot decide; but it may not say that nothing
    coordinates the case: the warning names the convention."""
    result = decide(uk_post("2024-01-01", "2024-12-31", "2024-06-01", host=other))
    assert codes(result)["UK_TCA_STATES"] is False
    text = " ".join(result["warnings"])
    assert name in text, result["warnings"]
    assert "Nothing coordinates" not in text, result["warnings"]


def test_isle_of_man_resident_working_in_nl():
    """legislation.md 1.5/1.6: the Isle of Man comes under the NL-UK convention; no posting: the
    convention's general rule, the state of work."""
    s = situation(residence="IM", work=work(("NL", 100)), employers=seats("NL"))
    treaty_answer(decide(s), "NL", "treaty:GB-NL", "")


def test_posting_from_jersey_to_nl_three_years():
    treaty_answer(decide(inbound("JE", end="2026-12-31")), "JE", "treaty:GB-NL", "8")


def test_channel_islands_in_2019_are_not_the_uk_under_883():
    """legislation.md 1.5: the Channel Islands and the Isle of Man were never in the EU regime,
    even while the UK was a member."""
    treaty_answer(
        decide(treaty_posting("IM", start="2019-01-01", end="2020-12-31", ref="2019-06-01")),
        "NL",
        "treaty:GB-NL",
        "8",
    )


# ---- 1.1-1.3 scope ----------------------------------------------------------------------------


def test_stateless_person_living_in_nl_is_covered():
    """legislation.md 1.3: stateless persons living in a member state (determination.md: an empty
    list of nationalities)."""
    s = posting(host_state="DK")
    s["work"] = work(("DK", 100))
    s["nationalities"] = []
    check(decide(s), "NL", "883/2004", "12(1)", "01", certificate="PD A1")


def tcn_posting(host, nationality, start, end, ref):
    s = posting(host_state=host, start=start, end=end)
    s.update(reference_date=ref, work=work((host, 100)), nationalities=[nationality])
    return s


def test_third_country_national_on_2010_12_31_is_still_1408():
    """legislation.md 1.3: Reg. 1231/2010 from 2011-01-01; before it, Reg. 859/2003 under 1408/71."""
    result = decide(tcn_posting("BE", "IN", "2010-06-01", "2011-05-31", "2010-12-31"))
    check(result, "NL", "1408/71", "14(1)(a)", None, certificate="E101")


def test_third_country_national_on_2011_01_01_is_883():
    result = decide(tcn_posting("BE", "IN", "2010-06-01", "2011-05-31", "2011-01-01"))
    assert summary(result) == ("NL", "883/2004", "12(1)", "01")
    assert result["certificate"] == "PD A1"


@pytest.mark.parametrize("host", ["IS", "LI"])
def test_third_country_national_posted_to_iceland_or_liechtenstein_is_not_covered(host):
    """legislation.md 1.3: 1231/2010 not for the EEA-EFTA states; neither state is a Dutch treaty
    country, so the Dutch starting point."""
    national_nl(decide(tcn_posting(host, "US", "2024-01-01", "2024-12-31", "2024-06-01")))


def test_croatian_posted_to_denmark_before_accession_is_a_third_country_national():
    """legislation.md 1.2/1.3: before 2013-07-01 Croatia is not a regulation country, so a Croatian is
    a third-country national; 1231/2010 does not apply to Denmark -> no regulation."""
    national_nl(decide(tcn_posting("DK", "HR", "2013-01-01", "2013-12-31", "2013-06-30")))


def test_croatian_posted_to_denmark_from_accession_is_covered():
    result = decide(tcn_posting("DK", "HR", "2013-01-01", "2013-12-31", "2013-07-01"))
    assert summary(result) == ("NL", "883/2004", "12(1)", "01")


def test_eu_national_in_a_state_outside_the_regulations_is_still_outside():
    """legislation.md 1.1/2.2 step 0: nationality does not bring a third state into the regulation; a
    German posted NL -> Singapore is under Dutch national law."""
    s = tcn_posting("SG", "DE", "2024-01-01", "2024-12-31", "2024-06-01")
    national_nl(decide(s))


def test_third_state_of_work_takes_the_case_out_of_the_regulation():
    """legislation.md 2.2 step 0: all states involved must be regulation countries, else treaty or
    national law. Lives NL, works NL 50 %, DE 30 %, SG 20 % for a NL employer."""
    s = situation(residence="NL", work=work(("NL", 50), ("DE", 30), ("SG", 20)), employers=seats("NL"))
    result = decide(s)
    assert result["provision"]["instrument"] == "national:NL"
    assert result["certificate"] is None


def test_greek_and_uk_codes_everywhere():
    """legislation.md 1.1; determination.md: EL and UK are accepted as aliases; the answer uses ISO."""
    s = posting(sending_state="NL", host_state="EL", start="2024-01-01", end="2026-12-31")
    s.update(
        work=work(("EL", 100)),
        nationalities=["EL", "UK"],
        reference_date="2024-06-01",
    )
    s["posting"]["art16_agreement"] = agreement("EL", "2024-01-01", "2026-12-31")
    check(decide(s), "GR", "883/2004", "16(1)", "11", certificate="PD A1")
    crew = situation(
        reference_date="2019-06-01",
        residence="UK",
        employment_type="flight_crew",
        home_base="UK",
        work=work(("UK", 100)),
        employers=seats("UK"),
    )
    assert decide(crew)["legislation"] == "GB"
    ship = situation(
        residence="EL",
        employment_type="seafarer",
        flag_state="EL",
        work=work(("EL", 100)),
        employers=seats("EL"),
    )
    assert decide(ship)["legislation"] == "GR"
