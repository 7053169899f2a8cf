"""Caseworker admin of casework: certificates (objections, host-state records as JSON), the print
queue for the paper channel, the inbox messages sent. The request queue is in postings/admin.py."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_caseworker
from coverage_portal.admin_filters import LanguageFilter
from postings.status import Status

from .admin_base import CaseworkerAdmin, employer_reads, html_table, show_errors
from .forms import CorrectionForm, ObjectionForm, RecordsSentForm, SettleObjectionForm, WithdrawForm
from .models import Certificate, HostStateRecord, InboxMessage, PrintQueueEntry
from .services.certificates import (
    certificate_mark_printed,
    certificate_mark_sent,
    certificate_record_objection,
    certificate_settle_objection,
)
from .services.correction import certificate_correct, correction_check
from .services.withdrawal import certificate_withdraw

ALREADY_WITHDRAWN = _("This certificate is already withdrawn. Nothing was changed.")
NOT_CORRECTABLE = _(
    "This certificate is no longer valid (withdrawn or replaced already); it cannot be corrected."
)
CORRECTED = _(
    "Certificate %(cert)s replaces certificate %(old)s, which is no longer valid from now on. The "
    "corrected certificate is being produced and goes to the employer as an ordinary issue does, "
    "with your reason."
)


class CertificateLinksMixin:
    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path("<int:pk>/pdf/", self.admin_site.admin_view(self.pdf_view), name="{}_{}_pdf".format(*info)),
            *super().get_urls(),
        ]

    def pdf_view(self, request, pk):
        certificate = get_object_or_404(Certificate, pk=pk)
        if not is_caseworker(request.user) or not certificate.pdf:
            raise Http404
        return FileResponse(
            certificate.pdf.open("rb"), content_type="application/pdf", filename=f"{certificate.number}.pdf"
        )

    @admin.display(description=_("language"))
    def language_name(self, obj):
        return dict(settings.LANGUAGES).get(obj.language, obj.language)

    @admin.display(description=_("PDF"))
    def pdf_link(self, obj):
        if not obj.pdf:
            return _("being produced")
        info = obj._meta.app_label, self.model._meta.model_name
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:{}_{}_pdf".format(*info), args=[obj.pk]), obj.number
        )


class HostStatesInformedFilter(admin.SimpleListFilter):
    """The work list of records still to send: an Art. 13 determination's two months start only
    once every host state concerned is informed."""

    title = _("host states informed")
    parameter_name = "informed"

    def lookups(self, request, model_admin):
        return [("no", _("Not yet: records to send")), ("yes", _("Yes"))]

    def queryset(self, request, queryset):
        unsent = HostStateRecord.objects.filter(sent_on__isnull=True).values("certificate_id")
        if self.value() == "no":
            return queryset.filter(pk__in=unsent)
        if self.value() == "yes":
            return queryset.exclude(pk__in=unsent)
        return queryset


class PrintedFilter(admin.SimpleListFilter):
    """In words: Django's filter for an empty date offered "Empty" and "Not empty"."""

    title = _("printed and posted")
    parameter_name = "printed"

    def lookups(self, request, model_admin):
        return [("no", _("Not yet: to print")), ("yes", _("Yes"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            # A certificate withdrawn or replaced by a corrected one before it was posted is no
            # longer to print: posting it would hand the worker a document that is not valid.
            return queryset.filter(printed_at__isnull=True).exclude(request__status=Status.CANCELLED)
        if self.value() == "yes":
            return queryset.filter(printed_at__isnull=False)
        return queryset


@admin.register(Certificate)
class CertificateAdmin(CertificateLinksMixin, CaseworkerAdmin):
    list_display = ["number", "request_link", "status_display", "issued_at", "definitive_at", "pdf_link"]
    list_filter = [HostStatesInformedFilter, "provisional", "print_required", LanguageFilter]
    search_fields = ["number", "request__transaction_number"]
    list_select_related = ["request"]
    readonly_fields = [
        "number",
        "request_link",
        "status_display",
        "language_name",
        "issued_at",
        "definitive_at",
        "pdf_link",
        "delivered_at",
        "print_required",
        "printed_at",
        "replacement_html",
        "objections_html",
        "host_state_html",
    ]
    fields = readonly_fields
    actions = ["record_objection", "settle_objection"]

    def get_urls(self):
        return [
            path(
                "<int:pk>/objection/",
                self.admin_site.admin_view(self.objection_view),
                name="casework_certificate_objection",
            ),
            path(
                "<int:pk>/settle/",
                self.admin_site.admin_view(self.settle_view),
                name="casework_certificate_settle",
            ),
            path(
                "<int:pk>/sent/",
                self.admin_site.admin_view(self.sent_view),
                name="casework_certificate_sent",
            ),
            path(
                "<int:pk>/withdraw/",
                self.admin_site.admin_view(self.withdraw_view),
                name="casework_certificate_withdraw",
            ),
            path(
                "<int:pk>/correct/",
                self.admin_site.admin_view(self.correct_view),
                name="casework_certificate_correct",
            ),
            path(
                "<int:pk>/host-state.json",
                self.admin_site.admin_view(self.host_state_json),
                name="casework_certificate_host_state",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("request"))
    def request_link(self, obj):
        url = reverse("admin:postings_coveragerequest_change", args=[obj.request_id])
        return format_html('<a href="{}">{}</a>', url, obj.request.transaction_number)

    @admin.display(description=_("status"))
    def status_display(self, obj):
        return obj.get_status_display()

    @admin.display(description=_("corrections"))
    def replacement_html(self, obj):
        """Which certificate this one replaced, and which corrected certificate replaced it."""
        parts = []
        for text, other in (
            (_("Replaces certificate %(cert)s"), obj.replaces),
            (_("Replaced by the corrected certificate %(cert)s"), obj.replaced_by),
        ):
            if other is not None:
                url = reverse("admin:casework_certificate_change", args=[other.pk])
                parts.append(format_html('<p><a href="{}">{}</a></p>', url, text % {"cert": other.number}))
        return format_html("".join(["{}"] * len(parts)), *parts) if parts else _("None.")

    @admin.display(description=_("objections"))
    def objections_html(self, obj):
        rows = [
            (
                o.state.name,
                o.received_on,
                o.reason,
                o.recorded_by,
                format_html("{} ({})<br>{}", o.get_outcome_display(), o.settled_on, o.settlement_note)
                if o.outcome
                else _("Open: waiting for the common agreement"),
            )
            for o in obj.objections.all()
        ]
        return html_table([_("state"), _("received on"), _("reason"), _("recorded by"), _("outcome")], rows)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        links = []
        if obj is not None and is_caseworker(request.user):
            if obj.host_state_records.filter(sent_on__isnull=True).exists():
                links.append(
                    (
                        _("Record that the records were sent"),
                        reverse("admin:casework_certificate_sent", args=[obj.pk]),
                    )
                )
            if obj.status == "provisional":
                links.append(
                    (_("Record an objection"), reverse("admin:casework_certificate_objection", args=[obj.pk]))
                )
            if obj.status == "provisional" and obj.objections.filter(outcome="").exists():
                links.append(
                    (_("Record the agreement"), reverse("admin:casework_certificate_settle", args=[obj.pk]))
                )
            if obj.status != "withdrawn":
                links.append(
                    (_("Correct and re-issue"), reverse("admin:casework_certificate_correct", args=[obj.pk]))
                )
                links.append(
                    (
                        _("Withdraw the certificate"),
                        reverse("admin:casework_certificate_withdraw", args=[obj.pk]),
                    )
                )
        if links:
            extra_context["decide_links"] = links
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("host-state records"))
    def host_state_html(self, obj):
        rows = [
            (
                r.sed,
                r.receiving_state.name,
                date_format(timezone.localtime(r.created_at), "DATETIME_FORMAT"),
                date_format(r.sent_on, "DATE_FORMAT") if r.sent_on else _("not yet"),
            )
            for r in obj.host_state_records.all()
        ]
        link = format_html(
            '<p><a class="button" href="{}">{}</a></p>',
            reverse("admin:casework_certificate_host_state", args=[obj.pk]),
            _("Export as JSON"),
        )
        return format_html(
            "{}{}", html_table([_("SED"), _("receiving state"), _("created"), _("sent on")], rows), link
        )

    def host_state_json(self, request, pk):
        if not is_caseworker(request.user):
            raise PermissionDenied
        certificate = get_object_or_404(Certificate, pk=pk)
        records = [r.payload for r in certificate.host_state_records.all()]
        response = JsonResponse(
            {"certificate": certificate.number, "records": records},
            json_dumps_params={"indent": 2, "ensure_ascii": False},
        )
        if request.GET.get("download"):
            response["Content-Disposition"] = f'attachment; filename="{certificate.number}-host-state.json"'
        return response

    def sent_view(self, request, pk):
        if not is_caseworker(request.user):
            raise PermissionDenied
        certificate = get_object_or_404(Certificate, pk=pk)
        form = RecordsSentForm(request.POST or None, initial={"sent_on": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                count = certificate_mark_sent(
                    actor=request.user, certificate=certificate, **form.cleaned_data
                )
            except ValidationError as exc:
                show_errors(form, exc)
            else:
                self.message_user(request, _("%(n)d record(s) recorded as sent.") % {"n": count})
                return redirect("admin:casework_certificate_change", pk)
        unsent = certificate.host_state_records.filter(sent_on__isnull=True)
        return render(
            request,
            "admin/casework/action_form.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Record that the host-state records were sent"),
                "form": form,
                "object": certificate,
                "opts": self.model._meta,
                "submit_label": _("Record as sent"),
                "summary": [
                    (_("Certificate"), certificate.number),
                    *((r.sed, r.receiving_state.name) for r in unsent),
                ],
            },
        )

    def withdraw_view(self, request, pk):
        if not is_caseworker(request.user):
            raise PermissionDenied
        certificate = get_object_or_404(Certificate.objects.select_related("request"), pk=pk)
        form = WithdrawForm(request.POST or None)
        form.fields["reason"].help_text = employer_reads(certificate.request)
        withdrawn = certificate.status == "withdrawn"
        if request.method == "POST" and not withdrawn and form.is_valid():
            try:
                certificate_withdraw(actor=request.user, certificate=certificate, **form.cleaned_data)
            except ValidationError as exc:
                show_errors(form, exc)
            else:
                self.message_user(
                    request,
                    _(
                        "Certificate %(cert)s is withdrawn. The verification page says so from now on; the "
                        "employer was told, with your reason."
                    )
                    % {"cert": certificate.number},
                )
                return redirect("admin:casework_certificate_change", pk)
        return render(
            request,
            "admin/casework/action_form.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Withdraw the certificate"),
                # Said before the button, because it cannot be undone.
                "intro": _(
                    "Withdrawing cannot be undone. Inspectors who check this certificate are told at once "
                    "that it is withdrawn and no longer valid; the employer is told, with your reason, and "
                    "must send a new request if the worker still needs a certificate."
                ),
                "form": form,
                "object": certificate,
                "opts": self.model._meta,
                "submit_label": _("Withdraw the certificate"),
                "not_open": _("This certificate is already withdrawn. Nothing was changed.")
                if withdrawn
                else "",
                "summary": [
                    (_("Certificate"), certificate.number),
                    (_("Request"), certificate.request.transaction_number),
                    (_("Worker"), certificate.request.worker_name),
                    (_("Employer"), certificate.request.employer),
                    (_("Status"), certificate.get_status_display()),
                ],
            },
        )

    def correct_view(self, request, pk):
        """Correct and re-issue: the form pre-filled as printed, then a page that shows every change
        (as printed → corrected) before anything is written, then the service in one transaction."""
        if not is_caseworker(request.user):
            raise PermissionDenied
        certificate = get_object_or_404(Certificate.objects.select_related("request__employer"), pk=pk)
        form = CorrectionForm(request.POST or None, certificate=certificate)
        form.fields["reason"].help_text = employer_reads(certificate.request)
        valid = certificate.status != "withdrawn"
        changes = None
        if request.method == "POST" and valid and form.is_valid() and "edit" not in request.POST:
            try:
                if "confirm" in request.POST:
                    replacement = certificate_correct(
                        actor=request.user, certificate=certificate, **form.correction()
                    )
                    self.message_user(
                        request, CORRECTED % {"cert": replacement.number, "old": certificate.number}
                    )
                    return redirect("admin:casework_certificate_change", replacement.pk)
                changes = correction_check(certificate, **form.correction())
            except ValidationError as exc:
                show_errors(form, exc)
        period = certificate.request
        return render(
            request,
            "admin/casework/certificate/correct.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Check the correction") if changes else _("Correct and re-issue the certificate"),
                "form": form,
                "changes": changes,
                "object": certificate,
                "opts": self.model._meta,
                "not_open": "" if valid else NOT_CORRECTABLE,
                "summary": [
                    (_("Certificate"), certificate.number),
                    (_("Request"), certificate.request.transaction_number),
                    (_("Employer"), certificate.request.employer),
                    (_("Status"), certificate.get_status_display()),
                    (
                        _("Admitted period"),
                        f"{period.admitted_start:%d-%m-%Y} – {period.admitted_end:%d-%m-%Y}",
                    ),
                ],
            },
        )

    @admin.action(description=_("Record objection from another state"))
    def record_objection(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Select one certificate to record an objection."), messages.ERROR)
            return None
        return redirect("admin:casework_certificate_objection", queryset.get().pk)

    def objection_view(self, request, pk):
        if not is_caseworker(request.user):
            raise PermissionDenied
        certificate = get_object_or_404(Certificate, pk=pk)
        form = ObjectionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                certificate_record_objection(actor=request.user, certificate=certificate, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc.messages[0])
            else:
                self.message_user(
                    request, _("The objection was recorded; the determination stays provisional.")
                )
                return redirect("admin:casework_certificate_change", pk)
        return render(
            request,
            "admin/casework/action_form.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Record an objection"),
                "form": form,
                "object": certificate,
                "opts": self.model._meta,
                "submit_label": _("Record objection"),
            },
        )

    @admin.action(description=_("Record the agreement after an objection"))
    def settle_objection(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Select one certificate to record the agreement."), messages.ERROR)
            return None
        return redirect("admin:casework_certificate_settle", queryset.get().pk)

    def settle_view(self, request, pk):
        if not is_caseworker(request.user):
            raise PermissionDenied
        certificate = get_object_or_404(Certificate, pk=pk)
        form = SettleObjectionForm(request.POST or None, initial={"settled_on": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                certificate_settle_objection(actor=request.user, certificate=certificate, **form.cleaned_data)
            except ValidationError as exc:
                show_errors(form, exc)
            else:
                if form.cleaned_data["outcome"] == "confirmed":
                    done = _("The determination is definitive; the employer was told.")
                else:
                    done = _("The certificate is withdrawn; the employer was told to apply again.")
                self.message_user(request, done)
                return redirect("admin:casework_certificate_change", pk)
        open_objections = certificate.objections.filter(outcome="")
        return render(
            request,
            "admin/casework/action_form.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Record the agreement after an objection"),
                "form": form,
                "object": certificate,
                "opts": self.model._meta,
                "submit_label": _("Record the agreement"),
                "summary": [
                    (_("Certificate"), certificate.number),
                    (_("Status"), certificate.get_status_display()),
                    *(
                        (_("Objection from %(state)s") % {"state": o.state.name}, o.reason)
                        for o in open_objections
                    ),
                ],
            },
        )


@admin.register(PrintQueueEntry)
class PrintQueueAdmin(CertificateLinksMixin, CaseworkerAdmin):
    list_display = ["number", "request", "language_name", "issued_at", "printed_at", "pdf_link"]
    list_filter = [PrintedFilter, LanguageFilter]
    actions = ["mark_printed"]
    readonly_fields = [
        "number",
        "request",
        "language_name",
        "issued_at",
        "printed_at",
        "printed_by",
        "pdf_link",
    ]
    fields = readonly_fields

    def get_queryset(self, request):
        return super().get_queryset(request).filter(print_required=True).select_related("request")

    @admin.action(description=_("Mark printed and posted"))
    def mark_printed(self, request, queryset):
        for certificate in queryset:
            certificate_mark_printed(actor=request.user, certificate=certificate)
        self.message_user(request, _("%(n)d certificate(s) marked printed.") % {"n": queryset.count()})


@admin.register(InboxMessage)
class InboxMessageAdmin(CaseworkerAdmin):
    list_display = ["created_at", "organisation", "kind", "subject", "read_at", "answered_at"]
    list_filter = ["kind"]
    search_fields = ["subject", "request__transaction_number", "organisation__name"]
    list_select_related = ["organisation"]

    # What the employer was sent and what it answered; not the row's id or its deduplication key.
    fields = [
        "organisation",
        "kind",
        "subject",
        "body",
        "request",
        "certificate",
        "created_at",
        "read_at",
        "answer",
        "answered_at",
        "answered_by",
    ]
    readonly_fields = fields
