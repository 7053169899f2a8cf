"""Checks shared by forms in more than one app."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Digits, an optional leading +, and the separators people write between them.
_PHONE = re.compile(r"\+?[0-9 ./()\-]+")
PHONE_MIN_DIGITS = 6


def validate_phone(value: str) -> None:
    """A telephone number as people write it ("+31 20 123 4567", "(010) 45.67.89", "02/509 59 59"):
    "abc" or "n/a" was taken, and the certificate's contact line or the institution's call went
    nowhere. Stored as typed; only what cannot be a number is refused."""
    if not _PHONE.fullmatch(value) or sum(c in "0123456789" for c in value) < PHONE_MIN_DIGITS:
        raise ValidationError(_("Enter a telephone number, like +31 20 123 4567."), code="phone")
