"""The personnel directory: list and search, add, edit, detail, CSV import with progress."""

import csv
import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coverage_portal.personal_search import PERSONNEL

from .. import identifiers, selectors
from ..acting import client_name
from ..directory_words import naming_the_client
from ..forms import EmployeeForm, ImportForm, PeriodFormSet, PersonnelSearchForm
from ..services import personnel as service
from ..services.retention import IMPORT_REPORT_RETENTION, report_deleted
from .common import apply_errors, employer_required, get_or_404

PAGE_SIZE = 25


@employer_required
@require_http_methods(["GET", "POST"])
def personnel_list(request):
    if request.method == "POST":  # the search: a name or personal number never into the address
        return PERSONNEL.posted(request)
    form = PersonnelSearchForm(PERSONNEL.criteria(request))
    query = form.cleaned_data["q"] if form.is_valid() else ""
    employees = selectors.employee_search(request.user, request.employer, query)
    page = Paginator(employees, PAGE_SIZE).get_page(request.GET.get("page"))
    pages_query = request.GET.copy()
    pages_query.pop("page", None)
    return render(
        request,
        "accounts/personnel/list.html",
        {
            "form": form,
            "query": query,
            "pages_query": pages_query.urlencode(),
            "page": page,
            "person_id": identifiers.personal_number_label(),
        },
    )


def _periods(formset):
    return [
        (f.cleaned_data["start"], f.cleaned_data.get("end"))
        for f in formset.forms
        if f.has_changed() and f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


def _edit(request, employee=None):
    if request.method == "POST":
        form = EmployeeForm(request.POST, instance=employee)
        formset = PeriodFormSet(request.POST, prefix="periods")
        if form.is_valid() and formset.is_valid():
            periods = _periods(formset)
            if not periods:
                form.add_error(None, _("Give at least one employment period."))
            else:
                try:
                    if employee is None:
                        employee = service.employee_create(
                            actor=request.user,
                            employer=request.employer,
                            data=form.employee_data(),
                            periods=periods,
                        )
                        messages.success(
                            request, _("%(name)s was added to the personnel directory.") % {"name": employee}
                        )
                    else:
                        employee = service.employee_update(
                            actor=request.user, employee=employee, data=form.employee_data(), periods=periods
                        )
                        messages.success(request, _("The changes were saved."))
                    return redirect("accounts:personnel_detail", pk=employee.pk)
                except ValidationError as exc:
                    apply_errors(form, naming_the_client(exc, client_name(request)))
    else:
        form = EmployeeForm(instance=employee)
        initial = (
            [{"start": p.start, "end": p.end} for p in employee.employment_periods.all()] if employee else []
        )
        formset = PeriodFormSet(prefix="periods", initial=initial)
    period_errors = [
        # A period's own errors (end before start) are shown at its "end"; the summary links there.
        {"anchor": f"id_periods-{i}-{'end' if name == '__all__' else name}", "message": error}
        for i, f in enumerate(formset.forms)
        for name, errors in f.errors.items()
        for error in errors
    ] + [{"anchor": "", "message": e} for e in formset.non_form_errors()]
    return render(
        request,
        "accounts/personnel/edit.html",
        {"form": form, "formset": formset, "employee": employee, "period_errors": period_errors},
    )


@employer_required
def personnel_add(request):
    return _edit(request)


@employer_required
def personnel_edit(request, pk):
    employee = get_or_404(
        selectors.employees_for(request.user, request.employer), offer_switch_to=request.user, pk=pk
    )
    return _edit(request, employee)


@employer_required
@require_GET
def personnel_detail(request, pk):
    employee = get_or_404(
        selectors.employees_for(request.user, request.employer).prefetch_related("employment_periods"),
        offer_switch_to=request.user,
        pk=pk,
    )
    return render(
        request,
        "accounts/personnel/detail.html",
        {"employee": employee, "person_id": identifiers.personal_number_label()},
    )


@employer_required
def personnel_import(request):
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, client_name=client_name(request))
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                job = service.import_job_create(
                    actor=request.user, employer=request.employer, filename=upload.name, content=upload.read()
                )
                return redirect("accounts:personnel_import_status", pk=job.pk)
            except ValidationError as exc:
                apply_errors(form, exc)
    else:
        form = ImportForm()
    recent = selectors.import_jobs_for(request.user, request.employer)[:5]
    return render(
        request,
        "accounts/personnel/import.html",
        {"form": form, "columns": service.CSV_COLUMNS, "recent": recent},
    )


@employer_required
@require_GET
def personnel_import_status(request, pk):
    with transaction.atomic():
        job = get_or_404(selectors.import_jobs_for(request.user, request.employer), pk=pk)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "status": job.status,
                "status_display": job.get_status_display(),
                "rows_done": job.rows_done,
                "rows_total": job.rows_total,
                "percent": job.percent,
                "finished": job.finished,
                "label": render_to_string(
                    "accounts/personnel/import_progress_label.txt", {"job": job}, request=request
                ).strip(),
            }
        )
    return render(
        request,
        "accounts/personnel/import_status.html",
        {"job": job, "report_days": IMPORT_REPORT_RETENTION.days, "report_deleted": report_deleted(job)},
    )


@employer_required
@require_GET
def personnel_import_template(request):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([name for name, _r, _d in service.CSV_COLUMNS])
    example = {
        "personal_number": "111222333" if identifiers.issuing_state() == "NL" else "85073003328",
        "family_name": "Delporte",
        "given_names": "Anna",
        "birth_date": "1985-07-30",
        "sex": "F",
        "nationality": "NL",
        "street": "Kerkstraat 10",
        "postal_code": "1017 GB",
        "town": "Amsterdam",
        "country": "NL",
        "date_of_entry": "2015-01-01",
        "employment_start": "2015-01-01",
    }
    writer.writerow([example.get(name, "") for name, _r, _d in service.CSV_COLUMNS])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="personnel-template.csv"'
    return response
