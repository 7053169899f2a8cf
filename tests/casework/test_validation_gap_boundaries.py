"""Boundaries of the validation flags (legislation.md 2.3 P7) with the stand-in engine."""

import datetime as dt

import pytest

from tests.casework.builders import make_request

pytestmark = pytest.mark.django_db


def codes(request):
    request.refresh_from_db()
    return sorted(f["code"] for f in request.flags)


def test_gap_at_a_month_end_is_counted_from_the_previous_end(engine, employer, employer_admin, employee):
    """legislation.md 2.3 P7: a fresh posting may start once 2 months have passed since the previous
    one ended, as the engine counts it (rules.reg883.art12.gap_since_previous: start >= end + 2
    months). Ended 31-12-2026: 28-02-2027 is 2 months later (clamped to the month's end), so no flag;
    27-02-2027 is too early. Counting 2 months back from the start flagged 28-02 too."""
    make_request(employer, employee, employer_admin, start=dt.date(2026, 7, 1), end=dt.date(2026, 12, 31))
    on_time = make_request(
        employer, employee, employer_admin, start=dt.date(2027, 2, 28), end=dt.date(2027, 6, 30)
    )
    assert "POSTING_GAP_UNDER_2_MONTHS" not in codes(on_time)


def test_gap_one_day_short_at_a_month_end_is_flagged(engine, employer, employer_admin, employee):
    """legislation.md 2.3 P7: ended 31-12-2026, a posting from 27-02-2027 is less than 2 months later."""
    make_request(employer, employee, employer_admin, start=dt.date(2026, 7, 1), end=dt.date(2026, 12, 31))
    early = make_request(
        employer, employee, employer_admin, start=dt.date(2027, 2, 27), end=dt.date(2027, 6, 30)
    )
    assert "POSTING_GAP_UNDER_2_MONTHS" in codes(early)


def test_an_extension_of_an_extension_is_not_a_fresh_posting(engine, employer, employer_admin, employee):
    """legislation.md 2.3 P7 is about a fresh posting: every request of the chain that a request
    extends is the same posting, not only the one it extends directly."""
    first = make_request(
        employer, employee, employer_admin, start=dt.date(2026, 1, 1), end=dt.date(2026, 6, 30)
    )
    second = make_request(
        employer, employee, employer_admin, start=dt.date(2026, 7, 1), end=dt.date(2026, 7, 31), extends=first
    )
    third = make_request(
        employer,
        employee,
        employer_admin,
        start=dt.date(2026, 8, 1),
        end=dt.date(2026, 12, 31),
        extends=second,
    )
    assert "POSTING_GAP_UNDER_2_MONTHS" not in codes(third)
