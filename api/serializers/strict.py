"""Input serializers that refuse keys they do not know, at any depth.

DRF drops unknown keys silently. For a payroll system that is the worst answer to a typo: a
misspelt `temp_diffrs` or a `places[0].postcode` is accepted with 201 and the data is simply gone
(the engine's situation refuses unknown keys for the same reason: contracts/determination.md).
Each unknown key is an error at its own path (`places[0].postcode`), reported with the others.
Read-only fields count as known, so a client may send back what it read; the CSRF token that the
browsable API's HTML form posts with the data is not a field either.
"""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

NOT_DATA = {"csrfmiddlewaretoken"}


class RejectUnknownFields:
    unknown_field_message = _("Unknown field; check the spelling.")

    def to_internal_value(self, data):
        unknown = {}
        if isinstance(data, Mapping):
            unknown = {
                key: [self.unknown_field_message]
                for key in data
                if key not in self.fields and key not in NOT_DATA
            }
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if unknown and isinstance(exc.detail, dict):
                raise serializers.ValidationError({**exc.detail, **unknown}) from exc
            raise
        if unknown:
            raise serializers.ValidationError(unknown)
        return value
