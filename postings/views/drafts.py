"""Starting a request (new, based on an earlier one, extending one), My drafts, the confirmation."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from coverage_portal.dates import BrowserDateInput

from ..models import RequestType
from ..selectors import draft_get, drafts_for, request_get
from ..services.draft_retention import DRAFT_RETENTION, draft_deleted_on
from ..services.drafts import (
    ReuseMode,
    can_extend,
    current_end,
    draft_create,
    draft_discard,
    draft_extend,
    draft_reuse,
)
from ..wizards.steps import STEPS
from .common import employer_view


def paper_route(request):
    """Employers established outside the issuing state cannot apply online (SVB): the paper form."""
    try:
        return redirect(reverse("accounts:not_eligible"))
    except NoReverseMatch:
        return render(request, "postings/paper_route.html")


def _kind_or_404(kind):
    if kind not in RequestType.values:
        raise Http404
    return kind


@employer_view
@require_http_methods(["GET", "POST"])
def start(request, employer, kind):
    kind = _kind_or_404(kind)
    if not employer.established_in_issuing_state:
        return paper_route(request)
    if request.method == "POST":
        draft = draft_create(actor=request.user, employer=employer, kind=kind)
        return redirect("postings:wizard_step", pk=draft.pk, step=STEPS[kind][0][0])
    return render(
        request,
        "postings/start.html",
        {
            "kind": kind,
            "kind_label": RequestType(kind).label,
            "steps": [s for s, _f in STEPS[kind]],
            "retention_days": DRAFT_RETENTION.days,
        },
    )


@employer_view
def draft_list(request, employer):
    drafts = list(drafts_for(request.user, employer).select_related("created_by", "representative")[:100])
    for draft in drafts:
        draft.deleted_on = draft_deleted_on(draft)
    return render(request, "postings/drafts.html", {"drafts": drafts, "retention_days": DRAFT_RETENTION.days})


@employer_view
@require_http_methods(["GET", "POST"])
def draft_discard_view(request, employer, pk):
    draft = draft_get(request.user, employer, pk)
    if request.method == "POST":
        draft_discard(actor=request.user, draft=draft)
        messages.success(request, _("The draft is discarded."))
        return redirect("postings:drafts")
    return render(request, "postings/discard.html", {"draft": draft})


@employer_view
def confirmation(request, employer, pk):
    obj = request_get(request.user, employer, pk)
    return render(
        request, "postings/confirmation.html", {"request_obj": obj, "reuse_modes": reuse_modes(obj)}
    )


def reuse_modes(obj) -> list[dict]:
    """The NSSO's three reuse options (and a plain copy), with what each keeps."""
    return [
        {
            "mode": ReuseMode.OTHER_EMPLOYEE,
            "label": _("Request for another employee"),
            "hint": _("Same destination, period and work conditions."),
        },
        {
            "mode": ReuseMode.OTHER_DESTINATION,
            "label": _("Request for the same employee, another destination"),
            "hint": _("Same employee and work conditions; you enter the destination and the period."),
        },
        {
            "mode": ReuseMode.OTHER_PERIOD,
            "label": _("Request for the same employee, another period"),
            "hint": _("Same employee, destination and work conditions; you only enter the dates."),
        },
    ]


@employer_view
@require_POST
def reuse(request, employer, pk, mode):
    source = request_get(request.user, employer, pk)
    if mode not in ReuseMode.ALL:
        raise Http404
    draft = draft_reuse(actor=request.user, source=source, mode=mode)
    return redirect("postings:wizard_step", pk=draft.pk, step=draft.wizard_step)


class ExtendForm(forms.Form):
    new_end = forms.DateField(
        label=gettext_lazy("New end date"),
        widget=BrowserDateInput(),
        error_messages={"required": gettext_lazy("Enter the new end date.")},
    )


@employer_view
@require_http_methods(["GET", "POST"])
def extend(request, employer, pk):
    source = request_get(request.user, employer, pk)
    if not can_extend(source):
        raise Http404
    form = ExtendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            draft = draft_extend(actor=request.user, source=source, new_end=form.cleaned_data["new_end"])
        except ValidationError as exc:
            form.add_error("new_end", exc.message_dict.get("new_end", exc.messages))
        else:
            return redirect("postings:wizard_step", pk=draft.pk, step=draft.wizard_step)
    return render(
        request,
        "postings/extend.html",
        {"request_obj": source, "form": form, "current_end": current_end(source)},
    )
