"""The Celery application.

Worker: `celery -A coverage_portal worker`; beat: `celery -A coverage_portal beat`.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")

app = Celery("coverage_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
