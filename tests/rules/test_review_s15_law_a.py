"""Review s15 (law A): legislation.md sections 1 and 3 read by the letter; each test names the
section its expected answer rests on and fails without the fix it guards."""

import pytest

from .builders import codes, decide, posting, work


def _treaty_posting(host, start, end, ref, **extra):
    s = posting(host_state=host, start=start, end=end, **extra)
    s["reference_date"] = ref
    s["work"] = work((host, 100))
    return s


@pytest.mark.parametrize(
    ("host", "instrument", "article", "end"),
    [
        ("CV", "treaty:CV-NL", "7", "2025-12-31"),
        ("MA", "treaty:MA-NL", "7", "2025-12-31"),
        ("TN", "treaty:NL-TN", "3", "2026-06-30"),
    ],
)
def test_host_consent_for_the_second_year_keeps_the_first_year_under_the_posting_article(
    host, instrument, article, end
):
    """legislation.md 1.6: Cape Verde and Morocco "12 months + 12 with host consent", Tunisia "12
    months, extendable with consent". The host state consented to the months after the first 12, up
    to the posting's end; asked about the first year, the answer was the host state's legislation
    (and NL only from the second year on), though the whole posting is within the article."""
    consent = {"state": "NL", "start": "2025-01-01", "end": end}
    result = decide(_treaty_posting(host, "2024-01-01", end, "2024-06-01", art16_agreement=consent))
    assert (result["legislation"], result["provision"]) == (
        "NL",
        {"instrument": instrument, "article": article},
    )
    assert result["period"] == {"start": "2024-01-01", "end": end}
    assert codes(result)["TREATY_HOST_CONSENT"] is True
    # The second year was already NL under the same article (the consent covers that date).
    later = decide(_treaty_posting(host, "2024-01-01", end, "2025-06-01", art16_agreement=consent))
    assert (later["legislation"], later["provision"]["article"]) == ("NL", article)


@pytest.mark.parametrize(
    ("consent_start", "consent_end", "posting_end"),
    [
        ("2025-02-01", "2025-12-31", "2025-12-31"),  # a month without consent after the first 12
        ("2025-01-01", "2025-10-31", "2025-12-31"),  # the consent stops before the posting ends
        ("2025-01-01", "2026-01-01", "2026-01-01"),  # 24 months and 1 day: beyond 12 + 12
    ],
)
def test_consent_that_does_not_carry_the_posting_to_its_end_leaves_the_host_state(
    consent_start, consent_end, posting_end
):
    """legislation.md 1.6, Cape Verde: only consent from the end of the 12 months to the posting's
    end, within 12 + 12 months, makes the longer posting one under Art. 7."""
    consent = {"state": "NL", "start": consent_start, "end": consent_end}
    result = decide(_treaty_posting("CV", "2024-01-01", posting_end, "2024-06-01", art16_agreement=consent))
    assert result["legislation"] == "CV"
    assert codes(result)["TREATY_HOST_CONSENT"] is False


def test_longer_by_agreement_treaties_are_not_stretched_by_a_later_agreement():
    """legislation.md 1.6: Japan "5 years; longer by agreement" is an exception agreement, not
    consent within the posting article (unlike Cape Verde, Morocco, Tunisia): a 6-year posting
    with an agreement only for the sixth year stays refused in its first year."""
    consent = {"state": "NL", "start": "2029-01-01", "end": "2029-12-31"}
    result = decide(_treaty_posting("JP", "2024-01-01", "2029-12-31", "2024-06-01", art16_agreement=consent))
    assert result["legislation"] == "JP"
    assert "TREATY_HOST_CONSENT" not in codes(result)


def _posting_1408(ref, agreement, **extra):
    """NL employer posts an NL resident to BE from 2008-01-01 to 2009-06-30 (18 months)."""
    s = posting(start="2008-01-01", end="2009-06-30", art16_agreement=agreement, **extra)
    s["reference_date"] = ref
    return s


E102 = {"state": "NL", "start": "2009-01-01", "end": "2009-06-30"}


def test_1408_first_twelve_months_of_a_posting_extended_with_e102_are_the_art_14_1_a_posting():
    """legislation.md 3.1 step 5: 14(1)(a) posts for up to 12 months; 14(1)(b) keeps the sending
    state "for at most 12 more months" when the host state consents to the prolongation (E102). The
    extension for months 13-18 was honoured from 2009-01-01 (NL, 14(1)(b)), but in 2008 the same
    posting was refused as "18 months" and given to BE under 13(2)(a), with a warning that an
    E102 could have covered it."""
    result = decide(_posting_1408("2008-06-01", E102))
    assert (result["legislation"], result["provision"]) == (
        "NL",
        {"instrument": "1408/71", "article": "14(1)(a)"},
    )
    assert result["certificate"] == "E101"
    assert result["period"] == {"start": "2008-01-01", "end": "2008-12-31"}
    assert codes(result)["ART14_1_B_1408_EXTENSION"] is True
    assert not any("E102" in w for w in result["warnings"]), result["warnings"]
    later = decide(_posting_1408("2009-03-01", E102))
    assert (later["legislation"], later["provision"]["article"], later["certificate"]) == (
        "NL",
        "14(1)(b)",
        "E102",
    )


def test_1408_self_employed_first_twelve_months_before_an_extension_are_art_14a_1():
    """legislation.md 3.1 step 7: 14a(1) "<= 12 months (+12)" for the self-employed, as step 5."""
    s = _posting_1408("2008-06-01", E102)
    s.update(employment_type="self_employed", employers=[])
    s["work"] = work(("BE", 100, 100, "self_employed"))
    result = decide(s)
    assert (result["legislation"], result["provision"]["article"]) == ("NL", "14a(1)")
    assert result["period"] == {"start": "2008-01-01", "end": "2008-12-31"}


@pytest.mark.parametrize(
    "agreement",
    [
        {"state": "NL", "start": "2009-02-01", "end": "2009-06-30"},  # a month uncovered after 12
        {"state": "NL", "start": "2009-01-01", "end": "2009-05-31"},  # stops before the posting ends
        {"state": "BE", "start": "2009-01-01", "end": "2009-06-30"},  # not the sending state
    ],
)
def test_1408_agreement_that_is_no_extension_of_the_posting_leaves_the_first_year_to_the_host_state(
    agreement,
):
    """legislation.md 3.1 step 5: "anticipated > 12 months from the start: 14(1) not available ->
    Art.17 request, else host (13(2)(a))" where no extension carries the posting to its end."""
    result = decide(_posting_1408("2008-06-01", agreement))
    assert (result["legislation"], result["provision"]["article"]) == ("BE", "13(2)(a)")
