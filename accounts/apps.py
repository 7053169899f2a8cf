from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Periodic tasks (celery beat): what the accounts app stops keeping (accounts.services.retention).
BEAT_SCHEDULE = {
    "purge-account-records": {"task": "accounts.tasks.purge_account_records", "schedule": 24 * 60 * 60.0},
}


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from coverage_portal.celery import app

        from . import admin_site

        admin_site.install()
        app.conf.beat_schedule.update(BEAT_SCHEDULE)
