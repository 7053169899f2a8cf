"""The API's request detail: a sent request keeps the worker as sent; a draft follows the directory."""

import datetime as dt

import pytest

from api.views.examples import POSTING
from tests import factories

from .conftest import client_for
from .test_requests import base, create

pytestmark = pytest.mark.django_db


def test_the_detail_shows_the_worker_as_sent_and_a_draft_the_directory_now(
    employer_admin, employer, employee
):
    api = client_for(employer_admin)
    sent_number = employee.personal_number
    sent = create(api, employer, employee)
    assert api.post(f"{base(employer)}{sent['id']}/submit/").status_code == 200
    draft = create(api, employer, employee, POSTING)

    new_number = factories.valid_bsn()
    factories.edit_employee(
        employer_admin,
        employee,
        family_name="Delporte-Janssens",
        personal_number=new_number,
        birth_date=dt.date(1986, 8, 31),
    )

    worker = api.get(f"{base(employer)}{sent['id']}/").json()["worker"]
    assert worker["family_name"] == "Delporte" and worker["given_names"] == "Anna"
    assert worker["personal_number"] == sent_number and worker["birth_date"] == "1985-07-30"
    assert worker["nationality"] == "NL" and worker["street"] == "Kerkstraat 10"

    worker = api.get(f"{base(employer)}{draft['id']}/").json()["worker"]
    assert worker["family_name"] == "Delporte-Janssens"
    assert worker["personal_number"] == new_number and worker["birth_date"] == "1986-08-31"


def test_a_draft_without_a_worker_has_none(employer_admin, employer):
    api = client_for(employer_admin)
    response = api.post(base(employer), {"type": "posting"}, format="json")
    assert response.status_code == 201
    assert response.json()["worker"] is None
