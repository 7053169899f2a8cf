"""The wizard's step forms, one topic per page (NSSO 'Working Abroad' screens)."""

import datetime as dt
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField
from stdnum import imo
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumError

from accounts import identifiers
from coverage_portal.form_copies import QuickCopyForm
from coverage_portal.state_names import state_in_sentence
from coverage_portal.validators import validate_phone

from ..models import CertificateLanguage, LocationType, OutputChannel, Territory
from ..selectors import employee_search
from ..situation import place_state
from ..widgets import FastLazySelect, same_for_a_language, states
from .client_texts import NamesTheClient

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
MAX_STATEMENT_BYTES = 5 * 1024 * 1024
STATEMENT_MAX_AGE_MONTHS = 2
ENTRY_MAX_DAYS_AHEAD = 366  # a date of entry into service up to a year ahead, in a leap year too
# And not before the employee could work: a mistyped year (1890) was taken. From fourteen the EU
# allows light work and work in a training scheme (Directive 94/33/EC, Art. 4(2)); the message says
# "14th birthday" in words, to translate. Sixty years back covers any career still running.
ENTRY_MIN_AGE_YEARS = 14
ENTRY_MAX_YEARS_BACK = 60
# Bounds on a requested period that catch a mistyped year (1950, 2150), which the wizard took and the
# engine then decided on (a start in 1950 came out as "no coordination instrument applies"). Five
# years is the longest period any rule the portal applies admits (an Art. 16 agreement, a bilateral
# treaty: legislation.md 1.6 and 2.5); older or longer cases go to the institution, as the messages say.
PERIOD_MAX_MONTHS_BACK = 60
PERIOD_MAX_MONTHS = 60
PERIOD_START_MAX_DAYS_AHEAD = 366
TERRITORY_STATES = {
    Territory.QUEBEC: {"CA"},
    Territory.ALDERNEY: {"GB", "GG"},
    Territory.GUERNSEY: {"GB", "GG"},
    Territory.SARK: {"GB", "GG"},
    Territory.JERSEY: {"GB", "JE"},
    Territory.ISLE_OF_MAN: {"GB", "IM"},
}


class Classification:
    EMPLOYED = "employed"
    CIVIL_SERVANT = "civil_servant"
    SELF_EMPLOYED = "self_employed"
    ROAD_RAIL = "transport_road_rail"
    AIR = "transport_air"
    SEA = "transport_sea"
    INLAND = "inland_shipping"
    RHINE = "rhine_shipping"

    CHOICES = [
        (EMPLOYED, _("Employed (salaried)")),
        (CIVIL_SERVANT, _("Civil servant or equivalent")),
        (SELF_EMPLOYED, _("Self-employed")),
        (ROAD_RAIL, _("Transport company: road haulage or railway transport")),
        (AIR, _("Transport company: air transport (home base)")),
        (SEA, _("Transport company: by sea (flag of the vessel)")),
        (INLAND, _("Transport company: inland shipping")),
        (RHINE, _("Transport company: Rhine shipping")),
    ]
    POSTING_CHOICES = CHOICES[:2]


def yes_no(label, help_text="", required=True, message=None):
    """A yes/no question. `message`, when not answered, names the question ("Say whether ..."): a page
    asks several, and the error summary listed "Answer yes or no." once for each, none telling which."""
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        required=required,
        error_messages={"required": message or _("Answer yes or no.")},
    )


_STATE_CHOICES: dict[str, list] = {}


@same_for_a_language
def _state_choices():
    # Called each time the choices are read (Django 5 accepts a callable): the names come in the
    # reader's language and sorted for it, not frozen in whatever language the process started.
    language = get_language() or ""
    choices = _STATE_CHOICES.get(language)
    if choices is None:
        choices = _STATE_CHOICES[language] = [("", _("Choose a state")), *states()]
    return choices


_STATE_CODES: set[str] = set()
_STATE_NAMES: dict[str, dict[str, str]] = {}


def state_name(code: str) -> str | None:
    """A state's name as the state selects show it, in the reader's language (None: not listed)."""
    language = get_language() or ""
    names = _STATE_NAMES.get(language)
    if names is None:
        names = _STATE_NAMES[language] = {c: str(name) for c, name in _state_choices() if c}
    return names.get(code)


class StateField(LazyTypedChoiceField):
    """Checks a state against the set of codes, the same in every language: ChoiceField's own check
    walks the 250 choices, normalising each again, for every state in every form sent. Measured per
    state checked (Sweden, in Dutch): 630 µs before, 1.4 µs now; an API create checks several."""

    def valid_value(self, value):
        if not _STATE_CODES:
            _STATE_CODES.update(code for code, _name in _state_choices() if code)
        return str(value) in _STATE_CODES


def country_field(label, required=True, help_text="", required_message=None):
    """`required_message` names the state asked for ("Choose the flag of the ship."): a page with
    several selects said "Choose a state." at each."""
    return StateField(
        label=label,
        choices=_state_choices,
        widget=FastLazySelect,
        required=required,
        help_text=help_text,
        error_messages={
            "required": required_message or _("Choose a state."),
            "invalid_choice": _("Choose a state from the list."),
        },
    )


def certificate_language_choices():
    allowed = settings.PORTAL_INSTITUTION["certificate_languages"]
    return [(code, label) for code, label in CertificateLanguage.choices if code in allowed]


def require(form, names, message):
    for name in names:
        if form.cleaned_data.get(name) in (None, ""):
            form.add_error(name, message)


class _ListedEmployeeField(forms.ModelChoiceField):
    """Takes the chosen employee from the ones the form already read for its list of results (all
    from the employer's directory) instead of reading them again to validate the choice."""

    listed: list = []

    def to_python(self, value):
        listed = next((e for e in self.listed if str(e.pk) == str(value)), None)
        return listed if listed is not None else super().to_python(value)


class EmployeeForm(QuickCopyForm):
    """Look the worker up in the personnel directory, by number or by (part of the) family name."""

    query = forms.CharField(
        label=_("Personal number or family name"),
        help_text=_("Part of the family name is enough: 'por' finds 'Delporte'."),
        required=False,
        max_length=100,
    )
    employee = _ListedEmployeeField(
        label=_("Choose the employee"),
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Search for the employee and choose them from the results."),
            "invalid_choice": _("Choose an employee from your personnel directory."),
        },
    )

    def __init__(self, *args, employees=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.employees = employees
        self.fields["employee"].queryset = employees
        self.results = employee_search(employees, self["query"].value() or "")
        selected = self["employee"].value()
        if selected and str(selected).isdigit() and all(str(e.pk) != str(selected) for e in self.results):
            self.results = list(employees.filter(pk=selected)) + self.results
        self.fields["employee"].listed = self.results
        self.fields["employee"].widget.choices = [
            (e.pk, f"{e.family_name}, {e.given_names} – {e.masked_personal_number} – {e.birth_date:%d-%m-%Y}")
            for e in self.results
        ]

    def full_clean(self):
        super().full_clean()
        # With no results there are no radios for the error to describe: it stands at the search box
        # (templates/postings/steps/employee.html), and the box names it for screen readers.
        if not self.results and "employee" in self.errors:
            self.fields["query"].widget.attrs["aria-describedby"] = (
                f"{self['query'].auto_id}_helptext {self['employee'].auto_id}_error"
            )

    def to_answers(self):
        return {"employee_id": self.cleaned_data["employee"].pk, "query": self.cleaned_data.get("query", "")}


class AddressForm(QuickCopyForm):
    temp_differs = forms.BooleanField(
        label=_("The temporary residence address is different from the usual residence"), required=False
    )
    temp_street = forms.CharField(label=_("Street"), required=False, max_length=200)
    temp_number = forms.CharField(label=_("Number"), required=False, max_length=20)
    temp_po_box = forms.CharField(label=_("PO box (if any)"), required=False, max_length=20)
    temp_postal_code = forms.CharField(label=_("Postal code"), required=False, max_length=20)
    temp_town = forms.CharField(label=_("Town"), required=False, max_length=100)
    temp_country = country_field(_("Country"), required=False)

    # Each missing part is named: "Enter this part of the temporary address." stood five times in the
    # error summary, none telling which part it meant.
    MISSING = {
        "temp_street": _("Enter the street of the temporary address."),
        "temp_number": _("Enter the house number of the temporary address."),
        "temp_postal_code": _("Enter the postal code of the temporary address."),
        "temp_town": _("Enter the town of the temporary address."),
        "temp_country": _("Choose the country of the temporary address."),
    }

    def clean(self):
        data = super().clean()
        if data.get("temp_differs"):
            for name, message in self.MISSING.items():
                require(self, [name], message)
        return data


class RelationshipForm(NamesTheClient, QuickCopyForm):
    client_texts = {
        "date_of_entry": {"required": _("Enter the date the employee entered the service of %(client)s.")},
        "private_sector": {
            "label": _("Is %(client)s an employer in the private sector?"),
            "required": _("Say whether %(client)s is an employer in the private sector."),
        },
    }

    date_of_entry = forms.DateField(
        label=_("Date of entry into service"),
        widget=DATE,
        error_messages={"required": _("Enter the date the employee entered your service.")},
    )
    private_sector = yes_no(
        _("Are you an employer in the private sector?"),
        message=_("Say whether you are an employer in the private sector."),
    )
    classification = forms.ChoiceField(
        label=_("Worker classification"),
        choices=Classification.POSTING_CHOICES,
        widget=forms.RadioSelect,
        initial=Classification.EMPLOYED,
        error_messages={"required": _("Choose the worker classification.")},
    )

    def __init__(self, *args, birth_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The chosen employee's (the wizard and the API pass it): the date of entry cannot come before
        # their 14th birthday.
        self.birth_date = birth_date

    def clean_date_of_entry(self):
        value = self.cleaned_data["date_of_entry"]
        earliest = months_before(timezone.localdate(), ENTRY_MAX_YEARS_BACK * 12)
        fourteenth = months_before(self.birth_date, -ENTRY_MIN_AGE_YEARS * 12) if self.birth_date else None
        if fourteenth and fourteenth > earliest and value < fourteenth:
            raise ValidationError(
                _(
                    "The date of entry into service can be no earlier than the employee's 14th birthday "
                    "(%(date)s at the earliest)."
                )
                % {"date": fourteenth.strftime("%d-%m-%Y")}
            )
        if value < earliest:
            raise ValidationError(
                _(
                    "The date of entry into service can be at most %(years)s years ago "
                    "(%(date)s at the earliest)."
                )
                % {"years": ENTRY_MAX_YEARS_BACK, "date": earliest.strftime("%d-%m-%Y")}
            )
        latest = timezone.localdate() + dt.timedelta(days=ENTRY_MAX_DAYS_AHEAD)
        if value > latest:
            # The limit and its last day are said: "too far in the future" left a person guessing.
            raise ValidationError(
                _(
                    "The date of entry into service can be at most %(days)s days from today "
                    "(%(date)s at the latest)."
                )
                % {"days": ENTRY_MAX_DAYS_AHEAD, "date": latest.strftime("%d-%m-%Y")}
            )
        return value


class SimultaneousRelationshipForm(RelationshipForm):
    classification = forms.ChoiceField(
        label=_("Worker classification"),
        choices=Classification.CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the worker classification.")},
    )
    home_base = country_field(_("Home base (air transport)"), required=False)
    flag_state = country_field(_("Flag of the vessel (by sea)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("classification") == Classification.AIR:
            require(self, ["home_base"], _("Choose the state of the home base."))
        if data.get("classification") == Classification.SEA:
            require(self, ["flag_state"], _("Choose the flag of the vessel."))
        return data


def check_imo(form, name="imo_number"):
    """Format errors block; a wrong check digit only warns (ships are sometimes registered with one)."""
    value = form.cleaned_data.get(name) or ""
    if not value:
        return ""
    try:
        compact = imo.compact(value)
        imo.validate(compact)
    except InvalidChecksum:
        form.imo_warning = True
        return imo.compact(value)
    except StdnumError:
        form.add_error(name, _("An IMO number has 7 digits, for example IMO 9074729."))
        return value
    return compact


SHARE_NOT_A_NUMBER = _("Enter the share of working time as a number, like 60 or 12.5.")
# The limit validators format their message with the limit (%(limit_value)s): "%%" is a per cent sign.
SHARE_OVER_100 = _("Enter a share of at most 100 %%: it is the part of all working time spent here.")


class PlaceForm(QuickCopyForm):
    country = country_field(
        _("State"),
        required_message=_("Choose the state where this place is."),
        help_text=_(
            "For an ocean vessel: the state whose flag it flies. For an inland vessel: the state where it "
            "operates."
        ),
    )
    territory = forms.ChoiceField(
        label=_("Territory with its own legislation (if any)"),
        choices=[("", _("None"))] + list(Territory.choices),
        required=False,
    )
    location_type = forms.ChoiceField(
        label=_("Type of place"),
        choices=[("", _("Choose a type"))] + list(LocationType.choices),
        error_messages={"required": _("Choose the type of place.")},
    )
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=200,
        help_text=_("Region, company, site, home base or vessel"),
    )
    identification_number = forms.CharField(label=_("Identification number"), required=False, max_length=40)
    street = forms.CharField(label=_("Street"), required=False, max_length=200)
    house_number = forms.CharField(label=_("Number"), required=False, max_length=20)
    po_box = forms.CharField(label=_("PO box (if any)"), required=False, max_length=20)
    postal_code = forms.CharField(label=_("Postal code"), required=False, max_length=20)
    town = forms.CharField(label=_("Town"), required=False, max_length=100)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    registration_number = forms.CharField(
        label=_("Registration number of the boat"), required=False, max_length=40
    )
    harbour_or_river = forms.CharField(label=_("Harbour or river"), required=False, max_length=100)
    imo_number = forms.CharField(
        label=_("IMO number"), required=False, max_length=12, help_text=_("7 digits, for example IMO 9074729")
    )
    territorial_waters_or_port = yes_no(
        _("Is the work done in territorial waters or in a port?"),
        required=False,
        message=_("Say whether the work is done in territorial waters or in a port."),
    )
    time_pct = forms.DecimalField(
        label=_("Share of working time (%)"),
        help_text=_("Over the next 12 months, in per cent: 60 for 60 %."),
        required=False,
        min_value=Decimal("0.01"),
        max_value=Decimal("100"),
        decimal_places=2,
        # Django's own ("Ensure this value is less than or equal to 100.") did not say what the number is.
        error_messages={
            "invalid": SHARE_NOT_A_NUMBER,
            "min_value": _("Enter a share above 0 %%. Remove a place where the employee does not work."),
            "max_value": SHARE_OVER_100,
            "max_decimal_places": _("Enter the share with at most two decimals, like 12.25."),
            "max_digits": SHARE_NOT_A_NUMBER,
            "max_whole_digits": SHARE_OVER_100,
        },
    )

    NEEDS = {
        LocationType.COMPANY: [
            "name",
            "identification_number",
            "street",
            "house_number",
            "postal_code",
            "town",
        ],
        LocationType.CONSTRUCTION_SITE: ["name"],
        LocationType.HOME_BASE: ["name"],
        LocationType.INLAND_VESSEL: ["name", "registration_number", "harbour_or_river"],
        LocationType.OCEAN_VESSEL: ["name", "imo_number", "territorial_waters_or_port"],
    }
    # A missing detail is named, at the field and in the error summary: one sentence for all of them
    # ("Enter this detail for this type of place.") stood up to six times in the summary, none telling
    # which field it meant. The name is the name of what the type of place is.
    NAME_MISSING = {
        LocationType.REGION: _("Enter the name of the region or country."),
        LocationType.COMPANY: _("Enter the name of the company."),
        LocationType.CONSTRUCTION_SITE: _("Enter the name of the construction site."),
        LocationType.HOME_BASE: _("Enter the name of the home base."),
        LocationType.INLAND_VESSEL: _("Enter the name of the vessel."),
        LocationType.OCEAN_VESSEL: _("Enter the name of the ship."),
    }
    MISSING = {
        "identification_number": _("Enter the company's identification number."),
        "street": _("Enter the street."),
        "house_number": _("Enter the house number."),
        "postal_code": _("Enter the postal code."),
        "town": _("Enter the town."),
        "registration_number": _("Enter the registration number of the boat."),
        "harbour_or_river": _("Enter the harbour or river."),
        "imo_number": _("Enter the IMO number of the ship."),
    }

    def __init__(self, *args, with_share=False, region_needs_name=True, states=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.imo_warning = False
        self.with_share = with_share
        self.region_needs_name = region_needs_name
        if not with_share:
            del self.fields["time_pct"]
        if states:
            # Simultaneous occupation: only the states of work chosen on the step before. All 250 were
            # offered, and a place outside them was then refused. The field still takes any state, so
            # the formset's check names a stray one (the API sends places without this select).
            self.fields["country"].choices = [
                ("", _("Choose a state")),
                *((c, state_name(c) or c) for c in states),
            ]

    def clean_imo_number(self):
        return check_imo(self)

    def clean(self):
        data = super().clean()
        kind = data.get("location_type")
        needs = list(self.NEEDS.get(kind, []))
        if kind == LocationType.REGION and self.region_needs_name:
            needs.append("name")
        for name in needs:
            if data.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, self.missing_message(kind, name))
        if kind == LocationType.CONSTRUCTION_SITE and not (data.get("description") or data.get("street")):
            self.add_error(
                "description", _("Enter a description or a street to pinpoint the construction site.")
            )
        territory = data.get("territory")
        if territory and data.get("country") and data["country"] not in TERRITORY_STATES[territory]:
            self.add_error("territory", _("This territory is not in the state you chose."))
        if self.with_share and data.get("time_pct") is None and "time_pct" not in self.errors:
            self.add_error("time_pct", _("Enter the share of working time in this place."))
        return data

    def missing_message(self, kind, name):
        if name == "name":
            return self.NAME_MISSING[kind]
        # The territorial-waters question names itself, as every yes/no question does.
        return self.MISSING.get(name) or self.fields[name].error_messages["required"]

    def to_answers(self):
        data = {k: v for k, v in self.cleaned_data.items() if k != "DELETE"}
        if data.get("time_pct") is not None:
            data["time_pct"] = float(data["time_pct"])
        data["imo_warning"] = self.imo_warning
        return data


class BasePlaceFormSet(forms.BaseFormSet):
    """Places of work; 'Add another place' is a submit button that re-renders with one more form."""

    def __init__(self, *args, kind="posting", states=(), **kwargs):
        self.kind = kind
        self.states = list(states)
        super().__init__(*args, **kwargs)
        if self.kind == "simultaneous" and not self.is_bound:
            # A new page starts with a place per state of work (each needs one); places already entered
            # or reused count, and a page sent before keeps its own number of places (the data says it).
            self.extra = max(0, len(self.states) - max(self.initial_form_count(), self.min_num))

    def get_form_kwargs(self, index):
        simultaneous = self.kind == "simultaneous"
        return {
            "with_share": simultaneous,
            "region_needs_name": not simultaneous,
            "states": self.states if simultaneous else (),
        }

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            **self.get_form_kwargs(None),
        )
        self.add_fields(form, None)
        return form

    def live_forms(self):
        return [f for f in self.forms if f.is_valid() and not self._should_delete_form(f) and f.has_changed()]

    def clean(self):
        if any(self.errors):
            return
        places = self.live_forms()
        if not places:
            raise ValidationError(_("Add at least one place of work."))
        countries_used = {f.cleaned_data["country"] for f in places}
        # A posting has one host state (legislation.md 2.3), the state the engine sees: a place in
        # "GB, Jersey" is in Jersey (postings.situation.place_state), so a place in the UK and one in
        # Jersey are two states, and the engine would only have heard of the first.
        hosts = {place_state(f.cleaned_data["country"], f.cleaned_data.get("territory")) for f in places}
        if self.kind == "posting" and len(hosts) > 1:
            raise ValidationError(
                _(
                    "A posting has one state of work. For work in several states, "
                    "request simultaneous occupation."
                )
            )
        if self.kind == "simultaneous":
            # Which place and which state: "Every place must be in one of the states you chose" stood
            # above all places, and "Add at least one place of work in each state you chose" named none.
            chosen = ", ".join(state_name(code) or code for code in self.states)
            for place in places:
                code = place.cleaned_data["country"]
                if code not in self.states:
                    message = _(
                        "%(state)s is not one of the states of work you chose (%(chosen)s). Choose one "
                        "of those, or go back and add %(state)s to the states."
                    ) % {"state": state_in_sentence(code), "chosen": chosen}
                    place.add_error("country", capfirst(message))
            if any(self.errors):
                return
            missing = [code for code in self.states if code not in countries_used]
            if missing:
                raise ValidationError(
                    _("Add a place of work in %(states)s: each state of work you chose needs at least one.")
                    % {"states": ", ".join(state_in_sentence(code) for code in missing)}
                )
            total = sum(f.cleaned_data["time_pct"] for f in places)
            if total != 100:
                raise ValidationError(
                    _("The shares of working time add up to %(total)s %%; they must add up to 100 %%.")
                    % {"total": f"{total.normalize():f}"}
                )

    def to_answers(self):
        return {"places": [f.to_answers() for f in self.live_forms()]}


PlaceFormSet = forms.formset_factory(
    PlaceForm, formset=BasePlaceFormSet, extra=0, min_num=1, validate_min=False, can_delete=True
)


STATE_FIELDS = ("state_1", "state_2", "state_3", "state_4")


class StatesForm(QuickCopyForm):
    """Simultaneous occupation: at least two states."""

    state_1 = country_field(_("First state of work"), required_message=_("Choose the first state of work."))
    state_2 = country_field(_("Second state of work"), required=False)
    state_3 = country_field(_("Third state of work"), required=False)
    state_4 = country_field(_("Fourth state of work"), required=False)
    also_issuing_state = forms.BooleanField(label="", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        issuing = settings.PORTAL_INSTITUTION["state"]
        self.fields["also_issuing_state"].label = _("The employee also works in %(state)s") % {
            "state": state_in_sentence(issuing, "in")
        }

    def clean(self):
        # Each problem stands at the select it is about, naming what to do there: "Choose each state
        # only once." and "Choose at least two states" stood above the form, tied to no select, and an
        # empty page said the second beside "Choose a state." at the first select.
        data = super().clean()
        issuing = settings.PORTAL_INSTITUTION["state"]
        chosen = []
        for name in STATE_FIELDS:
            code = data.get(name)
            if code and code in chosen:
                self.add_error(
                    name,
                    _("You chose %(state)s twice: choose another state here, or leave this one empty.")
                    % {"state": state_in_sentence(code)},
                )
            elif code:
                chosen.append(code)
        states = [s for s in chosen if s != issuing]
        if data.get("also_issuing_state") or issuing in chosen:
            states.append(issuing)
            data["also_issuing_state"] = True
        if len(states) < 2 and not self.errors:
            self.add_error(
                "state_2",
                _("Choose a second state of work, or tick the box if the employee also works in %(state)s.")
                % {"state": state_in_sentence(issuing, "in")},
            )
        data["states"] = states
        return data

    def to_answers(self):
        return {
            "states": self.cleaned_data["states"],
            "also_issuing_state": self.cleaned_data["also_issuing_state"],
        }


class PeriodMixin(QuickCopyForm):
    start = forms.DateField(
        label=_("Start date"), widget=DATE, error_messages={"required": _("Enter the start date.")}
    )
    end = forms.DateField(
        label=_("End date"), widget=DATE, error_messages={"required": _("Enter the end date.")}
    )
    language = forms.ChoiceField(
        label=_("In which language should the certificate be?"),
        choices=certificate_language_choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language of the certificate.")},
    )

    def __init__(self, *args, extension_check=None, **kwargs):
        super().__init__(*args, **kwargs)
        # For a request that extends another: answers -> {field: message} (services.drafts.extension_errors).
        self.extension_check = extension_check

    def clean_start(self):
        value = self.cleaned_data["start"]
        today = timezone.localdate()
        earliest = months_before(today, PERIOD_MAX_MONTHS_BACK)
        latest = today + dt.timedelta(days=PERIOD_START_MAX_DAYS_AHEAD)
        if value < earliest:
            raise ValidationError(
                _(
                    "The start date is more than five years ago (before %(date)s). Check the year; for an "
                    "earlier period, contact the institution."
                )
                % {"date": earliest.strftime("%d-%m-%Y")}
            )
        if value > latest:
            raise ValidationError(
                _(
                    "The start date can be at most a year from today (%(date)s at the latest). Check the "
                    "year, or send the request closer to the start."
                )
                % {"date": latest.strftime("%d-%m-%Y")}
            )
        return value

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end date must be on or after the start date."))
        elif data.get("start") and data.get("end"):
            latest = months_before(data["start"], -PERIOD_MAX_MONTHS) - dt.timedelta(days=1)
            if data["end"] > latest:
                self.add_error(
                    "end",
                    _(
                        "The period can be at most five years: the end date can be %(date)s at the latest. "
                        "Check the year; for a longer period, send a new request before this one ends."
                    )
                    % {"date": latest.strftime("%d-%m-%Y")},
                )
        if self.extension_check is not None and data.get("start") and data.get("end"):
            period = {"start": data["start"].isoformat(), "end": data["end"].isoformat()}
            for name, message in self.extension_check(period).items():
                if name not in self.errors:
                    self.add_error(name, message)
        return data


def _employer_activity_label() -> str:
    # The state's name in brackets: "in %(state)s" cannot be translated ("aux Pays-Bas", "in den
    # Niederlanden").
    return gettext(
        "Does the employer normally carry out substantial activities in the state it posts the employee "
        "from (%(state)s), not only internal management?"
    ) % {"state": countries.name(settings.PORTAL_INSTITUTION["state"])}


class ConditionsForm(PeriodMixin):
    """Posting and seafarer: the period, the six yes/no questions of the NSSO service, and the two
    posting conditions that service leaves out (legislation.md 2.3 P1 and P6; the SVB handbook lists
    both: "werkt normaal gesproken in Nederland", "doorlenen").

    P1 is a fact about the employer, not the posting, but it is asked here, with the posting test's
    other conditions, per request: the engine weighs it on the posting's date, and the person who
    files knows it. The posting and seafarer wizards offer only employed persons and civil servants
    (Classification.POSTING_CHOICES), so the self-employed variant of Art. 12(2) ("the person's own
    substantial activity", legislation.md 2.3 Z1) is never asked here. For a civil servant the engine
    decides under Art. 11(3)(b) and does not use either answer."""

    employer_substantial_activity = yes_no(
        lazy(_employer_activity_label, str)(),
        _(
            "Think of where the employer has its registered office and administration, where its staff "
            "work, where it concludes its contracts with clients and where it earns its turnover. Answer "
            "no if it only has an office or a mailbox there."
        ),
        message=_(
            "Say whether the employer normally carries out substantial activities in the state it posts from."
        ),
    )
    insured_30_days = yes_no(
        _("Was the employee insured under this state's social security in the 30 days before the start?"),
        _(
            "For example as an employee of another employer, on unemployment benefit, "
            "as a student or pensioner."
        ),
        message=_("Say whether the employee was insured in this state in the 30 days before the start."),
    )
    host_contract = yes_no(
        _("Has the employee signed an (additional) employment contract with the host company abroad?"),
        _("A real employment contract, not a document with the practical terms of the mission."),
        message=_("Say whether the employee has signed an employment contract with the host company."),
    )
    host_can_change_pay = yes_no(
        _("Can the host company change the employee's basic pay on its own?"),
        message=_("Say whether the host company can change the employee's basic pay."),
    )
    host_can_dismiss = yes_no(
        _("Can the host company dismiss the employee?"),
        message=_("Say whether the host company can dismiss the employee."),
    )
    host_can_discipline = yes_no(
        _("Can the host company take disciplinary measures against the employee?"),
        _("Refusing access to the workplace is not a disciplinary measure here."),
        message=_("Say whether the host company can take disciplinary measures against the employee."),
    )
    host_hires_out = yes_no(
        _(
            "Will the host company place the employee at the disposal of another company (hire them "
            "out onward), in that state or elsewhere?"
        ),
        _(
            "For example, the host company lends the employee to one of its clients, who then directs "
            "the work."
        ),
        message=_("Say whether the host company will place the employee at the disposal of another company."),
    )
    replaces_posted_worker = yes_no(
        _("Will the employee replace another posted employee?"),
        message=_("Say whether the employee will replace another posted employee."),
    )
    mission = forms.CharField(
        label=_("Short description of the mission (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = [
        "start",
        "end",
        "employer_substantial_activity",
        "insured_30_days",
        "host_contract",
        "host_can_change_pay",
        "host_can_dismiss",
        "host_can_discipline",
        "host_hires_out",
        "replaces_posted_worker",
        "mission",
        "language",
    ]


class PeriodForm(PeriodMixin):
    """Simultaneous occupation: the period, the language, remarks."""

    remarks = forms.CharField(
        label=_("Remarks (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ShipForm(QuickCopyForm):
    """Seafarer: the ship is the place of work."""

    name = forms.CharField(
        label=_("Name of the ship"),
        max_length=200,
        error_messages={"required": _("Enter the name of the ship.")},
    )
    imo_number = forms.CharField(
        label=_("IMO number"),
        max_length=12,
        help_text=_("7 digits, for example IMO 9074729"),
        error_messages={"required": _("Enter the IMO number.")},
    )
    flag_state = country_field(_("Flag of the ship"), required_message=_("Choose the flag of the ship."))
    territorial_waters_or_port = yes_no(
        _("Is the work done in territorial waters or in a port?"),
        message=_("Say whether the work is done in territorial waters or in a port."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.imo_warning = False

    def clean_imo_number(self):
        return check_imo(self)

    def to_answers(self):
        return {**self.cleaned_data, "imo_warning": self.imo_warning}


class StatementForm(QuickCopyForm):
    """The residence state's statement (an employee living abroad who works in two or more states)."""

    file = forms.FileField(
        label=_("The statement (PDF, at most 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    statement_date = forms.DateField(
        label=_("Date of the statement"),
        help_text=_("The statement must be dated within the last two months."),
        widget=DATE,
        error_messages={"required": _("Enter the date of the statement.")},
    )

    def __init__(self, *args, has_statement=False, today=None, in_browser=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_statement = has_statement
        self.in_browser = in_browser
        self.today = today or timezone.localdate()
        if has_statement:
            self.fields["file"].help_text = _("A statement is uploaded. Choose a file only to replace it.")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            if not self.has_statement:
                raise ValidationError(_("Upload the statement of the institution of the state of residence."))
            return None
        if upload.size > MAX_STATEMENT_BYTES:
            raise ValidationError(_("The file is larger than 5 MB."))
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise ValidationError(_("The file must be a PDF."))
        return upload

    def clean(self):
        data = super().clean()
        # A page that comes back with an error has an empty file field (a browser never fills one in),
        # and the file is saved only with a valid date: say so, or the next Continue asks for it as if
        # none had been chosen.
        if self.in_browser and data.get("file") and self.errors:
            self.add_error("file", _("Choose the file again: it is kept only once the page has no errors."))
        return data

    def clean_statement_date(self):
        value = self.cleaned_data["statement_date"]
        oldest = months_before(self.today, STATEMENT_MAX_AGE_MONTHS)
        if value > self.today:
            raise ValidationError(_("The date of the statement cannot be in the future."))
        if value < oldest:
            raise ValidationError(
                _(
                    "The statement is older than two months (dated before %(date)s). "
                    "Ask the institution of the "
                    "state of residence for a new one."
                )
                % {"date": oldest.strftime("%d-%m-%Y")}
            )
        return value


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (later, for a negative number), or the month's last day."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


class ContactForm(NamesTheClient, QuickCopyForm):
    client_texts = {
        "output_channel": {
            "help_text": _(
                "E-box: the certificate arrives in the e-box of %(client)s and on this portal. "
                "Paper: it is printed and sent by post to the address of %(client)s."
            )
        }
    }

    family_name = forms.CharField(
        label=_("Family name"),
        max_length=100,
        error_messages={"required": _("Enter the contact person's family name.")},
    )
    given_names = forms.CharField(
        label=_("First name"),
        max_length=100,
        error_messages={"required": _("Enter the contact person's first name.")},
    )
    function = forms.CharField(label=_("Function (optional)"), required=False, max_length=100)
    company = forms.CharField(
        label=_("Company name"), max_length=200, error_messages={"required": _("Enter the company name.")}
    )
    street = forms.CharField(label=_("Street"), max_length=200, required=False)
    number = forms.CharField(label=_("Number"), max_length=20, required=False)
    po_box = forms.CharField(label=_("PO box (if any)"), max_length=20, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20, required=False)
    town = forms.CharField(label=_("Town"), max_length=100, required=False)
    country = country_field(_("Country"), required=False)
    phone = forms.CharField(
        label=_("Telephone"),
        max_length=40,
        validators=[validate_phone],
        error_messages={"required": _("Enter a telephone number.")},
    )
    fax = forms.CharField(label=_("Fax (optional)"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail address (optional)"), required=False)
    output_channel = forms.ChoiceField(
        label=_("How should we deliver the certificate?"),
        help_text=_(
            "E-box: the certificate arrives in your company's e-box and on this portal. "
            "Paper: it is printed and sent by post to your company's address."
        ),
        choices=OutputChannel.choices,
        widget=forms.RadioSelect,
        initial=OutputChannel.EBOX,
        required=False,
    )
    remarks = forms.CharField(
        label=_("Remarks (optional)"),
        required=False,
        max_length=2000,
        help_text=_("Anything that helps the institution decide."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_output_channel(self):
        # A draft saved before the question existed has no answer: the default, e-box.
        return self.cleaned_data.get("output_channel") or OutputChannel.EBOX


def _contact_number_label() -> str:
    return gettext("%(label)s (optional)") % {"label": identifiers.personal_number_label()}


class SimultaneousContactForm(ContactForm):
    """The NSSO 'Contact details' screen of a simultaneous-activity request asks for the contact
    person's social security number too (SSIN in Belgium, BSN in the Netherlands)."""

    remarks = None
    # Label and hint name the issuing state's number, read when shown (the state is configuration).
    personal_number = forms.CharField(
        label=lazy(_contact_number_label, str)(),
        help_text=lazy(identifiers.personal_number_hint, str)(),
        max_length=20,
        required=False,
    )
    # Right after the name, where the NSSO screen asks for it.
    field_order = ["family_name", "given_names", "personal_number"]
    # Another person's number: the check-answers and request pages show only its last digits.
    masked_fields = ("personal_number",)

    def clean_personal_number(self):
        value = self.cleaned_data["personal_number"]
        # The same python-stdnum check as the personnel directory: BSN or SSIN, by issuing state.
        return identifiers.clean_personal_number(value) if value else ""


class CheckForm(QuickCopyForm):
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    ask_art16 = forms.BooleanField(
        label=_(
            "Ask for an exception under Article 16 so that the legislation of the issuing state continues "
            "to apply"
        ),
        required=False,
    )
