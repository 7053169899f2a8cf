"""Security sweep (issue #8 part 3), beside the role-by-route matrix in test_access_matrix.py and
`check --deploy` in tests/foundation: login throttling, every upload refusing what it must, personal
numbers masked in lists and never logged, the verification page rate-limited."""

import datetime as dt
import logging
import secrets

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import Employee
from casework.models import Certificate
from postings.models import CoverageRequest
from postings.services.decisions import request_decide
from postings.status import Decision, Status
from tests import factories
from tests.api.conftest import client_for
from tests.postings.test_other_wizards import region, simultaneous_to_places
from tests.postings.wizard_helpers import COMPANY, CONTACT, places_data, post_step, start, step_url

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def own_address(client):
    """A fresh client address per test: throttles count per address, and the cache may be the shared
    Redis of the test run."""
    client.defaults["REMOTE_ADDR"] = (
        f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    )


def page_of(response) -> str:
    assert response.status_code < 500
    return response.content.decode()


def error_at_field(page: str, field_id: str, message: str) -> bool:
    """The message is shown at the field: in the field's error container, the element its input's
    aria-describedby names (<div id="<field>_error"><p class="error-message">...)."""
    marker = f'id="{field_id}_error"'
    return marker in page and message in page.split(marker, 1)[1].split("</div>", 1)[0]


# --- login throttling -------------------------------------------------------------------------------


def login(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_after_the_failure_limit_even_the_right_password_is_refused(client, employer_admin):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, employer_admin.email, "wrong password").status_code == 200
    other = factories.make_user()
    assert login(client, other.email, factories.PASSWORD).status_code == 302  # the limit is per account
    client.logout()
    login(client, employer_admin.email, "wrong password")
    locked = login(client, employer_admin.email, factories.PASSWORD)
    assert locked.status_code == 429
    assert "Too many attempts to log in" in page_of(locked)
    assert "_auth_user_id" not in client.session


# --- uploads ----------------------------------------------------------------------------------------


def statement_step(client, employer):
    """A simultaneous-occupation draft at the residence statement step (an employee living in BE)."""
    belgian = factories.make_employee(employer, family_name="Peeters", country="BE")
    draft = start(client, "simultaneous")
    simultaneous_to_places(client, draft, belgian)
    post_step(
        client, draft, "places", places_data([region("BE", "50"), region("NL", "50")]), "simultaneous_wizard"
    )
    response = post_step(
        client,
        draft,
        "period",
        {"start": "2025-03-01", "end": "2026-02-28", "language": "nl"},
        "simultaneous_wizard",
    )
    assert response["Location"] == step_url(draft, "statement")
    return step_url(draft, "statement")


def upload_statement(client, url, upload):
    return client.post(
        url,
        {
            "simultaneous_wizard-current_step": "statement",
            "statement-statement_date": timezone.localdate().isoformat(),
            "statement-file": upload,
        },
    )


def upload_authorization(client, employee, upload):
    return client.post(reverse("accounts:authorizations"), {"employee": employee.pk, "file": upload})


def upload_import(client, upload):
    return client.post(reverse("accounts:personnel_import"), {"file": upload})


NOT_A_PDF = b"PK\x03\x04 a zip file (a Word document) renamed to .pdf"
BIG_PDF = b"%PDF-1.4\n" + b"0" * (6 * MB)


@pytest.mark.parametrize(
    ("content", "message"),
    [(NOT_A_PDF, "The file must be a PDF."), (BIG_PDF, "The file is larger than 5 MB.")],
    ids=["renamed", "oversized"],
)
def test_residence_statement_upload_refuses(
    client, employer_admin, employer, settings, tmp_path, content, message
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(employer_admin)
    url = statement_step(client, employer)
    page = page_of(
        upload_statement(client, url, SimpleUploadedFile("statement.pdf", content, "application/pdf"))
    )
    assert "There is a problem" in page
    assert error_at_field(page, "id_statement-file", message)
    assert not tmp_path.joinpath("residence_statements").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [(NOT_A_PDF, "The file is not a PDF"), (BIG_PDF, "The file is larger than 5 MB.")],
    ids=["renamed", "oversized"],
)
def test_employee_authorization_upload_refuses(client, representative_user, employer, content, message):
    from accounts.models import EmployeeAuthorization

    employee = factories.make_employee(employer)
    client.force_login(representative_user)
    response = upload_authorization(
        client, employee, SimpleUploadedFile("auth.pdf", content, "application/pdf")
    )
    page = page_of(response)
    assert response.status_code == 200
    assert error_at_field(page, "id_file", message)
    assert not EmployeeAuthorization.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("people.pdf", b"%PDF-1.4 not a list of people", "The file must be a CSV file"),
        ("people.csv", b"\xff\xfe\x00\x00\x89PNG\r\n\x1a\n binary", "Save the file as CSV in UTF-8"),
        (
            "people.csv",
            b"personal_number;family_name\n" + b"123456782;Jansen\n" * (3 * MB // 18),
            "larger than 2 MB",
        ),
    ],
    ids=["pdf", "binary", "oversized"],
)
def test_personnel_import_refuses(client, employer_admin, employer, name, content, message):
    from accounts.models import ImportJob

    client.force_login(employer_admin)
    response = upload_import(client, SimpleUploadedFile(name, content, "text/csv"))
    page = page_of(response)
    assert response.status_code == 200
    assert error_at_field(page, "id_file", message)
    assert not ImportJob.objects.exists()
    assert Employee.objects.filter(employer=employer).count() == 0


# --- personal numbers in lists and logs ---------------------------------------------------------------


def test_personnel_lists_mask_the_personal_number(client, employer_admin, employer):
    employee = factories.make_employee(employer, personal_number="111222333")
    client.force_login(employer_admin)
    page = page_of(client.get(reverse("accounts:personnel")))
    assert "Delporte" in page and employee.masked_personal_number in page
    assert "111222333" not in page
    listed = client_for(employer_admin).get(f"/api/v1/employers/{employer.pk}/personnel/").json()
    assert listed["results"][0]["personal_number"] == employee.masked_personal_number
    assert "111222333" not in str(listed)


def test_request_lists_mask_the_personal_number_but_search_and_the_request_show_it(
    client, employer_admin, employer
):
    from tests.casework.builders import make_request

    employee = factories.make_employee(employer, personal_number="111222333")
    sent = make_request(employer, employee, employer_admin)
    client.force_login(employer_admin)
    listed = page_of(client.get(reverse("postings:list")))
    assert sent.transaction_number in listed and "111222333" not in listed
    assert sent.masked_personal_number in listed
    searched = page_of(client.get(reverse("postings:list"), {"personal_number": "111222333"}))
    rows = searched.split("<tbody")[-1].split("</tbody>")[0]  # the results, not the echoed search
    assert sent.transaction_number in rows and "111222333" not in rows
    assert "111222333" in page_of(client.get(reverse("postings:detail", args=[sent.pk])))
    api = client_for(employer_admin)
    base = f"/api/v1/employers/{employer.pk}/requests/"
    assert api.get(base).json()["results"][0]["personal_number"] == sent.masked_personal_number
    assert api.get(f"{base}{sent.pk}/").json()["personal_number"] == "111222333"


def test_a_request_from_wizard_to_certificate_never_logs_the_personal_number(
    client,
    employer_admin,
    employer,
    caseworker,
    caplog,
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    settings.MEDIA_ROOT = tmp_path
    settings.PORTAL_AUTO_APPROVE_CLEAN_POSTINGS = True
    bsn = "111222333"
    employee = factories.make_employee(employer, personal_number=bsn)
    caplog.set_level(logging.DEBUG)
    client.force_login(employer_admin)
    draft = start(client, "posting")
    p = "posting_wizard"
    begin = timezone.localdate() + dt.timedelta(days=30)
    post_step(client, draft, "employee", {"query": bsn, "employee": employee.pk}, p)
    post_step(client, draft, "address", {}, p)
    post_step(
        client,
        draft,
        "relationship",
        {"date_of_entry": "2015-01-01", "private_sector": "yes", "classification": "employed"},
        p,
    )
    post_step(client, draft, "places", places_data([COMPANY]), p)
    conditions = {
        "start": begin.isoformat(),
        "end": (begin + dt.timedelta(days=200)).isoformat(),
        "insured_30_days": "yes",
        "host_contract": "no",
        "host_can_change_pay": "no",
        "host_can_dismiss": "no",
        "host_can_discipline": "no",
        "host_hires_out": "no",
        "employer_substantial_activity": "yes",
        "replaces_posted_worker": "no",
        "mission": "Building a bridge",
        "language": "nl",
    }
    post_step(client, draft, "conditions", conditions, p)
    post_step(client, draft, "contact", CONTACT, p)
    client.get(step_url(draft, "check"))
    with django_capture_on_commit_callbacks(execute=True):
        sent = post_step(client, draft, "check", {"submission_key": "log-sweep"}, p)
        assert sent["Location"] == step_url(draft, "done")
        client.get(sent["Location"])
    request = CoverageRequest.objects.get(pk=draft.pk)
    assert request.status != Status.SUBMITTED  # validated
    if request.decision != Decision.APPROVED:  # flagged: a caseworker approves it
        with django_capture_on_commit_callbacks(execute=True):
            request_decide(actor=caseworker, request=request, decision=Decision.APPROVED)
    certificate = Certificate.objects.get(request=request)
    assert certificate.pdf and certificate.holder["personal_number"] == bsn
    client.get(reverse("postings:detail", args=[request.pk]))
    client.get(reverse("casework:certificate_download", args=[certificate.pk]))

    assert caplog.records, "nothing was logged: the check would prove nothing"
    for record in caplog.records:
        text = " ".join([record.getMessage(), str(record.args or ""), record.exc_text or ""])
        assert bsn not in text and "1112.22.333" not in text, f"{record.name}: {text[:300]}"


# --- the verification page --------------------------------------------------------------------------


def test_verification_by_qr_link_is_rate_limited_per_address(client):
    url = reverse("casework:verify")
    for _ in range(30):
        assert client.get(url, {"n": "NL-A1-2026-0000001-ABCD", "s": "nope"}).status_code == 200
    limited = client.get(url, {"n": "NL-A1-2026-0000001-ABCD", "s": "nope"})
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    assert "Too many checks from your connection" in page_of(limited)
    assert client.get(url).status_code == 200  # the empty form costs nothing and stays open
    client.defaults["REMOTE_ADDR"] = "10.251.0.1"
    assert client.get(url, {"n": "NL-A1-2026-0000001-ABCD", "s": "nope"}).status_code == 200


# --- when Redis is down -------------------------------------------------------------------------------


def test_the_api_keeps_answering_when_the_rate_limit_cache_is_down(employer_admin, employer, monkeypatch):
    """The per-token limit lives in Redis; an outage must not turn every API call into a 500 (payroll
    software keeps sending; benchmarks/faults.py stops Redis for 30 s)."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    from api.throttling import TokenRateThrottle

    class Down:
        def get(self, *args, **kwargs):
            raise RedisConnectionError("Error 111 connecting to 127.0.0.1. Connection refused.")

        set = get

    monkeypatch.setattr(TokenRateThrottle, "cache", Down())
    response = client_for(employer_admin).get(f"/api/v1/employers/{employer.pk}/personnel/")
    assert response.status_code == 200
