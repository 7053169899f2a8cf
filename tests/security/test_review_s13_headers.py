"""Review s13: a Content-Security-Policy on every page and API answer. Everything the portal writes
is escaped (tests/security, tests/foundation/test_site_chrome.py); the policy is the second line: a
script that slipped into a page would not run, the page cannot be framed, and forms post only here."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests import factories
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, str]:
    header = response.get("Content-Security-Policy", "")
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def assert_strict(response, where):
    found = policy(response)
    assert found, f"{where}: no Content-Security-Policy"
    assert found["script-src"] == "script-src 'self'", where
    assert found["object-src"] == "object-src 'none'", where
    assert found["frame-ancestors"] == "frame-ancestors 'none'", where
    assert found["base-uri"] == "base-uri 'self'", where
    assert found["form-action"] == "form-action 'self'", where


def test_public_pages_have_the_policy(client):
    for url in (reverse("home"), reverse("login"), reverse("casework:verify"), reverse("selfcheck:check")):
        assert_strict(client.get(url), url)


def test_signed_in_pages_and_the_api_have_the_policy(client, employer_admin, employer):
    client.force_login(employer_admin)
    for url in (reverse("postings:list"), reverse("accounts:personnel"), "/account/api/tokens/"):
        assert_strict(client.get(url), url)
    assert_strict(client_for(employer_admin).get(f"/api/v1/employers/{employer.pk}/"), "api")


def test_no_template_has_an_inline_script():
    """The policy allows scripts from the portal's own files only: an inline <script> would not run."""
    inline = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        if "certificates" in path.parts or "pdf" in path.parts:
            continue  # printed to PDF, never served as a page
        text = path.read_text()
        inline += [f"{path.name}: {m.group(0)}" for m in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>", text)]
        inline += [f"{path.name}: {m.group(0)}" for m in re.finditer(r"\son[a-z]+=\"", text)]
    assert inline == []


def test_the_import_page_still_polls_from_its_own_script(client, employer_admin, employer):
    from accounts.models import ImportJob

    job = ImportJob.objects.create(employer=employer, created_by=employer_admin, source="x")
    client.force_login(employer_admin)
    page = client.get(reverse("accounts:personnel_import_status", args=[job.pk])).content.decode()
    assert "js/personnel-import.js" in page


def test_the_api_docs_keep_working(client):
    # The Swagger page loads its bundle from a CDN with an inline start-up script: it gets no policy.
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_caseworker_admin_has_the_policy(client):
    from tests.accounts.conftest import login_verified

    login_verified(client, factories.make_caseworker(email="cw-csp@svb.test"))
    assert_strict(client.get("/admin/"), "admin")
