"""The second factor (TOTP, django-otp): optional for everyone, required for caseworkers.

Login is two steps for a person with a confirmed device: the password step keeps the user id in the
session without logging in; the token step logs in and marks the session verified (otp_login).
"""

import math
from base64 import b32encode

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING_USER = "otp_pending_user"
PENDING_BACKEND = "otp_pending_backend"
PENDING_NEXT = "otp_pending_next"
# The enrolment code (its id) a staff member typed on the setup page, until the device is confirmed.
ACCEPTED_ENROLMENT_CODE = "otp_enrolment_code"


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_confirmed_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def unconfirmed_device(user) -> TOTPDevice:
    """The device being set up (created on first visit of the setup page, reused until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def secret_of(device) -> str:
    return b32encode(device.bin_key).decode()


def needs_second_factor(user) -> bool:
    """Caseworkers must have a verified second factor before reaching casework."""
    return bool(user.is_authenticated and user.is_staff)


def needs_enrolment_code(user) -> bool:
    """Staff enrol a first authenticator only with a code given out of band; everyone else sets one up
    on their own (it protects only their own account)."""
    return needs_second_factor(user)


def accepted_code_still_valid(user, code_id) -> bool:
    from .models import EnrolmentCode
    from .services.enrolment import code_is_usable

    record = EnrolmentCode.objects.filter(
        pk=code_id, user=user, used_at__isnull=True, superseded_at__isnull=True
    ).first()
    return record is not None and code_is_usable(record)


def second_factor_url(user, next_url: str) -> str:
    """Where a staff member signed in without a verified second factor goes before casework: the
    token page, or setting up an authenticator first; `next_url` is where they return."""
    target = "accounts:otp_verify" if has_confirmed_device(user) else "accounts:otp_setup"
    return f"{reverse(target)}?{urlencode({'next': next_url})}"


def seconds_to_wait(device) -> int:
    """How long django-otp still refuses every code after wrong ones (1, 2, 4, 8... seconds), or 0.

    While it refuses, even the right code fails; the page said "The code is not right", so a
    caseworker who mistyped once and then typed the right code at once was told it was wrong."""
    allowed, data = device.verify_is_allowed()
    if allowed or not (data or {}).get("locked_until"):
        return 0
    return max(1, math.ceil((data["locked_until"] - timezone.now()).total_seconds()))
