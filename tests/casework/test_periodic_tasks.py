import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from casework.models import Certificate, InboxMessage
from casework.services.certificates import (
    certificate_mark_sent,
    certificate_record_objection,
    certificates_make_definitive,
)
from postings.models import CoverageRequest
from postings.services.decisions import request_decide
from postings.status import Status
from postings.tasks import sweep_stuck_requests
from tests import factories
from tests.casework.builders import committed, determination, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def provisional(engine, employer, employer_admin, caseworker):
    worker = factories.make_employee(employer, family_name="Smit")
    engine.result = determination(article="13(1)(a)", code="02", provisional=True)
    request = make_request(employer, worker, employer_admin, type="simultaneous")
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    certificate_mark_sent(actor=caseworker, certificate=request.certificate, sent_on=timezone.localdate())
    return request.certificate


def test_provisional_becomes_definitive_after_two_months(provisional, employer):
    issued = timezone.localdate(provisional.issued_at)
    assert certificates_make_definitive(today=issued + dt.timedelta(days=40)) == 0
    mail.outbox.clear()
    with committed():
        assert certificates_make_definitive(today=issued + dt.timedelta(days=63)) == 1
    provisional.refresh_from_db()
    assert not provisional.provisional and provisional.status == "valid"
    assert InboxMessage.objects.filter(organisation=employer, subject__contains="definitive").exists()
    assert len(mail.outbox) == 1
    assert certificates_make_definitive(today=issued + dt.timedelta(days=90)) == 0  # idempotent


def test_an_objection_keeps_it_provisional(provisional, caseworker):
    certificate_record_objection(actor=caseworker, certificate=provisional, state="BE", reason="Disagree.")
    assert certificates_make_definitive(today=timezone.localdate() + dt.timedelta(days=100)) == 0
    provisional.refresh_from_db()
    assert provisional.provisional


def test_sweep_requeues_requests_stuck_in_received(engine, employer, employer_admin, employee):
    with mock.patch("postings.tasks.validate_request.delay", side_effect=OSError("broker down")):
        request = make_request(employer, employee, employer_admin)
    assert CoverageRequest.objects.get(pk=request.pk).status == Status.SUBMITTED  # saved, not lost
    assert sweep_stuck_requests(older_than_seconds=3600) == {"validations": 0, "certificates": 0}
    with committed():
        assert sweep_stuck_requests(older_than_seconds=0)["validations"] == 1
    assert CoverageRequest.objects.get(pk=request.pk).status == Status.IN_REVIEW


def test_sweep_requeues_certificates_not_produced(engine, employer, employer_admin, employee, caseworker):
    request = make_request(employer, employee, employer_admin)
    with (
        mock.patch("casework.tasks.issue_certificate.delay", side_effect=OSError("broker down")),
        committed(),
    ):
        request_decide(actor=caseworker, request=request, decision="approved")
    assert not Certificate.objects.exists()
    with committed():
        assert sweep_stuck_requests(older_than_seconds=0)["certificates"] == 1
    assert Certificate.objects.get(request=request).pdf
    assert sweep_stuck_requests(older_than_seconds=0)["certificates"] == 0


def test_beat_schedule_is_registered():
    from coverage_portal.celery import app

    tasks = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert {"postings.tasks.sweep_stuck_requests", "casework.tasks.make_determinations_definitive"} <= tasks
