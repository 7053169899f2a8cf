"""Enrolment codes: a staff member enrols a first authenticator only with a code an administrator gave
out of band (on paper or in person), so a password alone never lets someone into casework."""

import datetime as dt
import hmac

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from .. import conf
from ..models import EnrolmentCode, User
from .audit import audit_record
from .registration import hash_code, new_code


def _ask_for_a_new_code(reason: str) -> str:
    return reason + " " + _("Ask your administrator for a new enrolment code.")


class EnrolmentError(Exception):
    """The code does not let this person enrol; `str(exc)` tells them why and what to do."""


def no_longer_valid() -> str:
    return _ask_for_a_new_code(_("This enrolment code is no longer valid."))


def may_issue(user) -> bool:
    return bool(
        user.is_active
        and user.is_staff
        and (user.is_superuser or user.has_perm("accounts.issue_enrolment_code"))
    )


@transaction.atomic
def enrolment_code_issue(*, actor, user: User, remove_devices: bool = False) -> tuple[EnrolmentCode, str]:
    """A new code for `user`; earlier unused codes stop working. Returns (record, plain code): the plain
    code is shown once and never stored.

    Half-finished set-ups (unconfirmed devices) are always removed: their secret was shown to whoever
    held the earlier code. `remove_devices` also removes confirmed ones (a lost phone)."""
    now = timezone.now()
    user.enrolment_codes.filter(used_at__isnull=True, superseded_at__isnull=True).update(superseded_at=now)
    devices = TOTPDevice.objects.filter(user=user)
    if not remove_devices:
        devices = devices.filter(confirmed=False)
    removed = devices.filter(confirmed=True).count()
    devices.delete()
    code = new_code()
    record = EnrolmentCode.objects.create(
        user=user,
        code_hash=hash_code(code),
        created_at=now,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        expires_at=now + dt.timedelta(days=conf.enrolment_code_days()),
    )
    if removed:
        audit_record(actor=actor, action="otp.devices_removed", obj=user, count=removed)
    audit_record(actor=actor, action="enrolment_code.issued", obj=record, user=user.pk)
    return record, code


def _current(user) -> EnrolmentCode | None:
    return (
        EnrolmentCode.objects.select_for_update()
        .filter(user=user, used_at__isnull=True, superseded_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


def code_is_usable(record: EnrolmentCode) -> bool:
    return record.failed_attempts < conf.enrolment_code_max_attempts() and record.expires_at >= timezone.now()


def _refusal(record: EnrolmentCode | None, user) -> str:
    """Why `record` cannot be used (audited), or "" when it can. Called inside the caller's atomic
    block, which must not roll back: the audit rows are kept."""
    if record is None:
        audit_record(actor=user, action="enrolment_code.failed", obj=user, reason="none issued")
        return _ask_for_a_new_code(_("There is no enrolment code for your account."))
    if record.failed_attempts >= conf.enrolment_code_max_attempts():
        audit_record(actor=user, action="enrolment_code.failed", obj=record, reason="void")
        return _ask_for_a_new_code(_("Too many wrong enrolment codes were entered."))
    if record.expires_at < timezone.now():
        audit_record(actor=user, action="enrolment_code.expired", obj=record)
        return _ask_for_a_new_code(_("This enrolment code has expired."))
    return ""


def enrolment_code_check(*, user, code: str) -> EnrolmentCode:
    """The person's current code, if `code` is it; not used up yet (that happens when the device is
    confirmed, so a person who stops half-way can come back with the same code).

    A wrong code counts against the code (committed even though the check fails); after too many it is
    void, so guessing stops long before it could succeed."""
    with transaction.atomic():
        record = _current(user)
        refusal = _refusal(record, user)
        if not refusal and not hmac.compare_digest(record.code_hash, hash_code(code or "")):
            record.failed_attempts += 1
            record.save(update_fields=["failed_attempts"])
            audit_record(actor=user, action="enrolment_code.failed", obj=record)
            if record.failed_attempts >= conf.enrolment_code_max_attempts():
                refusal = _ask_for_a_new_code(_("Too many wrong enrolment codes were entered."))
            else:
                refusal = _("The enrolment code is not right. Check it and type it again.")
    if refusal:
        raise EnrolmentError(refusal)
    return record


def enrolment_complete(*, user, code_id: int, device: TOTPDevice) -> EnrolmentCode:
    """Confirm `device` with the code accepted earlier in this session, and use the code up. Raises
    EnrolmentError (and confirms nothing) when that code was replaced, used or expired meanwhile."""
    with transaction.atomic():
        record = _current(user)
        replaced = record is not None and record.pk != code_id
        refusal = no_longer_valid() if replaced else _refusal(record, user)
        if not refusal:
            record.used_at = timezone.now()
            record.save(update_fields=["used_at"])
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            audit_record(actor=user, action="enrolment_code.used", obj=record)
            audit_record(actor=user, action="otp.confirmed", obj=device)
    if refusal:
        raise EnrolmentError(refusal)
    return record
