"""The worker's timeline on the request page, with the 24-month posting limit drawn in."""

import datetime as dt
import re

from django.urls import reverse

from postings.status import Status
from postings.timeline import posting_limit

from .conftest import make_request


def limit_label(page: str) -> str:
    found = re.findall(r"24-month posting limit \((\d{4}-\d{2}-\d{2})\)", page)
    return found[0] if found else ""


def test_the_limit_is_24_months_after_the_start_of_the_run_of_postings_to_that_state(
    logged_in, employer, employee
):
    first = make_request(
        employer, employee, requested_start=dt.date(2024, 1, 1), requested_end=dt.date(2024, 12, 31)
    )
    # Follows within two months: the same run, so the limit stays 24 months after 1 January 2024.
    second = make_request(
        employer, employee, requested_start=dt.date(2025, 2, 1), requested_end=dt.date(2025, 12, 31)
    )
    page = logged_in.get(reverse("postings:detail", args=[second.pk])).content.decode()
    assert limit_label(page) == "2026-01-01"
    assert 'class="tl-limit"' in page
    assert page.count('class="tl-row') == 2 and first.transaction_number in page


def test_a_break_of_two_months_or_a_posting_elsewhere_starts_afresh(employer, employee):
    belgium = make_request(
        employer, employee, requested_start=dt.date(2022, 1, 1), requested_end=dt.date(2022, 12, 31)
    )
    germany = make_request(
        employer,
        employee,
        state_of_work="DE",
        requested_start=dt.date(2023, 1, 1),
        requested_end=dt.date(2023, 12, 31),
    )
    back_later = make_request(
        employer, employee, requested_start=dt.date(2023, 3, 1), requested_end=dt.date(2023, 9, 30)
    )
    rows = [belgium, back_later, germany]
    assert posting_limit(rows, highlight=belgium) == dt.date(2024, 1, 1)
    assert posting_limit(rows, highlight=germany) == dt.date(2025, 1, 1)  # another state
    assert posting_limit(rows, highlight=back_later) == dt.date(2025, 3, 1)  # two months' break


def test_cancelled_requests_and_simultaneous_occupation_do_not_set_a_limit(employer, employee):
    cancelled = make_request(employer, employee, status=Status.CANCELLED)
    simultaneous = make_request(employer, employee, type="simultaneous")
    assert posting_limit([cancelled, simultaneous], highlight=simultaneous) is None
