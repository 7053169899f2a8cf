"""The public self-check page at /check/: questions, then the engine's answer in plain words."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

import rules
from coverage_portal.provision import provision_label
from coverage_portal.state_names import state_in_sentence

from .forms import SelfCheckForm, field_for_error
from .localise import localised_determination, localised_errors
from .services import issuing_state

STATUS_LABELS = {
    "01": _("posted employed person"),
    "02": _("employed person working in two or more states"),
    "03": _("posted self-employed person"),
    "04": _("self-employed person working in two or more states"),
    "05": _("civil servant"),
    "06": _("contract staff"),
    "07": _("mariner"),
    "08": _("employed and self-employed in different states"),
    "09": _("civil servant in one state, working in one or more other states"),
    "10": _("flight or cabin crew member"),
    "11": _("exception agreed between states"),
    "12": _("working in the state shown"),
}


@require_http_methods(["GET", "POST"])
def check(request):
    form = SelfCheckForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        situation = form.situation(timezone.localdate())
        try:
            determination = localised_determination(situation, issuing_state())
        except rules.InvalidSituation as exc:
            rows = form.cleaned_data["work_rows"]
            for error in localised_errors(exc):
                field = field_for_error(error["field"], rows)
                form.add_error(field if field in form.fields else None, error["message"])
        else:
            result = present(determination)
    return render(
        request, "selfcheck/check.html", {"form": form, "result": result, "work_rows": form.work_rows()}
    )


def present(determination: dict) -> dict:
    """The determination with names and sentences the page shows."""
    state = determination["legislation"]
    code = determination["a1_status_code"]
    return {
        **determination,
        "state_name": state_in_sentence(state, "of") if state else "",
        "status_label": str(STATUS_LABELS.get(code, "")) if code else "",
        "a1": determination["certificate"] == "PD A1",
        # "Regulation (EC) No 883/2004, Article 12(1)", not the engine's "883/2004" or "national:NL".
        "provision_label": provision_label(determination.get("provision")),
        "transitional_label": provision_label(determination.get("transitional")),
    }
