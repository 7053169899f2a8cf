"""{% filter one_full_stop %}…{% endfilter %}: a sentence whose name ends in a dot ("B.V.") keeps one
full stop (coverage_portal/sentences.py)."""

from django import template

from coverage_portal import sentences

register = template.Library()
register.filter("one_full_stop", sentences.one_full_stop, is_safe=True)
