from django.urls import path
from django.views.generic import TemplateView

app_name = "casework"

# Replaced by verification, inbox and dashboard pages (issue 6).
urlpatterns = [
    path("verify/", TemplateView.as_view(template_name="home.html"), name="verify"),
    path("inbox/", TemplateView.as_view(template_name="home.html"), name="inbox"),
    path("casework/dashboard/", TemplateView.as_view(template_name="home.html"), name="dashboard"),
]
