"""The WSGI workers keep Django's per-request state in plain thread-locals (coverage_portal/thread_locals.py):
pages still come in the visitor's language and time zone, links keep their prefix, and nothing one
thread activates is seen by another."""

import importlib
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from coverage_portal import thread_locals


def current(module, attribute):
    return getattr(importlib.import_module(module), attribute, None)


@pytest.fixture
def restored():
    """Whatever a test swaps is put back afterwards (another test may have imported wsgi.py already,
    which swaps them for the rest of the run, as in a worker)."""
    saved = {(m, a): current(m, a) for m, a in thread_locals.PER_REQUEST_LOCALS}
    yield
    for (module, attribute), value in saved.items():
        setattr(importlib.import_module(module), attribute, value)


@pytest.fixture
def swapped(restored):
    thread_locals.use_thread_locals()


def test_each_listed_local_is_asgirefs_or_already_swapped(restored):
    # A later Django or django-countries that renamed or retyped one would make the swap skip it
    # silently: this says so.
    for module, attribute in thread_locals.PER_REQUEST_LOCALS:
        kind = type(current(module, attribute))
        assert kind.__module__ == "asgiref.local" or kind is threading.local, (module, attribute)


def test_the_wsgi_entry_point_swaps_every_listed_local():
    # In a fresh interpreter, as gunicorn loads it (this run may have imported wsgi.py already).
    check = (
        "import importlib, threading, coverage_portal.wsgi\n"
        "from coverage_portal.thread_locals import PER_REQUEST_LOCALS as L\n"
        "print(all(type(getattr(importlib.import_module(m), a)) is threading.local for m, a in L))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1:] == ["True"], result.stderr[-2000:]


def test_a_second_swap_changes_nothing(swapped):
    assert thread_locals.use_thread_locals() == []


def test_pages_come_in_the_chosen_language_after_the_swap(swapped, client):
    client.cookies["django_language"] = "nl"
    dutch = client.get(reverse("casework:verify"), HTTP_ACCEPT_LANGUAGE="nl")
    client.cookies["django_language"] = "en"
    english = client.get(reverse("casework:verify"), HTTP_ACCEPT_LANGUAGE="en")
    assert dutch["Content-Language"] == "nl"
    assert english["Content-Language"] == "en"
    assert dutch.content != english.content
    assert b'lang="nl"' in dutch.content


def test_a_language_and_time_zone_set_in_one_thread_stay_there(swapped):
    seen = {}

    def other_thread():
        translation.activate("de")
        timezone.activate("Asia/Tokyo")
        seen["language"] = translation.get_language()
        seen["zone"] = str(timezone.get_current_timezone())

    with translation.override("fr"):
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        assert translation.get_language() == "fr"
    assert str(timezone.get_current_timezone()) != "Asia/Tokyo"
    assert seen == {"language": "de", "zone": "Asia/Tokyo"}


def test_country_names_follow_the_language_after_the_swap(swapped):
    from django_countries import countries

    with translation.override("nl"):
        assert countries.name("DE") == "Duitsland"
    with translation.override("en"):
        assert countries.name("DE") == "Germany"
