"""Form fields copied for each form as Django copies them, with less machinery.

Every form made copies its class's fields (BaseForm.__init__: copy.deepcopy(base_fields)), so that
one form's changes never reach another. Django's deepcopy of a field goes through copy.copy's
reduce protocol for the field and its widget and through deepcopy's bookkeeping for each, and a
choice field's choices are deep-copied and its widget's normalised again: about 0.3 ms for a place
of work (16 fields) and 0.2 ms for the posting conditions, against 0.07 and 0.06 ms here.
A wizard walked to the end makes about thirty such forms (every step's GET and POST, all steps
again when sending), and so does each request sent through the API.

QuickCopyForm's fields are copied as Field.__deepcopy__, ChoiceField.__deepcopy__,
Widget.__deepcopy__ and ChoiceWidget.__deepcopy__ copy them (a new field and widget with the same
attributes; their own attrs, error messages, validators and choices), without the detours. A field
or widget whose class copies itself in any other way (its own __deepcopy__, __copy__, __reduce__,
state methods or slots) is deep-copied by Django as before. tests/foundation/test_form_copies.py
compares the copies with Django's.
"""

from __future__ import annotations

import copy

from django import forms
from django.forms.fields import ChoiceField, Field
from django.forms.forms import DeclarativeFieldsMetaclass
from django.forms.widgets import ChoiceWidget, Widget
from django.utils.functional import Promise

_FIELD_COPIES = (Field.__deepcopy__, ChoiceField.__deepcopy__)
_WIDGET_COPIES = (Widget.__deepcopy__, ChoiceWidget.__deepcopy__)
_plain: dict[type, bool] = {}


def _copied_plainly(cls: type, copies: tuple) -> bool:
    """Whether cls's deepcopy is one of `copies` and its copy.copy is a new instance (cls.__new__)
    with the same __dict__: nothing of its own in the copy protocols."""
    known = _plain.get(cls)
    if known is None:
        known = _plain[cls] = (
            cls.__deepcopy__ in copies
            and not hasattr(cls, "__copy__")
            and cls.__reduce_ex__ is object.__reduce_ex__
            and cls.__reduce__ is object.__reduce__
            and cls.__getstate__ is object.__getstate__
            and not hasattr(cls, "__setstate__")
            and not any("__slots__" in vars(klass) for klass in cls.__mro__[:-1])
        )
    return known


_ATOMIC = frozenset((str, int, float, bool, type(None)))


def _flat(choices) -> bool:
    """A list of (value, label) pairs of plain values or lazy labels: deepcopy gives the same pairs
    in a new list, and normalize_choices the same pairs as new tuples."""
    return type(choices) is list and all(
        type(choice) is tuple
        and len(choice) == 2
        and type(choice[0]) in _ATOMIC
        and (type(choice[1]) in _ATOMIC or isinstance(choice[1], Promise))
        for choice in choices
    )


def _shallow(obj):
    """copy.copy(obj) for a class _copied_plainly accepts."""
    new = type(obj).__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    return new


def _widget_copy(widget, memo: dict):
    if id(widget) in memo:
        return memo[id(widget)]
    if not _copied_plainly(type(widget), _WIDGET_COPIES):
        return copy.deepcopy(widget, memo)
    new = _shallow(widget)
    new.attrs = widget.attrs.copy()
    if isinstance(widget, ChoiceWidget):
        if _flat(widget.choices):
            new._choices = [(value, label) for value, label in widget.choices]
        else:
            new.choices = copy.copy(widget.choices)  # through the setter, as Django does
    memo[id(widget)] = new
    return new


def field_copy(field, memo: dict):
    """copy.deepcopy(field, memo), as Django makes it."""
    if not _copied_plainly(type(field), _FIELD_COPIES):
        return copy.deepcopy(field, memo)
    new = _shallow(field)
    memo[id(field)] = new
    new.widget = _widget_copy(field.widget, memo)
    new.error_messages = field.error_messages.copy()
    new.validators = field.validators[:]
    if isinstance(field, ChoiceField):
        choices = field._choices
        new._choices = list(choices) if _flat(choices) else copy.deepcopy(choices, memo)
    return new


class QuickCopyFields(dict):
    """A form class's base_fields; what BaseForm.__init__'s deepcopy of them gives is a plain dict."""

    def __deepcopy__(self, memo):
        return {name: field_copy(field, memo) for name, field in self.items()}


class QuickCopyFieldsMetaclass(DeclarativeFieldsMetaclass):
    def __new__(mcs, name, bases, attrs):
        new_class = super().__new__(mcs, name, bases, attrs)
        new_class.base_fields = QuickCopyFields(new_class.base_fields)
        return new_class


class QuickCopyForm(forms.Form, metaclass=QuickCopyFieldsMetaclass):
    """forms.Form whose fields are copied for each form by field_copy."""
