"""Portal pages: personal API tokens, and the acting employer's webhooks with their delivery log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.acting import get_acting_employer, stale_page_response
from accounts.views.confirm import confirm_page

from .forms import TokenForm, WebhookForm
from .services.tokens import token_create, token_revoke, tokens_for
from .services.webhooks import EVENTS, deliveries_for, webhook_create, webhook_deactivate, webhooks_for

DELIVERY_LOG_SIZE = 50


def _add_errors(form, exc: ValidationError, field: str):
    form.add_error(
        field, exc.message_dict.get(field, exc.messages) if hasattr(exc, "error_dict") else exc.messages
    )


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request):
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            token, new_key = token_create(actor=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            _add_errors(form, exc, "name")
        else:
            form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens_for(request.user), "new_key": new_key},
    )


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke_view(request, pk):
    token = get_object_or_404(tokens_for(request.user), pk=pk)
    if request.method == "GET":
        return confirm_page(
            request,
            question=_("Revoke the token “%(name)s”?") % {"name": token.name},
            consequence=_(
                "Software that uses it can no longer call the API. To connect it again, create a new token "
                "and give it to the software."
            ),
            button=_("Yes, revoke the token"),
            back_url=reverse("api_portal:tokens"),
        )
    token_revoke(actor=request.user, token=token)
    messages.success(
        request,
        _("The token “%(name)s” is revoked. Calls with it are refused from now on.") % {"name": token.name},
    )
    return redirect("api_portal:tokens")


def _employer(request):
    employer = get_acting_employer(request)
    if employer is None:
        raise PermissionDenied
    return employer


@login_required
@require_http_methods(["GET", "POST"])
def webhook_list(request):
    employer = _employer(request)
    stale = stale_page_response(request, employer)  # a page left open for another client
    if stale is not None:
        return stale
    form = WebhookForm(request.POST or None)
    new_secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _webhook, new_secret = webhook_create(
                actor=request.user, employer=employer, url=form.cleaned_data["url"]
            )
        except ValidationError as exc:
            _add_errors(form, exc, "url")
        else:
            form = WebhookForm()
    return render(
        request,
        "api/webhooks.html",
        {
            "form": form,
            "employer": employer,
            "webhooks": webhooks_for(request.user, employer).order_by("-active", "-created_at"),
            "deliveries": deliveries_for(request.user, employer)[:DELIVERY_LOG_SIZE],
            "new_secret": new_secret,
            "events": EVENTS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def webhook_deactivate_view(request, pk):
    webhook = get_object_or_404(webhooks_for(request.user, _employer(request)), pk=pk)
    if request.method == "GET":
        return confirm_page(
            request,
            question=_("Switch off the webhook to %(url)s?") % {"url": webhook.url},
            consequence=_(
                "The portal stops posting events to this address. To receive them again, add the address "
                "anew: it gets a new secret."
            ),
            button=_("Yes, switch it off"),
            back_url=reverse("api_portal:webhooks"),
        )
    webhook_deactivate(actor=request.user, webhook=webhook)
    messages.success(request, _("The webhook is switched off."))
    return redirect("api_portal:webhooks")
