"""Shared set-up of the casework benchmarks: Django on the environment's database, migrated."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def django_setup(**env):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PORTAL_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")
    for key, value in env.items():
        os.environ.setdefault(key, value)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
