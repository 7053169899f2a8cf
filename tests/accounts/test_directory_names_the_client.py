"""A consultant acting for a client reads "the personnel directory of Van Dijk Bouw B.V.", where the
employer's own staff read "your personnel directory": the consultant's firm has no directory of
these people (accounts/directory_words.py, accounts.acting.client_of)."""

import html

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Employee
from tests import factories
from tests.accounts.test_personnel import VALID
from tests.postings.test_posting_wizard import P
from tests.postings.wizard_helpers import post_step, start, step_url

pytestmark = pytest.mark.django_db
CLIENT = "Van Dijk Bouw B.V."


@pytest.fixture
def consultant(client, representative_user):
    client.force_login(representative_user)
    return client


@pytest.fixture
def staff(client, employer_admin):
    client.force_login(employer_admin)
    return client


def text(response) -> str:
    page = html.unescape(response.content.decode())
    assert "B.V.." not in page  # the name's own full stop ends the sentence
    return page


def add_twice(client, language="en") -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    assert client.post(reverse("accounts:personnel_add"), VALID).status_code == 302
    return text(client.post(reverse("accounts:personnel_add"), VALID))


def test_a_consultant_adding_a_person_twice_reads_the_clients_directory(consultant):
    page = add_twice(consultant)
    assert f"This person is already in the personnel directory of {CLIENT}" in page
    assert "your personnel directory" not in page


@pytest.mark.parametrize(
    "language, said",
    [
        ("nl", f"Deze persoon staat al in het personeelsbestand van {CLIENT}"),
        ("fr", f"Cette personne figure déjà dans le répertoire du personnel de {CLIENT}"),
        ("de", f"Diese Person ist bereits im Personalverzeichnis von {CLIENT}"),
    ],
)
def test_the_consultant_reads_it_in_their_language(consultant, language, said):
    assert said in add_twice(consultant, language)


def test_staff_still_read_your_directory(staff):
    assert "This person is already in your personnel directory." in add_twice(staff)


def test_a_number_taken_by_another_person_names_the_clients_directory(consultant, employer):
    add_twice(consultant)
    other = {**VALID, "personal_number": "123456782", "family_name": "Jansen"}
    assert consultant.post(reverse("accounts:personnel_add"), other).status_code == 302
    jansen = Employee.objects.get(employer=employer, family_name="Jansen")
    edit = reverse("accounts:personnel_edit", args=[jansen.pk])
    page = text(consultant.post(edit, {**other, "personal_number": VALID["personal_number"]}))
    assert f"Another person in the personnel directory of {CLIENT} has this number." in page


def test_an_empty_import_file_names_the_clients_employees(consultant):
    empty = SimpleUploadedFile("people.csv", b"", content_type="text/csv")
    page = text(consultant.post(reverse("accounts:personnel_import"), {"file": empty}))
    assert f"The file is empty. Choose the CSV file with the employees of {CLIENT}" in page
    assert "your employees" not in page


def test_staff_importing_an_empty_file_read_your_employees(staff):
    empty = SimpleUploadedFile("people.csv", b"", content_type="text/csv")
    page = text(staff.post(reverse("accounts:personnel_import"), {"file": empty}))
    assert "Choose the CSV file with your employees." in page


def test_a_worker_removed_already_is_no_longer_in_the_clients_directory(consultant, employee):
    url = reverse("postings:worker_remove", args=[employee.pk])
    employee.delete()
    page = text(consultant.get(url, follow=True))
    assert f"This person is no longer in the personnel directory of {CLIENT}" in page


def test_the_wizard_start_and_search_name_the_client(consultant, employee):
    start_page = text(consultant.get(reverse("postings:start", args=["posting"])))
    assert (
        f"You may only ask for an employee who is employed by {CLIENT} during the whole period." in start_page
    )
    assert "in your employ" not in start_page
    draft = start(consultant, "posting")
    found = text(post_step(consultant, draft, "employee", {"query": "nobody-like-this"}, P, search="1"))
    assert f"No employee in the personnel directory of {CLIENT} matches this search." in found


def test_staff_read_your_on_the_wizard_start_and_search(staff, employee):
    assert "in your employ during the whole period" in text(
        staff.get(reverse("postings:start", args=["posting"]))
    )
    draft = start(staff, "posting")
    found = text(post_step(staff, draft, "employee", {"query": "nobody-like-this"}, P, search="1"))
    assert "No employee in your personnel directory matches this search." in found


def test_naming_the_client_costs_the_start_page_no_query(representative_user, employer_admin, employee):
    url = reverse("postings:start", args=["posting"])
    counts = []
    for user in (employer_admin, representative_user):
        browser = Client()
        browser.force_login(user)
        browser.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert browser.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[1] <= counts[0]  # the consultant's page asks no more than the staff's


@pytest.mark.parametrize(
    "language, said",
    [
        ("en", f"The temporary address below comes from the personnel directory of {CLIENT} Check it"),
        (
            "fr",
            f"L'adresse temporaire ci-dessous provient du répertoire du personnel de {CLIENT} Vérifiez-la",
        ),
    ],
)
def test_the_temporary_address_comes_from_the_clients_directory(consultant, employer, language, said):
    worker = factories.make_employee(
        employer, temp_street="Rue Haute 5", temp_postal_code="1000", temp_town="Bruxelles", temp_country="BE"
    )
    consultant.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    draft = start(consultant, "posting")
    post_step(consultant, draft, "employee", {"query": "por", "employee": worker.pk}, P)
    assert said in text(consultant.get(step_url(draft, "address")))
