"""The per-request state of Django and django-countries as plain thread-locals, in the WSGI workers.

Django keeps the active language, time zone, script prefix and URLconf, and django-countries its
translation state, in asgiref's Local, which serves sync threads and asyncio tasks alike. Reading
one costs about 2.7 µs (asgiref 3.13: a context variable holding storage tagged with its thread);
reading a threading.local costs 0.13 µs. A page reads them 100 to 300 times: every lazy label or
message turned into text, every `{% url %}`, every date shown, and every English text (English has
no catalogue, so each one falls through to django-countries' fallback, which reads its own Local).
Counted in the process, that was 0.6 ms of a consult page and 0.9 ms of a request's page; over
the load run's pages, 7.5 % of the instructions (benchmarks/page_instructions.py).

gunicorn's sync workers (coverage_portal/gunicorn.conf.py) serve one request at a time on one
thread and run no asyncio code, and in a sync thread asgiref's Local is a thread-local: the
replacement holds the same values for the same readers. Only the WSGI entry point (wsgi.py) calls
this. The ASGI entry point keeps asgiref's Local, which asyncio tasks need. A name that is no longer
an asgiref Local (a later Django or django-countries) is left alone: a test says so.
"""

from __future__ import annotations

import importlib
import threading

# (module, attribute): the Locals read on every page.
PER_REQUEST_LOCALS = (
    ("django.utils.translation.trans_real", "_active"),
    ("django.utils.timezone", "_active"),
    ("django.urls.base", "_prefixes"),
    ("django.urls.base", "_urlconfs"),
    ("django_countries", "_translation_state"),
    ("django_countries", "_countries_context"),
)
# What those Locals hold; copied over in case something was already set when the swap happens.
_KEYS = ("value", "fallback", "options")


def _is_asgiref_local(obj) -> bool:
    return type(obj).__module__ == "asgiref.local"


def use_thread_locals() -> list[str]:
    """Replace each of PER_REQUEST_LOCALS by a threading.local; returns the names replaced."""
    replaced = []
    for module_name, attribute in PER_REQUEST_LOCALS:
        module = importlib.import_module(module_name)
        current = getattr(module, attribute, None)
        if not _is_asgiref_local(current):
            continue
        local = threading.local()
        for key in _KEYS:
            if hasattr(current, key):
                setattr(local, key, getattr(current, key))
        setattr(module, attribute, local)
        replaced.append(f"{module_name}.{attribute}")
    return replaced
