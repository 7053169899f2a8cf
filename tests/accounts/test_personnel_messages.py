"""What the personnel pages and the CSV import say about wrong dates, codes and addresses: what is
wanted, at the field (or the row's column), never Django's "Enter a valid date." or "Select a valid
choice. X is not one of the available choices."."""

import pytest
from django.urls import reverse

from accounts.models import Employee, ImportJob

from .test_personnel import HEADER, ROW_A, VALID, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, employer_admin):
    client.force_login(employer_admin)
    return client


def field_error(html, field):
    """The message shown under the field (its error paragraph names it for screen readers)."""
    start = html.index(f'id="id_{field}_error"')
    return html[start : html.index("</div>", start)]


def test_a_dutch_postal_code_is_checked_and_kept_in_its_usual_form(admin_client):
    html = admin_client.post(
        reverse("accounts:personnel_add"), {**VALID, "postal_code": "!!!"}
    ).content.decode()
    assert "Enter a Dutch postal code as 4 digits and 2 letters, like 1017 GB." in field_error(
        html, "postal_code"
    )
    assert not Employee.objects.exists()
    admin_client.post(reverse("accounts:personnel_add"), {**VALID, "postal_code": "1017gb"})
    assert Employee.objects.get().postal_code == "1017 GB"


def test_a_foreign_postal_code_is_taken_as_typed(admin_client):
    data = {**VALID, "postal_code": "B-1000", "town": "Brussel", "country": "BE"}
    assert admin_client.post(reverse("accounts:personnel_add"), data).status_code == 302


def test_a_date_of_birth_in_the_future_is_refused_at_its_field(admin_client):
    html = admin_client.post(
        reverse("accounts:personnel_add"), {**VALID, "birth_date": "2085-07-30"}
    ).content.decode()
    assert "The date of birth cannot be in the future." in field_error(html, "birth_date")
    assert not Employee.objects.exists()


def test_a_date_that_is_not_a_date_says_the_format(admin_client):
    html = admin_client.post(
        reverse("accounts:personnel_add"), {**VALID, "birth_date": "31-02-1985"}
    ).content.decode()
    assert "Enter the date as year-month-day, like 1985-07-30." in field_error(html, "birth_date")
    assert "Enter a valid date." not in html


def test_an_import_row_says_what_each_column_should_hold(admin_client, django_capture_on_commit_callbacks):
    # Not a day in any order (30-01-1990 is read day first, as in every language since session 14).
    row = "123456782,Late,Date,30-02-1990,X,XX,Straat 2,!!!,Utrecht,Netherlands,2019-01-01,,,,,,\n"
    upload(admin_client, HEADER + row, capture=django_capture_on_commit_callbacks)
    errors = ImportJob.objects.get().report[0]["errors"]
    assert errors == [
        "birth_date: Enter the date as year-month-day, like 1985-07-30.",
        "sex: Give the sex as F, M or U (unknown).",
        "nationality: Give the country as its two-letter code, like NL or BE.",
        "country: Give the country as its two-letter code, like NL or BE.",
    ]


def test_a_file_with_column_names_only_is_refused_at_the_field(
    admin_client, django_capture_on_commit_callbacks
):
    response = upload(admin_client, HEADER + "\n,,,\n", capture=django_capture_on_commit_callbacks)
    html = response.content.decode()
    assert response.status_code == 200 and not ImportJob.objects.exists()
    assert "The file names the columns but has no employees below them." in field_error(html, "file")


def test_an_empty_file_says_what_to_choose(admin_client, django_capture_on_commit_callbacks):
    html = upload(admin_client, "", capture=django_capture_on_commit_callbacks).content.decode()
    assert "The file is empty. Choose the CSV file with your employees." in field_error(html, "file")
    assert upload(admin_client, HEADER + ROW_A, capture=django_capture_on_commit_callbacks).status_code == 302
