from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

DAY = 24 * 60 * 60.0

# Periodic tasks (celery beat): unsent drafts are announced two weeks before they are deleted, and
# deleted 90 days after they were last saved (postings.services.draft_retention says why).
BEAT_SCHEDULE = {
    "warn-expiring-drafts": {"task": "postings.tasks.warn_expiring_drafts", "schedule": DAY},
    "purge-expired-drafts": {"task": "postings.tasks.purge_expired_drafts", "schedule": DAY},
}


class PostingsConfig(AppConfig):
    name = "postings"
    verbose_name = _("Requests")

    def ready(self):
        from coverage_portal.celery import app

        app.conf.beat_schedule.update(BEAT_SCHEDULE)
