"""{% filter one_full_stop %}…{% endfilter %}: a sentence whose name ends in a dot ("B.V.") keeps one
full stop (coverage_portal/sentences.py)."""

from django import template

from coverage_portal import sentences, state_names

register = template.Library()
register.filter("one_full_stop", sentences.one_full_stop, is_safe=True)

# {{ code|state_in_sentence:"in" }}: "the Netherlands" inside an English sentence, "aux Pays-Bas" inside a
# French one; the argument is the form the sentence needs (coverage_portal/state_names.py).
register.filter("state_in_sentence", state_names.state_in_sentence)
