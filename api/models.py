"""The API's own records: personal tokens, idempotency records, webhooks and their delivery log.

Secrets (token keys, webhook secrets) are shown once when created. Token keys are stored only as a
SHA-256 hash (a token is a long random string, so a fast hash is enough: nothing to brute-force);
the webhook secret must be kept in clear because the portal signs every delivery with it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation


class ApiToken(models.Model):
    """A personal API token: it acts as its owner, with exactly what the owner may do."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the token is for, e.g. the payroll package.")
    )
    prefix = models.CharField(_("key prefix"), max_length=8, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class IdempotencyRecord(models.Model):
    """The first response to a POST carrying an Idempotency-Key, replayed for a retry."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    request_hash = models.CharField(max_length=64)
    response_status = models.PositiveSmallIntegerField()
    response_body = models.JSONField(null=True, blank=True)
    # The first answer's Location (a 201's new object), so a retry is told where it is too.
    response_location = models.CharField(max_length=500, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("idempotency record")
        verbose_name_plural = _("idempotency records")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_record_per_user_key")]

    def __str__(self):
        return f"{self.method} {self.path} ({self.key})"


class Webhook(models.Model):
    """An organisation's endpoint that receives status changes of its requests, signed with the secret."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField(_("URL"), max_length=500, help_text=_("Where the portal POSTs the events (https)."))
    secret = models.CharField(max_length=64)
    # Registered before deliveries followed Standard Webhooks: the secret is not in the standard
    # form and the HMAC key is its own characters (api.services.webhook_signing.signing_key).
    legacy_secret = models.BooleanField(_("secret in the old form"), default=False)
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["organisation", "-created_at"]

    def __str__(self):
        return self.url


class WebhookDelivery(models.Model):
    """One event for one webhook, with the outcome of its (retried) delivery."""

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("event"), max_length=60)
    # Makes queueing idempotent: one delivery per webhook and source (event row, certificate).
    dedup_key = models.CharField(max_length=120)
    payload = models.JSONField(_("payload"))
    status_code = models.PositiveSmallIntegerField(_("response status"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["webhook", "dedup_key"], name="one_delivery_per_source")
        ]

    def __str__(self):
        return f"{self.event} → {self.webhook}"

    @property
    def state(self) -> str:
        if self.delivered_at:
            return "delivered"
        return "failed" if self.attempts else "queued"
