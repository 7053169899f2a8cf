"""The suite runs against the services the environment names: no silent fallback to SQLite.

`make test` and CI start PostgreSQL and Redis and set PORTAL_REQUIRE_SERVICES (CI also sets CI=true);
then the database must really be PostgreSQL and Celery must really talk to Redis.
"""

import os

import pytest
from django.conf import settings
from django.db import connection

from coverage_portal.celery import app

REQUIRED = os.environ.get("CI") == "true" or bool(os.environ.get("PORTAL_REQUIRE_SERVICES"))


@pytest.mark.django_db
def test_database_is_the_one_the_environment_names():
    if REQUIRED or os.environ.get("DATABASE_URL"):
        assert connection.vendor == "postgresql"
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            assert cursor.fetchone()[0]
    else:
        assert connection.vendor == "sqlite"


def test_broker_is_the_one_the_environment_names():
    if REQUIRED or os.environ.get("REDIS_URL"):
        assert app.conf.broker_url.startswith("redis://")
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=3)
            assert conn.transport.driver_type == "redis"
        assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    else:
        assert app.conf.broker_url == "memory://"
        assert app.conf.task_always_eager is True
