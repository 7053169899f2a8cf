"""Timed retries of a webhook delivery on a real Celery worker (Redis broker, PostgreSQL): the receiver
answers 500 once, then 200; the delivery log shows two attempts and the success. Runs where REDIS_URL and
DATABASE_URL are set (`make test`, CI), with the pipeline tests' worker."""

import pytest
from django.db import transaction

from api.models import WebhookDelivery
from api.services.webhooks import queue_event, webhook_create
from postings.models import CoverageRequest
from tests import factories
from tests.worker import HAVE_SERVICES, wait_until

from .conftest import client_for
from .test_webhooks_and_certificates import Receiver

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        not HAVE_SERVICES, reason="needs REDIS_URL and DATABASE_URL: `make test` and CI set both"
    ),
]


@pytest.mark.usefixtures("worker")
def test_a_failed_delivery_is_retried_after_a_pause_by_the_worker(settings):
    settings.API_WEBHOOK_RETRY_BASE_SECONDS = 1  # read where the delivery is queued: the pause is 1 s
    employer = factories.make_employer(name="Webhook Worker B.V.")
    user = factories.make_user()
    factories.add_member(user, employer)
    request = CoverageRequest.objects.create(employer=employer, type="posting", created_by=user)
    with Receiver(codes=[500]) as receiver:
        webhook, _secret = webhook_create(actor=user, employer=employer, url=receiver.url)
        with transaction.atomic():  # committed: the worker gets the task after the commit
            (delivery,) = queue_event(request=request, event="request.in_review", dedup_key="worker-test")
        delivered = wait_until(
            lambda: WebhookDelivery.objects.filter(pk=delivery.pk, delivered_at__isnull=False).first(),
            timeout=60,
        )
    assert delivered.attempts == 2 and delivered.status_code == 200 and delivered.last_error == ""
    assert len(receiver.received) == 2
    assert {headers["webhook-id"] for headers, _body in receiver.received} == {str(delivery.pk)}
    log = client_for(user).get(f"/api/v1/employers/{employer.pk}/webhooks/{webhook.pk}/deliveries/").json()
    assert [(d["state"], d["attempts"]) for d in log["results"]] == [("delivered", 2)]
