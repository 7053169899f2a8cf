"""The caseworker's queue of requests (Django admin, cut back on purpose).

Read-only: what the employer submitted cannot be changed here, nothing is added or deleted. Status
changes go only through the decision pages (Approve with an admitted period, Reject with a reason,
Ask for information), which call postings.services.decisions; every change writes a RequestEvent
and an audit row. Only caseworkers see or do anything.
"""

import datetime as dt
import json

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from accounts.models import Employee
from accounts.permissions import is_caseworker
from casework.admin_base import CaseworkerAdmin, employer_reads, html_table, show_errors, state_name
from casework.admin_exception import ExceptionAnswerAdminMixin, can_record_exception_answer
from casework.certificate_labels import STATUS_CODES, labels_for
from casework.forms import ApproveForm, AskInformationForm, RejectForm
from casework.models import RequestFlag
from coverage_portal.admin_filters import UsedCountryFilter
from coverage_portal.provision import provision_label

from .decision_state import why_not_open
from .history import event_label
from .models import CoverageRequest, ResidenceStatement
from .selectors import person_requests
from .services.decisions import proposed_admitted_period, request_ask_information, request_decide
from .services.validation import flag_message, flag_title
from .status import IN_PROGRESS, Decision, IllegalTransition, Status
from .timeline import timeline_svg
from .worker import worker_data

# What the caseworker is told once a decision page has done its work: what happened and what follows.
DONE_MESSAGES = {
    "approve": _(
        "%(number)s is approved. The certificate is being produced; the employer is told when it is ready."
    ),
    "reject": _("%(number)s is rejected. The employer was told, with your reason, in their inbox."),
    "ask": _(
        "Your question about %(number)s was sent to the employer's inbox; the request waits for the answer."
    ),
}


def _status_box(code) -> str:
    """The PD A1's section 3 box the engine ticks, numbered and named as printed (legislation.md 4.4),
    in the caseworker's language: "3.1 Posted employed person", not the schema's code "01"."""
    if code not in STATUS_CODES:
        return code or "—"
    index = STATUS_CODES.index(code)
    return f"3.{index + 1} {labels_for((get_language() or 'en')[:2])['status'][index]}"


def _determination_line(determination) -> str:
    if not determination:
        return _("none: decide by hand (see the flags)")
    box = _status_box(determination.get("a1_status_code"))
    return f"{state_name(determination.get('legislation'))} · {box}"


def _in_reader_language(obj) -> dict | None:
    """The stored determination's reasons and warnings in the caseworker's language: the validation
    stored them in English only (the engine's contract), so a Dutch caseworker read English
    sentences among Dutch labels. None (the English stays) in English, or when the engine no longer
    gives exactly what was stored (selfcheck.localise.localised_as_stored)."""
    if (get_language() or "en")[:2] == "en":
        return None
    from postings.situation import situation_from_request
    from selfcheck.localise import localised_as_stored

    try:
        return localised_as_stored(obj.determination, situation_from_request(obj))
    except Exception:  # noqa: BLE001 - any failure to re-run: the stored English is still right
        return None


def _pdf_link(url):
    return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, _("Open PDF"))


class FlagFilter(admin.SimpleListFilter):
    """Filter on the validation's flag codes (casework.RequestFlag rows: portable, indexed)."""

    title = _("flag")
    parameter_name = "flag"

    def lookups(self, request, model_admin):
        codes = RequestFlag.objects.order_by("code").values_list("code", flat=True).distinct()[:50]
        return [("none", _("No flags")), *((code, flag_title(code)) for code in codes)]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.exclude(pk__in=RequestFlag.objects.values("request_id"))
        if value:
            return queryset.filter(pk__in=RequestFlag.objects.filter(code=value).values("request_id"))
        return queryset


class QueueStatusFilter(admin.SimpleListFilter):
    """The statuses a request in the queue can have (drafts never reach the caseworker)."""

    title = _("status")
    parameter_name = "status__exact"

    def lookups(self, request, model_admin):
        return [(value, label) for value, label in Status.choices if value != Status.DRAFT]

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


class StateOfWorkFilter(UsedCountryFilter):
    """Only the states that occur in the queue (drafts never reach it)."""

    title = _("state of work")
    parameter_name = "state_of_work"

    def rows(self, model_admin):
        return CoverageRequest.objects.exclude(status=Status.DRAFT)


class AgeFilter(admin.SimpleListFilter):
    title = _("waiting since")
    parameter_name = "age"
    DAYS = {"1": (0, 1), "7": (1, 7), "30": (7, 30), "older": (30, None)}

    def lookups(self, request, model_admin):
        return [
            ("1", _("Under a day")),
            ("7", _("1 to 7 days")),
            ("30", _("7 to 30 days")),
            ("older", _("Over 30 days")),
        ]

    def queryset(self, request, queryset):
        if self.value() not in self.DAYS:
            return queryset
        low, high = self.DAYS[self.value()]
        now = timezone.now()
        queryset = queryset.filter(submitted_at__lte=now - dt.timedelta(days=low))
        if high is not None:
            queryset = queryset.filter(submitted_at__gt=now - dt.timedelta(days=high))
        return queryset


@admin.register(CoverageRequest)
class CoverageRequestAdmin(ExceptionAnswerAdminMixin, CaseworkerAdmin):
    list_display = [
        "transaction_number",
        "worker_name",
        "employer",
        "type",
        "status",
        "state_of_work",
        "period",
        "flag_count",
        "waiting",
    ]
    list_filter = [QueueStatusFilter, "type", StateOfWorkFilter, FlagFilter, AgeFilter, "decision"]
    search_fields = ["transaction_number", "worker_name_search", "employer__name", "personal_number"]
    list_select_related = ["employer"]
    ordering = ["submitted_at"]
    list_per_page = 50
    actions = ["approve", "reject", "ask_information"]
    fieldsets = [
        (
            _("Request"),
            {
                "fields": [
                    "transaction_number",
                    "type",
                    "status_html",
                    "employer",
                    "representative",
                    "created_by",
                    "submitted_at",
                    "decided_at",
                ]
            },
        ),
        (
            _("Worker and period"),
            {
                "fields": [
                    "worker_html",
                    "state_of_work",
                    "territory",
                    "requested_period",
                    "admitted_period",
                    "language",
                    "output_channel",
                ]
            },
        ),
        (_("The worker's requests"), {"fields": ["person_requests_html"]}),
        (_("Places of work"), {"fields": ["places_html"]}),
        (_("Determination"), {"fields": ["determination_html"]}),
        (_("Flags"), {"fields": ["flags_html"]}),
        (_("Exception under Article 16"), {"fields": ["exception_html"]}),
        (_("Authorizations and statements"), {"fields": ["authorizations_html"]}),
        (_("Certificate"), {"fields": ["certificate_html"]}),
        (_("Submitted answers"), {"fields": ["answers_html"], "classes": ["collapse"]}),
        (_("History"), {"fields": ["history_html"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [name for _, opts in self.fieldsets for name in opts["fields"]]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .exclude(status=Status.DRAFT)
            .annotate(n_flags=Count("flag_rows", distinct=True))
        )

    # --- list columns -------------------------------------------------------------------------
    @admin.display(description=_("period"))
    def period(self, obj):
        if not obj.requested_start:
            return ""
        return format_html(
            '<span style="white-space: nowrap">{} – {}</span>',
            f"{obj.requested_start:%Y-%m-%d}",
            f"{obj.requested_end:%Y-%m-%d}",
        )

    @admin.display(description=_("flags"), ordering="n_flags")
    def flag_count(self, obj):
        return obj.n_flags or ""

    @admin.display(description=_("waiting"), ordering="submitted_at")
    def waiting(self, obj):
        if obj.status not in IN_PROGRESS or not obj.submitted_at:
            return ""
        days = (timezone.now() - obj.submitted_at).days
        if days < 1:
            return _("under a day")
        return ngettext("%(d)d day", "%(d)d days", days) % {"d": days}

    # --- change page --------------------------------------------------------------------------
    @admin.display(description=_("status"))
    def status_html(self, obj):
        text = obj.get_status_display()
        if obj.decision:
            text = f"{text} – {obj.get_decision_display()}"
        if obj.decision_reason:
            return format_html("{}<br><em>{}</em>", text, obj.decision_reason)
        return text

    @admin.display(description=_("worker as sent"))
    def worker_html(self, obj):
        # The copy taken on send (postings.worker), not the directory: the caseworker decides on what
        # the employer stated, whatever the directory says today.
        worker = worker_data(obj)
        if worker is None:
            return "—"
        rows = [
            (_("family name"), worker["family_name"]),
            (_("given names"), worker["given_names"]),
            (_("family name at birth"), worker["family_name_at_birth"]),
            (settings.PORTAL_INSTITUTION["person_id"], worker["personal_number"]),
            (_("date of birth"), worker["birth_date"]),
            (_("sex"), Employee.Sex(worker["sex"]).label if worker["sex"] in Employee.Sex.values else ""),
            (_("place of birth"), worker["birth_place"]),
            (_("nationality"), countries.name(worker["nationality"])),
            (
                _("residence address"),
                f"{worker['street']}, {worker['postal_code']} {worker['town']}, "
                f"{countries.name(worker['country'])}",
            ),
        ]
        return format_html(
            '<table class="casework-table"><tbody>{}</tbody></table>',
            format_html_join("", '<tr><th scope="row">{}</th><td>{}</td></tr>', (r for r in rows if r[1])),
        )

    @admin.display(description=_("requested period"))
    def requested_period(self, obj):
        return self.period(obj)

    @admin.display(description=_("admitted period"))
    def admitted_period(self, obj):
        return f"{obj.admitted_start:%Y-%m-%d} – {obj.admitted_end:%Y-%m-%d}" if obj.admitted_start else "—"

    @admin.display(description=_("all requests for this person"))
    def person_requests_html(self, obj):
        # Earlier and later requests, from any employer, beside this one: a posting within two months
        # of the last one to the same state, or past 24 months in all, shows here at a glance.
        requests = list(person_requests(obj))
        rows = [
            (
                format_html("<strong>{}</strong>", r.transaction_number)
                if r.pk == obj.pk
                else format_html(
                    '<a href="{}">{}</a>',
                    reverse("admin:postings_coveragerequest_change", args=[r.pk]),
                    r.transaction_number,
                ),
                r.employer.name,
                r.get_type_display(),
                " – ".join(str(x) for x in (r.get_status_display(), r.get_decision_display()) if x),
                countries.name(r.state_of_work) if r.state_of_work else "",
                self.period(r),
                f"{r.admitted_start:%Y-%m-%d} – {r.admitted_end:%Y-%m-%d}" if r.admitted_start else "—",
            )
            for r in requests
        ]
        table = html_table(
            [
                _("request"),
                _("employer"),
                _("type"),
                _("status"),
                _("state of work"),
                _("requested period"),
                _("admitted period"),
            ],
            rows,
        )
        return format_html("{}{}", table, timeline_svg(requests, highlight=obj))

    @admin.display(description=_("places of work"))
    def places_html(self, obj):
        rows = [
            (
                p.seq,
                p.get_location_type_display(),
                p.name,
                " ".join(x for x in (p.street, p.house_number) if x),
                f"{p.postal_code} {p.town}".strip(),
                p.country.name,
                p.time_pct if p.time_pct is not None else "",
            )
            for p in obj.places.all()
        ]
        return html_table(["#", _("type"), _("name"), _("street"), _("town"), _("state"), _("time %")], rows)

    @admin.display(description=_("determination"))
    def determination_html(self, obj):
        d = obj.determination
        if not d:
            return _("No determination (see the flags).")
        d = _in_reader_language(obj) or d
        provision = d.get("provision") or {}
        period = d.get("period") or {}
        head = format_html(
            "<p><strong>{}: {}</strong> · {}: {} · {}: {} · {}: {}{}</p>",
            _("Legislation"),
            state_name(d.get("legislation")),
            _("provision"),
            provision_label(provision) or "—",
            _("certificate"),
            d.get("certificate") or "—",
            _("PD A1 box"),
            _status_box(d.get("a1_status_code")),
            format_html(" · <strong>{}</strong>", _("provisional")) if d.get("provisional") else "",
        )
        if period:
            head = format_html(
                "{}<p>{}: {} – {}</p>", head, _("Period"), period.get("start"), period.get("end")
            )
        reasons = format_html_join(
            "",
            '<tr><td class="{}">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
            (
                (
                    "reason-passed" if r.get("passed") else "reason-failed",
                    "✔" if r.get("passed") else "✘",
                    r.get("code", ""),
                    r.get("provision", ""),
                    r.get("explanation", ""),
                )
                for r in d.get("reasons") or []
            ),
        )
        warnings = format_html_join("", "<li>{}</li>", ((w,) for w in d.get("warnings") or []))
        return format_html(
            '{}<table class="casework-table"><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th></tr>'
            "</thead><tbody>{}</tbody></table>{}",
            head,
            _("condition"),
            _("provision"),
            _("explanation"),
            reasons,
            format_html("<p>{}</p><ul>{}</ul>", _("Warnings"), warnings) if warnings else "",
        )

    @admin.display(description=_("flags"))
    def flags_html(self, obj):
        if not obj.flags:
            return _("No flags: the validation found nothing to check.")
        return format_html_join(
            "",
            '<p><span class="flag">{}</span><br>{} <small class="flag-code">({})</small></p>',
            ((flag_title(f.get("code", "")), flag_message(f), f.get("code")) for f in obj.flags),
        )

    @admin.display(description=_("authorizations"))
    def authorizations_html(self, obj):
        # The documents themselves one click away (a new tab), not only their status: the caseworker
        # reads the signed authorization and the residence state's statement before deciding.
        from accounts.models import EmployeeAuthorization

        parts = []
        # The worker's authorizations; once the worker is removed from the directory, the one this
        # request used (postings.services.worker_removal keeps it, detached from the entry).
        worker = Q(employee_id=obj.employee_id) if obj.employee_id else Q(used_by_request_id=obj.pk)
        authorizations = EmployeeAuthorization.objects.filter(worker).select_related("representative")
        if obj.employee_id or authorizations:
            rows = [
                (
                    a.representative,
                    a.get_status_display(),
                    a.uploaded_at,
                    a.decided_at or "",
                    a.reason,
                    _pdf_link(reverse("admin:accounts_employeeauthorization_file", args=[a.pk])),
                )
                for a in authorizations
            ]
            url = reverse("admin:accounts_employeeauthorization_changelist")
            if obj.employee_id:
                url += f"?employee__id__exact={obj.employee_id}"
            parts.append(
                html_table(
                    [_("representative"), _("status"), _("uploaded"), _("decided"), _("reason"), _("file")],
                    rows,
                )
            )
            parts.append(format_html('<p><a href="{}">{}</a></p>', url, _("Accept or reject authorizations")))
        statement = ResidenceStatement.objects.filter(request=obj).first()
        if statement is None:
            parts.append(format_html("<p>{}: {}</p>", _("Residence state's statement"), _("none")))
        else:
            parts.append(
                format_html(
                    "<p>{}: {} {} · {}</p>",
                    _("Residence state's statement"),
                    _("dated"),
                    f"{statement.statement_date:%Y-%m-%d}",
                    _pdf_link(reverse("admin:postings_coveragerequest_residence_statement", args=[obj.pk])),
                )
            )
        return format_html_join("", "{}", ((p,) for p in parts))

    def residence_statement_view(self, request, pk):
        if not is_caseworker(request.user):
            raise PermissionDenied
        sent = ResidenceStatement.objects.exclude(request__status=Status.DRAFT)
        statement = get_object_or_404(sent, request_id=pk)
        return FileResponse(statement.file.open("rb"), content_type="application/pdf")

    @admin.display(description=_("certificate"))
    def certificate_html(self, obj):
        certificate = getattr(obj, "certificate", None)
        if certificate is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a> ({}) · <a href="{}">{}</a>',
            reverse("admin:casework_certificate_change", args=[certificate.pk]),
            certificate.number,
            certificate.get_status_display(),
            reverse("admin:casework_certificate_host_state", args=[certificate.pk]),
            _("host-state record (JSON)"),
        )

    @admin.display(description=_("answers"))
    def answers_html(self, obj):
        return format_html(
            "<pre>{}</pre>", json.dumps(obj.answers, indent=2, ensure_ascii=False, default=str)
        )

    @admin.display(description=_("history"))
    def history_html(self, obj):
        labels = dict(Status.choices)
        rows = [
            (
                timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M"),
                event_label(e.kind),
                e.actor or _("system"),
                f"{labels.get(e.from_status, e.from_status)} → {labels.get(e.to_status, e.to_status)}"
                if e.from_status != e.to_status
                else "",
                e.reason,
            )
            for e in obj.events.select_related("actor")
        ]
        return html_table([_("when"), _("event"), _("by"), _("status"), _("reason")], rows)

    # --- decisions ----------------------------------------------------------------------------
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/approve/", view(self.approve_view), name="postings_coveragerequest_approve"),
            path("<int:pk>/reject/", view(self.reject_view), name="postings_coveragerequest_reject"),
            path("<int:pk>/ask/", view(self.ask_view), name="postings_coveragerequest_ask"),
            path(
                "<int:pk>/residence-statement.pdf",
                view(self.residence_statement_view),
                name="postings_coveragerequest_residence_statement",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        if obj is not None and is_caseworker(request.user):
            links = []
            if obj.status in (Status.IN_REVIEW, Status.INFO_REQUESTED):
                links += [
                    (_("Approve"), reverse("admin:postings_coveragerequest_approve", args=[obj.pk])),
                    (_("Reject"), reverse("admin:postings_coveragerequest_reject", args=[obj.pk])),
                ]
            if obj.status == Status.IN_REVIEW:
                links.append(
                    (_("Ask for information"), reverse("admin:postings_coveragerequest_ask", args=[obj.pk]))
                )
            if can_record_exception_answer(obj):
                links.append(
                    (
                        _("Record the Art. 16 answer"),
                        reverse("admin:postings_coveragerequest_exception", args=[obj.pk]),
                    )
                )
            extra_context["decide_links"] = links
        return super().change_view(request, object_id, form_url, extra_context)

    def _one(self, request, queryset, name):
        if queryset.count() != 1:
            self.message_user(request, _("Select exactly one request."), messages.ERROR)
            return None
        return redirect(f"admin:postings_coveragerequest_{name}", queryset.get().pk)

    @admin.action(description=_("Approve (choose the admitted period)"))
    def approve(self, request, queryset):
        return self._one(request, queryset, "approve")

    @admin.action(description=_("Reject with a reason"))
    def reject(self, request, queryset):
        return self._one(request, queryset, "reject")

    @admin.action(description=_("Ask the employer for information"))
    def ask_information(self, request, queryset):
        return self._one(request, queryset, "ask")

    def _decision_page(self, request, pk, action, form_class, initial, title, submit_label, perform):
        if not is_caseworker(request.user):
            raise PermissionDenied
        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        form = form_class(request.POST or None, initial=initial)
        for name in ("reason", "message"):  # what the employer will read, also an approval's note
            if name in form.fields:
                form.fields[name].help_text = employer_reads(obj)
        not_open = why_not_open(obj, action)
        if request.method == "POST" and not not_open and form.is_valid():
            try:
                perform(obj, form.cleaned_data)
            except ValidationError as exc:
                show_errors(form, exc)
            except IllegalTransition:
                # Another caseworker acted between this page's check and the row lock.
                obj.refresh_from_db()
                not_open = why_not_open(obj, action)
            else:
                self.message_user(request, DONE_MESSAGES[action] % {"number": obj.transaction_number})
                return redirect("admin:postings_coveragerequest_change", obj.pk)
        summary = [
            (_("Request"), obj.transaction_number),
            (_("Worker"), obj.worker_name),
            (_("Employer"), obj.employer),
            (_("Requested period"), self.period(obj)),
            # What an approval certifies, beside the button: the legislation and the PD A1's box.
            (_("Engine's determination"), _determination_line(obj.determination)),
            (_("Flags"), ", ".join(str(flag_title(f["code"])) for f in obj.flags) or "—"),
        ]
        return render(
            request,
            "admin/casework/action_form.html",
            {
                **self.admin_site.each_context(request),
                "title": title,
                "form": form,
                "object": obj,
                "opts": self.model._meta,
                "submit_label": submit_label,
                "summary": summary,
                "not_open": not_open,
            },
        )

    def approve_view(self, request, pk):
        def perform(obj, data):
            request_decide(
                actor=request.user,
                request=obj,
                decision=Decision.APPROVED,
                admitted_period=(data["admitted_start"], data["admitted_end"]),
                reason=data["reason"],
            )

        obj = get_object_or_404(self.get_queryset(request), pk=pk)
        start, end = proposed_admitted_period(obj)
        return self._decision_page(
            request,
            pk,
            "approve",
            ApproveForm,
            {"admitted_start": start, "admitted_end": end},
            _("Approve"),
            _("Approve and issue the certificate"),
            perform,
        )

    def reject_view(self, request, pk):
        def perform(obj, data):
            request_decide(actor=request.user, request=obj, decision=Decision.REJECTED, reason=data["reason"])

        return self._decision_page(
            request, pk, "reject", RejectForm, {}, _("Reject"), _("Reject the request"), perform
        )

    def ask_view(self, request, pk):
        def perform(obj, data):
            request_ask_information(actor=request.user, request=obj, message=data["message"])

        return self._decision_page(
            request,
            pk,
            "ask",
            AskInformationForm,
            {},
            _("Ask for information"),
            _("Send the question"),
            perform,
        )
