"""Caseworker admin for accounts: registrations and their activation letters, employee authorizations,
organisations and the audit trail. Read-only pages, no delete; changes only through actions that call
services (which audit). Access follows accounts.permissions.is_caseworker."""

import base64

from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from coverage_portal.admin_filters import UsedCountryFilter

from . import conf
from .models import (
    ActivationLetter,
    AuditEvent,
    EmployeeAuthorization,
    EnrolmentCode,
    Mandate,
    Organisation,
    StaffAccount,
)
from .pdf import render_pdf
from .permissions import is_caseworker
from .services.authorizations import authorization_decide
from .services.enrolment import enrolment_code_issue, may_issue
from .services.registration import letter_issue, letter_mark_sent


class ReadOnlyAdmin(admin.ModelAdmin):
    """Nobody adds, edits or deletes here; subclasses say who sees."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CaseworkerReadOnlyAdmin(ReadOnlyAdmin):
    """Caseworkers see; nobody adds, edits or deletes here."""

    def has_module_permission(self, request):
        return is_caseworker(request.user)

    def has_view_permission(self, request, obj=None):
        return is_caseworker(request.user)

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]


@admin.register(ActivationLetter)
class ActivationLetterAdmin(CaseworkerReadOnlyAdmin):
    list_display = ["organisation", "address", "created_at", "expires_at", "state", "letter_link"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter), ("used_at", admin.EmptyFieldListFilter)]
    search_fields = ["organisation__name", "organisation__kvk_number", "organisation__enterprise_number"]
    actions = ["mark_sent", "reissue"]
    exclude = ["code_hash"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name != "code_hash"]

    @admin.display(description=_("registered address"))
    def address(self, obj):
        o = obj.organisation
        return f"{o.street}, {o.postal_code} {o.town}, {o.country.name}"

    @admin.display(description=_("status"))
    def state(self, obj):
        if obj.used_at:
            return _("Used: organisation active")
        if obj.superseded_at:
            return _("Replaced by a newer letter")
        if obj.sent_at:
            return _("Sent")
        return _("To be posted")

    @admin.display(description=_("letter"))
    def letter_link(self, obj):
        if not obj.pdf:
            return "–"
        url = reverse("admin:accounts_activationletter_pdf", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download PDF"))

    def get_urls(self):
        custom = [
            path(
                "<int:pk>/letter.pdf",
                self.admin_site.admin_view(self.letter_pdf),
                name="accounts_activationletter_pdf",
            )
        ]
        return custom + super().get_urls()

    def letter_pdf(self, request, pk):
        if not is_caseworker(request.user):
            raise Http404
        letter = get_object_or_404(ActivationLetter, pk=pk)
        if not letter.pdf:
            raise Http404
        return FileResponse(
            letter.pdf.open("rb"), content_type="application/pdf", filename=f"letter-{pk}.pdf"
        )

    @admin.action(description=_("Mark letter sent"))
    def mark_sent(self, request, queryset):
        count = 0
        for letter in queryset.filter(sent_at__isnull=True, used_at__isnull=True, superseded_at__isnull=True):
            letter_mark_sent(actor=request.user, letter=letter)
            count += 1
        self.message_user(request, _("%(n)d letter(s) marked sent.") % {"n": count}, messages.SUCCESS)

    @admin.action(description=_("Produce a new letter with a new code"))
    def reissue(self, request, queryset):
        count = 0
        for letter in queryset.filter(used_at__isnull=True).select_related("organisation"):
            if letter.organisation.status == Organisation.Status.PENDING:
                letter_issue(actor=request.user, organisation=letter.organisation)
                count += 1
        self.message_user(request, _("%(n)d new letter(s) produced.") % {"n": count}, messages.SUCCESS)


@admin.register(EmployeeAuthorization)
class EmployeeAuthorizationAdmin(CaseworkerReadOnlyAdmin):
    list_display = ["employee", "employer", "representative", "uploaded_at", "status", "file_link"]
    list_filter = ["status"]
    search_fields = [
        "employee__family_name",
        "employee__personal_number",
        "employer__name",
        "representative__name",
    ]
    actions = ["accept", "reject"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("employee", "employer", "representative")

    @admin.display(description=_("file"))
    def file_link(self, obj):
        url = reverse("admin:accounts_employeeauthorization_file", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Open PDF"))

    def get_urls(self):
        custom = [
            path(
                "<int:pk>/file.pdf",
                self.admin_site.admin_view(self.file_view),
                name="accounts_employeeauthorization_file",
            )
        ]
        return custom + super().get_urls()

    def file_view(self, request, pk):
        if not is_caseworker(request.user):
            raise Http404
        authorization = get_object_or_404(EmployeeAuthorization, pk=pk)
        return FileResponse(authorization.file.open("rb"), content_type="application/pdf")

    def _decide(self, request, queryset, accept, reason=""):
        done = 0
        for authorization in queryset:
            try:
                authorization_decide(
                    actor=request.user, authorization=authorization, accept=accept, reason=reason
                )
                done += 1
            except ValidationError as exc:
                self.message_user(request, f"{authorization}: {' '.join(exc.messages)}", messages.WARNING)
        return done

    @admin.action(description=_("Accept the selected authorizations"))
    def accept(self, request, queryset):
        done = self._decide(request, queryset, accept=True)
        self.message_user(request, _("%(n)d authorization(s) accepted.") % {"n": done}, messages.SUCCESS)

    @admin.action(description=_("Reject the selected authorizations (asks for a reason)"))
    def reject(self, request, queryset):
        reason = request.POST.get("reason", "").strip()
        if request.POST.get("confirm") and reason:
            done = self._decide(request, queryset, accept=False, reason=reason)
            self.message_user(request, _("%(n)d authorization(s) rejected.") % {"n": done}, messages.SUCCESS)
            return None
        return render(
            request,
            "accounts/admin/reject_authorizations.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Reject authorizations"),
                "queryset": queryset,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                "missing_reason": bool(request.POST.get("confirm")),
            },
        )


class EstablishmentFilter(UsedCountryFilter):
    title = _("state of establishment")
    parameter_name = "country"


@admin.register(Organisation)
class OrganisationAdmin(CaseworkerReadOnlyAdmin):
    list_display = ["name", "kind", "country", "registration_number", "status", "created_at"]
    list_filter = ["kind", "status", EstablishmentFilter]
    search_fields = ["name", "kvk_number", "rsin", "payroll_tax_number", "enterprise_number"]


@admin.register(Mandate)
class MandateAdmin(CaseworkerReadOnlyAdmin):
    list_display = ["employer", "representative", "valid_from", "valid_until", "revoked_at"]
    search_fields = ["employer__name", "representative__name"]
    list_select_related = ["employer", "representative"]


@admin.register(AuditEvent)
class AuditEventAdmin(CaseworkerReadOnlyAdmin):
    list_display = ["at", "action", "actor", "organisation", "object_link"]
    list_filter = ["action"]
    search_fields = ["action", "object_id", "organisation__name"]
    list_select_related = ["actor", "organisation"]

    @admin.display(description=_("concerning"), ordering="object_type")
    def object_link(self, obj):
        # "Request 2" linking to its page, where the list showed "postings.coveragerequest" and "2"
        # in two columns and the caseworker had to build the address by hand.
        try:
            model = apps.get_model(obj.object_type)
        except (LookupError, ValueError):
            return f"{obj.object_type} {obj.object_id}".strip()
        label = f"{capfirst(model._meta.verbose_name)} {obj.object_id}"
        if not obj.object_id or not self.admin_site.is_registered(model):
            return label
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.object_id])
        return format_html('<a href="{}">{}</a>', url, label)


@admin.register(StaffAccount)
class StaffAccountAdmin(ReadOnlyAdmin):
    """Staff accounts, for those who may issue authenticator enrolment codes (superusers, or staff with
    accounts.issue_enrolment_code). Read-only; the one change made here is a new enrolment code."""

    list_display = ["email", "full_name", "is_caseworker", "is_superuser", "authenticator", "code_state"]
    search_fields = ["email", "first_name", "last_name"]
    actions = ["issue_enrolment_code"]
    fields = ["email", "first_name", "last_name", "is_active", "is_caseworker", "is_superuser", "last_login"]
    readonly_fields = fields
    change_form_template = "admin/accounts/staffaccount/change_form.html"

    def has_module_permission(self, request):
        return may_issue(request.user)

    def has_view_permission(self, request, obj=None):
        return may_issue(request.user)

    def get_queryset(self, request):
        valid_codes = EnrolmentCode.objects.filter(
            user=OuterRef("pk"), used_at__isnull=True, superseded_at__isnull=True
        ).order_by("-created_at")
        staff = super().get_queryset(request).filter(is_staff=True)
        if not request.user.is_superuser:
            # A code for a superuser (with their app removed) would let whoever knows that password
            # enrol: only a superuser issues one, so the permission cannot be used to rise above it.
            staff = staff.exclude(is_superuser=True)
        return staff.annotate(
            has_device=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
            code_expires=Subquery(valid_codes.values("expires_at")[:1]),
        )

    @admin.display(description=_("name"), ordering="last_name")
    def full_name(self, obj):
        return obj.get_full_name()

    @admin.display(description=_("authenticator"), boolean=True)
    def authenticator(self, obj):
        return obj.has_device

    @admin.display(description=_("enrolment code"))
    def code_state(self, obj):
        if obj.code_expires is None:
            return "–"
        if obj.code_expires < timezone.now():
            return _("Expired")
        return _("Valid until %(date)s") % {"date": date_format(timezone.localtime(obj.code_expires))}

    def get_urls(self):
        custom = [
            path(
                "<int:pk>/enrolment-code/",
                self.admin_site.admin_view(never_cache(self.enrolment_code_view)),
                name="accounts_staffaccount_enrolment_code",
            )
        ]
        return custom + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "enrolment_code_url": reverse("admin:accounts_staffaccount_enrolment_code", args=[object_id]),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("Issue an enrolment code for the authenticator"))
    def issue_enrolment_code(self, request, queryset):
        people = list(queryset[:2])
        if len(people) != 1:
            self.message_user(
                request, _("Choose one person at a time: each code is shown only once."), messages.WARNING
            )
            return None
        return redirect("admin:accounts_staffaccount_enrolment_code", people[0].pk)

    def enrolment_code_view(self, request, pk):
        if not may_issue(request.user):
            raise Http404
        person = get_object_or_404(self.get_queryset(request), pk=pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Issue an enrolment code"),
            "opts": self.model._meta,
            "person": person,
            "days": conf.enrolment_code_days(),
        }
        if person.pk == request.user.pk:
            context["own_account"] = True
            return render(request, "admin/accounts/staffaccount/enrolment_code.html", context)
        if request.method != "POST":
            return render(request, "admin/accounts/staffaccount/enrolment_code.html", context)
        remove_devices = request.POST.get("remove_devices") == "1"
        record, code = enrolment_code_issue(actor=request.user, user=person, remove_devices=remove_devices)
        letter = render_pdf(
            "accounts/pdf/enrolment_letter.html",
            {
                "person": person,
                "code": code,
                "record": record,
                "login_url": settings.PORTAL_BASE_URL + reverse("login"),
            },
        )
        context.update(
            code=code,
            record=record,
            devices_removed=remove_devices and person.has_device,
            letter_href="data:application/pdf;base64," + base64.b64encode(letter).decode(),
        )
        return render(request, "admin/accounts/staffaccount/enrolment_code_issued.html", context)
