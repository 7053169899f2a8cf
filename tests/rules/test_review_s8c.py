"""Discrepancies between the engine and legislation.md found in review s8c (postings, Art. 16
agreements, the output fields), one test (or a few) per fix; each names the section of
legislation.md it rests on."""

from .builders import decide, posting, situation, summary, work

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
