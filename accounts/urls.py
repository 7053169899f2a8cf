from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from .forms import NewPasswordForm, PasswordResetForm
from .views import account, auth, authorizations, organisation, personnel, registration, switch_employer

app_name = "accounts"

urlpatterns = [
    path("", account, name="account"),
    path("switch-employer/", switch_employer, name="switch_employer"),
    # Registration and activation
    path("register/", registration.register, name="register"),
    path("register/done/", registration.register_done, name="register_done"),
    path("register/not-eligible/", registration.not_eligible, name="not_eligible"),
    path("register/application-form.pdf", registration.paper_form, name="paper_form"),
    path("activate/", registration.activate, name="activate"),
    # The organisation's people and mandates
    path("organisation/", organisation.organisation_home, name="organisation"),
    path("organisation/<int:org_id>/users/", organisation.users, name="users"),
    path(
        "organisation/<int:org_id>/users/<int:pk>/deactivate/",
        organisation.user_deactivate,
        name="user_deactivate",
    ),
    path("mandates/", organisation.mandates, name="mandates"),
    path("mandates/<int:pk>/revoke/", organisation.mandate_revoke, name="mandate_revoke"),
    # Employee authorizations
    path("authorizations/", authorizations.authorizations, name="authorizations"),
    path("authorizations/<int:pk>/file.pdf", authorizations.authorization_file, name="authorization_file"),
    # Personnel directory
    path("personnel/", personnel.personnel_list, name="personnel"),
    path("personnel/add/", personnel.personnel_add, name="personnel_add"),
    path("personnel/<int:pk>/", personnel.personnel_detail, name="personnel_detail"),
    path("personnel/<int:pk>/edit/", personnel.personnel_edit, name="personnel_edit"),
    path("personnel/import/", personnel.personnel_import, name="personnel_import"),
    path(
        "personnel/import/template.csv", personnel.personnel_import_template, name="personnel_import_template"
    ),
    path("personnel/import/<int:pk>/", personnel.personnel_import_status, name="personnel_import_status"),
    # Second factor
    path("two-factor/setup/", auth.otp_setup, name="otp_setup"),
    path("two-factor/verify/", auth.otp_verify, name="otp_verify"),
]

# Django's own names, outside the namespace, so its auth views and templates find them.
auth_urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordResetForm,
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            form_class=NewPasswordForm, success_url=reverse_lazy("password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
]
