"""Calendar arithmetic the rules need (months with end-of-month clamping, durations)."""

from __future__ import annotations

from datetime import date, timedelta

ONE_DAY = timedelta(days=1)
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _past_last_year(d: date, months: int) -> bool:
    """True when ``d`` plus ``months`` months falls after 9999-12 (beyond ``date.max``)."""
    return (d.year * 12 + (d.month - 1) + months) // 12 > date.max.year


def add_months(d: date, months: int) -> date:
    """``d`` plus ``months`` calendar months; the day is clamped to the month's last day.

    A result after 9999-12-31 is given as 9999-12-31: determination.md allows any ISO date and
    wants an error or an answer, never a crash, so a far-future "open" end (9999-12-31) must not
    overflow the calendar arithmetic."""
    year, month0 = divmod(d.year * 12 + (d.month - 1) + months, 12)
    if year > date.max.year:
        return date.max
    day = d.day
    if day > 28:  # only the last days of a month can need clamping
        last = _DAYS[month0] + (month0 == 1 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)))
        day = min(day, last)
    return date(year, month0 + 1, day)


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def first_of_next_month(d: date) -> date:
    if d.year == date.max.year and d.month == 12:
        return date.max  # as add_months: no date after 9999-12-31
    return date(d.year + 1, 1, 1) if d.month == 12 else date(d.year, d.month + 1, 1)


def anniversary(start: date, months: int) -> date:
    """The ``months``-anniversary of ``start``: the same day ``months`` months later or, where
    that month is too short (a start on the 29th to 31st), the first day of the month after.
    This is the count of ``ChronoUnit.MONTHS.between`` that legislation.md 2.3 P4 cites
    (Melosys): from 2024-02-29 the 24-month anniversary is 2026-03-01."""
    shifted = add_months(start, months)
    return shifted if shifted.day == start.day else shifted + ONE_DAY


def exceeds_months(start: date, end: date, months: int) -> bool:
    """True when the period ``start``..``end`` (both days included) lasts more than ``months``.

    A period ending the day before the ``months``-anniversary of ``start`` lasts exactly
    ``months`` months and does not exceed it (legislation.md 2.3 P4); this equals Melosys's
    ``ChronoUnit.MONTHS.between(start, end) >= months``.
    """
    if _past_last_year(start, months):
        return False  # the anniversary lies after 9999-12-31, so after every end date
    return end >= anniversary(start, months)


def duration(start: date, end: date) -> tuple[int, int]:
    """Whole months and remaining days of the period ``start``..``end`` (both included)."""
    if end == date.max:  # the day after it does not exist (determination.md: never a crash)
        months, days = duration(start, end - ONE_DAY)
        index = start.year * 12 + (start.month - 1) + months + 1
        if start.day == 1 and index == (date.max.year + 1) * 12:
            return months + 1, 0  # the next anniversary would be 10000-01-01, the day after the end
        return months, days + 1
    stop = end + ONE_DAY
    months = (stop.year - start.year) * 12 + (stop.month - start.month)
    if months < 0:
        return 0, 0
    while months > 0 and (_past_last_year(start, months) or anniversary(start, months) > stop):
        months -= 1
    return months, (stop - anniversary(start, months)).days


class Duration(str):
    """A span in plain English (``12 months``, ``24 months and 1 day``, ``20 days``) that keeps its
    parts, so the portal can say the same span in the reader's language."""

    def __new__(cls, months: int, days: int) -> Duration:
        parts = []
        if months:
            parts.append(f"{months} month" + ("" if months == 1 else "s"))
        if days or not months:
            parts.append(f"{days} day" + ("" if days == 1 else "s"))
        return cls.worded(" and ".join(parts), months, days)

    @classmethod
    def worded(cls, text: str, months: int, days: int) -> Duration:
        """The span with its English words given (``5 years (60 months)``)."""
        duration = str.__new__(cls, text)
        duration.months, duration.days = months, days
        return duration


def describe_duration(start: date, end: date) -> Duration:
    """Plain English: ``12 months``, ``24 months and 1 day``, ``20 days`` (see Duration)."""
    return Duration(*duration(start, end))
