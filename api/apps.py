from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API"

    def ready(self):
        from . import schema, signals  # noqa: F401 - registers the OpenAPI extension and the webhook hooks
