"""Discrepancies between the engine and legislation.md found in review s8b (multi-state work,
transitional rules, the UK), one test (or a few) per fix; each names the section of
legislation.md it rests on."""

from .builders import codes, decide, seats, situation, summary, work

# ---- TCA: the Protocol copies the whole of Art. 13, 13(3) and 13(4) included (legislation.md 1.5) --


def test_tca_employed_and_self_employed_is_under_the_state_of_employment():
    """legislation.md 1.5: the Protocol copies the 883 Art. 13 logic; 2.4: a person employed in one
    state and self-employed in another is under the state of the employment (13(3)). A UK resident
    employed in France (by a UK employer) and self-employed at home is under French legislation;
    the engine applied the rule for employed persons to the French work alone, found 0 % of it in
    the UK and answered the employer's seat, the UK."""
    s = situation(
        reference_date="2023-06-01",
        residence="GB",
        employment_type="employed_and_self_employed",
        work=work(("FR", 70, 70, "employed"), ("GB", 30, 30, "self_employed")),
        employers=seats("GB"),
    )
    result = decide(s)
    assert summary(result) == ("FR", "TCA", "SSC.12(3)", None)
    assert result["provisional"] is True
    assert result["certificate"] == "treaty certificate"
    reason = next(r for r in result["reasons"] if r["code"] == "TCA_SSC12_3_STATE_OF_EMPLOYMENT")
    assert reason["passed"] is True
    assert reason["provision"].startswith("TCA Protocol on Social Security Coordination Art. SSC.12(3)")
    assert "FR" in reason["explanation"]


def test_tca_employed_in_two_states_and_self_employed_uses_the_employed_rule_for_the_employment():
    """legislation.md 2.4 (13(3)): where the employment itself spans two or more states, the rule for
    employed persons decides; under the Protocol its copy (SSC.12(1)), answered as SSC.12(3)."""
    s = situation(
        reference_date="2023-06-01",
        residence="GB",
        employment_type="employed_and_self_employed",
        work=work(("FR", 40, 40, "employed"), ("GB", 40, 40, "employed"), ("IE", 20, 20, "self_employed")),
        employers=seats("FR"),
    )
    result = decide(s)
    assert summary(result) == ("GB", "TCA", "SSC.12(3)", None)
    seen = codes(result)
    assert seen["TCA_SSC12_3_EMPLOYMENT_IN_SEVERAL_STATES"] is True
    assert seen["TCA_SSC12_1_A_SUBSTANTIAL_IN_RESIDENCE"] is True
    reason = next(r for r in result["reasons"] if r["code"] == "TCA_SSC12_3_EMPLOYMENT_IN_SEVERAL_STATES")
    assert "Art. 13(1)" not in reason["explanation"]
    assert "SSC.12(1)" in reason["explanation"]


def test_tca_civil_servant_with_other_work_is_under_the_administrations_state():
    """legislation.md 1.5 with 2.4 (13(4)): a civil servant who also works elsewhere is under the
    state of the employing administration. A UK civil servant (50 %) living in France and employed
    there (50 %) is under UK legislation; the engine treated the civil-service work as ordinary
    employment and answered France (substantial part in the residence state)."""
    s = situation(
        reference_date="2023-06-01",
        residence="FR",
        employment_type="civil_servant_and_employed",
        work=work(("GB", 50, 50, "civil_servant"), ("FR", 50, 50, "employed")),
        employers=seats("GB", "FR"),
    )
    result = decide(s)
    assert summary(result) == ("GB", "TCA", "SSC.12(4)", None)
    assert result["provisional"] is True
    assert codes(result)["TCA_SSC12_4_CIVIL_SERVANT_STATE"] is True


def test_883_employed_and_self_employed_unchanged():
    s = situation(
        residence="BE",
        employment_type="employed_and_self_employed",
        work=work(("NL", 70, 70, "employed"), ("BE", 30, 30, "self_employed")),
        employers=seats("BE"),
    )
    result = decide(s)
    assert summary(result) == ("NL", "883/2004", "13(3)", "08")
    assert next(r for r in result["reasons"] if r["code"] == "ART13_3_STATE_OF_EMPLOYMENT")["provision"] == (
        "Reg. 883/2004 Art. 13(3)"
    )


# ---- Civil servant with other work: Art. 13(4) before marginal work is left out (legislation.md 2.2) --


def _civil_servant_nl_employed_be(nl, be, **top):
    return situation(
        residence="BE",
        employment_type="civil_servant_and_employed",
        work=work(("NL", nl, nl, "civil_servant"), ("BE", be, be, "employed")),
        employers=seats("NL", "BE"),
        **top,
    )


def test_civil_servant_whose_civil_service_is_under_5_percent_is_not_answered_as_civil_servant_only():
    """legislation.md 2.2: step 2 ("civil servant in state X + employed/self-employed elsewhere -> X,
    13(4)") comes before step 5 (drop marginal activities). The engine first left out the
    civil-service work (3 %) as marginal and then answered Art. 11(3)(b), "a civil servant is covered
    by the state of the employing administration", for a person whose only remaining work was an
    employment in BE: wrong under any reading (13(4) by the order of legislation.md)."""
    result = decide(_civil_servant_nl_employed_be(3, 97))
    assert summary(result) == ("NL", "883/2004", "13(4)", "09")
    assert result["provisional"] is True
    assert "ART11_3_B_CIVIL_SERVANT" not in codes(result)
    assert codes(result)["ART13_4_CIVIL_SERVANT_STATE"] is True


def test_civil_servant_with_a_small_job_elsewhere_is_13_4_by_the_order_of_legislation_md():
    """legislation.md 2.2 step 2 and 4.8 (13(4): PD A1 box 3.9, provisional): the order of
    legislation.md decides a civil servant with other work in another state before marginal work
    is considered, so a 3 % job in BE does not turn the case into Art. 11(3)(b)."""
    result = decide(_civil_servant_nl_employed_be(97, 3))
    assert summary(result) == ("NL", "883/2004", "13(4)", "09")
    assert result["provisional"] is True
    assert "ART14_5B_MARGINAL" not in codes(result)


def test_civil_servant_with_other_work_at_exactly_5_percent_unchanged():
    result = decide(_civil_servant_nl_employed_be(95, 5))
    assert summary(result) == ("NL", "883/2004", "13(4)", "09")


def test_tca_civil_servant_with_a_small_job_elsewhere_is_ssc_12_4():
    s = situation(
        reference_date="2023-06-01",
        residence="FR",
        employment_type="civil_servant_and_employed",
        work=work(("GB", 97, 97, "civil_servant"), ("FR", 3, 3, "employed")),
        employers=seats("GB", "FR"),
    )
    assert summary(decide(s)) == ("GB", "TCA", "SSC.12(4)", None)


# ---- Art. 87a: the request that ended Art. 87(8) does not also end Art. 87a (legislation.md 1.2, 1.4) --


def _crew_since_2008(ref, request=None):
    """Flight crew living in NL (30 %), IE airline, home base BE, unchanged since 2008. Reg. 1408/71
    Art. 14(2)(a): IE (not principally in NL); 883/2004 before Reg. 465/2012: NL (30 % is substantial);
    after it: BE (home base, Art. 11(5) with 987/2009 Art. 14(5a))."""
    return situation(
        reference_date=ref,
        situation_start="2008-01-01",
        residence="NL",
        employment_type="flight_crew",
        home_base="BE",
        work=work(("NL", 30), ("BE", 40), ("FR", 30)),
        employers=seats("IE"),
        art87_8_request_date=request,
    )


def test_art87_8_request_of_2010_does_not_end_the_art87a_transition():
    """legislation.md 1.4: the person asked in 2010 to leave the Art. 87(8) transition (effective
    2010-05-01), so 883/2004 designated NL from then on. legislation.md 1.2: Reg. 465/2012 (from
    2012-06-28) makes BE competent, and Art. 87a keeps NL while the situation is unchanged, until
    2022-06-27; "the person may ask to leave the transition", a transition that began on 2012-06-28.
    The engine took the 2010 request for an Art. 87a request and said it "took effect on 2012-06-28"."""
    result = decide(_crew_since_2008("2015-01-01", request="2010-06-15"))
    assert result["legislation"] == "NL"
    assert result["transitional"] == {"instrument": "883/2004", "article": "87a(1)"}
    seen = codes(result)
    assert seen["ART87_8_TRANSITION"] is False
    assert seen["ART87A_TRANSITION"] is True
    reason = next(r for r in result["reasons"] if r["code"] == "ART87A_TRANSITION")
    assert "2022-06-27" in reason["explanation"]


def test_art87a_request_made_after_2012_06_28_still_ends_it():
    s = _crew_since_2008("2015-01-01", request="2013-03-10")
    s["situation_start"] = "2011-01-01"  # after 2010-05-01: no Art. 87(8), only Art. 87a
    result = decide(s)
    assert summary(result) == ("BE", "883/2004", "13(1)", "10")
    reason = next(r for r in result["reasons"] if r["code"] == "ART87A_TRANSITION")
    assert reason["passed"] is False
    assert "took effect on 2013-04-01" in reason["explanation"]


def test_art87_8_kept_without_any_request():
    result = decide(_crew_since_2008("2015-01-01"))
    assert summary(result) == ("IE", "1408/71", "14(2)(a)", "02")
    assert result["transitional"] == {"instrument": "883/2004", "article": "87(8)"}


def test_art87a_request_on_2012_09_29_takes_effect_on_2012_06_28():
    s = _crew_since_2008("2012-08-01", request="2012-09-29")
    s["situation_start"] = "2011-01-01"
    result = decide(s)
    assert summary(result) == ("BE", "883/2004", "13(1)", "10")
    reason = next(r for r in result["reasons"] if r["code"] == "ART87A_TRANSITION")
    assert "took effect on 2012-06-28" in reason["explanation"]
