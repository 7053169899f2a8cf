"""What a first-time integrator runs into, reading only /api/docs/, /api/schema/ and the README."""

import copy

import pytest

from api.throttling import AddressRateThrottle, TokenRateThrottle
from api.views.examples import SIMULTANEOUS

from .conftest import client_for
from .test_auth_and_personnel import new_employee

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


def test_the_public_determinations_endpoint_is_rate_limited_per_address(client, monkeypatch):
    # Anyone may call it, with a list of situations per call: it has the "anon" budget per address.
    monkeypatch.setattr(AddressRateThrottle, "rate", "2/min", raising=False)
    situation = {"reference_date": "2024-06-01", "residence": "NL", "employment_type": "inactive", "work": []}
    for _ in range(2):
        assert (
            client.post("/api/v1/determinations/", situation, content_type="application/json").status_code
            == 200
        )
    # Without the TLS proxy, X-Forwarded-For is the client's own text: a new one per call changes nothing.
    limited = client.post(
        "/api/v1/determinations/",
        situation,
        content_type="application/json",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert limited.json()["errors"][0]["field"] == ""
    other = client.post(
        "/api/v1/determinations/", situation, content_type="application/json", REMOTE_ADDR="192.0.2.7"
    )
    assert other.status_code == 200


@pytest.mark.parametrize("authenticated", [True, False], ids=["requests", "determinations"])
def test_a_huge_body_is_a_json_413(authenticated, employer_admin, employer, client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    body = '{"type": "posting", "contact": {"remarks": "' + "a" * (1024 * 1024) + '"}}'
    if authenticated:
        response = client_for(employer_admin).post(
            requests_url(employer), data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="nl"
        )
    else:
        response = client.post(
            "/api/v1/determinations/", data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="nl"
        )
    assert response.status_code == 413
    assert response.json() == {
        "errors": [{"field": "", "message": "De inhoud van het verzoek is te groot: hoogstens 1 MB."}]
    }


def test_created_objects_say_where_they_are(employer_admin, employer, employee):
    api = client_for(employer_admin)
    body = copy.deepcopy(SIMULTANEOUS)
    body["employee"] = employee.pk
    created = api.post(requests_url(employer), body, format="json")
    assert created.status_code == 201
    assert created["Location"] == f"http://testserver{requests_url(employer)}{created.json()['id']}/"
    assert api.get(created["Location"]).json()["id"] == created.json()["id"]

    webhook = api.post(
        f"/api/v1/employers/{employer.pk}/webhooks/", {"url": "https://payroll.example/a1"}, format="json"
    )
    assert webhook["Location"].endswith(f"/api/v1/employers/{employer.pk}/webhooks/{webhook.json()['id']}/")
    person = api.post(f"/api/v1/employers/{employer.pk}/personnel/", new_employee(), format="json")
    assert person["Location"].endswith(f"/api/v1/employers/{employer.pk}/personnel/{person.json()['id']}/")


def test_malformed_json_is_told_in_the_accept_language(employer_admin, employer, client):
    body = '{"type": "posting",\n "employee": 1 "address": {}}'
    response = client_for(employer_admin).post(
        requests_url(employer), data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="de"
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "", "message": "Der Inhalt ist kein gültiges JSON: der Fehler liegt in Zeile 2, Spalte 16."}
    ]
    determination = client.post(
        "/api/v1/determinations/", data="[1, NaN]", content_type="application/json", HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert determination.status_code == 400
    assert determination.json()["errors"][0]["message"].endswith("De inhoud is geen geldige JSON.")


@pytest.mark.parametrize("path", ["/api/v2/employers/", "/api/employers/", "/api/"])
def test_other_api_versions_answer_in_json(path, employer_admin):
    response = client_for(employer_admin).get(path, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert response.json() == {"errors": [{"field": "", "message": "Introuvable."}]}


def test_a_token_over_its_budget_gets_429_with_retry_after(employer_admin, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "rate", "2/min", raising=False)
    api = client_for(employer_admin)
    assert [api.get("/api/v1/employers/").status_code for _ in range(2)] == [200, 200]
    limited = api.get("/api/v1/employers/", HTTP_ACCEPT_LANGUAGE="nl")
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 60
    assert limited.json()["errors"][0]["field"] == ""
    assert limited["Content-Language"] == "nl"


def test_the_browsable_apis_form_post_is_not_an_unknown_field(employer_admin, employer, client):
    # A person logged in to the portal may use the HTML form of the browsable API: its post carries
    # the CSRF token with the data.
    client.force_login(employer_admin)
    response = client.post(
        f"/api/v1/employers/{employer.pk}/webhooks/",
        {"url": "https://payroll.example/a1", "csrfmiddlewaretoken": "x"},
    )
    assert response.status_code == 201, response.content


def test_the_determinations_budget_is_set_in_production_only(settings):
    """Tools check the engine through this endpoint case after case on a test or development set-up;
    its contract answers 200 or 400. A production deployment has a budget per address."""
    from django.conf import settings as django_settings

    assert django_settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["determinations"] is None
    assert AddressRateThrottle().rate is None


@pytest.mark.django_db
def test_many_determinations_in_a_row_all_answer_on_a_test_set_up(client):
    situation = {"reference_date": "2024-06-01", "residence": "NL", "employment_type": "inactive", "work": []}
    for _ in range(150):
        response = client.post("/api/v1/determinations/", situation, content_type="application/json")
        assert response.status_code == 200
