"""Registering an organisation online, the not-eligible page with the paper form, activation by code."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..forms import ActivationForm, RegistrationForm
from ..pdf import render_pdf
from ..services import registration as service

SESSION_REGISTERED = "accounts_registered_org"


def register(request):
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        valid = form.is_valid()
        if form.not_eligible:
            return redirect("accounts:not_eligible")
        if valid:
            try:
                organisation, _user, _code = service.organisation_register(
                    kind=form.cleaned_data["kind"],
                    organisation_data=form.organisation_data(),
                    admin_data=form.admin_data(),
                )
            except service.NotEligible:
                return redirect("accounts:not_eligible")
            else:
                request.session[SESSION_REGISTERED] = organisation.name
                return redirect("accounts:register_done")
    else:
        form = RegistrationForm()
    return render(request, "accounts/register/form.html", {"form": form})


@require_GET
def register_done(request):
    name = request.session.get(SESSION_REGISTERED)
    if not name:
        return redirect("accounts:register")
    return render(request, "accounts/register/done.html", {"name": name})


@require_GET
def not_eligible(request):
    return render(request, "accounts/register/not_eligible.html")


@require_GET
def paper_form(request):
    pdf = render_pdf("accounts/pdf/paper_form.html", {})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="a1-application-form.pdf"'
    return response


def activate(request):
    if request.method == "POST":
        form = ActivationForm(request.POST)
        if form.is_valid():
            try:
                organisation = service.organisation_activate(
                    email=form.cleaned_data["email"], code=form.cleaned_data["code"]
                )
            except service.ActivationError as exc:
                form.add_error("code", str(exc))
            else:
                return render(request, "accounts/register/activated.html", {"organisation": organisation})
    else:
        form = ActivationForm(initial={"email": request.user.email if request.user.is_authenticated else ""})
    return render(
        request, "accounts/register/activate.html", {"form": form, "title": _("Activate your account")}
    )
