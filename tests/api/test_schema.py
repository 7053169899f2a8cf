import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    return response.json()


def test_bearer_scheme_and_determinations_are_described(schema):
    assert schema["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schema["components"]["securitySchemes"]["bearerAuth"]["description"],
    }
    assert "/api/v1/determinations/" in schema["paths"]
    operation = schema["paths"]["/api/v1/employers/{employer_id}/requests/"]["post"]
    assert {"bearerAuth": []} in operation["security"]


def test_each_request_type_has_an_example(schema):
    operation = schema["paths"]["/api/v1/employers/{employer_id}/requests/"]["post"]
    examples = operation["requestBody"]["content"]["application/json"]["examples"]
    assert {e["value"]["type"] for e in examples.values()} == {"posting", "simultaneous", "seafarer"}


def test_every_api_field_is_described(schema):
    undocumented = []

    def walk(name, node, path):
        for key, prop in (node.get("properties") or {}).items():
            if "description" not in prop and "$ref" not in prop and not prop.get("allOf"):
                undocumented.append(f"{name}.{key}")

    for name, component in schema["components"]["schemas"].items():
        if component.get("type") == "object":
            walk(name, component, "")
    assert not undocumented, undocumented


def test_errors_are_documented_in_one_shape(schema):
    operation = schema["paths"]["/api/v1/employers/{employer_id}/personnel/"]["post"]
    for code in ("400", "401", "404", "422"):
        ref = operation["responses"][code]["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith("/Error")


def test_response_headers_are_documented(schema):
    create = schema["paths"]["/api/v1/employers/{employer_id}/requests/"]["post"]["responses"]
    assert "Location" in create["201"]["headers"]
    assert "Idempotent-Replayed" in create["201"]["headers"]
    assert "Retry-After" in create["429"]["headers"]
    assert "413" in create
    listing = schema["paths"]["/api/v1/employers/{employer_id}/requests/"]["get"]["responses"]
    assert "Location" not in listing["200"].get("headers", {}) and "413" not in listing
    assert (
        "Location"
        in schema["paths"]["/api/v1/employers/{employer_id}/personnel/imports/"]["post"]["responses"]["202"][
            "headers"
        ]
    )
    determine = schema["paths"]["/api/v1/determinations/"]["post"]["responses"]
    assert "Retry-After" in determine["429"]["headers"] and "413" in determine


def test_a_webhook_delivery_is_described(schema):
    callback = schema["paths"]["/api/v1/employers/{employer_id}/webhooks/"]["post"]["callbacks"]["delivery"]
    operation = callback["{$request.body#/url}"]["post"]
    # The Standard Webhooks headers, each described as a header of the delivery.
    headers = {p["name"]: p for p in operation["parameters"] if p["in"] == "header"}
    assert set(headers) == {"webhook-id", "webhook-timestamp", "webhook-signature", "X-Portal-Event"}
    assert "{webhook-id}.{webhook-timestamp}" in headers["webhook-signature"]["description"]
    assert "5 minutes" in operation["description"] and "X-Portal-Signature" not in operation["description"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    properties = schema["components"]["schemas"][body]["properties"]
    assert set(properties) >= {"id", "event", "request", "certificate"}


def test_the_page_size_says_its_bounds(schema):
    parameters = schema["paths"]["/api/v1/employers/{employer_id}/requests/"]["get"]["parameters"]
    page_size = next(p for p in parameters if p["name"] == "page_size")
    assert "1 to 100" in page_size["description"]
