from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Periodic tasks (celery beat): the sweep re-queues what a broker outage left behind; the daily
# task makes Art. 13 determinations definitive after two months without objection.
BEAT_SCHEDULE = {
    "sweep-stuck-requests": {"task": "postings.tasks.sweep_stuck_requests", "schedule": 300.0},
    "make-determinations-definitive": {
        "task": "casework.tasks.make_determinations_definitive",
        "schedule": 24 * 60 * 60.0,
    },
}


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = _("Casework and certificates")

    def ready(self):
        from coverage_portal.celery import app

        app.conf.beat_schedule.update(BEAT_SCHEDULE)
