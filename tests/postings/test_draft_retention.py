"""Unsent drafts are deleted 90 days after they were last saved, with their uploaded statements; the
employer is told two weeks before, once; sent requests of the same age stay; the pages say so."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.acting import SESSION_KEY
from accounts.models import AuditEvent
from casework.models import InboxMessage
from postings.apps import BEAT_SCHEDULE
from postings.models import CoverageRequest, ResidenceStatement
from postings.services.draft_retention import (
    DRAFT_NOTICE_BEFORE,
    DRAFT_RETENTION,
    drafts_purge,
    drafts_warn,
)
from postings.services.drafts import draft_create, residence_statement_save
from postings.tasks import purge_expired_drafts, warn_expiring_drafts
from tests import factories

from .conftest import make_request

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def last_saved(request, ago: dt.timedelta) -> None:
    """As if the draft was last saved `ago` (updated_at is written by every save, so set it directly)."""
    CoverageRequest.objects.filter(pk=request.pk).update(updated_at=NOW - ago)


def draft(employer, user, ago: dt.timedelta, kind="posting"):
    made = draft_create(actor=user, employer=employer, kind=kind)
    last_saved(made, ago)
    return made


def test_a_draft_not_saved_for_90_days_is_deleted_and_one_on_the_boundary_day_is_kept(
    employer, employer_admin
):
    gone = draft(employer, employer_admin, DRAFT_RETENTION + dt.timedelta(seconds=1))
    boundary = draft(employer, employer_admin, DRAFT_RETENTION)  # the 90th day: still kept
    recent = draft(employer, employer_admin, dt.timedelta(days=89))

    assert drafts_purge(now=NOW) == 1
    assert set(CoverageRequest.objects.values_list("pk", flat=True)) == {boundary.pk, recent.pk}
    assert drafts_purge(now=NOW) == 0  # idempotent
    # The audit trail says what happened to it, and by nobody's hand.
    event = AuditEvent.objects.get(action="request.draft_expired")
    assert event.object_id == str(gone.pk) and event.actor is None

    assert drafts_purge(now=NOW + dt.timedelta(seconds=1)) == 1  # a second later the boundary one goes
    assert list(CoverageRequest.objects.values_list("pk", flat=True)) == [recent.pk]


def test_sent_requests_of_the_same_age_are_never_deleted(employer, employer_admin, employee):
    old = DRAFT_RETENTION + dt.timedelta(days=400)
    sent = make_request(employer, employee, user=employer_admin)
    closed = make_request(employer, employee, user=employer_admin, status="closed", decision="approved")
    cancelled = make_request(employer, employee, user=employer_admin, status="cancelled")
    for request in (sent, closed, cancelled):
        last_saved(request, old)
    CoverageRequest.objects.update(created_at=NOW - old)

    assert drafts_purge(now=NOW) == 0
    assert CoverageRequest.objects.count() == 3
    assert drafts_warn(now=NOW) == 0 and not InboxMessage.objects.exists()


def test_the_uploaded_statement_of_a_deleted_draft_is_gone_from_disk(
    employer, employer_admin, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    made = draft_create(actor=employer_admin, employer=employer, kind="simultaneous")
    pdf = SimpleUploadedFile("s.pdf", b"%PDF-1.4 statement", content_type="application/pdf")
    with_statement = residence_statement_save(
        actor=employer_admin, draft=made, upload=pdf, statement_date=timezone.localdate()
    )
    path = Path(with_statement.file.path)
    assert path.exists()
    last_saved(made, DRAFT_RETENTION + dt.timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        assert drafts_purge(now=NOW) == 1
        assert path.exists()  # a deletion rolled back would keep its file: removed after the commit
    assert not path.exists()
    assert not ResidenceStatement.objects.exists() and not CoverageRequest.objects.exists()


def test_two_weeks_before_everyone_acting_for_the_employer_is_told_once(
    employer, employer_admin, representative_user, representative_firm
):
    due = draft(employer, employer_admin, DRAFT_RETENTION - DRAFT_NOTICE_BEFORE + dt.timedelta(hours=1))
    draft(employer, employer_admin, DRAFT_RETENTION - DRAFT_NOTICE_BEFORE - dt.timedelta(days=5))  # not yet

    assert drafts_warn(now=NOW) == 1
    messages = InboxMessage.objects.order_by("organisation_id")
    assert [m.organisation for m in messages] == sorted([employer, representative_firm], key=lambda o: o.pk)
    deleted_on = timezone.localdate(NOW - dt.timedelta(hours=1) + DRAFT_NOTICE_BEFORE)
    message = messages[0]
    assert str(due.pk) in message.subject
    assert deleted_on.strftime("%Y") in message.subject
    assert reverse("postings:wizard", args=[due.pk]) in message.body
    assert "Delporte" not in message.body  # the message outlives the draft: no worker's data in it

    assert drafts_warn(now=NOW) == 0  # said once
    assert drafts_warn(now=NOW + dt.timedelta(days=3)) == 0
    assert InboxMessage.objects.count() == 2

    # Saved again and forgotten again: a new period, a new notice.
    last_saved(due, DRAFT_RETENTION - DRAFT_NOTICE_BEFORE + dt.timedelta(hours=2))
    assert drafts_warn(now=NOW) == 1
    assert InboxMessage.objects.count() == 4


def test_the_inbox_notice_stays_after_the_draft_is_deleted(employer, employer_admin):
    made = draft(employer, employer_admin, DRAFT_RETENTION - dt.timedelta(days=1))
    assert drafts_warn(now=NOW) == 1
    last_saved(made, DRAFT_RETENTION + dt.timedelta(days=1))
    assert drafts_purge(now=NOW) == 1
    assert InboxMessage.objects.filter(organisation=employer).count() == 1


def test_the_tasks_run_the_services_and_are_on_the_beat_schedule(employer, employer_admin):
    from coverage_portal.celery import app

    draft(employer, employer_admin, DRAFT_RETENTION - dt.timedelta(days=1))
    draft(employer, employer_admin, DRAFT_RETENTION + dt.timedelta(days=1))
    assert warn_expiring_drafts.delay().get() == 1
    assert purge_expired_drafts.delay().get() == 1
    for name, task in (
        ("warn-expiring-drafts", warn_expiring_drafts),
        ("purge-expired-drafts", purge_expired_drafts),
    ):
        assert app.conf.beat_schedule[name] == BEAT_SCHEDULE[name]
        assert BEAT_SCHEDULE[name]["task"] == task.name
        assert BEAT_SCHEDULE[name]["schedule"] <= 24 * 60 * 60


def test_my_drafts_and_the_start_page_say_how_long_a_draft_is_kept(
    client, employer, employer_admin, settings
):
    made = draft(employer, employer_admin, dt.timedelta(days=10))
    client.force_login(employer_admin)
    page = client.get(reverse("postings:drafts")).content.decode()
    assert "A draft that is not saved again is deleted 90 days after it was last saved" in page
    deleted_on = timezone.localdate(NOW - dt.timedelta(days=10) + DRAFT_RETENTION)
    assert f"<td>{deleted_on:%d-%m-%Y}</td>" in page
    assert f"<td>{made.pk}</td>" in page
    start = client.get(reverse("postings:start", args=["posting"])).content.decode()
    assert "A draft you do not send is deleted 90 days after you last saved it." in start

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    dutch = client.get(reverse("postings:drafts")).content.decode()
    assert "Een concept dat niet opnieuw wordt opgeslagen, wordt 90 dagen" in dutch
    start = client.get(reverse("postings:start", args=["posting"])).content.decode()
    assert "Een concept dat u niet verstuurt, wordt 90 dagen" in start


def test_the_notice_is_in_the_requests_language(employer, employer_admin):
    made = draft(employer, employer_admin, DRAFT_RETENTION - dt.timedelta(days=1))
    CoverageRequest.objects.filter(pk=made.pk).update(language="nl")
    drafts_warn(now=NOW)
    message = InboxMessage.objects.get()
    assert f"Concept {made.pk} wordt verwijderd op" in message.subject


def test_a_draft_another_request_was_based_on_is_kept(employer, employer_admin):
    source = draft(employer, employer_admin, DRAFT_RETENTION + dt.timedelta(days=1))
    based = draft_create(actor=employer_admin, employer=employer, kind="posting", based_on=source)
    assert drafts_purge(now=NOW) == 0
    assert CoverageRequest.objects.filter(pk__in=[source.pk, based.pk]).count() == 2


def test_a_consultant_finds_the_notice_in_the_inbox_and_its_link_offers_the_client(
    client, employer, employer_admin, representative_user
):
    due = draft(employer, employer_admin, DRAFT_RETENTION - dt.timedelta(days=1))
    other = factories.make_employer(name="Hollandse Transport B.V.")
    factories.make_mandate(other, representative_user.memberships.get().organisation)
    assert drafts_warn() == 1
    client.force_login(representative_user)
    for acting in (employer, other):  # the firm's notice is there whichever client is chosen
        session = client.session
        session[SESSION_KEY] = acting.pk
        session.save()
        inbox = client.get(reverse("casework:inbox")).content.decode()
        # It names the client: a firm acts for many.
        assert f"Draft {due.pk} of {employer.name} will be deleted on" in inbox
    # The employer's own copy need not name itself.
    assert InboxMessage.objects.get(organisation=employer).subject.startswith(
        f"Draft {due.pk} will be deleted on"
    )
    notice = InboxMessage.objects.get(organisation=representative_user.memberships.get().organisation)
    assert client.get(reverse("casework:inbox_message", args=[notice.pk])).status_code == 200
    # Acting for the other client, the notice's link offers to switch to the draft's employer.
    response = client.get(reverse("postings:wizard", args=[due.pk]))
    assert response.status_code == 409
    assert f"This is for {employer.name}" in response.content.decode()
