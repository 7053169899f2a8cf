import datetime as dt

import pytest

from accounts.models import Employee
from api.models import ApiToken
from api.services.tokens import token_create
from tests import factories

from .conftest import ALLOWED_ROLES, DENIED_ROLES, client_for

pytestmark = pytest.mark.django_db


def new_employee(**extra):
    data = {
        "personal_number": factories.valid_bsn(),
        "family_name": "Janssen",
        "given_names": "Piet",
        "birth_date": "1980-02-01",
        "sex": "M",
        "nationality": "NL",
        "street": "Dorpsstraat 1",
        "postal_code": "1234 AB",
        "town": "Utrecht",
        "country": "NL",
        "date_of_entry": "2010-01-01",
    }
    data.update(extra)
    return data


# --- authentication ------------------------------------------------------------------------------


def test_anonymous_gets_401_in_json(client):
    response = client.get("/api/v1/employers/")
    assert response.status_code == 401
    assert response.json() == {"errors": [{"field": "", "message": response.json()["errors"][0]["message"]}]}
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_token_is_stored_hashed_and_acts_as_its_user(employer_admin, employer):
    token, key = token_create(actor=employer_admin, name="payroll")
    assert key.startswith(token.prefix) and len(key) > 40
    assert key not in token.key_hash and ApiToken.objects.filter(key_hash=token.key_hash).count() == 1
    response = client_for(employer_admin).get("/api/v1/employers/")
    assert response.status_code == 200
    assert [e["id"] for e in response.json()["results"]] == [employer.pk]


def test_revoked_token_gets_401(revoked_token_client):
    response = revoked_token_client.get("/api/v1/employers/")
    assert response.status_code == 401
    assert "revoked" in response.json()["errors"][0]["message"]


def test_wrong_token_gets_401(client):
    response = client.get("/api/v1/employers/", HTTP_AUTHORIZATION="Bearer a1p_nonsense")
    assert response.status_code == 401


def test_token_of_deactivated_user_gets_401(employer_admin):
    api = client_for(employer_admin)
    employer_admin.is_active = False
    employer_admin.save()
    assert api.get("/api/v1/employers/").status_code == 401


def test_last_used_is_recorded(employer_admin):
    api = client_for(employer_admin)
    api.get("/api/v1/employers/")
    assert ApiToken.objects.get(user=employer_admin).last_used_at is not None


def test_session_works_for_the_browsable_api(client, employer_admin):
    client.force_login(employer_admin)
    assert client.get("/api/v1/employers/").status_code == 200


def test_unknown_api_path_is_json_404(employer_admin):
    response = client_for(employer_admin).get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["errors"][0]["message"]


# --- organisations ---------------------------------------------------------------------------------


def test_representative_lists_only_mandating_employers(representative_user, employer, other_employer):
    response = client_for(representative_user).get("/api/v1/employers/")
    assert [e["name"] for e in response.json()["results"]] == [employer.name]


@pytest.mark.parametrize("role", ALLOWED_ROLES)
def test_allowed_roles_reach_the_employer(role, as_role, employer):
    assert as_role(role).get(f"/api/v1/employers/{employer.pk}/").status_code == 200


@pytest.mark.parametrize("role", DENIED_ROLES)
def test_other_roles_get_404_for_the_employer(role, as_role, employer):
    api = as_role(role)
    listed = [e["id"] for e in api.get("/api/v1/employers/").json()["results"]]
    assert employer.pk not in listed
    for path in ("", "personnel/", "personnel/imports/"):
        response = api.get(f"/api/v1/employers/{employer.pk}/{path}")
        assert response.status_code == 404, path
        assert "errors" in response.json()


# --- personnel directory ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ALLOWED_ROLES)
def test_allowed_roles_list_search_create_update(role, as_role, employer):
    api = as_role(role)
    factories.make_employee(employer, family_name="Delporte")
    factories.make_employee(employer, family_name="Smit")
    base = f"/api/v1/employers/{employer.pk}/personnel/"
    assert api.get(base).json()["count"] == 2
    found = api.get(base, {"q": "POR"}).json()["results"]
    assert [e["family_name"] for e in found] == ["Delporte"]
    assert found[0]["personal_number"].startswith("•")

    response = api.post(base, new_employee(), format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["employment_periods"] == [{"start": "2010-01-01", "end": None}]
    assert api.get(base, {"q": created["personal_number"]}).json()["count"] == 1

    response = api.patch(f"{base}{created['id']}/", {"town": "Zwolle"}, format="json")
    assert response.status_code == 200, response.json()
    assert Employee.objects.get(pk=created["id"]).town == "Zwolle"


def test_validation_errors_have_field_paths(employer_admin, employer):
    api = client_for(employer_admin)
    base = f"/api/v1/employers/{employer.pk}/personnel/"
    response = api.post(
        base, new_employee(personal_number="123", country="XX", date_of_entry="1970-01-01"), format="json"
    )
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert "country" in fields
    response = api.post(base, new_employee(personal_number="123"), format="json")
    assert {e["field"] for e in response.json()["errors"]} == {"personal_number"}
    response = api.post(
        base,
        new_employee(
            employment_periods=[{"start": "2010-01-01"}, {"start": "2012-01-01", "end": "2011-01-01"}]
        ),
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "employment_periods[1].end"


def test_duplicate_personal_number_is_a_field_error(employer_admin, employer, employee):
    response = client_for(employer_admin).post(
        f"/api/v1/employers/{employer.pk}/personnel/",
        new_employee(personal_number=employee.personal_number),
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "personal_number"


def test_other_employer_cannot_reach_employee_by_id_or_search(
    other_admin, other_employer, employer, employee
):
    api = client_for(other_admin)
    assert api.get(f"/api/v1/employers/{employer.pk}/personnel/{employee.pk}/").status_code == 404
    # Its own employer's URL with the other's employee id: still not found.
    assert api.get(f"/api/v1/employers/{other_employer.pk}/personnel/{employee.pk}/").status_code == 404
    assert (
        api.patch(
            f"/api/v1/employers/{other_employer.pk}/personnel/{employee.pk}/", {"town": "X"}, format="json"
        ).status_code
        == 404
    )
    search = api.get(f"/api/v1/employers/{other_employer.pk}/personnel/", {"q": employee.personal_number})
    assert search.json()["count"] == 0
    employee.refresh_from_db()
    assert employee.town != "X"


@pytest.mark.parametrize("role", ["anonymous", *DENIED_ROLES])
def test_denied_roles_cannot_create(role, as_role, employer):
    response = as_role(role).post(
        f"/api/v1/employers/{employer.pk}/personnel/", new_employee(), format="json"
    )
    assert response.status_code == (401 if role == "anonymous" else 404)
    assert not Employee.objects.filter(employer=employer).exists()


def test_idempotent_create_returns_first_result(employer_admin, employer):
    api = client_for(employer_admin)
    base = f"/api/v1/employers/{employer.pk}/personnel/"
    body = new_employee()
    first = api.post(base, body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    second = api.post(base, body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    # The retry is told where the new employee is, as the first call was.
    assert first.headers["Location"] and second.headers["Location"] == first.headers["Location"]
    assert Employee.objects.filter(employer=employer).count() == 1
    other = api.post(base, new_employee(family_name="Other"), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "Idempotency-Key"


def test_employment_period_dates(employer_admin, employer):
    api = client_for(employer_admin)
    response = api.post(
        f"/api/v1/employers/{employer.pk}/personnel/",
        new_employee(
            employment_periods=[{"start": "2010-01-01", "end": "2012-12-31"}, {"start": "2014-01-01"}]
        ),
        format="json",
    )
    assert response.status_code == 201, response.json()
    employee = Employee.objects.get(pk=response.json()["id"])
    assert list(employee.employment_periods.values_list("start", "end")) == [
        (dt.date(2010, 1, 1), dt.date(2012, 12, 31)),
        (dt.date(2014, 1, 1), None),
    ]
