"""What the accounts app stops keeping: import reports after a month (the outcome stays), imports that
never ran (their file), unusable activation letters' PDFs, old sign-in records."""

import datetime as dt
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accounts.apps import BEAT_SCHEDULE
from accounts.models import ActivationLetter, ImportJob
from accounts.services.retention import (
    IMPORT_REPORT_RETENTION,
    IMPORT_SOURCE_RETENTION,
    LOGIN_RECORD_RETENTION,
    activation_letters_purge,
    import_jobs_purge,
    login_records_purge,
)
from accounts.tasks import purge_account_records
from tests import factories

pytestmark = pytest.mark.django_db

NOW = timezone.now()
REPORT = [{"row": 2, "name": "Delporte, Anna", "number": "•••••2333", "outcome": "created", "errors": []}]


def job(
    employer, user, *, status=ImportJob.Status.DONE, finished_ago=None, created_ago=dt.timedelta(0), **extra
):
    return ImportJob.objects.create(
        employer=employer,
        created_by=user,
        filename="staff.csv",
        status=status,
        report=REPORT if finished_ago is not None else [],
        rows_total=1,
        rows_done=1,
        created_count=1,
        created_at=NOW - created_ago,
        finished_at=None if finished_ago is None else NOW - finished_ago,
        **extra,
    )


def test_an_imports_row_report_is_deleted_after_30_days_and_its_outcome_kept(employer, employer_admin):
    old = job(employer, employer_admin, finished_ago=IMPORT_REPORT_RETENTION + dt.timedelta(seconds=1))
    boundary = job(employer, employer_admin, finished_ago=IMPORT_REPORT_RETENTION)  # the 30th day: kept
    recent = job(employer, employer_admin, finished_ago=dt.timedelta(days=2))

    assert import_jobs_purge(now=NOW) == 1
    old.refresh_from_db()
    assert (
        old.report == [] and old.status == "done" and old.created_count == 1 and old.filename == "staff.csv"
    )
    for kept in (boundary, recent):
        kept.refresh_from_db()
        assert kept.report == REPORT
    assert import_jobs_purge(now=NOW) == 0  # idempotent


def test_an_import_that_never_ran_loses_its_file_after_a_day(employer, employer_admin):
    source = "personal_number,family_name\n111222333,Delporte\n"
    stuck = job(
        employer,
        employer_admin,
        status="queued",
        created_ago=IMPORT_SOURCE_RETENTION + dt.timedelta(minutes=1),
        source=source,
    )
    waiting = job(
        employer, employer_admin, status="queued", created_ago=dt.timedelta(hours=23), source=source
    )

    assert import_jobs_purge(now=NOW) == 1
    stuck.refresh_from_db()
    assert stuck.source == "" and stuck.status == "failed" and stuck.finished
    assert "upload the file again" in stuck.message
    waiting.refresh_from_db()
    assert waiting.source == source and waiting.status == "queued"


def test_the_import_page_says_the_report_was_deleted(client, employer, employer_admin, settings):
    old = job(employer, employer_admin, finished_ago=IMPORT_REPORT_RETENTION + dt.timedelta(days=1))
    import_jobs_purge()
    client.force_login(employer_admin)
    url = reverse("accounts:personnel_import_status", args=[old.pk])
    page = client.get(url).content.decode()
    assert "The report per row was deleted 30 days after the import" in page
    assert "1 employee added." in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert "Het rapport per rij is 30 dagen na de import verwijderd" in client.get(url).content.decode()


def test_an_import_that_never_ran_does_not_claim_a_deleted_report(client, employer, employer_admin):
    stuck = job(employer, employer_admin, status="queued", created_ago=dt.timedelta(days=40), source="x")
    import_jobs_purge(now=timezone.now() - dt.timedelta(days=35))  # ended then, with no report
    client.force_login(employer_admin)
    page = client.get(reverse("accounts:personnel_import_status", args=[stuck.pk])).content.decode()
    assert "The import did not run." in page
    assert "The report per row was deleted" not in page


def letter(organisation, *, expires_in, **extra):
    made = ActivationLetter.objects.create(
        organisation=organisation, code_hash="x", expires_at=NOW + expires_in, **extra
    )
    made.pdf.save("letter.pdf", ContentFile(b"%PDF-1.4 code 1234"), save=True)
    return made


def test_pdfs_of_letters_that_can_no_longer_be_used_are_deleted_from_disk(django_capture_on_commit_callbacks):
    organisation = factories.make_employer(status="pending")
    expired = letter(organisation, expires_in=-dt.timedelta(seconds=1))
    superseded = letter(organisation, expires_in=dt.timedelta(days=20), superseded_at=NOW)
    current = letter(organisation, expires_in=dt.timedelta(days=20))
    files = {row.pk: Path(row.pdf.path) for row in (expired, superseded, current)}

    with django_capture_on_commit_callbacks(execute=True):
        assert activation_letters_purge(now=NOW) == 2
    assert not files[expired.pk].exists() and not files[superseded.pk].exists()
    assert files[current.pk].exists()
    expired.refresh_from_db()
    assert not expired.pdf  # the admin shows "–" instead of a link to a missing file
    assert activation_letters_purge(now=NOW) == 0


def test_old_sign_in_records_and_spent_failed_attempts_are_deleted():
    def log(ago):
        row = AccessLog.objects.create(username="eva@vandijk.test", ip_address="192.0.2.1", user_agent="x")
        AccessLog.objects.filter(pk=row.pk).update(attempt_time=NOW - ago)  # axes stamps it with now
        return row

    old = log(LOGIN_RECORD_RETENTION + dt.timedelta(seconds=1))
    kept = log(LOGIN_RECORD_RETENTION - dt.timedelta(days=1))
    spent = AccessAttempt.objects.create(
        username="eva@vandijk.test", ip_address="192.0.2.1", user_agent="x", failures_since_start=2
    )
    AccessAttempt.objects.filter(pk=spent.pk).update(attempt_time=NOW - dt.timedelta(days=1))
    cooling = AccessAttempt.objects.create(
        username="rob@fiscaal.test",
        ip_address="192.0.2.2",
        user_agent="x",
        failures_since_start=5,
    )

    assert login_records_purge(now=NOW) == 2
    assert list(AccessLog.objects.values_list("pk", flat=True)) == [kept.pk]
    assert list(AccessAttempt.objects.values_list("pk", flat=True)) == [cooling.pk]  # still locked out
    assert not AccessLog.objects.filter(pk=old.pk).exists()
    assert login_records_purge(now=NOW) == 0


def test_the_task_is_on_the_beat_schedule(employer, employer_admin):
    from coverage_portal.celery import app

    job(employer, employer_admin, finished_ago=IMPORT_REPORT_RETENTION * 2)
    assert purge_account_records.delay().get()["import_jobs"] == 1
    entry = app.conf.beat_schedule["purge-account-records"]
    assert entry == BEAT_SCHEDULE["purge-account-records"]
    assert entry["task"] == purge_account_records.name
    assert entry["schedule"] <= 24 * 60 * 60
