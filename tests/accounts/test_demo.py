import re
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse
from stdnum.nl import bsn

from accounts.models import AuditEvent, Employee, EmploymentPeriod, Mandate, Membership, Organisation, User
from accounts.permissions import employers_for
from casework.models import Certificate
from postings.models import CoverageRequest
from postings.status import Decision, Status

# Transactional: the demo's requests are validated and certified by the tasks that run after each
# commit, as under `make run`.
pytestmark = pytest.mark.django_db(transaction=True)
MODELS = [
    Organisation,
    User,
    Membership,
    Mandate,
    Employee,
    EmploymentPeriod,
    AuditEvent,
    CoverageRequest,
    Certificate,
]


def test_load_demo_twice_changes_nothing(capsys):
    call_command("load_demo")
    counts = {m: m.objects.count() for m in MODELS}
    call_command("load_demo")
    assert {m: m.objects.count() for m in MODELS} == counts
    out = capsys.readouterr().out
    assert "demo-portal-2026" in out and "caseworker@demo.test" in out and "otpauth://" in out


def test_demo_data_is_what_the_demo_needs():
    call_command("load_demo")
    employer = Organisation.objects.get(name="Van Dijk Bouw B.V.")
    assert employer.status == Organisation.Status.ACTIVE and employer.kvk_number == "12345678"
    employees = Employee.objects.filter(employer=employer)
    assert employees.count() == 5
    assert all(bsn.is_valid(e.personal_number) for e in employees)
    assert employees.filter(family_name="Delporte").exists()
    assert employees.exclude(temp_street="").count() == 1
    consultant = User.objects.get(email="consultant@demo.test")
    assert employers_for(consultant).count() == 2
    assert User.objects.get(email="caseworker@demo.test").check_password("demo-portal-2026")


def test_the_demo_employer_finds_a_request_in_each_state_and_a_real_certificate(client, capsys, tmp_path):
    call_command("load_demo")
    employer = Organisation.objects.get(name="Van Dijk Bouw B.V.")
    requests = {r.employee.family_name: r for r in CoverageRequest.objects.filter(employer=employer)}
    assert (requests["Delporte"].status, requests["Delporte"].decision) == (Status.CLOSED, Decision.APPROVED)
    assert requests["de Jong"].status == Status.IN_REVIEW  # validated by the engine, waiting for a caseworker
    assert requests["de Jong"].determination["legislation"] == "NL"
    assert (requests["Bakker"].status, requests["Bakker"].decision) == (Status.CLOSED, Decision.REJECTED)
    assert requests["Visser"].status == Status.DRAFT

    certificate = Certificate.objects.get(request=requests["Delporte"])
    pdf = tmp_path / "a1.pdf"
    pdf.write_bytes(certificate.pdf.read())
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "DELPORTE" in text.upper() and certificate.number in text

    out = capsys.readouterr().out
    assert f"number {certificate.number}, date of birth 1985-07-30" in out
    page = client.post(reverse("casework:verify"), {"number": certificate.number, "birth_date": "1985-07-30"})
    assert re.search(r"<h1>\s*This certificate is valid\s*</h1>", page.content.decode())
