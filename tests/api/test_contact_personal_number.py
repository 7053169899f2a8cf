"""The API's simultaneous request body takes the contact person's personal number, checked as on the page."""

import pytest

from api.views.examples import SIMULTANEOUS
from postings.models import CoverageRequest

from .conftest import client_for
from .test_requests import base, body

pytestmark = pytest.mark.django_db

INVALID = "This BSN is not right: its 9 digits fail the 11-proof. Check it for a typing error."


def with_number(employee, number):
    data = body(SIMULTANEOUS, employee)
    data["contact"] = {**data["contact"], "personal_number": number}
    return data


def test_a_valid_number_is_stored_and_read_back_masked(employer_admin, employer, employee):
    api = client_for(employer_admin)
    response = api.post(base(employer), with_number(employee, "111 222 333"), format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["answers"]["contact"]["personal_number"] == "•••••2333"
    assert CoverageRequest.objects.get(pk=created["id"]).answers["contact"]["personal_number"] == "111222333"

    sent = api.post(f"{base(employer)}{created['id']}/submit/")
    assert sent.status_code == 200, sent.json()
    assert sent.json()["answers"]["contact"]["personal_number"] == "•••••2333"
    listed = api.get(base(employer)).json()["results"]
    assert listed[0]["answers"]["contact"]["personal_number"] == "•••••2333"
    assert "111222333" not in api.get(f"{base(employer)}{created['id']}/").content.decode()


def test_an_invalid_number_is_refused_at_its_field(employer_admin, employer, employee):
    api = client_for(employer_admin)
    response = api.post(base(employer), with_number(employee, "123456789"), format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "contact.personal_number", "message": INVALID}]
    assert not CoverageRequest.objects.exists()


def test_the_number_may_be_left_out_or_empty(employer_admin, employer, employee):
    api = client_for(employer_admin)
    left_out = body(SIMULTANEOUS, employee)
    del left_out["contact"]["personal_number"]
    response = api.post(base(employer), left_out, format="json")
    assert response.status_code == 201
    assert response.json()["answers"]["contact"]["personal_number"] == ""
    response = api.post(base(employer), with_number(employee, ""), format="json")
    assert response.status_code == 201
    assert response.json()["answers"]["contact"]["personal_number"] == ""


def test_changing_the_contact_step_of_a_draft(employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = api.post(base(employer), with_number(employee, ""), format="json").json()
    contact = {**SIMULTANEOUS["contact"], "personal_number": "12345678"}
    refused = api.patch(f"{base(employer)}{draft['id']}/", {"contact": contact}, format="json")
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "contact.personal_number"
    contact["personal_number"] = "111222333"
    changed = api.patch(f"{base(employer)}{draft['id']}/", {"contact": contact}, format="json")
    assert changed.status_code == 200
    assert changed.json()["answers"]["contact"]["personal_number"] == "•••••2333"
