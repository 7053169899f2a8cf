"""Run the retention tasks now, in this process (README: "Personal data: what is kept and for how long").

Celery beat runs them on its schedule where there is a broker. The embedded set-up (`make run`, no
Redis) has no beat: run this command daily from cron there, or by hand. Each task is idempotent.
"""

from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

# The beat entries that delete or cut down personal data, in the order a run should take them: the
# notice before the deletion it announces.
RETENTION_ENTRIES = (
    "clear-expired-sessions",
    "warn-expiring-drafts",
    "purge-expired-drafts",
    "trim-webhook-deliveries",
    "purge-idempotency-records",
    "purge-account-records",
)


class Command(BaseCommand):
    help = "Delete the personal data past its retention period now (the beat schedule's retention tasks)."

    def handle(self, *args, **options):
        from coverage_portal.celery import app

        for entry in RETENTION_ENTRIES:
            task = import_string(app.conf.beat_schedule[entry]["task"])  # run here, not queued
            self.stdout.write(f"{entry}: {task()}")
