"""The activation letter as posted (read back with pdftotext), codes that expire and work once as a
registering company meets them on the activation page, and a mandate that ends at midnight."""

import datetime as dt
import re
import subprocess
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import ActivationLetter, Organisation
from tests import factories

from .test_pages import REGISTER

pytestmark = pytest.mark.django_db
CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b")


def letter_text(letter) -> str:
    letter.pdf.open("rb")
    pdf = letter.pdf.read()
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)  # noqa: S603, S607
    return result.stdout.decode()


def register(client, **changes):
    response = client.post(reverse("accounts:register"), {**REGISTER, **changes})
    assert response.status_code == 302, response.content.decode()[:2000]
    letter = ActivationLetter.objects.get(organisation__name=changes.get("name", REGISTER["name"]))
    return letter, letter_text(letter)


def activate(client, code, email=REGISTER["email"]):
    return client.post(reverse("accounts:activate"), {"email": email, "code": code}).content.decode()


def test_the_letter_carries_code_name_and_registered_address_but_no_password(client):
    letter, text = register(client)
    assert len(CODE.findall(text)) == 1
    assert "Bakkerij Jansen B.V." in text
    assert "Dorpsstraat 1" in text and "1234 AB Utrecht" in text and "Netherlands" in text
    assert "For the attention of Piet Jansen" in text
    assert REGISTER["password1"] not in text and "password" not in text.lower()
    expires = timezone.localtime(letter.expires_at)
    assert f"expires on {expires.day} {expires:%B %Y}" in text


def test_a_belgian_letter_has_the_belgian_address(client, settings):
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "state": "BE"}
    _letter, text = register(
        client,
        country="BE",
        name="Bouw Peeters NV",
        enterprise_number="0403.019.261",
        street="Rue Neuve 1",
        postal_code="1000",
        town="Brussel",
    )
    assert "Bouw Peeters NV" in text and "Rue Neuve 1" in text and "1000 Brussel" in text
    assert "Belgium" in text and CODE.search(text)


def test_the_code_works_once(client):
    _letter, text = register(client)
    code = CODE.search(text).group(0)
    assert "Account activated" in activate(client, code)
    again = activate(client, code)
    assert "Account activated" not in again and "do not match" in again
    assert 'value="' + code + '"' in again  # what was typed stays


def test_an_expired_code_is_explained_at_the_field(client):
    letter, text = register(client)
    later = letter.expires_at + dt.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        html = activate(client, CODE.search(text).group(0))
    assert 'id="id_code_error"' in html and "This activation code has expired" in html
    assert Organisation.objects.get().status == Organisation.Status.PENDING


def test_a_new_letter_replaces_the_old_code(client, caseworker):
    from accounts.services.registration import letter_issue

    _letter, text = register(client)
    organisation = Organisation.objects.get()
    letter_issue(actor=caseworker, organisation=organisation)
    assert "do not match" in activate(client, CODE.search(text).group(0))
    new = ActivationLetter.objects.filter(organisation=organisation).order_by("-created_at").first()
    assert "Account activated" in activate(client, CODE.search(letter_text(new)).group(0))


def test_registration_asks_for_the_identifiers_of_the_institution_state(client, settings):
    nl = client.get(reverse("accounts:register")).content.decode()
    assert "KvK number" in nl and "Loonheffingennummer" in nl and "KBO/BCE" not in nl
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "state": "BE"}
    be = client.get(reverse("accounts:register")).content.decode()
    assert "Enterprise number (KBO/BCE)" in be and "KvK number" not in be
    html = client.post(
        reverse("accounts:register"), {**REGISTER, "country": "BE", "enterprise_number": ""}
    ).content.decode()
    assert "Enter the enterprise number (KBO/BCE)." in html
    # A Dutch employer applying to the Belgian institution is not established there: paper form.
    response = client.post(reverse("accounts:register"), {**REGISTER, "country": "NL"})
    assert response.url == reverse("accounts:not_eligible")


AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(day, hour, minute):
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


def test_a_mandate_ending_today_stops_access_at_midnight(client, employer, representative_firm):
    last_day = dt.date(2026, 3, 31)
    staff = factories.make_user()
    factories.add_member(staff, representative_firm)
    factories.make_mandate(
        employer, representative_firm, valid_from=dt.date(2026, 1, 1), valid_until=last_day
    )
    factories.make_employee(employer, family_name="Delporte")
    client.force_login(staff)
    with mock.patch("django.utils.timezone.now", return_value=at(last_day, 23, 59)):
        page = client.get(reverse("accounts:personnel"))
        assert "Delporte" in page.content.decode()
        assert employer.name in page.content.decode()  # in the header's employer switcher
    with mock.patch("django.utils.timezone.now", return_value=at(last_day + dt.timedelta(days=1), 0, 0)):
        page = client.get(reverse("accounts:personnel"))
        assert page.status_code == 403
        assert "Delporte" not in page.content.decode()
        assert "the mandate you relied on has ended" in page.content.decode()
