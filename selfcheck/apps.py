from django.apps import AppConfig


class SelfcheckConfig(AppConfig):
    name = "selfcheck"
