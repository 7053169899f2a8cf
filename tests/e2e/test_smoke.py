"""Browser smoke test in Debian's Chromium: home page, language switch, login as the demo employer."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_home_language_switch_and_demo_employer_login(live_server, page):
    call_command("load_demo", verbosity=0)
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Apply for an A1 certificate of coverage"

    # The skip link is the first thing a keyboard user reaches.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"

    page.select_option("#language-select", "nl")
    page.get_by_role("button", name="Change language").click()
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text() == "Een A1-verklaring aanvragen"

    page.select_option("#language-select", "en")
    page.get_by_role("button", name="Taal wijzigen").click()
    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("E-mail address").fill("employer@demo.test")
    page.get_by_label("Password").fill("demo-portal-2026")
    page.get_by_role("button", name="Log in").click()
    assert page.locator("h1").inner_text() == "Van Dijk Bouw B.V."
    assert page.get_by_role("link", name="Request a posting abroad").is_visible()
