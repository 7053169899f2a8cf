"""Nothing lost, nothing doubled: the pipeline with a real Redis broker and a real worker."""

import pytest
from django.db import connection
from kombu.exceptions import OperationalError

from casework.models import Certificate, InboxMessage
from casework.tasks import issue_certificate
from postings.models import CoverageRequest
from postings.status import Decision, Status
from postings.tasks import sweep_stuck_requests, validate_request
from tests import factories
from tests.casework.builders import make_request
from tests.worker import wait_until

pytestmark = pytest.mark.services


@pytest.fixture
def people(worker):
    employer = factories.make_employer(name="Pipeline B.V.")
    user = factories.make_user()
    factories.add_member(user, employer)
    return employer, user


def certificate_ready(request_id):
    return (
        Certificate.objects.filter(request_id=request_id, delivered_at__isnull=False).exclude(pdf="").first()
    )


def test_under_ci_the_services_are_real(worker):
    from coverage_portal.celery import app

    assert connection.vendor == "postgresql"
    assert app.conf.broker_url.startswith("redis://")
    assert not app.conf.task_always_eager


def test_send_to_certificate_with_a_real_worker(people):
    employer, user = people
    employee = factories.make_employee(employer)
    request = make_request(employer, employee, user)  # commits: the worker validates and auto-approves
    certificate = wait_until(lambda: certificate_ready(request.pk))
    request.refresh_from_db()
    assert (request.status, request.decision) == (Status.CLOSED, Decision.APPROVED)
    assert certificate.pdf.read(4) == b"%PDF"
    assert InboxMessage.objects.filter(organisation=employer, kind="certificate").count() == 1


def test_repeated_tasks_make_one_certificate(people):
    employer, user = people
    employee = factories.make_employee(employer)
    request = make_request(employer, employee, user)
    for _ in range(3):
        validate_request.delay(request.pk)
        issue_certificate.delay(request.pk)
    wait_until(lambda: certificate_ready(request.pk))
    # let the duplicates run
    wait_until(
        lambda: sweep_stuck_requests.delay(older_than_seconds=0).get(timeout=30) is not None, timeout=40
    )
    assert Certificate.objects.filter(request=request).count() == 1
    assert request.events.filter(kind="certificate_issued").count() == 1
    assert request.events.filter(kind="validated").count() == 1
    assert InboxMessage.objects.filter(organisation=employer, kind="certificate").count() == 1


def test_request_sent_while_the_broker_is_down_is_processed_by_the_sweep(people, monkeypatch):
    employer, user = people
    employee = factories.make_employee(employer)

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis: Connection refused.")

    monkeypatch.setattr(validate_request, "delay", broker_down)
    request = make_request(employer, employee, user)
    assert CoverageRequest.objects.get(pk=request.pk).status == Status.SUBMITTED  # saved, not lost
    monkeypatch.undo()  # the broker is back
    sweep_stuck_requests.delay(older_than_seconds=0)
    wait_until(lambda: certificate_ready(request.pk))
    assert CoverageRequest.objects.get(pk=request.pk).decision == Decision.APPROVED
