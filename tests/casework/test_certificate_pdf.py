import datetime as dt
import subprocess

import pytest

from casework.models import Certificate
from casework.services.certificates import certificate_issue
from postings.services.decisions import request_decide
from tests import factories
from tests.casework.builders import committed, determination, make_request, posting_answers

pytestmark = pytest.mark.django_db


def pdf_text(certificate) -> str:
    certificate.refresh_from_db()
    result = subprocess.run(
        ["/usr/bin/pdftotext", "-layout", certificate.pdf.path, "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def approved(engine, employer, employee, caseworker, user, admitted=None, **kwargs):
    request = make_request(employer, employee, user, **kwargs)
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved", admitted_period=admitted)
    return Certificate.objects.get(request=request)


def test_english_certificate_has_every_section(engine, employer, employer_admin, employee, caseworker):
    certificate = approved(
        engine,
        employer,
        employee,
        caseworker,
        employer_admin,
        admitted=(dt.date(2027, 3, 1), dt.date(2027, 9, 30)),
    )
    text = pdf_text(certificate)
    assert "PORTABLE DOCUMENT A1" in text
    for heading in (
        "1. Personal details of the holder",
        "2. Member State whose legislation applies",
        "3. Status confirmation",
        "4. Employer / self-employed activity",
        "5. Activity in the host Member State(s)",
        "6. Completion by the institution",
    ):
        assert heading in text
    assert "Delporte" in text and "Anna" in text and "1985-07-30" in text
    assert certificate.number in text
    assert "Netherlands (NL)" in text
    assert "2027-03-01" in text and "2027-09-30" in text  # the admitted, shortened period
    ticked = [line for line in text.splitlines() if "☒ 3." in line]
    assert len(ticked) == 1 and "☒ 3.1 Posted employed person" in ticked[0]
    assert text.count("☐ 3.") == 11  # all twelve boxes printed, one ticked
    assert "Van Dijk Bouw B.V." in text and employer.kvk_number in text
    assert "Bouwbedrijf 1 NV" in text and "Rue Haute 10" in text
    assert "Sociale Verzekeringsbank" in text and "NL:SVB01" in text


def test_number_on_every_page(engine, employer, employer_admin, employee, caseworker):
    certificate = approved(engine, employer, employee, caseworker, employer_admin, places=3)
    pages = pdf_text(certificate).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 1
    assert all(certificate.number in page for page in pages)


def test_french_certificate(engine, employer, employer_admin, employee, caseworker):
    certificate = approved(engine, employer, employee, caseworker, employer_admin, language="fr")
    text = pdf_text(certificate)
    assert "DOCUMENT PORTABLE A1" in text
    assert "1. Renseignements concernant le titulaire" in text
    assert "Pays-Bas (NL)" in text
    assert "Travailleur salarié détaché" in text
    assert "Delporte" in text and certificate.number in text


def test_german_art13_certificate_is_provisional_with_box_3_2(engine, employer, employer_admin, caseworker):
    worker = factories.make_employee(employer, family_name="Schmidt", given_names="Jonas")
    engine.result = determination(article="13(1)(b)(i)", code="02", provisional=True)
    certificate = approved(
        engine, employer, worker, caseworker, employer_admin, language="de", type="simultaneous", places=4
    )
    text = pdf_text(certificate)
    assert "PORTABLES DOKUMENT A1" in text and "Niederlande (NL)" in text
    assert certificate.provisional
    assert "☒ 3.2 Beschäftigte Person, die in zwei" in text
    assert "☒ 3.1" not in text
    # more than three places: no fixed address, described by the states
    assert "☒ Belgien" in text


def test_issuing_twice_makes_one_certificate(engine, employer, employer_admin, employee, caseworker):
    certificate = approved(engine, employer, employee, caseworker, employer_admin)
    again = certificate_issue(request_id=certificate.request_id)
    assert again.pk == certificate.pk
    assert Certificate.objects.count() == 1
    assert certificate.request.events.filter(kind="certificate_issued").count() == 1


def _field_1_9(text: str) -> str:
    line = next(line for line in text.splitlines() if "1.9" in line)
    return line.split("Address in the state of stay", 1)[1].strip()


def test_field_1_9_prints_the_address_in_the_state_of_stay_from_the_request(
    engine, employer, employer_admin, caseworker
):
    worker = factories.make_employee(
        employer, family_name="Visser", temp_street="Oude adres 1", temp_town="Gent", temp_country="BE"
    )
    answers = posting_answers(dt.date(2027, 3, 1), dt.date(2027, 12, 31))
    answers["address"] = {
        "temp_differs": True,
        "temp_street": "Rue de la Loi",
        "temp_number": "16",
        "temp_postal_code": "1000",
        "temp_town": "Bruxelles",
        "temp_country": "be",
    }
    certificate = approved(engine, employer, worker, caseworker, employer_admin, answers=answers)
    assert _field_1_9(pdf_text(certificate)) == "Rue de la Loi 16, 1000 Bruxelles, Belgium (BE)"


def test_field_1_9_stays_empty_when_the_request_says_there_is_none(
    engine, employer, employer_admin, caseworker
):
    worker = factories.make_employee(
        employer, temp_street="Oude adres 1", temp_town="Gent", temp_country="BE"
    )
    answers = posting_answers(dt.date(2027, 3, 1), dt.date(2027, 12, 31))
    answers["address"] = {"temp_differs": False}
    certificate = approved(engine, employer, worker, caseworker, employer_admin, answers=answers)
    assert _field_1_9(pdf_text(certificate)) == ""
    assert "Oude adres" not in pdf_text(certificate)


def test_the_certificate_names_the_worker_as_sent_not_as_edited_later(
    engine, employer, employer_admin, employee, caseworker
):
    """The caseworker approves the request as sent (and sees that copy); a directory edit between
    sending and approval does not put unchecked data on the certificate."""
    request = make_request(employer, employee, employer_admin)
    factories.edit_employee(
        employer_admin,
        employee,
        family_name="Delporte-Janssens",
        birth_date=dt.date(1986, 8, 31),
        temp_street="Rue Neuve 1",
        temp_postal_code="1000",
        temp_town="Bruxelles",
        temp_country="BE",
    )
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    certificate = Certificate.objects.get(request=request)
    assert certificate.holder["family_name"] == "Delporte"
    assert certificate.holder["birth_date"] == "1985-07-30"
    assert certificate.holder["temp_street"] == ""  # no temporary address when it was sent
    text = pdf_text(certificate)
    assert "Delporte" in text and "1985-07-30" in text
    assert "Delporte-Janssens" not in text and "1986-08-31" not in text
