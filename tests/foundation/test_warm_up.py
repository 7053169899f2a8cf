"""gunicorn's master does what each worker would do on its first requests before it forks them
(coverage_portal/warm_up.py): the URL configuration, every language's catalogues, every template."""

import runpy
from pathlib import Path

from django.db import connections
from django.template import engines
from django.urls import get_resolver
from django.utils import translation
from django.utils.translation import trans_real

from coverage_portal.warm_up import warm_up

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONF = ROOT / "coverage_portal" / "gunicorn.conf.py"


def _cached_templates() -> set[str]:
    cached = set()
    for loader in engines["django"].engine.template_loaders:
        cached |= set(getattr(loader, "get_template_cache", {}))
    return cached


def test_every_template_compiles_and_is_kept_for_the_workers(settings):
    settings.DEBUG = False  # the cached loader, as in production
    done = warm_up()
    # A template of the portal's that does not compile would have shown only when a person opened
    # its page; the only one skipped is django-filter's layout for crispy-forms, not installed.
    assert [Path(p).name for p in done["skipped"]] == ["crispy_form.html"]
    assert all("site-packages" in p for p in done["skipped"])
    assert done["templates"] > 100  # the portal's, the admin's, DRF's...
    assert {
        "base.html",
        "postings/wizard.html",
        "postings/list.html",
        "admin/base.html",
    } <= _cached_templates()


def test_the_urls_and_every_languages_catalogue_are_loaded_without_touching_the_database(settings):
    # No `db` fixture: pytest-django fails any query here, and the master must open no connection,
    # since a connection opened before the fork would be shared by every worker.
    trans_real._translations.clear()
    warm_up()
    for language, _name in settings.LANGUAGES:
        assert language in trans_real._translations
        with translation.override(language):
            assert get_resolver()._reverse_dict.get(language)  # reverse() has its map in this language
    assert all(connection.connection is None for connection in connections.all())


def test_gunicorn_warms_up_the_master_once_it_is_ready():
    conf = runpy.run_path(str(GUNICORN_CONF))
    logged = []

    class Server:
        class log:
            @staticmethod
            def info(message, *args):
                logged.append(message % args)

    conf["when_ready"](Server())
    assert len(logged) == 1 and logged[0].startswith("warmed up: URLs and catalogues in 4 languages, ")
    assert "(1 skipped: " in logged[0] and logged[0].endswith("crispy_form.html)")
