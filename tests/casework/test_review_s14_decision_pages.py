"""Fourteenth session's walkthrough of the decision pages: a request decided in another tab (or by
another caseworker) is not decided twice, and the page says what happened in words; the message
after a decision says what follows."""

import datetime as dt

import pytest
from django.urls import reverse

from casework.models import Certificate, InboxMessage
from postings.models import RequestEvent
from postings.services.decisions import request_decide
from tests.casework.builders import committed, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(engine, employer, employer_admin, employee):
    return make_request(employer, employee, employer_admin)


def _page(action, request):
    return reverse(f"admin:postings_coveragerequest_{action}", args=[request.pk])


def test_a_decided_request_offers_no_second_decision(caseworker_client, in_review, caseworker):
    with committed():
        request_decide(actor=caseworker, request=in_review, decision="approved")
    for action in ("approve", "reject", "ask"):
        html = caseworker_client.get(_page(action, in_review)).content.decode()
        assert "This request was already decided: Approved on" in html
        assert "by Kees Bakker. Nothing was changed." in html
        assert 'name="confirm"' not in html and "<textarea" not in html
    events = RequestEvent.objects.filter(request=in_review).count()
    with committed():
        response = caseworker_client.post(_page("reject", in_review), {"reason": "Changed my mind."})
    html = response.content.decode()
    assert "already decided" in html and "cannot go from" not in html and "Status.CLOSED" not in html
    in_review.refresh_from_db()
    assert in_review.decision == "approved" and in_review.decision_reason == ""
    assert RequestEvent.objects.filter(request=in_review).count() == events
    assert not InboxMessage.objects.filter(request=in_review, kind="decision").exists()
    assert Certificate.objects.filter(request=in_review).count() == 1


def test_a_second_approval_in_another_tab_is_refused_in_words(caseworker_client, in_review):
    # Both tabs opened the approval page while the request was in review.
    data = {"admitted_start": "2027-03-01", "admitted_end": "2027-12-31"}
    with committed():
        first = caseworker_client.post(_page("approve", in_review), data)
        second = caseworker_client.post(_page("approve", in_review), data)
    assert first.status_code == 302
    assert "already decided: Approved" in second.content.decode()
    assert RequestEvent.objects.filter(request=in_review, kind="approved").count() == 1
    assert Certificate.objects.filter(request=in_review).count() == 1


def test_the_question_page_of_a_request_waiting_for_an_answer_says_so(caseworker_client, in_review):
    caseworker_client.post(_page("ask", in_review), {"message": "Send the contract."})
    html = caseworker_client.get(_page("ask", in_review)).content.decode()
    assert "A question to the employer is already waiting for an answer." in html
    assert "<textarea" in caseworker_client.get(_page("reject", in_review)).content.decode()


def test_the_message_after_a_decision_says_what_follows(
    caseworker_client, in_review, engine, employer, employer_admin, employee
):
    with committed():
        response = caseworker_client.post(
            _page("approve", in_review),
            {"admitted_start": "2027-03-01", "admitted_end": "2027-12-31"},
            follow=True,
        )
    assert (
        f"{in_review.transaction_number} is approved. The certificate is being produced"
        in response.content.decode()
    )
    other = make_request(
        employer, employee, employer_admin, start=dt.date(2029, 3, 1), end=dt.date(2029, 6, 30)
    )
    response = caseworker_client.post(_page("reject", other), {"reason": "No activity."}, follow=True)
    assert f"{other.transaction_number} is rejected. The employer was told" in response.content.decode()
    third = make_request(
        employer, employee, employer_admin, start=dt.date(2031, 3, 1), end=dt.date(2031, 6, 30)
    )
    response = caseworker_client.post(_page("ask", third), {"message": "Contract?"}, follow=True)
    assert f"Your question about {third.transaction_number} was sent" in response.content.decode()


def test_every_text_the_employer_reads_says_so_and_in_which_language(
    caseworker_client, engine, employer, employer_admin, employee
):
    request = make_request(employer, employee, employer_admin, language="fr")
    hint = (
        "The employer sees this text on the request&#x27;s page and in its inbox, in a message written in "
        "French (the request&#x27;s language). Write it in French too."
    )
    for action in ("approve", "reject", "ask"):  # an approval's note is shown as the decision's reason
        assert hint in caseworker_client.get(_page(action, request)).content.decode()


def test_the_decision_pages_show_what_an_approval_certifies(caseworker_client, in_review):
    html = caseworker_client.get(_page("approve", in_review)).content.decode()
    assert "Engine&#x27;s determination</th><td>Netherlands (NL) · 3.1 Posted employed person</td>" in html
