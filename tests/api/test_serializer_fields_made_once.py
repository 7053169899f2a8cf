"""The request serializers build their fields once per class and copy them for each serializer
(api/serializers/made_once.py): each serializer still has fields of its own, bound to it, so one
call's values, errors and context never reach another's."""

import datetime as dt

from rest_framework import serializers

from api.serializers.made_once import FieldsMadeOnce
from api.serializers.requests import (
    DraftCreateSerializer,
    EventSerializer,
    RelationshipStep,
    RequestDetailSerializer,
    RequestSerializer,
)
from tests.postings.conftest import make_request


def test_each_serializer_has_its_own_bound_fields_and_the_built_ones_stay_unbound():
    first, second = RelationshipStep(), RelationshipStep()
    for name in first.fields:
        assert first.fields[name] is not second.fields[name]
        assert first.fields[name].parent is first and second.fields[name].parent is second
        assert first.fields[name].field_name == name
    built = RelationshipStep.__dict__["_fields_made_once"]
    assert all(getattr(field, "parent", None) is None for field in built.values())


def test_two_calls_keep_their_own_values_and_errors():
    good = DraftCreateSerializer(
        data={
            "type": "posting",
            "relationship": {
                "date_of_entry": "2015-01-01",
                "private_sector": True,
                "classification": "employed",
            },
        }
    )
    bad = DraftCreateSerializer(
        data={
            "type": "nonsense",
            "relationship": {"date_of_entry": "yesterday", "private_sector": True, "classification": "x"},
        }
    )
    assert not bad.is_valid()
    assert good.is_valid(), good.errors
    assert set(bad.errors) == {"type", "relationship"}
    assert set(bad.errors["relationship"]) == {"date_of_entry", "classification"}
    assert good.validated_data["relationship"]["date_of_entry"] == dt.date(2015, 1, 1)
    assert good.validated_data["type"] == "posting"


def test_fields_that_hold_other_fields_are_copied_whole():
    # A list of places and the nested steps: their children must be bound to the copy, not to the
    # field built once.
    first, second = DraftCreateSerializer(), DraftCreateSerializer()
    for name in ("places", "states", "relationship"):
        assert first.fields[name] is not second.fields[name]
    assert first.fields["places"].child is not second.fields["places"].child
    assert first.fields["places"].child.parent is first.fields["places"]
    assert first.fields["states"].child.parent is first.fields["states"]
    assert first.fields["relationship"].fields["date_of_entry"].parent is first.fields["relationship"]


def test_a_subclass_builds_its_own_fields(employer, employee):
    request = make_request(employer, employee)
    assert "events" not in RequestSerializer(request).data
    assert "events" in RequestDetailSerializer(request).data
    assert set(RequestSerializer(request).data) < set(RequestDetailSerializer(request).data)


def test_the_history_serializer_gives_each_event_its_own_values():
    class Event:
        def __init__(self, kind):
            self.kind, self.from_status, self.to_status, self.reason = kind, "draft", "submitted", ""
            self.at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    data = EventSerializer([Event("submitted"), Event("validated")], many=True).data
    assert [event["kind"] for event in data] == ["submitted", "validated"]


def test_only_the_request_serializers_are_made_once():
    assert issubclass(RequestSerializer, FieldsMadeOnce)
    assert issubclass(RequestSerializer, serializers.ModelSerializer)
