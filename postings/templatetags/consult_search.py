"""{% search_fields form %}: the consult page's search fields, rendered once per language and search.

They are the same for every employer, and rendering them (14 fields, one with 250 states) was most
of the consult page's time under load (benchmarks/load.py). Kept per process, bounded.

A worker's name and personal number are personal data: they are rendered afresh on each page and
never kept, nor is any key made from them, so the process holds nothing of what someone typed about
a worker (it held up to MAX_ENTRIES such searches, for as long as it ran). The other fields are kept
by their own values; none of their messages depends on the two (postings/filters.py has no
cross-field check).
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from coverage_portal.personal_search import CONSULT, TOKEN
from coverage_portal.templatetags.form_field import form_field

register = template.Library()

_RENDERED: dict[tuple[str, str], dict[str, str]] = {}
MAX_ENTRIES = 500
# The search fields whose values are personal data (postings/filters.py RequestFilter).
PERSONAL = frozenset(CONSULT.personal)
NOT_SHOWN = frozenset(("sort",))  # a hidden input of its own on the page


@register.simple_tag(takes_context=True)
def search_fields(context, form):
    query = context["request"].GET.copy()
    for name in ("page", TOKEN, *PERSONAL):  # TOKEN: a kept search's token, one per search
        query.pop(name, None)
    key = (get_language(), query.urlencode())
    kept = _RENDERED.get(key)
    if kept is None:
        kept = {name: form_field(form[name]) for name in form.fields if name not in PERSONAL | NOT_SHOWN}
        if len(_RENDERED) >= MAX_ENTRIES:
            _RENDERED.pop(next(iter(_RENDERED)), None)
        _RENDERED[key] = kept
    html = "".join(
        form_field(form[name]) if name in PERSONAL else kept[name]
        for name in form.fields
        if name not in NOT_SHOWN
    )
    return mark_safe(html)  # noqa: S308 - each field escaped by form_field (format_html)
