"""Browser tests in Chromium at a phone's width (375 px): the account pages' tables scroll inside their
own box (the people, tokens and import pages were up to 190 px wider than the screen) and a new token
or secret wraps instead of widening the page."""

import pytest

from tests import factories

from .signing_in import log_in
from .test_phone_width import PHONE, page_width

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EMAIL = "admin@vandijk.test"


@pytest.fixture
def admin(db):
    employer = factories.make_employer(name="Van Dijk Bouw B.V.")
    user = factories.make_user(email=EMAIL, first_name="Eva", last_name="de Vries")
    factories.add_member(user, employer)
    colleague = factories.make_user(
        email="frank.mulder.filer@vandijk.test", first_name="Frank", last_name="Mulder"
    )
    factories.add_member(colleague, employer)
    return user


def test_the_account_tables_stay_inside_a_phone_screen(live_server, page, admin):
    page.set_viewport_size(PHONE)
    log_in(page, live_server, EMAIL)
    for path, region in [
        ("/accounts/organisation/", "People"),
        ("/accounts/personnel/import/", "Columns"),
    ]:
        page.goto(live_server.url + path)
        assert page.get_by_role("region", name=region).get_attribute("tabindex") == "0"
        assert page_width(page) <= PHONE["width"], path
    page.goto(live_server.url + "/account/api/tokens/")
    page.get_by_label("What will this token be used for?").fill("Payroll software of the bureau")
    page.get_by_role("button", name="Create token").click()
    assert page.locator("#new-token").is_visible()
    assert page.get_by_role("region", name="Your tokens").is_visible()
    assert page_width(page) <= PHONE["width"]
    page.goto(live_server.url + "/account/api/webhooks/")
    page.get_by_label("Address that receives the events").fill("https://example.com/hook")
    page.get_by_role("button", name="Add webhook").click()
    assert page.locator("#new-secret").is_visible()
    assert page_width(page) <= PHONE["width"]
