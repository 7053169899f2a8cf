"""PDF documents rendered from templates with WeasyPrint (activation letter, paper application form)."""

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict) -> bytes:
    from weasyprint import HTML  # imported late: loading WeasyPrint takes a moment

    html = render_to_string(template_name, {"institution": settings.PORTAL_INSTITUTION, **context})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
