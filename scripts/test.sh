#!/usr/bin/env bash
# `make test`: lint, the missing-migrations check and every test, against real PostgreSQL and Redis.
# CI (.ci/run) starts the services and exports DATABASE_URL/REDIS_URL; on a developer's machine
# this script starts throw-away ones itself, so both run the same suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

.venv/bin/ruff check .
.venv/bin/ruff format --check .
export PORTAL_ENV=test
$PY manage.py makemigrations --check --dry-run
$PY manage.py compile_translations

if [ -z "${DATABASE_URL:-}" ] || [ -z "${REDIS_URL:-}" ]; then
  # shellcheck source=scripts/services.sh
  source scripts/services.sh
  services_install
  services_start
  trap services_stop EXIT
fi
export PORTAL_REQUIRE_SERVICES=1

set +e
.venv/bin/pytest "$@"
status=$?
set -e
if [ $status -eq 5 ]; then
  echo "pytest collected no test: failing on purpose" >&2
  exit 1
fi
exit $status
