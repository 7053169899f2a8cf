"""Median milliseconds to render one PD A1 PDF (WeasyPrint), over N renders after a warm-up.

    .venv/bin/python benchmarks/pdf_bench.py [N]

Runs on a throw-away SQLite database unless DATABASE_URL is set. Prints one line.
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from _setup import django_setup

tmp = Path(tempfile.mkdtemp(prefix="pdf-bench-"))
django_setup(SQLITE_PATH=str(tmp / "bench.sqlite3"), MEDIA_ROOT=str(tmp / "media"))

from casework.models import Certificate  # noqa: E402
from casework.pdf import render_certificate_pdf  # noqa: E402
from casework.services.certificates import certificate_number_for, holder_snapshot  # noqa: E402
from postings.models import CoverageRequest, PlaceOfWork  # noqa: E402
from tests import factories  # noqa: E402


def main(n: int = 30) -> None:
    import datetime as dt

    employer = factories.make_employer(name="Bench Bouw B.V.")
    user = factories.make_user()
    employee = factories.make_employee(employer)
    request = CoverageRequest.objects.create(
        type="posting",
        status="closed",
        decision="approved",
        employer=employer,
        employee=employee,
        created_by=user,
        transaction_number=f"NL-BENCH-{employer.pk}",
        state_of_work="BE",
        requested_start=dt.date(2027, 3, 1),
        requested_end=dt.date(2027, 12, 31),
        admitted_start=dt.date(2027, 3, 1),
        admitted_end=dt.date(2027, 12, 31),
        language="en",
        determination={
            "legislation": "NL",
            "provision": {"instrument": "883/2004", "article": "12(1)"},
            "provisional": False,
            "a1_status_code": "01",
            "certificate": "PD A1",
        },
    )
    PlaceOfWork.objects.create(
        request=request,
        country="BE",
        location_type="company",
        name="Site NV",
        street="Rue Haute",
        house_number="10",
        postal_code="1000",
        town="Bruxelles",
    )
    certificate = Certificate.objects.create(
        request=request,
        number=certificate_number_for(request),
        language="en",
        holder=holder_snapshot(request),
    )
    render_certificate_pdf(certificate)  # warm-up: fonts, templates
    times = []
    for i in range(n):
        certificate.language = ["en", "nl", "fr", "de"][i % 4]
        start = time.perf_counter()
        render_certificate_pdf(certificate)
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"pdf_bench: median {statistics.median(times):.0f} ms per certificate "
        f"(min {min(times):.0f}, max {max(times):.0f}, n={n}, languages en/nl/fr/de)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
