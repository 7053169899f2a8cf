from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..models import Webhook, WebhookDelivery
from ..services.webhooks import EVENTS
from .strict import RejectUnknownFields


class WebhookSerializer(RejectUnknownFields, serializers.ModelSerializer):
    id = serializers.IntegerField(read_only=True, help_text=_("Id of the webhook."))
    url = serializers.CharField(
        max_length=500,
        help_text=_("https address that receives POSTs with the events: " + ", ".join(EVENTS) + "."),
    )
    active = serializers.BooleanField(read_only=True, help_text=_("False once switched off."))
    created_at = serializers.DateTimeField(read_only=True, help_text=_("When it was registered."))

    class Meta:
        model = Webhook
        fields = ["id", "url", "active", "created_at"]


class WebhookCreatedSerializer(WebhookSerializer):
    secret = serializers.CharField(
        read_only=True,
        help_text=_(
            "Shown only now. Each delivery carries X-Portal-Signature: sha256=<hex HMAC-SHA256 of the "
            "raw body with this secret>, X-Portal-Event and X-Portal-Delivery."
        ),
    )

    class Meta(WebhookSerializer.Meta):
        fields = [*WebhookSerializer.Meta.fields, "secret"]


class WebhookDeliverySerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(read_only=True, help_text=_("Delivery id (the X-Portal-Delivery header)."))
    event = serializers.CharField(read_only=True, help_text=_("The event sent."))
    payload = serializers.JSONField(read_only=True, help_text=_("The JSON body sent (without the id)."))
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
