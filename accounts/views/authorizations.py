"""Employee authorizations: a representative firm uploads the employee's signed PDF; everyone acting for
the employer sees their state."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import selectors
from ..forms import AuthorizationForm
from ..permissions import representative_firms_for
from ..services import authorizations as service
from .common import apply_errors, employer_required, get_or_404


@employer_required
def authorizations(request):
    employer = request.employer
    is_representative = representative_firms_for(request.user).exists()
    form = None
    if is_representative:
        employees = selectors.employees_for(request.user, employer)
        if request.method == "POST":
            form = AuthorizationForm(request.POST, request.FILES, employees=employees)
            if form.is_valid():
                try:
                    service.authorization_upload(
                        actor=request.user,
                        employer=employer,
                        employee=form.cleaned_data["employee"],
                        upload=form.cleaned_data["file"],
                    )
                except ValidationError as exc:
                    apply_errors(form, exc)
                else:
                    messages.success(request, _("The authorization was sent. A caseworker will check it."))
                    return redirect("accounts:authorizations")
        else:
            form = AuthorizationForm(employees=employees)
    return render(
        request,
        "accounts/authorizations.html",
        {"form": form, "authorizations": selectors.authorizations_for(request.user, employer)},
    )


@employer_required
@require_GET
def authorization_file(request, pk):
    authorization = get_or_404(selectors.authorizations_for(request.user, request.employer), pk=pk)
    return FileResponse(
        authorization.file.open("rb"), content_type="application/pdf", filename="authorization.pdf"
    )
