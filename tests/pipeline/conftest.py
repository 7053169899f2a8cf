"""The pipeline tests need the real services; the worker fixtures live in tests/worker.py."""

import pytest

from tests.worker import HAVE_SERVICES


def pytest_collection_modifyitems(config, items):
    if HAVE_SERVICES:
        return
    skip = pytest.mark.skip(
        reason="needs REDIS_URL and DATABASE_URL (real Redis, PostgreSQL, worker): CI sets both"
    )
    for item in items:
        if "pipeline" in str(item.fspath):
            item.add_marker(skip)
