"""Country choices for the API's serializers, shared rather than copied.

DRF deep-copies every declared field's arguments each time a serializer is made (on every call, and
again for each nested serializer): the six country fields of 250 states each made that copying
about half of an API create's CPU (benchmarks/load.py, profiled). The lists never change after
import, so their copy may be the list itself.
"""

from django_countries import countries


class SharedChoices(tuple):
    def __deepcopy__(self, memo):
        return self


COUNTRY_CHOICES = SharedChoices(countries)
OPTIONAL_COUNTRY_CHOICES = SharedChoices((("", ""), *COUNTRY_CHOICES))
