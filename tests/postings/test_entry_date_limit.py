"""A date of entry into service too far ahead says how far it may be: "The date of entry into service
is too far in the future." named no limit, and a person could only guess what date would do."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from api.views.examples import POSTING
from postings.forms.steps import RelationshipForm, months_before
from tests import factories

from ..api.conftest import client_for
from ..api.test_requests import base, body, create_errors
from .test_posting_wizard import P, walk_to_check
from .wizard_helpers import post_step, start, step_url

pytestmark = pytest.mark.django_db


def relationship(client, draft, day):
    data = {"date_of_entry": day.isoformat(), "private_sector": "yes", "classification": "employed"}
    return post_step(client, draft, "relationship", data, P)


def test_a_date_past_the_limit_is_refused_with_the_limit_and_its_last_day(logged_in, employee):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    latest = timezone.localdate() + dt.timedelta(days=366)
    response = relationship(logged_in, draft, latest + dt.timedelta(days=1))
    assert response.status_code == 200
    message = (
        "The date of entry into service can be at most 366 days from today "
        f"({latest:%d-%m-%Y} at the latest)."
    )
    assert response.content.decode().count(message) == 2  # the summary and the field
    assert relationship(logged_in, draft, latest)["Location"] == step_url(draft, "places")


def test_the_limit_in_french(logged_in, employee):
    draft = start(logged_in, "posting")
    logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    latest = timezone.localdate() + dt.timedelta(days=366)
    page = relationship(logged_in, draft, latest + dt.timedelta(days=1)).content.decode()
    assert (
        "La date d&#x27;entrée en service peut se situer au plus 366 jours après aujourd&#x27;hui "
        f"(au plus tard le {latest:%d-%m-%Y})." in page
    )


def test_the_api_says_the_limit_too(employer_admin, employer, employee):
    data = body(POSTING, employee)
    latest = timezone.localdate() + dt.timedelta(days=366)
    data["relationship"] = {
        **data["relationship"],
        "date_of_entry": (latest + dt.timedelta(days=1)).isoformat(),
    }
    assert create_errors(employer_admin, employer, data) == [
        {
            "field": "relationship.date_of_entry",
            "message": "The date of entry into service can be at most 366 days from today "
            f"({latest:%d-%m-%Y} at the latest).",
        }
    ]


# The lower limits: 1890 was taken. Not before the employee's 14th birthday (the employee step chose
# them, with their birth date), and in any case not more than 60 years ago.


def fourteenth_birthday_message(day):
    return (
        "The date of entry into service can be no earlier than the employee&#x27;s 14th birthday "
        f"({day:%d-%m-%Y} at the earliest)."
    )


def test_a_date_before_the_employees_14th_birthday_is_refused_with_that_day(logged_in, employee):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    birthday = dt.date(1999, 7, 30)  # born 30-07-1985 (tests.factories)
    assert employee.birth_date == dt.date(1985, 7, 30)
    response = relationship(logged_in, draft, birthday - dt.timedelta(days=1))
    assert response.status_code == 200
    assert response.content.decode().count(fourteenth_birthday_message(birthday)) == 2
    assert relationship(logged_in, draft, birthday)["Location"] == step_url(draft, "places")


def test_a_date_more_than_60_years_ago_is_refused_with_the_first_day(logged_in, employer):
    elder = factories.make_employee(employer, family_name="Oudman", birth_date=dt.date(1940, 1, 1))
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, elder)
    earliest = months_before(timezone.localdate(), 720)
    response = relationship(logged_in, draft, dt.date(1954, 6, 1))  # after the 14th birthday
    message = (
        f"The date of entry into service can be at most 60 years ago ({earliest:%d-%m-%Y} at the earliest)."
    )
    assert response.content.decode().count(message) == 2
    assert relationship(logged_in, draft, earliest)["Location"] == step_url(draft, "places")


def test_without_a_birth_date_the_60_years_still_hold():
    form = RelationshipForm(
        data={"date_of_entry": "1890-01-01", "private_sector": "yes", "classification": "employed"}
    )
    earliest = months_before(timezone.localdate(), 720)
    assert form.errors["date_of_entry"] == [
        f"The date of entry into service can be at most 60 years ago ({earliest:%d-%m-%Y} at the earliest)."
    ]


def test_the_lower_limit_in_every_language(logged_in, employee):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    expected = {
        "nl": "De datum van indiensttreding mag niet vóór de 14e verjaardag van de werknemer liggen "
        "(op zijn vroegst 30-07-1999).",
        "fr": "La date d&#x27;entrée en service ne peut pas précéder le 14e anniversaire du travailleur "
        "(au plus tôt le 30-07-1999).",
        "de": "Das Eintrittsdatum darf nicht vor dem 14. Geburtstag des Arbeitnehmers liegen "
        "(frühestens am 30-07-1999).",
    }
    for language, message in expected.items():
        logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        assert message in relationship(logged_in, draft, dt.date(1890, 1, 1)).content.decode()


def test_the_api_says_the_lower_limit_too(employer_admin, employer, employee):
    data = body(POSTING, employee)
    data["relationship"] = {**data["relationship"], "date_of_entry": "1999-07-29"}
    assert create_errors(employer_admin, employer, data) == [
        {
            "field": "relationship.date_of_entry",
            "message": "The date of entry into service can be no earlier than the employee's 14th birthday "
            "(30-07-1999 at the earliest).",
        }
    ]


def test_the_api_checks_a_later_relationship_against_the_drafts_employee(employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = api.post(base(employer), {"type": "posting", "employee": employee.pk}, format="json").json()
    response = api.patch(
        f"{base(employer)}{draft['id']}/",
        {"relationship": {**body(POSTING, employee)["relationship"], "date_of_entry": "1999-07-29"}},
        format="json",
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["relationship.date_of_entry"]
