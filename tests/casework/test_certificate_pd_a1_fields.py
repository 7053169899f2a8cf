"""The PD A1's fields against legislation.md section 4 (4.2 holder, 4.4 status boxes, 4.5 employer or
self-employed activity, 4.6 places of work, 4.8 mapping from the engine's result)."""

import datetime as dt

import pytest

from casework.models import Certificate
from casework.pdf import render_certificate_html
from postings.models import PlaceOfWork
from postings.services.decisions import request_decide
from postings.services.lifecycle import request_submit
from tests import factories
from tests.casework.builders import committed, determination, make_request
from tests.casework.test_certificate_pdf import approved, pdf_text

pytestmark = pytest.mark.django_db


def field(text: str, number: str) -> str:
    """The printed line of field `number` (e.g. "4.1"), as pdftotext lays it out."""
    return next(line for line in text.splitlines() if line.strip().startswith(number + " "))


def approve_with_places(engine, employer, employee, caseworker, user, places, **kwargs) -> Certificate:
    request = make_request(employer, employee, user, places=0, submit=False, **kwargs)
    for seq, place in enumerate(places, start=1):
        PlaceOfWork.objects.create(request=request, seq=seq, **place)
    with committed():
        request = request_submit(actor=user, request=request)
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    return Certificate.objects.get(request=request)


SELF_EMPLOYED = {"relationship": {"classification": "self_employed"}}


def test_box_4_1_ticks_self_employed_for_a_self_employed_person(engine, employer, employer_admin, caseworker):
    """legislation.md 4.5 (field 4.1: Employed / Self-employed) and 4.8 (13(2) -> box 3.4): a
    self-employed person working in two or more states is not certified as employed."""
    worker = factories.make_employee(employer, family_name="Peeters")
    engine.result = determination(article="13(2)", code="04", provisional=True)
    certificate = approved(
        engine, employer, worker, caseworker, employer_admin, type="simultaneous", answers=SELF_EMPLOYED
    )
    text = pdf_text(certificate)
    assert "☒ 3.4 Self-employed person working in two or more" in text
    assert "☐ Employed ☒ Self-employed" in field(text, "4.1")


def test_box_4_1_ticks_employed_for_an_employed_person(
    engine, employer, employer_admin, employee, caseworker
):
    """legislation.md 4.5 (field 4.1) and 4.8 (12(1) -> box 3.1)."""
    text = pdf_text(approved(engine, employer, employee, caseworker, employer_admin))
    assert "☒ Employed ☐ Self-employed" in field(text, "4.1")


def test_without_an_engine_result_a_self_employed_person_gets_box_3_4_not_3_2(
    engine, employer, employer_admin, caseworker
):
    """legislation.md 4.4: code 04 (box 3.4) is the self-employed person working in two or more
    states; 02 (box 3.2) is for employed persons. When the engine could not be run the caseworker
    still approves, and the box follows the request's classification."""
    worker = factories.make_employee(employer, family_name="Claes")
    engine.errors = [{"field": "work", "message": "invalid"}]
    certificate = approved(
        engine, employer, worker, caseworker, employer_admin, type="simultaneous", answers=SELF_EMPLOYED
    )
    assert certificate.request.determination is None
    text = pdf_text(certificate)
    assert "☒ 3.4 Self-employed person working in two or more" in text
    assert "☒ 3.2" not in text
    assert "☐ Employed ☒ Self-employed" in field(text, "4.1")


@pytest.mark.parametrize(
    "language, description",
    [
        ("en", "Exception: Agreement under Article 16(1) of Regulation 883/2004"),
        ("fr", "Exception: Accord en vertu de l'article 16(1) du règlement 883/2004"),
        ("de", "Ausnahme: Vereinbarung nach Artikel 16(1) der Verordnung 883/2004"),
        ("nl", "Uitzondering: Overeenkomst op grond van artikel 16(1) van Verordening 883/2004"),
    ],
)
def test_box_3_11_exception_carries_its_description(
    engine, employer, employer_admin, employee, caseworker, language, description
):
    """legislation.md 4.4 (3.11: exception, with a free-text description) and 4.8 (16(1) -> "3.11 +
    description"), in the certificate's language."""
    engine.result = determination(article="16(1)", code="11")
    certificate = approved(engine, employer, employee, caseworker, employer_admin, language=language)
    html = render_certificate_html(certificate).replace("&#x27;", "'")
    assert f"☒ 3.11 {description}</td>" in html
    assert f"☒ 3.11 {' '.join(description.split()[:2])}" in pdf_text(certificate)


def test_other_boxes_carry_no_exception_description(engine, employer, employer_admin, employee, caseworker):
    """legislation.md 4.4: only 3.11 has a description."""
    html = render_certificate_html(approved(engine, employer, employee, caseworker, employer_admin))
    assert "Agreement under Article" not in html


def test_5_1_gives_the_flag_of_an_ocean_vessel_entered_as_a_place_of_work(
    engine, employer, employer_admin, employee, caseworker
):
    """legislation.md 4.6 (5.1: ship names with the flag state per entry). The places step asks the
    flag of an ocean vessel as the place's state."""
    certificate = approve_with_places(
        engine,
        employer,
        employee,
        caseworker,
        employer_admin,
        [
            {
                "country": "MT",
                "location_type": "ocean_vessel",
                "name": "Stella Maris",
                "imo_number": "9074729",
            },
            {"country": "BE", "location_type": "company", "name": "Haven NV", "town": "Antwerpen"},
        ],
        state="MT",
    )
    text = pdf_text(certificate)
    assert "Stella Maris (Malta)" in text
    assert "Haven NV (" not in text  # a company has neither flag nor home base
    # The host state's record (SED A009's fields) carries the same flag.
    from casework.services.host_state import host_state_records_for

    records = {state: payload for state, _sed, payload in host_state_records_for(certificate)}
    ship, company = records["MT"]["places_of_work"][0], records["BE"]["places_of_work"][0]
    assert (ship["name"], ship["flag_state"]) == ("Stella Maris", "MT")
    assert (company["name"], company["flag_state"]) == ("Haven NV", "")


def test_5_1_gives_the_home_base_of_aircrew(engine, employer, employer_admin, employee, caseworker):
    """legislation.md 4.6 (5.1: flag state (ships) or home base (aircrew) per entry) and 4.8 (11(5)
    -> home-base state, box 3.10)."""
    engine.result = determination(legislation="NL", article="11(5)", code="10")
    answers = {"relationship": {"classification": "transport_air", "home_base": "NL"}}
    certificate = approve_with_places(
        engine,
        employer,
        employee,
        caseworker,
        employer_admin,
        [
            {"country": "NL", "location_type": "home_base", "name": "Schiphol"},
            {"country": "BE", "location_type": "region", "name": "Flights over Belgium"},
        ],
        type="simultaneous",
        state="BE",
        answers=answers,
    )
    text = pdf_text(certificate)
    assert "☒ 3.10 Flight or cabin crew member" in text
    assert "Schiphol (Netherlands)" in text
    assert "Flights over Belgium (Netherlands)" in text


def test_more_than_three_places_keep_their_names_in_5_1(
    engine, employer, employer_admin, employee, caseworker
):
    """legislation.md 4.6: 5.1 names up to 15 places; 5.2 prints the addresses of at most three
    physical places, and 5.3 (no fixed address) is ticked when there are more."""
    request = make_request(employer, employee, employer_admin, places=5)
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    text = pdf_text(Certificate.objects.get(request=request))
    for n in range(1, 6):
        assert f"Bouwbedrijf {n} NV" in text
    assert "5.2" not in text and "Rue Haute" not in text
    assert "☒ Belgium" in field(text, "5.3")


def test_three_places_print_names_and_addresses(engine, employer, employer_admin, employee, caseworker):
    """legislation.md 4.6: up to three places are printed with their addresses (5.2)."""
    text = pdf_text(approved(engine, employer, employee, caseworker, employer_admin, places=3))
    assert "Rue Haute 12, 1000 Bruxelles, Belgium (BE)" in text
    assert "☐" in field(text, "5.3")


def test_1_4_surname_at_birth_only_where_different(engine, employer, employer_admin, caseworker):
    """legislation.md 4.2 (1.4: surname(s) at birth, only where different)."""
    same = factories.make_employee(employer, family_name="Jansen", family_name_at_birth="Jansen")
    other = factories.make_employee(employer, family_name="Bakker", family_name_at_birth="De Wit")
    text = pdf_text(approved(engine, employer, same, caseworker, employer_admin))
    assert "Jansen" not in field(text, "1.4")
    text = pdf_text(approved(engine, employer, other, caseworker, employer_admin, start=dt.date(2027, 4, 1)))
    assert "De Wit" in field(text, "1.4")


def test_1_6_nationality_gives_the_country_code(engine, employer, employer_admin, caseworker):
    """legislation.md 4.2 (1.6: nationality as ISO country code(s))."""
    worker = factories.make_employee(employer, nationality="BE")
    text = pdf_text(approved(engine, employer, worker, caseworker, employer_admin))
    assert "Belgium (BE)" in field(text, "1.6")
