from django.apps import AppConfig

# Periodic tasks (celery beat): expired sessions, with the unsent wizard answers and personal
# searches they hold, are deleted daily (coverage_portal.session_store.sessions_clear).
BEAT_SCHEDULE = {
    "clear-expired-sessions": {
        "task": "coverage_portal.tasks.clear_expired_sessions",
        "schedule": 24 * 60 * 60.0,
    },
}


class CoveragePortalConfig(AppConfig):
    name = "coverage_portal"
    verbose_name = "Coverage portal"

    def ready(self):
        # Same output as Django's escaping, faster for plain text (coverage_portal/fast_escape.py).
        from .fast_escape import use_fast_escape

        use_fast_escape()

        from .celery import app

        app.conf.beat_schedule.update(BEAT_SCHEDULE)
