"""An employer removes a worker from its personnel directory (GDPR erasure): the worker's page asks
first and says what happens; drafts for the worker go, sent requests and certificates keep the worker
as sent on every page that shows them; the same through the API's DELETE."""

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from accounts.models import AuditEvent, Employee, EmployeeAuthorization
from accounts.selectors import employee_search
from accounts.services.personnel import import_job_create
from casework.pdf import render_certificate_pdf
from postings.models import CoverageRequest
from postings.selectors import worker_requests
from postings.status import Status
from tests import factories
from tests.api.conftest import client_for
from tests.casework.builders import make_request
from tests.casework.conftest import caseworker_client, engine  # noqa: F401 - fixtures
from tests.casework.test_certificate_pdf import approved
from tests.postings.wizard_helpers import post_step, start

pytestmark = pytest.mark.django_db


def remove_url(employee):
    return reverse("postings:worker_remove", args=[employee.pk])


def api_url(employer, employee):
    return f"/api/v1/employers/{employer.pk}/personnel/{employee.pk}/"


def text_of_pdf(content: bytes, tmp_path) -> str:
    path = tmp_path / "certificate.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["/usr/bin/pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def make_draft(employer, employee, user):
    return CoverageRequest.objects.create(
        type="posting", employer=employer, employee=employee, created_by=user
    )


def make_authorization(employer, employee, firm, user, **fields):
    return EmployeeAuthorization.objects.create(
        employer=employer,
        employee=employee,
        representative=firm,
        uploaded_by=user,
        file=ContentFile(b"%PDF-1.4 signed", name="signed.pdf"),
        **fields,
    )


@pytest.fixture
def worker(engine, employer, employer_admin, employee, caseworker, representative_firm):  # noqa: F811
    """Anna Delporte with an approved posting (certificate), a second sent request, two drafts, an
    authorization a sent request used and one no request used."""
    certificate = approved(engine, employer, employee, caseworker, employer_admin)
    second = make_request(
        employer, employee, employer_admin, start=dt.date(2028, 3, 1), end=dt.date(2028, 6, 30)
    )
    drafts = [make_draft(employer, employee, employer_admin) for _ in range(2)]
    used = make_authorization(
        employer, employee, representative_firm, employer_admin, used_by_request_id=certificate.request.pk
    )
    unused = make_authorization(employer, employee, representative_firm, employer_admin)
    return {
        "employee": employee,
        "number": employee.personal_number,
        "certificate": certificate,
        "sent": [certificate.request, second],
        "drafts": drafts,
        "used": used,
        "unused": unused,
    }


def test_the_workers_page_offers_removal_and_the_confirm_page_says_what_happens(
    client, employer_admin, worker
):
    client.force_login(employer_admin)
    employee = worker["employee"]
    detail = client.get(reverse("accounts:personnel_detail", args=[employee.pk])).content.decode()
    assert f'href="{remove_url(employee)}"' in detail and "Remove from the directory" in detail

    page = client.get(remove_url(employee))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Remove Anna Delporte from the personnel directory?" in html
    assert "deleted with the personal number, the addresses and the employment periods" in html
    assert "2 sent requests stay as they were sent" in html and "certificates go on showing" in html
    numbers = ", ".join(str(d.pk) for d in worker["drafts"])
    assert (
        f"2 drafts for this worker are deleted, with what was uploaded for them: numbers {numbers}." in html
    )
    assert "1 signed authorization of the worker that no request used is deleted." in html
    assert "1 signed authorization used by a sent request is kept with that request." in html
    assert "This cannot be undone." in html and "Yes, remove from the directory" in html
    assert Employee.objects.filter(pk=employee.pk).exists()  # asking removes nothing


def test_removal_deletes_the_entry_and_drafts_and_keeps_every_sent_request_as_sent(
    client, employer_admin, employer, worker, tmp_path, django_capture_on_commit_callbacks
):
    client.force_login(employer_admin)
    employee, number = worker["employee"], worker["number"]
    drafts = ",".join(str(d.pk) for d in worker["drafts"])
    with django_capture_on_commit_callbacks(execute=True):  # the files go after the commit
        response = client.post(remove_url(employee), {"drafts": drafts})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:personnel")
    assert (
        "Anna Delporte was removed from the personnel directory."
        in client.get(response["Location"]).content.decode()
    )

    assert not Employee.objects.filter(pk=employee.pk).exists()
    assert not CoverageRequest.objects.filter(pk__in=[d.pk for d in worker["drafts"]]).exists()
    # The authorization no request used is gone with its file; the one a request used stays.
    assert not EmployeeAuthorization.objects.filter(pk=worker["unused"].pk).exists()
    assert not Path(worker["unused"].file.path).exists()
    kept = EmployeeAuthorization.objects.get(pk=worker["used"].pk)
    assert kept.employee is None and Path(kept.file.path).exists()
    listed = client.get(reverse("accounts:authorizations")).content.decode()
    assert "Removed from the directory" in listed and "Delporte" not in listed

    for sent in worker["sent"]:
        sent.refresh_from_db()
        assert sent.employee_id is None and sent.worker_as_sent["personal_number"] == number
        page = client.get(reverse("postings:detail", args=[sent.pk])).content.decode()
        assert "Anna Delporte<" in page and number in page and "30 July 1985" in page
    # The request's timeline still finds the worker's other sent request.
    assert {r.pk for r in worker_requests(worker["sent"][0])} == {r.pk for r in worker["sent"]}

    # The API's request detail.
    api = client_for(employer_admin)
    sent = worker["sent"][0]
    answer = api.get(f"/api/v1/employers/{employer.pk}/requests/{sent.pk}/").json()["worker"]
    assert answer["family_name"] == "Delporte" and answer["personal_number"] == number

    # The certificate: the PDF as stored, and as rendered again (an Art. 13 one made definitive).
    certificate = worker["certificate"]
    certificate.refresh_from_db()
    for content in (Path(certificate.pdf.path).read_bytes(), render_certificate_pdf(certificate)):
        text = text_of_pdf(content, tmp_path)
        assert "Delporte" in text and "Anna" in text and "1985-07-30" in text and number in text

    # The verification page.
    verified = client.post(
        reverse("casework:verify"), {"number": certificate.number, "birth_date": "1985-07-30"}
    ).content.decode()
    assert "This certificate is valid" in verified and "A. D." in verified

    # The audit trail says who removed which entry and what went, without the number or the name.
    event = AuditEvent.objects.get(action="employee.removed")
    assert event.actor == employer_admin and event.object_id == str(employee.pk)
    assert event.detail["drafts_deleted"] == [d.pk for d in worker["drafts"]]
    assert event.detail["sent_requests_kept"] == 2
    assert number not in str(event.detail) and "Delporte" not in str(event.detail)


def test_the_admin_request_page_still_shows_the_worker_and_the_authorization(
    employer,
    employer_admin,
    worker,
    caseworker_client,  # noqa: F811
):
    assert client_for(employer_admin).delete(api_url(employer, worker["employee"])).status_code == 204
    sent = worker["sent"][0]
    html = caseworker_client.get(
        reverse("admin:postings_coveragerequest_change", args=[sent.pk])
    ).content.decode()
    assert "<td>Delporte</td>" in html and f"<td>{worker['number']}</td>" in html
    assert reverse("admin:accounts_employeeauthorization_file", args=[worker["used"].pk]) in html


def test_the_directory_search_and_wizard_no_longer_offer_the_worker_and_an_import_adds_them_afresh(
    client, employer_admin, employer, employee, django_capture_on_commit_callbacks
):
    client.force_login(employer_admin)
    number = employee.personal_number
    draft = start(client, "posting")

    def wizard_offers():
        page = post_step(client, draft, "employee", {"query": "Delp"}, "posting_wizard", search="1")
        return "Anna" in page.content.decode()  # the results name her; the search's hint does not

    assert wizard_offers()
    client.post(remove_url(employee), {"drafts": ""}, follow=True)  # (searched, not chosen: no draft)
    assert not employee_search(employer_admin, employer, "Delp").exists()
    assert not employee_search(employer_admin, employer, number).exists()
    directory = client.get(reverse("accounts:personnel")).content.decode()
    assert reverse("accounts:personnel_detail", args=[employee.pk]) not in directory
    assert "Delporte, Anna" not in directory and "Anna Delporte" not in directory
    draft = start(client, "posting")
    assert not wizard_offers()

    csv = (
        "personal_number,family_name,given_names,birth_date,nationality,street,postal_code,town,country,"
        f"date_of_entry\n{number},Delporte,Anna,1985-07-30,NL,Kerkstraat 10,1017 GB,Amsterdam,NL,2024-01-01\n"
    )
    with django_capture_on_commit_callbacks(execute=True):  # the import task runs after the commit
        job = import_job_create(
            actor=employer_admin, employer=employer, filename="staff.csv", content=csv.encode()
        )
    job.refresh_from_db()
    assert job.status == "done" and job.created_count == 1 and job.duplicate_count == 0
    fresh = Employee.objects.get(employer=employer, personal_number=number)
    assert fresh.pk != employee.pk and fresh.date_of_entry == dt.date(2024, 1, 1)


def test_a_consultant_without_a_mandate_may_not_remove_and_one_with_a_mandate_may(
    client, employer, employee, representative_user
):
    stranger = factories.make_user(email="other@advies.test")
    factories.add_member(stranger, factories.make_representative(name="Geen Mandaat B.V."))
    client.force_login(stranger)
    assert client.get(remove_url(employee)).status_code == 403
    assert client.post(remove_url(employee), {"drafts": ""}).status_code == 403
    assert client_for(stranger).delete(api_url(employer, employee)).status_code == 404
    assert Employee.objects.filter(pk=employee.pk).exists()

    client.force_login(representative_user)
    assert client.post(remove_url(employee), {"drafts": ""}).status_code == 302
    assert not Employee.objects.filter(pk=employee.pk).exists()


def test_a_second_removal_says_the_person_is_gone_not_an_error(client, employer_admin, employer, employee):
    client.force_login(employer_admin)
    assert client.post(remove_url(employee), {"drafts": ""}).status_code == 302
    again = client.post(remove_url(employee), {"drafts": ""}, follow=True)
    assert again.status_code == 200
    assert "This person is no longer in your personnel directory." in again.content.decode()
    assert AuditEvent.objects.filter(action="employee.removed").count() == 1


def test_a_stale_confirm_page_removes_nothing_and_shows_the_page_again(
    client, employer_admin, employer, employee
):
    client.force_login(employer_admin)
    shown = make_draft(employer, employee, employer_admin)
    client.get(remove_url(employee))
    started_since = make_draft(employer, employee, employer_admin)
    response = client.post(remove_url(employee), {"drafts": str(shown.pk)})
    assert response.status_code == 409
    html = response.content.decode()
    assert "The drafts for this person changed since the page was shown." in html
    assert f"numbers {shown.pk}, {started_since.pk}." in html
    assert Employee.objects.filter(pk=employee.pk).exists()
    assert CoverageRequest.objects.filter(pk__in=[shown.pk, started_since.pk]).count() == 2


def test_removal_waits_while_a_sent_request_is_being_checked(client, employer_admin, employer, employee):
    waiting = make_request(employer, employee, employer_admin, submit=False, transaction_number="NL-A1-1")
    CoverageRequest.objects.filter(pk=waiting.pk).update(status=Status.SUBMITTED)
    client.force_login(employer_admin)
    response = client.post(remove_url(employee), {"drafts": ""})
    assert response.status_code == 409
    assert "Request NL-A1-1 for this person is still being checked." in response.content.decode()

    answer = client_for(employer_admin).delete(api_url(employer, employee))
    assert answer.status_code == 409
    assert answer.json()["errors"][0]["field"] == "requests"
    assert Employee.objects.filter(pk=employee.pk).exists()


def test_the_api_removes_with_delete_and_a_second_delete_is_not_found(employer_admin, employer, worker):
    api = client_for(employer_admin)
    employee = worker["employee"]
    assert api.delete(api_url(employer, employee)).status_code == 204
    assert not Employee.objects.filter(pk=employee.pk).exists()
    assert not CoverageRequest.objects.filter(pk__in=[d.pk for d in worker["drafts"]]).exists()
    assert CoverageRequest.objects.filter(pk__in=[r.pk for r in worker["sent"]]).count() == 2
    again = api.delete(api_url(employer, employee))
    assert again.status_code == 404 and again.json()["errors"][0]["message"]
    listed = api.get(f"/api/v1/employers/{employer.pk}/personnel/").json()
    assert listed["count"] == 0


@pytest.mark.parametrize(
    "language, expected",
    [
        ("nl", ["uit het personeelsbestand verwijderen?", "2 verstuurde aanvragen blijven", "2 concepten"]),
        ("fr", ["du répertoire du personnel ?", "2 demandes envoyées restent", "2 brouillons"]),
        ("de", ["aus dem Personalverzeichnis entfernen?", "2 gesendete Anträge bleiben", "2 Entwürfe"]),
    ],
)
def test_the_confirm_page_speaks_each_language(client, employer_admin, worker, language, expected):
    client.force_login(employer_admin)
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    html = client.get(remove_url(worker["employee"])).content.decode()
    for text in expected:
        assert text in html
    for english in ("Remove Anna", "sent requests stay", "drafts for this worker", "signed authorization"):
        assert english not in html


def test_a_worker_removed_and_added_again_keeps_their_earlier_requests_in_the_checks(
    employer, employer_admin, employee
):
    """The overlap and two-month-gap checks and the timeline still see the requests sent for the
    worker's removed entry, through the personal number they were sent with (same employer only)."""
    from postings.services.validation import check_earlier_requests

    earlier = make_request(employer, employee, employer_admin, submit=False, status=Status.IN_REVIEW)
    number = employee.personal_number
    api = client_for(employer_admin)
    assert api.delete(api_url(employer, employee)).status_code == 204

    again = factories.make_employee(employer, personal_number=number)
    overlapping = make_request(
        employer, again, employer_admin, submit=False, start=dt.date(2027, 6, 1), end=dt.date(2027, 8, 31)
    )
    assert [f["code"] for f in check_earlier_requests(overlapping)] == ["OVERLAPPING_REQUEST"]
    CoverageRequest.objects.filter(pk=overlapping.pk).update(status=Status.IN_REVIEW)
    assert {r.pk for r in worker_requests(overlapping)} == {earlier.pk, overlapping.pk}

    # Another employer's worker with the same number is another employment: not counted here.
    other = factories.make_employer(name="Andere Werkgever B.V.")
    elsewhere = make_request(
        other, factories.make_employee(other, personal_number=number), employer_admin, submit=False
    )
    CoverageRequest.objects.filter(pk=elsewhere.pk).update(status=Status.IN_REVIEW, employee=None)
    assert elsewhere.pk not in {r.pk for r in worker_requests(overlapping)}


def test_a_removal_that_cannot_finish_changes_nothing(client, employer_admin, employer, worker):
    """A draft another request was based on cannot be deleted: the whole removal is undone."""
    protected = worker["drafts"][0]
    CoverageRequest.objects.create(
        type="posting", employer=employer, employee=None, created_by=employer_admin, based_on=protected
    )
    client.force_login(employer_admin)
    response = client.post(
        remove_url(worker["employee"]), {"drafts": ",".join(str(d.pk) for d in worker["drafts"])}
    )
    assert response.status_code == 409
    assert "This person could not be removed: another request refers to one of their drafts." in (
        response.content.decode()
    )
    assert Employee.objects.filter(pk=worker["employee"].pk).exists()
    assert CoverageRequest.objects.filter(pk__in=[d.pk for d in worker["drafts"]]).count() == 2
    assert all(CoverageRequest.objects.get(pk=r.pk).employee_id for r in worker["sent"])
    assert EmployeeAuthorization.objects.filter(employee=worker["employee"]).count() == 2
    assert not AuditEvent.objects.filter(action="employee.removed").exists()


def test_an_edit_saved_after_the_worker_was_removed_does_not_bring_them_back(employer_admin, employee):
    # The edit page read the entry, then someone removed the worker before the edit was saved:
    # Django's save() of the page's copy would have inserted the erased row again.
    from django.core.exceptions import ValidationError

    from accounts.services.personnel import employee_update

    read_by_the_page = Employee.objects.get(pk=employee.pk)
    Employee.objects.filter(pk=employee.pk).delete()
    with pytest.raises(ValidationError, match="no longer in your personnel directory"):
        employee_update(
            actor=employer_admin, employee=read_by_the_page, data={"family_name": "Janssens"}, periods=[]
        )
    assert not Employee.objects.filter(pk=employee.pk).exists()


def test_a_draft_deleted_while_its_page_was_being_answered_is_not_found_not_a_server_error(
    client, employer_admin, employer, employee, monkeypatch
):
    # The discard page read the draft; before its write locked the row, the draft was deleted (its
    # worker removed, discarded in another tab, or past its 90 days).
    from postings.views import drafts as views

    draft = make_draft(employer, employee, employer_admin)
    read_by_the_page = CoverageRequest.objects.get(pk=draft.pk)
    CoverageRequest.objects.filter(pk=draft.pk).delete()
    monkeypatch.setattr(views, "draft_get", lambda *args: read_by_the_page)
    client.force_login(employer_admin)
    response = client.post(reverse("postings:discard", args=[draft.pk]))
    assert response.status_code == 404
