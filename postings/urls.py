from django.urls import path
from django.views.generic import TemplateView

app_name = "postings"

# Replaced by the wizards, consult and detail pages (issue 5).
urlpatterns = [
    path("", TemplateView.as_view(template_name="home.html"), name="list"),
    path("drafts/", TemplateView.as_view(template_name="home.html"), name="drafts"),
    path("new/<str:kind>/", TemplateView.as_view(template_name="home.html"), name="start"),
]
