"""/api/v1/ (the determinations endpoint is served by selfcheck at /api/v1/determinations/)."""

from django.urls import path, re_path

from .views import personnel
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
    # Anything else under /api/v1/ answers in the API's JSON error shape, not with an HTML page.
    re_path(r"^.*$", not_found),
]
