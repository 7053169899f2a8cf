"""Serializers whose fields are built once per class, and copied shallowly for each serializer.

DRF builds a serializer's fields again for every serializer it makes: each declared field is
deep-copied, which for a DRF field means calling its constructor again with deep copies of its
arguments, and a ModelSerializer works its fields out from the model's metadata each time. An API
create and submit make a dozen serializers (the request, each wizard step, the history, the worker),
and this was about a sixth of their CPU (profiled in the process with py-spy).

Here the fields are built once per serializer class, never bound, and each serializer gets a
shallow copy of each plain field, which DRF then binds to it: binding sets the copy's own name,
parent and source, and nothing changes a plain field's arguments, choices or validators after it was
made. A field that holds other fields (a nested serializer, a list or dict field with its child, a
many-related field) is deep-copied as DRF does, since its children are bound to it.
"""

import copy

from rest_framework import serializers

from .strict import RejectUnknownFields


def _holds_fields(field) -> bool:
    return (
        isinstance(field, serializers.BaseSerializer)
        or hasattr(field, "child")
        or hasattr(field, "child_relation")
    )


class FieldsMadeOnce:
    def get_fields(self):
        cls = type(self)
        made = cls.__dict__.get("_fields_made_once")
        if made is None:
            made = super().get_fields()
            cls._fields_made_once = made
        return {
            name: copy.deepcopy(field) if _holds_fields(field) else copy.copy(field)
            for name, field in made.items()
        }


class Serializer(RejectUnknownFields, FieldsMadeOnce, serializers.Serializer):
    pass


class ModelSerializer(RejectUnknownFields, FieldsMadeOnce, serializers.ModelSerializer):
    pass
