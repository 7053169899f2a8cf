"""Issue #7: a CSV of 1,000 employees imported through the API reports progress, and importing the
same file again reports 1,000 duplicates instead of doubling the directory."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from accounts.models import Employee, ImportJob
from tests import factories

from .conftest import client_for

pytestmark = pytest.mark.django_db

ROWS = 1000
HEADER = [
    "personal_number",
    "family_name",
    "given_names",
    "birth_date",
    "sex",
    "nationality",
    "street",
    "postal_code",
    "town",
    "country",
    "date_of_entry",
]


def thousand_employees_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for n in range(ROWS):
        writer.writerow(
            [
                factories.valid_bsn(),
                f"Jansen{n:04d}",
                "Piet",
                "1980-02-01",
                "M",
                "NL",
                f"Dorpsstraat {n + 1}",
                "1234 AB",
                "Utrecht",
                "NL",
                "2010-01-01",
            ]
        )
    return out.getvalue().encode()


class ProgressRecorder:
    """Records every rows_done value the import writes while it runs (what a poller would see)."""

    pattern = re.compile(r'UPDATE\s+"accounts_importjob"\s+SET\s+"rows_done"', re.IGNORECASE)

    def __init__(self):
        self.values = []

    def __call__(self, execute, sql, params, many, context):
        if self.pattern.search(sql):
            self.values.append(params[0])
        return execute(sql, params, many, context)


def upload(api, employer, content: bytes, django_capture_on_commit_callbacks):
    base = f"/api/v1/employers/{employer.pk}/personnel/imports/"
    recorder = ProgressRecorder()
    # The import runs on commit, so the recorder must still be on when the callbacks run.
    with connection.execute_wrapper(recorder), django_capture_on_commit_callbacks(execute=True):
        response = api.post(
            base,
            {"file": SimpleUploadedFile("staff.csv", content, content_type="text/csv")},
            format="multipart",
        )
    assert response.status_code == 202, response.json()
    queued = response.json()
    assert queued["status"] == "queued" and queued["filename"] == "staff.csv"
    # Poll the job until it is done (Celery runs eagerly in the tests: the first poll finds it done).
    for _ in range(50):
        job = api.get(f"{base}{queued['id']}/").json()
        if job["status"] in ("done", "failed"):
            break
    return job, recorder.values


def test_thousand_rows_report_progress_and_a_second_import_reports_duplicates(
    employer_admin, employer, django_capture_on_commit_callbacks
):
    api = client_for(employer_admin)
    content = thousand_employees_csv()

    job, progress = upload(api, employer, content, django_capture_on_commit_callbacks)
    assert job["status"] == "done", job["message"]
    assert (job["rows_total"], job["rows_done"], job["percent"]) == (ROWS, ROWS, 100)
    assert (job["created_count"], job["duplicate_count"], job["error_count"]) == (ROWS, 0, 0)
    # Progress was written while the rows were checked, never going back, ending at the total.
    assert len(progress) >= 10 and progress == sorted(progress) and 0 < progress[0] < ROWS
    assert max(progress) <= ROWS
    stored = ImportJob.objects.get(pk=job["id"])
    assert (stored.rows_done, stored.rows_total) == (ROWS, ROWS)
    # The per-row report: one entry per data row, numbered as in the file (row 1 is the header).
    assert len(job["report"]) == ROWS
    assert [entry["row"] for entry in job["report"]] == list(range(2, ROWS + 2))
    assert {entry["outcome"] for entry in job["report"]} == {"created"}
    assert job["report"][0]["name"] == "Jansen0000, Piet"
    assert Employee.objects.filter(employer=employer).count() == ROWS
    listed = api.get(f"/api/v1/employers/{employer.pk}/personnel/").json()
    assert listed["count"] == ROWS

    again, _progress = upload(api, employer, content, django_capture_on_commit_callbacks)
    assert again["status"] == "done", again["message"]
    assert (again["rows_total"], again["rows_done"], again["percent"]) == (ROWS, ROWS, 100)
    assert (again["created_count"], again["duplicate_count"], again["error_count"]) == (0, ROWS, 0)
    assert {entry["outcome"] for entry in again["report"]} == {"duplicate"}
    assert Employee.objects.filter(employer=employer).count() == ROWS

    jobs = api.get(f"/api/v1/employers/{employer.pk}/personnel/imports/").json()
    assert [j["id"] for j in jobs["results"]] == [again["id"], job["id"]]


def test_unknown_country_code_is_still_an_error_at_its_row(
    employer_admin, employer, django_capture_on_commit_callbacks
):
    api = client_for(employer_admin)
    rows = thousand_employees_csv().decode().splitlines()[:4]
    rows[2] = rows[2].replace(",NL,Dorpsstraat", ",XX,Dorpsstraat")  # nationality of the second person
    job, _progress = upload(api, employer, "\n".join(rows).encode(), django_capture_on_commit_callbacks)
    assert job["status"] == "failed" and job["error_count"] == 1
    bad = job["report"][1]
    assert bad["row"] == 3 and bad["outcome"] == "error"
    assert any(error.startswith("nationality:") for error in bad["errors"])
    assert Employee.objects.filter(employer=employer).count() == 0
