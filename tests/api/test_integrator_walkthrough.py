"""What a first-time integrator runs into, reading only /api/docs/, /api/schema/ and the README."""

import copy

import pytest

from api.views.examples import SIMULTANEOUS

from .conftest import client_for

pytestmark = pytest.mark.django_db


def requests_url(employer):
    return f"/api/v1/employers/{employer.pk}/requests/"


def test_unknown_fields_are_refused_at_their_path(employer_admin, employer, employee):
    # A typo must not be accepted with 201 and the data silently dropped.
    body = copy.deepcopy(SIMULTANEOUS)
    body["employee"] = employee.pk
    body["bogus"] = 1
    body["places"][1]["postcode"] = "1000"
    body["places"][0]["time_pct"] = "forty"
    response = client_for(employer_admin).post(requests_url(employer), body, format="json")
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"bogus", "places[1].postcode", "places[0].time_pct"}


def test_webhook_with_an_unknown_key_is_refused(employer_admin, employer):
    # There is no per-event subscription: an "events" list would be dropped without a word.
    response = client_for(employer_admin).post(
        f"/api/v1/employers/{employer.pk}/webhooks/",
        {"url": "https://payroll.example/a1", "events": ["request.closed"]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "events"


@pytest.mark.parametrize(
    "query, field",
    [
        ("stauts=closed", "stauts"),  # a typo: the whole list would come back as if filtered
        ("ordering=-requested_start", "ordering"),  # the sort parameter is `sort`
        ("status=zzz", "status"),
        ("requested_start_from=1-6-2025", "requested_start_from"),
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page_size=abc", "page_size"),
        ("page_size=-1", "page_size"),
    ],
)
def test_list_query_parameters_are_checked(query, field, employer_admin, employer):
    response = client_for(employer_admin).get(f"{requests_url(employer)}?{query}")
    assert response.status_code == 400, response.json()
    assert [e["field"] for e in response.json()["errors"]] == [field]


@pytest.mark.parametrize("path", ["drafts/", "personnel/", "webhooks/"])
def test_unknown_query_parameter_on_other_lists(path, employer_admin, employer):
    response = client_for(employer_admin).get(f"/api/v1/employers/{employer.pk}/{path}?serach=x")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "serach"


def test_known_list_parameters_still_work(employer_admin, employer, employee):
    api = client_for(employer_admin)
    assert api.get(f"/api/v1/employers/{employer.pk}/personnel/?q=del&page=1&page_size=5").status_code == 200
    response = api.get(f"{requests_url(employer)}?sort=-requested&page=last&page_size=500&format=json")
    assert response.status_code == 200


def test_page_past_the_end_names_the_parameter(employer_admin, employer):
    response = client_for(employer_admin).get(f"{requests_url(employer)}?page=9")
    assert response.status_code == 404
    assert response.json()["errors"][0]["field"] == "page"


def test_unknown_query_parameter_in_the_accept_language(employer_admin, employer):
    response = client_for(employer_admin).get(f"{requests_url(employer)}?stauts=x", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.json()["errors"] == [
        {"field": "stauts", "message": "Onbekende queryparameter; controleer de spelling."}
    ]
