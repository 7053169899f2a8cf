import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from postings.models import CoverageRequest, PlaceOfWork, ResidenceStatement
from postings.situation import situation_from_request
from postings.status import Status
from tests import factories

from .conftest import make_request
from .test_posting_wizard import P, send, walk_to_check
from .wizard_helpers import CONDITIONS, CONTACT, places_data, post_step, start, step_url

S = "simultaneous_wizard"


def simultaneous_to_places(client, draft, employee):
    post_step(client, draft, "employee", {"query": employee.family_name[:3], "employee": employee.pk}, S)
    post_step(client, draft, "address", {}, S)
    post_step(
        client,
        draft,
        "relationship",
        {"date_of_entry": "2015-01-01", "private_sector": "yes", "classification": "transport_road_rail"},
        S,
    )
    response = post_step(client, draft, "states", {"state_1": "BE", "also_issuing_state": "on"}, S)
    assert response["Location"] == step_url(draft, "places")


def region(country, share):
    return {"country": country, "location_type": "region", "time_pct": share}


def test_simultaneous_shares_must_total_100_and_map_to_the_engine(logged_in, employee, engine, settings):
    draft = start(logged_in, "simultaneous")
    simultaneous_to_places(logged_in, draft, employee)
    page = post_step(logged_in, draft, "places", places_data([region("BE", "60"), region("NL", "30")]), S)
    assert "add up to 90 %" in page.content.decode()
    response = post_step(logged_in, draft, "places", places_data([region("BE", "60"), region("NL", "40")]), S)
    assert response["Location"] == step_url(draft, "period")
    response = post_step(
        logged_in, draft, "period", {"start": "2025-03-01", "end": "2026-02-28", "language": "en"}, S
    )
    assert response["Location"] == step_url(draft, "contact")  # lives in NL: no statement step
    post_step(logged_in, draft, "contact", CONTACT, S)
    check = logged_in.get(step_url(draft, "check")).content.decode()
    assert check.count("Share of working time (%)") == 2  # once per place
    assert "<dd>60</dd>" in check and "<dd>40</dd>" in check
    post_step(logged_in, draft, "check", {"submission_key": "sim"}, S)
    logged_in.get(step_url(draft, "done"))
    sent = CoverageRequest.objects.get(pk=draft.pk)
    assert sent.status == Status.SUBMITTED and sent.state_of_work == "BE"
    assert [float(p.time_pct) for p in PlaceOfWork.objects.filter(request=sent)] == [60.0, 40.0]
    situation = situation_from_request(sent)
    assert situation["work"] == [
        {"country": "BE", "time_pct": 60, "remuneration_pct": 60, "activity": "employed"},
        {"country": "NL", "time_pct": 40, "remuneration_pct": 40, "activity": "employed"},
    ]
    assert situation["posting"] is None and situation["employment_type"] == "employed"


def test_resident_abroad_must_upload_a_recent_pdf_statement(logged_in, employer, engine, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    belgian = factories.make_employee(employer, family_name="Peeters", country="BE")
    draft = start(logged_in, "simultaneous")
    simultaneous_to_places(logged_in, draft, belgian)
    post_step(logged_in, draft, "places", places_data([region("BE", "50"), region("NL", "50")]), S)
    response = post_step(
        logged_in, draft, "period", {"start": "2025-03-01", "end": "2026-02-28", "language": "nl"}, S
    )
    assert response["Location"] == step_url(draft, "statement")
    today = timezone.localdate()
    url = step_url(draft, "statement")
    base = {f"{S}-current_step": "statement"}
    old = (today - dt.timedelta(days=70)).isoformat()
    pdf = SimpleUploadedFile("s.pdf", b"%PDF-1.4 statement", content_type="application/pdf")
    page = logged_in.post(
        url, {**base, "statement-statement_date": old, "statement-file": pdf}
    ).content.decode()
    assert "older than two months" in page
    # The browser cannot show the chosen file again: the page says to choose it again.
    assert "Choose the file again: it is kept only once the page has no errors." in page
    assert not ResidenceStatement.objects.filter(request=draft).exists()
    text = SimpleUploadedFile("s.pdf", b"hello", content_type="application/pdf")
    page = logged_in.post(
        url, {**base, "statement-statement_date": today.isoformat(), "statement-file": text}
    )
    assert "The file must be a PDF." in page.content.decode()
    pdf = SimpleUploadedFile("s.pdf", b"%PDF-1.4 statement", content_type="application/pdf")
    response = logged_in.post(
        url, {**base, "statement-statement_date": today.isoformat(), "statement-file": pdf}
    )
    assert response["Location"] == step_url(draft, "contact")
    statement = ResidenceStatement.objects.get(request=draft)
    assert statement.statement_date == today and statement.file.read().startswith(b"%PDF-")


def test_seafarer_request_with_the_ship_as_place_of_work(logged_in, employee, engine):
    w = "seafarer_wizard"
    draft = start(logged_in, "seafarer")
    post_step(logged_in, draft, "employee", {"query": "por", "employee": employee.pk}, w)
    post_step(logged_in, draft, "address", {}, w)
    post_step(
        logged_in,
        draft,
        "relationship",
        {"date_of_entry": "2015-01-01", "private_sector": "yes", "classification": "employed"},
        w,
    )
    ship = {
        "name": "Zeeland",
        "imo_number": "IMO 9074729",
        "flag_state": "MT",
        "territorial_waters_or_port": "no",
    }
    assert post_step(logged_in, draft, "ship", ship, w)["Location"] == step_url(draft, "conditions")
    post_step(logged_in, draft, "conditions", CONDITIONS, w)
    post_step(logged_in, draft, "contact", CONTACT, w)
    logged_in.get(step_url(draft, "check"))
    assert engine[-1]["employment_type"] == "seafarer" and engine[-1]["flag_state"] == "MT"
    post_step(logged_in, draft, "check", {"submission_key": "sea"}, w)
    logged_in.get(step_url(draft, "done"))
    sent = CoverageRequest.objects.get(pk=draft.pk)
    assert sent.status == Status.SUBMITTED and sent.state_of_work == "MT"
    assert PlaceOfWork.objects.get(request=sent).imo_number == "9074729"


def test_reuse_for_another_period_only_asks_for_the_dates(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    send(logged_in, draft)
    response = logged_in.post(reverse("postings:reuse", args=[draft.pk, "other_period"]))
    new = CoverageRequest.objects.latest("pk")
    assert response["Location"] == step_url(new, "conditions")
    assert new.based_on_id == draft.pk and new.status == Status.DRAFT
    page = logged_in.get(response["Location"]).content.decode()
    assert 'value="Building a bridge"' not in page  # the textarea holds it
    assert "Building a bridge" in page and "There is a problem" not in page
    post_step(logged_in, new, "conditions", {**CONDITIONS, "start": "2026-03-01", "end": "2026-12-31"}, P)
    post_step(logged_in, new, "contact", CONTACT, P)
    check = logged_in.get(step_url(new, "check")).content.decode()
    assert "Brugbouw NV" in check and "Delporte" in check


def test_reuse_for_another_employee_opens_the_employee_step(logged_in, employer, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    send(logged_in, draft)
    response = logged_in.post(reverse("postings:reuse", args=[draft.pk, "other_employee"]))
    new = CoverageRequest.objects.latest("pk")
    assert response["Location"] == step_url(new, "employee")
    assert "employee" not in new.answers and new.answers["places"]["places"][0]["name"] == "Brugbouw NV"


def test_extend_sets_extends_and_the_new_period(logged_in, employer, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    send(logged_in, draft)
    url = reverse("postings:extend", args=[draft.pk])
    assert "must be after" in logged_in.post(url, {"new_end": "2025-06-01"}).content.decode()
    response = logged_in.post(url, {"new_end": "2026-06-30"})
    new = CoverageRequest.objects.latest("pk")
    assert new.extends_id == draft.pk and response["Location"] == step_url(new, "conditions")
    assert (
        new.answers["conditions"]["start"] == "2026-01-01"
        and new.answers["conditions"]["end"] == "2026-06-30"
    )


def test_previous_posting_end_comes_from_the_workers_earlier_request(employer, employee, employer_admin):
    make_request(
        employer,
        employee,
        state_of_work="BE",
        requested_start=dt.date(2023, 1, 1),
        requested_end=dt.date(2023, 6, 30),
    )
    make_request(
        employer,
        employee,
        state_of_work="BE",
        requested_start=dt.date(2024, 1, 1),
        requested_end=dt.date(2024, 3, 31),
        status=Status.CANCELLED,
    )
    request = CoverageRequest(
        type="posting",
        employer=employer,
        employee=employee,
        created_by=employer_admin,
        answers={
            "places": {"places": [{"country": "BE"}]},
            "conditions": {
                "start": "2025-01-01",
                "end": "2025-06-30",
                "host_contract": True,
                "insured_30_days": False,
            },
        },
    )
    posting = situation_from_request(request)["posting"]
    assert posting["previous_posting_same_employer_host_end"] == "2023-06-30"
    assert posting["direct_relationship_maintained"] is False
    assert posting["insured_in_sending_state_months_before"] == 0


def test_discard_a_draft(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    assert logged_in.post(reverse("postings:discard", args=[draft.pk])).status_code == 302
    assert not CoverageRequest.objects.filter(pk=draft.pk).exists()


def test_the_request_page_offers_the_three_reuse_options_and_a_copy(logged_in, employer, employee, engine):
    source = make_request(employer, employee)
    page = logged_in.get(reverse("postings:detail", args=[source.pk])).content.decode()
    for mode in ("copy", "other_employee", "other_destination", "other_period"):
        assert f'action="{reverse("postings:reuse", args=[source.pk, mode])}"' in page
    assert "Request for the same employee, another period" in page
    response = logged_in.post(reverse("postings:reuse", args=[source.pk, "other_period"]))
    draft = CoverageRequest.objects.get(based_on=source)
    assert response["Location"] == step_url(draft, "conditions")
