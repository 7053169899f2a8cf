from django.apps import AppConfig


class CoveragePortalConfig(AppConfig):
    name = "coverage_portal"
    verbose_name = "Coverage portal"

    def ready(self):
        # Same output as Django's escaping, faster for plain text (coverage_portal/fast_escape.py).
        from .fast_escape import use_fast_escape

        use_fast_escape()
