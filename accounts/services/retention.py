"""What the accounts app stops keeping, and when (GDPR Art. 5(1)(e), storage limitation).

Each function is idempotent (a second run finds nothing more to do) and takes `now` so its periods
can be checked without waiting for them. They run daily on the beat schedule (accounts.apps).
The personnel directory, mandates, authorizations and the audit trail are not touched here: they
are the employer's own records and the evidence behind sent requests. The one exception is a
registration never activated (registrations_purge): nothing was ever done in its name.
"""

import datetime as dt
import logging

from django.db import transaction
from django.db.models import Max, ProtectedError, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ActivationLetter, AuditEvent, ImportJob, Organisation, User
from .audit import audit_record

logger = logging.getLogger(__name__)

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
# A registration whose activation code expired unused. The code works for 30 days
# (ACCOUNTS_ACTIVATION_CODE_DAYS); someone whose letter was lost or came late calls the institution
# and a caseworker sends a new one, which starts the period again. Two months after the last code
# expired nobody is waiting for a letter any more: the organisation's data and its first user's name,
# e-mail and password hash are deleted. Registering again takes a few minutes.
UNACTIVATED_REGISTRATION_RETENTION = dt.timedelta(days=60)


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


def _unactivated_registrations(now: dt.datetime):
    """Waiting for activation, no code ever used, and the last letter expired (or, without any letter,
    registered) more than UNACTIVATED_REGISTRATION_RETENTION ago."""
    return (
        Organisation.objects.filter(status=Organisation.Status.PENDING)
        .exclude(activation_letters__used_at__isnull=False)
        .annotate(waiting_since=Coalesce(Max("activation_letters__expires_at"), "created_at"))
        .filter(waiting_since__lt=now - UNACTIVATED_REGISTRATION_RETENTION)
    )


def _delete_registration(organisation: Organisation) -> None:
    # Its people: the first user (and anyone invited), unless they also belong to another
    # organisation, where they stay.
    users = list(
        User.objects.filter(memberships__organisation=organisation).exclude(
            memberships__organisation__in=Organisation.objects.exclude(pk=organisation.pk)
        )
    )
    for letter in organisation.activation_letters.exclude(pdf=""):
        name, storage = letter.pdf.name, letter.pdf.storage
        transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
    # The audit trail stays (what happened, when), but no longer points at the organisation or the
    # people deleted: those links are the personal data. The record below keeps the organisation's id.
    AuditEvent.objects.filter(organisation=organisation).update(organisation=None)
    AuditEvent.objects.filter(actor__in=users).update(actor=None)
    audit_record(
        actor=None,
        action="organisation.registration_purged",
        obj=organisation,
        kind=organisation.kind,
        registered=organisation.created_at.isoformat(),
        users_deleted=len(users),
    )
    organisation.delete()  # its memberships, letters and imports with it
    for user in users:
        user.delete()


def registrations_purge(*, now: dt.datetime | None = None) -> int:
    """Delete registrations never activated, UNACTIVATED_REGISTRATION_RETENTION after their last
    activation code expired, with their users; returns how many organisations.

    Never one that activated (a code used, or active or suspended since) and never one with anything
    a decision or another organisation rests on: a request, a mandate (their foreign keys PROTECT the
    organisation, so the deletion fails, is rolled back and said in the log). Each is locked and
    checked again, so one activated this moment stays."""
    now = now or timezone.now()
    deleted = 0
    for pk in _unactivated_registrations(now).order_by("pk").values_list("pk", flat=True):
        try:
            with transaction.atomic():
                organisation = Organisation.objects.select_for_update().filter(pk=pk).first()
                if organisation is None or not _unactivated_registrations(now).filter(pk=pk).exists():
                    continue
                _delete_registration(organisation)
                deleted += 1
        except ProtectedError:
            logger.warning("registration %s not deleted: something else refers to it", pk)
    return deleted
