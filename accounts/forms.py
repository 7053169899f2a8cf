from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from coverage_portal.dates import BrowserDateInput as DateInput
from coverage_portal.sentences import one_full_stop
from coverage_portal.validators import validate_phone

from . import conf, identifiers
from .models import Employee, Membership, Organisation, User


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
        error_messages={"required": _("Enter the e-mail address you log in with.")},
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )

    error_messages = {
        "invalid_login": _("The e-mail address or password is not right. Check both and try again."),
        "inactive": _("This account is not active yet."),
    }


# --- shared pieces ---------------------------------------------------------------------------------


class RadioSelect(forms.RadioSelect):
    """Radios whose field id is the first option's id, so the error summary's link (which uses the
    field's id) lands on the group instead of on "#". The group is a fieldset with a legend
    ({% form_field %}), never a <label for>, so screen readers are not misled."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class PlainMessages:
    """Say what to do instead of "This field is required.": `required_messages` maps field names to the
    message shown at the field and in the error summary (GOV.UK: "Enter your family name")."""

    required_messages: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in self.required_messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message


class PasswordResetForm(PlainMessages, DjangoPasswordResetForm):
    required_messages = {"email": _("Enter the e-mail address you log in with.")}


class NewPasswordForm(PlainMessages, SetPasswordForm):
    """The new password after a reset link: Django's own said "This field is required."."""

    required_messages = {
        "new_password1": _("Choose a new password."),
        "new_password2": _("Type the new password again."),
    }


def country_choices():
    return [("", "")] + list(countries)


def check_postal_code(form, cleaned, *, postal_code="postal_code", country="country"):
    """A Dutch address's postal code is checked (python-stdnum) and kept in its usual form, "1017 GB":
    the PD A1 prints it and a typing error there sends the letter astray. Other states' codes are
    taken as typed."""
    value = cleaned.get(postal_code)
    if value and str(cleaned.get(country) or "") == "NL":
        try:
            cleaned[postal_code] = identifiers.clean_dutch_postal_code(value)
        except ValidationError as exc:
            form.add_error(postal_code, exc)


# --- registration and activation ---------------------------------------------------------------------


class RegistrationForm(PlainMessages, forms.Form):
    required_messages = {
        "kind": _("Say whether the organisation is an employer or a representative."),
        "country": _("Choose the state where the organisation is established."),
        "name": _("Enter the name of the organisation."),
        "street": _("Enter the street and number of the registered address."),
        "postal_code": _("Enter the postal code of the registered address."),
        "town": _("Enter the town of the registered address."),
        "first_name": _("Enter your given name."),
        "last_name": _("Enter your family name."),
        "email": _("Enter your e-mail address."),
        "password1": _("Choose a password."),
        "password2": _("Type the password again."),
    }
    kind = forms.ChoiceField(
        label=_("What kind of organisation is it?"),
        choices=[
            (Organisation.Kind.EMPLOYER.value, _("An employer sending employees abroad")),
            (Organisation.Kind.REPRESENTATIVE.value, _("A representative: tax consultant or payroll bureau")),
        ],
        widget=RadioSelect,
    )
    country = forms.ChoiceField(
        label=_("State of establishment"),
        choices=country_choices,
        help_text=_("The state where the organisation is registered."),
    )
    name = forms.CharField(label=_("Organisation name"), max_length=200)
    kvk_number = forms.CharField(label=_("KvK number"), required=False, help_text=_("8 digits"))
    payroll_tax_number = forms.CharField(
        label=_("Loonheffingennummer"), required=False, help_text=_("For example 123456782L01")
    )
    rsin = forms.CharField(label=_("RSIN"), required=False, help_text=_("9 digits"))
    enterprise_number = forms.CharField(
        label=_("Enterprise number (KBO/BCE)"),
        required=False,
        help_text=_("10 digits, for example 0403.019.261"),
    )
    street = forms.CharField(label=_("Street and number"), max_length=200)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20)
    town = forms.CharField(label=_("Town"), max_length=100)
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False, validators=[validate_phone])
    first_name = forms.CharField(label=_("Your given name"), max_length=150)
    last_name = forms.CharField(label=_("Your family name"), max_length=150)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("You log in with this address. It is your personal login."),
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. Not a common password."),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    not_eligible = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        state = identifiers.issuing_state()
        if state == "NL":
            del self.fields["enterprise_number"]
            self.fields["kvk_number"].help_text = _(
                "8 digits. Required for organisations in the Netherlands."
            )
            self.fields["rsin"].help_text = _("9 digits. Give the loonheffingennummer, the RSIN or both.")
        else:
            for name in ("kvk_number", "payroll_tax_number", "rsin"):
                del self.fields[name]
            self.fields["enterprise_number"].help_text = _(
                "10 digits, for example 0403.019.261. Required for organisations in Belgium."
            )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(_("An account with this e-mail address already exists. Log in instead."))
        return email

    def clean(self):
        cleaned = super().clean()
        kind, country = cleaned.get("kind"), cleaned.get("country")
        in_state = country == identifiers.issuing_state()
        if kind == Organisation.Kind.EMPLOYER and country and not in_state:
            self.not_eligible = True
            return cleaned
        if in_state:
            self._clean_identifiers(cleaned)
        check_postal_code(self, cleaned)
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            probe = User(
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(p1, probe)
            except ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned

    def _check(self, cleaned, name, cleaner, required_message=None):
        value = cleaned.get(name, "")
        if not value:
            if required_message:
                self.add_error(name, required_message)
            return
        try:
            cleaned[name] = cleaner(value)
        except ValidationError as exc:
            self.add_error(name, exc)

    def _clean_identifiers(self, cleaned):
        if identifiers.issuing_state() == "BE":
            self._check(
                cleaned,
                "enterprise_number",
                identifiers.clean_enterprise_number,
                _("Enter the enterprise number (KBO/BCE)."),
            )
            return
        self._check(cleaned, "kvk_number", identifiers.clean_kvk, _("Enter the KvK number."))
        if not cleaned.get("payroll_tax_number") and not cleaned.get("rsin"):
            self.add_error("payroll_tax_number", _("Enter the loonheffingennummer or the RSIN."))
        self._check(cleaned, "payroll_tax_number", identifiers.clean_payroll_tax_number)
        self._check(cleaned, "rsin", identifiers.clean_rsin)

    def organisation_data(self) -> dict:
        c = self.cleaned_data
        keys = (
            "name",
            "country",
            "kvk_number",
            "payroll_tax_number",
            "rsin",
            "enterprise_number",
            "street",
            "postal_code",
            "town",
            "phone",
        )
        data = {k: c.get(k, "") or "" for k in keys}
        data["email"] = c["email"]
        return data

    def admin_data(self) -> dict:
        c = self.cleaned_data
        return {
            "first_name": c["first_name"],
            "last_name": c["last_name"],
            "email": c["email"],
            "password": c["password1"],
        }


class ActivationForm(PlainMessages, forms.Form):
    required_messages = {
        "email": _("Enter the e-mail address you registered with."),
        "code": _("Enter the activation code from the letter."),
    }
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("The address of the person who registered the organisation.")
    )
    code = forms.CharField(
        label=_("Activation code"),
        max_length=20,
        help_text=_("12 letters and digits, printed in the letter we posted, like ABCD-EFGH-JKLM."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )


# --- people and mandates ---------------------------------------------------------------------------------


class InviteForm(PlainMessages, forms.Form):
    required_messages = {
        "email": _("Enter the person's e-mail address."),
        "first_name": _("Enter the person's given name."),
        "last_name": _("Enter the person's family name."),
        "role": _("Choose the person's role."),
    }
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("We send the person a link to choose a password.")
    )
    first_name = forms.CharField(label=_("Given name"), max_length=150)
    last_name = forms.CharField(label=_("Family name"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), widget=RadioSelect)
    is_org_admin = forms.BooleanField(label=_("May invite and deactivate the firm's staff"), required=False)

    def __init__(self, *args, organisation, **kwargs):
        from .services.members import roles_for

        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles_for(organisation)
        if organisation.kind == Organisation.Kind.EMPLOYER:
            del self.fields["is_org_admin"]
        else:
            self.fields["role"].initial = Membership.Role.REPRESENTATIVE_STAFF


class MandateForm(PlainMessages, forms.Form):
    required_messages = {"valid_from": _("Enter the date the mandate starts.")}
    representative = forms.ModelChoiceField(
        label=_("Representative firm"),
        queryset=Organisation.objects.none(),
        widget=RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Search for the firm and choose it."),
            "invalid_choice": _("Choose one of the firms found."),
        },
    )
    valid_from = forms.DateField(label=_("From"), widget=DateInput())
    valid_until = forms.DateField(
        label=_("Until"), required=False, widget=DateInput(), help_text=_("Leave empty for no end date.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["representative"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.REPRESENTATIVE, status=Organisation.Status.ACTIVE
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("valid_from"), cleaned.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The end date must be on or after the start date."))
        return cleaned


# --- employee authorizations -----------------------------------------------------------------------------


class AuthorizationForm(PlainMessages, forms.Form):
    required_messages = {
        "employee": _("Choose the employee who signed the authorization."),
        "file": _("Choose the PDF of the signed authorization."),
    }
    employee = forms.ModelChoiceField(
        label=_("Employee"), queryset=Employee.objects.none(), empty_label=_("Choose the employee")
    )
    file = forms.FileField(
        label=_("Signed authorization (PDF)"),
        help_text=_("A PDF of at most 5 MB, signed by the employee, stating their personal number."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, employees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = employees

    def clean_file(self):
        from .services.authorizations import check_pdf_upload

        upload = self.cleaned_data["file"]
        check_pdf_upload(upload, max_bytes=conf.authorization_max_bytes())
        return upload

    def clean(self):
        from .services.authorizations import pdf_mentions

        cleaned = super().clean()
        employee, upload = cleaned.get("employee"), cleaned.get("file")
        if employee and upload and not self.errors:
            upload.seek(0)
            if not pdf_mentions(upload.read(), employee.personal_number):
                self.add_error(
                    "file",
                    _(
                        "The authorization does not state the employee's personal number %(label)s. "
                        "It must name the number of the person it authorizes."
                    )
                    % {"label": identifiers.personal_number_label()},
                )
            upload.seek(0)
        return cleaned


# --- personnel directory ---------------------------------------------------------------------------


# "Enter a valid date." does not say what is wanted. A browser's date field always sends this form; a
# CSV row, an API call or a browser without date fields may not.
DATE_FORMAT_MESSAGE = _("Enter the date as year-month-day, like 1985-07-30.")
COUNTRY_CODE_MESSAGE = _("Give the country as its two-letter code, like NL or BE.")


class EmploymentPeriodForm(PlainMessages, forms.Form):
    required_messages = {"start": _("Enter the date the employment started.")}
    start = forms.DateField(
        label=_("Employed from"), widget=DateInput(), error_messages={"invalid": DATE_FORMAT_MESSAGE}
    )
    end = forms.DateField(
        label=_("Employed until"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty while employed."),
        error_messages={"invalid": DATE_FORMAT_MESSAGE},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("The end of employment must be on or after its start."))
        return cleaned


PeriodFormSet = forms.formset_factory(EmploymentPeriodForm, extra=1, can_delete=True)


class EmployeeForm(PlainMessages, forms.ModelForm):
    period_form_class = EmploymentPeriodForm
    required_messages = {
        "personal_number": _("Enter the employee's personal number."),
        "family_name": _("Enter the employee's family name."),
        "given_names": _("Enter the employee's given names."),
        "birth_date": _("Enter the employee's date of birth."),
        "sex": _("Choose the employee's sex."),
        "nationality": _("Choose the employee's nationality."),
        "street": _("Enter the street and number of the residence address."),
        "postal_code": _("Enter the postal code of the residence address."),
        "town": _("Enter the town of the residence address."),
        "country": _("Choose the country of residence."),
        "date_of_entry": _("Enter the date of entry into service."),
    }

    has_temp_address = forms.BooleanField(
        label=_("The temporary residence address is different from the usual residence"), required=False
    )

    class Meta:
        model = Employee
        fields = [
            "personal_number",
            "family_name",
            "given_names",
            "family_name_at_birth",
            "birth_date",
            "sex",
            "birth_place",
            "nationality",
            "street",
            "postal_code",
            "town",
            "country",
            "has_temp_address",
            "temp_street",
            "temp_postal_code",
            "temp_town",
            "temp_country",
            "date_of_entry",
        ]
        widgets = {"birth_date": DateInput(), "date_of_entry": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personal_number"].label = identifiers.personal_number_label()
        self.fields["personal_number"].help_text = identifiers.personal_number_hint()
        self.fields["personal_number"].error_messages["required"] = _("Enter the employee's %(label)s.") % {
            "label": identifiers.personal_number_label()
        }
        self.fields["family_name"].help_text = ""
        for name in ("birth_date", "date_of_entry"):
            self.fields[name].error_messages["invalid"] = DATE_FORMAT_MESSAGE
        for name in ("nationality", "country", "temp_country"):
            self.fields[name].error_messages["invalid_choice"] = COUNTRY_CODE_MESSAGE
        self.fields["sex"].error_messages["invalid_choice"] = _("Give the sex as F, M or U (unknown).")
        if self.instance.pk and self.instance.temp_street:
            self.fields["has_temp_address"].initial = True

    def clean_personal_number(self):
        return identifiers.clean_personal_number(self.cleaned_data["personal_number"])

    def clean(self):
        cleaned = super().clean()
        temp = ("temp_street", "temp_postal_code", "temp_town", "temp_country")
        if cleaned.get("has_temp_address"):
            for name in temp:
                if not cleaned.get(name):
                    self.add_error(name, gettext("Enter the temporary address in full, or untick the box."))
        else:
            for name in temp:
                cleaned[name] = ""
        check_postal_code(self, cleaned)
        check_postal_code(self, cleaned, postal_code="temp_postal_code", country="temp_country")
        birth, entry = cleaned.get("birth_date"), cleaned.get("date_of_entry")
        if birth and birth > timezone.localdate():
            # A typing error (2085 for 1985) the PD A1 would print; the SSIN check below needs a real date.
            self.add_error("birth_date", _("The date of birth cannot be in the future."))
            birth = None
        number = cleaned.get("personal_number")
        if birth and number and identifiers.issuing_state() == "BE":
            # legislation.md 5.2: the SSIN carries the date of birth; both are printed on the PD A1.
            try:
                identifiers.check_ssin_birth_date(number, birth)
            except ValidationError as exc:
                self.add_error("birth_date", exc)
        if birth and entry and entry <= birth:
            self.add_error(
                "date_of_entry", _("The date of entry into service must be after the date of birth.")
            )
        return cleaned

    def employee_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "has_temp_address"}


class PersonnelSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search by personal number or family name"),
        required=False,
        max_length=100,
        help_text=_("Part of the family name is enough: “por” finds “Delporte”."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class ImportForm(PlainMessages, forms.Form):
    required_messages = {"file": _("Choose the CSV file to import.")}
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, comma or semicolon separated, first row the column names."),
        error_messages={"empty": _("The file is empty. Choose the CSV file with your employees.")},
    )

    def __init__(self, *args, client_name: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if client_name:  # a consultant: "your employees" would be the consultant's firm's
            self.fields["file"].error_messages = {
                **self.fields["file"].error_messages,
                "empty": one_full_stop(
                    _("The file is empty. Choose the CSV file with the employees of %(client)s.")
                    % {"client": client_name}
                ),
            }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > conf.import_max_bytes():
            raise ValidationError(_("The file is larger than 2 MB. Split it into smaller files."))
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise ValidationError(_("The file must be a CSV file (ending in .csv)."))
        return upload


# --- second factor ---------------------------------------------------------------------------------


class TokenForm(PlainMessages, forms.Form):
    required_messages = {"token": _("Enter the 6 digits shown in your authenticator app.")}
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        help_text=_("6 digits. A new code appears every 30 seconds."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit() or len(token) != 6:
            raise ValidationError(_("Enter the 6 digits shown in your authenticator app."))
        return token


class EnrolmentCodeForm(PlainMessages, forms.Form):
    required_messages = {"code": _("Enter the enrolment code your administrator gave you.")}
    code = forms.CharField(
        label=_("Enrolment code"),
        max_length=20,
        help_text=_("12 letters and digits, like ABCD-EFGH-JKLM."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
