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
from stdnum.exceptions import InvalidChecksum, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as nl_bsn
from stdnum.nl import postcode as nl_postcode

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


def _digit_count(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _validate(validate, value: str, *, digits: tuple[int, ...], wrong_format, wrong_check):
    """Run a python-stdnum `validate` and say which part failed: a person who typed 8 digits needs
    another message ("9 digits") than one whose 9 digits fail the check digit (a typing error). The
    count of digits typed decides too, as stdnum pads a short BSN with zeros and then reports only
    the check."""
    try:
        number = validate(value)
    except StdnumError as exc:
        failed_check = isinstance(exc, InvalidChecksum) and _digit_count(_squash(value)) in digits
        raise ValidationError(
            wrong_check if failed_check else wrong_format,
            code="checksum" if failed_check else "format",
        ) from exc
    return number


def _nine_digit_eleven_proof(value: str) -> str:
    """An RSIN (and the first part of a loonheffingennummer) is checked like a BSN: 9 digits, 11-proof."""
    if len(value) != 9:
        raise InvalidLength()
    return nl_bsn.validate(value)


def clean_rsin(value: str) -> str:
    return _validate(
        _nine_digit_eleven_proof,
        _squash(value),
        digits=(9,),
        wrong_format=_("Enter the RSIN as 9 digits, like 123456782."),
        wrong_check=_("This RSIN is not right: its 9 digits fail the 11-proof. Check it for a typing error."),
    )


def clean_payroll_tax_number(value: str) -> str:
    value = _squash(value)
    match = PAYROLL_TAX_RE.match(value)
    if not match:
        raise ValidationError(
            _("Enter the loonheffingennummer as 9 digits, L and 2 digits, like 123456782L01."), code="format"
        )
    _validate(
        _nine_digit_eleven_proof,
        match.group(1),
        digits=(9,),
        wrong_format="",  # the pattern above has made sure of 9 digits
        wrong_check=_(
            "This loonheffingennummer is not right: its first 9 digits fail the 11-proof. "
            "Check it for a typing error."
        ),
    )
    return value


def clean_enterprise_number(value: str) -> str:
    """Belgian KBO/BCE enterprise number (ondernemingsnummer), 10 digits (an old 9-digit one is
    accepted, legislation.md 5.4)."""
    return _validate(
        be_vat.validate,
        value,
        digits=(9, 10),
        wrong_format=_("Enter the enterprise number (KBO/BCE) as 10 digits, like 0403.019.261."),
        wrong_check=_(
            "This enterprise number (KBO/BCE) is not right: its last 2 digits (the check number) do not "
            "match the first 8. Check it for a typing error."
        ),
    )


def enterprise_number_or_none(value: str) -> str | None:
    """The stored (compact) form of a valid KBO/BCE number typed in any usual way, "BE" prefix or an
    old 9-digit number included (legislation.md 5.4); None when `value` is not one."""
    return be_vat.compact(value) if be_vat.is_valid(value) else None


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
    if (state or issuing_state()) == "BE":
        return _validate(
            be_ssn.validate,
            value,
            digits=(11,),
            wrong_format=_(
                "Enter a valid SSIN: 11 digits (national number or BIS number), like 85.07.30-033.28."
            ),
            wrong_check=_(
                "This SSIN is not right: its last 2 digits (the check number) do not match the first 9, "
                "which start with the date of birth. Check it for a typing error."
            ),
        )
    return _validate(
        nl_bsn.validate,
        value,
        digits=(9,),
        wrong_format=_("Enter a valid BSN: 9 digits that pass the 11-proof, like 111222333."),
        wrong_check=_("This BSN is not right: its 9 digits fail the 11-proof. Check it for a typing error."),
    )


def clean_dutch_postal_code(value: str) -> str:
    """A Dutch postal code (4 digits, not starting with 0, and 2 letters), in its usual form "1017 GB"."""
    try:
        return nl_postcode.validate(value)
    except StdnumError as exc:
        raise ValidationError(
            _("Enter a Dutch postal code as 4 digits and 2 letters, like 1017 GB."), code="postal_code"
        ) from exc


def check_ssin_birth_date(number: str, birth_date) -> None:
    """A Belgian national number or BIS number starts with the holder's date of birth (YYMMDD, the
    century from the check digits, the BIS month +20 or +40; legislation.md 5.2), so a date of birth
    that differs from it means one of the two is wrong, and the PD A1 would print both (1.1, 1.5).
    Only the parts the number knows are compared: month or day 00 (unknown, or the day's counter
    ran out) and the fictitious dates 000001, 002001, 004001 (date unknown) leave those parts free.
    `number` must already be a valid SSIN (clean_personal_number)."""
    year, month = be_ssn.get_birth_year(number), be_ssn.get_birth_month(number)
    full = be_ssn.get_birth_date(number)
    if full is not None:
        matches, shown = birth_date == full, full.isoformat()
    elif month is not None:
        matches, shown = (birth_date.year, birth_date.month) == (year, month), f"{year}-{month:02d}"
    elif year is not None:
        matches, shown = birth_date.year == year, str(year)
    else:
        return
    if not matches:
        raise ValidationError(
            _("The date of birth does not match the %(label)s, which gives %(date)s.")
            % {"label": personal_number_label(), "date": shown},
            code="birth_date_mismatch",
        )
