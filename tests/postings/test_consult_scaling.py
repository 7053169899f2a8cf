"""The consult list stays fast with many rows: the database answers its queries from an index.

(That the number of queries does not grow with the rows is in test_consult.py.)
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from postings.models import CoverageRequest
from postings.status import Status
from tests import factories

EMPLOYERS = 40
PER_EMPLOYER = 100
TABLE = "postings_coveragerequest"
QUERIES = [
    "",
    "?page=3",
    "?sort=worker",
    "?status=approved",
    "?worker=jan",
    "?state_of_work=DE&sort=-requested",
]


@pytest.fixture
def many_requests(db):
    """A few thousand sent requests over a few dozen employers, consult columns filled as on send."""
    user = factories.make_user()
    employers = [factories.make_employer() for _ in range(EMPLOYERS)]
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    statuses = [Status.SUBMITTED, Status.IN_REVIEW, Status.CLOSED, Status.CANCELLED]
    names = ["Jansen, Eva", "de Vries, Daan", "Bakker, Sem", "Smit, Anna"]
    rows = []
    for e, employer in enumerate(employers):
        for i in range(PER_EMPLOYER):
            n = e * PER_EMPLOYER + i
            status = statuses[n % 4]
            name = names[n % 4]
            rows.append(
                CoverageRequest(
                    type="posting",
                    employer=employer,
                    created_by=user,
                    status=status,
                    decision="approved" if status == Status.CLOSED else "",
                    transaction_number=f"NL-2024-{n + 1:08d}",
                    worker_name=name,
                    worker_name_search=name.lower(),
                    personal_number=factories.valid_bsn(n),
                    state_of_work=["BE", "DE", "FR"][n % 3],
                    requested_start=dt.date(2024, 3, 1),
                    requested_end=dt.date(2024, 12, 31),
                    submitted_at=start + dt.timedelta(minutes=n),
                )
            )
    CoverageRequest.objects.bulk_create(rows, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TABLE}" if connection.vendor == "postgresql" else "ANALYZE")
    employer = employers[EMPLOYERS // 2]
    admin = factories.make_user()
    factories.add_member(admin, employer)
    return employer, admin


def consult_queries(client, admin) -> list[str]:
    """The SQL the consult page runs on the requests table, for each filter and sort."""
    client.force_login(admin)
    found = []
    for query in QUERIES:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("postings:list") + query)
        assert response.status_code == 200
        found += [q["sql"] for q in captured.captured_queries if f'FROM "{TABLE}"' in q["sql"]]
    return found


def plan(sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN " + sql)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return "\n".join(" ".join(str(col) for col in row) for row in cursor.fetchall())


def test_every_consult_query_of_one_employer_uses_an_index(client, many_requests):
    employer, admin = many_requests
    queries = consult_queries(client, admin)
    assert len(queries) >= 2 * len(QUERIES)  # page + bounded count (each search has over a page)
    for sql in queries:
        explained = plan(sql)
        if connection.vendor == "postgresql":
            assert f"Seq Scan on {TABLE}" not in explained, f"{sql}\n{explained}"
            assert "Index" in explained, explained
        else:
            full_scans = [
                line for line in explained.splitlines() if f"SCAN {TABLE}" in line and "USING" not in line
            ]
            assert not full_scans, f"{sql}\n{explained}"


def test_the_page_shows_ten_of_the_employers_own_requests(client, many_requests):
    employer, admin = many_requests
    client.force_login(admin)
    page = client.get(reverse("postings:list")).content.decode()
    mine = CoverageRequest.objects.filter(employer=employer).order_by("-submitted_at")
    assert mine[0].transaction_number in page and mine[9].transaction_number in page
    assert mine[10].transaction_number not in page
    assert f"({PER_EMPLOYER} requests)" in page
