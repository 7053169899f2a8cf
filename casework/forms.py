from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.models import Employee
from coverage_portal.dates import SHOWN, DayMonthYearField


def day(label, **kwargs) -> DayMonthYearField:
    """A caseworker's date: typed day-month-year as the portal writes dates, with the admin's calendar
    (which fills it in the same way), not the browser's date input (month first in an en-US browser)."""
    return DayMonthYearField(label=label, widget=AdminDateWidget(format=SHOWN), **kwargs)


class VerifyForm(forms.Form):
    number = forms.CharField(
        label=_("Certificate number"),
        max_length=65,
        help_text=_("As printed at the top of every page, for example NL-A1-2026-0000123-K7QF."),
        error_messages={"required": _("Enter the certificate number.")},
    )
    # A text input for the date as the PD A1 prints it (ISO, box 1.5), not the browser's date picker:
    # the picker shows the date in the browser's own order (30/07/1985, 07/30/1985), which the hint
    # "For example 1985-07-30" above it contradicted. Only year-month-day is read, so "03-04-1985"
    # is not taken as March or April by the language of the page.
    birth_date = forms.DateField(
        label=_("Holder's date of birth"),
        help_text=_("As printed on the certificate: year-month-day, for example 1985-07-30."),
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"autocomplete": "off"}),
        error_messages={
            "required": _("Enter the holder's date of birth."),
            "invalid": _("Enter the date of birth as year-month-day, for example 1985-07-30."),
        },
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": _("Write your answer.")},
    )


class ApproveForm(forms.Form):
    admitted_start = day(_("Admitted from"))
    admitted_end = day(_("Admitted until"))
    reason = forms.CharField(
        label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        help_text=_("The employer sees this text."),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Give the reason for the rejection.")},
    )


class AskInformationForm(forms.Form):
    message = forms.CharField(
        label=_("Question for the employer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write the question for the employer.")},
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the withdrawal"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Give the reason for the withdrawal; the employer will see it.")},
    )


class ObjectionForm(forms.Form):
    state = CountryField().formfield(label=_("Objecting state"))
    received_on = day(_("Received on"))
    reason = forms.CharField(label=_("Reason given"), widget=forms.Textarea(attrs={"rows": 4}))


class SettleObjectionForm(forms.Form):
    outcome = forms.TypedChoiceField(
        label=_("What did the institutions agree?"),
        choices=[
            ("confirmed", _("Our determination stands: make it definitive")),
            ("changed", _("Another determination applies: withdraw the certificate")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the states agreed.")},
    )
    settled_on = day(_("Agreement reached on"))
    note = forms.CharField(
        label=_("The agreement"),
        help_text=_("Kept in the request's history. If the certificate is withdrawn, the employer sees it."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Describe the agreement.")},
    )


class ExceptionAnswerForm(forms.Form):
    """The other state's answer to the Art. 16(1) exception request (SED A011 or A002)."""

    outcome = forms.ChoiceField(
        label=_("What did the other state answer?"),
        choices=[
            ("agreed", _("It agreed (A011): our legislation applies for the agreed period")),
            ("refused", _("It refused (A002): the ordinary rules decide")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the state agreed or refused.")},
    )
    other_state = CountryField().formfield(label=_("State that answered"))
    answered_on = day(_("Answered on"))
    reference = forms.CharField(label=_("Their reference"), max_length=100, required=False)
    start = day(_("Agreed from"), required=False)
    end = day(_("Agreed until"), required=False)
    note = forms.CharField(
        label=_("Note (optional)"),
        help_text=_("For caseworkers; the employer does not see it."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RecordsSentForm(forms.Form):
    sent_on = day(
        _("Sent on"),
        help_text=_("For an Art. 13 determination the two months for objections run from this day."),
        error_messages={"required": _("Enter the day the records were sent.")},
    )


class CorrectionForm(forms.Form):
    """Correct and re-issue a certificate: section 1 as printed, the places of work (section 5) and
    the admitted end, pre-filled from the certificate; the determination is not among them."""

    def __init__(self, *args, certificate, **kwargs):
        from .services.correction import HOLDER_FIELDS, PLACE_FIELDS, correction_initial

        initial = correction_initial(certificate)
        kwargs.setdefault(
            "initial",
            {
                **initial["holder"],
                **{f"place_{p['seq']}_{name}": p[name] for p in initial["places"] for name in PLACE_FIELDS},
                "admitted_end": initial["admitted_end"],
            },
        )
        super().__init__(*args, **kwargs)
        self.places = initial["places"]
        self.holder_names = list(HOLDER_FIELDS)
        for name, label in HOLDER_FIELDS.items():
            if name in ("nationality", "country", "temp_country"):
                field = CountryField(blank=True).formfield(label=label, required=False)
            elif name == "birth_date":
                field = day(label, error_messages={"required": _("Enter the date of birth.")})
            elif name == "sex":
                field = forms.ChoiceField(
                    label=label, required=False, choices=[("", "—"), *Employee.Sex.choices]
                )
            else:
                field = forms.CharField(
                    label=label, required=name in ("family_name", "given_names"), max_length=200
                )
            self.fields[name] = field
        self.fields["family_name"].error_messages["required"] = _("Enter the surname.")
        self.fields["given_names"].error_messages["required"] = _("Enter the forenames.")
        for place in self.places:
            for name, label in PLACE_FIELDS.items():
                self.fields[f"place_{place['seq']}_{name}"] = forms.CharField(
                    label=format_lazy("{} {}: {}", _("Place of work"), place["seq"], label),
                    required=False,
                    max_length=200,
                )
        self.fields["admitted_end"] = day(
            _("Admitted until"),
            help_text=_("Only an earlier end: a longer period is a new decision."),
            error_messages={"required": _("Enter the end of the admitted period.")},
        )
        self.fields["reason"] = forms.CharField(
            label=_("Reason for the correction"),
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages={"required": _("Give the reason for the correction; the employer will see it.")},
        )

    def holder_fields(self):
        return [self[name] for name in self.holder_names]

    def place_fields(self):
        return [
            (
                place,
                [
                    self[f"place_{place['seq']}_{name}"]
                    for name in ("name", "street", "house_number", "postal_code", "town")
                ],
            )
            for place in self.places
        ]

    def correction(self) -> dict:
        """The cleaned data in the shape casework.services.correction.certificate_correct takes."""
        from .services.correction import PLACE_FIELDS

        data = self.cleaned_data
        return {
            "holder": {name: data.get(name) for name in self.holder_names},
            "places": [
                {name: data.get(f"place_{p['seq']}_{name}") for name in PLACE_FIELDS} for p in self.places
            ],
            "admitted_end": data.get("admitted_end"),
            "reason": data.get("reason", ""),
        }
