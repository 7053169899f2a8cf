"""Country choices for the API's serializers, shared rather than copied.

DRF deep-copies every declared field's arguments each time a serializer is made (on every call, and
again for each nested serializer): the six country fields of 250 states each made that copying
about half of an API create's CPU (benchmarks/load.py, profiled). The lists never change after
import, so their copy may be the list itself.
"""

from django_countries import countries
from rest_framework import serializers


class SharedChoices(tuple):
    def __deepcopy__(self, memo):
        return self


COUNTRY_CHOICES = SharedChoices(countries)
OPTIONAL_COUNTRY_CHOICES = SharedChoices((("", ""), *COUNTRY_CHOICES))


class SharedChoiceField(serializers.ChoiceField):
    """A ChoiceField over SharedChoices: the choices are arranged for lookup once, not each time
    the field is copied (250 states, three passes, for each country field on every call)."""

    def _set_choices(self, choices):
        arranged = getattr(choices, "arranged", None)
        if arranged is None:
            super()._set_choices(choices)
            if isinstance(choices, SharedChoices):
                choices.arranged = (self.grouped_choices, self._choices, self.choice_strings_to_values)
        else:
            self.grouped_choices, self._choices, self.choice_strings_to_values = arranged

    choices = property(serializers.ChoiceField._get_choices, _set_choices)
