"""The request pages as a tax consultant sees them: whose data this is (the client's name and number
on every request page) and who to contact (the consultant's firm, not the client)."""

import pytest
from django.urls import reverse

from postings.models import CoverageRequest
from postings.services.drafts import draft_create

from .test_posting_wizard import send, walk_to_check
from .wizard_helpers import start, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultant(client, representative_user, representative_firm, employer):
    representative_firm.street = "Keizersgracht 100"
    representative_firm.postal_code = "1015 CV"
    representative_firm.town = "Amsterdam"
    representative_firm.save()
    employer.kvk_number = "12345678"
    employer.save()
    client.force_login(representative_user)
    return client


CAPTION = "Client: Van Dijk Bouw B.V., KvK number 12345678"


def test_the_contact_step_offers_the_consultants_firm_not_the_client(consultant, employee, engine):
    draft = start(consultant, "posting")
    page = consultant.get(step_url(draft, "contact")).content.decode()
    assert 'value="Fiscaal Advies B.V."' in page and 'value="Keizersgracht 100"' in page
    assert 'value="Van Dijk Bouw B.V."' not in page and 'value="Damrak 1"' not in page


def test_every_request_page_names_the_client(consultant, employee, engine):
    for name, args in [("postings:list", []), ("postings:drafts", []), ("postings:start", ["posting"])]:
        assert CAPTION in consultant.get(reverse(name, args=args)).content.decode(), name
    draft = start(consultant, "posting")
    assert CAPTION in consultant.get(step_url(draft, "employee")).content.decode()
    assert CAPTION in walk_to_check(consultant, draft, employee).content.decode()
    send(consultant, draft)
    sent = CoverageRequest.objects.get(pk=draft.pk)
    for name in ("postings:confirmation", "postings:detail", "postings:cancel"):
        assert CAPTION in consultant.get(reverse(name, args=[sent.pk])).content.decode(), name


def test_the_employers_own_staff_are_not_told_their_own_name(logged_in, employee, engine):
    assert "Client:" not in logged_in.get(reverse("postings:list")).content.decode()


def test_the_drafts_page_says_who_started_each_draft(consultant, employer, employer_admin, employee, engine):
    # The client's own draft and the consultant's own: "My drafts" shows both, so it says whose is whose.
    draft_create(actor=employer_admin, employer=employer, kind="posting")
    start(consultant, "posting")
    page = consultant.get(reverse("postings:drafts")).content.decode()
    assert "Started by" in page
    assert "<td>Eva de Vries</td>" in page
    assert "<td>Rob Jansen (Fiscaal Advies B.V.)</td>" in page
