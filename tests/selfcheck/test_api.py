"""POST /api/v1/determinations/: 200 with the determination, 400 with field paths, never a 500."""

import json

import pytest

from tests.rules.builders import load_public_cases

URL = "/api/v1/determinations/"
CASES = load_public_cases()


def post(client, body, content_type="application/json"):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data=data, content_type=content_type)


@pytest.mark.django_db
def test_single_situation(client):
    response = post(client, CASES[0]["situation"])
    assert response.status_code == 200
    assert response.json()["a1_status_code"] == "01"


@pytest.mark.django_db
def test_list_of_situations(client):
    response = post(client, [c["situation"] for c in CASES])
    assert response.status_code == 200
    body = response.json()
    assert len(body) == len(CASES)
    assert [b["legislation"] for b in body] == [c["expected"]["legislation"] for c in CASES]


@pytest.mark.django_db
def test_invalid_situation_400_with_paths(client):
    situation = json.loads(json.dumps(CASES[0]["situation"]))
    situation["work"][0]["time_pct"] = 150
    situation["posting"]["end"] = "2020-01-01"
    response = post(client, situation)
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"work[0].time_pct", "posting.end"} <= fields


@pytest.mark.django_db
def test_invalid_item_in_list(client):
    response = post(client, [CASES[0]["situation"], {"reference_date": "2024-01-01"}])
    assert response.status_code == 400
    assert all(e["field"].startswith("[1]") for e in response.json()["errors"])


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["{bad json", "", "null", "42", '"text"', "[[[]]]", "[" * 5000 + "]" * 5000])
def test_garbage_is_400_not_500(client, body):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json()["errors"]


@pytest.mark.django_db
def test_no_login_or_csrf_needed(client):
    client.handler.enforce_csrf_checks = True
    assert post(client, CASES[0]["situation"]).status_code == 200


@pytest.mark.django_db
def test_schema_documents_the_endpoint(client):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    assert "/api/v1/determinations/" in schema["paths"]
