"""Identifier checks for the issuing state (domain/legislation.md section 5), all through python-stdnum.

Each `clean_*` function returns the compact form or raises django ValidationError with a message a
person can act on.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.be import ssn as be_ssn
from stdnum.be import vat as be_vat
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as nl_bsn

KVK_RE = re.compile(r"^\d{8}$")
# Loonheffingennummer: the RSIN/BSN (9 digits, 11-proof), "L", a two-digit sequence number.
PAYROLL_TAX_RE = re.compile(r"^(\d{9})L(\d{2})$")


def issuing_state() -> str:
    return settings.PORTAL_INSTITUTION["state"]


def _squash(value: str) -> str:
    return re.sub(r"[\s.\-/]", "", value or "").upper()


def clean_kvk(value: str) -> str:
    value = _squash(value)
    if not KVK_RE.match(value):
        raise ValidationError(_("Enter the KvK number as 8 digits, like 12345678."), code="kvk")
    return value


def clean_rsin(value: str) -> str:
    value = _squash(value)
    if not nl_bsn.is_valid(value) or len(value) != 9:
        raise ValidationError(_("Enter a valid RSIN: 9 digits, like 123456782."), code="rsin")
    return value


def clean_payroll_tax_number(value: str) -> str:
    value = _squash(value)
    match = PAYROLL_TAX_RE.match(value)
    if not match or not nl_bsn.is_valid(match.group(1)):
        raise ValidationError(
            _("Enter the loonheffingennummer as 9 digits, L and 2 digits, like 123456782L01."), code="payroll"
        )
    return value


def clean_enterprise_number(value: str) -> str:
    """Belgian KBO/BCE enterprise number (ondernemingsnummer), 10 digits."""
    try:
        return be_vat.validate(value)
    except StdnumError as exc:
        raise ValidationError(
            _("Enter a valid enterprise number (KBO/BCE): 10 digits, like 0403.019.261."), code="kbo"
        ) from exc


def mask_personal_number(number: str) -> str:
    """For lists and reports: the last 4 characters, enough to tell people apart, not to misuse."""
    number = _squash(number)
    return "•" * max(len(number) - 4, 0) + number[-4:]


def personal_number_label() -> str:
    return settings.PORTAL_INSTITUTION["person_id"]


def personal_number_hint() -> str:
    """What a person types as the issuing state's personal number (the hint under the field)."""
    if issuing_state() == "NL":
        return _("9 digits, like 111222333")
    return _("11 digits: national number or BIS number")


def clean_personal_number(value: str, state: str | None = None) -> str:
    """BSN for a Dutch institution, SSIN (national number or BIS number) for a Belgian one."""
    state = state or issuing_state()
    try:
        if state == "BE":
            return be_ssn.validate(value)
        number = nl_bsn.validate(value)
    except StdnumError as exc:
        if state == "BE":
            message = _(
                "Enter a valid SSIN: 11 digits (national number or BIS number), like 85.07.30-033.28."
            )
        else:
            message = _("Enter a valid BSN: 9 digits that pass the 11-proof, like 111222333.")
        raise ValidationError(message, code="personal_number") from exc
    return number
