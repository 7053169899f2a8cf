"""The worker's other requests, read once per validation (postings/worker_history.py): exactly the
rows the checks used to ask for one by one, and one query for the engine's previous posting and the
overlap and gap checks together."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from postings.models import CoverageRequest
from postings.services.validation import validation_flags
from postings.status import Decision, Status
from postings.worker import same_worker
from postings.worker_history import others_of_worker
from tests import factories
from tests.postings.conftest import make_request

pytestmark = pytest.mark.django_db


def _orm_read(request):
    """The rows as the ORM selects them: the same worker, not this one, sent, not withdrawn or refused."""
    return list(
        CoverageRequest.objects.filter(same_worker(request))
        .exclude(pk=request.pk)
        .exclude(status__in=[Status.DRAFT, Status.CANCELLED])
        .exclude(decision=Decision.REJECTED)
        .values_list("pk", flat=True)
    )


def test_the_same_rows_as_the_workers_requests_by_the_orm(employer, employee):
    this = make_request(employer, employee)
    kept = [
        make_request(employer, employee, state_of_work="DE"),
        make_request(employer, employee, status=Status.CLOSED, decision=Decision.APPROVED),
        # Sent for this worker, whose directory entry was removed since: linked by the number only.
        make_request(employer, None, personal_number=employee.personal_number, worker_name="X"),
    ]
    make_request(employer, employee, status=Status.DRAFT)
    make_request(employer, employee, status=Status.CANCELLED)
    make_request(employer, employee, status=Status.CLOSED, decision=Decision.REJECTED)
    make_request(employer, factories.make_employee(employer, family_name="Other"))
    # The same number at another employer is another employer's record, not this directory's worker.
    make_request(factories.make_employer(), None, personal_number=employee.personal_number)

    got = others_of_worker(this)
    assert sorted(r.pk for r in got) == sorted(_orm_read(this)) == sorted(r.pk for r in kept)
    # Latest sent first, as the model orders requests (the flags come in this order).
    assert [r.pk for r in got] == [r.pk for r in reversed(kept)]
    by_pk = {r.pk: r for r in got}
    assert by_pk[kept[0].pk].state_of_work == "DE"
    assert by_pk[kept[0].pk].requested_start == dt.date(2025, 1, 1)


def test_the_end_is_the_admitted_one_once_decided(employer, employee):
    this = make_request(employer, employee)
    make_request(
        employer,
        employee,
        status=Status.CLOSED,
        decision=Decision.APPROVED,
        admitted_start=dt.date(2025, 1, 1),
        admitted_end=dt.date(2025, 3, 31),
    )
    (other,) = others_of_worker(this)
    assert other.requested_end == dt.date(2025, 12, 31) and other.end == dt.date(2025, 3, 31)


def test_no_worker_no_rows_and_no_query(employer, django_assert_num_queries):
    draft = CoverageRequest(employer=employer, type="posting", status=Status.DRAFT)
    with django_assert_num_queries(0):
        assert others_of_worker(draft) == []


def test_the_validation_reads_the_workers_requests_once(employer, employee):
    this = make_request(
        employer,
        employee,
        answers={
            "places": {"places": [{"country": "BE", "town": "Antwerpen", "name": "Site"}]},
            "conditions": {"start": "2025-01-01", "end": "2025-12-31", "insured_30_days": True},
        },
    )
    make_request(
        employer,
        employee,
        requested_start=dt.date(2024, 6, 1),
        requested_end=dt.date(2024, 11, 30),
        status=Status.CLOSED,
        decision=Decision.APPROVED,
    )
    with CaptureQueriesContext(connection) as queries:
        _determination, flags = validation_flags(this)
    request_reads = [
        q["sql"] for q in queries.captured_queries if 'FROM "postings_coveragerequest"' in q["sql"]
    ]
    assert len(request_reads) == 1, request_reads
    # It still finds what each check needs: the earlier posting to Belgium ended a month before.
    assert "POSTING_GAP_UNDER_2_MONTHS" in [f["code"] for f in flags]
