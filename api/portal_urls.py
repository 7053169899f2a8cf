"""Portal pages of the API (included by the root urls at "account/api/")."""

from django.urls import path

from . import portal_views

app_name = "api_portal"

urlpatterns = [
    path("tokens/", portal_views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", portal_views.token_revoke_view, name="token-revoke"),
    path("webhooks/", portal_views.webhook_list, name="webhooks"),
    path("webhooks/<int:pk>/off/", portal_views.webhook_deactivate_view, name="webhook-off"),
]
