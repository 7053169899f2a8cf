import os

import pytest
from django.conf import settings
from django.utils import translation

from tests import factories

# Live-server tests drive Chromium from the test thread; Django's async-safety guard would refuse
# the ORM calls the fixtures make around it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium (Playwright cannot download its own browser here)."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(autouse=True)
def _language_back_to_default():
    """A page visited in another language leaves that language active in the test's thread (the
    locale middleware activates it; a server thread would activate again on its next request)."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def employer(db):
    return factories.make_employer(name="Van Dijk Bouw B.V.")


@pytest.fixture
def employer_admin(employer):
    user = factories.make_user(email="admin@vandijk.test", first_name="Eva", last_name="de Vries")
    factories.add_member(user, employer)
    return user


@pytest.fixture
def representative_firm(db):
    return factories.make_representative(name="Fiscaal Advies B.V.")


@pytest.fixture
def representative_user(representative_firm, employer):
    user = factories.make_user(email="consultant@fiscaal.test", first_name="Rob", last_name="Jansen")
    factories.add_member(user, representative_firm)
    factories.make_mandate(employer, representative_firm)
    return user


@pytest.fixture
def caseworker(db):
    return factories.make_caseworker(email="caseworker@svb.test", first_name="Kees", last_name="Bakker")


@pytest.fixture
def employee(employer):
    return factories.make_employee(employer)
