import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import AuditEvent
from casework.models import InboxMessage
from postings.services.decisions import request_answer_information, request_ask_information, request_decide
from postings.status import IllegalTransition, Status
from tests.casework.builders import committed, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_in_review(engine, employer, employer_admin, employee):
    return make_request(employer, employee, employer_admin)


def test_only_caseworkers_decide(request_in_review, employer_admin):
    with pytest.raises(PermissionDenied):
        request_decide(actor=employer_admin, request=request_in_review, decision="approved")
    request_in_review.refresh_from_db()
    assert request_in_review.status == Status.IN_REVIEW


def test_admitted_period_must_lie_within_the_requested_one(request_in_review, caseworker):
    with pytest.raises(ValidationError) as exc:
        request_decide(
            actor=caseworker,
            request=request_in_review,
            decision="approved",
            admitted_period=(dt.date(2027, 2, 1), dt.date(2027, 6, 30)),
        )
    assert "admitted_start" in exc.value.message_dict
    request_in_review.refresh_from_db()
    assert request_in_review.status == Status.IN_REVIEW and request_in_review.admitted_start is None


def test_rejection_needs_a_reason_and_reaches_the_employer(
    request_in_review, caseworker, employer, representative_user, representative_firm
):
    with pytest.raises(ValidationError):
        request_decide(actor=caseworker, request=request_in_review, decision="rejected", reason=" ")
    with committed():
        request_decide(
            actor=caseworker,
            request=request_in_review,
            decision="rejected",
            reason="The worker is not insured in NL before the posting.",
        )
    request_in_review.refresh_from_db()
    assert (request_in_review.status, request_in_review.decision) == (Status.CLOSED, "rejected")
    employer_message = InboxMessage.objects.get(organisation=employer)
    assert "not insured in NL" in employer_message.body
    assert InboxMessage.objects.filter(organisation=representative_firm).exists()
    assert AuditEvent.objects.filter(action="request.rejected").count() == 1
    assert request_in_review.events.filter(kind="rejected", actor=caseworker).exists()
    # e-mails: one per person, no personal data, only the transaction number and a link
    assert sorted(m.to[0] for m in mail.outbox) == ["admin@vandijk.test", "consultant@fiscaal.test"]
    for message in mail.outbox:
        assert request_in_review.transaction_number in message.body
        assert "Delporte" not in message.body + message.subject
        assert request_in_review.personal_number not in message.body
        assert "not insured" not in message.body


def test_a_closed_request_cannot_be_decided_again(request_in_review, caseworker):
    with committed():
        request_decide(actor=caseworker, request=request_in_review, decision="approved")
    with pytest.raises(IllegalTransition):
        request_decide(
            actor=caseworker, request=request_in_review, decision="rejected", reason="changed my mind"
        )


def test_information_request_and_answer(request_in_review, caseworker, employer, employer_admin):
    with committed():
        request_ask_information(
            actor=caseworker, request=request_in_review, message="Send the contract, please."
        )
    request_in_review.refresh_from_db()
    assert request_in_review.status == Status.INFO_REQUESTED
    question = InboxMessage.objects.get(organisation=employer, kind="info_request")
    assert question.awaits_answer
    request_answer_information(
        actor=employer_admin, request=request_in_review, answer="Attached.", message=question
    )
    request_in_review.refresh_from_db()
    question.refresh_from_db()
    assert request_in_review.status == Status.IN_REVIEW
    assert question.answer == "Attached." and not question.awaits_answer
    assert request_in_review.events.filter(kind="info_answered", reason="Attached.").exists()


def test_strangers_cannot_answer(request_in_review, caseworker):
    from tests import factories

    stranger = factories.make_user()
    factories.add_member(stranger, factories.make_employer())
    request_ask_information(actor=caseworker, request=request_in_review, message="Why?")
    with pytest.raises(PermissionDenied):
        request_answer_information(actor=stranger, request=request_in_review, answer="Because")


@pytest.mark.parametrize(
    ("language", "email_subject", "inbox_subject"),
    [
        ("nl", "Nieuw bericht over aanvraag", "Verklaring voor aanvraag"),
        ("fr", "Nouveau message concernant la demande", "Attestation relative à la demande"),
    ],
)
def test_employer_is_told_in_the_language_of_the_request(
    engine, employer, employer_admin, employee, caseworker, language, email_subject, inbox_subject
):
    request = make_request(employer, employee, employer_admin, language=language)
    mail.outbox.clear()
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    (email,) = mail.outbox
    assert email.subject == f"{email_subject} {request.transaction_number}"
    assert "/inbox/" in email.body and request.transaction_number in email.body
    for personal in ("Delporte", "Anna", employee.personal_number, "1985-07-30", "30-07-1985"):
        assert personal not in email.subject + email.body
    message = InboxMessage.objects.get(organisation=employer, kind="certificate")
    assert message.subject.startswith(inbox_subject)
