"""{% status_tags obj %}: a request's public status and its decision as tags.

Written in Python rather than as an included template: the consult list shows it on every row, and
an include cost about 0.1 ms a row (benchmarks/load.py, profiled). One definition for every page.
"""

from django import template
from django.utils.html import format_html

register = template.Library()

# The look of each internal status's public label; any other status is still in progress.
_STATUS_CLASS = {"cancelled": "tag tag-cancelled", "closed": "tag", "draft": "tag"}


@register.simple_tag
def status_tags(obj):
    html = format_html(
        '<span class="{}">{}</span>', _STATUS_CLASS.get(obj.status, "tag tag-in-progress"), obj.public_status
    )
    if obj.decision:
        html += format_html(' <span class="tag tag-{}">{}</span>', obj.decision, obj.get_decision_display())
    return html
