"""Small builders for test data. Plain functions with sensible defaults; override what a test is about."""

import datetime as dt
import itertools

from stdnum.nl import bsn

from accounts.models import Employee, EmploymentPeriod, Mandate, Membership, Organisation, User

_seq = itertools.count(1)
PASSWORD = "correct-horse-battery-staple"


def valid_bsn(n: int | None = None) -> str:
    """A BSN that passes the 11-proof, different for each call."""
    base = 10_000_000 + (n if n is not None else next(_seq)) * 7
    for last in range(10):
        candidate = f"{base:08d}{last}"
        if bsn.is_valid(candidate):
            return candidate
    return valid_bsn((n or 0) + 1 if n is not None else None)


def make_user(email=None, password=PASSWORD, **extra) -> User:
    email = email or f"user{next(_seq)}@example.test"
    extra.setdefault("first_name", "Test")
    extra.setdefault("last_name", "Person")
    return User.objects.create_user(email=email, password=password, **extra)


def make_caseworker(email=None, **extra) -> User:
    return make_user(email=email, is_staff=True, is_caseworker=True, **extra)


def make_employer(name=None, country="NL", status=Organisation.Status.ACTIVE, **extra) -> Organisation:
    n = next(_seq)
    extra.setdefault("kvk_number", f"{10000000 + n:08d}")
    extra.setdefault("street", "Damrak 1")
    extra.setdefault("postal_code", "1012 LG")
    extra.setdefault("town", "Amsterdam")
    return Organisation.objects.create(
        kind=Organisation.Kind.EMPLOYER,
        name=name or f"Employer {n} B.V.",
        country=country,
        status=status,
        **extra,
    )


def make_representative(name=None, country="NL", status=Organisation.Status.ACTIVE, **extra) -> Organisation:
    n = next(_seq)
    return Organisation.objects.create(
        kind=Organisation.Kind.REPRESENTATIVE,
        name=name or f"Tax Consultants {n}",
        country=country,
        status=status,
        **extra,
    )


def add_member(user, organisation, role=None) -> Membership:
    if role is None:
        role = (
            Membership.Role.EMPLOYER_ADMIN
            if organisation.kind == Organisation.Kind.EMPLOYER
            else Membership.Role.REPRESENTATIVE_STAFF
        )
    return Membership.objects.create(user=user, organisation=organisation, role=role)


def make_mandate(employer, representative, valid_from=None, valid_until=None, **extra) -> Mandate:
    return Mandate.objects.create(
        employer=employer,
        representative=representative,
        valid_from=valid_from or dt.date(2020, 1, 1),
        valid_until=valid_until,
        **extra,
    )


def make_employee(employer, family_name="Delporte", given_names="Anna", **extra) -> Employee:
    extra.setdefault("personal_number", valid_bsn())
    extra.setdefault("birth_date", dt.date(1985, 7, 30))
    extra.setdefault("nationality", "NL")
    extra.setdefault("street", "Kerkstraat 10")
    extra.setdefault("postal_code", "1017 GB")
    extra.setdefault("town", "Amsterdam")
    extra.setdefault("country", "NL")
    extra.setdefault("date_of_entry", dt.date(2015, 1, 1))
    extra.setdefault("sex", Employee.Sex.FEMALE)
    employee = Employee.objects.create(
        employer=employer, family_name=family_name, given_names=given_names, **extra
    )
    EmploymentPeriod.objects.create(employee=employee, start=employee.date_of_entry)
    return employee


def edit_employee(actor, employee, **data) -> Employee:
    """Change a directory entry as the personnel page does (through the service, periods kept)."""
    from accounts.services.personnel import employee_update

    periods = list(employee.employment_periods.values_list("start", "end"))
    return employee_update(actor=actor, employee=employee, data=data, periods=periods)
