"""Settings of the accounts app, each with a default; override in settings.py if an institution needs to."""

from django.conf import settings


def _get(name, default):
    return getattr(settings, name, default)


# An activation code works for this many days after the letter is produced, and only once.
def activation_code_days() -> int:
    return _get("ACCOUNTS_ACTIVATION_CODE_DAYS", 30)


# Wrong codes allowed per letter; after that the letter is void and a caseworker sends a new one.
def activation_max_attempts() -> int:
    return _get("ACCOUNTS_ACTIVATION_MAX_ATTEMPTS", 5)


def authorization_max_bytes() -> int:
    return _get("ACCOUNTS_AUTHORIZATION_MAX_BYTES", 5 * 1024 * 1024)


def import_max_bytes() -> int:
    return _get("ACCOUNTS_IMPORT_MAX_BYTES", 2 * 1024 * 1024)


# A staff member's authenticator enrolment code works for this many days, and only once.
def enrolment_code_days() -> int:
    return _get("ACCOUNTS_ENROLMENT_CODE_DAYS", 7)


# Wrong enrolment codes allowed per code; after that it is void and an administrator issues a new one.
def enrolment_code_max_attempts() -> int:
    return _get("ACCOUNTS_ENROLMENT_CODE_MAX_ATTEMPTS", 5)
