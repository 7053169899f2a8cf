#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")
    # manage.py is the developer's tool: without PORTAL_ENV it runs with development settings.
    # The servers (gunicorn via wsgi.py, the Celery worker and beat) keep production as their
    # default, and production deployments set PORTAL_ENV=production explicitly (docker-compose.yml).
    os.environ.setdefault("PORTAL_ENV", "development")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
