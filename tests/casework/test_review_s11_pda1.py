"""Review s11-c: the PD A1 the portal prints, field by field, against legislation.md section 4.

Blind review: the expectations below were written from legislation.md 4.1-4.8 (and
contracts/determination.md) before the portal's output was read. The "engine" is the whole path:
a request is sent, determined by the real engine (rules.determine through postings.situation) or,
where the engine cannot be run, decided by a caseworker by hand; it is approved, and its certificate
PDF is read back as text with pdftotext. Outcomes the wizards cannot produce (13(3), 13(4), Art. 15,
12(2), an Art. 87(8) transition) are given to the certificate through a stand-in determination, to
check the mapping of legislation.md 4.8 on the printed form.
"""

import datetime as dt
import subprocess

import pytest
from django.utils import timezone

from casework.certificate_labels import LABELS
from casework.models import Certificate
from postings.models import PlaceOfWork
from postings.services.decisions import request_decide
from postings.services.lifecycle import request_submit
from tests import factories
from tests.casework.builders import committed, determination, make_request, posting_answers
from tests.casework.test_certificate_pdf import pdf_text

pytestmark = pytest.mark.django_db

START, END = dt.date(2027, 3, 1), dt.date(2027, 12, 31)


# --- helpers -------------------------------------------------------------------------------------


def one_line(text: str) -> str:
    return " ".join(text.split())


def line_of(text: str, number: str) -> str:
    """The printed line of field `number` ("2.5"), as pdftotext -layout lays it out."""
    return next(line for line in text.splitlines() if line.strip().startswith(number + " "))


def ticked_boxes(text: str) -> list[str]:
    """The section 3 boxes printed ticked ("3.10"): legislation.md 4.4, tick one."""
    boxes = []
    for line in text.splitlines():
        parts = line.split("☒ 3.")
        for part in parts[1:]:
            boxes.append("3." + part.split()[0])
    return boxes


def request_with(employer, employee, user, *, kind, answers, places, language="en"):
    """A request sent as the wizard sends it: answers (what the engine's situation reads) and the
    places of work (what section 5 prints)."""
    request = make_request(
        employer, employee, user, type=kind, places=0, submit=False, answers=answers, language=language
    )
    for seq, place in enumerate(places, start=1):
        PlaceOfWork.objects.create(request=request, seq=seq, **place)
    with committed():
        return request_submit(actor=user, request=request)


def approve(request, caseworker) -> Certificate:
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    return Certificate.objects.get(request=request)


def period(start=START, end=END) -> dict:
    return {"start": start.isoformat(), "end": end.isoformat()}


def multi_state_answers(classification: str, shares: dict[str, int], **relationship) -> dict:
    return {
        "relationship": {"classification": classification, **relationship},
        "period": period(),
        "places": {
            "places": [
                {"country": state, "location_type": "company", "name": f"Site {state}", "time_pct": pct}
                for state, pct in shares.items()
            ]
        },
    }


def multi_state_places(shares: dict[str, int]) -> list[dict]:
    return [
        {
            "country": state,
            "location_type": "company",
            "name": f"Site {state}",
            "street": "Hoofdweg",
            "house_number": "1",
            "town": "Stad",
            "time_pct": pct,
        }
        for state, pct in shares.items()
    ]


def seafarer_answers(flag: str, classification: str = "transport_sea") -> dict:
    answers = posting_answers(START, END, flag)
    del answers["places"]
    answers["relationship"] = {"classification": classification}
    answers["ship"] = {"name": "Stella Maris", "imo_number": "9074729", "flag_state": flag}
    return answers


SHIP = {
    "location_type": "ocean_vessel",
    "name": "Stella Maris",
    "imo_number": "9074729",
}


# --- 4.2-4.7: every field of a posting decided by the engine ---------------------------------------


def test_every_field_of_a_posting_decided_by_the_engine(employer, employer_admin, caseworker):
    """legislation.md 4.2-4.7 on one engine-decided posting (NL employer posts a Belgian national
    living in NL to BE; 883 Art. 12(1)). Expected, field by field:
    1.1 the issuing state's personal number and the sex box; 1.2/1.3 names; 1.4 the birth name
    (differs); 1.5 date of birth; 1.6 nationality with its code; 1.7 place of birth; 1.8 address in
    the residence state; 1.9 the address in the state of stay as the request answered it;
    2.1 NL (the sending state, 4.8 row 12(1)); 2.2/2.3 the period; 2.4/2.5/2.6 not ticked;
    3.1 the only box ticked; 4.1 employed; 4.2 the employer's number; 4.3 name; 4.4 address;
    5.1/5.2 the place and its address, 5.3 not ticked; 6.1 name, 6.2 address, 6.6 institution ID,
    6.7 fax blank (the institution has none), 6.8 phone, 6.9 e-mail, 6.10 date of issue,
    6.11 signature line."""
    worker = factories.make_employee(
        employer,
        family_name="Martens",
        given_names="Pieter Jan",
        family_name_at_birth="Claes",
        birth_date=dt.date(1979, 2, 14),
        birth_place="Leuven",
        nationality="BE",
        sex="M",
    )
    answers = posting_answers(START, END, "BE")
    answers["address"] = {
        "temp_differs": True,
        "temp_street": "Rue Haute",
        "temp_number": "5",
        "temp_postal_code": "1000",
        "temp_town": "Bruxelles",
        "temp_country": "BE",
    }
    request = request_with(
        employer,
        worker,
        employer_admin,
        kind="posting",
        answers=answers,
        places=[
            {
                "country": "BE",
                "location_type": "company",
                "name": "Bouwbedrijf 1 NV",
                "street": "Rue de la Loi",
                "house_number": "16",
                "postal_code": "1040",
                "town": "Bruxelles",
            }
        ],
    )
    request.refresh_from_db()
    assert request.determination["provision"] == {"instrument": "883/2004", "article": "12(1)"}
    certificate = approve(request, caseworker)
    text = pdf_text(certificate)

    assert f"{worker.personal_number} Sex: ☐ Female ☒ Male" in line_of(text, "1.1")
    assert line_of(text, "1.2").split("Surname(s)")[1].strip() == "Martens"
    assert line_of(text, "1.3").split("Forename(s)")[1].strip() == "Pieter Jan"
    assert line_of(text, "1.4").split("Surname(s) at birth")[1].strip() == "Claes"
    assert line_of(text, "1.5").split("Date of birth")[1].strip() == "1979-02-14"
    assert line_of(text, "1.6").split("Nationality")[1].strip() == "Belgium (BE)"
    assert line_of(text, "1.7").split("Place of birth")[1].strip() == "Leuven"
    assert "Kerkstraat 10, 1017 GB Amsterdam, Netherlands (NL)" in line_of(text, "1.8")
    assert "Rue Haute 5, 1000 Bruxelles, Belgium (BE)" in line_of(text, "1.9")

    assert line_of(text, "2.1").split("Member State")[1].strip() == "Netherlands (NL)"
    assert line_of(text, "2.2").split("Starting date")[1].strip() == "2027-03-01"
    assert line_of(text, "2.3").split("Ending date")[1].strip() == "2027-12-31"
    for box in ("2.4", "2.5", "2.6"):
        assert "☐" in line_of(text, box) and "☒" not in line_of(text, box)

    assert ticked_boxes(text) == ["3.1"]

    assert "☒ Employed ☐ Self-employed" in line_of(text, "4.1")
    assert employer.registration_number in line_of(text, "4.2")
    assert "Van Dijk Bouw B.V." in line_of(text, "4.3")
    assert "Damrak 1, 1012 LG Amsterdam, Netherlands (NL)" in line_of(text, "4.4")

    assert "Bouwbedrijf 1 NV" in line_of(text, "5.1")
    assert "Rue de la Loi 16, 1040 Bruxelles, Belgium (BE)" in line_of(text, "5.2")
    assert "☐" in line_of(text, "5.3") and "☒" not in line_of(text, "5.3")

    assert "Sociale Verzekeringsbank" in line_of(text, "6.1")
    assert "Van Heuven Goedhartlaan 1, 1181 LE Amstelveen" in line_of(text, "6.2")
    assert "NL:SVB01" in line_of(text, "6.6")
    assert line_of(text, "6.7").split("Fax")[1].strip() == ""
    assert "+31 20 656 5656 · a1@svb.example" in line_of(text, "6.8")
    issued = timezone.localdate(certificate.issued_at).isoformat()
    assert issued in one_line(text.split("6.10", 1)[1])


# --- 4.4 and 4.8: each status box from a real engine outcome ---------------------------------------

ENGINE_OUTCOMES = [
    # (name, kind, answers, places, article prefix, box, 2.5 ticked, 4.1 self-employed)
    (
        "posted employed 12(1)",
        "posting",
        posting_answers(START, END, "BE"),
        [{"country": "BE", "location_type": "company", "name": "Bouwbedrijf 1 NV"}],
        "12(1)",
        "3.1",
        False,
        False,
    ),
    (
        "posted civil servant 11(3)(b)",
        "posting",
        {**posting_answers(START, END, "BE"), "relationship": {"classification": "civil_servant"}},
        [{"country": "BE", "location_type": "company", "name": "Ambassade"}],
        "11(3)(b)",
        "3.5",
        False,
        False,
    ),
    (
        "multi-state employed 13(1)",
        "simultaneous",
        multi_state_answers("employed", {"NL": 50, "BE": 50}),
        multi_state_places({"NL": 50, "BE": 50}),
        "13(1)",
        "3.2",
        True,
        False,
    ),
    (
        "multi-state self-employed 13(2)",
        "simultaneous",
        multi_state_answers("self_employed", {"NL": 40, "DE": 60}),
        multi_state_places({"NL": 40, "DE": 60}),
        "13(2)",
        "3.4",
        True,
        True,
    ),
    (
        "civil servant in two states 11(3)(b)",
        "simultaneous",
        multi_state_answers("civil_servant", {"NL": 50, "BE": 50}),
        multi_state_places({"NL": 50, "BE": 50}),
        "11(3)(b)",
        "3.5",
        False,
        False,
    ),
    (
        "flight crew, home base NL, in two states 13(1) with 11(5)",
        "simultaneous",
        multi_state_answers("transport_air", {"NL": 50, "BE": 50}, home_base="NL"),
        multi_state_places({"NL": 50, "BE": 50}),
        "13(1)",
        "3.10",
        True,
        False,
    ),
    (
        "multi-state employed, not in the residence state: 13(1)(b)(i)",
        "simultaneous",
        multi_state_answers("employed", {"DE": 50, "BE": 50}),
        multi_state_places({"DE": 50, "BE": 50}),
        "13(1)(b)(i)",
        "3.2",
        True,
        False,
    ),
    (
        "flight crew, home base NL, in one state: 11(5)",
        "simultaneous",
        multi_state_answers("transport_air", {"NL": 100}, home_base="NL"),
        multi_state_places({"NL": 100}),
        "11(5)",
        "3.10",
        False,
        False,
    ),
    (
        "works in NL only, asked: 11(3)(a)",
        "simultaneous",
        multi_state_answers("employed", {"NL": 100}),
        multi_state_places({"NL": 100}),
        "11(3)(a)",
        "3.12",
        False,
        False,
    ),
    (
        "seafarer on a Dutch-flag vessel 11(4)",
        "seafarer",
        seafarer_answers("NL"),
        [{**SHIP, "country": "NL", "flag_state": "NL"}],
        "11(4)",
        "3.7",
        False,
        False,
    ),
    (
        "seafarer on a Maltese-flag vessel paid from NL, living in NL: 11(4) second sentence",
        "seafarer",
        seafarer_answers("MT"),
        [{**SHIP, "country": "MT", "flag_state": "MT"}],
        "11(4)",
        "3.7",
        False,
        False,
    ),
]


@pytest.mark.parametrize(
    "kind, answers, places, article, box, provisional, self_employed",
    [case[1:] for case in ENGINE_OUTCOMES],
    ids=[case[0] for case in ENGINE_OUTCOMES],
)
def test_status_box_from_a_real_engine_outcome(
    employer,
    employer_admin,
    employee,
    caseworker,
    kind,
    answers,
    places,
    article,
    box,
    provisional,
    self_employed,
):
    """legislation.md 4.4 (tick one) and 4.8 (2.1, 2.5, section 3 per engine result), 4.5 (4.1)."""
    request = request_with(employer, employee, employer_admin, kind=kind, answers=answers, places=places)
    request.refresh_from_db()
    found = request.determination
    assert found["legislation"] == "NL" and found["provision"]["article"].startswith(article), found
    text = pdf_text(approve(request, caseworker))
    assert ticked_boxes(text) == [box]
    assert text.count("☐ 3.") == 11
    assert "Netherlands (NL)" in line_of(text, "2.1")
    assert ("☒" in line_of(text, "2.5")) is provisional
    assert "☐" in line_of(text, "2.6")
    expected_4_1 = "☐ Employed ☒ Self-employed" if self_employed else "☒ Employed ☐ Self-employed"
    assert expected_4_1 in line_of(text, "4.1")


def test_a_seafarers_ship_is_named_with_its_flag_in_5_1(employer, employer_admin, employee, caseworker):
    """legislation.md 4.6 (5.1: name of the ship where the work is done, with its flag state) and 4.8
    (11(4) -> 3.7): the seafarer wizard's ship step becomes the place of work."""
    request = request_with(
        employer,
        employee,
        employer_admin,
        kind="seafarer",
        answers=seafarer_answers("MT"),
        places=[{**SHIP, "country": "MT", "flag_state": "MT"}],
    )
    text = pdf_text(approve(request, caseworker))
    assert "Stella Maris (Malta)" in line_of(text, "5.1")


# --- 4.8: rows the wizards cannot reach, through a stand-in determination ---------------------------


def transitional_1408(article="14(1)(a)", code="01"):
    found = determination(article=article, code=code)
    found["provision"] = {"instrument": "1408/71", "article": article}
    found["transitional"] = {"instrument": "883/2004", "article": "87(8)"}
    return found


STAND_IN_ROWS = [
    # (4.8 row, determination, box, 2.5, 2.6, 4.1 self-employed)
    ("12(2)", determination(article="12(2)", code="03"), "3.3", False, False, True),
    ("987 14(11)", determination(article="14(11)", code="02", provisional=True), "3.2", True, False, False),
    ("13(3)", determination(article="13(3)", code="08", provisional=True), "3.8", True, False, None),
    ("13(4)", determination(article="13(4)", code="09", provisional=True), "3.9", True, False, False),
    ("15", determination(article="15", code="06"), "3.6", False, False, False),
    ("87(8) posting kept", transitional_1408(), "3.1", False, True, False),
    ("87(8) multi-state kept", transitional_1408("14(2)(b)(i)", "02"), "3.2", False, True, False),
]


@pytest.mark.parametrize(
    "found, box, provisional, transitional, self_employed",
    [row[1:] for row in STAND_IN_ROWS],
    ids=[row[0] for row in STAND_IN_ROWS],
)
def test_mapping_rows_the_wizards_cannot_reach(
    engine,
    employer,
    employer_admin,
    employee,
    caseworker,
    found,
    box,
    provisional,
    transitional,
    self_employed,
):
    """legislation.md 4.8: 2.5 "yes until definitive" for 13(1)/14(11), 13(3), 13(4); "no" for 12(2)
    and Art. 15; an Art. 87(8) transition ticks 2.6, not 2.5, and the box of the underlying
    situation. One box ticked (4.4)."""
    engine.result = found
    request = make_request(employer, employee, employer_admin)
    text = pdf_text(approve(request, caseworker))
    assert ticked_boxes(text) == [box]
    assert ("☒" in line_of(text, "2.5")) is provisional
    assert ("☒" in line_of(text, "2.6")) is transitional
    if self_employed is not None:
        expected = "☐ Employed ☒ Self-employed" if self_employed else "☒ Employed ☐ Self-employed"
        assert expected in line_of(text, "4.1")


# --- decided by a caseworker by hand (the engine could not be run) ----------------------------------


def test_by_hand_aircrew_in_two_states_get_box_3_10_and_a_provisional_determination(
    engine, employer, employer_admin, employee, caseworker
):
    """legislation.md 4.4 (3.10: flight or cabin crew member, 883 Art. 11(5)) and 4.8 (11(5) -> 3.10;
    2.5 "no, unless also under Art. 13 and not yet definitive"). The engine certifies aircrew working
    in two states so (13(1) with 11(5): box 3.10, provisional); a request for the same worker decided
    by hand must not certify an ordinary employee in two states (3.2) instead."""
    engine.errors = [{"field": "work", "message": "invalid"}]
    shares = {"NL": 50, "BE": 50}
    request = request_with(
        employer,
        employee,
        employer_admin,
        kind="simultaneous",
        answers=multi_state_answers("transport_air", shares, home_base="NL"),
        places=multi_state_places(shares),
    )
    certificate = approve(request, caseworker)
    assert certificate.request.determination is None
    text = pdf_text(certificate)
    assert ticked_boxes(text) == ["3.10"]
    assert certificate.provisional and "☒" in line_of(text, "2.5")
    # R987 Art. 16(2): an Art. 13 decision goes to the other states as an A003, as the engine's would.
    from casework.services.host_state import sed_type

    assert sed_type(certificate) == "A003"


def test_by_hand_a_seafarer_gets_box_3_7_not_provisional(
    engine, employer, employer_admin, employee, caseworker
):
    """legislation.md 4.4 (3.7 mariner) and 4.8 (11(4): 2.5 no)."""
    engine.errors = [{"field": "work", "message": "invalid"}]
    request = request_with(
        employer,
        employee,
        employer_admin,
        kind="seafarer",
        answers=seafarer_answers("NL"),
        places=[{**SHIP, "country": "NL", "flag_state": "NL"}],
    )
    certificate = approve(request, caseworker)
    text = pdf_text(certificate)
    assert ticked_boxes(text) == ["3.7"]
    assert not certificate.provisional and "☐" in line_of(text, "2.5")


# --- 4.1 and 4.2-4.7 in each certificate language; dates as 4 writes them ---------------------------

ENGLISH_FIELD_LABELS = [
    "Personal identification number",
    "Female",
    "Surname(s)",
    "Forename(s)",
    "Date of birth",
    "Place of birth",
    "Address in the state of residence",
    "Address in the state of stay",
    "Member State",
    "Starting date",
    "Ending date",
    "The determination is provisional",
    "Transitional rules apply",
    "Self-employed",
    "Identification number",
    "Registered address",
    "Company or ship",
    "No fixed address",
    "Institution ID",
    "Telephone",
    "Provisional determination",
    "Document number",
    "Check this certificate",
]


@pytest.mark.parametrize("language", ["en", "nl", "fr", "de"])
def test_each_language_prints_the_whole_form_in_that_language(
    employer, employer_admin, employee, caseworker, language
):
    """legislation.md 4.1 (institutions issue the form in their own language; same structure
    everywhere; the header, the title, the regulations and the note to the holder) and 4.2-4.7: an
    engine-decided Art. 13 certificate (provisional) in each language has every heading, every
    status box and every field label in that language, and the dates (1.5, 2.2, 2.3, 6.10) as
    dates, written the same way in every language."""
    shares = {"NL": 50, "BE": 50}
    request = request_with(
        employer,
        employee,
        employer_admin,
        kind="simultaneous",
        answers=multi_state_answers("employed", shares),
        places=multi_state_places(shares),
        language=language,
    )
    certificate = approve(request, caseworker)
    assert certificate.language == language and certificate.provisional
    text = pdf_text(certificate)
    flat = one_line(text)
    labels = LABELS[language]
    for key in ("document", "title", "regulations", "note", "s1", "s2", "s3", "s4", "s5", "s6"):
        assert labels[key] in flat, key
    for i, status in enumerate(labels["status"], start=1):
        assert f"3.{i} {status.split()[0]}" in text
    assert ticked_boxes(text) == ["3.2"]
    if language != "en":
        for label in ENGLISH_FIELD_LABELS:
            assert label not in text, label
    assert "1985-07-30" in line_of(text, "1.5")
    assert "2027-03-01" in line_of(text, "2.2")
    assert "2027-12-31" in line_of(text, "2.3")
    assert timezone.localdate(certificate.issued_at).isoformat() in one_line(text.split("6.10", 1)[1])


# --- nothing printed that section 4 does not list and that should not be there ----------------------


def test_the_pdf_prints_no_data_that_section_4_does_not_list(employer, employer_admin, caseworker):
    """legislation.md 4.2-4.7 list what the form carries. The personal number is printed once (1.1);
    the employer's other numbers, the request's free texts (mission, remarks), the worker's date of
    entry into service and the people who filed or decided the request are not on the form; the
    PDF's metadata carry the document's title and number only."""
    employer.rsin = "123456782"
    employer.payroll_tax_number = "123456782L01"
    employer.save()
    worker = factories.make_employee(employer, date_of_entry=dt.date(2016, 4, 11))
    answers = posting_answers(START, END, "BE")
    answers["conditions"]["mission"] = "Confidential tender for client Q"
    request = request_with(
        employer,
        worker,
        employer_admin,
        kind="posting",
        answers=answers,
        places=[{"country": "BE", "location_type": "company", "name": "Bouwbedrijf 1 NV"}],
    )
    certificate = approve(request, caseworker)
    text = pdf_text(certificate)
    assert text.count(worker.personal_number) == 1 and worker.personal_number in line_of(text, "1.1")
    for absent in (
        "123456782",
        "Confidential tender",
        "2016-04-11",
        "de Vries",
        "admin@vandijk.test",
        "caseworker@svb.test",
        "Kees",
        request.transaction_number,
    ):
        assert absent not in text, absent
    info = subprocess.run(
        ["/usr/bin/pdfinfo", certificate.pdf.path], capture_output=True, text=True, check=True
    ).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip() == f"PORTABLE DOCUMENT A1 {certificate.number}"
    assert not {"Author", "Subject", "Keywords", "Creator"} & set(fields)


@pytest.mark.parametrize("language", ["en", "nl", "fr", "de"])
def test_each_field_of_section_6_is_printed_on_the_page_of_its_label(
    employer, employer_admin, employee, caseworker, language
):
    """legislation.md 4.7 (6.10 date, 6.11 signature): the date of issue and the signature line are
    printed beside their label. A field's label on one page and its value on the next leaves the
    institution's part of the first page undated and unsigned."""
    certificate = approve(make_request(employer, employee, employer_admin, language=language), caseworker)
    pages = pdf_text(certificate).split("\f")
    (page,) = [p for p in pages if "6.10" in p]
    assert timezone.localdate(certificate.issued_at).isoformat() in page
