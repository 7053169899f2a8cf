"""Webhooks of an employer: register (the secret is shown once), list, switch off, delivery log."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiCallback,
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, status
from rest_framework.response import Response

from ..serializers.webhooks import (
    WebhookCreatedSerializer,
    WebhookDeliverySerializer,
    WebhookEventSerializer,
    WebhookSerializer,
)
from ..services.idempotency import IDEMPOTENCY_PARAMETERS, idempotent
from ..services.webhooks import deliveries_for, webhook_create, webhook_deactivate, webhooks_for
from .base import EmployerMixin


def _header(name, description):
    return OpenApiParameter(
        name, OpenApiTypes.STR, OpenApiParameter.HEADER, required=True, description=description
    )


# What each delivery carries (api.services.webhook_signing), by the Standard Webhooks specification.
DELIVERY_HEADERS = [
    _header("webhook-id", "The delivery's id, the same on every retry: ignore an id already processed."),
    _header("webhook-timestamp", "Unix seconds of this attempt; refuse one more than 5 minutes away."),
    _header(
        "webhook-signature",
        'v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}", keyed with the '
        "secret given at registration (the base64 after whsec_, decoded)>.",
    ),
    _header("X-Portal-Event", "The event, as in the body."),
]


@extend_schema_view(
    get=extend_schema(summary="Webhooks", tags=["webhooks"]),
    post=extend_schema(
        summary="Register a webhook",
        tags=["webhooks"],
        parameters=IDEMPOTENCY_PARAMETERS,
        request=WebhookSerializer,
        responses={201: WebhookCreatedSerializer},
        examples=[
            OpenApiExample("Endpoint", value={"url": "https://payroll.example/a1-events"}, request_only=True)
        ],
        callbacks=[
            OpenApiCallback(
                "delivery",
                "{$request.body#/url}",
                extend_schema(
                    summary="An event, POSTed to the webhook's URL",
                    description="Signed by the Standard Webhooks specification (standardwebhooks.com): "
                    "headers webhook-id, webhook-timestamp and webhook-signature, plus X-Portal-Event. "
                    "Verify with a Standard Webhooks library before trusting the body, e.g. in Python "
                    "standardwebhooks.Webhook(secret).verify(raw_body, headers): it checks the "
                    "signature in constant time and refuses a timestamp more than 5 minutes away, so a "
                    "captured delivery cannot be replayed later; keep the ids processed in the last "
                    "10 minutes and ignore a repeated webhook-id. A webhook whose legacy_secret is true "
                    "is keyed with its secret as written: Webhook(secret.encode()). Any 2xx answer "
                    "within 10 seconds counts as delivered; otherwise the delivery is retried with "
                    "growing pauses, up to 6 times, with the same webhook-id and a new timestamp and "
                    "signature.",
                    parameters=DELIVERY_HEADERS,
                    request=WebhookEventSerializer,
                    responses={200: None},
                ),
            )
        ],
    ),
)
class WebhookListCreate(EmployerMixin, generics.ListAPIView):
    serializer_class = WebhookSerializer
    filter_backends: list = []

    def get_queryset(self):
        return webhooks_for(self.request.user, self.get_employer()).order_by("-created_at", "-pk")

    @idempotent
    def post(self, request, *args, **kwargs):
        serializer = WebhookSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        webhook, secret = webhook_create(
            actor=request.user, employer=self.get_employer(), url=serializer.validated_data["url"]
        )
        webhook.secret = secret
        return Response(
            WebhookCreatedSerializer(webhook).data,
            status=status.HTTP_201_CREATED,
            headers=self.location("webhook", webhook.pk),
        )


@extend_schema_view(
    get=extend_schema(summary="One webhook", tags=["webhooks"]),
    delete=extend_schema(summary="Switch a webhook off", tags=["webhooks"], responses={204: None}),
)
class WebhookDetail(EmployerMixin, generics.RetrieveDestroyAPIView):
    serializer_class = WebhookSerializer

    def get_queryset(self):
        return webhooks_for(self.request.user, self.get_employer())

    def perform_destroy(self, instance):
        webhook_deactivate(actor=self.request.user, webhook=instance)


@extend_schema_view(get=extend_schema(summary="Delivery log of a webhook", tags=["webhooks"]))
class WebhookDeliveryList(EmployerMixin, generics.ListAPIView):
    serializer_class = WebhookDeliverySerializer
    filter_backends: list = []

    def get_queryset(self):
        webhook = get_object_or_404(
            webhooks_for(self.request.user, self.get_employer()), pk=self.kwargs["pk"]
        )
        return deliveries_for(self.request.user, self.get_employer()).filter(webhook=webhook)
