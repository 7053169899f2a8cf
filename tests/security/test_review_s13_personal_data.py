"""Review s13: personal data kept no longer and in no more places than needed.

- Pages and API answers for a signed-in person carry personal numbers, dates of birth, addresses and
  (once) API keys and webhook secrets: a browser or a proxy must not store them (Cache-Control:
  no-store), or the next person at a shared computer finds them in the cache or the back button.
- A personnel import keeps the uploaded file (every employee's personal number, date of birth and
  address) only until the import has run: the report keeps masked numbers, the file itself is
  not needed after that.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import ImportJob
from tests import factories
from tests.accounts.test_personnel import HEADER, ROW_A, ROW_B
from tests.api.conftest import client_for
from tests.postings.conftest import make_request

pytestmark = pytest.mark.django_db


def not_stored(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_pages_with_personal_data_are_not_stored_by_the_browser(client, employer_admin, employer):
    employee = factories.make_employee(employer)
    request = make_request(employer, employee, user=employer_admin)
    client.force_login(employer_admin)
    for url in (
        reverse("accounts:personnel_detail", args=[employee.pk]),
        reverse("accounts:personnel"),
        reverse("postings:detail", args=[request.pk]),
        reverse("postings:list"),
        reverse("home"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not_stored(response), (url, response.get("Cache-Control"))


def test_the_headers_are_those_of_djangos_never_cache(client, employer_admin):
    """The middleware writes them as constants (add_never_cache_headers costs 54 µs an answer): the
    same Cache-Control as Django's, and an Expires already past."""
    from django.http import HttpResponse
    from django.utils.cache import add_never_cache_headers
    from django.utils.http import parse_http_date

    django_s = HttpResponse()
    add_never_cache_headers(django_s)
    client.force_login(employer_admin)
    response = client.get(reverse("home"))
    assert response["Cache-Control"] == django_s["Cache-Control"]
    assert parse_http_date(response["Expires"]) <= parse_http_date(django_s["Expires"])


def test_the_page_showing_a_new_api_key_is_not_stored(client, employer_admin):
    client.force_login(employer_admin)
    response = client.post(reverse("api_portal:tokens"), {"name": "payroll"})
    assert b"a1p_" in response.content
    assert not_stored(response)


def test_api_answers_are_not_stored(employer_admin, employer):
    employee = factories.make_employee(employer)
    api = client_for(employer_admin)
    for url in (
        f"/api/v1/employers/{employer.pk}/personnel/{employee.pk}/",
        f"/api/v1/employers/{employer.pk}/personnel/",
    ):
        response = api.get(url)
        assert response.status_code == 200, url
        assert not_stored(response), (url, response.get("Cache-Control"))
    created = api.post(
        f"/api/v1/employers/{employer.pk}/webhooks/", {"url": "https://payroll.example/h"}, format="json"
    )
    assert created.status_code == 201 and not_stored(created)


def test_public_pages_for_anonymous_visitors_are_left_as_they_are(client):
    # Nothing personal on them; the check is only for signed-in people and the API.
    assert "no-store" not in client.get(reverse("home")).get("Cache-Control", "")


@pytest.mark.parametrize(
    "rows",
    [ROW_A + ROW_B, ROW_A + "111222334,Bad,Number,1985-07-30,F,NL,S 1,1000 AA,A,NL,2015-01-01,,,,,,\n"],
)
def test_the_uploaded_file_is_not_kept_after_the_import(
    client, employer_admin, employer, rows, django_capture_on_commit_callbacks
):
    client.force_login(employer_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:personnel_import"),
            {"file": SimpleUploadedFile("staff.csv", (HEADER + rows).encode(), content_type="text/csv")},
        )
    job = ImportJob.objects.get()
    assert job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED)
    assert job.source == ""
    # The report keeps masked numbers only (111222333 is also the example in the BSN message).
    assert "123456782" not in str(job.report) and "111222334" not in str(job.report)
    assert [entry["row"] for entry in job.report] == [2, 3]  # the report is still there to read
    assert client.get(reverse("accounts:personnel_import_status", args=[job.pk])).status_code == 200


# --- idempotency records ----------------------------------------------------------------------------


_BODIES: dict = {}


def _create_employee_with_key(api, employer, key):
    from tests.api.test_auth_and_personnel import new_employee

    body = _BODIES.setdefault(key, new_employee())  # a retry sends the same body
    return api.post(
        f"/api/v1/employers/{employer.pk}/personnel/", body, format="json", HTTP_IDEMPOTENCY_KEY=key
    )


def test_idempotency_records_are_forgotten_after_a_day(employer_admin, employer):
    """A record keeps the whole first answer to replay it: for a new employee or request, the
    person's full personal number, date of birth and address; for a webhook, its secret. It is
    needed for retries, which come within minutes, not for ever."""
    import datetime as dt

    from django.utils import timezone

    from api.models import IdempotencyRecord
    from api.tasks import purge_idempotency_records

    api = client_for(employer_admin)
    assert _create_employee_with_key(api, employer, "k-old").status_code == 201
    assert _create_employee_with_key(api, employer, "k-new").status_code == 201
    IdempotencyRecord.objects.filter(key="k-old").update(created_at=timezone.now() - dt.timedelta(hours=25))
    assert purge_idempotency_records.apply().get() == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["k-new"]


def test_the_purge_runs_on_the_beat_schedule():
    from api.apps import BEAT_SCHEDULE
    from coverage_portal.celery import app

    assert app.conf.beat_schedule["purge-idempotency-records"] == BEAT_SCHEDULE["purge-idempotency-records"]


def test_a_record_past_its_day_is_not_replayed(employer_admin, employer):
    """Between its day and the purge, an old record is not answered from either."""
    import datetime as dt

    from django.utils import timezone

    from api.models import IdempotencyRecord

    api = client_for(employer_admin)
    first = _create_employee_with_key(api, employer, "k")
    IdempotencyRecord.objects.update(created_at=timezone.now() - dt.timedelta(hours=25))
    again = _create_employee_with_key(api, employer, "k")
    assert again.get("Idempotent-Replayed") is None
    assert again.status_code != 201 or again.json()["id"] != first.json()["id"]
