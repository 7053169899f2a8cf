"""Property-based run of schemathesis against the OpenAPI description: no 500, no response that breaks
the schema. Every operation of /api/v1/ gets a bounded, deterministic number of generated calls made
with a real token, against an employer with a person, a draft and a sent request."""

import collections
import copy

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.specs.openapi.checks import response_schema_conformance

from api.services.tokens import token_create
from api.views.examples import POSTING
from coverage_portal.wsgi import application

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 15


def not_a_server_error(ctx, response, case):
    assert response.status_code < 500, f"{case.method} {case.formatted_path} answered {response.status_code}"


@pytest.fixture
def keep_the_test_connection(api_world):
    """Calling the WSGI application directly fires request_started/finished, whose
    close_old_connections would close the test's open transaction on PostgreSQL; Django's own test
    client disconnects it the same way (and reconnects after each of its requests, hence after
    api_world)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_world(employer_admin, employer, employee, django_capture_on_commit_callbacks):
    from rest_framework.test import APIClient

    _token, key = token_create(actor=employer_admin, name="schemathesis")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    body = copy.deepcopy(POSTING)
    body["employee"] = employee.pk
    base = f"/api/v1/employers/{employer.pk}/requests/"
    sent = client.post(base, body, format="json").json()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{base}{sent['id']}/submit/")
    draft = client.post(base, body, format="json").json()
    return {"key": key, "employer": employer.pk, "ids": [employee.pk, sent["id"], draft["id"]]}


def test_api_never_answers_500_nor_breaks_its_schema(api_world, keep_the_test_connection):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    operations = [
        result.ok()
        for result in schema.get_all_operations()
        if result.ok().path.startswith("/api/v1/employers")
    ]
    assert len(operations) >= 20
    failures = []
    STATS = []
    for operation in operations:
        strategy = operation.as_strategy()

        @given(case=strategy)
        @settings(
            max_examples=MAX_EXAMPLES,
            derandomize=True,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            # Mostly the real employer and real objects, so calls get past the 404 and into the views.
            if "employer_id" in (case.path_parameters or {}):
                case.path_parameters["employer_id"] = api_world["employer"]
            if "id" in (case.path_parameters or {}) and case.path_parameters["id"] % 2 == 0:
                case.path_parameters["id"] = api_world["ids"][case.path_parameters["id"] % 3]
            response = case.call(headers={"Authorization": f"Bearer {api_world['key']}"})
            STATS.append((case.method, case.path, response.status_code))
            case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])

        try:
            run()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    assert not failures, "\n\n".join(failures)
    # The run got past authentication and the 404s into the views: reads, creates and updates succeeded.
    outcomes = collections.Counter(status // 100 for _m, _p, status in STATS)
    assert outcomes[2] >= 50, outcomes
    assert not [s for s in STATS if s[2] == 403], "the token's owner may do all of this"
