import datetime as dt

from django.urls import reverse

from postings.models import CoverageRequest
from postings.selectors import requests_for
from postings.status import Status
from tests import factories

from .conftest import make_request

LIST = reverse("postings:list")


def test_selector_returns_only_the_employers_sent_requests(employer, employer_admin, employee):
    mine = make_request(employer, employee)
    CoverageRequest.objects.create(type="posting", employer=employer, created_by=employer_admin)  # a draft
    make_request(factories.make_employer())
    assert list(requests_for(employer_admin, employer)) == [mine]
    assert not requests_for(factories.make_user(), employer).exists()


def test_ten_most_recent_first_and_pages(logged_in, employer, employee):
    made = [make_request(employer, employee) for _ in range(12)]
    page = logged_in.get(LIST).content.decode()
    assert made[-1].transaction_number in page and made[2].transaction_number in page
    assert made[1].transaction_number not in page
    assert page.index(made[-1].transaction_number) < page.index(made[-2].transaction_number)
    second = logged_in.get(LIST + "?page=2").content.decode()
    assert made[0].transaction_number in second


def test_filters_worker_status_type_territory_and_dates(logged_in, employer, employee):
    other = factories.make_employee(employer, family_name="Jansen")
    a = make_request(employer, employee, decision="approved", status=Status.CLOSED)
    b = make_request(
        employer,
        other,
        type="simultaneous",
        territory="jersey",
        state_of_work="GB",
        requested_start=dt.date(2026, 5, 1),
        requested_end=dt.date(2026, 6, 1),
    )
    c = make_request(employer, other, status=Status.CANCELLED, cancel_reason="x")

    def numbers(query):
        page = logged_in.get(LIST + query).content.decode()
        return {r.transaction_number for r in (a, b, c) if r.transaction_number in page}

    assert numbers("?worker=POR") == {a.transaction_number}
    assert numbers("?status=approved") == {a.transaction_number}
    assert numbers("?status=in_progress") == {b.transaction_number}
    assert numbers("?status=cancelled") == {c.transaction_number}
    assert numbers("?type=simultaneous") == {b.transaction_number}
    assert numbers("?territory=jersey") == {b.transaction_number}
    assert numbers("?requested_start_from=2026-01-01") == {b.transaction_number}
    assert numbers(f"?personal_number={employee.personal_number}") == {a.transaction_number}
    assert numbers(f"?number={a.transaction_number[-4:]}") == {a.transaction_number}


def test_bad_filter_values_give_a_message_at_the_field(logged_in, employer, employee):
    make_request(employer, employee)
    response = logged_in.get(LIST + "?requested_start_from=not-a-date&status=nonsense&sort=evil")
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "Enter a valid date." in page


def test_sorting_by_worker(logged_in, employer, employee):
    zed = factories.make_employee(employer, family_name="Zwart")
    first = make_request(employer, zed)
    second = make_request(employer, employee)
    page = logged_in.get(LIST + "?sort=worker").content.decode()
    assert page.index(second.transaction_number) < page.index(first.transaction_number)
    page = logged_in.get(LIST + "?sort=-worker").content.decode()
    assert page.index(first.transaction_number) < page.index(second.transaction_number)


def test_queries_do_not_grow_with_the_rows(logged_in, employer, employee, django_assert_max_num_queries):
    for _ in range(5):
        make_request(employer, employee)
    with django_assert_max_num_queries(20) as few:
        logged_in.get(LIST + "?sort=state")
    for _ in range(45):
        make_request(employer, employee)
    with django_assert_max_num_queries(len(few.captured_queries)):
        logged_in.get(LIST + "?sort=state")


def test_detail_of_another_employer_is_404(logged_in):
    foreign = make_request(factories.make_employer())
    assert logged_in.get(reverse("postings:detail", args=[foreign.pk])).status_code == 404
    assert logged_in.get(reverse("postings:cancel", args=[foreign.pk])).status_code == 404


def test_detail_shows_periods_channel_history_and_timeline(logged_in, employer, employee):
    obj = make_request(
        employer,
        employee,
        admitted_start=dt.date(2025, 2, 1),
        admitted_end=dt.date(2025, 11, 30),
        status=Status.CLOSED,
        decision="approved",
    )
    obj.events.create(kind="submitted", from_status="draft", to_status="submitted")
    obj.events.create(kind="approved", from_status="in_review", to_status="closed", reason="All in order.")
    page = logged_in.get(reverse("postings:detail", args=[obj.pk])).content.decode()
    assert "01-02-2025 – 30-11-2025" in page and "01-01-2025 – 31-12-2025" in page
    history = page.split(">History<")[1].split("</table>")[0]
    assert "<td>Request sent</td><td>In progress</td>" in history
    assert "<td>Approved</td><td>Closed</td><td>All in order.</td>" in history
    assert "submitted" not in history and "in_review" not in history  # no internal codes
    assert "E-box" in page
    assert "<svg" in page and "24-month posting limit" in page


def test_cancel_needs_a_reason_and_keeps_the_request_listed(logged_in, employer, employee):
    obj = make_request(employer, employee)
    url = reverse("postings:cancel", args=[obj.pk])
    page = logged_in.post(url, {"reason": "  "}).content.decode()
    assert "Give the reason for cancelling this request." in page
    obj.refresh_from_db()
    assert obj.status == Status.SUBMITTED
    assert logged_in.post(url, {"reason": "The project was called off."}).status_code == 302
    obj.refresh_from_db()
    assert obj.status == Status.CANCELLED and obj.cancel_reason == "The project was called off."
    listing = logged_in.get(LIST).content.decode()
    assert obj.transaction_number in listing and "Cancelled" in listing
