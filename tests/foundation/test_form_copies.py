"""A QuickCopyForm's fields are copied for each form as Django's deepcopy copies them
(coverage_portal/form_copies.py): same attributes, own containers, nothing shared between forms."""

import copy

import pytest
from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy

from coverage_portal.form_copies import QuickCopyFields, QuickCopyForm
from postings.forms import steps

OWN = ("attrs", "error_messages", "validators", "_choices")  # containers each copy must have to itself


class SelfCopyingWidget(forms.TextInput):
    copies = 0

    def __deepcopy__(self, memo):
        type(self).copies += 1
        return super().__deepcopy__(memo)


class Sample(QuickCopyForm):
    name = forms.CharField(max_length=20, widget=forms.TextInput(attrs={"class": "wide"}))
    kind = forms.ChoiceField(choices=[("", gettext_lazy("Choose")), ("a", "A"), ("b", gettext_lazy("B"))])
    grouped = forms.ChoiceField(choices=[("Group", [("x", "X"), ("y", "Y")]), ("z", "Z")])
    number = forms.TypedChoiceField(choices=[(1, "one"), (2, "two")], coerce=int, widget=forms.RadioSelect)
    when = forms.SplitDateTimeField()  # a MultiValueField: Django's own copy
    custom = forms.CharField(widget=SelfCopyingWidget)
    amount = forms.DecimalField(min_value=0, max_digits=5, decimal_places=2)


def compare(djangos, ours, original):
    assert type(ours) is type(djangos)
    assert vars(ours).keys() == vars(djangos).keys()
    for key, value in vars(djangos).items():
        mine = getattr(ours, key)
        if key == "widget":
            compare(value, mine, original.widget)
            assert mine is not original.widget
        elif key in ("fields", "widgets"):  # a MultiValueField's parts
            assert [type(p) for p in mine] == [type(p) for p in value]
        elif isinstance(value, BaseChoiceIterator):  # lazy choices (a model's rows): not listed here
            assert type(mine) is type(value), key
        else:
            assert mine == value, key
        if key in OWN:
            assert mine is not getattr(original, key), f"{key} shared with the class's field"


FORMS = [Sample] + [
    cls for cls in vars(steps).values() if isinstance(cls, type) and issubclass(cls, QuickCopyForm)
]


@pytest.mark.parametrize("form_class", FORMS, ids=lambda cls: cls.__name__)
def test_same_copies_as_djangos(form_class):
    assert isinstance(form_class.base_fields, QuickCopyFields)
    djangos = copy.deepcopy(dict(form_class.base_fields))
    ours = copy.deepcopy(form_class.base_fields)
    assert type(ours) is dict and list(ours) == list(djangos)
    for name, original in form_class.base_fields.items():
        compare(djangos[name], ours[name], original)


def test_each_form_changes_only_its_own_fields():
    first, second = Sample(), Sample()
    first.fields["name"].widget.attrs["class"] = "narrow"
    first.fields["kind"].choices = [("c", "C")]
    first.fields["number"].error_messages["required"] = "Say a number."
    first.fields["amount"].validators.clear()
    assert second.fields["name"].widget.attrs == {"class": "wide", "maxlength": "20"}
    assert [value for value, _label in second.fields["kind"].choices] == ["", "a", "b"]
    assert [value for value, _label in second.fields["kind"].widget.choices] == ["", "a", "b"]
    assert second.fields["number"].error_messages["required"] == "This field is required."
    assert second.fields["amount"].validators
    assert Sample.base_fields["name"].widget.attrs == {"class": "wide", "maxlength": "20"}


def test_fields_copying_themselves_otherwise_keep_their_way():
    before = SelfCopyingWidget.copies
    Sample()
    assert SelfCopyingWidget.copies == before + 1


def test_forms_work_as_before():
    form = Sample(
        data={
            "name": "Eva",
            "kind": "b",
            "grouped": "y",
            "number": "2",
            "when_0": "2026-11-23",
            "when_1": "10:00",
        }
        | {"custom": "x", "amount": "1.50"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["number"] == 2 and form.cleaned_data["grouped"] == "y"
    wrong = Sample(data={"name": "Eva", "kind": "q"})
    assert not wrong.is_valid()
    assert "kind" in wrong.errors and "custom" in wrong.errors
    assert 'value="b">B</option>' in str(Sample()["kind"])
