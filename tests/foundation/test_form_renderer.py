"""The portal's form renderer writes exactly what Django's widget templates write."""

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from coverage_portal.form_renderer import PortalFormRenderer

CHOICES = [("", "---------"), ("yes", "Yes <b>"), ("no", gettext_lazy("No")), (3, "Three & more")]
GROUPED = [("Benelux", [("BE", "Belgium"), ("NL", "Netherlands")]), ("LU", "Luxembourg"), ("", "none")]


def widgets():
    attrs = [
        {},
        {"class": "input", "id": "id_x", "maxlength": 100, "required": True, "disabled": False},
        {"aria-describedby": 'x-hint "quoted"', "autocomplete": "off", "data-n": Decimal("1.50")},
        {"id": "id_y", "class": "radios inline", "readonly": True},
    ]
    kinds = [
        forms.TextInput,
        forms.EmailInput,
        forms.NumberInput,
        forms.URLInput,
        forms.PasswordInput,
        forms.HiddenInput,
        forms.DateInput,
        forms.DateTimeInput,
        forms.TimeInput,
        forms.CheckboxInput,
        forms.Textarea,
        forms.FileInput,
        forms.Select,
        forms.SelectMultiple,
        forms.RadioSelect,
        forms.CheckboxSelectMultiple,
        forms.NullBooleanSelect,
    ]
    values = [
        None,
        "",
        "plain",
        "<script>&'\"",
        mark_safe("<i>safe</i>"),
        0,
        12345,
        Decimal("1234.5"),
        dt.date(2025, 3, 1),
        dt.datetime(2025, 3, 1, 14, 5),
        True,
        False,
        "yes",
        ["yes", "no"],
        "BE",
        3,
    ]
    for kind in kinds:
        for a in attrs:
            for choices in (CHOICES, GROUPED):
                widget = kind(attrs=dict(a))
                if hasattr(widget, "choices") and kind is not forms.NullBooleanSelect:
                    widget.choices = choices
                for value in values:
                    yield widget, value


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_plain_widget_is_written_as_the_templates_write_it(language):
    django_renderer, portal = DjangoTemplates(), PortalFormRenderer()
    count = 0
    with override(language):
        for widget, value in widgets():
            try:
                expected = widget.render("field", value, renderer=django_renderer)
            except Exception as exc:  # noqa: BLE001 - the same failure is expected from ours
                with pytest.raises(type(exc)):
                    widget.render("field", value, renderer=portal)
                continue
            assert widget.render("field", value, renderer=portal) == expected, (widget, value)
            count += 1
    assert count > 1000


class Everything(forms.Form):
    name = forms.CharField(label="Name", help_text="As on the passport", max_length=20)
    start = forms.DateField()
    answer = forms.ChoiceField(choices=CHOICES[1:], widget=forms.RadioSelect)
    many = forms.MultipleChoiceField(choices=GROUPED, widget=forms.CheckboxSelectMultiple, required=False)
    state = forms.ChoiceField(choices=GROUPED)
    agree = forms.BooleanField(required=False)
    when = forms.SplitDateTimeField(required=False)
    note = forms.CharField(widget=forms.Textarea, required=False)


BAD = {"name": "x" * 30, "answer": "maybe", "many": ["BE", "LU"], "note": "a<b"}


@pytest.mark.parametrize("data", [None, BAD])
def test_whole_forms_and_their_radios_match(data):
    def render(renderer):
        form = Everything(data=data, renderer=renderer)
        form.is_valid() if data else None
        radios = "".join(radio.tag() + radio.tag(wrap_label=True) for radio in form["answer"])
        return form.as_div() + form.as_p() + radios

    assert render(PortalFormRenderer()) == render(DjangoTemplates())
