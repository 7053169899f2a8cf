"""Demo data for `make run`. Idempotent: running it twice changes nothing.

People and organisations here; the demo's requests (one approved with its certificate, one in
review, one rejected, a draft) in postings/demo_requests.py.

The issuing institution is NL. Logins (all with the password DEMO_PASSWORD) are printed at the end.
"""

import datetime as dt
from base64 import b32encode

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from stdnum.nl import bsn

from accounts.models import Employee, EmploymentPeriod, Mandate, Membership, Organisation, User
from postings.demo_requests import load_demo_requests

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - printed on the terminal on purpose; demo only
# A fixed authenticator key, so the caseworker's app keeps working after the demo is loaded again.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"


def bsn_from(prefix: str) -> str:
    """The first valid BSN that starts with the 8 digits `prefix` (python-stdnum checks it)."""
    for last in range(10):
        if bsn.is_valid(prefix + str(last)):
            return prefix + str(last)
    return bsn_from(str(int(prefix) + 1))


EMPLOYEES = [
    # family name, given names, BSN, birth date, sex, entry, periods, temporary address
    (
        "Delporte",
        "Anna",
        "111222333",
        dt.date(1985, 7, 30),
        "F",
        dt.date(2015, 1, 1),
        [(dt.date(2015, 1, 1), None)],
        None,
    ),
    (
        "de Jong",
        "Pieter",
        "123456782",
        dt.date(1979, 3, 12),
        "M",
        dt.date(2010, 6, 1),
        [(dt.date(2010, 6, 1), dt.date(2014, 12, 31)), (dt.date(2016, 1, 1), None)],
        None,
    ),
    (
        "Bakker",
        "Sanne",
        None,
        dt.date(1992, 11, 2),
        "F",
        dt.date(2019, 9, 1),
        [(dt.date(2019, 9, 1), None)],
        ("Avenue Louise 120", "1050", "Brussel", "BE"),
    ),
    (
        "Visser",
        "Mohamed",
        None,
        dt.date(1988, 5, 21),
        "M",
        dt.date(2021, 2, 15),
        [(dt.date(2021, 2, 15), None)],
        None,
    ),
    (
        "Smit",
        "Lotte",
        None,
        dt.date(1996, 8, 9),
        "F",
        dt.date(2023, 4, 1),
        [(dt.date(2023, 4, 1), None)],
        None,
    ),
]


class Command(BaseCommand):
    help = "Load idempotent demo data: employers, a representative firm, employees, logins."

    def _user(self, email, first, last, **flags):
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first, "last_name": last, **flags}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        return user

    def _org(self, name, kind, **fields):
        org, _ = Organisation.objects.get_or_create(
            name=name, kind=kind, defaults={"status": Organisation.Status.ACTIVE, "country": "NL", **fields}
        )
        return org

    def handle(self, *args, **options):
        employer, admin, caseworker = self._people()
        # The demo's notifications are in the inbox; the terminal shows the logins, not e-mails.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            made = load_demo_requests(
                employer=employer, actor=admin, caseworker=caseworker, today=timezone.localdate()
            )
        self._report(made)

    @transaction.atomic
    def _people(self):
        employer = self._org(
            "Van Dijk Bouw B.V.",
            Organisation.Kind.EMPLOYER,
            kvk_number="12345678",
            payroll_tax_number="123456782L01",
            street="Stationsplein 12",
            postal_code="3511 ED",
            town="Utrecht",
        )
        second = self._org(
            "Hollandse Transport B.V.",
            Organisation.Kind.EMPLOYER,
            kvk_number="23456789",
            rsin="111222333",
            street="Havenweg 4",
            postal_code="3089 JH",
            town="Rotterdam",
        )
        firm = self._org(
            "Fiscaal Advies B.V.",
            Organisation.Kind.REPRESENTATIVE,
            kvk_number="34567890",
            street="Keizersgracht 100",
            postal_code="1015 CV",
            town="Amsterdam",
        )
        admin = self._user("employer@demo.test", "Eva", "de Vries")
        filer = self._user("filer@demo.test", "Frank", "Mulder")
        consultant = self._user("consultant@demo.test", "Rob", "Jansen")
        transport = self._user("transport@demo.test", "Tessa", "Kok")
        caseworker = self._user("caseworker@demo.test", "Kees", "Bakker", is_staff=True, is_caseworker=True)
        superuser = self._user("admin@demo.test", "Ada", "Admin", is_staff=True, is_superuser=True)

        for user, org, role, org_admin in [
            (admin, employer, Membership.Role.EMPLOYER_ADMIN, False),
            (filer, employer, Membership.Role.EMPLOYER_FILER, False),
            (transport, second, Membership.Role.EMPLOYER_ADMIN, False),
            (consultant, firm, Membership.Role.REPRESENTATIVE_STAFF, True),
        ]:
            Membership.objects.get_or_create(
                user=user, organisation=org, defaults={"role": role, "is_org_admin": org_admin}
            )
        for mandator in (employer, second):
            Mandate.objects.get_or_create(
                employer=mandator,
                representative=firm,
                defaults={"valid_from": dt.date(2024, 1, 1), "granted_by": admin},
            )

        prefixes = iter(["22233344", "33344455", "44455566"])
        for family, given, number, birth, sex, entry, periods, temp in EMPLOYEES:
            number = number or bsn_from(next(prefixes))
            if Employee.objects.filter(employer=employer, personal_number=number).exists():
                continue
            extra = {}
            if temp:
                extra = dict(
                    zip(("temp_street", "temp_postal_code", "temp_town", "temp_country"), temp, strict=True)
                )
            employee = Employee.objects.create(
                employer=employer,
                personal_number=number,
                family_name=family,
                given_names=given,
                birth_date=birth,
                sex=sex,
                nationality="NL",
                street="Oudegracht 1",
                postal_code="3511 AA",
                town="Utrecht",
                country="NL",
                date_of_entry=entry,
                **extra,
            )
            for start, end in periods:
                EmploymentPeriod.objects.create(employee=employee, start=start, end=end)

        for user in (caseworker, superuser):
            TOTPDevice.objects.get_or_create(
                user=user, name="Demo authenticator", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
            )
        return employer, admin, caseworker

    def _report(self, made: list[str]):
        device = TOTPDevice.objects.get(user__email="caseworker@demo.test", name="Demo authenticator")
        secret = b32encode(device.bin_key).decode()
        token = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
        rows = [
            ("employer@demo.test", "Employer administrator, Van Dijk Bouw B.V."),
            ("filer@demo.test", "Employer filer, Van Dijk Bouw B.V."),
            ("transport@demo.test", "Employer administrator, Hollandse Transport B.V."),
            ("consultant@demo.test", "Representative staff (firm admin), Fiscaal Advies B.V."),
            ("caseworker@demo.test", "Caseworker (second factor required)"),
            ("admin@demo.test", "Superuser (second factor required)"),
        ]
        out = self.stdout
        out.write("")
        out.write(f"{'Login':<24} {'Password':<18} Role")
        out.write(f"{'-' * 24} {'-' * 18} {'-' * 50}")
        for email, role in rows:
            out.write(f"{email:<24} {DEMO_PASSWORD:<18} {role}")
        out.write("")
        out.write(f"Authenticator key for caseworker@demo.test and admin@demo.test: {secret}")
        out.write(f"otpauth URL: {device.config_url}")
        out.write(
            f"Code right now: {token} (changes every 30 s; `python manage.py load_demo` prints a fresh one)"
        )
        for line in made:
            out.write(line)
