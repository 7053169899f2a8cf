"""Simultaneous activity of a worker living abroad: the residence state's statement is uploaded on the
draft through the API, with the page's checks, and a draft without it is not sent."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from api.views.examples import SIMULTANEOUS
from postings.models import CoverageRequest, ResidenceStatement
from postings.status import Status
from tests import factories

from .conftest import DENIED_ROLES, client_for
from .test_requests import base, create

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def lives_in_belgium(employer):
    return factories.make_employee(employer, family_name="Peeters", country="BE")


def pdf(content=PDF, name="statement.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def recent(days=10):
    return (timezone.localdate() - dt.timedelta(days=days)).isoformat()


def upload(api, employer, draft_id, **data):
    return api.post(f"{base(employer)}{draft_id}/statement/", data, format="multipart")


def errors(response):
    return {(e["field"], e["message"]) for e in response.json()["errors"]}


def test_draft_without_the_statement_is_refused_then_sent_after_the_upload(
    employer_admin, employer, lives_in_belgium, django_capture_on_commit_callbacks
):
    api = client_for(employer_admin)
    draft = create(api, employer, lives_in_belgium, SIMULTANEOUS)

    checked = api.post(f"{base(employer)}{draft['id']}/validate/").json()
    assert checked["complete"] is False
    assert [p["field"] for p in checked["problems"]] == ["statement"]
    refused = api.post(f"{base(employer)}{draft['id']}/submit/")
    assert refused.status_code == 400
    assert [e["field"] for e in refused.json()["errors"]] == ["statement"]
    assert "Belgium" in refused.json()["errors"][0]["message"]
    assert CoverageRequest.objects.get(pk=draft["id"]).status == Status.DRAFT

    uploaded = upload(api, employer, draft["id"], file=pdf(), statement_date=recent())
    assert uploaded.status_code == 200, uploaded.json()
    statement = ResidenceStatement.objects.get(request_id=draft["id"])
    assert statement.statement_date.isoformat() == recent() and statement.uploaded_by == employer_admin
    assert statement.file.read() == PDF

    # Only the date changes when no new file is given.
    assert upload(api, employer, draft["id"], statement_date=recent(20)).status_code == 200
    statement.refresh_from_db()
    assert statement.statement_date.isoformat() == recent(20) and statement.file.read() == PDF

    with django_capture_on_commit_callbacks(execute=True):
        sent = api.post(f"{base(employer)}{draft['id']}/submit/")
    assert sent.status_code == 200, sent.json()
    assert sent.json()["transaction_number"]
    # Once sent, the statement can no longer be replaced.
    late = upload(api, employer, draft["id"], file=pdf(), statement_date=recent())
    assert late.status_code == 409


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"statement_date": "recent"},
            "file",
            "Upload the statement of the institution of the state of residence.",
        ),
        ({"file": "not-pdf", "statement_date": "recent"}, "file", "The file must be a PDF."),
        ({"file": "big", "statement_date": "recent"}, "file", "The file is larger than 5 MB."),
        ({"file": "pdf"}, "statement_date", "Enter the date of the statement."),
        ({"file": "pdf", "statement_date": "old"}, "statement_date", "older than two months"),
        ({"file": "pdf", "statement_date": "future"}, "statement_date", "cannot be in the future"),
        ({"file": "pdf", "statement_date": "31-31-2025"}, "statement_date", "Enter a valid date."),
    ],
    ids=["no-file", "not-a-pdf", "too-large", "no-date", "too-old", "future", "bad-date"],
)
def test_the_pages_checks_apply(data, field, message, employer_admin, employer, lives_in_belgium):
    api = client_for(employer_admin)
    draft = create(api, employer, lives_in_belgium, SIMULTANEOUS)
    files = {
        "pdf": lambda: pdf(),
        "not-pdf": lambda: pdf(b"PK\x03\x04 a zip, not a PDF", name="statement.pdf"),
        "big": lambda: pdf(PDF + b"0" * (5 * 1024 * 1024)),
    }
    dates = {
        "recent": recent(),
        "old": recent(75),
        "future": (timezone.localdate() + dt.timedelta(days=1)).isoformat(),
    }
    sent = {}
    if "file" in data:
        sent["file"] = files[data["file"]]()
    if "statement_date" in data:
        sent["statement_date"] = dates.get(data["statement_date"], data["statement_date"])
    response = upload(api, employer, draft["id"], **sent)
    assert response.status_code == 400
    assert any(f == field and message in m for f, m in errors(response)), response.json()
    assert not ResidenceStatement.objects.exists()


def test_not_accepted_when_the_request_does_not_need_it(employer_admin, employer, employee):
    api = client_for(employer_admin)  # `employee` lives in the Netherlands, the issuing state
    draft = create(api, employer, employee, SIMULTANEOUS)
    response = upload(api, employer, draft["id"], file=pdf(), statement_date=recent())
    assert response.status_code == 400 and [e["field"] for e in response.json()["errors"]] == ["file"]
    assert not ResidenceStatement.objects.exists()
    checked = api.post(f"{base(employer)}{draft['id']}/validate/").json()
    assert checked["complete"] is True


@pytest.mark.parametrize("role", DENIED_ROLES)
def test_other_roles_cannot_upload(role, as_role, employer_admin, employer, lives_in_belgium):
    draft = create(client_for(employer_admin), employer, lives_in_belgium, SIMULTANEOUS)
    response = upload(as_role(role), employer, draft["id"], file=pdf(), statement_date=recent())
    assert response.status_code == 404
    assert not ResidenceStatement.objects.exists()
