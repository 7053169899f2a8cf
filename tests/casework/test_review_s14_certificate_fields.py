"""Fourteenth session's reading of the PD A1 with pdftotext against legislation.md 4.5 and 4.6: field
4.2 says which number it is, and 5.2 writes its address as 1.8 and 4.4 do (post code with the town,
the state's code after its name)."""

import pytest

from tests import factories
from tests.casework.test_certificate_pd_a1_fields import field
from tests.casework.test_certificate_pdf import approved, pdf_text

pytestmark = pytest.mark.django_db


def test_field_4_2_names_the_kind_of_number(engine, employer, employer_admin, employee, caseworker):
    text = pdf_text(approved(engine, employer, employee, caseworker, employer_admin))
    assert f"KvK number: {employer.kvk_number}" in field(text, "4.2")


def test_field_4_2_names_a_payroll_tax_number_in_the_certificates_language(
    engine, employer_admin, caseworker
):
    employer = factories.make_employer(name="Loon B.V.", kvk_number="", payroll_tax_number="123456782L01")
    factories.add_member(employer_admin, employer)
    worker = factories.make_employee(employer)
    text = pdf_text(approved(engine, employer, worker, caseworker, employer_admin, language="nl"))
    assert "Loonheffingennummer: 123456782L01" in field(text, "4.2")


def test_field_5_2_keeps_post_code_and_town_together_and_gives_the_state_code(
    engine, employer, employer_admin, employee, caseworker
):
    text = pdf_text(approved(engine, employer, employee, caseworker, employer_admin, places=2))
    assert field(text, "5.2").endswith("Rue Haute 10, 1000 Bruxelles, Belgium (BE)")
