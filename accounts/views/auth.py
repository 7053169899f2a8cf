"""Login with an optional (for caseworkers required) second factor, and the TOTP setup page."""

import segno
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import login as otp_login

from .. import otp
from ..forms import LoginForm, TokenForm
from ..services.audit import audit_record


def _safe_next(request, target):
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("home")


class LogoutView(auth_views.LogoutView):
    """Says so on the home page it lands on: a person on a shared computer wants to see it happened."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have logged out."))
        return response


def _wait_message(seconds: int) -> str:
    return ngettext(
        "After a wrong code, codes are not checked for a moment. "
        "Wait %(n)d second, then type the newest code.",
        "After a wrong code, codes are not checked for a moment. "
        "Wait %(n)d seconds, then type the newest code.",
        seconds,
    ) % {"n": seconds}


class LoginView(auth_views.LoginView):
    """Password first; a person with a confirmed authenticator is asked for a code before being logged in."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if otp.has_confirmed_device(user):
            self.request.session[otp.PENDING_USER] = user.pk
            self.request.session[otp.PENDING_BACKEND] = user.backend
            self.request.session[otp.PENDING_NEXT] = self.get_redirect_url()
            return redirect("accounts:otp_verify")
        auth_login(self.request, user)
        if otp.needs_second_factor(user):
            return redirect(
                f"{reverse('accounts:otp_setup')}?next={self.get_redirect_url() or reverse('admin:index')}"
            )
        return redirect(self.get_success_url())


def otp_verify(request):
    """The second login step (or verifying an already logged-in session that is not yet verified)."""
    User = get_user_model()
    pending = request.session.get(otp.PENDING_USER)
    if pending is not None:
        user = User.objects.filter(pk=pending, is_active=True).first()
    elif request.user.is_authenticated:
        user = request.user
    else:
        user = None
    if user is None:
        return redirect("login")
    device = otp.confirmed_device(user)
    if device is None:
        return redirect("accounts:otp_setup")
    next_url = request.session.get(otp.PENDING_NEXT) or request.GET.get("next", "")
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        wait = otp.seconds_to_wait(device)
        if wait:
            form.add_error("token", _wait_message(wait))
        elif device.verify_token(form.cleaned_data["token"]):
            if pending is not None:
                backend = request.session.get(otp.PENDING_BACKEND)
                auth_login(request, user, backend=backend)
            otp_login(request, device)
            for key in (otp.PENDING_USER, otp.PENDING_BACKEND, otp.PENDING_NEXT):
                request.session.pop(key, None)
            return redirect(_safe_next(request, next_url))
        else:
            audit_record(actor=None, action="otp.failed", obj=user)
            form.add_error(
                "token", _("The code is not right. Check the time on your phone and try the newest code.")
            )
    return render(request, "accounts/otp/verify.html", {"form": form})


@login_required
def otp_setup(request):
    if otp.has_confirmed_device(request.user) and request.user.is_verified():
        return render(request, "accounts/otp/already.html")
    if otp.has_confirmed_device(request.user):
        return redirect(f"{reverse('accounts:otp_verify')}?next={request.GET.get('next', '')}")
    device = otp.unconfirmed_device(request.user)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        wait = otp.seconds_to_wait(device)
        if wait:
            form.add_error("token", _wait_message(wait))
        elif device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            audit_record(actor=request.user, action="otp.confirmed", obj=device)
            return render(
                request, "accounts/otp/done.html", {"next": _safe_next(request, request.GET.get("next"))}
            )
        else:
            form.add_error(
                "token", _("The code is not right. Scan the QR code again and type the newest code.")
            )
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=5, title=_("QR code for your authenticator app"))
    return render(
        request,
        "accounts/otp/setup.html",
        {
            "form": form,
            "qr_svg": mark_safe(svg),  # noqa: S308 - generated by segno from our own data
            "secret": otp.secret_of(device),
            "required": otp.needs_second_factor(request.user),
        },
    )
