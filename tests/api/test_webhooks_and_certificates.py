import copy
import http.server
import json
import threading

import pytest
from django.test import override_settings
from standardwebhooks import Webhook as Verifier

from api.models import Webhook, WebhookDelivery
from api.services.webhooks import check_url, webhook_create
from api.tasks import deliver_webhook
from api.views.examples import POSTING
from postings.models import CoverageRequest
from postings.services.decisions import request_decide
from postings.status import Decision

from .conftest import DENIED_ROLES, client_for

pytestmark = pytest.mark.django_db


class Receiver:
    """A real HTTP server on 127.0.0.1 that records what it receives and answers with scripted codes."""

    def __init__(self, codes=()):
        self.codes = list(codes)
        self.received = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                # The headers as received: names are matched without regard to case, as in HTTP.
                receiver.received.append((self.headers, body))
                code = receiver.codes.pop(0) if receiver.codes else 200
                self.send_response(code)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def verified(secret, headers, body):
    """What an integrator's receiver does (README): the Standard Webhooks library checks the
    signature and the timestamp and gives the parsed body, or raises."""
    return Verifier(secret).verify(body, dict(headers.items()))


def send_request(api, employer, employee, capture):
    data = copy.deepcopy(POSTING)
    data["employee"] = employee.pk
    draft = api.post(f"/api/v1/employers/{employer.pk}/requests/", data, format="json").json()
    with capture(execute=True):
        api.post(f"/api/v1/employers/{employer.pk}/requests/{draft['id']}/submit/")
    return CoverageRequest.objects.get(pk=draft["id"])


def test_register_webhook_shows_secret_once(employer_admin, employer):
    api = client_for(employer_admin)
    url = f"/api/v1/employers/{employer.pk}/webhooks/"
    created = api.post(url, {"url": "https://payroll.example/hook"}, format="json")
    assert created.status_code == 201
    assert created.json()["secret"].startswith("whsec_")
    listed = api.get(url).json()["results"]
    assert listed[0]["url"] == "https://payroll.example/hook" and "secret" not in listed[0]
    assert api.post(url, {"url": "ftp://x.example/"}, format="json").json()["errors"][0]["field"] == "url"
    assert api.delete(f"{url}{listed[0]['id']}/").status_code == 204
    assert Webhook.objects.get().active is False


@override_settings(API_WEBHOOK_ALLOW_LOOPBACK_HTTP=False)
def test_plain_http_refused_when_loopback_not_allowed(employer_admin, employer):
    response = client_for(employer_admin).post(
        f"/api/v1/employers/{employer.pk}/webhooks/", {"url": "http://127.0.0.1:9/hook"}, format="json"
    )
    assert response.status_code == 400
    assert check_url("https://example.com/x") == "https://example.com/x"


@pytest.mark.parametrize("role", DENIED_ROLES)
def test_other_roles_cannot_see_webhooks(role, as_role, employer_admin, employer):
    webhook, _secret = webhook_create(
        actor=employer_admin, employer=employer, url="https://payroll.example/h"
    )
    api = as_role(role)
    base = f"/api/v1/employers/{employer.pk}/webhooks/"
    assert api.get(base).status_code == 404
    assert api.get(f"{base}{webhook.pk}/deliveries/").status_code == 404
    assert api.delete(f"{base}{webhook.pk}/").status_code == 404
    assert Webhook.objects.get().active


def test_status_changes_are_delivered_signed(
    employer_admin, employer, employee, caseworker, django_capture_on_commit_callbacks
):
    api = client_for(employer_admin)
    with Receiver() as receiver:
        created = api.post(f"/api/v1/employers/{employer.pk}/webhooks/", {"url": receiver.url}, format="json")
        secret = created.json()["secret"]
        request = send_request(api, employer, employee, django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            request_decide(actor=caseworker, request=request, decision=Decision.APPROVED)
        with django_capture_on_commit_callbacks(execute=True):
            api.post(
                f"/api/v1/employers/{employer.pk}/requests/{request.pk}/cancel/",
                {"reason": "Called off"},
                format="json",
            )
    events = [headers["X-Portal-Event"] for headers, _body in receiver.received]
    assert events == ["request.in_review", "request.approved", "certificate.ready", "request.cancelled"]
    for headers, body in receiver.received:
        payload = verified(secret, headers, body)
        assert payload["id"] == headers["webhook-id"]
        assert payload["request"]["transaction_number"] == request.transaction_number
    certificate_event = json.loads(receiver.received[2][1])
    assert certificate_event["certificate"]["pdf_url"].endswith("/certificate/pdf/")
    log = api.get(f"/api/v1/employers/{employer.pk}/webhooks/{created.json()['id']}/deliveries/").json()
    assert {d["state"] for d in log["results"]} == {"delivered"}


def test_receiver_errors_are_retried_and_logged(
    employer_admin, employer, employee, caseworker, django_capture_on_commit_callbacks
):
    api = client_for(employer_admin)
    with Receiver(codes=[500, 500]) as receiver:
        webhook_create(actor=employer_admin, employer=employer, url=receiver.url)
        send_request(api, employer, employee, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert delivery.event == "request.in_review"
    assert delivery.attempts == 3 and delivery.delivered_at is not None and delivery.status_code == 200
    assert len(receiver.received) == 3
    assert len({headers["webhook-id"] for headers, _ in receiver.received}) == 1


def test_gives_up_after_the_retries_and_shows_the_error(employer_admin, employer, employee):
    with Receiver(codes=[500] * 10) as receiver:
        webhook, _secret = webhook_create(actor=employer_admin, employer=employer, url=receiver.url)
        delivery = WebhookDelivery.objects.create(
            webhook=webhook, event="request.in_review", dedup_key="x", payload={"event": "request.in_review"}
        )
        deliver_webhook.delay(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.attempts == 7 and delivery.delivered_at is None
    assert delivery.last_error == "HTTP 500" and delivery.state == "failed"


def test_a_delivered_event_is_not_sent_twice(employer_admin, employer):
    with Receiver() as receiver:
        webhook, _secret = webhook_create(actor=employer_admin, employer=employer, url=receiver.url)
        delivery = WebhookDelivery.objects.create(
            webhook=webhook, event="request.in_review", dedup_key="x", payload={"event": "request.in_review"}
        )
        assert deliver_webhook.apply(args=[delivery.pk]).get() is True
        assert deliver_webhook.apply(args=[delivery.pk]).get() is True
    assert len(receiver.received) == 1


def test_backoff_grows_exponentially():
    from api.tasks import MAX_RETRIES, backoff

    assert [backoff(n) for n in range(MAX_RETRIES)] == [30, 60, 120, 240, 480, 960]


def test_no_delivery_when_registrant_lost_access(
    representative_user, employer, employee, employer_admin, django_capture_on_commit_callbacks
):
    webhook_create(actor=representative_user, employer=employer, url="https://consultant.example/hook")
    from accounts.models import Mandate

    Mandate.objects.update(valid_until="2020-12-31")
    send_request(client_for(employer_admin), employer, employee, django_capture_on_commit_callbacks)
    assert not WebhookDelivery.objects.exists()


def test_certificate_status_and_pdf(
    employer_admin, employer, employee, caseworker, other_admin, django_capture_on_commit_callbacks
):
    api = client_for(employer_admin)
    request = send_request(api, employer, employee, django_capture_on_commit_callbacks)
    url = f"/api/v1/employers/{employer.pk}/requests/{request.pk}/certificate/"
    assert api.get(url).status_code == 404  # not approved yet
    with django_capture_on_commit_callbacks(execute=True):
        request_decide(actor=caseworker, request=request, decision=Decision.APPROVED)
    info = api.get(url).json()
    assert info["status"] in ("valid", "provisional") and info["pdf_ready"] is True
    pdf = api.get(url + "pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert client_for(other_admin).get(url).status_code == 404
    assert client_for(other_admin).get(url + "pdf/").status_code == 404
    detail = api.get(f"/api/v1/employers/{employer.pk}/requests/{request.pk}/").json()
    assert detail["certificate"]["number"] == info["number"]
