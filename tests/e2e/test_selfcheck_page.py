"""The public self-check (/check/) in Debian's Chromium: each question shows once it applies
(static/js/selfcheck.js), the answer comes back with its reasons, and without JavaScript every
question is still there."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def visible(page, label: str) -> bool:
    return page.get_by_label(label, exact=True).is_visible()


def a_posting_from_the_netherlands(page):
    """Living in the Netherlands, sent for a year to Belgium by a Dutch employer (posting ticked)."""
    page.get_by_label("Where do you live?").select_option("NL")
    page.get_by_label("Country of work 1").select_option("BE")
    page.get_by_label("Share of your working time there (%) in country 1").fill("100")
    page.get_by_label("Share of your pay earned there (%) in country 1").fill("100")
    page.get_by_label("Where is your employer established?").select_option("NL")
    page.get_by_label("Start date").fill("2026-03-01")
    page.get_by_label("Planned end date").fill("2027-02-28")
    page.get_by_label("From which country are you sent?").select_option("NL")
    page.get_by_label("How many months were you insured in that country just before the posting?").fill("12")


def test_questions_appear_as_they_apply_and_the_answer_explains_itself(live_server, page):
    page.goto(live_server.url + reverse("selfcheck:check"))
    assert visible(page, "Country of work 1")
    assert not visible(page, "Country of work 2")
    assert not visible(page, "Seafarers: which flag does the vessel fly?")
    assert not visible(page, "From which country are you sent?")

    page.get_by_label("Seafarer on a sea-going vessel").check()
    assert visible(page, "Seafarers: which flag does the vessel fly?")
    assert not visible(page, "Aircrew: in which country is your home base?")
    page.get_by_label("Employed by an employer").check()
    assert not visible(page, "Seafarers: which flag does the vessel fly?")

    page.get_by_role("button", name="Add another country").click()
    assert visible(page, "Country of work 2")
    assert page.evaluate("document.activeElement.name") == "work_2_country"
    assert not visible(page, "Country of work 3")

    page.get_by_label("My employer sends me temporarily to the first country of work (a posting)").check()
    assert visible(page, "From which country are you sent?")

    a_posting_from_the_netherlands(page)
    page.get_by_role("button", name="Continue").click()
    assert page.locator("h1").inner_text() == "The social security legislation of the Netherlands applies"
    assert "Regulation (EC) No 883/2004, Article 12(1)" in page.locator(".summary-list").inner_text()


def test_a_question_with_an_error_stays_visible(live_server, page):
    page.goto(live_server.url + reverse("selfcheck:check"))
    page.get_by_label("Where do you live?").select_option("NL")
    page.get_by_label("Seafarer on a sea-going vessel").check()
    page.get_by_role("button", name="Continue").click()
    assert visible(page, "Seafarers: which flag does the vessel fly?")
    assert "Choose the flag state of the vessel." in page.content()


def test_without_javascript_every_question_is_there(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + reverse("selfcheck:check"))
    for label in (
        "Country of work 4",
        "Seafarers: which flag does the vessel fly?",
        "Aircrew: in which country is your home base?",
        "From which country are you sent?",
    ):
        assert visible(page, label), label
    assert page.get_by_role("button", name="Add another country").count() == 0
    context.close()
