"""docker-compose.yml and the settings agree: the services exist and the variables are the ones read."""

import re
from pathlib import Path

import dj_database_url
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SETTINGS_SOURCE = (ROOT / "coverage_portal" / "settings.py").read_text()
VARIABLES_READ = set(re.findall(r'(?:os\.environ\.get|env_bool|env_list)\(\s*"([A-Z_]+)"', SETTINGS_SOURCE))


def test_all_five_services_with_health_checks_and_volumes():
    services = COMPOSE["services"]
    assert set(services) >= {"web", "worker", "beat", "postgres", "redis"}
    for name in ("web", "worker", "postgres", "redis"):
        assert "healthcheck" in services[name], name
    assert "pgdata" in COMPOSE["volumes"] and "redisdata" in COMPOSE["volumes"]
    assert "gunicorn" in services["web"]["command"]
    assert "worker" in services["worker"]["command"] and "beat" in services["beat"]["command"]


def test_every_variable_the_stack_sets_is_one_the_settings_read():
    for name in ("web", "worker", "beat"):
        env = COMPOSE["services"][name]["environment"]
        unknown = set(env) - VARIABLES_READ
        assert not unknown, f"{name} sets variables the settings never read: {unknown}"
        assert {"DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY", "PORTAL_ENV"} <= set(env)
        assert env["PORTAL_ENV"] == "production"


def test_database_and_redis_urls_point_at_the_compose_services():
    env = COMPOSE["services"]["web"]["environment"]
    database = dj_database_url.parse(env["DATABASE_URL"])
    postgres_env = COMPOSE["services"]["postgres"]["environment"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["HOST"] == "postgres"
    assert database["NAME"] == postgres_env["POSTGRES_DB"]
    assert database["USER"] == postgres_env["POSTGRES_USER"]
    assert env["REDIS_URL"].startswith("redis://redis:6379")
