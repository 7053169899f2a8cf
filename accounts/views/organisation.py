"""An organisation's people (invite, deactivate) and an employer's mandates (grant, revoke)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coverage_portal.sentences import one_full_stop

from .. import selectors
from ..forms import InviteForm, MandateForm
from ..permissions import can_administer, managed_organisations
from ..services import mandates as mandate_service
from ..services import members as member_service
from .common import apply_errors, employer_required, get_or_404
from .confirm import confirm_page


@login_required
def organisation_home(request):
    organisation = managed_organisations(request.user).order_by("name").first()
    if organisation is None:
        raise Http404
    return redirect("accounts:users", org_id=organisation.pk)


@login_required
def users(request, org_id):
    organisation = get_or_404(managed_organisations(request.user), pk=org_id)
    if request.method == "POST":
        form = InviteForm(request.POST, organisation=organisation)
        if form.is_valid():
            try:
                member_service.member_invite(
                    actor=request.user, organisation=organisation, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("We sent %(email)s a link to choose a password.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect("accounts:users", org_id=organisation.pk)
    else:
        form = InviteForm(organisation=organisation)
    return render(
        request,
        "accounts/organisation/users.html",
        {
            "organisation": organisation,
            "memberships": selectors.members_of(request.user, organisation),
            "form": form,
            "others": managed_organisations(request.user).exclude(pk=organisation.pk),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def user_deactivate(request, org_id, pk):
    organisation = get_or_404(managed_organisations(request.user), pk=org_id)
    membership = get_or_404(selectors.members_of(request.user, organisation), pk=pk)
    if request.method == "GET":
        names = {"name": membership.user, "org": organisation}
        return confirm_page(
            request,
            question=_("Deactivate %(name)s?") % names,
            consequence=one_full_stop(_("%(name)s can no longer log in to act for %(org)s.") % names),
            button=_("Yes, deactivate"),
            back_url=reverse("accounts:users", args=[organisation.pk]),
        )
    try:
        member_service.member_deactivate(actor=request.user, membership=membership)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            one_full_stop(
                _("%(name)s can no longer act for %(org)s.") % {"name": membership.user, "org": organisation}
            ),
        )
    return redirect("accounts:users", org_id=organisation.pk)


@employer_required
def mandates(request):
    employer = request.employer
    if not can_administer(request.user, employer):
        return render(request, "403.html", status=403)
    query = request.GET.get("q", "") if request.method == "GET" else request.POST.get("q", "")
    results = selectors.representative_search(query)
    if request.method == "POST":
        form = MandateForm(request.POST)
        if form.is_valid():
            try:
                mandate_service.mandate_grant(actor=request.user, employer=employer, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    one_full_stop(
                        _("%(firm)s may now act for %(employer)s.")
                        % {"firm": form.cleaned_data["representative"], "employer": employer}
                    ),
                )
                return redirect("accounts:mandates")
    else:
        form = MandateForm(initial={"valid_from": timezone.localdate()})
    chosen = form["representative"].value()
    form.fields["representative"].choices = [
        (o.pk, f"{o.name} ({o.registration_number or o.town})") for o in results
    ]
    all_mandates = selectors.mandates_of(request.user, employer)
    today = timezone.localdate()
    return render(
        request,
        "accounts/organisation/mandates.html",
        {
            "employer": employer,
            "form": form,
            "query": query,
            "results": results,
            "chosen": chosen,
            "in_force": all_mandates.filter(pk__in=all_mandates.in_force(today)),
            "ended": all_mandates.exclude(pk__in=all_mandates.in_force(today)),
        },
    )


@employer_required
@require_http_methods(["GET", "POST"])
def mandate_revoke(request, pk):
    mandate = get_or_404(selectors.mandates_of(request.user, request.employer), pk=pk)
    if request.method == "GET":
        names = {"firm": mandate.representative, "employer": request.employer}
        return confirm_page(
            request,
            question=_("End the mandate of %(firm)s?") % names,
            consequence=_(
                "From now on the staff of %(firm)s can no longer act for %(employer)s: no new requests, "
                "no access to your requests and personnel directory. To let them act again, give a new "
                "mandate."
            )
            % names,
            button=_("Yes, end the mandate"),
            back_url=reverse("accounts:mandates"),
        )
    mandate_service.mandate_revoke(actor=request.user, mandate=mandate)
    messages.success(
        request,
        _("The mandate of %(firm)s has ended. Its staff can no longer act for you.")
        % {"firm": mandate.representative},
    )
    return redirect("accounts:mandates")
