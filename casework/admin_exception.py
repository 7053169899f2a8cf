"""The request page's part for an Art. 16(1) exception: whether the employer asked for one, the other
state's recorded answer, and the page on which a caseworker records that answer
(casework.services.exception_agreements). Mixed into postings.admin.CoverageRequestAdmin."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_caseworker
from postings.decision_state import why_not_open
from postings.status import Status
from postings.wizards.conditions import art16_requested

from .admin_base import html_table, show_errors, state_name
from .forms import ExceptionAnswerForm
from .models import ExceptionAgreement
from .services.exception_agreements import TYPES_WITH_A_POSTING, request_record_exception_answer
from .services.host_state import exception_request_payload


def can_record_exception_answer(obj) -> bool:
    """Only where an exception was asked for (or an answer is already recorded, to correct it): the
    link stood on every posting in review, beside "Exception under Article 16: Not asked for."."""
    return (
        obj.type in TYPES_WITH_A_POSTING
        and obj.status in (Status.IN_REVIEW, Status.INFO_REQUESTED)
        and (art16_requested(obj.answers or {}) or recorded_answer(obj) is not None)
    )


def recorded_answer(obj) -> ExceptionAgreement | None:
    try:
        return obj.exception_agreement
    except ExceptionAgreement.DoesNotExist:
        return None


class ExceptionAnswerAdminMixin:
    def get_urls(self):
        return [
            path(
                "<int:pk>/exception/",
                self.admin_site.admin_view(self.exception_view),
                name="postings_coveragerequest_exception",
            ),
            path(
                "<int:pk>/exception-request.json",
                self.admin_site.admin_view(self.exception_request_json),
                name="postings_coveragerequest_exception_request",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("exception under Article 16"))
    def exception_html(self, obj):
        answer = recorded_answer(obj)
        export = format_html(
            '<p><a class="button" href="{}">{}</a></p>',
            reverse("admin:postings_coveragerequest_exception_request", args=[obj.pk]),
            _("The exception request (A001) as JSON"),
        )
        if answer is None:
            if art16_requested(obj.answers or {}):
                return format_html(
                    "<p>{}</p>{}",
                    _(
                        "The employer asked for an exception. Ask the other state (SED A001) and record "
                        "its answer here; until it agrees, the ordinary rules decide."
                    ),
                    export,
                )
            return _("Not asked for.")
        period = f"{answer.start:%Y-%m-%d} – {answer.end:%Y-%m-%d}" if answer.agreed else "—"
        return html_table(
            [_("answer"), _("state"), _("answered on"), _("their reference"), _("period"), _("note")],
            [
                (
                    answer.get_outcome_display(),
                    answer.other_state.name,
                    f"{answer.answered_on:%Y-%m-%d}",
                    answer.reference,
                    period,
                    answer.note,
                )
            ],
        )

    def exception_request_json(self, request, pk):
        if not is_caseworker(request.user):
            raise PermissionDenied
        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        if obj.type not in TYPES_WITH_A_POSTING:
            raise Http404
        response = JsonResponse(
            exception_request_payload(obj), json_dumps_params={"indent": 2, "ensure_ascii": False}
        )
        response["Content-Disposition"] = f'attachment; filename="{obj.transaction_number}-A001.json"'
        return response

    def exception_view(self, request, pk):
        if not is_caseworker(request.user):
            raise PermissionDenied
        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        if obj.type not in TYPES_WITH_A_POSTING:
            raise Http404
        # Opened by its address (history, another tab) on a request decided or cancelled since: say
        # what happened instead of offering a form that the service would refuse.
        not_open = why_not_open(obj, "exception")
        answer = recorded_answer(obj)
        initial = {
            "other_state": obj.state_of_work,
            "answered_on": timezone.localdate(),
            "start": obj.requested_start,
            "end": obj.requested_end,
        }
        if answer is not None:
            initial.update(
                outcome=answer.outcome,
                other_state=answer.other_state,
                answered_on=answer.answered_on,
                reference=answer.reference,
                start=answer.start or obj.requested_start,
                end=answer.end or obj.requested_end,
            )
        form = ExceptionAnswerForm(request.POST or None, initial=initial)
        if request.method == "POST" and not not_open and form.is_valid():
            try:
                request_record_exception_answer(actor=request.user, request=obj, **form.cleaned_data)
            except ValidationError as exc:
                show_errors(form, exc)
                obj.refresh_from_db()  # decided meanwhile, between this page's check and the lock
                not_open = why_not_open(obj, "exception")
            else:
                obj.refresh_from_db()
                legislation = state_name((obj.determination or {}).get("legislation"))
                self.message_user(
                    request,
                    _("The answer was recorded. The engine now finds the legislation of %(state)s.")
                    % {"state": legislation},
                )
                return redirect("admin:postings_coveragerequest_change", obj.pk)
        return render(
            request,
            "admin/casework/action_form.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Record the answer to the exception request"),
                "form": form,
                "object": obj,
                "opts": self.model._meta,
                "submit_label": _("Record the answer"),
                "not_open": not_open,
                "summary": [
                    (_("Request"), obj.transaction_number),
                    (_("Worker"), obj.worker_name),
                    (_("Requested period"), f"{obj.requested_start:%Y-%m-%d} – {obj.requested_end:%Y-%m-%d}"),
                    (
                        _("Engine's legislation now"),
                        state_name((obj.determination or {}).get("legislation")),
                    ),
                ],
            },
        )
