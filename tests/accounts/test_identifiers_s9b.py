"""Review s9B of legislation.md section 5 against the places the portal accepts the identifiers."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts import identifiers
from accounts.models import Employee
from tests.accounts.test_personnel import VALID
from tests.api.conftest import client_for

BELGIAN = {"state": "BE", "person_id": "SSIN"}


def _nn(first_nine: str) -> str:
    """A national number with its check digits (19xx form), as stdnum.be.nn computes them."""
    return first_nine + f"{97 - int(first_nine) % 97:02d}"


@pytest.fixture
def belgian(settings):
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, **BELGIAN}


@pytest.mark.parametrize(
    "number, born",
    [
        ("85073003328", dt.date(1985, 7, 30)),  # national number
        ("17073003384", dt.date(2017, 7, 30)),  # the 2000+ variant
        ("05031412368", dt.date(1905, 3, 14)),  # same first nine digits: 1905 ...
        ("05031412397", dt.date(2005, 3, 14)),  # ... or 2005, by the check digits
        ("01490700185", dt.date(2001, 9, 7)),  # BIS, month + 40
        ("98472899765", dt.date(1998, 7, 28)),  # BIS, month + 40
        (_nn("852730033"), dt.date(1985, 7, 30)),  # BIS, month + 20 (sex unknown)
    ],
)
def test_ssin_birth_date_consistent(belgian, number, born):
    """legislation.md 5.2: YYMMDD, the century from the check digits, the BIS month +20/+40."""
    identifiers.check_ssin_birth_date(number, born)


@pytest.mark.parametrize(
    "number, born, shown",
    [
        ("85073003328", dt.date(1986, 8, 31), "1985-07-30"),
        ("85073003328", dt.date(1985, 7, 31), "1985-07-30"),
        ("05031412397", dt.date(1905, 3, 14), "2005-03-14"),  # the 2000+ number, a 1905 date
        ("05031412368", dt.date(2005, 3, 14), "1905-03-14"),
        ("01490700185", dt.date(2001, 10, 7), "2001-09-07"),  # BIS
    ],
)
def test_ssin_birth_date_mismatch(belgian, number, born, shown):
    with pytest.raises(ValidationError) as exc:
        identifiers.check_ssin_birth_date(number, born)
    assert exc.value.messages == [f"The date of birth does not match the SSIN, which gives {shown}."]


def test_ssin_with_unknown_birth_date_parts_compares_only_the_known_ones(belgian):
    """legislation.md 5.2: month or day 00 is unknown (or the day's counter ran out); the fictitious
    dates 000001, 002001, 004001 mean the date is unknown altogether."""
    day_unknown, month_unknown, unknown = _nn("850700033"), _nn("850000033"), _nn("000001033")
    for number in (day_unknown, month_unknown, unknown):
        assert identifiers.clean_personal_number(number, state="BE") == number
    identifiers.check_ssin_birth_date(day_unknown, dt.date(1985, 7, 12))
    identifiers.check_ssin_birth_date(month_unknown, dt.date(1985, 11, 2))
    identifiers.check_ssin_birth_date(unknown, dt.date(1971, 1, 2))
    with pytest.raises(ValidationError, match="which gives 1985-07"):
        identifiers.check_ssin_birth_date(day_unknown, dt.date(1985, 8, 12))
    with pytest.raises(ValidationError, match="which gives 1985"):
        identifiers.check_ssin_birth_date(month_unknown, dt.date(1984, 11, 2))


@pytest.mark.django_db
def test_personnel_page_puts_a_birth_date_that_contradicts_the_ssin_at_the_field(
    belgian, client, employer_admin
):
    """The personnel page (and the import, the same form): a clear message at the date of birth."""
    client.force_login(employer_admin)
    response = client.post(
        reverse("accounts:personnel_add"),
        {**VALID, "personal_number": "85.07.30-033.28", "birth_date": "1986-08-31"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["birth_date"] == ["The date of birth does not match the SSIN, which gives 1985-07-30."]
    assert not Employee.objects.exists()
    response = client.post(reverse("accounts:personnel_add"), {**VALID, "personal_number": "85.07.30-033.28"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_api_puts_a_birth_date_that_contradicts_the_ssin_at_its_field_path(belgian, employer_admin, employer):
    api = client_for(employer_admin)
    data = {
        "personal_number": "85073003328",
        "family_name": "Janssens",
        "given_names": "Piet",
        "birth_date": "1985-07-31",
        "sex": "M",
        "nationality": "BE",
        "street": "Rue Haute 1",
        "postal_code": "1000",
        "town": "Bruxelles",
        "country": "BE",
        "date_of_entry": "2010-01-01",
    }
    response = api.post(f"/api/v1/employers/{employer.pk}/personnel/", data, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "field": "birth_date",
            "message": "The date of birth does not match the SSIN, which gives 1985-07-30.",
        }
    ]
    data["birth_date"] = "1985-07-30"
    assert api.post(f"/api/v1/employers/{employer.pk}/personnel/", data, format="json").status_code == 201


@pytest.mark.django_db
def test_dutch_institution_does_not_read_a_date_from_the_bsn(client, employer_admin):
    """legislation.md 5.1: the BSN carries no date of birth."""
    client.force_login(employer_admin)
    response = client.post(reverse("accounts:personnel_add"), {**VALID, "birth_date": "1990-01-01"})
    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["0403019261", "0403.019.261", "BE 0403.019.261", "BE0403019261", "403.019.261"]
)
def test_representative_search_finds_an_enterprise_number_typed_as_usual(
    client, employer_admin, representative_firm, query
):
    """legislation.md 5.4: 10 digits, optional BE prefix, old 9-digit numbers with a leading 0; the
    mandate page's search by number accepts each form of the same number."""
    representative_firm.enterprise_number = "0403019261"
    representative_firm.save()
    client.force_login(employer_admin)
    found = client.get(reverse("accounts:mandates"), {"q": query}).content.decode()
    assert "Fiscaal Advies B.V." in found
