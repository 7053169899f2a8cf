"""/api/v1/ (the determinations endpoint is served by selfcheck at /api/v1/determinations/)."""

from django.urls import path, re_path

from .views import personnel, requests, webhooks
from .views.fallback import not_found

app_name = "api"

E = "employers/<int:employer_id>/"

urlpatterns = [
    path("employers/", personnel.EmployerList.as_view(), name="employers"),
    path(E, personnel.EmployerDetail.as_view(), name="employer"),
    path(E + "personnel/", personnel.EmployeeListCreate.as_view(), name="personnel"),
    path(E + "personnel/<int:pk>/", personnel.EmployeeDetail.as_view(), name="employee"),
    path(E + "personnel/imports/", personnel.ImportJobListCreate.as_view(), name="imports"),
    path(E + "personnel/imports/<int:pk>/", personnel.ImportJobDetail.as_view(), name="import"),
    path(E + "drafts/", requests.DraftList.as_view(), name="drafts"),
    path(E + "requests/", requests.RequestListCreate.as_view(), name="requests"),
    path(E + "requests/<int:pk>/", requests.RequestDetail.as_view(), name="request"),
    path(E + "requests/<int:pk>/validate/", requests.RequestValidate.as_view(), name="request-validate"),
    path(E + "requests/<int:pk>/submit/", requests.RequestSubmit.as_view(), name="request-submit"),
    path(E + "requests/<int:pk>/statement/", requests.RequestStatement.as_view(), name="request-statement"),
    path(E + "requests/<int:pk>/cancel/", requests.RequestCancel.as_view(), name="request-cancel"),
    path(E + "requests/<int:pk>/extend/", requests.RequestExtend.as_view(), name="request-extend"),
    path(E + "requests/<int:pk>/certificate/", requests.CertificateDetail.as_view(), name="certificate"),
    path(E + "requests/<int:pk>/certificate/pdf/", requests.CertificatePdf.as_view(), name="certificate-pdf"),
    path(E + "webhooks/", webhooks.WebhookListCreate.as_view(), name="webhooks"),
    path(E + "webhooks/<int:pk>/", webhooks.WebhookDetail.as_view(), name="webhook"),
    path(
        E + "webhooks/<int:pk>/deliveries/", webhooks.WebhookDeliveryList.as_view(), name="webhook-deliveries"
    ),
    # Anything else under /api/v1/ answers in the API's JSON error shape, not with an HTML page.
    re_path(r"^.*$", not_found),
]
