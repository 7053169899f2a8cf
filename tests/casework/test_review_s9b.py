"""Review s9B: the generated PD A1 against legislation.md section 4 (read back from the real PDF)."""

import datetime as dt

import pytest

from tests.casework.builders import posting_answers
from tests.casework.test_certificate_pd_a1_fields import field
from tests.casework.test_certificate_pdf import approved, pdf_text

pytestmark = pytest.mark.django_db


def _one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "language, words",
    [
        ("en", ["European Health Insurance Card (EHIC)", "portable document S1", "benefits in kind"]),
        ("nl", ["Europese ziekteverzekeringskaart (EHIC)", "draagbare document S1", "verstrekkingen"]),
        (
            "fr",
            ["carte européenne d'assurance maladie (CEAM)", "document portable S1", "prestations en nature"],
        ),
        ("de", ["Europäische Krankenversicherungskarte (EKVK)", "portablen Dokument S1", "Sachleistungen"]),
    ],
)
def test_header_carries_the_information_note_to_the_holder(
    engine, employer, employer_admin, employee, caseworker, language, words
):
    """legislation.md 4.1: the header has an information note to the holder (benefits in kind, EHIC,
    S1), in the certificate's language."""
    text = _one_line(
        pdf_text(approved(engine, employer, employee, caseworker, employer_admin, language=language))
    )
    for word in words:
        assert word in text


def test_section_6_has_the_fax_field(settings, engine, employer, employer_admin, employee, caseworker):
    """legislation.md 4.7: 6.7 is the office fax number, between the address and the telephone."""
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "fax": "+31 20 656 0000"}
    text = pdf_text(approved(engine, employer, employee, caseworker, employer_admin))
    assert "+31 20 656 0000" in field(text, "6.7")
    lines = [
        line.split()[0]
        for line in text.splitlines()
        if line.strip().startswith("6.") and line.split()[0] != "6."
    ]
    assert lines == ["6.1", "6.2", "6.6", "6.7", "6.8", "6.10"]


CIVIL_SERVANT = {"relationship": {"classification": "civil_servant"}}


@pytest.mark.parametrize("kind", ["posting", "simultaneous"])
def test_without_an_engine_result_a_civil_servant_gets_box_3_5(
    engine, employer, employer_admin, employee, caseworker, kind
):
    """legislation.md 4.4 (3.5: civil servant, 883 Art. 11(3)(b)) and 4.8 (11(3)(b) -> 3.5, 2.5 not
    ticked): a request decided by hand (the engine could not be run) for a civil servant does not
    certify a posted employee (3.1) or an employee in two or more states (3.2)."""
    engine.errors = [{"field": "work", "message": "invalid"}]
    answers = posting_answers(dt.date(2027, 3, 1), dt.date(2027, 12, 31)) if kind == "posting" else {}
    answers["relationship"] = CIVIL_SERVANT["relationship"]
    certificate = approved(engine, employer, employee, caseworker, employer_admin, type=kind, answers=answers)
    assert certificate.request.determination is None
    text = pdf_text(certificate)
    ticked = [line for line in text.splitlines() if "☒ 3." in line]
    assert len(ticked) == 1 and "☒ 3.5 Civil servant" in ticked[0]
    assert not certificate.provisional and "☐" in field(text, "2.5")
