"""The personnel directory: add and edit employees with their employment periods; CSV import.

A CSV import validates every row first and writes nothing unless every row is good (one transaction).
Rows whose personal number is already in the directory (or earlier in the same file) are reported as
duplicates and skipped, so importing the same file twice does not double anyone.
"""

import csv
import io
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..identifiers import mask_personal_number
from ..models import Employee, EmploymentPeriod, ImportJob
from ..permissions import can_act_for
from .audit import audit_record

# Columns of the import file, in the order of the template. (name, required, description)
CSV_COLUMNS = [
    ("personal_number", True, gettext_lazy("BSN or SSIN")),
    ("family_name", True, ""),
    ("given_names", True, ""),
    ("birth_date", True, gettext_lazy("YYYY-MM-DD")),
    ("sex", False, gettext_lazy("F, M or U")),
    ("nationality", True, gettext_lazy("ISO country code, e.g. NL")),
    ("street", True, gettext_lazy("street and number")),
    ("postal_code", True, ""),
    ("town", True, ""),
    ("country", True, gettext_lazy("ISO country code")),
    ("date_of_entry", True, gettext_lazy("YYYY-MM-DD")),
    ("employment_start", False, gettext_lazy("YYYY-MM-DD; default: date_of_entry")),
    ("employment_end", False, gettext_lazy("YYYY-MM-DD; empty while employed")),
    ("temp_street", False, ""),
    ("temp_postal_code", False, ""),
    ("temp_town", False, ""),
    ("temp_country", False, gettext_lazy("ISO country code")),
    ("family_name_at_birth", False, ""),
    ("birth_place", False, ""),
]
PROGRESS_EVERY = 10
logger = logging.getLogger(__name__)


def _save_periods(employee, periods):
    employee.employment_periods.all().delete()
    EmploymentPeriod.objects.bulk_create(
        [EmploymentPeriod(employee=employee, start=start, end=end) for start, end in periods]
    )


def _check_periods(periods):
    ordered = sorted(periods, key=lambda p: p[0])
    for (_s1, e1), (s2, _e2) in zip(ordered, ordered[1:], strict=False):
        if e1 is None or e1 >= s2:
            raise ValidationError(_("Employment periods must not overlap."))


@transaction.atomic
def employee_create(*, actor, employer, data: dict, periods: list) -> Employee:
    if not can_act_for(actor, employer):
        raise PermissionDenied
    if Employee.objects.filter(employer=employer, personal_number=data["personal_number"]).exists():
        raise ValidationError(
            {
                "personal_number": ValidationError(
                    _("This person is already in your personnel directory."), code="already_in_directory"
                )
            }
        )
    _check_periods(periods)
    employee = Employee.objects.create(employer=employer, **data)
    _save_periods(employee, periods)
    audit_record(actor=actor, action="employee.created", organisation=employer, obj=employee)
    return employee


@transaction.atomic
def employee_update(*, actor, employee: Employee, data: dict, periods: list) -> Employee:
    if not can_act_for(actor, employee.employer):
        raise PermissionDenied
    # Removed from the directory since the page was read (postings.services.worker_removal, which
    # locks this row): Django's save() would insert the row again and bring back what was erased.
    if not Employee.objects.select_for_update().filter(pk=employee.pk).exists():
        raise ValidationError(
            _("This person is no longer in your personnel directory."), code="no_longer_in_directory"
        )
    number = data.get("personal_number", employee.personal_number)
    clash = Employee.objects.filter(employer=employee.employer, personal_number=number).exclude(
        pk=employee.pk
    )
    if clash.exists():
        raise ValidationError(
            {
                "personal_number": ValidationError(
                    _("Another person in your directory has this number."), code="number_in_directory"
                )
            }
        )
    _check_periods(periods)
    for name, value in data.items():
        setattr(employee, name, value)
    employee.save()
    _save_periods(employee, periods)
    audit_record(actor=actor, action="employee.updated", organisation=employee.employer, obj=employee)
    return employee


# --- CSV import ------------------------------------------------------------------------------------


def import_job_create(*, actor, employer, filename: str, content: bytes) -> ImportJob:
    if not can_act_for(actor, employer):
        raise PermissionDenied
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError({"file": _("Save the file as CSV in UTF-8 and try again.")}) from exc
    reader = csv.reader(io.StringIO(text), delimiter=_sniff_delimiter(text))
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [name for name, required, _d in CSV_COLUMNS if required and name not in header]
    if missing:
        raise ValidationError(
            {
                "file": _("The first row must name the columns. Missing: %(cols)s.")
                % {"cols": ", ".join(missing)}
            }
        )
    if not any(any(cell.strip() for cell in row) for row in reader):
        # Said now, at the file field: an import of nobody would otherwise end "Import complete,
        # 0 employees added", as if it had worked.
        raise ValidationError({"file": _("The file names the columns but has no employees below them.")})
    with transaction.atomic():
        job = ImportJob.objects.create(
            employer=employer, created_by=actor, filename=filename[:200], source=text
        )
        audit_record(actor=actor, action="employee_import.queued", organisation=employer, obj=job)
        from ..tasks import import_personnel

        transaction.on_commit(lambda: import_personnel.delay(job.pk))
    return job


def _sniff_delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _row_to_form_data(row: dict) -> dict:
    data = {name: (row.get(name) or "").strip() for name, _r, _d in CSV_COLUMNS}
    data["sex"] = (data["sex"] or "U").upper()
    for key in ("nationality", "country", "temp_country"):
        data[key] = data[key].upper()
    data["has_temp_address"] = "on" if data["temp_street"] else ""
    return data


COUNTRY_FIELDS = frozenset({"nationality", "country", "temp_country"})


def _import_form_class():
    """EmployeeForm with the same checks, made cheap for thousands of rows: django-countries' lazy list
    is walked in full for every country field of every row (form field, then again the model field).
    Here the codes are collected once, the form fields look them up in a set, and the model does not
    check the same codes a second time."""
    from ..forms import EmployeeForm

    class ImportEmployeeForm(EmployeeForm):
        def __init__(self, *args, country_codes, **kwargs):
            super().__init__(*args, **kwargs)
            for name in COUNTRY_FIELDS:
                self.fields[name].valid_value = country_codes[name].__contains__

        def _get_validation_exclusions(self):
            return super()._get_validation_exclusions() | COUNTRY_FIELDS

    return ImportEmployeeForm


def _validate_rows(job: ImportJob, rows: list[dict]):
    """Validate every row; returns (report, good rows as (cleaned, periods))."""
    from ..forms import EmployeeForm

    form_class = _import_form_class()
    template = EmployeeForm()
    country_codes = {
        name: frozenset(str(code) for code, _label in template.fields[name].choices if code)
        for name in COUNTRY_FIELDS
    }
    report, good = [], []
    seen = set(Employee.objects.filter(employer=job.employer).values_list("personal_number", flat=True))
    in_file = set()
    for index, row in enumerate(rows, start=2):  # row 1 is the header
        data = _row_to_form_data(row)
        form = form_class(data=data, country_codes=country_codes)
        name = f"{data['family_name']}, {data['given_names']}".strip(", ")
        entry = {
            "row": index,
            "name": name,
            "number": mask_personal_number(data["personal_number"]),
            "outcome": "created",
            "errors": [],
        }
        if not form.is_valid():
            entry["outcome"] = "error"
            for field, errors in form.errors.items():
                column = field if field != "__all__" else ""
                entry["errors"] += [f"{column}: {e}" if column else str(e) for e in errors]
        else:
            start = data["employment_start"] or data["date_of_entry"]
            end = data["employment_end"] or None
            period_form = EmployeeForm.period_form_class(data={"start": start, "end": end or ""})
            if not period_form.is_valid():
                entry["outcome"] = "error"
                for field, errors in period_form.errors.items():
                    column = {"start": "employment_start", "end": "employment_end"}.get(field, "")
                    entry["errors"] += [f"{column}: {e}" if column else str(e) for e in errors]
            else:
                number = form.cleaned_data["personal_number"]
                if number in seen or number in in_file:
                    entry["outcome"] = "duplicate"
                else:
                    in_file.add(number)
                    good.append(
                        (
                            form.cleaned_data,
                            [(period_form.cleaned_data["start"], period_form.cleaned_data["end"])],
                        )
                    )
        report.append(entry)
        if len(report) % PROGRESS_EVERY == 0:
            ImportJob.objects.filter(pk=job.pk).update(rows_done=len(report))
    return report, good


def import_job_run(*, job_id: int) -> ImportJob:
    """Run the import (called by the Celery task). Idempotent: a finished job is left as it is."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        if job.status != ImportJob.Status.QUEUED:
            return job
        job.status = ImportJob.Status.RUNNING
        job.save(update_fields=["status"])
    try:
        text = job.source
        rows = list(csv.DictReader(io.StringIO(text), delimiter=_sniff_delimiter(text)))
        rows = [{(k or "").strip().lower(): v for k, v in row.items()} for row in rows]
        ImportJob.objects.filter(pk=job.pk).update(rows_total=len(rows))
        job.rows_total = len(rows)
        report, good = _validate_rows(job, rows)
        errors = sum(1 for entry in report if entry["outcome"] == "error")
        job.report = report
        job.rows_done = len(rows)
        job.error_count = errors
        job.duplicate_count = sum(1 for entry in report if entry["outcome"] == "duplicate")
        if errors:
            for entry in report:
                if entry["outcome"] == "created":
                    entry["outcome"] = "not_imported"
            job.status = ImportJob.Status.FAILED
            job.message = _("Nothing was imported: correct the rows with errors and upload the file again.")
        else:
            with transaction.atomic():
                for cleaned, periods in good:
                    employee = Employee.objects.create(employer=job.employer, **_model_fields(cleaned))
                    _save_periods(employee, periods)
                audit_record(
                    actor=job.created_by,
                    action="employee_import.done",
                    organisation=job.employer,
                    obj=job,
                    created=len(good),
                )
            job.created_count = len(good)
            job.status = ImportJob.Status.DONE
    except Exception:  # noqa: BLE001 - the person sees a clear failure, never a stuck job
        logger.exception("Personnel import %s failed", job.pk)
        job.status = ImportJob.Status.FAILED
        job.message = _("The file could not be read. Check that it is a CSV file with the columns described.")
        job.finished_at = timezone.now()
        job.source = ""  # as below
        job.save()
        return job
    job.finished_at = timezone.now()
    # The file holds every row's personal number, date of birth and address: kept only to run the
    # import. The report (masked numbers) is what the person reads afterwards.
    job.source = ""
    job.save()
    return job


def _model_fields(cleaned: dict) -> dict:
    names = {f.name for f in Employee._meta.get_fields()}
    return {k: v for k, v in cleaned.items() if k in names}
