"""The notification e-mail names the employer the request is for: a consultant with many clients sees
in the portal's inbox only the messages of the client chosen at the top of the page, so the e-mail
must say which client to choose (still no personal data in it), and the inbox points to the other
clients' new messages."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.acting import SESSION_KEY
from casework.models import InboxMessage
from postings.services.decisions import request_decide
from tests import factories
from tests.casework.builders import committed, make_request

pytestmark = pytest.mark.django_db


def test_the_email_says_which_client_the_message_is_about(
    engine, employer, employer_admin, employee, caseworker, representative_user
):
    request = make_request(employer, employee, employer_admin, language="en")
    mail.outbox.clear()
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    to_consultant = next(m for m in mail.outbox if m.to == [representative_user.email])
    assert f"request {request.transaction_number} of Van Dijk Bouw B.V." in to_consultant.body
    assert "If you act for several employers, choose Van Dijk Bouw B.V. at the top of the page." in (
        to_consultant.body
    )
    assert (
        employee.family_name not in to_consultant.body and employee.personal_number not in to_consultant.body
    )


def test_an_email_queued_without_the_employers_name_still_reads_well(settings):
    from casework.services.notify import send_notification_email

    mail.outbox.clear()
    send_notification_email(["a@example.test"], "NL-2026-00000001", "en")
    (email,) = mail.outbox
    assert "There is a new message about request NL-2026-00000001 in your inbox" in email.body


def test_the_inbox_points_to_new_messages_about_the_other_clients(
    client, engine, employer, employer_admin, employee, caseworker, representative_user, representative_firm
):
    second = factories.make_employer(name="Hollandse Transport B.V.")
    factories.make_mandate(second, representative_firm)
    request = make_request(employer, employee, employer_admin, language="en")
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    client.force_login(representative_user)
    session = client.session
    session[SESSION_KEY] = second.pk
    session.save()

    page = client.get(reverse("casework:inbox")).content.decode()
    assert "There are also new messages about other employers you act for:" in page
    assert "Van Dijk Bouw B.V.: 1 new message" in page
    message = InboxMessage.objects.get(organisation=representative_firm, request=request)
    opened = client.get(reverse("casework:inbox_message", args=[message.pk]))
    assert opened.status_code == 409 and "This is for Van Dijk Bouw B.V." in opened.content.decode()
    assert message.subject not in opened.content.decode()

    session = client.session
    session[SESSION_KEY] = employer.pk
    session.save()
    assert "other employers you act for" not in client.get(reverse("casework:inbox")).content.decode()
