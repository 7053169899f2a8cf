"""Seconds from send to certificate ready, with PostgreSQL, Redis and a real Celery worker.

    source scripts/services.sh && services_start      # or any DATABASE_URL + REDIS_URL
    .venv/bin/python benchmarks/pipeline_bench.py [N] [rate-per-second]

Sends N (default 100) clean posting requests at the given rate (default 4 a second) through
request_submit, with automatic approval of clean postings on in the worker, and waits until every
certificate is produced and delivered. Latency = certificate.delivered_at - request.submitted_at.
Prints one line: median and 95th percentile.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

from _setup import ROOT, django_setup

if not (os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL")):
    sys.exit("pipeline_bench needs DATABASE_URL and REDIS_URL (source scripts/services.sh && services_start)")

MEDIA = tempfile.mkdtemp(prefix="pipeline-bench-")
# PORTAL_ENV=test runs tasks in-process by default: here they must go through Redis to the worker.
django_setup(MEDIA_ROOT=MEDIA, CELERY_TASK_ALWAYS_EAGER="0")
# The machine has 2 cores: 2 worker processes (prefork) by default; BENCH_WORKER_CONCURRENCY to vary.
CONCURRENCY = os.environ.get("BENCH_WORKER_CONCURRENCY", "2")

import datetime as dt  # noqa: E402

from casework.models import Certificate  # noqa: E402
from coverage_portal.celery import app  # noqa: E402
from postings.models import CoverageRequest, PlaceOfWork  # noqa: E402
from postings.services.lifecycle import request_submit  # noqa: E402
from tests import factories  # noqa: E402
from tests.casework.builders import posting_answers  # noqa: E402


def start_worker():
    env = {
        **os.environ,
        "PORTAL_AUTO_APPROVE_CLEAN_POSTINGS": "1",
        "MEDIA_ROOT": MEDIA,
        "LOG_LEVEL": "WARNING",
    }
    log_path = os.environ.get("BENCH_WORKER_LOG")  # set it to see each task's duration
    log = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "coverage_portal",
            "worker",
            "-Q",
            "portal",
            "-c",
            CONCURRENCY,
            "--without-gossip",
            "--without-mingle",
            "-l",
            "INFO" if log_path else "WARNING",
            "-n",
            f"pipeline-bench-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5):
        if time.monotonic() > deadline:
            process.kill()
            sys.exit("worker did not start")
    return process


def main(n: int = 100, rate: float = 4.0) -> None:
    app.control.purge()
    employer = factories.make_employer(name=f"Bench {time.time():.0f} B.V.")
    user = factories.make_user(email=f"bench-{time.time_ns()}@example.test")
    factories.add_member(user, employer)
    start, end = dt.date(2027, 3, 1), dt.date(2027, 12, 31)
    drafts = []
    for _ in range(n):
        employee = factories.make_employee(employer)
        request = CoverageRequest.objects.create(
            type="posting",
            employer=employer,
            employee=employee,
            created_by=user,
            state_of_work="BE",
            worker_name=employee.family_name,
            requested_start=start,
            requested_end=end,
            language="en",
            answers=posting_answers(start, end, "BE"),
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
        drafts.append(request)
    worker = start_worker()
    try:
        interval = 1.0 / rate
        began = time.monotonic()
        for i, request in enumerate(drafts):
            request_submit(actor=user, request=request)  # commits; validation queued on commit
            pause = began + (i + 1) * interval - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        ids = [r.pk for r in drafts]
        deadline = time.monotonic() + 600
        while Certificate.objects.filter(request_id__in=ids, delivered_at__isnull=False).count() < n:
            if time.monotonic() > deadline:
                sys.exit("timed out waiting for certificates")
            time.sleep(0.25)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    latencies = sorted(
        (c.delivered_at - c.request.submitted_at).total_seconds()
        for c in Certificate.objects.filter(request_id__in=ids).select_related("request")
    )
    p95 = latencies[max(0, int(round(0.95 * len(latencies))) - 1)]
    print(
        f"pipeline_bench: {n} requests at {rate:g}/s, worker concurrency {CONCURRENCY}, "
        "send to certificate ready: "
        f"median {statistics.median(latencies):.2f} s, p95 {p95:.2f} s, max {latencies[-1]:.2f} s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100, float(sys.argv[2]) if len(sys.argv) > 2 else 4.0)
