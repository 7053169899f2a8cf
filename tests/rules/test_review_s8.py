"""Discrepancies between the engine and legislation.md found in review s8, one test (or a few)
per fix; each names the section of legislation.md it rests on."""

from .builders import codes, decide, posting, seats, situation, summary, work


def nl_posting_to(host, start, end, ref, **top):
    """A posting NL -> ``host`` with all work in ``host``; ``top`` replaces top-level keys."""
    s = posting(host_state=host, start=start, end=end)
    s["work"] = work((host, 100))
    s["reference_date"] = ref
    s.update(top)
    return s


# ---- Persons covered: a national of a state that has not joined yet (legislation.md 1.2, 1.3) --


def test_croatian_national_before_accession_posted_to_denmark_is_not_covered():
    """legislation.md 1.3: 883/2004 covers nationals of the regulation countries; 1.2: Croatia is
    not a regulation country before 2013-07-01. A Croatian national posted NL->DK in 2012 is a
    third-country national, and neither Reg. 1231/2010 nor Reg. 859/2003 covers Denmark, so no
    regulation coordinates the case (national law of NL, as for any third-country national)."""
    s = nl_posting_to("DK", "2012-06-01", "2012-12-31", "2012-08-01", nationalities=["HR"])
    result = decide(s)
    assert summary(result) == ("NL", "national:NL", "", None)
    assert codes(result)["SCOPE_TCN_1231_2010"] is False


def test_croatian_national_before_accession_in_2010_is_under_1408_via_859_2003():
    """legislation.md 1.3 with 883/2004 Art. 90(1)(a): before 2011-01-01 Reg. 1231/2010 does not
    cover a third-country national, Reg. 859/2003 does, so Reg. 1408/71 still decides."""
    s = nl_posting_to("BE", "2010-07-01", "2011-03-31", "2010-08-01", nationalities=["HR"])
    result = decide(s)
    assert summary(result) == ("NL", "1408/71", "14(1)(a)", None)
    assert codes(result)["SCOPE_TCN_859_2003"] is True


def test_croatian_national_after_accession_is_covered_as_a_national():
    s = nl_posting_to("DK", "2014-06-01", "2014-12-31", "2014-08-01", nationalities=["HR"])
    result = decide(s)
    assert summary(result) == ("NL", "883/2004", "12(1)", "01")
    assert "SCOPE_TCN_1231_2010" not in codes(result)


def test_croatian_national_after_accession_of_a_situation_that_began_before():
    """The posting began in 2013 before the accession; on the reference date (after it) the person
    is a national of a member state."""
    s = nl_posting_to("DK", "2013-05-01", "2014-04-30", "2013-08-01", nationalities=["HR"])
    assert summary(decide(s)) == ("NL", "883/2004", "12(1)", "01")


# ---- Reg. 1408/71 mariners: the flag rule needs a member state's flag (legislation.md 3.1 step 4) --


def _seafarer(flag, ref, start, residence="BE", work_state="NL"):
    return situation(
        employment_type="seafarer",
        flag_state=flag,
        residence=residence,
        work=work((work_state, 100)),
        employers=seats("NL"),
        reference_date=ref,
        situation_start=start,
    )


def test_1408_seafarer_on_third_country_flag_is_not_put_under_that_state():
    """legislation.md 3.1 step 4: "on board a vessel flying the flag of MS X -> X". Reg. 1408/71
    can only designate a member state; a Panama flag is not one, so the mariner rules do not
    apply and the ordinary rules for an employed person decide (step 5: the state of work)."""
    result = decide(_seafarer("PA", "2009-06-01", "2009-01-01"))
    assert result["legislation"] != "PA"
    assert summary(result) == ("NL", "1408/71", "13(2)(a)", None)
    assert codes(result)["ART13_2_C_1408_FLAG_STATE"] is False


def test_1408_seafarer_on_member_state_flag_keeps_the_flag_rule():
    result = decide(_seafarer("MT", "2009-06-01", "2009-01-01", work_state="MT"))
    assert summary(result) == ("MT", "1408/71", "13(2)(c)", None)


def test_art87_8_never_keeps_a_third_country_flag_state():
    """legislation.md 1.4: Art. 87(8) keeps the state Reg. 1408/71 designated; that is always a
    member state, never the third state whose flag the vessel flies."""
    result = decide(_seafarer("PA", "2012-06-01", "2009-01-01"))
    assert result["legislation"] in ("NL", "BE")
    assert result["legislation"] != "PA"


# ---- 25 % exactly, as entered (legislation.md 2.4; 987/2009 Art. 14(8)) --------------------


def test_exactly_25_percent_stays_25_percent_when_the_shares_add_up_within_rounding():
    """legislation.md 2.4: substantial(R) := time_share(R) >= 25 % OR pay_share(R) >= 25 %. The
    contract accepts shares that add up to 100 within rounding (here 100.005); the engine
    rescaled them, so an entered 25 % became 24.9988 % and the residence state lost Art. 13(1)(a)."""
    s = situation(
        residence="NL",
        situation_start="2024-01-01",
        work=work(("NL", 25), ("DE", 75.005)),
        employers=seats("DE"),
    )
    result = decide(s)
    assert summary(result) == ("NL", "883/2004", "13(1)(a)", "02")
    reason = next(r for r in result["reasons"] if r["code"] == "ART13_1_A_SUBSTANTIAL_IN_RESIDENCE")
    assert "works 25 % of the time" in reason["explanation"]


def test_shares_are_still_rescaled_after_marginal_work_is_left_out():
    """987/2009 Art. 14(5b): marginal work is disregarded, so the residence share is taken of the
    work that remains (24 of 96 = 25 %)."""
    s = situation(
        residence="NL",
        situation_start="2024-01-01",
        work=work(("NL", 24), ("DE", 72), ("BE", 4)),
        employers=seats("DE"),
    )
    assert summary(decide(s)) == ("NL", "883/2004", "13(1)(a)", "02")


# ---- Treaty postings longer by agreement (legislation.md 1.6) -----------------------------


def test_treaty_posting_over_the_maximum_with_an_agreement_stays_in_the_agreed_state():
    """legislation.md 1.6: the treaty posting limits can mostly be exceeded by agreement (India:
    "longer by agreement"). The engine ignored the agreement given in the situation and answered
    India, while its own warning said India applies only without an extension."""
    s = nl_posting_to(
        "IN",
        "2024-01-01",
        "2030-12-31",
        "2025-01-01",
    )
    s["posting"]["art16_agreement"] = {"state": "NL", "start": "2024-01-01", "end": "2030-12-31"}
    result = decide(s)
    assert summary(result) == ("NL", "treaty:IN-NL", "", None)
    assert result["certificate"] == "treaty certificate"
    assert result["period"] == {"start": "2024-01-01", "end": "2030-12-31"}
    assert codes(result)["ART16_1_AGREEMENT"] is True


def test_treaty_extension_with_host_consent_morocco():
    """legislation.md 1.6: Morocco allows 12 months + 12 with the host state's consent, both in
    Art. 7 (the source of the whole "Max. posting" cell; review s11)."""
    s = nl_posting_to("MA", "2024-01-01", "2025-06-30", "2025-03-01")
    s["posting"]["art16_agreement"] = {"state": "NL", "start": "2025-01-01", "end": "2025-06-30"}
    result = decide(s)
    assert summary(result) == ("NL", "treaty:MA-NL", "7", None)
    assert result["period"] == {"start": "2025-01-01", "end": "2025-06-30"}


def test_treaty_agreement_not_covering_the_reference_date_leaves_the_treaty_rules():
    s = nl_posting_to("IN", "2024-01-01", "2030-12-31", "2025-01-01")
    s["posting"]["art16_agreement"] = {"state": "NL", "start": "2029-01-01", "end": "2030-12-31"}
    result = decide(s)
    assert summary(result) == ("IN", "treaty:IN-NL", "", None)
    assert codes(result)["ART16_1_AGREEMENT"] is False


# ---- Reg. 1408/71: the extension of a self-employed person's stay is Art. 14a(1) (legislation.md 3.1) --


def test_1408_self_employed_extension_is_under_14a_not_the_employed_14_1_b():
    """legislation.md 3.1: step 5 (Art. 14(1)(a)/(b), E102) is for employed persons; a self-employed
    person's temporary work abroad and its extension by 12 months are Art. 14a(1) (step 7). The
    engine called a self-employed person's extension Art. 14(1)(b)."""
    s = posting(
        start="2008-06-01",
        end="2009-05-31",
        insured_in_sending_state_months_before=24,
        art16_agreement={"state": "NL", "start": "2009-06-01", "end": "2010-03-31"},
    )
    s.update(
        reference_date="2009-09-01",
        employment_type="self_employed",
        work=work(("BE", 100, 100, "self_employed")),
        employers=[],
    )
    result = decide(s)
    assert summary(result) == ("NL", "1408/71", "14a(1)(b)", None)
    assert result["certificate"] == "E102"
    reason = next(r for r in result["reasons"] if r["code"] == "ART14_1_B_1408_EXTENSION")
    assert reason["provision"] == "Reg. 1408/71 Art. 14a(1)(b)"


def test_1408_employed_extension_stays_14_1_b():
    s = posting(
        start="2008-06-01",
        end="2009-05-31",
        art16_agreement={"state": "NL", "start": "2009-06-01", "end": "2010-03-31"},
    )
    s["reference_date"] = "2009-09-01"
    result = decide(s)
    assert summary(result) == ("NL", "1408/71", "14(1)(b)", None)
    reason = next(r for r in result["reasons"] if r["code"] == "ART14_1_B_1408_EXTENSION")
    assert reason["provision"] == "Reg. 1408/71 Art. 14(1)(b)"
