"""Fourteenth session's walkthrough of the admin's lists: their filters speak words (a language's
name, "Not yet: to print", only the states that occur) and a message's page shows what was sent, not
internal keys."""

import pytest
from django.urls import reverse

from casework.models import InboxMessage
from tests.casework.test_certificate_pdf import approved

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(engine, employer, employer_admin, employee, caseworker):
    return approved(engine, employer, employee, caseworker, employer_admin, output_channel="paper")


def test_print_queue_and_certificates_filter_in_words(caseworker_client, certificate):
    html = caseworker_client.get(reverse("admin:casework_printqueueentry_changelist")).content.decode()
    assert "Not yet: to print" in html and "Not empty" not in html
    assert (
        certificate.number
        in caseworker_client.get(
            reverse("admin:casework_printqueueentry_changelist"), {"printed": "no"}
        ).content.decode()
    )
    assert (
        certificate.number
        not in caseworker_client.get(
            reverse("admin:casework_printqueueentry_changelist"), {"printed": "yes"}
        ).content.decode()
    )
    html = caseworker_client.get(reverse("admin:casework_certificate_changelist")).content.decode()
    assert 'href="?language=en">English</a>' in html and 'href="?language=nl">Dutch</a>' in html
    assert (
        certificate.number
        not in caseworker_client.get(
            reverse("admin:casework_certificate_changelist"), {"language": "nl"}
        ).content.decode()
    )


def test_organisations_filter_on_the_states_they_are_in_only(caseworker_client, employer):
    html = caseworker_client.get(reverse("admin:accounts_organisation_changelist")).content.decode()
    assert 'href="?country=NL">Netherlands</a>' in html and "Afghanistan" not in html


def test_a_message_page_shows_no_internal_key(
    caseworker_client, engine, employer, employer_admin, employee, caseworker
):
    certificate = approved(engine, employer, employee, caseworker, employer_admin)
    message = InboxMessage.objects.filter(certificate=certificate).first()
    html = caseworker_client.get(
        reverse("admin:casework_inboxmessage_change", args=[message.pk])
    ).content.decode()
    assert message.subject in html and "Dedup key" not in html and message.dedup_key not in html


def test_the_dashboard_leads_to_the_requests_waiting_for_review(
    caseworker_client, engine, employer, employer_admin, employee
):
    from tests.casework.builders import make_request

    waiting = make_request(employer, employee, employer_admin)
    page = caseworker_client.get(reverse("casework:dashboard")).content.decode()
    queue = reverse("admin:postings_coveragerequest_changelist")
    assert f'<a href="{queue}?status__exact=in_review">Waiting for your review: 1</a>' in page
    assert (
        f'<a href="{queue}?status__exact=info_requested">Waiting for the employer&#x27;s answer: 0</a>'
        in page
    )
    assert (
        waiting.transaction_number
        in caseworker_client.get(f"{queue}?status__exact=in_review").content.decode()
    )


def test_the_audit_list_links_to_what_each_event_concerns(caseworker_client, certificate):
    html = caseworker_client.get(reverse("admin:accounts_auditevent_changelist")).content.decode()
    request_url = reverse("admin:postings_coveragerequest_change", args=[certificate.request_id])
    assert f'<a href="{request_url}">Request {certificate.request_id}</a>' in html
    assert "postings.coveragerequest" not in html
