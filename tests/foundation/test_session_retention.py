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
