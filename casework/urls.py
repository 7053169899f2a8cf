from django.urls import path

from . import views

app_name = "casework"

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:pk>/", views.inbox_message, name="inbox_message"),
    path("certificates/<int:pk>/download/", views.certificate_download, name="certificate_download"),
    path("casework/dashboard/", views.dashboard, name="dashboard"),
]
