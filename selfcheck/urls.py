from django.urls import path

from . import api, views

app_name = "selfcheck"

urlpatterns = [
    path("check/", views.check, name="check"),
    path("api/v1/determinations/", api.DeterminationView.as_view(), name="determinations"),
]
