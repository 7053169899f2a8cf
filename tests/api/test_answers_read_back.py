"""A request's answers read back in the shape the API takes them: a payroll program GETs a draft,
changes one value and PATCHes it back; sent back unchanged, nothing changes. The same holds for a
draft typed on the wizard's pages. The contact person's number stays masked, and its mask sent back
means "unchanged"."""

import copy

import pytest
from django.urls import reverse

from api.views.examples import POSTING, SEAFARER, SIMULTANEOUS
from postings.models import CoverageRequest
from postings.services.drafts import WIZARD_KEY
from tests.postings.wizard_helpers import CONDITIONS, CONTACT, places_data, post_step, start, step_url

from .conftest import client_for
from .test_requests import base, body, create

pytestmark = pytest.mark.django_db

TYPES = pytest.mark.parametrize(
    "example", [POSTING, SIMULTANEOUS, SEAFARER], ids=["posting", "simultaneous", "seafarer"]
)
# One value each type's program changes after reading the draft back.
CHANGES = {
    "posting": (("conditions", "mission"), "Repairing the bridge"),
    "simultaneous": (("period", "end"), "2026-06-30"),
    "seafarer": (("ship", "name"), "Oosterdam"),
}
NUMBER, MASK = "111222333", "•••••2333"


def stored(draft_id) -> dict:
    """What the draft holds, the wizard's own page state left out (the typed form data)."""
    answers = CoverageRequest.objects.get(pk=draft_id).answers
    return {step: value for step, value in answers.items() if step != WIZARD_KEY}


def url(employer, draft_id):
    return f"{base(employer)}{draft_id}/"


def outcome(api, employer, draft_id) -> dict:
    checked = api.post(f"{url(employer, draft_id)}validate/").json()
    return {"determination": checked["determination"], "flags": checked["flags"]}


def assert_round_trip(api, employer, draft_id, kind):
    """GET → PATCH the answers unchanged: 200 and nothing changes; then change one value."""
    read = api.get(url(employer, draft_id)).json()
    before, decided = stored(draft_id), outcome(api, employer, draft_id)
    response = api.patch(url(employer, draft_id), read["answers"], format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["answers"] == read["answers"]
    assert stored(draft_id) == before
    assert outcome(api, employer, draft_id) == decided

    answers = copy.deepcopy(read["answers"])
    (step, name), value = CHANGES[kind]
    answers[step][name] = value
    response = api.patch(url(employer, draft_id), answers, format="json")
    assert response.status_code == 200, response.json()
    assert stored(draft_id)[step][name] == value
    again = api.get(url(employer, draft_id)).json()["answers"]
    assert again[step][name] == value
    assert {k: v for k, v in again.items() if k != step} == {
        k: v for k, v in read["answers"].items() if k != step
    }


@TYPES
def test_answers_read_back_as_they_were_sent(example, employer_admin, employer, employee):
    api = client_for(employer_admin)
    sent = body(example, employee)
    draft = create(api, employer, employee, example)
    answers = api.get(url(employer, draft["id"])).json()["answers"]
    assert set(answers) == set(sent) - {"type"}
    for step, value in sent.items():
        if step == "type":
            continue
        if isinstance(value, dict):
            given = {k: v for k, v in value.items() if k != "personal_number"}
            if step == "ship":  # the IMO number as the wizard keeps it: its 7 digits
                given["imo_number"] = given["imo_number"].removeprefix("IMO ")
            assert {k: answers[step][k] for k in given} == given, step
        elif step == "places":
            # Every value as sent, a share of working time a number as sent (60.0 is 60).
            assert [{k: p[k] for k in given} for p, given in zip(answers[step], value, strict=True)] == value
        else:
            assert answers[step] == value, step
    # Nothing of the wizard's own keeping: its search words, its derived tick box, its page state.
    assert "query" not in str(answers) and "also_issuing_state" not in answers and WIZARD_KEY not in answers


@TYPES
def test_each_type_round_trips(example, employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = create(api, employer, employee, example)
    assert_round_trip(api, employer, draft["id"], example["type"])


def test_ask_art16_reads_back_at_the_top(employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = create(api, employer, employee, {**POSTING, "ask_art16": True})
    assert draft["answers"]["ask_art16"] is True
    assert_round_trip(api, employer, draft["id"], "posting")


def walk_the_pages(client, kind, employee):
    """A draft typed in the wizard, with what only the pages ask or keep: the employee search's
    words, paper delivery, a ship's IMO number with a wrong check digit, the tick box for the
    issuing state and the contact person's number."""
    wizard = f"{kind}_wizard"
    draft = start(client, kind)
    post_step(client, draft, "employee", {"query": "Delp", "employee": employee.pk}, wizard)
    post_step(client, draft, "address", {"temp_differs": "no"}, wizard)
    classification = "transport_road_rail" if kind == "simultaneous" else "employed"
    relationship = {"date_of_entry": "2015-01-01", "private_sector": "yes", "classification": classification}
    post_step(client, draft, "relationship", relationship, wizard)
    contact = {**CONTACT, "output_channel": "paper"}
    if kind == "posting":
        place = {"country": "BE", "location_type": "construction_site", "description": "Quay", "town": "Gent"}
        post_step(client, draft, "places", places_data([place]), wizard)
        post_step(client, draft, "conditions", CONDITIONS, wizard)
    elif kind == "simultaneous":
        post_step(client, draft, "states", {"state_1": "BE", "also_issuing_state": "on"}, wizard)
        places = [
            {"country": "BE", "location_type": "region", "name": "Flanders", "time_pct": "62.5"},
            {"country": "NL", "location_type": "region", "name": "Randstad", "time_pct": "37.5"},
        ]
        post_step(client, draft, "places", places_data(places), wizard)
        post_step(
            client, draft, "period", {"start": "2025-03-01", "end": "2026-02-28", "language": "en"}, wizard
        )
        contact["personal_number"] = NUMBER
    else:
        ship = {
            "name": "Zeeland",
            "imo_number": "IMO 9074728",
            "flag_state": "MT",
            "territorial_waters_or_port": "no",
        }
        post_step(client, draft, "ship", ship, wizard)
        post_step(client, draft, "conditions", CONDITIONS, wizard)
    response = post_step(client, draft, "contact", contact, wizard)
    assert response["Location"] == step_url(draft, "check"), response.content.decode()[:2000]
    return draft


@TYPES
def test_a_draft_typed_on_the_pages_reads_back_in_the_api_shape_and_round_trips(
    example, client, employer_admin, employer, employee
):
    kind = example["type"]
    client.force_login(employer_admin)
    draft = walk_the_pages(client, kind, employee)
    api = client_for(employer_admin)
    answers = api.get(url(employer, draft.pk)).json()["answers"]
    assert answers["employee"] == employee.pk
    assert answers["contact"]["output_channel"] == "paper"
    if kind == "simultaneous":
        assert answers["states"] == ["BE", "NL"]
        assert [p["time_pct"] for p in answers["places"]] == [62.5, 37.5]
        assert answers["contact"]["personal_number"] == MASK
    if kind == "seafarer":
        assert answers["ship"]["imo_number"] == "9074728" and answers["ship"]["imo_warning"] is True
    assert_round_trip(api, employer, draft.pk, kind)
    # What only the pages keep is still there: the search's words and the paper delivery.
    kept = stored(draft.pk)
    assert kept["employee"]["query"] == "Delp" and kept["contact"]["output_channel"] == "paper"
    if kind == "simultaneous":
        assert kept["contact"]["personal_number"] == NUMBER and kept["states"]["also_issuing_state"]
    # And the page still opens the draft's answers as typed.
    page = client.get(step_url(draft, "contact")).content.decode()
    assert 'value="paper"' in page and "checked" in page.split('value="paper"')[1][:80]


def simultaneous_with_number(api, employer, employee, number=NUMBER):
    data = body(SIMULTANEOUS, employee)
    data["contact"]["personal_number"] = number
    return create(api, employer, employee, {**data, "employee": employee.pk})


def test_the_contact_persons_number_stays_masked_and_its_mask_means_unchanged(
    employer_admin, employer, employee
):
    api = client_for(employer_admin)
    draft = simultaneous_with_number(api, employer, employee)
    read = api.get(url(employer, draft["id"]))
    assert read.json()["answers"]["contact"]["personal_number"] == MASK
    assert NUMBER not in read.content.decode()
    listed = api.get(f"/api/v1/employers/{employer.pk}/drafts/")
    assert listed.json()["results"][0]["answers"]["contact"]["personal_number"] == MASK
    assert NUMBER not in listed.content.decode()

    contact = read.json()["answers"]["contact"]
    changed = api.patch(
        url(employer, draft["id"]), {"contact": {**contact, "phone": "+31 20 765 4321"}}, format="json"
    )
    assert changed.status_code == 200, changed.json()
    assert stored(draft["id"])["contact"]["personal_number"] == NUMBER
    assert changed.json()["answers"]["contact"]["personal_number"] == MASK


def test_a_mask_that_is_not_the_stored_numbers_is_refused_at_its_field(employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = simultaneous_with_number(api, employer, employee)
    contact = {**draft["answers"]["contact"], "personal_number": "•••••9999"}
    refused = api.patch(url(employer, draft["id"]), {"contact": contact}, format="json")
    assert refused.status_code == 400
    assert [e["field"] for e in refused.json()["errors"]] == ["contact.personal_number"]
    assert stored(draft["id"])["contact"]["personal_number"] == NUMBER


def test_a_new_number_replaces_the_stored_one_and_empty_removes_it(employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = simultaneous_with_number(api, employer, employee)
    contact = {**draft["answers"]["contact"], "personal_number": "123456782"}
    changed = api.patch(url(employer, draft["id"]), {"contact": contact}, format="json")
    assert changed.status_code == 200, changed.json()
    assert stored(draft["id"])["contact"]["personal_number"] == "123456782"
    assert changed.json()["answers"]["contact"]["personal_number"] == "•••••6782"
    removed = api.patch(
        url(employer, draft["id"]), {"contact": {**contact, "personal_number": ""}}, format="json"
    )
    assert removed.status_code == 200 and stored(draft["id"])["contact"]["personal_number"] == ""


def test_a_mask_sent_with_a_new_draft_is_not_a_number(employer_admin, employer, employee):
    api = client_for(employer_admin)
    data = body(SIMULTANEOUS, employee)
    data["contact"]["personal_number"] = MASK
    response = api.post(base(employer), data, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["contact.personal_number"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda a: a["places"][0].update(country="XX"), "places[0].country"),
        (lambda a: a["places"][0].update(postcode="1000"), "places[0].postcode"),
        (lambda a: a["conditions"].update(end="2020-01-01"), "conditions.end"),
        (lambda a: a["contact"].update(output_channel="pigeon"), "contact.output_channel"),
    ],
    ids=["unknown-country", "unknown-field", "end-before-start", "unknown-channel"],
)
def test_a_read_back_changed_wrongly_is_refused_at_the_field_path(
    change, path, employer_admin, employer, employee
):
    api = client_for(employer_admin)
    draft = create(api, employer, employee)
    before = stored(draft["id"])
    answers = copy.deepcopy(draft["answers"])
    change(answers)
    response = api.patch(url(employer, draft["id"]), answers, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [path]
    assert stored(draft["id"]) == before


def test_the_schema_reads_and_takes_the_answers_as_one_model(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    components = schema["components"]["schemas"]
    assert "PatchedAnswers" not in components
    patch = schema["paths"]["/api/v1/employers/{employer_id}/requests/{id}/"]["patch"]
    assert (
        patch["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        == "#/components/schemas/Answers"
    )
    for read in ("Request", "RequestDetail"):
        answers = components[read]["properties"]["answers"]
        assert answers["allOf"] == [{"$ref": "#/components/schemas/Answers"}] and answers["readOnly"]
    # A create takes the same steps, each the same model.
    create_steps = components["DraftCreate"]["properties"]
    for step, prop in components["Answers"]["properties"].items():
        assert create_steps[step] == prop, step
    assert components["PlaceStep"]["properties"]["time_pct"]["type"] == "number"
    assert (
        "Sent back exactly as read"
        in components["ContactStep"]["properties"]["personal_number"]["description"]
    )


def test_the_page_for_a_draft_still_opens_after_an_api_round_trip(client, employer_admin, employer, employee):
    api = client_for(employer_admin)
    draft = create(api, employer, employee)
    api.patch(url(employer, draft["id"]), draft["answers"], format="json")
    client.force_login(employer_admin)
    request = CoverageRequest.objects.get(pk=draft["id"])
    page = client.get(step_url(request, "conditions"))
    assert page.status_code == 200 and "Building a bridge in Antwerp" in page.content.decode()
    assert (
        client.get(reverse("postings:wizard_step", kwargs={"pk": request.pk, "step": "check"})).status_code
        == 200
    )


def test_four_states_and_the_issuing_one_ticked_on_the_pages_round_trip(
    client, employer_admin, employer, employee
):
    """The wizard takes four states besides the issuing state (its tick box): five in the read-back."""
    client.force_login(employer_admin)
    wizard = "simultaneous_wizard"
    draft = start(client, "simultaneous")
    post_step(client, draft, "employee", {"employee": employee.pk}, wizard)
    post_step(client, draft, "address", {"temp_differs": "no"}, wizard)
    relationship = {
        "date_of_entry": "2015-01-01",
        "private_sector": "yes",
        "classification": "transport_road_rail",
    }
    post_step(client, draft, "relationship", relationship, wizard)
    states = {"state_1": "BE", "state_2": "DE", "state_3": "FR", "state_4": "LU", "also_issuing_state": "on"}
    post_step(client, draft, "states", states, wizard)
    places = [
        {"country": c, "location_type": "region", "name": c, "time_pct": "20"}
        for c in ("BE", "DE", "FR", "LU", "NL")
    ]
    post_step(client, draft, "places", places_data(places), wizard)
    post_step(client, draft, "period", {"start": "2025-03-01", "end": "2026-02-28", "language": "en"}, wizard)
    post_step(client, draft, "contact", CONTACT, wizard)
    api = client_for(employer_admin)
    assert api.get(url(employer, draft.pk)).json()["answers"]["states"] == ["BE", "DE", "FR", "LU", "NL"]
    assert_round_trip(api, employer, draft.pk, "simultaneous")


@pytest.mark.parametrize(
    ("states", "created"),
    [
        (["BE", "DE", "FR", "LU", "NL"], True),
        (["NL", "BE", "DE", "FR", "LU"], True),
        (["BE", "DE", "FR", "LU", "AT"], False),
        (["BE", "DE", "FR", "LU", "NL", "NL"], False),
    ],
    ids=["issuing-last", "issuing-first", "five-others", "six"],
)
def test_the_api_takes_as_many_states_as_the_wizard(states, created, employer_admin, employer, employee):
    data = body(SIMULTANEOUS, employee)
    data["states"] = states
    share = 100 / len(set(states))
    data["places"] = [
        {"country": c, "location_type": "region", "name": c, "time_pct": share} for c in dict.fromkeys(states)
    ]
    response = client_for(employer_admin).post(base(employer), data, format="json")
    if created:
        assert response.status_code == 201, response.json()
        assert response.json()["answers"]["states"] == ["BE", "DE", "FR", "LU", "NL"]
    else:
        assert response.status_code == 400
        assert [e["field"] for e in response.json()["errors"]] == ["states"]
        assert not CoverageRequest.objects.exists()
