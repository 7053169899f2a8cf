"""Expired sessions, with the wizards' unsent answers and the personal searches they hold, are deleted
daily by the portal's own session store (Django never deletes them by itself)."""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from coverage_portal.apps import BEAT_SCHEDULE
from coverage_portal.session_store import SessionStore, sessions_clear
from coverage_portal.tasks import clear_expired_sessions

pytestmark = pytest.mark.django_db


def session(expires_in: dt.timedelta, **data) -> str:
    store = SessionStore()
    store.update(data)
    store.create()
    Session.objects.filter(pk=store.session_key).update(expire_date=timezone.now() + expires_in)
    return store.session_key


def test_expired_sessions_are_deleted_and_live_ones_kept():
    expired = session(
        -dt.timedelta(seconds=1), consult_person_searches={"t": {"personal_number": "111222333"}}
    )
    long_expired = session(-dt.timedelta(days=30), wizard_posting={"step_data": {"employee": {"bsn": "1"}}})
    live = session(dt.timedelta(minutes=5))

    assert sessions_clear() == 2
    assert list(Session.objects.values_list("pk", flat=True)) == [live]
    assert not Session.objects.filter(pk__in=[expired, long_expired]).exists()
    assert sessions_clear() == 0  # idempotent
    assert SessionStore().exists(live)


def test_the_task_is_on_the_beat_schedule_daily():
    from coverage_portal.celery import app

    session(-dt.timedelta(hours=1))
    assert clear_expired_sessions.delay().get() == 1
    entry = app.conf.beat_schedule["clear-expired-sessions"]
    assert entry == BEAT_SCHEDULE["clear-expired-sessions"]
    assert entry["task"] == clear_expired_sessions.name
    assert entry["schedule"] <= 24 * 60 * 60


def test_one_command_runs_every_retention_task_of_the_beat_schedule():
    """For the embedded set-up, which has no beat: `manage.py purge_personal_data` (daily from cron)."""
    from io import StringIO

    from django.core.management import call_command

    from coverage_portal.celery import app
    from coverage_portal.management.commands.purge_personal_data import RETENTION_ENTRIES

    session(-dt.timedelta(hours=1))
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "clear-expired-sessions: 1" in out.getvalue().splitlines()
    assert set(RETENTION_ENTRIES) <= set(app.conf.beat_schedule)
    tasks = {app.conf.beat_schedule[entry]["task"] for entry in RETENTION_ENTRIES}
    assert tasks == {
        "coverage_portal.tasks.clear_expired_sessions",
        "postings.tasks.warn_expiring_drafts",
        "postings.tasks.purge_expired_drafts",
        "api.tasks.trim_webhook_deliveries",
        "api.tasks.purge_idempotency_records",
        "accounts.tasks.purge_account_records",
    }
    assert len(out.getvalue().splitlines()) == len(RETENTION_ENTRIES)
