import copy

import pytest

from api.views.examples import POSTING, SEAFARER, SIMULTANEOUS
from postings.models import CoverageRequest, RequestEvent
from postings.status import Status
from tests import factories

from .conftest import ALLOWED_ROLES, DENIED_ROLES, client_for

pytestmark = pytest.mark.django_db


def body(example, employee):
    data = copy.deepcopy(example)
    data["employee"] = employee.pk
    return data


def base(employer):
    return f"/api/v1/employers/{employer.pk}/requests/"


def create_errors(user, employer, data):
    """The errors of a create the API refuses, with their field paths."""
    response = client_for(user).post(base(employer), data, format="json")
    assert response.status_code == 400, response.json()
    return response.json()["errors"]


def create(api, employer, employee, example=POSTING, **headers):
    response = api.post(base(employer), body(example, employee), format="json", **headers)
    assert response.status_code == 201, response.json()
    return response.json()


@pytest.mark.parametrize(
    "example", [POSTING, SIMULTANEOUS, SEAFARER], ids=["posting", "simultaneous", "seafarer"]
)
def test_each_type_goes_from_draft_to_sent(
    example, employer_admin, employer, employee, django_capture_on_commit_callbacks
):
    api = client_for(employer_admin)
    draft = create(api, employer, employee, example)
    assert draft["status"] == "draft" and draft["type"] == example["type"]
    # What a write answers is the request as a later read shows it, worker and history included.
    assert api.get(f"{base(employer)}{draft['id']}/").json() == draft and draft["worker"]
    assert draft["employee"] == employee.pk
    assert api.get(f"/api/v1/employers/{employer.pk}/drafts/").json()["count"] == 1

    checked = api.post(f"{base(employer)}{draft['id']}/validate/").json()
    assert checked["complete"] is True, checked
    assert checked["determination"]["legislation"]
    assert CoverageRequest.objects.get(pk=draft["id"]).status == Status.DRAFT

    with django_capture_on_commit_callbacks(execute=True):
        sent = api.post(
            f"{base(employer)}{draft['id']}/submit/", HTTP_IDEMPOTENCY_KEY=f"send-{example['type']}"
        )
    assert sent.status_code == 200, sent.json()
    sent = sent.json()
    assert sent["transaction_number"]
    assert sent["status"] in ("submitted", "in_review")
    assert [e["kind"] for e in sent["events"]][0] == "submitted"
    listed = api.get(base(employer)).json()
    assert [r["id"] for r in listed["results"]] == [draft["id"]]
    shown = api.get(f"{base(employer)}{draft['id']}/").json()
    assert (
        shown["worker"]["family_name"] == employee.family_name
        and shown["events"] == sent["events"][:1] + shown["events"][1:]
    )


def test_incomplete_draft_is_not_sent(employer_admin, employer, employee):
    api = client_for(employer_admin)
    response = api.post(base(employer), {"type": "posting", "employee": employee.pk}, format="json")
    assert response.status_code == 201
    draft = response.json()
    checked = api.post(f"{base(employer)}{draft['id']}/validate/").json()
    assert checked["complete"] is False
    assert {"relationship", "places", "conditions", "contact"} <= {p["field"] for p in checked["problems"]}
    refused = api.post(f"{base(employer)}{draft['id']}/submit/")
    assert refused.status_code == 400
    assert "places" in {e["field"] for e in refused.json()["errors"]}
    assert CoverageRequest.objects.get(pk=draft["id"]).status == Status.DRAFT


def test_update_a_draft_step(employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = create(api, employer, employee)
    conditions = {**POSTING["conditions"], "end": "2025-12-31"}
    response = api.patch(f"{base(employer)}{draft['id']}/", {"conditions": conditions}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["requested_end"] == "2025-12-31"
    assert response.json()["answers"]["places"][0]["country"] == "BE"


def test_errors_name_the_field_path(employer_admin, employer, employee):
    api = client_for(employer_admin)
    data = body(POSTING, employee)
    data["places"] = [{"country": "XX", "location_type": "company"}]
    response = api.post(base(employer), data, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "places[0].country"
    data["places"] = [{"country": "BE", "location_type": "company"}]
    response = api.post(base(employer), data, format="json")
    assert response.status_code == 400
    assert "places[0].identification_number" in {e["field"] for e in response.json()["errors"]}
    data = body(POSTING, employee)
    data["conditions"] = {**data["conditions"], "end": "2020-01-01"}
    response = api.post(base(employer), data, format="json")
    assert {e["field"] for e in response.json()["errors"]} == {"conditions.end"}
    assert not CoverageRequest.objects.exists()


def test_employee_of_another_employer_is_refused(employer_admin, employer, other_employer):
    stranger = factories.make_employee(other_employer, family_name="Vreemd")
    response = client_for(employer_admin).post(base(employer), body(POSTING, stranger), format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "employee"


def test_idempotent_submit_makes_one_request(employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = create(api, employer, employee)
    url = f"{base(employer)}{draft['id']}/submit/"
    first = api.post(url, HTTP_IDEMPOTENCY_KEY="submit-1")
    again = api.post(url, HTTP_IDEMPOTENCY_KEY="submit-1")
    assert first.status_code == again.status_code == 200
    assert first.json()["transaction_number"] == again.json()["transaction_number"]
    assert RequestEvent.objects.filter(request_id=draft["id"], kind="submitted").count() == 1
    # Without the key, a second submit is a conflict, not a second request.
    conflict = api.post(url)
    assert conflict.status_code == 409
    assert conflict.json()["errors"][0]["field"] == "status"


def test_idempotent_create_returns_the_same_draft(employer_admin, employer, employee):
    api = client_for(employer_admin)
    first = create(api, employer, employee, HTTP_IDEMPOTENCY_KEY="create-1")
    second = create(api, employer, employee, HTTP_IDEMPOTENCY_KEY="create-1")
    assert first["id"] == second["id"]
    assert CoverageRequest.objects.count() == 1
    changed = body(POSTING, employee)
    changed["conditions"] = {**changed["conditions"], "mission": "something else"}
    response = api.post(base(employer), changed, format="json", HTTP_IDEMPOTENCY_KEY="create-1")
    assert response.status_code == 422
    assert "different" in response.json()["errors"][0]["message"]


def test_same_key_from_two_users_does_not_mix(employer_admin, filer, employer, employee):
    a, b = client_for(employer_admin), client_for(filer)
    first = create(a, employer, employee, HTTP_IDEMPOTENCY_KEY="same")
    second = create(b, employer, employee, HTTP_IDEMPOTENCY_KEY="same")
    assert first["id"] != second["id"]
    for api, draft in ((a, first), (b, second)):
        response = api.post(f"{base(employer)}{draft['id']}/submit/", HTTP_IDEMPOTENCY_KEY="same-submit")
        assert response.status_code == 200
        assert response.json()["id"] == draft["id"]
    assert CoverageRequest.objects.exclude(status=Status.DRAFT).count() == 2


def test_cancel_needs_a_reason(employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = create(api, employer, employee)
    api.post(f"{base(employer)}{draft['id']}/submit/")
    url = f"{base(employer)}{draft['id']}/cancel/"
    missing = api.post(url, {"reason": ""}, format="json")
    assert missing.status_code == 400 and missing.json()["errors"][0]["field"] == "reason"
    response = api.post(url, {"reason": "The project was called off."}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert response.json()["events"][-1]["reason"] == "The project was called off."
    assert api.post(url, {"reason": "again"}, format="json").status_code == 409


def test_extend_makes_a_draft_for_the_next_period(employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = create(api, employer, employee)
    api.post(f"{base(employer)}{draft['id']}/submit/")
    response = api.post(f"{base(employer)}{draft['id']}/extend/", {"new_end": "2026-08-31"}, format="json")
    assert response.status_code == 201, response.json()
    extension = response.json()
    assert extension["status"] == "draft" and extension["extends"] == draft["id"]
    assert (extension["requested_start"], extension["requested_end"]) == ("2026-03-01", "2026-08-31")
    too_early = api.post(f"{base(employer)}{draft['id']}/extend/", {"new_end": "2025-06-01"}, format="json")
    assert too_early.status_code == 400 and too_early.json()["errors"][0]["field"] == "new_end"


def test_list_uses_the_consult_filters(employer_admin, employer, employee):
    api = client_for(employer_admin)
    other = factories.make_employee(employer, family_name="Smit")
    for worker in (employee, other):
        draft = create(api, employer, worker)
        api.post(f"{base(employer)}{draft['id']}/submit/")
    found = api.get(base(employer), {"worker": "delp"}).json()
    assert [r["worker_name"] for r in found["results"]] == [f"{employee.family_name}, {employee.given_names}"]
    assert api.get(base(employer), {"personal_number": other.personal_number}).json()["count"] == 1
    assert api.get(base(employer), {"status": "in_progress"}).json()["count"] == 2
    ordered = api.get(base(employer), {"sort": "worker"}).json()["results"]
    assert [r["worker_name"][:4] for r in ordered] == ["Delp", "Smit"]
    bad = api.get(base(employer), {"state_of_work": "XX"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "state_of_work"


@pytest.mark.parametrize("role", ALLOWED_ROLES)
def test_allowed_roles_file_requests(role, as_role, employer, employee):
    api = as_role(role)
    draft = create(api, employer, employee)
    assert api.post(f"{base(employer)}{draft['id']}/submit/").status_code == 200


@pytest.mark.parametrize("role", ["anonymous", *DENIED_ROLES])
def test_denied_roles_never_reach_requests(role, as_role, employer_admin, employer, employee):
    owner = client_for(employer_admin)
    draft = create(owner, employer, employee)
    owner.post(f"{base(employer)}{draft['id']}/submit/")
    api = as_role(role)
    expected = 401 if role == "anonymous" else 404
    url = f"{base(employer)}{draft['id']}/"
    assert api.get(base(employer)).status_code == expected
    assert api.get(f"/api/v1/employers/{employer.pk}/drafts/").status_code == expected
    assert api.get(url).status_code == expected
    for action, data in (
        ("validate/", {}),
        ("submit/", {}),
        ("cancel/", {"reason": "x"}),
        ("extend/", {"new_end": "2027-01-01"}),
    ):
        assert api.post(url + action, data, format="json").status_code == expected, action
    assert api.post(base(employer), body(POSTING, employee), format="json").status_code == expected
    assert api.get(url + "certificate/").status_code == expected
    assert CoverageRequest.objects.get(pk=draft["id"]).status != Status.CANCELLED
    assert CoverageRequest.objects.count() == 1


def test_own_employer_url_with_other_employers_request_id_is_404(
    other_admin, other_employer, employer_admin, employer, employee
):
    draft = create(client_for(employer_admin), employer, employee)
    api = client_for(other_admin)
    url = f"{base(other_employer)}{draft['id']}/"
    assert api.get(url).status_code == 404
    assert api.patch(url, {"contact": POSTING["contact"]}, format="json").status_code == 404
    assert api.post(url + "submit/").status_code == 404
    assert api.delete(url).status_code == 404
    assert api.get(base(other_employer), {"worker": "delp"}).json()["count"] == 0


def test_discard_a_draft(employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = create(api, employer, employee)
    assert api.delete(f"{base(employer)}{draft['id']}/").status_code == 204
    assert not CoverageRequest.objects.exists()


def test_validate_says_the_engines_errors_in_the_accept_language(employer_admin, employer, employee):
    """The engine's input errors in the validation's findings follow Accept-Language; paths stay."""
    api = client_for(employer_admin)
    draft = create(api, employer, employee)
    type(employee).objects.filter(pk=employee.pk).update(country="XX")  # a residence the engine rejects
    url = f"{base(employer)}{draft['id']}/validate/"
    english = {f["code"]: f["message"] for f in api.post(url).json()["flags"]}
    assert (
        "residence: 'XX' is not an ISO 3166-1 alpha-2 country code in upper case."
        in english["SITUATION_INVALID"]
    )
    german = {f["code"]: f["message"] for f in api.post(url, HTTP_ACCEPT_LANGUAGE="de").json()["flags"]}
    assert (
        "residence: 'XX' ist kein ISO-3166-1-Alpha-2-Ländercode in Großbuchstaben."
        in german["SITUATION_INVALID"]
    )
    assert "is not an ISO" not in german["SITUATION_INVALID"]
