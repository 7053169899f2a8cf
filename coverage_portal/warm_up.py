"""What a web process otherwise does on its first requests, done once in gunicorn's master before it
forks the workers (coverage_portal/gunicorn.conf.py, when_ready).

A worker forked from a master that had only loaded the WSGI application imports the URL
configuration on its first request, and with it every view module; it compiles each template the
first time it renders it and reads each language's translation catalogues the first time a page is
shown in that language. gunicorn starts a new worker after max_requests, and each one did all of
this again while people waited. Done in the master, every worker is forked with it done and shares
those memory pages with the master.

Nothing here opens a database connection: one opened before the fork would be shared by every
worker. The master closes any that a module opened while being imported, to be sure.
"""

from pathlib import Path

from django.conf import settings
from django.db import connections
from django.template import TemplateSyntaxError, engines
from django.urls import get_resolver
from django.utils import translation

TEMPLATE_SUFFIXES = (".html", ".txt")


def warm_up() -> dict:
    """Import the URL configuration, read every language's catalogues, compile every template.
    Returns how many of each for the log, and the templates that did not compile."""
    resolver = get_resolver()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            # The resolver's reverse maps are kept per language; reading them imports the URLconf.
            resolver.reverse_dict  # noqa: B018 - read for its side effect
    compiled, skipped = 0, []
    for engine in engines.all():
        for directory in getattr(engine, "template_dirs", ()):
            root = Path(directory)
            for path in sorted(root.rglob("*")):
                if path.suffix not in TEMPLATE_SUFFIXES or not path.is_file():
                    continue
                try:
                    engine.get_template(path.relative_to(root).as_posix())
                except (TemplateSyntaxError, UnicodeDecodeError):
                    # A third-party template for a library the portal does not load (django-filter's
                    # crispy-forms layout): a page that used it would report it as it always did.
                    skipped.append(str(path))
                else:
                    compiled += 1
    connections.close_all()
    return {"languages": len(settings.LANGUAGES), "templates": compiled, "skipped": skipped}
