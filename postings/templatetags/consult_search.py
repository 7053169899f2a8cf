"""{% search_fields form %}: the consult page's search fields, rendered once per language and search.

They are the same for every employer, and rendering them (14 fields, one with 250 states) was most
of the consult page's time under load (benchmarks/load.py). Kept per process, bounded.

A search by a person's name or personal number is rendered afresh and never kept: the process
would otherwise hold what someone typed about a worker (up to MAX_ENTRIES searches, for as long as
it runs), outside the database's access rules and retention.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

_RENDERED: dict[tuple[str, str], str] = {}
MAX_ENTRIES = 500
# The search fields whose values are personal data (postings/filters.py RequestFilter).
PERSONAL = ("worker", "personal_number")


@register.simple_tag(takes_context=True)
def search_fields(context, form):
    query = context["request"].GET.copy()
    query.pop("page", None)
    if any(value.strip() for name in PERSONAL for value in query.getlist(name)):
        return _render(form)
    key = (get_language(), query.urlencode())
    html = _RENDERED.get(key)
    if html is None:
        html = _render(form)
        if len(_RENDERED) >= MAX_ENTRIES:
            _RENDERED.pop(next(iter(_RENDERED)), None)
        _RENDERED[key] = html
    return html


def _render(form):
    html = render_to_string("postings/includes/filter_fields.html", {"form": form})
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there
