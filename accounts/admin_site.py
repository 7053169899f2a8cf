"""The admin site requires a verified second factor (django-otp) for every staff session.

Installed from AccountsConfig.ready() on Django's default admin site, so coverage_portal/urls.py keeps
using `admin.site`. A staff member who is logged in but not verified is sent to the token page, or to
set up an authenticator first; someone not logged in goes to the portal's two-step login.
"""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


def install(site: admin.AdminSite = admin.site) -> None:
    if getattr(site, "_otp_installed", False):
        return
    original_has_permission = site.has_permission

    def has_permission(request):
        user = request.user
        return bool(original_has_permission(request) and hasattr(user, "is_verified") and user.is_verified())

    def login(request, extra_context=None):
        from .otp import second_factor_url

        next_url = request.GET.get("next") or reverse("admin:index")
        user = request.user
        if not user.is_authenticated:
            return redirect(f"{reverse('login')}?{urlencode({'next': next_url})}")
        if user.is_active and user.is_staff and not user.is_verified():
            return redirect(second_factor_url(user, next_url))
        # Logged in, but not staff (or already verified and still refused): Django's own page explains.
        return original_login(request, extra_context)

    original_login = site.login
    site.has_permission = has_permission
    site.login = login
    site._otp_installed = True
