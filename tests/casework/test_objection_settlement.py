"""After an objection, the caseworker records the common agreement: confirmed -> definitive,
changed -> withdrawn. The employer is told either way; everything is in the history and the audit."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from casework.models import InboxMessage
from casework.services.certificates import certificate_record_objection, certificates_make_definitive
from postings.services.decisions import request_decide
from tests import factories
from tests.casework.builders import committed, determination, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def objected(engine, employer, employer_admin, caseworker):
    worker = factories.make_employee(employer, family_name="Peeters", birth_date=dt.date(1980, 2, 3))
    engine.result = determination(article="13(1)(a)", code="02", provisional=True)
    request = make_request(employer, worker, employer_admin, type="simultaneous")
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    certificate = request.certificate
    certificate_record_objection(
        actor=caseworker, certificate=certificate, state="BE", reason="Mostly in BE."
    )
    return certificate


def settle_url(certificate):
    return reverse("admin:casework_certificate_settle", args=[certificate.pk])


def verified_status(client, certificate) -> str:
    page = client.post(reverse("casework:verify"), {"number": certificate.number, "birth_date": "1980-02-03"})
    return page.content.decode()


def test_change_page_offers_the_agreement_only_while_an_objection_is_open(caseworker_client, objected):
    page = caseworker_client.get(reverse("admin:casework_certificate_change", args=[objected.pk]))
    html = page.content.decode()
    assert "Record the agreement" in html and settle_url(objected) in html
    assert "Open: waiting for the common agreement" in html


def test_confirmed_agreement_makes_it_definitive_and_tells_the_employer(
    caseworker_client, client, objected, employer, caseworker
):
    mail.outbox.clear()
    with committed():
        response = caseworker_client.post(
            settle_url(objected),
            {"outcome": "confirmed", "settled_on": "2027-05-02", "note": "BE agreed by letter of 2 May."},
        )
    assert response.status_code == 302
    objected.refresh_from_db()
    assert objected.status == "valid" and objected.definitive_at is not None
    message = InboxMessage.objects.get(organisation=employer, dedup_key=f"settled:{objected.pk}")
    assert "definitive" in message.subject
    assert len(mail.outbox) == 1 and "Peeters" not in mail.outbox[0].body
    request = objected.request
    event = request.events.get(kind="objection_settled")
    assert event.actor == caseworker and event.data["outcome"] == "confirmed"
    assert AuditEvent.objects.filter(action="certificate.objection_confirmed", actor=caseworker).exists()
    assert "Valid" in verified_status(client, objected)
    # The history shows the outcome; the agreement cannot be recorded twice.
    page = caseworker_client.get(reverse("admin:casework_certificate_change", args=[objected.pk]))
    assert "Determination confirmed" in page.content.decode()
    again = caseworker_client.post(
        settle_url(objected), {"outcome": "changed", "settled_on": "2027-05-03", "note": "x"}
    )
    assert "no open objection" in again.content.decode()
    objected.refresh_from_db()
    assert objected.status == "valid"


def test_changed_agreement_withdraws_the_certificate(caseworker_client, client, objected, employer):
    with committed():
        caseworker_client.post(
            settle_url(objected),
            {"outcome": "changed", "settled_on": "2027-05-02", "note": "Belgian legislation applies."},
        )
    objected.refresh_from_db()
    assert objected.status == "withdrawn"
    assert objected.request.status == "cancelled"
    message = InboxMessage.objects.get(organisation=employer, dedup_key=f"settled:{objected.pk}")
    assert "withdrawn" in message.subject and "Belgian legislation applies." in message.body
    assert "Withdrawn" in verified_status(client, objected)
    # the daily task leaves it alone
    assert certificates_make_definitive(today=timezone.localdate() + dt.timedelta(days=100)) == 0


def test_agreement_needs_an_outcome_and_a_note(caseworker_client, objected):
    page = caseworker_client.post(settle_url(objected), {"settled_on": "2027-05-02"}).content.decode()
    assert "Choose what the states agreed." in page and "Describe the agreement." in page
    objected.refresh_from_db()
    assert objected.status == "provisional"
    assert not objected.objections.exclude(outcome="").exists()


def test_employers_cannot_record_an_agreement(client, objected, employer_admin):
    client.force_login(employer_admin)
    response = client.post(
        settle_url(objected), {"outcome": "confirmed", "note": "x", "settled_on": "2027-05-02"}
    )
    assert response.status_code == 302 and "/login/" in response["Location"]
    objected.refresh_from_db()
    assert objected.status == "provisional"


def test_recording_the_objection_is_in_the_history_and_the_audit(objected, caseworker):
    assert objected.request.events.get(kind="objection_recorded").actor == caseworker
    assert AuditEvent.objects.filter(action="certificate.objection", actor=caseworker).exists()
