from django.apps import AppConfig

# Periodic tasks (celery beat): deliveries queued while the broker was down are re-queued; idempotency
# records past their day are deleted; a delivery's payload is cut down to what the delivery log
# shows 30 days after it finished (api.services.delivery_retention).
BEAT_SCHEDULE = {
    "sweep-webhook-deliveries": {"task": "api.tasks.sweep_webhook_deliveries", "schedule": 60.0},
    "purge-idempotency-records": {"task": "api.tasks.purge_idempotency_records", "schedule": 3600.0},
    "trim-webhook-deliveries": {"task": "api.tasks.trim_webhook_deliveries", "schedule": 24 * 60 * 60.0},
}


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API"

    def ready(self):
        from coverage_portal.celery import app

        from . import schema, signals  # noqa: F401 - registers the OpenAPI extension and the webhook hooks

        app.conf.beat_schedule.update(BEAT_SCHEDULE)
