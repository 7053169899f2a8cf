"""Browser tests in Chromium: simultaneous occupation (with a place added without reload), a seafarer
with a wrong IMO check digit, the residence statement for an employee living abroad, and a request
based on an earlier one, opened from the consult list."""

import datetime as dt

import pytest
from django.utils import timezone
from weasyprint import HTML

from postings.models import CoverageRequest
from postings.status import Status
from tests import factories

from .signing_in import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EMAIL = "filer@journeys.test"


@pytest.fixture
def employer(db):
    employer = factories.make_employer(name="Van Dijk Bouw B.V.")
    user = factories.make_user(email=EMAIL, first_name="Eva", last_name="Vries")
    factories.add_member(user, employer)
    factories.make_employee(employer, family_name="Delporte", given_names="Anna")
    factories.make_employee(employer, family_name="Peeters", given_names="Jan", country="BE")
    return employer


def answer(page, question, value):
    page.get_by_role("group", name=question).get_by_label(value, exact=True).check()


def heading(page):
    return page.locator("h1").inner_text()


def go_on(page):
    page.get_by_role("button", name="Continue", exact=True).click()


def start_with_employee(page, live_server, kind, search, name):
    page.goto(f"{live_server.url}/requests/new/{kind}/")
    page.get_by_role("button", name="Start a new request").click()
    assert heading(page) == "Which employee is this request for?"
    page.get_by_label("Personal number or family name").fill(search)
    page.get_by_role("button", name="Search").click()
    page.get_by_label(name, exact=False).check()
    go_on(page)
    assert heading(page) == "Does the employee have a temporary address?"
    go_on(page)
    assert heading(page) == "How is the employee employed by your company?"


# The answers of a posting the engine approves: insured before, no ties to the host company.
CLEAN_CONDITIONS = [
    ("Was the employee insured", "Yes"),
    ("Has the employee signed", "No"),
    ("Can the host company change", "No"),
    ("Can the host company dismiss", "No"),
    ("Can the host company take disciplinary", "No"),
    ("Will the host company place the employee", "No"),
    ("Will the employee replace", "No"),
    ("Does the employer normally carry out substantial activities", "Yes"),
]


def conditions(page, start, end, language="English"):
    """The conditions step of a posting or seafarer request: its period, clean answers, a language."""
    page.get_by_label("Start date").fill(start)
    page.get_by_label("End date").fill(end)
    for question, value in CLEAN_CONDITIONS:
        answer(page, question, value)
    answer(page, "In which language should the certificate be?", language)


def states_and_places(page, second_state, shares, also_issuing=False):
    """Two states, then one place per state with its share: the page starts with a place per state,
    each offering only the states chosen. A third place is added with the 'Add another place' button,
    which (with JavaScript) does not reload the page, and left empty: it is ignored."""
    page.get_by_label("First state of work").select_option("BE")
    if second_state:
        page.get_by_label("Second state of work").select_option(second_state)
    if also_issuing:
        page.get_by_label("The employee also works in the Netherlands").check()
    go_on(page)
    assert heading(page) == "Where will the employee work?"
    assert page.locator("input[name=places-TOTAL_FORMS]").input_value() == "2"
    offered = page.locator("#id_places-1-country option").evaluate_all("options => options.map(o => o.value)")
    assert sorted(offered) == sorted(["", "BE", second_state or "NL"])
    page.locator("#id_places-0-country").select_option("BE")
    page.locator("#id_places-0-location_type").select_option("region")
    page.locator("#id_places-0-time_pct").fill(shares[0])
    page.evaluate("window.sameDocument = true")
    page.get_by_role("button", name="Add another place").click()
    assert page.evaluate("window.sameDocument === true"), "the page was reloaded"
    assert page.evaluate("document.activeElement.id") == "id_places-2-country"
    assert page.get_by_role("group", name="Place of work 3").is_visible()
    assert page.locator("input[name=places-TOTAL_FORMS]").input_value() == "3"
    page.locator("#id_places-1-country").select_option(second_state or "NL")
    page.locator("#id_places-1-location_type").select_option("region")
    page.locator("#id_places-1-time_pct").fill(shares[1])
    go_on(page)


def period(page, start="2025-03-01", end="2026-02-28"):
    assert heading(page) == "For which period, and in which language, do you need the certificate?"
    page.get_by_label("Start date").fill(start)
    page.get_by_label("End date").fill(end)
    answer(page, "In which language should the certificate be?", "English")
    go_on(page)


def contact(page):
    assert heading(page) == "Who can we contact about this request?"
    page.get_by_label("Telephone").fill("+31 20 123 4567")


def send_and_confirm(page):
    assert heading(page) == "Check your answers before sending the request"
    page.get_by_role("button", name="Send the request").click()
    assert heading(page) == "Request sent"
    number = page.locator(".panel-confirmation strong").inner_text()
    assert number.startswith("NL-")
    assert "Status: In progress" in " ".join(page.locator("main p").first.text_content().split())
    return CoverageRequest.objects.get(transaction_number=number)


def test_simultaneous_occupation_from_login_to_confirmation(live_server, page, employer):
    log_in(page, live_server, EMAIL)
    start_with_employee(page, live_server, "simultaneous", "por", "Delporte, Anna")
    answer(page, "Are you an employer in the private sector?", "Yes")
    answer(page, "Worker classification", "Transport company: road haulage or railway transport")
    go_on(page)
    assert heading(page) == "In which states will the employee work?"
    page.get_by_label("First state of work").select_option("BE")
    go_on(page)  # one state is not enough
    assert "Choose a second state of work" in page.locator(".error-summary").inner_text()
    states_and_places(page, "DE", ("60", "30"))
    assert "they must add up to 100 %" in page.locator(".error-summary").inner_text()
    page.locator("#id_places-1-time_pct").fill("40")
    go_on(page)
    period(page)
    assert heading(page) == "Who can we contact about this request?"
    assert (
        page.get_by_role("group", name="How should we deliver the certificate?")
        .get_by_label("E-box (digital)")
        .is_checked()
    )
    answer(page, "How should we deliver the certificate?", "Paper, by post")
    contact(page)
    page.get_by_label("BSN (optional)").fill("111 222 333")  # the contact person's
    go_on(page)
    summary = page.locator("main").inner_text()
    assert "Belgium, Germany" in summary and "Paper, by post" in summary
    assert "•••••2333" in summary and "111222333" not in summary
    sent = send_and_confirm(page)
    assert "printed and sent to your company by post" in page.locator("main").inner_text()
    assert sent.type == "simultaneous" and sent.output_channel == "paper"
    assert sorted((p.country.code, float(p.time_pct)) for p in sent.places.all()) == [
        ("BE", 60.0),
        ("DE", 40.0),
    ]
    page.get_by_role("link", name="See the request").click()
    assert heading(page) == f"Request {sent.transaction_number}"
    assert "Paper, by post" in page.locator("main").inner_text()
    assert "•••••2333" in page.locator("main").inner_text()


def test_seafarer_with_a_wrong_imo_check_digit_then_a_new_request_based_on_it(live_server, page, employer):
    log_in(page, live_server, EMAIL)
    start_with_employee(page, live_server, "seafarer", "por", "Delporte, Anna")
    answer(page, "Are you an employer in the private sector?", "Yes")
    go_on(page)
    assert heading(page) == "On which ship will the employee work?"
    page.get_by_label("Name of the ship").fill("Zeeland")
    page.get_by_label("IMO number").fill("IMO 12")
    page.get_by_label("Flag of the ship").select_option("MT")
    answer(page, "Is the work done in territorial waters or in a port?", "No")
    go_on(page)
    assert "An IMO number has 7 digits" in page.locator(".error-summary").inner_text()
    page.get_by_label("IMO number").fill("IMO 9074728")  # the check digit should be 9
    go_on(page)
    assert (
        heading(page) == "When will the employee work abroad, and on which terms?"
    )  # a wrong check digit does not block
    conditions(page, "2025-03-01", "2025-08-31")
    go_on(page)
    contact(page)
    go_on(page)
    warning = page.locator(".warning-text", has_text="IMO number").inner_text()
    assert "The check digit of IMO number 9074728 is not right" in warning
    assert "the request can still be sent" in warning
    first = send_and_confirm(page)
    assert first.type == "seafarer" and first.places.get().imo_number == "9074728"

    # Consult the list, open "Based on this", start a new request from it.
    page.get_by_role("link", name="Your requests").click()
    assert heading(page) == "Your requests"
    row = page.locator("table.requests-table tbody tr", has_text=first.transaction_number)
    row.get_by_role("link", name="Based on this").click()
    assert heading(page) == f"Request {first.transaction_number}"
    page.get_by_role("button", name="Based on this request").click()
    assert heading(page) == "Which employee is this request for?"
    assert page.get_by_label("Delporte, Anna", exact=False).is_checked()
    for expected in [
        "Does the employee have a temporary address?",
        "How is the employee employed by your company?",
        "On which ship will the employee work?",
        "When will the employee work abroad, and on which terms?",
        "Who can we contact about this request?",
    ]:
        go_on(page)
        assert heading(page) == expected
        if expected == "On which ship will the employee work?":
            assert page.get_by_label("Name of the ship").input_value() == "Zeeland"
    go_on(page)
    second = send_and_confirm(page)
    assert second.pk != first.pk and second.based_on_id == first.pk
    page.get_by_role("link", name="See the request").click()
    based_on = page.locator("dt", has_text="Based on").locator("xpath=following-sibling::dd[1]")
    assert based_on.inner_text() == first.transaction_number
    assert CoverageRequest.objects.exclude(status=Status.DRAFT).count() == 2


def test_residence_statement_for_an_employee_living_abroad(live_server, page, employer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = HTML(string="<h1>Attestation de résidence</h1><p>Jan Peeters, Antwerpen.</p>").write_pdf()
    log_in(page, live_server, EMAIL)
    start_with_employee(page, live_server, "simultaneous", "pee", "Peeters, Jan")
    answer(page, "Are you an employer in the private sector?", "Yes")
    answer(page, "Worker classification", "Employed (salaried)")
    go_on(page)
    states_and_places(page, None, ("50", "50"), also_issuing=True)
    period(page)
    assert heading(page) == "Upload the statement of the state of residence"
    upload = {"name": "statement.pdf", "mimeType": "application/pdf", "buffer": pdf}
    page.get_by_label("The statement (PDF, at most 5 MB)").set_input_files(upload)
    old = timezone.localdate() - dt.timedelta(days=90)
    page.get_by_label("Date of the statement").fill(old.isoformat())
    go_on(page)
    assert "older than two months" in page.locator(".error-summary").inner_text()
    page.get_by_role("link", name="older than two months").click()
    assert page.evaluate("document.activeElement.id") == "id_statement-statement_date"
    page.get_by_label("The statement (PDF, at most 5 MB)").set_input_files(upload)
    page.get_by_label("Date of the statement").fill(timezone.localdate().isoformat())
    go_on(page)
    contact(page)
    go_on(page)
    summary = page.locator("main").inner_text()
    assert "Statement of the state of residence" in summary and "Uploaded" in summary
    sent = send_and_confirm(page)
    statement = sent.residence_statement
    assert statement.statement_date == timezone.localdate()
    assert statement.file.read() == pdf
