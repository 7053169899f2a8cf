"""Seed PostgreSQL for the load benchmark, fast: employers, their admins (one password hash for all),
personnel, N sent requests with their consult columns set directly (COPY), a few certificates per
employer (all pointing at one real PDF), one API token per employer.

    python benchmarks/seed.py --total 100000 --employers 1000 --out state.json

Running it again with a larger --total adds requests up to that total (the load benchmark measures
the consult page at 10,000 rows, then grows the table to 100,000). Writes what the load clients need
(logins, API tokens, employee ids, certificate ids and numbers) to --out as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Employee, EmploymentPeriod, Membership, Organisation, User  # noqa: E402
from api.models import ApiToken  # noqa: E402
from api.services.tokens import hash_key  # noqa: E402
from benchmarks._common import PASSWORD  # noqa: E402
from casework.models import Certificate  # noqa: E402
from postings.models import CoverageRequest  # noqa: E402

EMPLOYEES_PER_EMPLOYER = 20
CERTIFICATES_PER_EMPLOYER = 3
FAMILY = [
    "Jansen",
    "de Vries",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Delporte",
    "Dijkstra",
    "Willems",
    "Claes",
    "Maes",
    "Wouters",
]
GIVEN = ["Anna", "Eva", "Sara", "Lotte", "Daan", "Sem", "Lucas", "Milan", "Noah", "Emma"]
STATES = ["BE", "DE", "FR", "LU", "AT", "PL", "ES", "IT", "DK", "SE"]
SEED_KEY_PREFIX = "a1p_bench"


def bsn(n: int) -> str:
    """A BSN passing the 11-proof, unique per n."""
    base = 10_000_000 + n * 7
    while True:
        digits = f"{base:08d}"
        for last in range(10):
            s = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True)) - last
            if s % 11 == 0:
                return digits + str(last)
        base += 1


def email(k: int) -> str:
    return f"bench{k}@load.test"


def token_key(k: int) -> str:
    return f"{SEED_KEY_PREFIX}{k:05d}"


def ensure_people(n_employers: int) -> list[Organisation]:
    have = list(Organisation.objects.filter(kvk_number__startswith="9").order_by("pk"))
    if len(have) >= n_employers:
        return have[:n_employers]
    start = len(have)
    password = make_password(PASSWORD)
    now = timezone.now()
    with transaction.atomic():
        orgs = Organisation.objects.bulk_create(
            Organisation(
                kind=Organisation.Kind.EMPLOYER,
                name=f"Bench Employer {k} B.V.",
                country="NL",
                status=Organisation.Status.ACTIVE,
                kvk_number=f"9{k:07d}",
                street="Damrak 1",
                postal_code="1012 LG",
                town="Amsterdam",
            )
            for k in range(start, n_employers)
        )
        users = User.objects.bulk_create(
            User(
                email=email(k), password=password, first_name="Bench", last_name=f"Admin {k}", is_active=True
            )
            for k in range(start, n_employers)
        )
        Membership.objects.bulk_create(
            Membership(user=u, organisation=o, role=Membership.Role.EMPLOYER_ADMIN, is_org_admin=True)
            for u, o in zip(users, orgs, strict=True)
        )
        ApiToken.objects.bulk_create(
            ApiToken(user=u, name="bench", prefix=token_key(k)[:8], key_hash=hash_key(token_key(k)))
            for k, u in zip(range(start, n_employers), users, strict=True)
        )
        employees = Employee.objects.bulk_create(
            Employee(
                employer=o,
                personal_number=bsn(k * EMPLOYEES_PER_EMPLOYER + j),
                family_name=FAMILY[j % 20],
                family_name_search=FAMILY[j % 20].lower(),
                given_names=GIVEN[(k + j) % 10],
                birth_date=dt.date(1960 + (k + j) % 40, 1 + j % 12, 1 + k % 28),
                nationality="NL",
                street="Kerkstraat 10",
                postal_code="1017 GB",
                town="Amsterdam",
                country="NL",
                date_of_entry=dt.date(2015, 1, 1),
                sex=Employee.Sex.FEMALE if j % 2 else Employee.Sex.MALE,
                created_at=now,
            )
            for k, o in zip(range(start, n_employers), orgs, strict=True)
            for j in range(EMPLOYEES_PER_EMPLOYER)
        )
        EmploymentPeriod.objects.bulk_create(
            EmploymentPeriod(employee=e, start=e.date_of_entry) for e in employees
        )
    return have + orgs


def answers_template(employee: Employee) -> dict:
    """What the wizard stores for a posting, made through the API's checks (so detail pages show it)."""
    from api.request_answers import clean_steps
    from api.views.examples import POSTING

    given = {k: v for k, v in POSTING.items() if k != "type"}
    given["employee"] = employee.pk
    answers, errors = clean_steps(
        kind="posting", given=given, current={}, employees=Employee.objects.filter(pk=employee.pk)
    )
    if errors:
        raise RuntimeError(errors)
    answers.pop("_wizard", None)
    return answers


def copy_requests(orgs: list[Organisation], total: int, rng: random.Random) -> int:
    existing = CoverageRequest.objects.count()
    todo = total - existing
    if todo <= 0:
        return 0
    employees = {}
    for e in (
        Employee.objects.filter(employer__in=orgs)
        .order_by("pk")
        .values("pk", "employer_id", "family_name", "given_names", "personal_number")
    ):
        employees.setdefault(e["employer_id"], []).append(e)
    creators = dict(
        Membership.objects.filter(organisation__in=orgs).values_list("organisation_id", "user_id")
    )
    template = answers_template(Employee.objects.get(pk=employees[orgs[0].pk][0]["pk"]))
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM postings_coveragerequest")
        next_id = cursor.fetchone()[0] + 1
    columns = [
        "id",
        "type",
        "status",
        "decision",
        "transaction_number",
        "employer_id",
        "employee_id",
        "created_by_id",
        "answers",
        "wizard_step",
        "worker_name",
        "worker_name_search",
        "personal_number",
        "state_of_work",
        "territory",
        "requested_start",
        "requested_end",
        "admitted_start",
        "admitted_end",
        "language",
        "output_channel",
        "determination",
        "flags",
        "decision_reason",
        "cancel_reason",
        "created_at",
        "updated_at",
        "submitted_at",
        "decided_at",
    ]
    base = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    buf = io.StringIO()
    for i in range(todo):
        org = orgs[(existing + i) % len(orgs)]
        emp = rng.choice(employees[org.pk])
        pk = next_id + i
        submitted = base + dt.timedelta(minutes=(existing + i) * 9 + rng.randrange(9))
        start = (submitted + dt.timedelta(days=rng.randrange(10, 90))).date()
        end = start + dt.timedelta(days=rng.randrange(30, 700))
        roll = rng.random()
        status, decision, admitted, decided = "in_review", "", (None, None), None
        if roll < 0.6:
            status, decision, admitted, decided = (
                "closed",
                "approved",
                (start, end),
                submitted + dt.timedelta(days=3),
            )
        elif roll < 0.7:
            status, decision, decided = "closed", "rejected", submitted + dt.timedelta(days=5)
        elif roll < 0.8:
            status = "cancelled"
        elif roll < 0.9:
            status = "submitted"
        name = f"{emp['family_name']}, {emp['given_names']}"
        answers = dict(template, employee={**template["employee"], "employee_id": emp["pk"]})
        row = [
            pk,
            "posting",
            status,
            decision,
            f"NL-{submitted.year}-{pk:08d}",
            org.pk,
            emp["pk"],
            creators[org.pk],
            json.dumps(answers),
            "",
            name,
            name.lower(),
            emp["personal_number"],
            rng.choice(STATES),
            "",
            start,
            end,
            admitted[0],
            admitted[1],
            "nl",
            "ebox",
            json.dumps({"legislation": "NL", "provision": {"instrument": "883/2004", "article": "12(1)"}}),
            "[]",
            "",
            "Project cancelled." if status == "cancelled" else "",
            submitted,
            submitted,
            submitted,
            decided,
        ]
        buf.write("\t".join("\\N" if v is None else str(v).replace("\\", "\\\\") for v in row) + "\n")
    buf.seek(0)
    with transaction.atomic(), connection.cursor() as cursor:
        with cursor.copy(f"COPY postings_coveragerequest ({', '.join(columns)}) FROM STDIN") as copy:
            while chunk := buf.read(1 << 20):
                copy.write(chunk)
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('postings_coveragerequest', 'id'), "
            "(SELECT max(id) FROM postings_coveragerequest))"
        )
    return todo


def ensure_certificates(orgs: list[Organisation]) -> None:
    """A few certificates per employer for the download and verification traffic: the first is made
    by the real service (a real PDF), the others point at that file."""
    from casework.services.certificates import certificate_issue

    if Certificate.objects.exists():
        return
    first = CoverageRequest.objects.filter(employer=orgs[0], decision="approved").order_by("pk").first()
    if first is None:  # nothing approved yet (the fault benchmark seeds people only)
        return
    pdf_name = certificate_issue(request_id=first.pk).pdf.name
    rows = []
    for org in orgs:
        approved = (
            CoverageRequest.objects.filter(employer=org, decision="approved", certificate__isnull=True)
            .select_related("employee")
            .order_by("-pk")[:CERTIFICATES_PER_EMPLOYER]
        )
        for r in approved:
            e = r.employee
            rows.append(
                Certificate(
                    request=r,
                    number=f"NL-A1-{r.submitted_at.year}-{r.pk:07d}-BNCH",
                    language="nl",
                    holder={
                        "personal_number": e.personal_number,
                        "family_name": e.family_name,
                        "given_names": e.given_names,
                        "birth_date": e.birth_date.isoformat(),
                    },
                    pdf=pdf_name,
                    pdf_generated_at=timezone.now(),
                    delivered_at=timezone.now(),
                )
            )
    Certificate.objects.bulk_create(rows, batch_size=2000)


def state_for(orgs: list[Organisation]) -> dict:
    employees: dict[int, list[int]] = {}
    for pk, org in Employee.objects.filter(employer__in=orgs).values_list("pk", "employer_id"):
        employees.setdefault(org, []).append(pk)
    certificates: dict[int, list[int]] = {}
    verify = []
    for pk, org, number, holder in Certificate.objects.filter(request__employer__in=orgs).values_list(
        "pk", "request__employer_id", "number", "holder"
    ):
        certificates.setdefault(org, []).append(pk)
        verify.append([number, holder.get("birth_date", "")])
    return {
        "employers": [
            {
                "id": o.pk,
                "email": email(k),
                "token": token_key(k),
                "employees": employees.get(o.pk, []),
                "certificates": certificates.get(o.pk, []),
            }
            for k, o in enumerate(orgs)
        ],
        "password": PASSWORD,
        "verify": verify[:500],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--employers", type=int, default=1000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    t0 = time.perf_counter()
    orgs = ensure_people(args.employers)
    added = copy_requests(orgs, args.total, random.Random(args.total))
    ensure_certificates(orgs)
    with connection.cursor() as cursor:
        # A database in service is vacuumed as it goes; one loaded in bulk a moment ago is not, and
        # autovacuum would then walk the 100,000 rows and their indexes in the middle of the measured
        # run. VACUUM also marks the pages all-visible, which index-only scans (the consult count) need.
        cursor.execute("VACUUM (ANALYZE)")
    Path(args.out).write_text(json.dumps(state_for(orgs)))
    print(
        f"seed: {args.employers} employers, +{added} requests (total {CoverageRequest.objects.count()}) "
        f"in {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
