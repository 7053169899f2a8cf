"""Browser tests in Chromium for the accounts pages: registration to activation, a representative
switching employers, a personnel search and a CSV import."""

import re

import pytest
from django.core.management import call_command

from accounts.management.commands.load_demo import DEMO_PASSWORD as PASSWORD
from accounts.models import ActivationLetter, Organisation
from accounts.services.authorizations import _pdf_text

from .signing_in import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_registration_to_activation(live_server, page):
    page.goto(live_server.url + "/accounts/register/")
    page.get_by_label("An employer sending employees abroad").check()
    page.get_by_label("State of establishment").select_option("NL")
    page.get_by_label("Organisation name").fill("Bakkerij Jansen B.V.")
    page.get_by_label("KvK number").fill("8765432")  # one digit short
    page.get_by_label("Loonheffingennummer").fill("123456782L01")
    page.get_by_label("Street and number").fill("Dorpsstraat 1")
    page.get_by_label("Postal code").fill("1234 AB")
    page.get_by_label("Town").fill("Utrecht")
    page.get_by_label("Your given name").fill("Piet")
    page.get_by_label("Your family name").fill("Jansen")
    page.get_by_label("Your e-mail address").fill("piet@jansen.test")
    page.get_by_label("Choose a password").fill("a-Long-secret-42")
    page.get_by_label("Type the password again").fill("a-Long-secret-42")
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("link", name="Enter the KvK number as 8 digits, like 12345678.").is_visible()
    assert page.get_by_label("Organisation name").input_value() == "Bakkerij Jansen B.V."
    page.get_by_label("KvK number").fill("87654321")
    page.get_by_label("Choose a password").fill("a-Long-secret-42")
    page.get_by_label("Type the password again").fill("a-Long-secret-42")
    page.get_by_role("button", name="Continue").click()
    assert page.locator("h1").inner_text() == "Registration received"

    letter = ActivationLetter.objects.get(organisation__name="Bakkerij Jansen B.V.")
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", _pdf_text(letter.pdf.read())).group(0)
    page.get_by_role("link", name="Go to the activation page").click()
    page.get_by_label("E-mail address").fill("piet@jansen.test")
    page.get_by_label("Activation code").fill(code.lower())
    page.get_by_role("button", name="Activate").click()
    assert page.locator("h1").inner_text() == "Account activated"
    assert Organisation.objects.get(name="Bakkerij Jansen B.V.").status == Organisation.Status.ACTIVE

    page.get_by_role("link", name="Continue").click()
    page.get_by_label("E-mail address").fill("piet@jansen.test")
    page.get_by_label("Password").fill("a-Long-secret-42")
    page.get_by_role("button", name="Log in").click()
    assert page.locator("h1").inner_text() == "Bakkerij Jansen B.V."


def test_foreign_employer_gets_the_paper_form(live_server, page):
    page.goto(live_server.url + "/accounts/register/")
    page.get_by_label("An employer sending employees abroad").check()
    page.get_by_label("State of establishment").select_option("DE")
    page.get_by_role("button", name="Continue").click()
    assert page.locator("h1").inner_text() == "Your company cannot apply online"
    response = page.request.get(live_server.url + "/accounts/register/application-form.pdf")
    assert response.headers["content-type"] == "application/pdf"


def test_representative_switches_between_mandating_employers(live_server, page):
    call_command("load_demo", verbosity=0)
    log_in(page, live_server, "consultant@demo.test", PASSWORD)
    page.goto(live_server.url + "/accounts/personnel/")
    switcher = page.get_by_label("Acting for")
    options = switcher.locator("option").all_inner_texts()
    assert options == ["Hollandse Transport B.V.", "Van Dijk Bouw B.V."]
    switcher.select_option(label="Van Dijk Bouw B.V.")
    page.get_by_role("button", name="Switch").click()
    assert page.get_by_role("link", name="Delporte, Anna").is_visible()
    page.get_by_label("Acting for").select_option(label="Hollandse Transport B.V.")
    page.get_by_role("button", name="Switch").click()
    assert page.get_by_text("The directory is empty").is_visible()
    assert page.get_by_role("link", name="Delporte, Anna").count() == 0


def test_personnel_search(live_server, page):
    call_command("load_demo", verbosity=0)
    log_in(page, live_server, "employer@demo.test", PASSWORD)
    page.get_by_role("link", name="Personnel directory").click()
    page.get_by_label("Search by personal number or family name").fill("POR")
    page.get_by_role("button", name="Search").click()
    rows = page.locator("tbody tr")
    assert rows.count() == 1
    assert "Delporte, Anna" in rows.first.inner_text()
    assert "•••••2333" in rows.first.inner_text()
    rows.first.get_by_role("link").click()
    assert page.locator("h1").inner_text() == "Anna Delporte"
    assert page.get_by_text("111222333").is_visible()


def test_csv_import_with_progress_and_report(live_server, page, tmp_path):
    call_command("load_demo", verbosity=0)
    log_in(page, live_server, "employer@demo.test", PASSWORD)
    page.goto(live_server.url + "/accounts/personnel/import/")
    csv_file = tmp_path / "staff.csv"
    csv_file.write_text(
        "personal_number;family_name;given_names;birth_date;sex;nationality;street;postal_code;town;country;"
        "date_of_entry\n"
        "111222333;Delporte;Anna;1985-07-30;F;NL;Oudegracht 1;3511 AA;Utrecht;NL;2015-01-01\n"
        "100000009;Nieuw;Noor;1999-01-01;F;NL;Oudegracht 2;3511 AA;Utrecht;NL;2024-01-01\n"
    )
    page.get_by_label("CSV file").set_input_files(str(csv_file))
    page.get_by_role("button", name="Upload and import").click()
    page.get_by_role("heading", name="Import complete").wait_for(timeout=15000)
    bar = page.locator("progress")
    assert bar.get_attribute("value") == bar.get_attribute("max") == "2"
    report = page.locator("#import-report tbody tr").all_inner_texts()
    assert "Duplicate" in report[0] and "Added" in report[1]
    page.get_by_role("link", name="Go to the personnel directory").click()
    page.get_by_label("Search by personal number or family name").fill("nieuw")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("link", name="Nieuw, Noor").is_visible()


def test_import_progress_is_polled_until_done_then_polling_stops(live_server, page):
    """The page of a queued import follows its progress by polling and shows the report once it is done,
    without the person reloading; after that no more polls."""
    from accounts.models import ImportJob, User
    from accounts.services.personnel import import_job_run

    call_command("load_demo", verbosity=0)
    employer = Organisation.objects.get(name="Van Dijk Bouw B.V.")
    job = ImportJob.objects.create(
        employer=employer,
        created_by=User.objects.get(email="employer@demo.test"),
        filename="staff.csv",
        source="personal_number,family_name,given_names,birth_date,nationality,street,postal_code,town,"
        "country,date_of_entry\n"
        "100000009,Nieuw,Noor,1999-01-01,NL,Oudegracht 2,3511 AA,Utrecht,NL,2024-01-01\n",
    )
    polls = []

    def poll(route):
        # Runs on the test thread, so no poll reaches the server while the test writes the job
        # (SQLite of the live server locks the table for concurrent readers).
        polls.append(route.request.url)
        route.continue_()

    page.route("**/*format=json*", poll)
    log_in(page, live_server, "employer@demo.test", PASSWORD)
    page.goto(f"{live_server.url}/accounts/personnel/import/{job.pk}/")
    assert page.locator("#import-status").text_content() == "Waiting to start"
    page.wait_for_timeout(1500)
    assert polls, "the page does not poll"
    import_job_run(job_id=job.pk)
    page.get_by_role("heading", name="Import complete").wait_for(timeout=10000)
    assert page.locator("#import-label").inner_text() == "1 of 1 rows checked"
    assert "Added" in page.locator("#import-report tbody tr").first.inner_text()
    seen = len(polls)
    page.wait_for_timeout(2500)
    assert len(polls) == seen, "polling goes on after the import finished"
