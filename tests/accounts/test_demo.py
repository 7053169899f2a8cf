import pytest
from django.core.management import call_command
from stdnum.nl import bsn

from accounts.models import AuditEvent, Employee, EmploymentPeriod, Mandate, Membership, Organisation, User
from accounts.permissions import employers_for

pytestmark = pytest.mark.django_db
MODELS = [Organisation, User, Membership, Mandate, Employee, EmploymentPeriod, AuditEvent]


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
