"""The public self-check form: a few questions that become an engine situation."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from coverage_portal.dates import BrowserDateInput

MAX_STATES = 4

EMPLOYMENT_CHOICES = [
    ("employed", _("Employed by an employer")),
    ("self_employed", _("Self-employed")),
    ("employed_and_self_employed", _("Employed in one state and self-employed in another")),
    ("civil_servant", _("Civil servant")),
    ("civil_servant_and_employed", _("Civil servant, and also employed or self-employed")),
    ("seafarer", _("Seafarer on a sea-going vessel")),
    ("flight_crew", _("Flight or cabin crew member")),
    ("inactive", _("Not working")),
]
ACTIVITY_CHOICES = [
    ("", _("Same as the type of work")),
    ("employed", _("Employed")),
    ("self_employed", _("Self-employed")),
    ("civil_servant", _("Civil servant")),
]


CHOOSE_COUNTRY = _("Choose a country")


def country_choices():
    """Evaluated per form so the names follow the active language."""
    return [("", CHOOSE_COUNTRY), *[(code, name) for code, name in countries]]


class CountryField(forms.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("choices", country_choices)
        super().__init__(**kwargs)


class SelfCheckForm(forms.Form):
    # The two questions every check needs say what is missing, not Django's "This field is required.".
    residence = CountryField(
        label=_("Where do you live?"),
        help_text=_("The country where you usually live."),
        error_messages={"required": _("Choose the country where you live.")},
    )
    # The engine takes an unknown nationality as covered (determination.md, `nationalities`); asked,
    # a third-country national gets the answer the law gives them (legislation.md 1.3: Reg.
    # 1231/2010 covers them, but not in Denmark, the EEA-EFTA states or Switzerland).
    nationality = CountryField(
        label=_("What is your nationality?"),
        required=False,
        help_text=_(
            "With more than one, choose that of an EU or EEA state or Switzerland if you have one. The "
            "rules cover other nationals only in some cases; left empty, the check assumes they cover you."
        ),
    )
    employment_type = forms.ChoiceField(
        label=_("What kind of work do you do?"),
        choices=EMPLOYMENT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of work you do.")},
    )
    employer_seat = CountryField(
        label=_("Where is your employer established?"),
        required=False,
        help_text=_(
            "The country of the employer's registered office. For civil servants: the administration."
        ),
    )
    employer_substantial = forms.BooleanField(
        label=_("The employer does substantial business in that country, not only internal management"),
        required=False,
        initial=True,
    )
    second_employer_seat = CountryField(
        label=_("Where is your second employer established, if you have one?"),
        required=False,
        help_text=_("Leave empty if you have one employer."),
    )
    start = forms.DateField(
        label=_("Start date"),
        required=False,
        help_text=_(
            "For example 2025-03-01. When the work abroad starts, or since when this pattern is unchanged."
        ),
        widget=BrowserDateInput(),
    )
    end = forms.DateField(
        label=_("Planned end date"),
        required=False,
        help_text=_("Only for a temporary posting."),
        widget=BrowserDateInput(),
    )
    is_posting = forms.BooleanField(
        label=_("My employer sends me temporarily to the first country of work (a posting)"), required=False
    )
    sending_state = CountryField(
        label=_("From which country are you sent?"), required=False, help_text=_("Only for a posting.")
    )
    months_insured_before = forms.IntegerField(
        label=_("How many months were you insured in that country just before the posting?"),
        required=False,
        min_value=0,
        max_value=1200,
    )
    replaces_posted_worker = forms.BooleanField(
        label=_("I replace another worker who was posted to the same job"), required=False
    )
    # legislation.md 2.3 P6 ("doorlenen"): a posted worker whom the host company hires out onward is
    # no longer posted. Unticked (the default) is what the check assumed before it asked.
    hired_out_onward = forms.BooleanField(
        label=_(
            "The company I am posted to places me at the disposal of another company (hires me out "
            "onward), in that country or elsewhere"
        ),
        required=False,
    )
    flag_state = CountryField(label=_("Seafarers: which flag does the vessel fly?"), required=False)
    home_base = CountryField(label=_("Aircrew: in which country is your home base?"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, MAX_STATES + 1):
            first = n == 1
            self.fields[f"work_{n}_country"] = CountryField(
                label=_("Country of work %(n)s") % {"n": n},
                required=False,
                help_text=_("Where you work. Add each country you work in.") if first else "",
            )
            self.fields[f"work_{n}_time"] = forms.FloatField(
                label=_("Share of your working time there (%%) in country %(n)s") % {"n": n},
                required=False,
                min_value=0,
                max_value=100,
                help_text=_("Over the next 12 months. All countries together make 100.") if first else "",
            )
            self.fields[f"work_{n}_pay"] = forms.FloatField(
                label=_("Share of your pay earned there (%%) in country %(n)s") % {"n": n},
                required=False,
                min_value=0,
                max_value=100,
            )
            self.fields[f"work_{n}_activity"] = forms.ChoiceField(
                label=_("Kind of work in country %(n)s") % {"n": n}, choices=ACTIVITY_CHOICES, required=False
            )

    def work_rows(self):
        return [
            [self[f"work_{n}_{part}"] for part in ("country", "time", "pay", "activity")]
            for n in range(1, MAX_STATES + 1)
        ]

    def clean(self):
        data = super().clean()
        etype = data.get("employment_type")
        rows = []
        for n in range(1, MAX_STATES + 1):
            country, time_pct, pay = (data.get(f"work_{n}_{p}") for p in ("country", "time", "pay"))
            if not country and time_pct is None and pay is None:
                continue
            if not country:
                self.add_error(f"work_{n}_country", _("Choose the country of work."))
            if time_pct is None:
                self.add_error(f"work_{n}_time", _("Enter the share of working time, from 0 to 100."))
            if pay is None:
                self.add_error(f"work_{n}_pay", _("Enter the share of pay, from 0 to 100."))
            rows.append(n)
        if etype and etype != "inactive" and not rows:
            self.add_error("work_1_country", _("Enter at least one country where you work."))
        if etype and etype != "inactive" and etype != "self_employed" and not data.get("employer_seat"):
            self.add_error("employer_seat", _("Choose the country where the employer is established."))
        if etype == "seafarer" and not data.get("flag_state"):
            self.add_error("flag_state", _("Choose the flag state of the vessel."))
        if etype == "flight_crew" and not data.get("home_base"):
            self.add_error("home_base", _("Choose the country of your home base."))
        if data.get("is_posting"):
            if not data.get("sending_state"):
                self.add_error("sending_state", _("Choose the country you are sent from."))
            if not data.get("start"):
                self.add_error("start", _("Enter the start date of the posting."))
            if not data.get("end"):
                self.add_error("end", _("Enter the planned end date of the posting."))
            if data.get("months_insured_before") is None:
                self.add_error("months_insured_before", _("Enter a number of months, for example 12."))
        data["work_rows"] = rows
        return data

    def situation(self, today: date) -> dict:
        """The engine's situation for the cleaned answers. ``today`` is the page's clock."""
        # Parts of a member state with an ISO code of their own (Réunion, Åland) go as chosen: the
        # engine reads them as their member state (rules.data.PART_OF_MEMBER_STATE).
        d = self.cleaned_data
        etype = d["employment_type"]
        start = d.get("start")
        reference = max(today, start) if start else today
        work = []
        if etype != "inactive":
            for n in d["work_rows"]:
                item = {
                    "country": d[f"work_{n}_country"],
                    "time_pct": d[f"work_{n}_time"],
                    "remuneration_pct": d[f"work_{n}_pay"],
                }
                if d.get(f"work_{n}_activity"):
                    item["activity"] = d[f"work_{n}_activity"]
                elif etype in ("employed_and_self_employed", "civil_servant_and_employed"):
                    item["activity"] = "employed"
                work.append(item)
        employers = []
        if etype != "inactive" and d.get("employer_seat"):
            substantial = bool(d.get("employer_substantial"))
            employers.append({"seat": d["employer_seat"], "substantial_activity_in_seat": substantial})
            if d.get("second_employer_seat"):
                employers.append({"seat": d["second_employer_seat"], "substantial_activity_in_seat": True})
        situation = {
            "reference_date": reference.isoformat(),
            "residence": d["residence"],
            "nationalities": [d["nationality"]] if d.get("nationality") else [],
            "employment_type": etype,
            "work": work,
            "employers": employers,
            "flag_state": d.get("flag_state") or None if etype == "seafarer" else None,
            "home_base": d.get("home_base") or None if etype == "flight_crew" else None,
            "posting": None,
        }
        if start:
            situation["situation_start"] = start.isoformat()
        if d.get("is_posting") and etype != "inactive" and work:
            situation["posting"] = {
                "sending_state": d["sending_state"],
                "host_state": work[0]["country"],
                "start": start.isoformat(),
                "end": d["end"].isoformat(),
                "replaces_posted_worker": bool(d.get("replaces_posted_worker")),
                "insured_in_sending_state_months_before": d.get("months_insured_before"),
                "direct_relationship_maintained": True,
                "placed_at_disposal_of_third_undertaking": bool(d.get("hired_out_onward")),
                "previous_posting_same_employer_host_end": None,
                "art16_agreement": None,
            }
        return situation


#: Engine error paths mapped to the form field where the person can fix them.
ERROR_FIELDS = {
    "residence": "residence",
    "nationalities": "nationality",
    "nationalities[0]": "nationality",
    "employment_type": "employment_type",
    "employers": "employer_seat",
    "employers[0].seat": "employer_seat",
    "employers[1].seat": "second_employer_seat",
    "flag_state": "flag_state",
    "home_base": "home_base",
    "posting.sending_state": "sending_state",
    "posting.host_state": "work_1_country",
    "posting.start": "start",
    "posting.end": "end",
    "posting.insured_in_sending_state_months_before": "months_insured_before",
    "situation_start": "start",
    "work": "work_1_time",
}


def field_for_error(path: str, work_rows: list[int]) -> str | None:
    if path in ERROR_FIELDS:
        return ERROR_FIELDS[path]
    if path.startswith("work[") and "]." in path:
        index = int(path[5 : path.index("]")])
        part = path.split(".", 1)[1]
        name = {
            "country": "country",
            "time_pct": "time",
            "remuneration_pct": "pay",
            "activity": "activity",
        }.get(part)
        if name and index < len(work_rows):
            return f"work_{work_rows[index]}_{name}"
    return None
