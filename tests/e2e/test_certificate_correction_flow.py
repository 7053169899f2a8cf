"""Browser test in Chromium: a caseworker corrects a certificate in the admin (the surname was
misspelt), checks the change on the confirmation page and re-issues; the inspector's page then says
the old certificate was replaced and by which number."""

import pytest
from playwright.sync_api import expect

from casework.models import Certificate
from postings.services.decisions import request_decide
from tests.casework.builders import make_request

from .test_casework_flows import log_in_caseworker

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_caseworker_corrects_and_reissues_a_certificate(
    live_server, page, employer, employer_admin, employee, caseworker
):
    case = make_request(employer, employee, employer_admin)
    request_decide(actor=caseworker, request=case, decision="approved")
    old = Certificate.objects.get(request=case)

    log_in_caseworker(page, live_server, caseworker)
    page.goto(f"{live_server.url}/admin/casework/certificate/{old.pk}/change/")
    page.get_by_role("link", name="Correct and re-issue").click()
    expect(page.get_by_label("Surname(s)", exact=True)).to_have_value("Delporte")
    page.get_by_label("Surname(s)", exact=True).fill("Delporte-Smit")
    page.get_by_label("Admitted until").fill("31-01-2028")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("a longer period is a new decision")).to_be_visible()
    page.get_by_label("Admitted until").fill("30-11-2027")
    page.get_by_label("Reason for the correction").fill("The surname was misspelt; the posting ends earlier.")
    page.get_by_role("button", name="Continue").click()
    changes = page.locator("#correction-changes")
    expect(changes).to_contain_text("Delporte-Smit")
    expect(changes).to_contain_text("30-11-2027")
    page.get_by_role("button", name="Re-issue the corrected certificate").click()

    new = Certificate.objects.exclude(pk=old.pk).get()
    expect(page.get_by_text(f"Certificate {new.number} replaces certificate {old.number}")).to_be_visible()
    assert (
        new.holder["family_name"] == "Delporte-Smit" and new.request.admitted_end.isoformat() == "2027-11-30"
    )

    page.goto(f"{live_server.url}/verify/")
    page.get_by_label("Certificate number").fill(old.number)
    page.get_by_label("Holder's date of birth").fill("1985-07-30")
    page.get_by_role("button", name="Check certificate").click()
    expect(
        page.get_by_role("heading", name=f"Replaced by a corrected certificate {new.number}")
    ).to_be_visible()
