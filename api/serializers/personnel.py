"""Organisations and the personnel directory.

Input is checked by the personnel pages' own form (accounts.forms.EmployeeForm: the personal number's
check digits, addresses, dates), so the API and the pages accept exactly the same data; writes go
through accounts.services.personnel.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from accounts.forms import EmployeeForm, EmploymentPeriodForm, ImportForm
from accounts.models import Employee, ImportJob, Organisation

from .choices import COUNTRY_CHOICES, OPTIONAL_COUNTRY_CHOICES, SharedChoiceField
from .strict import RejectUnknownFields


def country_field(help_text, **kwargs):
    return SharedChoiceField(choices=COUNTRY_CHOICES, help_text=help_text, **kwargs)


class OrganisationSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(
        read_only=True, help_text=_("Use this id in /employers/{employer_id}/… URLs.")
    )
    name = serializers.CharField(read_only=True, help_text=_("Registered name of the employer."))
    country = serializers.CharField(
        source="country.code", read_only=True, help_text=_("State of establishment (ISO).")
    )
    registration_number = serializers.CharField(
        read_only=True, help_text=_("The identifier printed on certificates (KvK or enterprise number).")
    )
    kvk_number = serializers.CharField(read_only=True, help_text=_("KvK number (NL), may be empty."))
    enterprise_number = serializers.CharField(
        read_only=True, help_text=_("KBO/BCE number (BE), may be empty.")
    )
    payroll_tax_number = serializers.CharField(
        read_only=True, help_text=_("Loonheffingennummer (NL), may be empty.")
    )

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "country",
            "registration_number",
            "kvk_number",
            "enterprise_number",
            "payroll_tax_number",
        ]


class EmploymentPeriodSerializer(RejectUnknownFields, serializers.Serializer):
    start = serializers.DateField(help_text=_("First day of employment (YYYY-MM-DD)."))
    end = serializers.DateField(
        required=False, allow_null=True, help_text=_("Last day of employment; null while employed.")
    )


class EmployeeSerializer(RejectUnknownFields, serializers.Serializer):
    id = serializers.IntegerField(read_only=True, help_text=_("Id of the entry in the directory."))
    personal_number = serializers.CharField(
        max_length=20, help_text=_("BSN (NL, 9 digits) or SSIN (BE, 11 digits).")
    )
    family_name = serializers.CharField(max_length=100, help_text=_("Family name."))
    given_names = serializers.CharField(max_length=150, help_text=_("Given names."))
    family_name_at_birth = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Family name at birth, if different."),
    )
    birth_date = serializers.DateField(help_text=_("Date of birth (YYYY-MM-DD)."))
    sex = serializers.ChoiceField(
        choices=Employee.Sex.choices, default="U", help_text=_("F, M or U (unknown).")
    )
    birth_place = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default="", help_text=_("Place of birth.")
    )
    nationality = country_field(_("Nationality (ISO 3166-1 alpha-2)."))
    street = serializers.CharField(max_length=200, help_text=_("Residence: street and number."))
    postal_code = serializers.CharField(max_length=20, help_text=_("Residence: postal code."))
    town = serializers.CharField(max_length=100, help_text=_("Residence: town."))
    country = country_field(_("State of residence (ISO 3166-1 alpha-2)."))
    temp_street = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Temporary address abroad: street and number (all four temp_ fields or none)."),
    )
    temp_postal_code = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Temporary address: postal code."),
    )
    temp_town = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default="", help_text=_("Temporary address: town.")
    )
    temp_country = SharedChoiceField(
        choices=OPTIONAL_COUNTRY_CHOICES,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("Temporary address: country (ISO)."),
    )
    date_of_entry = serializers.DateField(help_text=_("Date of entry into service (YYYY-MM-DD)."))
    employment_periods = EmploymentPeriodSerializer(
        many=True,
        required=False,
        help_text=_(
            "Periods of employment, not overlapping; default: one open period from the date of entry."
        ),
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for key in ("nationality", "country", "temp_country"):
            value = getattr(instance, key)
            data[key] = value.code if value else ""
        data["employment_periods"] = [
            {"start": p.start.isoformat(), "end": p.end.isoformat() if p.end else None}
            for p in instance.employment_periods.all()
        ]
        return data

    def validate(self, attrs):
        """The personnel page's checks (accounts.forms.EmployeeForm), on the whole entry."""
        current = {}
        if self.instance is not None and self.partial:
            current = {k: v for k, v in self.to_representation(self.instance).items() if k != "id"}
        merged = {**current, **{k: v for k, v in attrs.items() if k != "employment_periods"}}
        form_data = {k: ("" if v is None else v) for k, v in merged.items() if k != "employment_periods"}
        form_data["has_temp_address"] = (
            "on"
            if any(merged.get(k) for k in ("temp_street", "temp_postal_code", "temp_town", "temp_country"))
            else ""
        )
        form = EmployeeForm(data=form_data, instance=None)
        if not form.is_valid():
            raise serializers.ValidationError(
                {(k if k != "has_temp_address" else "temp_street"): v for k, v in form.errors.items()}
            )
        periods_in = attrs.get("employment_periods")
        if periods_in is None:
            periods_in = current.get("employment_periods") or [{"start": form.cleaned_data["date_of_entry"]}]
        periods, errors = [], {}
        for index, period in enumerate(periods_in):
            pform = EmploymentPeriodForm(data={"start": period.get("start"), "end": period.get("end") or ""})
            if pform.is_valid():
                periods.append((pform.cleaned_data["start"], pform.cleaned_data["end"]))
            else:
                errors[index] = dict(pform.errors)
        if errors:
            raise serializers.ValidationError(
                {"employment_periods": [errors.get(i, {}) for i in range(len(periods_in))]}
            )
        return {"data": form.employee_data(), "periods": periods}


class EmployeeListSerializer(EmployeeSerializer):
    """In lists the personal number is masked, as on the personnel page."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["personal_number"] = instance.masked_personal_number
        return data


class ImportJobSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(read_only=True, help_text=_("Id of the import job; poll it for progress."))
    status = serializers.ChoiceField(
        choices=ImportJob.Status.choices,
        read_only=True,
        help_text=_("queued, running, done (imported) or failed (nothing imported; see report)."),
    )
    filename = serializers.CharField(read_only=True, help_text=_("Name of the uploaded file."))
    rows_total = serializers.IntegerField(
        read_only=True, help_text=_("Rows in the file (without the header).")
    )
    rows_done = serializers.IntegerField(read_only=True, help_text=_("Rows checked so far."))
    percent = serializers.IntegerField(read_only=True, help_text=_("Progress, 0 to 100."))
    created_count = serializers.IntegerField(read_only=True, help_text=_("People added to the directory."))
    duplicate_count = serializers.IntegerField(
        read_only=True,
        help_text=_("Rows skipped because the person is already in the directory (or twice in the file)."),
    )
    error_count = serializers.IntegerField(
        read_only=True, help_text=_("Rows with errors; then nothing is imported.")
    )
    report = serializers.JSONField(
        read_only=True,
        help_text=_(
            'Per row: {"row": 2, "name": "...", "outcome": "created|duplicate|error|not_imported", '
            '"errors": ["column: message"]}.'
        ),
    )
    message = serializers.CharField(read_only=True, help_text=_("What to do next, when the import failed."))
    created_at = serializers.DateTimeField(read_only=True, help_text=_("When the file was uploaded."))
    finished_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text=_("When the import ended.")
    )

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "status",
            "filename",
            "rows_total",
            "rows_done",
            "percent",
            "created_count",
            "duplicate_count",
            "error_count",
            "report",
            "message",
            "created_at",
            "finished_at",
        ]


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text=_(
            "CSV file, UTF-8, comma or semicolon separated, the first row naming the columns "
            "(personal_number, family_name, given_names, birth_date, nationality, street, postal_code, "
            "town, country, date_of_entry; optional: sex, employment_start, employment_end, temp_*)."
        )
    )

    def validate_file(self, value):
        """The personnel page's checks: size and extension."""
        form = ImportForm(data={}, files={"file": value})
        if not form.is_valid():
            raise serializers.ValidationError(form.errors.get("file", []))
        return value
