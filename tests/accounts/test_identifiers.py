"""The identifier checks against the worked examples of legislation.md section 5 (all via python-stdnum)."""

import pytest
from django.core.exceptions import ValidationError

from accounts import identifiers


@pytest.mark.parametrize(
    "value, compact",
    [("111222333", "111222333"), ("123456782", "123456782"), ("1112.22.333", "111222333")],
)
def test_bsn_eleven_proof_accepts(value, compact):
    """legislation.md 5.1: 9 digits, weights 9..2 and -1, separators removed."""
    assert identifiers.clean_personal_number(value, state="NL") == compact


@pytest.mark.parametrize("value", ["111222334", "12345678", "000000000"])
def test_bsn_eleven_proof_rejects(value):
    """legislation.md 5.1: a failed checksum, an 8-digit number padded to 012345678, all zeros."""
    with pytest.raises(ValidationError):
        identifiers.clean_personal_number(value, state="NL")


@pytest.mark.parametrize(
    "value",
    [
        "85073003328",  # national number, 1985
        "85.07.30-033.28",
        "17073003384",  # born 2017: valid only with the 2000+ prefix
        "05031412368",  # 1905
        "05031412397",  # 2005
        "01490700185",  # BIS, month +40
        "98472899765",  # BIS, month +20
    ],
)
def test_ssin_accepts_national_and_bis_numbers(value):
    """legislation.md 5.2: NN and BIS numbers, 97 - mod 97, the post-2000 rule."""
    assert len(identifiers.clean_personal_number(value, state="BE")) == 11


def test_ssin_rejects_a_wrong_check_number():
    """legislation.md 5.2."""
    with pytest.raises(ValidationError):
        identifiers.clean_personal_number("85073003329", state="BE")


@pytest.mark.parametrize(
    "value, compact",
    [("0403019261", "0403019261"), ("BE 428759497", "0428759497"), ("0403.019.261", "0403019261")],
)
def test_enterprise_number_accepts(value, compact):
    """legislation.md 5.4: 10 digits (old 9-digit numbers padded), optional BE prefix."""
    assert identifiers.clean_enterprise_number(value) == compact


@pytest.mark.parametrize("value", ["BE431150351", "2403019261"])
def test_enterprise_number_rejects(value):
    """legislation.md 5.4: a wrong check number; an establishment-unit number (first digit 2-8)."""
    with pytest.raises(ValidationError):
        identifiers.clean_enterprise_number(value)


def test_kvk_number_is_eight_digits_without_check_digit():
    """legislation.md 5.5: format only."""
    assert identifiers.clean_kvk("1234 5678") == "12345678"
    for bad in ("1234567", "123456789", "1234567A"):
        with pytest.raises(ValidationError):
            identifiers.clean_kvk(bad)


def test_rsin_is_eleven_proof():
    """legislation.md 5.1 and 5.6: the RSIN takes the BSN's 11-proof."""
    assert identifiers.clean_rsin("123456782") == "123456782"
    with pytest.raises(ValidationError):
        identifiers.clean_rsin("111222334")
