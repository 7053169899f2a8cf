from django.urls import path
from django.views.generic import TemplateView

app_name = "selfcheck"

# Replaced by the self-check page and the determinations API (issue 3).
urlpatterns = [
    path("check/", TemplateView.as_view(template_name="home.html"), name="check"),
]
