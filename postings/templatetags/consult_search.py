"""{% search_fields form %}: the consult page's search fields, rendered once per language and search.

They are the same for every employer, and rendering them (14 fields, one with 250 states) was most
of the consult page's time under load (benchmarks/load.py). Kept per process, bounded.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

_RENDERED: dict[tuple[str, str], str] = {}
MAX_ENTRIES = 500


@register.simple_tag(takes_context=True)
def search_fields(context, form):
    query = context["request"].GET.copy()
    query.pop("page", None)
    key = (get_language(), query.urlencode())
    html = _RENDERED.get(key)
    if html is None:
        html = render_to_string("postings/includes/filter_fields.html", {"form": form})
        if len(_RENDERED) >= MAX_ENTRIES:
            _RENDERED.pop(next(iter(_RENDERED)), None)
        _RENDERED[key] = html
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there
