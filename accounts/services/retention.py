"""What the accounts app stops keeping, and when (GDPR Art. 5(1)(e), storage limitation).

Each function is idempotent (a second run finds nothing more to do) and takes `now` so its periods
can be checked without waiting for them. They run daily on the beat schedule (accounts.apps).
The personnel directory, mandates, authorizations and the audit trail are not touched here: they
are the employer's own records and the evidence behind sent requests.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ActivationLetter, ImportJob

# An import's report names every row's person (name, masked number) and what was wrong with the
# row. The person reads it right after the import; a month later the directory itself says who is
# in it. The job's outcome (status, counts, message) stays.
IMPORT_REPORT_RETENTION = dt.timedelta(days=30)
# An import runs within minutes of the upload. One still waiting after a day never ran (the broker
# was down, the worker lost it): the uploaded file it holds (every row's personal number, date of
# birth and address) is deleted, and the person is told to upload it again.
IMPORT_SOURCE_RETENTION = dt.timedelta(days=1)
# Who signed in, from which address and browser: kept for investigating a misused account, which is
# noticed within weeks, not years (django-axes' AccessLog; failed attempts end with their cool-off).
LOGIN_RECORD_RETENTION = dt.timedelta(days=90)


def report_deleted(job: ImportJob, now: dt.datetime | None = None) -> bool:
    """Whether the job's row report is gone because its time was up (the status page says so). Only
    an import that checked its rows had one: not one that never ran or could not read its file."""
    had_report = job.status == ImportJob.Status.DONE or job.error_count > 0
    finished_at = job.finished_at
    return bool(
        had_report
        and not job.report
        and finished_at
        and finished_at < (now or timezone.now()) - IMPORT_REPORT_RETENTION
    )


def import_jobs_purge(*, now: dt.datetime | None = None) -> int:
    """Empty the row reports of imports finished more than IMPORT_REPORT_RETENTION ago, and end the
    imports that never ran, deleting their uploaded file. Returns how many jobs changed."""
    now = now or timezone.now()
    stuck = ImportJob.objects.filter(
        status__in=(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING),
        created_at__lt=now - IMPORT_SOURCE_RETENTION,
    )
    ended = stuck.update(
        status=ImportJob.Status.FAILED,
        source="",
        finished_at=now,
        message=_("The import did not run. Nothing was imported: upload the file again."),
    )
    reported = (
        ImportJob.objects.filter(finished_at__lt=now - IMPORT_REPORT_RETENTION)
        .exclude(report=[])
        .update(report=[])
    )
    return ended + reported


def activation_letters_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the PDFs of letters never posted that can no longer be used (expired, superseded by a
    new letter, or the organisation activated): they hold a code and the addressee's name for
    nothing. A posted letter's PDF is already deleted when it is marked sent. Returns how many."""
    now = now or timezone.now()
    useless = (
        ActivationLetter.objects.filter(sent_at__isnull=True)
        .exclude(pdf="")
        .filter(Q(expires_at__lt=now) | Q(superseded_at__isnull=False) | Q(used_at__isnull=False))
    )
    deleted = 0
    for letter in useless:
        with transaction.atomic():
            name, storage = letter.pdf.name, letter.pdf.storage
            ActivationLetter.objects.filter(pk=letter.pk).update(pdf="")
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
        deleted += 1
    return deleted


def login_records_purge(*, now: dt.datetime | None = None) -> int:
    """Delete django-axes' records of sign-ins older than LOGIN_RECORD_RETENTION, and the failed
    attempts whose cool-off is over (axes forgets those only when the same name tries again).
    Returns how many rows."""
    from axes.helpers import get_cool_off
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    now = now or timezone.now()
    logs, _by_model = AccessLog.objects.filter(attempt_time__lt=now - LOGIN_RECORD_RETENTION).delete()
    failures, _by_model = AccessFailureLog.objects.filter(
        attempt_time__lt=now - LOGIN_RECORD_RETENTION
    ).delete()
    cool_off = get_cool_off()
    attempts = 0
    if cool_off is not None:  # without a cool-off a lock-out lasts until a caseworker lifts it
        attempts, _by_model = AccessAttempt.objects.filter(attempt_time__lt=now - cool_off).delete()
    return logs + failures + attempts
