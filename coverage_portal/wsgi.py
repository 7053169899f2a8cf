import os

from django.core.wsgi import get_wsgi_application

from coverage_portal.thread_locals import use_thread_locals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")
application = get_wsgi_application()
# gunicorn's sync workers run no asyncio code: Django's per-request state as plain thread-locals
# (coverage_portal/thread_locals.py says why and what it saves).
use_thread_locals()
