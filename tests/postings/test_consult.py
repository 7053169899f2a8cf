import datetime as dt

import pytest
from django.http import QueryDict
from django.urls import reverse

from postings.filters import RequestFilter
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
    for _ in range(15):
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


def count_queries(captured) -> list[str]:
    return [q["sql"] for q in captured if "COUNT(" in q["sql"] and "postings_coveragerequest" in q["sql"]]


def test_a_short_list_is_not_counted_and_a_long_one_only_up_to_a_limit(
    logged_in, employer, employee, monkeypatch, django_assert_max_num_queries
):
    from postings.views import consult

    for _ in range(7):
        make_request(employer, employee)
    with django_assert_max_num_queries(20) as captured:
        page = logged_in.get(LIST).content.decode()
    assert "Page 1 of 1 (7 requests)" in page
    assert count_queries(captured.captured_queries) == []  # all rows are on the page: nothing to count

    monkeypatch.setattr(consult, "COUNT_LIMIT", 25)
    for _ in range(30):
        make_request(employer, employee)
    with django_assert_max_num_queries(20) as captured:
        page = logged_in.get(LIST).content.decode()
    assert "Page 1 (more than 25 requests; narrow the search to see fewer)" in page
    (counted,) = count_queries(captured.captured_queries)
    assert "LIMIT 26" in counted  # never a COUNT over all of the employer's rows
    assert 'rel="next"' in page
    last = logged_in.get(LIST + "?page=4").content.decode()
    assert "Page 4 of 4 (37 requests)" in last and 'rel="next"' not in last
    past_the_end = logged_in.get(LIST + "?page=99").content.decode()
    assert "Page 4 of 4 (37 requests)" in past_the_end


SORTABLE = {
    # column key: (field values of the request that sorts first ascending, of the one that sorts last)
    "number": ({"transaction_number": "NL-2025-00000001"}, {"transaction_number": "NL-2025-99999999"}),
    "type": ({"type": "posting"}, {"type": "simultaneous"}),
    "personal_number": ({"personal_number": "111111110"}, {"personal_number": "999999990"}),
    "worker": ({"worker_name": "Aalders, Ben"}, {"worker_name": "Zwart, Zoe"}),
    "state": ({"state_of_work": "AT"}, {"state_of_work": "SE"}),
    "status": ({"status": Status.CANCELLED}, {"status": Status.SUBMITTED}),
    "admitted": (
        {"admitted_start": dt.date(2024, 1, 1), "admitted_end": dt.date(2024, 6, 30)},
        {"admitted_start": dt.date(2027, 1, 1), "admitted_end": dt.date(2027, 6, 30)},
    ),
    "requested": (
        {"requested_start": dt.date(2024, 1, 1), "requested_end": dt.date(2024, 12, 31)},
        {"requested_start": dt.date(2027, 1, 1), "requested_end": dt.date(2027, 12, 31)},
    ),
}


def made(employer, employee, fields):
    number = fields.pop("transaction_number", None)
    obj = make_request(employer, employee, **fields)
    if number:
        CoverageRequest.objects.filter(pk=obj.pk).update(transaction_number=number)
        obj.refresh_from_db()
    return obj


def test_every_column_sorts_both_ways_from_its_header_link(logged_in, employer, employee):
    for key, (low_fields, high_fields) in SORTABLE.items():
        CoverageRequest.objects.filter(employer=employer).delete()
        middle = {"admitted_start": dt.date(2025, 1, 1), "admitted_end": dt.date(2025, 6, 30)}
        high, low = (made(employer, employee, {**middle, **fields}) for fields in (high_fields, low_fields))
        page = logged_in.get(LIST).content.decode()
        assert f'href="?sort={key}"' in page, key  # the header offers ascending first
        page = logged_in.get(LIST + f"?sort={key}").content.decode()
        assert page.index(low.transaction_number) < page.index(high.transaction_number), key
        assert f'href="?sort=-{key}"' in page and 'aria-sort="ascending"' in page, key
        page = logged_in.get(LIST + f"?sort=-{key}").content.decode()
        assert page.index(high.transaction_number) < page.index(low.transaction_number), key
        assert 'aria-sort="descending"' in page, key


def test_the_date_range_filters_for_requested_and_admitted_periods(logged_in, employer, employee):
    early = make_request(
        employer,
        employee,
        requested_start=dt.date(2025, 1, 1),
        requested_end=dt.date(2025, 6, 30),
        admitted_start=dt.date(2025, 2, 1),
        admitted_end=dt.date(2025, 5, 31),
    )
    late = make_request(
        employer,
        employee,
        requested_start=dt.date(2026, 1, 1),
        requested_end=dt.date(2026, 12, 31),
        admitted_start=dt.date(2026, 2, 1),
        admitted_end=dt.date(2026, 11, 30),
    )
    undecided = make_request(
        employer, employee, requested_start=dt.date(2026, 3, 1), requested_end=dt.date(2026, 9, 30)
    )

    def numbers(query):
        page = logged_in.get(LIST + query).content.decode()
        return {r.transaction_number for r in (early, late, undecided) if r.transaction_number in page}

    both_late = {late.transaction_number, undecided.transaction_number}
    assert numbers("?requested_start_from=2025-12-01") == both_late
    assert numbers("?requested_start_to=2025-12-01") == {early.transaction_number}
    assert numbers("?requested_end_from=2026-01-01") == both_late
    assert numbers("?requested_end_to=2025-07-01") == {early.transaction_number}
    assert numbers("?admitted_start_from=2026-01-01") == {late.transaction_number}
    assert numbers("?admitted_start_to=2025-03-01") == {early.transaction_number}
    assert numbers("?admitted_end_from=2026-01-01") == {late.transaction_number}
    assert numbers("?admitted_end_to=2025-06-01") == {early.transaction_number}
    assert numbers("?admitted_start_from=2026-01-01&admitted_end_to=2026-12-31") == {late.transaction_number}
    assert numbers("?territory=jersey") == set()


def test_pages_keep_the_search_and_the_sort(logged_in, employer, employee):
    jansen = factories.make_employee(employer, family_name="Jansen")
    for _ in range(12):
        make_request(employer, jansen)
    make_request(employer, employee)
    page = logged_in.get(LIST + "?worker=jans&sort=-number").content.decode()
    assert "Page 1 of 2 (12 requests)" in page
    assert 'href="?worker=jans&amp;sort=-number&amp;page=2"' in page
    second = logged_in.get(LIST + "?worker=jans&sort=-number&page=2").content.decode()
    assert "Page 2 of 2 (12 requests)" in second and "Delporte" not in second
    assert 'href="?worker=jans&amp;sort=-number&amp;page=1"' in second
    # The column headers keep the search too.
    assert 'href="?worker=jans&amp;sort=state"' in second


def test_the_search_fields_follow_the_readers_language_after_another_language(logged_in, employer, employee):
    """The filter form is built once per language: a Dutch reader after an English one sees Dutch
    labels, and the English reader afterwards English ones again."""
    make_request(employer, employee)
    english = logged_in.get(LIST + "?worker=x").content.decode()
    assert "Worker&#x27;s name" in english and "Type of request" in english
    logged_in.post(reverse("set_language"), {"language": "nl", "next": LIST})
    dutch = logged_in.get(LIST + "?worker=x").content.decode()
    assert "Naam van de werknemer" in dutch and "Soort aanvraag" in dutch and "Type of request" not in dutch
    logged_in.post(reverse("set_language"), {"language": "en", "next": LIST})
    assert "Type of request" in logged_in.get(LIST + "?worker=x").content.decode()


def test_a_search_by_a_workers_name_or_number_is_not_kept_in_the_process(logged_in, employer, employee):
    """The rendered search fields are kept per process for speed, but never with what someone typed
    about a worker: the page shows the search, the process keeps nothing of it."""
    from postings.templatetags import consult_search

    make_request(employer, employee)
    consult_search._RENDERED.clear()
    by_number = logged_in.get(LIST + "?personal_number=85073003328").content.decode()
    by_name = logged_in.get(LIST + "?worker=Delporte&status=approved").content.decode()
    assert 'value="85073003328"' in by_number and 'value="Delporte"' in by_name
    assert '<option value="approved" selected>' in by_name
    kept = repr(consult_search._RENDERED)
    assert "85073003328" not in kept and "Delporte" not in kept
    # The other fields are kept by their own values: another name with the same status shows that
    # name and the status from what was kept, and the first name is gone.
    again = logged_in.get(LIST + "?worker=Jansen&status=approved").content.decode()
    assert 'value="Jansen"' in again and "Delporte" not in again
    assert '<option value="approved" selected>' in again and len(consult_search._RENDERED) == 2
    escaped = logged_in.get(LIST + '?worker="><script>x</script>').content.decode()
    assert "<script>x</script>" not in escaped and "&lt;script&gt;x&lt;/script&gt;" in escaped


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?status=approved&worker=Jansen",
        "?personal_number=1&requested_start_from=31-31-2026&status=nonsense",
        "?state_of_work=BE",
    ],
)
def test_the_kept_search_fields_are_the_fields_rendered_afresh(rf, query):
    from django.template import Context, Template

    from postings.templatetags import consult_search

    consult_search._RENDERED.clear()
    request = rf.get(LIST + query)
    afresh = Template(
        '{% for field in form %}{% if field.name != "sort" %}{% form_field field %}{% endif %}{% endfor %}'
    )
    for _ in range(2):  # rendered, then from what was kept
        form = RequestFilter(request.GET, queryset=CoverageRequest.objects.none()).form
        form.is_valid()
        expected = afresh.render(Context({"form": form}))
        assert consult_search.search_fields({"request": request}, form) == expected


def test_each_row_names_the_type_state_and_territory_in_the_readers_language(logged_in, employer, employee):
    make_request(employer, employee, type="seafarer", state_of_work="GB", territory="jersey")
    make_request(employer, employee, type="posting", state_of_work="BE")
    english = logged_in.get(LIST).content.decode()
    dutch = logged_in.get(LIST, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "<td>Seafarer</td>" in english and "<td>United Kingdom (Jersey)</td>" in english
    assert "<td>Belgium</td>" in english and "<td>Posting</td>" in english
    assert "<td>België</td>" in dutch and "<td>Verenigd Koninkrijk (Jersey)</td>" in dutch
    assert "<td>Posting</td>" not in dutch  # the type in Dutch too


def test_each_search_has_filters_of_its_own(employer, employer_admin, employee):
    # RequestFilter copies its declared filters shallowly (postings/filters.py): each filterset's
    # method filters must run that filterset's methods on its own values, and the declared filters
    # must stay untouched for the next one.
    other = factories.make_employee(employer, family_name="Jansen")
    a = make_request(employer, employee)
    b = make_request(employer, other)
    requests = requests_for(employer_admin, employer)
    first = RequestFilter(QueryDict("worker=jans"), queryset=requests)
    second = RequestFilter(
        QueryDict(f"personal_number={employee.personal_number}&status=in_progress"), queryset=requests
    )
    assert list(second.qs) == [a]
    assert list(first.qs) == [b]
    for filterset in (first, second):
        for name in ("worker", "personal_number", "status"):
            copied = filterset.filters[name]
            assert copied.parent is filterset
            assert copied.filter.f is copied
            assert copied is not RequestFilter.base_filters[name]
    assert not hasattr(RequestFilter.base_filters["worker"], "parent")


def test_a_bad_search_leaves_the_next_search_alone(employer, employer_admin, employee):
    # The search form's fields are shared between forms (postings/filters.py SharedFields).
    requests = requests_for(employer_admin, employer)
    bad = RequestFilter(QueryDict("requested_start_from=31-31-2026&status=nonsense"), queryset=requests)
    good = RequestFilter(QueryDict("requested_start_from=2026-01-01&status=approved"), queryset=requests)
    assert set(bad.form.errors) == {"requested_start_from", "status"}
    assert good.form.is_valid(), good.form.errors
    assert good.form.cleaned_data["status"] == "approved"
    assert not bad.form.is_valid()
