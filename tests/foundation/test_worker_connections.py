"""The Celery worker keeps its database connection between tasks, as the web keeps it between
requests (coverage_portal/celery.py): Celery's Django fixup alone closed it around every task, and
every validation paid for a new PostgreSQL connection."""

import types

import pytest
from celery import signals
from django.db import connection

from coverage_portal.celery import app


class _Task:
    def __init__(self, is_eager):
        self.request = types.SimpleNamespace(is_eager=is_eager)


def _run_task_signals(is_eager=False):
    task = _Task(is_eager)
    signals.task_prerun.send(sender=task, task=task, task_id="t", args=(), kwargs={})
    signals.task_postrun.send(
        sender=task, task=task, task_id="t", args=(), kwargs={}, retval=None, state="SUCCESS"
    )


@pytest.mark.django_db(transaction=True)
def test_a_task_keeps_the_connection_and_a_broken_one_is_dropped(settings):
    assert app.conf.get("CELERY_DB_REUSE_MAX")  # Celery's fixup no longer closes it around each task
    connection.ensure_connection()
    before = connection.connection
    _run_task_signals()
    assert connection.connection is before  # reused: CONN_MAX_AGE as for web requests

    connection.errors_occurred = True  # a task that failed on a connection PostgreSQL dropped
    before.close()
    _run_task_signals()
    assert connection.connection is None  # dropped; the next task connects again
    connection.ensure_connection()


@pytest.mark.django_db(transaction=True)
def test_a_connection_past_its_age_is_closed_between_tasks(settings):
    connection.ensure_connection()
    connection.close_at = 0  # as after CONN_MAX_AGE seconds
    _run_task_signals(is_eager=True)
    assert connection.connection is not None  # a task run in-process leaves its caller's connection
    _run_task_signals()
    assert connection.connection is None
    connection.ensure_connection()
