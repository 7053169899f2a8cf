"""The verification page's date of birth is typed as the PD A1 prints it (ISO, box 1.5). It was the
browser's date picker, which shows the date in the browser's own order (30/07/1985 or 07/30/1985),
under the hint "For example 1985-07-30": hint and field disagreed. Now a text field, year-month-day
only, so the hint, the field and the certificate say the same."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from .test_delivery_and_verification import certificate, own_address  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

HINT = "As printed on the certificate: year-month-day, for example 1985-07-30."
INVALID = "Enter the date of birth as year-month-day, for example 1985-07-30."


def birth_date_input(page):
    return re.search(r'<input [^>]*name="birth_date"[^>]*>', page).group(0)


def test_the_field_is_text_with_the_iso_hint(client):
    page = client.get(reverse("casework:verify")).content.decode()
    field = birth_date_input(page)
    assert 'type="text"' in field and 'type="date"' not in field
    assert HINT in page
    assert "For example 1985-07-30." not in page


def test_the_date_as_printed_is_taken(client, certificate):  # noqa: F811 - the fixture
    response = client.post(
        reverse("casework:verify"), {"number": certificate.number, "birth_date": "1985-07-30"}
    )
    assert "This certificate is valid" in response.content.decode()


@pytest.mark.parametrize("typed", ["30-07-1985", "07/30/1985", "30.07.1985", "1985-7-3x"])
def test_another_order_is_refused_in_every_language(client, certificate, typed):  # noqa: F811 - the fixture
    for language in ("en", "nl"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        page = client.post(
            reverse("casework:verify"), {"number": certificate.number, "birth_date": typed}
        ).content.decode()
        assert "This certificate is valid" not in page
        assert f'value="{typed}"' in birth_date_input(page)  # kept to correct
    assert "Vul de geboortedatum in als jaar-maand-dag, bijvoorbeeld 1985-07-30." in page


def test_the_hint_in_german(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    page = client.get(reverse("casework:verify")).content.decode()
    assert "Wie auf der Bescheinigung aufgedruckt: Jahr-Monat-Tag, zum Beispiel 1985-07-30." in page
