"""The requests API takes the posting conditions P1 and P6 (legislation.md 2.3) with the wizard's
field names, employer_substantial_activity and host_hires_out, and cannot send a request without
them, like the wizard."""

import copy

import pytest

from api.views.examples import POSTING
from postings.models import CoverageRequest
from postings.status import Status

from .conftest import client_for

pytestmark = pytest.mark.django_db

NEW = ("employer_substantial_activity", "host_hires_out")


def base(employer):
    return f"/api/v1/employers/{employer.pk}/requests/"


def posting(employee, **conditions):
    data = copy.deepcopy(POSTING)
    data["employee"] = employee.pk
    data["conditions"].update(conditions)
    return data


def test_a_create_without_the_answers_is_refused_at_their_field_path(employer_admin, employer, employee):
    data = posting(employee)
    for key in NEW:
        del data["conditions"][key]
    response = client_for(employer_admin).post(base(employer), data, format="json")
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {f"conditions.{key}" for key in NEW}
    assert not CoverageRequest.objects.exists()


@pytest.mark.parametrize(
    ("answers", "legislation", "failed"),
    [
        ({"host_hires_out": False, "employer_substantial_activity": True}, "NL", []),
        ({"host_hires_out": True}, "BE", ["ART12_1_NOT_HIRED_OUT"]),
        ({"employer_substantial_activity": False}, "BE", ["ART12_1_EMPLOYER_ACTIVITY"]),
    ],
    ids=["both-hold", "hired-out-onward", "no-substantial-activity"],
)
def test_the_answers_are_taken_and_decide_the_outcome(
    employer_admin, employer, employee, answers, legislation, failed, django_capture_on_commit_callbacks
):
    api = client_for(employer_admin)
    response = api.post(base(employer), posting(employee, **answers), format="json")
    assert response.status_code == 201, response.json()
    draft = response.json()
    for key, value in answers.items():
        assert draft["answers"]["conditions"][key] is value
    checked = api.post(f"{base(employer)}{draft['id']}/validate/").json()
    assert checked["complete"] is True
    assert checked["determination"]["legislation"] == legislation
    assert [r["code"] for r in checked["determination"]["reasons"] if not r["passed"]] == failed
    with django_capture_on_commit_callbacks(execute=True):
        sent = api.post(f"{base(employer)}{draft['id']}/submit/")
    assert sent.status_code == 200, sent.json()
    assert CoverageRequest.objects.get(pk=draft["id"]).determination["legislation"] == legislation


def test_a_draft_stored_before_the_questions_is_not_sent_until_they_are_answered(
    employer_admin, employer, employee
):
    api = client_for(employer_admin)
    draft = api.post(base(employer), posting(employee), format="json").json()
    stored = CoverageRequest.objects.get(pk=draft["id"])
    answers = stored.answers
    for key in NEW:
        del answers["conditions"][key]  # as a draft stored before the conditions step asked them
    stored.answers = answers
    stored.save()
    paths = {f"conditions.{key}" for key in NEW}

    checked = api.post(f"{base(employer)}{draft['id']}/validate/").json()
    assert checked["complete"] is False
    assert {p["field"] for p in checked["problems"]} == paths
    refused = api.post(f"{base(employer)}{draft['id']}/submit/")
    assert refused.status_code == 400
    assert {e["field"] for e in refused.json()["errors"]} == paths
    assert {e["message"] for e in refused.json()["errors"]} == {
        "Say whether the employer normally carries out substantial activities in the state it posts from.",
        "Say whether the host company will place the employee at the disposal of another company.",
    }
    assert CoverageRequest.objects.get(pk=draft["id"]).status == Status.DRAFT

    conditions = posting(employee)["conditions"]
    patched = api.patch(f"{base(employer)}{draft['id']}/", {"conditions": conditions}, format="json")
    assert patched.status_code == 200, patched.json()
    assert api.post(f"{base(employer)}{draft['id']}/submit/").status_code == 200


def test_the_openapi_description_names_both_answers(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    step = schema["components"]["schemas"]["ConditionsStep"]
    assert set(NEW) <= set(step["required"])
    assert "substantial activities" in step["properties"]["employer_substantial_activity"]["description"]
    assert "disposal of another company" in step["properties"]["host_hires_out"]["description"]
    operation = schema["paths"]["/api/v1/employers/{employer_id}/requests/"]["post"]
    examples = operation["requestBody"]["content"]["application/json"]["examples"]
    posting_example = next(e["value"] for e in examples.values() if e["value"]["type"] == "posting")
    assert set(NEW) <= set(posting_example["conditions"])
