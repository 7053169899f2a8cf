"""Discrepancies between the engine and legislation.md found in review s8, one test (or a few)
per fix; each names the section of legislation.md it rests on."""

from .builders import codes, decide, posting, summary, work


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
