"""The Celery application.

Worker: `celery -A coverage_portal worker`; beat: `celery -A coverage_portal beat`.
"""

import os

from celery import Celery, signals
from django.db import close_old_connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")

app = Celery("coverage_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


# A worker keeps its database connection between tasks as a web process does between requests
# (CONN_MAX_AGE, the health check before reuse, a connection that saw an error is dropped): Django's
# own close_old_connections before and after each task. Celery's Django fixup would otherwise close
# it around every task, and each task paid for a new PostgreSQL connection (a backend started, its
# caches cold, its prepared statements gone): 1,592 new connections in a two-minute load run, one per
# validation (pg_stat_statements). A task run in-process (eager) shares its caller's connection and
# transaction, so it is left alone.
@signals.task_prerun.connect
@signals.task_postrun.connect
def _reuse_database_connections(task=None, **kwargs):
    if not getattr(getattr(task, "request", None), "is_eager", False):
        close_old_connections()
