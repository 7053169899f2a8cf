"""An identifier's error says what is wanted and which part failed: the format (how many digits) or the
check digit (a typing error), for every number a person types (all checks through python-stdnum)."""

import pytest
from django.core.exceptions import ValidationError

from accounts import identifiers

BSN_FORMAT = "Enter a valid BSN: 9 digits that pass the 11-proof, like 111222333."
BSN_CHECK = "This BSN is not right: its 9 digits fail the 11-proof. Check it for a typing error."
SSIN_FORMAT = "Enter a valid SSIN: 11 digits (national number or BIS number), like 85.07.30-033.28."
SSIN_CHECK = (
    "This SSIN is not right: its last 2 digits (the check number) do not match the first 9, "
    "which start with the date of birth. Check it for a typing error."
)
RSIN_FORMAT = "Enter the RSIN as 9 digits, like 123456782."
RSIN_CHECK = "This RSIN is not right: its 9 digits fail the 11-proof. Check it for a typing error."
PAYROLL_FORMAT = "Enter the loonheffingennummer as 9 digits, L and 2 digits, like 123456782L01."
PAYROLL_CHECK = (
    "This loonheffingennummer is not right: its first 9 digits fail the 11-proof. "
    "Check it for a typing error."
)
KBO_FORMAT = "Enter the enterprise number (KBO/BCE) as 10 digits, like 0403.019.261."
KBO_CHECK = (
    "This enterprise number (KBO/BCE) is not right: its last 2 digits (the check number) do not match "
    "the first 8. Check it for a typing error."
)


def message(clean, value):
    with pytest.raises(ValidationError) as exc:
        clean(value)
    return exc.value.messages


def nl_number(value):
    return identifiers.clean_personal_number(value, state="NL")


def be_number(value):
    return identifiers.clean_personal_number(value, state="BE")


@pytest.mark.parametrize(
    "clean, value, expected",
    [
        (nl_number, "123456789", BSN_CHECK),
        (nl_number, "1112.22.334", BSN_CHECK),
        # stdnum pads a short BSN with zeros and then reports the check: the person typed too few digits.
        (nl_number, "12345", BSN_FORMAT),
        (nl_number, "1234567890", BSN_FORMAT),
        (nl_number, "12345678A", BSN_FORMAT),
        (be_number, "85073003329", SSIN_CHECK),
        (be_number, "85.07.30-033.27", SSIN_CHECK),
        (be_number, "8507300332", SSIN_FORMAT),
        (be_number, "111222333", SSIN_FORMAT),
        (identifiers.clean_rsin, "111222334", RSIN_CHECK),
        (identifiers.clean_rsin, "12345678", RSIN_FORMAT),
        (identifiers.clean_payroll_tax_number, "123456789L01", PAYROLL_CHECK),
        (identifiers.clean_payroll_tax_number, "123456782", PAYROLL_FORMAT),
        (identifiers.clean_enterprise_number, "BE431150351", KBO_CHECK),
        (identifiers.clean_enterprise_number, "0403.019.262", KBO_CHECK),
        (identifiers.clean_enterprise_number, "04030192", KBO_FORMAT),
        (identifiers.clean_enterprise_number, "0403-019-26X", KBO_FORMAT),
    ],
)
def test_the_message_names_the_format_or_the_failed_check(clean, value, expected):
    assert message(clean, value) == [expected]


def test_dutch_postal_code_takes_stdnums_check():
    assert identifiers.clean_dutch_postal_code("1017gb") == "1017 GB"
    for bad in ("!!!", "0123 AB", "1234"):
        assert message(identifiers.clean_dutch_postal_code, bad) == [
            "Enter a Dutch postal code as 4 digits and 2 letters, like 1017 GB."
        ]
