"""A date of entry into service too far ahead says how far it may be: "The date of entry into service
is too far in the future." named no limit, and a person could only guess what date would do."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from api.views.examples import POSTING

from ..api.conftest import client_for
from ..api.test_requests import base, body
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
    response = client_for(employer_admin).post(base(employer), data, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "field": "relationship.date_of_entry",
            "message": "The date of entry into service can be at most 366 days from today "
            f"({latest:%d-%m-%Y} at the latest).",
        }
    ]
