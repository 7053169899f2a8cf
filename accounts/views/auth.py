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
from ..forms import EnrolmentCodeForm, LoginForm, TokenForm
from ..services.audit import audit_record
from ..services.enrolment import EnrolmentError, enrolment_code_check, enrolment_complete, no_longer_valid


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


def _enrolment_code_step(request, refusal: str = ""):
    """A staff member without an authenticator first types the enrolment code an administrator gave
    them; only then is the secret shown. The code is checked here and used up when the device is
    confirmed."""
    posted = request.method == "POST" and "code" in request.POST
    form = EnrolmentCodeForm(request.POST if posted else None)
    if posted and form.is_valid():
        try:
            record = enrolment_code_check(user=request.user, code=form.cleaned_data["code"])
        except EnrolmentError as exc:
            form.add_error("code", str(exc))
        else:
            request.session[otp.ACCEPTED_ENROLMENT_CODE] = record.pk
            return redirect(request.get_full_path())
    elif refusal:
        form.cleaned_data = {}  # an unbound form has none, and add_error needs it
        form.add_error("code", refusal)
    return render(request, "accounts/otp/enrolment_code.html", {"form": form})


def _confirm(request, device):
    """Confirm the device; a staff member's enrolment code is used up at the same moment. Returns the
    refusal when the code stopped being valid meanwhile (a newer one was issued, it expired)."""
    if not otp.needs_enrolment_code(request.user):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit_record(actor=request.user, action="otp.confirmed", obj=device)
        return ""
    code_id = request.session.get(otp.ACCEPTED_ENROLMENT_CODE)
    try:
        enrolment_complete(user=request.user, code_id=code_id, device=device)
    except EnrolmentError as exc:
        return str(exc)
    finally:
        request.session.pop(otp.ACCEPTED_ENROLMENT_CODE, None)
    return ""


@login_required
def otp_setup(request):
    if otp.has_confirmed_device(request.user) and request.user.is_verified():
        return render(request, "accounts/otp/already.html")
    if otp.has_confirmed_device(request.user):
        return redirect(f"{reverse('accounts:otp_verify')}?next={request.GET.get('next', '')}")
    if otp.needs_enrolment_code(request.user):
        code_id = request.session.get(otp.ACCEPTED_ENROLMENT_CODE)
        if code_id is None:
            return _enrolment_code_step(request)
        if not otp.accepted_code_still_valid(request.user, code_id):
            request.session.pop(otp.ACCEPTED_ENROLMENT_CODE, None)
            return _enrolment_code_step(request, refusal=no_longer_valid())
    device = otp.unconfirmed_device(request.user)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        wait = otp.seconds_to_wait(device)
        if wait:
            form.add_error("token", _wait_message(wait))
        elif device.verify_token(form.cleaned_data["token"]):
            refusal = _confirm(request, device)
            if refusal:
                return _enrolment_code_step(request, refusal=refusal)
            otp_login(request, device)
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
