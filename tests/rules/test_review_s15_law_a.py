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
