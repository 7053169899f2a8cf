from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import TemplateView

from . import forms, views

app_name = "accounts"

urlpatterns = [
    path("switch-employer/", views.switch_employer, name="switch_employer"),
    # Replaced by the registration and personnel pages (issue 4).
    path("register/", TemplateView.as_view(template_name="home.html"), name="register"),
    path("personnel/", TemplateView.as_view(template_name="home.html"), name="personnel"),
]

# Django's own names, outside the namespace, so its auth views and templates find them.
auth_urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=forms.LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password-reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
