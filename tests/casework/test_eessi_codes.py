"""legislation.md 1.1: EESSI and the PD A1 schema (PDA1-S) use EL for Greece and UK for the United
Kingdom. The portal stores ISO codes and maps them only in what it sends to the host state (SED
A009/A003 fields) and in the codes printed on the PD A1; country names stay ordinary names."""

import pytest
from django_countries.fields import Country

from casework.eessi import eessi_country
from casework.models import Certificate
from casework.services.host_state import host_state_records_for
from tests import factories
from tests.casework.builders import determination
from tests.casework.test_certificate_pd_a1_fields import approve_with_places, field
from tests.casework.test_certificate_pdf import pdf_text

pytestmark = pytest.mark.django_db

GREEK_RESIDENT = {
    "nationality": "GR",
    "street": "Odos Ermou 12",
    "postal_code": "10563",
    "town": "Athina",
    "country": "GR",
}
PLACES_UK_AND_GREECE = [
    {"country": "GB", "location_type": "company", "name": "Thames Works Ltd", "town": "London"},
    {"country": "GR", "location_type": "ocean_vessel", "name": "Agios Nikolaos", "imo_number": "9074729"},
]


@pytest.mark.parametrize(
    "code, expected",
    [("GR", "EL"), ("GB", "UK"), ("NL", "NL"), ("BE", "BE"), ("", ""), (None, ""), (Country("GR"), "EL")],
)
def test_eessi_country_maps_only_greece_and_the_united_kingdom(code, expected):
    assert eessi_country(code) == expected
    assert eessi_country(Country("")) == ""


def _greek_worker_certificate(engine, employer, employer_admin, caseworker, **kwargs) -> Certificate:
    worker = factories.make_employee(employer, family_name="Papadopoulou", **GREEK_RESIDENT)
    return approve_with_places(
        engine, employer, worker, caseworker, employer_admin, PLACES_UK_AND_GREECE, state="GB", **kwargs
    )


def test_art13_records_to_the_uk_and_greece_carry_eessi_codes(engine, employer, employer_admin, caseworker):
    """A Greek national living in Greece, working in the United Kingdom and on a Greek ship, under
    Dutch legislation (Art. 13, SED A003): each record names its state and every country as EESSI."""
    engine.result = determination(article="13(1)(b)(i)", code="02", provisional=True)
    certificate = _greek_worker_certificate(engine, employer, employer_admin, caseworker, type="simultaneous")
    records = {state: payload for state, _sed, payload in host_state_records_for(certificate)}
    assert set(records) == {"GB", "GR"}  # chosen and stored by ISO code
    for state, eessi in (("GB", "UK"), ("GR", "EL")):
        payload = records[state]
        assert payload["sed"] == "A003"
        assert payload["receiving_state"] == eessi
        assert payload["person"]["nationality"] == "EL"
        assert payload["person"]["residence"]["country"] == "EL"
        assert payload["person"]["issuing_state"] == "NL"
        assert payload["applicable_legislation"]["state"] == "NL"
        assert payload["employer"]["address"]["country"] == "NL"
        assert payload["decision"]["states_informed"] == ["UK", "EL"]
        assert [p["country"] for p in payload["places_of_work"]] == [eessi]
    assert records["GR"]["places_of_work"][0]["flag_state"] == "EL"
    assert records["GB"]["places_of_work"][0]["flag_state"] == ""
    # The stored records: receiving_state (a CountryField) stays ISO, the payload is EESSI.
    stored = {r.receiving_state.code: r.payload for r in certificate.host_state_records.all()}
    assert {state: p["receiving_state"] for state, p in stored.items()} == {"GB": "UK", "GR": "EL"}


@pytest.fixture
def uk_employer():
    """An employer established in the United Kingdom (Organisation.is_established is False: the
    portal also certifies workers of foreign employers), with one member who files."""
    employer = factories.make_employer(name="Thames Works Ltd", country="GB")
    user = factories.make_user(email="admin@thames.test")
    factories.add_member(user, employer)
    return employer, user


def test_posting_record_codes_a_uk_employer(engine, uk_employer, caseworker):
    """SED A009: the employer's address is EESSI-coded too."""
    employer, user = uk_employer
    certificate = _greek_worker_certificate(engine, employer, user, caseworker)
    records = {state: (sed, payload) for state, sed, payload in host_state_records_for(certificate)}
    assert set(records) == {"GB", "GR"}
    sed, payload = records["GB"]
    assert sed == "A009" and "decision" not in payload
    assert payload["receiving_state"] == "UK"
    assert payload["employer"]["address"]["country"] == "UK"
    assert payload["person"]["nationality"] == "EL"
    assert [p["country"] for p in payload["places_of_work"]] == ["UK"]


def test_states_that_follow_the_institution_are_coded_too(engine, uk_employer, caseworker, settings):
    """issuing_state and the applicable legislation follow the institution's state (NL or BE in
    practice, where ISO and EESSI agree); an institution configured in Greece shows they are mapped."""
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "state": "GR"}
    engine.result = determination(legislation="GR")
    employer, user = uk_employer
    certificate = _greek_worker_certificate(engine, employer, user, caseworker)
    [(state, _sed, payload)] = host_state_records_for(certificate)  # Greece is not told of its own
    assert state == "GB"
    assert payload["person"]["issuing_state"] == "EL"
    assert payload["applicable_legislation"]["state"] == "EL"
    text = pdf_text(certificate)
    assert "Greece (EL)" in field(text, "2.1")
    assert "(GR)" not in text  # nor in 6.2, the institution's address (wrapped, so not read by field)


def test_pd_a1_prints_eessi_codes_next_to_ordinary_names(engine, uk_employer, caseworker):
    """legislation.md 1.1 and 4.2, 4.5: 1.6 nationality, 1.8 residence and 4.4 the employer's
    country print EL/UK; the names stay Greece and United Kingdom."""
    employer, user = uk_employer
    text = pdf_text(_greek_worker_certificate(engine, employer, user, caseworker))
    assert "Greece (EL)" in field(text, "1.6")
    assert "Greece (EL)" in field(text, "1.8")
    assert "United Kingdom (UK)" in field(text, "4.4")
    assert "Netherlands (NL)" in field(text, "2.1")
    assert "(GR)" not in text and "(GB)" not in text
