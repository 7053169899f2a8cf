"""Every request-body example of the generated schema works when sent as it stands: an integrator
copies them from /api/docs/. Only what an example cannot know is filled in: the ids in the path and
the worker's id in the caller's own directory."""

import pytest

from .conftest import client_for
from .test_requests import create

pytestmark = pytest.mark.django_db


def examples(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            for body in content.values():
                for name, example in body.get("examples", {}).items():
                    yield f"{method.upper()} {path} {name}", path, method, example["value"]


def test_every_request_example_in_the_schema_succeeds(
    client, employer_admin, employer, employee, django_capture_on_commit_callbacks
):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    api = client_for(employer_admin)
    sent = create(api, employer, employee)
    with django_capture_on_commit_callbacks(execute=True):
        api.post(f"/api/v1/employers/{employer.pk}/requests/{sent['id']}/submit/")
    found = list(examples(schema))
    assert len(found) >= 7, [f[0] for f in found]
    failures = []
    for label, path, method, value in found:
        url = path.replace("{employer_id}", str(employer.pk)).replace("{id}", str(sent["id"]))
        if isinstance(value, dict) and "employee" in value:
            value = {**value, "employee": employee.pk}
        response = getattr(api, method)(url, value, format="json")
        if not 200 <= response.status_code < 300:
            failures.append((label, response.status_code, response.json()))
    assert not failures, failures
