# Two commands: `make run` (the portal with demo data on http://127.0.0.1:8000) and `make test`.
# The interpreter the virtualenv is made from: the first of these that is Python 3.11 or later with
# venv's pip bootstrap. The system's python3 comes first: Debian's is built with profile-guided and
# link-time optimisation and has libpython linked in, like the python:3.11-slim image the Dockerfile
# deploys on, while a pyenv build (often first on PATH) has neither unless asked for: the same pages
# took 16 % more instructions and, in the median of seven alternating pairs, 16 % more CPU on it
# (benchmarks/HISTORY.md, ninth session). `make PYTHON=...` picks another; an existing .venv is kept
# (`make clean` starts again).
PYTHON ?= $(firstword $(foreach p,/usr/bin/python3 python3,$(shell $(p) -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && echo $(p))) python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test venv messages worker beat clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

# Embedded mode: SQLite under var/, Celery tasks in-process. Running it again keeps the data.
run: export PORTAL_ENV := development
run: $(STAMP)
	$(PY) manage.py compile_translations
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	scripts/test.sh

# Regenerate the translation catalogues after changing texts (needs GNU gettext's xgettext).
messages: $(STAMP)
	PORTAL_ENV=development $(PY) manage.py makemessages -l nl -l fr -l de -l en --ignore=.venv --ignore=var
	$(PY) manage.py compile_translations

# Production-like processes (with DATABASE_URL and REDIS_URL set).
worker: $(STAMP)
	$(VENV)/bin/celery -A coverage_portal worker --loglevel=INFO --concurrency=2

beat: $(STAMP)
	$(VENV)/bin/celery -A coverage_portal beat --loglevel=INFO --schedule=var/celerybeat-schedule

clean:
	rm -rf $(VENV) var media .pytest_cache .ruff_cache
