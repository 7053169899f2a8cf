"""A real Celery worker for the tests that prove the pipeline (Redis broker, PostgreSQL test database).

Registered once for the whole suite from the repository's conftest.py (`pytest_plugins`): a fixture
imported into several test modules would be several session fixtures, i.e. several workers.
The worker runs as a subprocess on pytest-django's test database, so those tests use real commits
(transactional_db) for the worker to see the rows."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

HAVE_SERVICES = bool(os.environ.get("REDIS_URL") and os.environ.get("DATABASE_URL"))
ROOT = Path(__file__).resolve().parents[1]


def database_url_for(name: str) -> str:
    import dj_database_url

    parsed = dj_database_url.parse(os.environ["DATABASE_URL"])
    port = f":{parsed['PORT']}" if parsed.get("PORT") else ""
    password = f":{parsed['PASSWORD']}" if parsed.get("PASSWORD") else ""
    return f"postgres://{parsed['USER']}{password}@{parsed['HOST']}{port}/{name}"


def wait_until(predicate, timeout=60.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s")


@pytest.fixture(scope="session")
def media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("pipeline-media")


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, media_root):
    """`celery -A coverage_portal worker` on the test database, automatic approval of clean postings on."""
    from django.db import connection

    from coverage_portal.celery import app

    app.control.purge()
    env = {
        **os.environ,
        "DATABASE_URL": database_url_for(connection.settings_dict["NAME"]),
        "PORTAL_ENV": "test",
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "MEDIA_ROOT": str(media_root),
        "PORTAL_AUTO_APPROVE_CLEAN_POSTINGS": "1",
        "PORTAL_BASE_URL": "https://portal.example",
        "LOG_LEVEL": "WARNING",
    }
    log = open(media_root / "worker.log", "w")  # noqa: SIM115 - closed at teardown
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
            "2",
            "--without-gossip",
            "--without-mingle",
            "-l",
            "WARNING",
            "-n",
            f"pipeline-test-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until(lambda: app.control.ping(timeout=0.5), timeout=60, interval=0.5)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def worker(celery_worker_process, transactional_db, settings, media_root):
    """The real worker, with this process sending tasks through Redis instead of running them itself."""
    from coverage_portal.celery import app

    settings.MEDIA_ROOT = media_root
    settings.PORTAL_BASE_URL = "https://portal.example"
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield celery_worker_process
    app.conf.task_always_eager = eager
