"""Review s13: webhooks must not let an API client make the portal's servers call inside the network
(server-side request forgery): registration refuses local, private, link-local and metadata addresses;
delivery checks the address the name resolves to, connects to that address, and follows no redirect.
"""

import http.server
import socket
import threading

import pytest
from django.test import override_settings

from api.models import Webhook, WebhookDelivery
from api.tasks import deliver_webhook
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

# Addresses inside the network: loopback, RFC 1918, link-local (the cloud metadata service),
# carrier-grade NAT, "this network", IPv4 inside IPv6, unique-local IPv6, and names for loopback.
INSIDE = [
    "https://127.0.0.1/hook",
    "https://127.1.2.3:8443/hook",
    "https://localhost/hook",
    "https://api.localhost/hook",
    "https://10.0.0.5/hook",
    "https://172.16.3.4/hook",
    "https://192.168.1.10/hook",
    "https://169.254.169.254/latest/meta-data/",
    "https://100.64.0.1/hook",
    "https://0.0.0.0/hook",
    "https://[::1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[::ffff:169.254.169.254]/hook",
    "https://[fd00::1]/hook",
    "https://[fe80::1]/hook",
    "https://224.0.0.1/hook",
]


@override_settings(API_WEBHOOK_ALLOW_LOOPBACK_HTTP=False)  # as in production
@pytest.mark.parametrize("url", INSIDE)
def test_registering_an_address_inside_the_network_is_refused_at_the_field(url, employer_admin, employer):
    response = client_for(employer_admin).post(
        f"/api/v1/employers/{employer.pk}/webhooks/", {"url": url}, format="json"
    )
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == "url"
    assert not Webhook.objects.exists()


@override_settings(API_WEBHOOK_ALLOW_LOOPBACK_HTTP=False)
def test_the_portal_page_refuses_it_too_with_a_message_at_the_field(client, employer_admin, employer):
    client.force_login(employer_admin)
    page = client.post("/account/api/webhooks/", {"url": "https://169.254.169.254/latest/"})
    assert page.status_code == 200
    assert 'id="id_url_error"' in page.content.decode()
    assert not Webhook.objects.exists()


@override_settings(API_WEBHOOK_ALLOW_LOOPBACK_HTTP=False)
def test_a_public_address_is_still_accepted(employer_admin, employer):
    for url in ("https://payroll.example/hook", "https://93.184.215.14/hook", "https://[2606:4700::1]/h"):
        response = client_for(employer_admin).post(
            f"/api/v1/employers/{employer.pk}/webhooks/", {"url": url}, format="json"
        )
        assert response.status_code == 201, (url, response.content)


def _stored_webhook(employer_admin, employer, url):
    """A webhook as it may already be stored (registered before the check, or a name that resolved
    to a public address then), with a secret of the old form."""
    webhook = Webhook.objects.create(
        organisation=employer, url=url, secret="whsec_x", legacy_secret=True, created_by=employer_admin
    )
    return WebhookDelivery.objects.create(
        webhook=webhook, event="request.in_review", dedup_key="x", payload={"event": "request.in_review"}
    )


@override_settings(API_WEBHOOK_ALLOW_LOOPBACK_HTTP=False)
def test_delivery_to_a_name_that_resolves_inside_the_network_connects_nowhere(
    employer_admin, employer, monkeypatch
):
    """DNS decides where a name goes, and can change after registration (rebinding): the address is
    checked when the delivery connects, and the connection goes to the address checked."""
    real_getaddrinfo = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        if host == "hooks.payroll.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", 443))]
        return real_getaddrinfo(host, *args, **kwargs)

    connections = []

    def connect(address, *args, **kwargs):
        connections.append(address)
        raise OSError("test: no connection made")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(socket, "create_connection", connect)
    delivery = _stored_webhook(employer_admin, employer, "https://hooks.payroll.example/hook")
    deliver_webhook.apply(args=[delivery.pk])
    delivery.refresh_from_db()
    assert connections == []
    assert delivery.delivered_at is None and delivery.attempts >= 1
    assert "not allowed" in delivery.last_error


@override_settings(API_WEBHOOK_ALLOW_LOOPBACK_HTTP=False)
def test_delivery_to_a_stored_private_address_connects_nowhere(employer_admin, employer, monkeypatch):
    connections = []

    def connect(address, *args, **kwargs):
        connections.append(address)
        raise OSError("test: no connection made")

    monkeypatch.setattr(socket, "create_connection", connect)
    delivery = _stored_webhook(employer_admin, employer, "https://169.254.169.254/latest/meta-data/")
    deliver_webhook.apply(args=[delivery.pk])
    delivery.refresh_from_db()
    assert connections == [] and delivery.delivered_at is None
    assert delivery.last_error == "Enter an address on the internet, not one on a local or private network."


class _Server:
    """A loopback HTTP server that records every request (any method) and answers `answer`."""

    def __init__(self, answer):
        self.seen = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                server.seen.append(self.command)
                code, headers = answer(server)
                self.send_response(code)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_PUT = do_HEAD = _any

            def log_message(self, *args):
                pass

        self.httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/hook"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_a_redirect_from_the_receiver_is_not_followed(code, employer_admin, employer):
    """A public receiver could otherwise send the portal on to an inside address (as a GET, which is
    what a metadata service answers)."""
    inside = _Server(lambda s: (200, {}))
    with inside, _Server(lambda s: (code, {"Location": inside.url})) as receiver:
        delivery = _stored_webhook(employer_admin, employer, receiver.url)
        deliver_webhook.apply(args=[delivery.pk])
    delivery.refresh_from_db()
    assert inside.seen == []
    assert receiver.seen and set(receiver.seen) == {"POST"}
    assert delivery.delivered_at is None and delivery.last_error == f"HTTP {code}"
