"""Fourteenth session's walkthrough: a caseworker could not withdraw a certificate (only the employer,
by cancelling, or an objection could). Now the certificate page withdraws it, with a reason, after a
warning that it cannot be undone; inspectors see it withdrawn, the employer is told in its language,
and a second withdrawal changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.models import AuditEvent
from casework.models import Certificate, InboxMessage
from casework.services.withdrawal import certificate_withdraw
from tests.casework.test_certificate_pdf import approved

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(engine, employer, employer_admin, employee, caseworker):
    return approved(engine, employer, employee, caseworker, employer_admin, language="fr")


def _verify(client, certificate):
    return client.post(
        reverse("casework:verify"), {"number": certificate.number, "birth_date": "1985-07-30"}
    ).content.decode()


def test_the_certificate_page_withdraws_after_a_warning_and_inspectors_see_it(
    caseworker_client, client, certificate, caseworker, employer
):
    page = caseworker_client.get(reverse("admin:casework_certificate_change", args=[certificate.pk]))
    url = reverse("admin:casework_certificate_withdraw", args=[certificate.pk])
    assert url in page.content.decode()
    form = caseworker_client.get(url).content.decode()
    assert '<li class="warning">Withdrawing cannot be undone.' in form and 'name="confirm"' in form
    missing = caseworker_client.post(url, {"reason": " "}).content.decode()
    assert "Give the reason for the withdrawal" in missing
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"

    done = caseworker_client.post(url, {"reason": "The posting never took place."}, follow=True)
    assert f"Certificate {certificate.number} is withdrawn." in done.content.decode()
    certificate.refresh_from_db()
    assert certificate.status == "withdrawn"
    event = certificate.request.events.get(kind="certificate_withdrawn")
    assert event.actor == caseworker and event.reason == "The posting never took place."
    assert AuditEvent.objects.filter(action="certificate.withdrawn").count() == 1
    assert "This certificate has been withdrawn" in _verify(client, certificate)

    # In the request's language (French here), with the caseworker's reason.
    message = InboxMessage.objects.get(organisation=employer, dedup_key=f"withdrawn:{certificate.pk}")
    assert message.subject.startswith("L'attestation") and "The posting never took place." in message.body

    again = caseworker_client.get(url).content.decode()
    assert "This certificate is already withdrawn. Nothing was changed." in again
    assert 'name="confirm"' not in again
    caseworker_client.post(url, {"reason": "Twice."})
    assert certificate.request.events.filter(kind="certificate_withdrawn").count() == 1
    page = caseworker_client.get(reverse("admin:casework_certificate_change", args=[certificate.pk]))
    assert url not in page.content.decode()


def test_only_a_caseworker_withdraws_and_never_twice(certificate, caseworker, employer_admin):
    with pytest.raises(PermissionDenied):
        certificate_withdraw(actor=employer_admin, certificate=certificate, reason="No.")
    with pytest.raises(ValidationError):
        certificate_withdraw(actor=caseworker, certificate=certificate, reason="")
    certificate_withdraw(actor=caseworker, certificate=certificate, reason="Wrong period.")
    with pytest.raises(ValidationError, match="already withdrawn"):
        certificate_withdraw(actor=caseworker, certificate=certificate, reason="Again.")


def test_the_employer_reads_the_withdrawal_in_the_requests_history(
    client, certificate, caseworker, employer_admin
):
    certificate_withdraw(actor=caseworker, certificate=certificate, reason="Wrong period.")
    client.force_login(employer_admin)
    html = client.get(reverse("postings:detail", args=[certificate.request.pk])).content.decode()
    assert "Certificate withdrawn by the institution" in html and "Wrong period." in html
    assert dt.date.today().year  # the page answered
