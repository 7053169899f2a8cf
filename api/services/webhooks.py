"""Webhooks: an employer's endpoint receives the status changes of its requests, signed by the
Standard Webhooks specification (webhook_signing).

Queued rows are written in the transaction that changed the status (so a rolled-back change sends
nothing), and the Celery task is queued after the commit. Each delivery is unique per webhook and
source (event row or certificate), so a repeated signal or task sends an event once.
A webhook only receives events while the person who registered it may still act for the employer.
"""

import datetime as dt
import http.client
import ipaddress
import json
import logging
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import can_act_for
from accounts.services.audit import audit_record
from coverage_portal.precompiled import PrecompiledRead

from ..models import Webhook, WebhookDelivery
from .webhook_signing import SecretNotUsable, new_secret, signature_headers, signing_key

logger = logging.getLogger(__name__)

EVENTS = {
    "request.in_review": "The request is being reviewed.",
    "request.approved": "The request was approved.",
    "request.rejected": "The request was rejected.",
    "request.cancelled": "The request was cancelled.",
    "certificate.ready": "The certificate (PDF) can be downloaded.",
    "determination.definitive": "A provisional determination became definitive.",
    "determination.provisional": "A definitive determination is provisional again: another state's "
    "objection, received within the two months, was recorded after it had become definitive.",
    "request.exception_answered": "The other state answered the request for an exception under "
    "Article 16 (agreed or refused); the request's determination was worked out again.",
    "certificate.replaced": "The institution corrected the request's certificate: the request is "
    "cancelled, its certificate is no longer valid, and a corrected certificate with a new number "
    "was issued under a new request (replaced_by). certificate.ready follows for that request.",
}
TIMEOUT_SECONDS = 10
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# IPv6 addresses that carry an IPv4 address a gateway connects to (NAT64, RFC 6052).
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def allow_loopback_http() -> bool:
    return getattr(settings, "API_WEBHOOK_ALLOW_LOOPBACK_HTTP", settings.PORTAL_ENV != "production")


def _address_allowed(address: str) -> bool:
    """Only addresses on the internet: a webhook's URL is chosen by an API client, and the portal's
    servers would otherwise POST (or, before redirects were refused, GET) to their own network: the
    database, Redis, the cloud's metadata service at 169.254.169.254 (server-side request forgery).
    Loopback is allowed only where plain http to it is (development and tests, their receivers)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.is_loopback:
        return allow_loopback_http()
    return ip.is_global and not ip.is_multicast


def _host_allowed(host: str) -> bool:
    """For registration: an address written as such must be allowed; a name is checked when a
    delivery connects (what it resolves to may change), except the names of loopback itself."""
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return allow_loopback_http()
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return True  # a name
    return _address_allowed(host)


def check_url(url: str) -> str:
    url = (url or "").strip()
    parts = urlsplit(url)
    try:
        hostname = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number or out of range
    except ValueError:
        hostname = None
    if parts.scheme == "https" and hostname:
        if not _host_allowed(hostname):
            raise ValidationError(
                {"url": _("Enter an address on the internet, not one on a local or private network.")}
            )
        return url
    if parts.scheme == "http" and hostname in LOOPBACK_HOSTS and allow_loopback_http():
        return url
    raise ValidationError({"url": _("Enter an https:// address.")})


class AddressNotAllowed(OSError):
    pass


def _connect_to_allowed_address(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, *args):
    """socket.create_connection for deliveries: the name is resolved once, every address it gives
    must be allowed, and the connection goes to one of those addresses (so a DNS answer that changes
    between the check and the connection cannot send it inside the network)."""
    host, port = address[0], address[1]
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not infos or not all(_address_allowed(info[4][0]) for info in infos):
        raise AddressNotAllowed(f"{host}: the address it resolves to is not allowed")
    error = None
    for info in infos:
        try:
            return socket.create_connection((info[4][0], info[4][1]), timeout, source_address)
        except OSError as exc:
            error = exc
    raise error


class _CheckedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _connect_to_allowed_address


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    # The certificate is still checked against the name (SNI and hostname: http.client uses self.host).
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _connect_to_allowed_address


class _CheckedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_CheckedHTTPConnection, req)


class _CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_CheckedHTTPSConnection, req, context=self._context)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is the receiver's answer, not a new address to call: it could point inside the
    network, or to plain http. The delivery fails with the status (HTTP 302), as a receiver's error."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _opener() -> urllib.request.OpenerDirector:
    # No proxy from the environment: the address checked must be the address connected to.
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _CheckedHTTPHandler, _CheckedHTTPSHandler, _NoRedirect
    )


def webhooks_for(user, employer):
    if employer is None or not can_act_for(user, employer):
        return Webhook.objects.none()
    return Webhook.objects.filter(organisation=employer)


def deliveries_for(user, employer):
    if employer is None or not can_act_for(user, employer):
        return WebhookDelivery.objects.none()
    return WebhookDelivery.objects.filter(webhook__organisation=employer).select_related("webhook")


@transaction.atomic
def webhook_create(*, actor, employer, url: str) -> tuple[Webhook, str]:
    """Register an endpoint; returns (webhook, secret). Show the secret once: it signs every delivery."""
    if not can_act_for(actor, employer):
        raise PermissionDenied
    url = check_url(url)
    if len(url) > 500:
        raise ValidationError({"url": _("The address is too long.")})
    secret = new_secret()
    webhook = Webhook.objects.create(organisation=employer, url=url, secret=secret, created_by=actor)
    audit_record(actor=actor, action="webhook.created", organisation=employer, obj=webhook, url=url)
    return webhook, secret


@transaction.atomic
def webhook_deactivate(*, actor, webhook: Webhook) -> Webhook:
    if not can_act_for(actor, webhook.organisation):
        raise PermissionDenied
    webhook = Webhook.objects.select_for_update().get(pk=webhook.pk)
    if webhook.active:
        webhook.active = False
        webhook.save(update_fields=["active"])
        audit_record(
            actor=actor, action="webhook.deactivated", organisation=webhook.organisation, obj=webhook
        )
    return webhook


def request_data(request) -> dict:
    return {
        "id": request.pk,
        "employer": request.employer_id,
        "type": request.type,
        "transaction_number": request.transaction_number,
        "status": request.status,
        "decision": request.decision,
        "requested_start": request.requested_start,
        "requested_end": request.requested_end,
        "admitted_start": request.admitted_start,
        "admitted_end": request.admitted_end,
        "url": f"/api/v1/employers/{request.employer_id}/requests/{request.pk}/",
    }


# Asked at every step of every request (sent, validated, decided...): compiled once per process.
_ACTIVE_WEBHOOKS = PrecompiledRead(
    lambda organisation_id: (
        Webhook.objects.filter(organisation_id=organisation_id, active=True)
        .select_related("created_by")
        .order_by("pk")
    ),
    organisation_id=int,
)


def queue_event(*, request, event: str, dedup_key: str, extra: dict | None = None) -> list[WebhookDelivery]:
    """One delivery per active webhook of the request's employer, sent after the commit."""
    created = []
    for webhook in _ACTIVE_WEBHOOKS.all(organisation_id=request.employer_id):
        if not can_act_for(webhook.created_by, request.employer):
            continue
        payload = {
            "event": event,
            "description": EVENTS[event],
            "occurred_at": timezone.now(),
            "request": request_data(request),
            **(extra or {}),
        }
        delivery, is_new = WebhookDelivery.objects.get_or_create(
            webhook=webhook,
            dedup_key=dedup_key,
            defaults={"event": event, "payload": json.loads(json.dumps(payload, cls=DjangoJSONEncoder))},
        )
        if is_new:
            created.append(delivery)
    if created:
        ids = [d.pk for d in created]
        transaction.on_commit(lambda: _queue(ids))
    return created


def _queue(ids: list[int]) -> None:
    from ..tasks import deliver_webhook, retry_base_seconds

    for pk in ids:
        try:
            deliver_webhook.delay(pk, retry_base=retry_base_seconds())
        except Exception:  # noqa: BLE001 - broker down: the row stays queued; the sweep re-sends it
            logger.warning("broker unavailable; webhook delivery %s stays queued", pk)


def deliveries_requeue_waiting(*, older_than_seconds: int) -> list[int]:
    """Queue again the deliveries still waiting for a first attempt after `older_than_seconds`.
    Each row is re-checked under its lock, so a delivery made meanwhile is not queued again (and
    delivery_attempt checks under the same lock, so a queued twice delivery is still sent once)."""
    cutoff = timezone.now() - dt.timedelta(seconds=older_than_seconds)
    waiting = WebhookDelivery.objects.filter(
        delivered_at__isnull=True, attempts=0, webhook__active=True, created_at__lte=cutoff
    )
    requeued = []
    for pk in waiting.order_by("created_at", "pk").values_list("pk", flat=True):
        with transaction.atomic():
            row = (
                WebhookDelivery.objects.select_for_update()
                .filter(pk=pk, delivered_at__isnull=True, attempts=0)
                .first()
            )
            if row is None:
                continue
            requeued.append(pk)
            transaction.on_commit(lambda pk=pk: _queue([pk]))
    return requeued


def delivery_attempt(*, delivery_id: int) -> bool:
    """POST the delivery once; records the outcome. True when delivered (or delivered before).
    The row stays locked during the attempt: a second task for the same row (queued again by the
    sweep) waits, then finds it delivered, so the receiver gets it once."""
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().get(pk=delivery_id)
        if delivery.delivered_at is not None:
            return True
        return _attempt(delivery)


def _attempt(delivery: WebhookDelivery) -> bool:
    webhook = delivery.webhook
    if not webhook.active:
        return True  # switched off since: nothing more to do
    message_id = str(delivery.pk)
    body = json.dumps({"id": message_id, **delivery.payload}, separators=(",", ":")).encode()
    status_code, error = None, ""
    try:
        # Checked again at each attempt: a URL stored before a check existed (or under other settings)
        # fails here and is logged, rather than raising out of the task.
        url = check_url(webhook.url)
        key = signing_key(secret=webhook.secret, legacy=webhook.legacy_secret)
        # Signed at each attempt with its own time: a retry carries the same id, a fresh timestamp.
        signed = signature_headers(key=key, message_id=message_id, body=body, at=timezone.now())
        http_request = urllib.request.Request(  # noqa: S310 - the scheme is checked (https or loopback http)
            url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "User-Agent": "coverage-portal-webhooks/1",
                "X-Portal-Event": delivery.event,
                **signed,
            },
        )
        with _opener().open(http_request, timeout=TIMEOUT_SECONDS) as response:
            status_code = response.status
    except urllib.error.HTTPError as exc:
        status_code, error = exc.code, f"HTTP {exc.code}"
    except ValidationError as exc:
        error = " ".join(exc.messages)[:500]
    except SecretNotUsable as exc:
        error = str(exc)[:500]
    except (urllib.error.URLError, OSError) as exc:
        error = str(getattr(exc, "reason", exc))[:500]
    delivered = status_code is not None and 200 <= status_code < 300
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        attempts=F("attempts") + 1,
        status_code=status_code,
        last_error="" if delivered else error,
        delivered_at=timezone.now() if delivered else None,
    )
    return delivered
