"""A requested period with a mistyped year is refused at its field, with the limit and how to fix it:
the wizards took 1950 to 2150, and the engine decided on it ("no coordination instrument applies")."""

import datetime as dt

import pytest
from django.utils import timezone

from api.views.examples import SIMULTANEOUS
from postings.forms.steps import PeriodForm, months_before

from ..api.conftest import client_for
from ..api.test_requests import base, body

pytestmark = pytest.mark.django_db


def errors(start, end):
    form = PeriodForm(data={"start": start.isoformat(), "end": end.isoformat(), "language": "en"})
    form.is_valid()
    return form.errors


def test_a_start_more_than_five_years_back_names_the_earliest_day():
    earliest = months_before(timezone.localdate(), 60)
    assert errors(earliest, earliest + dt.timedelta(days=30)) == {}
    found = errors(earliest - dt.timedelta(days=1), earliest + dt.timedelta(days=30))
    assert found["start"] == [
        f"The start date is more than five years ago (before {earliest:%d-%m-%Y}). Check the year; for an "
        "earlier period, contact the institution."
    ]


def test_a_start_more_than_a_year_ahead_is_refused():
    latest = timezone.localdate() + dt.timedelta(days=366)
    assert errors(latest, latest + dt.timedelta(days=30)) == {}
    found = errors(latest + dt.timedelta(days=1), latest + dt.timedelta(days=30))
    assert f"({latest:%d-%m-%Y} at the latest)" in found["start"][0]


def test_a_period_longer_than_five_years_is_refused_at_the_end_date():
    start = timezone.localdate().replace(day=1)
    last = months_before(start, -60) - dt.timedelta(days=1)
    assert errors(start, last) == {}
    found = errors(start, last + dt.timedelta(days=1))
    assert list(found) == ["end"]
    assert f"the end date can be {last:%d-%m-%Y} at the latest" in found["end"][0]


def test_the_api_names_the_field(employer_admin, employer, employee):
    data = body(SIMULTANEOUS, employee)
    data["period"] = {"start": "1950-01-01", "end": "2150-01-01", "language": "en"}
    response = client_for(employer_admin).post(base(employer), data, format="json")
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"period.start"}
