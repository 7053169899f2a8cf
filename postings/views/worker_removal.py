"""Remove a worker from the personnel directory: a page that says what will happen, then the removal
(postings.services.worker_removal). Here, not in accounts, because the page names requests."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import selectors
from accounts.acting import client_name, raise_if_of_another_employer
from accounts.directory_words import naming_the_client
from accounts.models import Employee
from accounts.views.common import employer_required

from ..services.worker_removal import employee_remove, removal_plan


def _drafts_seen(request) -> list[int] | None:
    """The drafts' numbers the page named (hidden field); None from a form without the field."""
    raw = request.POST.get("drafts")
    if raw is None:
        return None
    return [int(n) for n in raw.split(",") if n.strip().isdigit()]


def _confirm(request, employee, errors=()):
    name = f"{employee.given_names} {employee.family_name}"
    return render(
        request,
        "postings/remove_worker.html",
        {
            "employee": employee,
            "plan": removal_plan(actor=request.user, employee=employee),
            "errors": errors,
            "question": _("Remove %(name)s from the personnel directory?") % {"name": name},
            "consequence": _(
                "%(name)s is then no longer offered in the directory, its search, a new request or the API."
            )
            % {"name": name},
            "button": _("Yes, remove from the directory"),
            "back_url": reverse("accounts:personnel_detail", args=[employee.pk]),
        },
        status=409 if errors else 200,
    )


@employer_required
@require_http_methods(["GET", "POST"])
def worker_remove(request, pk):
    directory = selectors.employees_for(request.user, request.employer)
    employee = directory.filter(pk=pk).first()
    if employee is None:
        # Another client's worker the person may also act for (a page left open before a switch in
        # another tab): offer to switch, rather than say this worker was removed. Anyone else's id
        # and a removed one read the same, so nothing is learnt about an employer not acted for.
        raise_if_of_another_employer(
            request.user, Employee.objects.filter(pk=pk).values_list("employer_id", flat=True)
        )
        # Removed already (a second click, another tab) or never in this directory: said, not a 404.
        gone = ValidationError(
            _("This person is no longer in your personnel directory."), code="no_longer_in_directory"
        )
        messages.error(request, " ".join(naming_the_client(gone, client_name(request)).messages))
        return redirect("accounts:personnel")
    if request.method == "GET":
        return _confirm(request, employee)
    name = f"{employee.given_names} {employee.family_name}"
    try:
        employee_remove(
            actor=request.user, employer=request.employer, employee_id=pk, drafts_seen=_drafts_seen(request)
        )
    except ValidationError as exc:
        exc = naming_the_client(exc, client_name(request))
        if not Employee.objects.filter(pk=pk).exists():
            messages.error(request, " ".join(exc.messages))
            return redirect("accounts:personnel")
        return _confirm(request, employee, errors=exc.messages)
    messages.success(request, _("%(name)s was removed from the personnel directory.") % {"name": name})
    return redirect("accounts:personnel")
