from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..models import Webhook, WebhookDelivery
from ..services.webhooks import EVENTS
from .requests import RequestPeriods
from .strict import RejectUnknownFields


class WebhookSerializer(RejectUnknownFields, serializers.ModelSerializer):
    id = serializers.IntegerField(read_only=True, help_text=_("Id of the webhook."))
    url = serializers.CharField(
        max_length=500,
        help_text=_("https address that receives POSTs with the events: " + ", ".join(EVENTS) + "."),
    )
    active = serializers.BooleanField(read_only=True, help_text=_("False once switched off."))
    created_at = serializers.DateTimeField(read_only=True, help_text=_("When it was registered."))
    legacy_secret = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "True for a webhook registered before deliveries followed Standard Webhooks: its secret is "
            "in the old form and is used as written, so verify with Webhook(secret.encode()). "
            "Register the address again for a secret in the standard form."
        ),
    )

    class Meta:
        model = Webhook
        fields = ["id", "url", "active", "created_at", "legacy_secret"]


class WebhookCreatedSerializer(WebhookSerializer):
    secret = serializers.CharField(
        read_only=True,
        help_text=_(
            "Shown only now: whsec_ and the base64 of 32 random bytes (the Standard Webhooks form). "
            "Each delivery carries webhook-id, webhook-timestamp and webhook-signature; verify them with "
            "a Standard Webhooks library: Webhook(secret).verify(body, headers)."
        ),
    )

    class Meta(WebhookSerializer.Meta):
        fields = [*WebhookSerializer.Meta.fields, "secret"]


class WebhookDeliverySerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(read_only=True, help_text=_("Delivery id (the webhook-id header)."))
    event = serializers.CharField(read_only=True, help_text=_("The event sent."))
    payload = serializers.JSONField(
        read_only=True,
        help_text=_(
            "The JSON body sent (without the id). 30 days after the delivery ended, only the event and "
            "the request's transaction number are kept."
        ),
    )
    state = serializers.ChoiceField(
        choices=["queued", "delivered", "failed"],
        read_only=True,
        help_text=_("queued, delivered, or failed (retried with growing pauses, up to 6 times)."),
    )
    status_code = serializers.IntegerField(read_only=True, allow_null=True, help_text=_("Last HTTP status."))
    attempts = serializers.IntegerField(read_only=True, help_text=_("Attempts so far."))
    last_error = serializers.CharField(read_only=True, help_text=_("Last error, if any."))
    delivered_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text=_("When delivered."))
    created_at = serializers.DateTimeField(read_only=True, help_text=_("When the event happened."))

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "event",
            "payload",
            "state",
            "status_code",
            "attempts",
            "last_error",
            "delivered_at",
            "created_at",
        ]


# What a delivery's body looks like (api.services.webhooks.queue_event): for the schema's callback.
class WebhookRequestSerializer(RequestPeriods):
    id = serializers.IntegerField(help_text=_("Id of the request."))
    employer = serializers.IntegerField(help_text=_("Id of the employer."))
    type = serializers.CharField(help_text=_("posting, simultaneous or seafarer."))
    transaction_number = serializers.CharField(allow_null=True, help_text=_("Assigned when sent."))
    status = serializers.CharField(help_text=_("Status after the event."))
    decision = serializers.CharField(help_text=_("approved or rejected once closed; else empty."))
    url = serializers.CharField(help_text=_("Path of the request in this API: read it for everything else."))


class WebhookCertificateSerializer(serializers.Serializer):
    number = serializers.CharField(help_text=_("Document number of the PD A1."))
    provisional = serializers.BooleanField(help_text=_("True while the determination is provisional."))
    pdf_url = serializers.CharField(help_text=_("Path of the PDF in this API."))


class WebhookReplacementSerializer(serializers.Serializer):
    number = serializers.CharField(help_text=_("Document number of the corrected PD A1."))
    request = serializers.IntegerField(
        help_text=_("Id of the request that carries the corrected certificate.")
    )
    transaction_number = serializers.CharField(help_text=_("Transaction number of that request."))
    url = serializers.CharField(help_text=_("Path of that request in this API."))
    pdf_url = serializers.CharField(help_text=_("Path of the corrected PDF in this API."))


class WebhookEventSerializer(serializers.Serializer):
    id = serializers.CharField(help_text=_("Delivery id, as in webhook-id: the same on every retry."))
    event = serializers.ChoiceField(choices=list(EVENTS), help_text=_("What happened."))
    description = serializers.CharField(help_text=_("The event in words (English)."))
    occurred_at = serializers.DateTimeField(help_text=_("When it happened."))
    request = WebhookRequestSerializer(help_text=_("The request it happened to."))
    certificate = WebhookCertificateSerializer(
        required=False,
        help_text=_(
            "certificate.ready: the certificate to download; certificate.replaced: the certificate that "
            "is no longer valid."
        ),
    )
    replaced_by = WebhookReplacementSerializer(
        required=False, help_text=_("certificate.replaced only: the corrected certificate that replaces it.")
    )
    reason = serializers.CharField(
        required=False, help_text=_("certificate.replaced only: the institution's reason for the correction.")
    )
