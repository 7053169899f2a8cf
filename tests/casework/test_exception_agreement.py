"""An Art. 16(1) exception from the employer's question to the PD A1 (legislation.md 2.2 step 1, 2.3 P9,
2.5 "Art. 16 procedure", 4.4 box 3.11): the caseworker records the other state's answer (A011 or
A002), the real engine decides again with the agreement, and approval issues the certificate."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from casework.models import Certificate, ExceptionAgreement, InboxMessage
from casework.services.exception_agreements import request_record_exception_answer
from postings.services.decisions import proposed_admitted_period, request_decide
from postings.status import Status
from tests import factories
from tests.casework.builders import committed, make_request, posting_answers
from tests.casework.test_certificate_pdf import pdf_text

pytestmark = pytest.mark.django_db

START, END = dt.date(2027, 3, 1), dt.date(2030, 2, 28)  # 36 months: over the 24 of Art. 12(1)
ANSWERED = dt.date(2026, 11, 2)
# Belgium's agreement as the caseworker enters it in the admin's answer page.
ANSWER_FORM = {
    "outcome": "agreed",
    "other_state": "BE",
    "answered_on": "2026-11-02",
    "reference": "BE-2026-77",
    "start": "2027-03-01",
    "end": "2030-02-28",
}


@pytest.fixture
def long_posting(employer, employer_admin):
    worker = factories.make_employee(employer, family_name="Smit")
    answers = {**posting_answers(START, END), "check": {"ask_art16": True}}  # asked in the wizard
    request = make_request(employer, worker, employer_admin, start=START, end=END, answers=answers)
    request.refresh_from_db()
    return request


def _codes(request) -> list[str]:
    request.refresh_from_db()
    return [f["code"] for f in request.flags]


def _record(request, caseworker, outcome="agreed", start=START, end=END, **kwargs):
    return request_record_exception_answer(
        actor=caseworker,
        request=request,
        outcome=outcome,
        other_state=kwargs.pop("other_state", "BE"),
        answered_on=kwargs.pop("answered_on", ANSWERED),
        reference="BE-2026-77",
        start=start,
        end=end,
        **kwargs,
    )


def test_without_an_agreement_the_host_state_applies_and_approval_is_refused(long_posting, caseworker):
    assert long_posting.status == Status.IN_REVIEW
    assert long_posting.determination["legislation"] == "BE"
    # The queue shows what is waiting: the other state's answer (the flag filter finds it).
    assert {"LEGISLATION_ELSEWHERE", "EXCEPTION_ANSWER_MISSING"} <= set(_codes(long_posting))
    assert long_posting.flag_rows.filter(code="EXCEPTION_ANSWER_MISSING").exists()
    with pytest.raises(ValidationError):
        request_decide(actor=caseworker, request=long_posting, decision="approved")


def test_an_agreement_makes_our_legislation_apply_and_the_pd_a1_ticks_3_11(long_posting, caseworker):
    with committed():
        _record(long_posting, caseworker)
    long_posting.refresh_from_db()
    determination = long_posting.determination
    assert determination["legislation"] == "NL"
    assert determination["provision"] == {"instrument": "883/2004", "article": "16(1)"}
    assert determination["a1_status_code"] == "11"
    assert not {"LEGISLATION_ELSEWHERE", "EXCEPTION_ANSWER_MISSING"} & set(_codes(long_posting))
    assert not long_posting.flag_rows.filter(
        code__in=["LEGISLATION_ELSEWHERE", "EXCEPTION_ANSWER_MISSING"]
    ).exists()
    assert long_posting.events.filter(kind="exception_answer").count() == 1
    notice = InboxMessage.objects.get(request=long_posting, kind="notice")
    assert "Belgium agreed" in notice.subject and "2027-03-01 to 2030-02-28" in notice.body

    with committed():
        request_decide(actor=caseworker, request=long_posting, decision="approved")
    certificate = Certificate.objects.get(request=long_posting)
    text = pdf_text(certificate)
    assert "☒ 3.11 Exception: Agreement under Article 16(1)" in text
    assert "with Belgium (BE-2026-77)" in " ".join(text.split())  # whom with, and their reference
    assert "☒ 3.1 " not in text  # not the posting box
    # Belgium agreed in the A001/A011 exchange: no A009 presents it as an Art. 12 posting.
    assert not certificate.host_state_records.exists()


def test_a_refusal_leaves_the_ordinary_rules(long_posting, caseworker):
    with committed():
        answer = _record(long_posting, caseworker, outcome="refused")
    long_posting.refresh_from_db()
    assert answer.start is None and answer.end is None
    assert long_posting.determination["legislation"] == "BE"
    assert "EXCEPTION_ANSWER_MISSING" not in _codes(long_posting)  # answered, though not agreed
    assert "did not agree" in InboxMessage.objects.get(request=long_posting, kind="notice").subject
    with pytest.raises(ValidationError):
        request_decide(actor=caseworker, request=long_posting, decision="approved")
    request_decide(actor=caseworker, request=long_posting, decision="rejected", reason="Belgium refused.")


def test_a_later_answer_replaces_the_first(long_posting, caseworker):
    with committed():
        _record(long_posting, caseworker, outcome="refused")
        _record(long_posting, caseworker, answered_on=dt.date(2026, 11, 20))
    long_posting.refresh_from_db()
    assert ExceptionAgreement.objects.get(request=long_posting).agreed
    assert long_posting.determination["legislation"] == "NL"
    assert long_posting.events.filter(kind="exception_answer").count() == 2
    assert InboxMessage.objects.filter(request=long_posting, kind="notice").count() == 2


def test_the_certificate_covers_the_agreed_period_only(long_posting, caseworker):
    shorter_end = dt.date(2029, 2, 28)
    with committed():
        _record(long_posting, caseworker, end=shorter_end)
    long_posting.refresh_from_db()
    assert proposed_admitted_period(long_posting) == (START, shorter_end)
    with pytest.raises(ValidationError) as raised:
        request_decide(actor=caseworker, request=long_posting, decision="approved")
    assert "admitted_end" in raised.value.message_dict
    with committed():
        request_decide(
            actor=caseworker, request=long_posting, decision="approved", admitted_period=(START, shorter_end)
        )
    long_posting.refresh_from_db()
    assert long_posting.admitted_end == shorter_end


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"start": START + dt.timedelta(days=1)}, "start"),  # the posting's first day is not covered
        ({"end": START - dt.timedelta(days=1)}, "end"),
        ({"start": None}, "start"),
        ({"answered_on": dt.date(2099, 1, 1)}, "answered_on"),
        ({"other_state": "NL"}, "other_state"),
    ],
)
def test_a_wrong_answer_is_refused_at_its_field_and_nothing_is_written(
    long_posting, caseworker, kwargs, field
):
    before = long_posting.determination
    with pytest.raises(ValidationError) as raised:
        _record(long_posting, caseworker, **kwargs)
    assert field in raised.value.message_dict
    long_posting.refresh_from_db()
    assert long_posting.determination == before
    assert not ExceptionAgreement.objects.filter(request=long_posting).exists()
    assert not long_posting.events.filter(kind="exception_answer").exists()


def test_only_a_caseworker_records_and_only_on_a_posting_being_decided(
    long_posting, caseworker, employer_admin, employer
):
    with pytest.raises(PermissionDenied):
        _record(long_posting, employer_admin)
    simultaneous = make_request(
        employer, factories.make_employee(employer), employer_admin, type="simultaneous"
    )
    with pytest.raises(ValidationError):
        _record(simultaneous, caseworker)
    with committed():
        request_decide(actor=caseworker, request=long_posting, decision="rejected", reason="No.")
    with pytest.raises(ValidationError):
        _record(long_posting, caseworker)


def test_the_caseworker_records_the_answer_in_the_admin(long_posting, caseworker_client):
    change = reverse("admin:postings_coveragerequest_change", args=[long_posting.pk])
    page = caseworker_client.get(change).content.decode()
    assert "The employer asked for an exception" in page
    url = reverse("admin:postings_coveragerequest_exception", args=[long_posting.pk])
    assert url in page

    form = {**ANSWER_FORM, "end": "2027-02-01"}
    response = caseworker_client.post(url, form)
    assert response.status_code == 200
    assert "The agreement must end on or after its start." in response.content.decode()

    with committed():
        response = caseworker_client.post(url, {**form, "end": "2030-02-28"})
    assert response.status_code == 302
    page = caseworker_client.get(change).content.decode()
    assert "BE-2026-77" in page and "2027-03-01 – 2030-02-28" in page
    approve = caseworker_client.get(reverse("admin:postings_coveragerequest_approve", args=[long_posting.pk]))
    assert 'value="28-02-2030"' in approve.content.decode()


def test_the_employer_sees_the_answer_on_the_request_page(long_posting, caseworker, employer_admin, client):
    client.force_login(employer_admin)
    url = reverse("postings:detail", args=[long_posting.pk])
    assert "Asked for with this request" in client.get(url).content.decode()
    with committed():
        _record(long_posting, caseworker)
    page = client.get(url).content.decode()
    assert "Agreed by Belgium from 2027-03-01 to 2030-02-28" in page
    assert "BE-2026-77" not in page  # the other institution's reference is for caseworkers


def test_the_caseworker_exports_the_exception_request_to_send(
    long_posting, caseworker_client, employer_admin
):
    """legislation.md 2.5: the institution asks the other state with SED A001; its content comes from
    the request as sent, with EESSI's country codes (1.1)."""
    url = reverse("admin:postings_coveragerequest_exception_request", args=[long_posting.pk])
    change = reverse("admin:postings_coveragerequest_change", args=[long_posting.pk])
    assert url in caseworker_client.get(change).content.decode()
    response = caseworker_client.get(url)
    assert response["Content-Disposition"].endswith(f'{long_posting.transaction_number}-A001.json"')
    record = response.json()
    assert record["sed"] == "A001" and record["receiving_state"] == "BE"
    assert record["requested_legislation"] == {
        "state": "NL",
        "instrument": "883/2004",
        "article": "16(1)",
        "start": "2027-03-01",
        "end": "2030-02-28",
    }
    assert record["person"]["family_name"] == "Smit"
    assert record["person"]["personal_identification_number"] == long_posting.personal_number
    assert [p["country"] for p in record["places_of_work"]] == ["BE"]
    other = Client()
    assert other.get(url).status_code == 302  # not signed in: to the login page, no data
    other.force_login(employer_admin)
    assert "A001" not in other.get(url).content.decode()  # an employer is no caseworker


def test_payroll_software_hears_of_the_answer_by_webhook(long_posting, caseworker, employer_admin, employer):
    """A client that asked for the exception through the API learns the answer without polling."""
    from api.models import WebhookDelivery
    from api.services.webhooks import webhook_create

    webhook_create(actor=employer_admin, employer=employer, url="https://payroll.example/hook")
    with committed():
        _record(long_posting, caseworker)
    delivery = WebhookDelivery.objects.get(event="request.exception_answered")
    assert delivery.payload["request"]["transaction_number"] == long_posting.transaction_number


@pytest.mark.parametrize("ending", ["rejected", "cancelled"])
def test_the_answer_page_opened_by_its_address_refuses_a_closed_request(
    long_posting, caseworker, employer_admin, caseworker_client, ending
):
    """Opened from the history or another tab after the request was decided or cancelled: the page
    says what happened and offers no form, and a post records nothing (no error page either)."""
    from postings.services.lifecycle import request_cancel

    with committed():
        if ending == "rejected":
            request_decide(actor=caseworker, request=long_posting, decision="rejected", reason="No.")
        else:
            request_cancel(actor=employer_admin, request=long_posting, reason="Called off.")
    said = {
        "rejected": "This request was already decided: Rejected on",
        "cancelled": "The employer cancelled this request. Nothing was changed.",
    }[ending]
    url = reverse("admin:postings_coveragerequest_exception", args=[long_posting.pk])
    page = caseworker_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert said in html and 'name="confirm"' not in html and 'name="answered_on"' not in html
    events = long_posting.events.count()
    form = {"outcome": "agreed", "other_state": "BE", "answered_on": "02-11-2026", "start": "01-03-2027"}
    with committed():
        response = caseworker_client.post(url, {**form, "end": "28-02-2030"})
    assert response.status_code == 200 and said in response.content.decode()
    assert not ExceptionAgreement.objects.filter(request=long_posting).exists()
    assert long_posting.events.count() == events


def test_the_answer_page_is_only_for_a_posting(employer, employer_admin, caseworker_client):
    simultaneous = make_request(
        employer, factories.make_employee(employer), employer_admin, type="simultaneous"
    )
    url = reverse("admin:postings_coveragerequest_exception", args=[simultaneous.pk])
    assert caseworker_client.get(url).status_code == 404
