import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Employee, ImportJob
from tests import factories

pytestmark = pytest.mark.django_db

VALID = {
    "personal_number": "111222333",
    "family_name": "Delporte",
    "given_names": "Anna",
    "family_name_at_birth": "",
    "birth_date": "1985-07-30",
    "sex": "F",
    "birth_place": "",
    "nationality": "NL",
    "street": "Kerkstraat 10",
    "postal_code": "1017 GB",
    "town": "Amsterdam",
    "country": "NL",
    "temp_street": "",
    "temp_postal_code": "",
    "temp_town": "",
    "temp_country": "",
    "date_of_entry": "2015-01-01",
    "periods-TOTAL_FORMS": "1",
    "periods-INITIAL_FORMS": "0",
    "periods-MIN_NUM_FORMS": "0",
    "periods-MAX_NUM_FORMS": "1000",
    "periods-0-start": "2015-01-01",
    "periods-0-end": "",
}


@pytest.fixture
def admin_client(client, employer_admin):
    client.force_login(employer_admin)
    return client


def test_add_employee_with_period(admin_client, employer):
    response = admin_client.post(reverse("accounts:personnel_add"), VALID)
    employee = Employee.objects.get(employer=employer)
    assert response.status_code == 302
    assert employee.personal_number == "111222333"
    assert [(p.start, p.end) for p in employee.employment_periods.all()] == [(dt.date(2015, 1, 1), None)]


def test_invalid_bsn_is_reported_at_the_field_and_input_kept(admin_client):
    response = admin_client.post(reverse("accounts:personnel_add"), {**VALID, "personal_number": "111222334"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "This BSN is not right: its 9 digits fail the 11-proof" in html
    assert 'value="111222334"' in html
    assert 'value="Delporte"' in html
    assert not Employee.objects.exists()


def test_period_end_before_start_is_an_error_not_a_500(admin_client):
    data = {**VALID, "periods-0-end": "2014-01-01"}
    response = admin_client.post(reverse("accounts:personnel_add"), data)
    assert response.status_code == 200
    assert "must be on or after its start" in response.content.decode()


def test_temporary_address_needs_all_parts(admin_client):
    response = admin_client.post(reverse("accounts:personnel_add"), {**VALID, "has_temp_address": "on"})
    assert "Enter the temporary address in full" in response.content.decode()


def test_duplicate_personal_number_in_same_directory(admin_client, employer):
    factories.make_employee(employer, personal_number="111222333")
    response = admin_client.post(reverse("accounts:personnel_add"), VALID)
    assert "already in your personnel directory" in response.content.decode()


def test_edit_changes_periods(admin_client, employee):
    url = reverse("accounts:personnel_edit", args=[employee.pk])
    data = {
        **VALID,
        "personal_number": employee.personal_number,
        "periods-TOTAL_FORMS": "2",
        "periods-0-end": "2016-12-31",
        "periods-1-start": "2018-01-01",
        "periods-1-end": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert employee.employment_periods.count() == 2


def test_overlapping_periods_are_refused(admin_client, employee):
    url = reverse("accounts:personnel_edit", args=[employee.pk])
    data = {
        **VALID,
        "personal_number": employee.personal_number,
        "periods-TOTAL_FORMS": "2",
        "periods-1-start": "2018-01-01",
    }
    response = admin_client.post(url, data)
    assert "must not overlap" in response.content.decode()


def test_search_by_part_of_family_name_any_case(admin_client, employer):
    factories.make_employee(employer, family_name="Delporte")
    factories.make_employee(employer, family_name="Jansen")
    html = admin_client.get(reverse("accounts:personnel"), {"q": "POR"}).content.decode()
    assert "Delporte" in html and "Jansen" not in html


def test_search_by_personal_number_and_numbers_masked(admin_client, employer):
    factories.make_employee(employer, family_name="Delporte", personal_number="111222333")
    factories.make_employee(employer, family_name="Jansen", personal_number="123456782")
    html = admin_client.get(reverse("accounts:personnel"), {"q": "1112.22.333"}).content.decode()
    assert "Delporte" in html and "Jansen" not in html
    assert "111222333" not in html and "2333" in html


def test_a_posted_search_keeps_the_number_out_of_the_address(admin_client, employer):
    """The search form posts (coverage_portal/personal_search.py): the number typed goes into the
    session under a token, and the address, the pages' links and the browser's history hold the token."""
    factories.make_employee(employer, family_name="Delporte", personal_number="111222333")
    for i in range(30):
        factories.make_employee(employer, family_name=f"Delporte{i:02d}")
    factories.make_employee(employer, family_name="Jansen", personal_number="123456782")
    posted = admin_client.post(reverse("accounts:personnel"), {"q": "111222333"})
    assert posted.status_code == 302 and "111222333" not in posted["Location"]
    html = admin_client.get(posted["Location"]).content.decode()
    assert "Delporte" in html and "Jansen" not in html and 'value="111222333"' in html
    by_name = admin_client.post(reverse("accounts:personnel"), {"q": "delporte"})["Location"]
    assert "delporte" not in by_name.lower()
    first = admin_client.get(by_name).content.decode()
    token = by_name.split("person=")[1]
    assert f"person={token}&amp;page=2" in first and "q=" not in first.split("pagination")[-1]
    assert "Jansen" not in admin_client.get(f"{by_name}&page=2").content.decode()


def test_list_is_paginated(admin_client, employer):
    for i in range(30):
        factories.make_employee(employer, family_name=f"Person{i:02d}")
    first = admin_client.get(reverse("accounts:personnel")).content.decode()
    second = admin_client.get(reverse("accounts:personnel"), {"page": 2}).content.decode()
    assert "Person00" in first and "Person29" not in first
    assert "Person29" in second


HEADER = "personal_number,family_name,given_names,birth_date,sex,nationality,street,postal_code,town,country,date_of_entry,employment_start,employment_end,temp_street,temp_postal_code,temp_town,temp_country\n"  # noqa: E501
ROW_A = "111222333,Delporte,Anna,1985-07-30,F,NL,Kerkstraat 10,1017 GB,Amsterdam,NL,2015-01-01,,,,,,\n"
ROW_B = "123456782,Jansen,Piet,1990-02-01,M,NL,Dorpsstraat 2,1234 AB,Utrecht,NL,2019-03-01,2019-03-01,,Rue 1,1000,Brussel,BE\n"  # noqa: E501


def upload(client, text, name="staff.csv", capture=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with capture(execute=True):
        return client.post(
            reverse("accounts:personnel_import"),
            {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")},
        )


def test_csv_import_creates_everyone_and_second_run_reports_duplicates(
    admin_client, employer, django_capture_on_commit_callbacks
):
    response = upload(admin_client, HEADER + ROW_A + ROW_B, capture=django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert response.url == reverse("accounts:personnel_import_status", args=[job.pk])
    assert job.status == ImportJob.Status.DONE and job.created_count == 2
    jansen = Employee.objects.get(family_name="Jansen")
    assert jansen.temp_town == "Brussel" and jansen.employment_periods.count() == 1
    page = admin_client.get(response.url).content.decode()
    assert "2 employees added" in page and "<progress" in page
    upload(admin_client, HEADER + ROW_A + ROW_B, capture=django_capture_on_commit_callbacks)
    second = ImportJob.objects.order_by("-pk").first()
    assert second.duplicate_count == 2 and second.created_count == 0
    assert Employee.objects.count() == 2


def test_csv_import_with_a_bad_row_imports_nothing_and_reports_every_row(
    admin_client, employer, django_capture_on_commit_callbacks
):
    bad = "111222334,Bad,Number,1985-07-30,F,NL,Straat 1,1000 AA,Amsterdam,NL,2015-01-01,,,,,,\n"
    bad_date = "123456782,Late,Date,1990-13-01,M,NL,Straat 2,1000 AA,Amsterdam,NL,2019-01-01,,,,,,\n"
    upload(admin_client, HEADER + ROW_A + bad + bad_date, capture=django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert not Employee.objects.exists()
    outcomes = [(r["row"], r["outcome"]) for r in job.report]
    assert outcomes == [(2, "not_imported"), (3, "error"), (4, "error")]
    assert any("personal_number" in e for e in job.report[1]["errors"])
    assert any("birth_date" in e for e in job.report[2]["errors"])
    page = admin_client.get(reverse("accounts:personnel_import_status", args=[job.pk])).content.decode()
    assert "Nothing was imported" in page and "2 rows have errors" in page


def test_csv_without_required_columns_is_refused_at_the_field(
    admin_client, django_capture_on_commit_callbacks
):
    response = upload(admin_client, "name;town\nA;B\n", capture=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Missing: personal_number" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_non_csv_and_binary_files_are_refused(admin_client, django_capture_on_commit_callbacks):
    response = upload(admin_client, "x", name="staff.xlsx", capture=django_capture_on_commit_callbacks)
    assert "must be a CSV file" in response.content.decode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = admin_client.post(
        reverse("accounts:personnel_import"),
        {"file": SimpleUploadedFile("s.csv", b"\xff\xfe\x00bad", content_type="text/csv")},
    )
    assert "UTF-8" in response.content.decode()


def test_import_status_json_for_polling(admin_client, employer, employer_admin):
    job = ImportJob.objects.create(
        employer=employer, created_by=employer_admin, source=HEADER, rows_total=10, rows_done=5
    )
    url = reverse("accounts:personnel_import_status", args=[job.pk])
    data = admin_client.get(url, {"format": "json"}).json()
    assert data == {
        "status": "queued",
        "status_display": "Waiting to start",
        "rows_done": 5,
        "rows_total": 10,
        "percent": 50,
        "finished": False,
        "label": "5 of 10 rows checked",
    }
    html = admin_client.get(url).content.decode()
    assert 'http-equiv="refresh"' in html  # without JavaScript the page reloads itself
    assert '<progress id="import-bar" max="10" value="5">' in html
    job.status, job.rows_done, job.finished_at = ImportJob.Status.DONE, 10, timezone.now()
    job.save()
    finished = admin_client.get(url).content.decode()
    assert 'http-equiv="refresh"' not in finished and "fetch(" not in finished  # polling stops


def test_import_task_is_idempotent(employer, employer_admin):
    from accounts.tasks import import_personnel

    job = ImportJob.objects.create(employer=employer, created_by=employer_admin, source=HEADER + ROW_A)
    assert import_personnel.delay(job.pk).get() == "done"
    assert import_personnel.delay(job.pk).get() == "done"
    assert Employee.objects.count() == 1


def test_template_csv_has_the_columns(admin_client):
    response = admin_client.get(reverse("accounts:personnel_import_template"))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().startswith("personal_number,family_name,given_names")


def test_belgian_institution_checks_ssin(settings, admin_client):
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "state": "BE", "person_id": "SSIN"}
    bad = admin_client.post(reverse("accounts:personnel_add"), VALID).content.decode()
    assert "Enter a valid SSIN" in bad
    response = admin_client.post(
        reverse("accounts:personnel_add"), {**VALID, "personal_number": "85.07.30-033.28"}
    )
    assert response.status_code == 302
    assert Employee.objects.get().personal_number == "85073003328"


def test_a_thousand_row_file_with_row_900_bad_imports_nobody_and_points_at_row_900(
    admin_client, employer, django_capture_on_commit_callbacks
):
    numbers = list(dict.fromkeys(factories.valid_bsn(n) for n in range(5000, 6200)))[:999]
    assert len(numbers) == 999
    rows = [
        f"{number},Person{i:04d},Kim,1980-01-01,F,NL,Straat {i},1000 AA,Amsterdam,NL,2015-01-01,,,,,,\n"
        for i, number in enumerate(numbers)
    ]
    # File row 900 (the header is row 1): a BSN that fails the 11-proof.
    rows[898] = "123456789,Wrong,Number,1980-01-01,F,NL,Straat 1,1000 AA,Amsterdam,NL,2015-01-01,,,,,,\n"
    upload(admin_client, HEADER + "".join(rows), capture=django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED and job.created_count == 0
    assert not Employee.objects.exists()
    assert [entry["row"] for entry in job.report if entry["outcome"] == "error"] == [900]
    page = admin_client.get(reverse("accounts:personnel_import_status", args=[job.pk])).content.decode()
    assert "Nothing was imported" in page and "1 row has an error." in page
    # The person reads the row number, the masked number and what is wrong; not 999 rows of noise.
    table = page[page.index('id="import-report"') :]
    assert "<td>900</td><td>Wrong, Number</td><td>•••••6789</td>" in table
    assert "This BSN is not right" in table and "123456789" not in page
    assert "Person0000" not in table
    assert '<progress id="import-bar" max="999" value="999">' in page


def test_a_good_import_lists_every_row_with_its_masked_number(
    admin_client, employer, django_capture_on_commit_callbacks
):
    upload(admin_client, HEADER + ROW_A + ROW_B, capture=django_capture_on_commit_callbacks)
    page = admin_client.get(
        reverse("accounts:personnel_import_status", args=[ImportJob.objects.get().pk])
    ).content.decode()
    page = re.sub(r">\s+<", "><", page)
    assert "<td>2</td><td>Delporte, Anna</td><td>•••••2333</td><td>Added</td>" in page
    assert "<td>3</td><td>Jansen, Piet</td><td>•••••6782</td><td>Added</td>" in page
    assert "111222333" not in page


def edit_data(employee, **changes):
    periods = [
        (p.start.isoformat(), p.end.isoformat() if p.end else "") for p in employee.employment_periods.all()
    ]
    data = {
        **VALID,
        "personal_number": employee.personal_number,
        "family_name": employee.family_name,
        "periods-TOTAL_FORMS": str(len(periods)),
        "periods-INITIAL_FORMS": str(len(periods)),
    }
    for i, (start, end) in enumerate(periods):
        data[f"periods-{i}-start"], data[f"periods-{i}-end"] = start, end
    data.update(changes)
    return data


def test_edit_page_shows_the_temporary_address_and_every_period(admin_client, employer):
    employee = factories.make_employee(
        employer, temp_street="Rue Neuve 1", temp_postal_code="1000", temp_town="Brussel", temp_country="BE"
    )
    employee.employment_periods.create(start=dt.date(2020, 1, 1), end=None)
    employee.employment_periods.filter(start=dt.date(2015, 1, 1)).update(end=dt.date(2018, 12, 31))
    html = admin_client.get(reverse("accounts:personnel_edit", args=[employee.pk])).content.decode()
    assert 'name="has_temp_address" id="id_has_temp_address" checked' in html
    assert 'value="Rue Neuve 1"' in html
    assert 'value="2015-01-01"' in html and 'value="2018-12-31"' in html and 'value="2020-01-01"' in html
    assert 'id="id_periods-2-start"' in html  # an empty line to add a period


def test_setting_and_removing_a_temporary_address(admin_client, employer):
    employee = factories.make_employee(employer)
    url = reverse("accounts:personnel_edit", args=[employee.pk])
    temp = {
        "has_temp_address": "on",
        "temp_street": "Rue Neuve 1",
        "temp_postal_code": "1000",
        "temp_town": "Brussel",
        "temp_country": "BE",
    }
    assert admin_client.post(url, edit_data(employee, **temp)).status_code == 302
    employee.refresh_from_db()
    assert (employee.temp_town, employee.temp_country.code) == ("Brussel", "BE")
    detail = admin_client.get(reverse("accounts:personnel_detail", args=[employee.pk])).content.decode()
    assert "Temporary address" in detail and "Rue Neuve 1" in detail
    # Unticking the box removes the temporary address, even if its fields still hold text.
    without = edit_data(employee, **{**temp, "has_temp_address": ""})
    assert admin_client.post(url, without).status_code == 302
    employee.refresh_from_db()
    assert employee.temp_street == "" and employee.temp_town == ""


def test_removing_and_adding_employment_periods(admin_client, employer):
    employee = factories.make_employee(employer)
    employee.employment_periods.update(end=dt.date(2016, 12, 31))
    url = reverse("accounts:personnel_edit", args=[employee.pk])
    data = edit_data(employee, **{"periods-TOTAL_FORMS": "2", "periods-1-start": "2019-05-01"})
    assert admin_client.post(url, data).status_code == 302
    assert [(p.start, p.end) for p in employee.employment_periods.all()] == [
        (dt.date(2015, 1, 1), dt.date(2016, 12, 31)),
        (dt.date(2019, 5, 1), None),
    ]
    data = edit_data(employee, **{"periods-0-DELETE": "on"})
    assert admin_client.post(url, data).status_code == 302
    assert [(p.start, p.end) for p in employee.employment_periods.all()] == [(dt.date(2019, 5, 1), None)]
    # Deleting the last period is refused with a message, and nothing changes.
    html = admin_client.post(url, edit_data(employee, **{"periods-0-DELETE": "on"})).content.decode()
    assert "Give at least one employment period." in html
    assert employee.employment_periods.count() == 1


def test_a_failed_edit_keeps_what_was_typed(admin_client, employer):
    employee = factories.make_employee(employer)
    url = reverse("accounts:personnel_edit", args=[employee.pk])
    data = edit_data(
        employee,
        **{
            "town": "Haarlem",
            "periods-TOTAL_FORMS": "2",
            "periods-1-start": "2030-02-01",
            "periods-1-end": "2030-01-01",
        },
    )
    html = admin_client.post(url, data).content.decode()
    assert "must be on or after its start" in html
    assert 'value="Haarlem"' in html and 'value="2030-02-01"' in html and 'value="2030-01-01"' in html
    employee.refresh_from_db()
    assert employee.town == "Amsterdam"


@pytest.mark.parametrize("query", ["111222333", "1112.22.333", "111 222 333", "111-222-333"])
def test_search_by_personal_number_ignores_separators(admin_client, employer, query):
    factories.make_employee(employer, family_name="Delporte", personal_number="111222333")
    factories.make_employee(employer, family_name="Jansen", personal_number="123456782")
    html = admin_client.get(reverse("accounts:personnel"), {"q": query}).content.decode()
    assert "Delporte" in html and "Jansen" not in html


@pytest.mark.parametrize("query", ["por", "POR", "Delp", "porte", " delporte "])
def test_search_by_part_of_family_name(admin_client, employer, query):
    factories.make_employee(employer, family_name="Delporte")
    factories.make_employee(employer, family_name="Jansen")
    html = admin_client.get(reverse("accounts:personnel"), {"q": query}).content.decode()
    assert "Delporte, Anna" in html and "Jansen" not in html


def test_belgian_directory_takes_a_bis_number_and_finds_it_with_separators(settings, admin_client, employer):
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "state": "BE", "person_id": "SSIN"}
    form = admin_client.get(reverse("accounts:personnel_add")).content.decode()
    assert '<label class="label" for="id_personal_number">SSIN</label>' in form
    assert "national number or BIS number" in form
    bis = "85.47.30-033.17"  # a BIS number: month + 40
    response = admin_client.post(reverse("accounts:personnel_add"), {**VALID, "personal_number": bis})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Employee.objects.get().personal_number == "85473003317"
    html = admin_client.get(reverse("accounts:personnel"), {"q": "85.47.30-033.17"}).content.decode()
    assert "Delporte, Anna" in html and "SSIN" in html


def test_the_import_page_explains_the_columns_in_the_readers_language(admin_client):
    url = reverse("accounts:personnel_import")
    english = admin_client.get(url).content.decode()
    assert "ISO country code, e.g. NL" in english and "YYYY-MM-DD; empty while employed" in english
    admin_client.post(reverse("set_language"), {"language": "nl", "next": url})
    dutch = admin_client.get(url).content.decode()
    assert "ISO-landcode, bijv. NL" in dutch and "JJJJ-MM-DD; leeg zolang de werknemer in dienst is" in dutch
    assert "<code>personal_number</code>" in dutch  # the column names stay as the file needs them
