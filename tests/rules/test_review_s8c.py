"""Discrepancies between the engine and legislation.md found in review s8c (postings, Art. 16
agreements, the output fields), one test (or a few) per fix; each names the section of
legislation.md it rests on."""

from .builders import codes, decide, posting, situation, summary, work

# ---- Art. 16(1) agreements: the reason cites the regulation like every other reason (contract) ----


def test_art16_agreement_reason_cites_the_regulation():
    """determination.md: a reason's ``provision`` is a human citation such as
    ``Reg. 883/2004 Art. 12(1)``; legislation.md 2.2 step 1 / 2.5: Art. 16(1) of Reg. 883/2004. The
    engine printed the instrument code instead, ``883/2004 Art. 16(1)``, for this reason only."""
    result = decide(
        posting(end="2027-02-28", art16_agreement={"state": "NL", "start": "2024-03-01", "end": "2027-02-28"})
    )
    assert summary(result) == ("NL", "883/2004", "16(1)", "11")
    reason = next(r for r in result["reasons"] if r["code"] == "ART16_1_AGREEMENT")
    assert reason["provision"] == "Reg. 883/2004 Art. 16(1)"


def test_tca_exception_agreement_reason_cites_the_protocol():
    """legislation.md 1.5: the TCA Protocol on Social Security Coordination; the reason named it
    ``TCA Art. SSC.16(1)`` while every other TCA reason cites the Protocol by name."""
    s = situation(
        reference_date="2023-06-01",
        work=work(("GB", 100)),
        posting={
            "host_state": "GB",
            "start": "2023-03-01",
            "end": "2027-02-28",
            "art16_agreement": {"state": "NL", "start": "2023-03-01", "end": "2027-02-28"},
        },
    )
    result = decide(s)
    assert summary(result) == ("NL", "TCA", "SSC.16(1)", None)
    reason = next(r for r in result["reasons"] if r["code"] == "ART16_1_AGREEMENT")
    assert reason["provision"] == "TCA Protocol on Social Security Coordination Art. SSC.16(1)"


# ---- P3: under a month of prior insurance is not a plain refusal (legislation.md 2.3 P3) ----------


def test_prior_insurance_under_one_month_warns_of_case_by_case_review():
    """legislation.md 2.3 P3: the worker must already be subject to the sending state's legislation
    immediately before; in practice at least 1 month, "a shorter period needs a case-by-case
    review". The engine refused a worker insured for two weeks as if the condition plainly failed,
    without saying that a shorter period is reviewed case by case."""
    result = decide(posting(insured_in_sending_state_months_before=0.5))
    assert summary(result) == ("BE", "883/2004", "11(3)(a)", "12")
    assert codes(result)["ART12_1_PRIOR_INSURANCE"] is False
    assert any("case-by-case" in w and "NL" in w for w in result["warnings"])


def test_no_prior_insurance_at_all_has_no_case_by_case_warning():
    """legislation.md 2.3 P3 and case C08: a worker not subject to the sending state's legislation at
    all before the posting fails the condition; there is nothing to review."""
    result = decide(posting(insured_in_sending_state_months_before=0))
    assert summary(result) == ("BE", "883/2004", "11(3)(a)", "12")
    assert not any("case-by-case" in w for w in result["warnings"])


# ---- Reg. 1408/71: a mariner's extended posting is Art. 14b(1) (legislation.md 3.1 step 4) ---------


def _mariner_1408(**posting_changes) -> dict:
    return situation(
        reference_date="2009-06-01",
        residence="BE",
        employment_type="seafarer",
        flag_state="DE",
        work=work(("DE", 100)),
        posting={"host_state": "DE", "start": "2008-03-01", "end": "2010-02-28", **posting_changes},
    )


def test_1408_mariner_posting_extension_is_art_14b_1():
    """legislation.md 3.1 step 4: a mariner posted onto a vessel flying another member state's flag
    stays under the sending state for "<=12 months (+12 with consent)" under Art. 14b(1); step 5's
    Art. 14(1)(b) is the employed persons' rule on land. The engine labelled the consented extension
    of a mariner's posting 14(1)(b), the same slip as the self-employed extension fixed in review s8
    (14a(1)(b))."""
    result = decide(
        _mariner_1408(art16_agreement={"state": "NL", "start": "2009-03-01", "end": "2010-02-28"})
    )
    assert summary(result) == ("NL", "1408/71", "14b(1)", None)
    assert result["certificate"] == "E102"
    assert result["period"] == {"start": "2009-03-01", "end": "2010-02-28"}
    reason = next(r for r in result["reasons"] if r["code"] == "ART14_1_B_1408_EXTENSION")
    assert reason["passed"] is True
    assert reason["provision"] == "Reg. 1408/71 Art. 14b(1)"


def test_1408_mariner_on_a_third_country_flag_keeps_the_employed_persons_extension():
    """legislation.md 3.1 step 4 (as fixed in review s8): the flag rules need a member state's flag;
    under a third state's flag the rules for employed persons decide, so the extension stays
    Art. 14(1)(b)."""
    s = _mariner_1408(
        host_state="BE", art16_agreement={"state": "NL", "start": "2009-03-01", "end": "2010-02-28"}
    )
    s["flag_state"] = "PA"
    s["work"] = work(("BE", 100))
    result = decide(s)
    assert summary(result) == ("NL", "1408/71", "14(1)(b)", None)
    assert result["certificate"] == "E102"
