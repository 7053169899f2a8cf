import html

import pytest
from django.urls import reverse

from postings.models import CoverageRequest, PlaceOfWork
from postings.status import Status

from .wizard_helpers import COMPANY, CONDITIONS, CONTACT, places_data, post_step, start, step_url

P = "posting_wizard"


def walk_to_check(client, draft, employee):
    response = post_step(client, draft, "employee", {"query": "por"}, P, search="1")
    assert response.status_code == 200
    assert "Delporte" in response.content.decode()
    response = post_step(client, draft, "employee", {"query": "por", "employee": employee.pk}, P)
    assert response["Location"] == step_url(draft, "address")
    assert post_step(client, draft, "address", {}, P)["Location"] == step_url(draft, "relationship")
    response = post_step(
        client,
        draft,
        "relationship",
        {"date_of_entry": "2015-01-01", "private_sector": "yes", "classification": "employed"},
        P,
    )
    assert response["Location"] == step_url(draft, "places")
    assert post_step(client, draft, "places", places_data([COMPANY]), P)["Location"] == step_url(
        draft, "conditions"
    )
    assert post_step(client, draft, "conditions", CONDITIONS, P)["Location"] == step_url(draft, "contact")
    assert post_step(client, draft, "contact", CONTACT, P)["Location"] == step_url(draft, "check")
    return client.get(step_url(draft, "check"))


def send(client, draft, key="k1"):
    response = post_step(client, draft, "check", {"submission_key": key}, P)
    assert response["Location"] == step_url(draft, "done")
    return client.get(response["Location"])


def test_posting_from_start_to_confirmation(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    check = walk_to_check(logged_in, draft, employee)
    page = check.content.decode()
    assert "Brugbouw NV" in page and "Building a bridge" in page
    assert "Expected outcome" in page and "12(1)" in page
    assert "The planned posting lasts 10 months; the limit is 24." in page
    done = send(logged_in, draft)
    sent = CoverageRequest.objects.get(pk=draft.pk)
    assert done["Location"] == reverse("postings:confirmation", args=[sent.pk])
    assert sent.status == Status.SUBMITTED and sent.transaction_number
    assert sent.employee == employee and sent.state_of_work == "BE"
    assert str(sent.requested_start) == "2025-03-01" and sent.language == "nl"
    assert PlaceOfWork.objects.get(request=sent).name == "Brugbouw NV"
    confirmation = logged_in.get(done["Location"]).content.decode()
    assert sent.transaction_number in confirmation and "What happens next" in confirmation
    situation = engine[-1]
    assert (
        situation["posting"]["host_state"] == "BE" and situation["posting"]["direct_relationship_maintained"]
    )
    assert situation["posting"]["insured_in_sending_state_months_before"] == 1


def test_double_click_on_send_makes_one_request(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    send(logged_in, draft, key="same")
    again = post_step(logged_in, draft, "check", {"submission_key": "same"}, P)
    assert again["Location"] == reverse("postings:confirmation", args=[draft.pk])
    assert CoverageRequest.objects.exclude(status=Status.DRAFT).count() == 1


def test_a_send_refused_at_the_last_moment_keeps_the_answers_and_says_why(
    logged_in, employee, engine, monkeypatch
):
    """The answers are stored and the request sent in one transaction; when the send is refused
    (a check the steps could not make), the answers are still stored and the reason shown."""
    from django.core.exceptions import ValidationError

    from postings.views import wizard

    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)

    def refuse(**kwargs):
        raise ValidationError("The request is not complete: the worker and the period are required.")

    monkeypatch.setattr(wizard, "draft_send", refuse)
    done = send(logged_in, draft, key="refused")
    assert done["Location"] == step_url(draft, "check")
    page = logged_in.get(done["Location"]).content.decode()
    assert "The request is not complete: the worker and the period are required." in page
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and draft.wizard_step == "check"
    assert draft.answers["conditions"]["mission"] and draft.answers["contact"]["family_name"] == "Vries"


def test_answers_are_saved_after_every_step_and_resume_opens_the_last_step(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    post_step(logged_in, draft, "employee", {"query": "por", "employee": employee.pk}, P)
    draft.refresh_from_db()
    assert draft.answers["employee"]["employee_id"] == employee.pk
    assert draft.wizard_step == "address" and draft.worker_name.startswith("Delporte")
    logged_in.logout()
    logged_in.force_login(draft.created_by)
    response = logged_in.get(reverse("postings:wizard", args=[draft.pk]))
    assert response["Location"] == step_url(draft, "address")
    drafts = logged_in.get(reverse("postings:drafts")).content.decode()
    assert "Delporte" in drafts and "Resume" in drafts


def test_back_button_goes_to_the_previous_step_url(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    post_step(logged_in, draft, "employee", {"query": "por", "employee": employee.pk}, P)
    page = logged_in.get(step_url(draft, "address")).content.decode()
    assert f'href="{step_url(draft, "employee")}"' in page
    back = post_step(logged_in, draft, "address", {}, P, wizard_goto_step="employee")
    assert back["Location"] == step_url(draft, "employee")
    assert "checked" in logged_in.get(step_url(draft, "employee")).content.decode()


def test_add_another_place_without_javascript_keeps_what_was_typed(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    data = places_data([COMPANY])
    response = post_step(logged_in, draft, "places", data, P, add_place="1")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="places-TOTAL_FORMS" value="2"' in page and 'value="Brugbouw NV"' in page
    assert "There is a problem" not in page


def test_errors_are_summarised_and_shown_at_the_field(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    response = post_step(logged_in, draft, "conditions", {**CONDITIONS, "end": "2025-01-01"}, P)
    page = response.content.decode()
    assert "There is a problem" in page and "The end date must be on or after the start date." in page
    ship = {**COMPANY, "location_type": "ocean_vessel", "imo_number": "12"}
    page = post_step(logged_in, draft, "places", places_data([ship]), P).content.decode()
    assert "An IMO number has 7 digits" in page


def test_places_in_two_states_are_refused_for_a_posting(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    other = {**COMPANY, "country": "DE"}
    page = post_step(logged_in, draft, "places", places_data([COMPANY, other]), P).content.decode()
    assert "A posting has one state of work" in page


def test_imo_check_digit_only_warns(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    ship = {
        "country": "BE",
        "location_type": "ocean_vessel",
        "name": "Zeeland",
        "imo_number": "IMO 9074728",
        "territorial_waters_or_port": "yes",
    }
    response = post_step(logged_in, draft, "places", places_data([ship]), P)
    assert response.status_code == 302
    # Told at once on the next page, and again on check your answers.
    following = logged_in.get(response["Location"]).content.decode()
    assert "The check digit of IMO number 9074728 is not right" in following
    page = logged_in.get(step_url(draft, "check")).content.decode()
    assert "check digit of IMO number 9074728 is not right" in page


def test_long_posting_warns_and_offers_art16(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    post_step(logged_in, draft, "conditions", {**CONDITIONS, "end": "2028-02-28"}, P)
    page = logged_in.get(step_url(draft, "check")).content.decode()
    assert "This is not the issuing state's legislation" in page and "Article 16" in page
    assert "<strong>Belgium</strong> applies (Regulation (EC) No 883/2004, Article 11(3)(a))" in page
    # Why is shown at once, not folded away, when the outcome is not the issuing state's legislation.
    assert "<details open><summary>Why</summary>" in page and "the limit is 24" in page
    post_step(logged_in, draft, "check", {"submission_key": "a16", "ask_art16": "on"}, P)
    logged_in.get(step_url(draft, "done"))
    draft.refresh_from_db()
    assert draft.answers["check"]["ask_art16"] is True
    detail = logged_in.get(reverse("postings:detail", args=[draft.pk])).content.decode()
    assert "Exception under Article 16" in detail and "Asked for with this request" in detail


def test_engine_errors_are_shown_not_a_crash(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    draft.refresh_from_db()
    answers = draft.answers
    answers["conditions"]["start"] = None
    draft.answers = answers
    draft.save()
    page = logged_in.get(step_url(draft, "check")).content.decode()
    assert "reference_date is required" in page


def test_another_employers_draft_is_not_found(logged_in, employee, engine):
    from tests import factories

    other = factories.make_employer()
    user = factories.make_user()
    factories.add_member(user, other)
    foreign = CoverageRequest.objects.create(type="posting", employer=other, created_by=user)
    assert logged_in.get(step_url(foreign, "employee")).status_code == 404
    assert logged_in.get(reverse("postings:discard", args=[foreign.pk])).status_code == 404


def test_employee_of_another_employer_cannot_be_chosen(logged_in, employee, engine):
    from tests import factories

    stranger = factories.make_employee(factories.make_employer(), family_name="Delporte")
    draft = start(logged_in, "posting")
    page = post_step(
        logged_in, draft, "employee", {"query": "por", "employee": stranger.pk}, P
    ).content.decode()
    assert "Choose an employee from your personnel directory." in page


@pytest.mark.parametrize("country", ["DE"])
def test_employer_established_abroad_gets_the_paper_route(client, db, country):
    from tests import factories

    foreign = factories.make_employer(country=country)
    user = factories.make_user()
    factories.add_member(user, foreign)
    client.force_login(user)
    for kind in ("posting", "simultaneous", "seafarer"):
        page = client.get(reverse("postings:start", args=[kind]), follow=True).content.decode()
        assert "Your company cannot apply online" in page
        assert reverse("accounts:paper_form") in page  # the paper form to download
        page = client.post(reverse("postings:start", args=[kind]), follow=True).content.decode()
        assert "Your company cannot apply online" in page
    assert CoverageRequest.objects.count() == 0
    # A draft left from before the company moved abroad does not open the wizard either.
    draft = CoverageRequest.objects.create(type="posting", employer=foreign, created_by=user)
    page = client.get(reverse("postings:wizard", args=[draft.pk]), follow=True).content.decode()
    assert "Your company cannot apply online" in page and "Which employee" not in page


def test_check_answers_with_the_real_engine(logged_in, employee):
    draft = start(logged_in, "posting")
    page = walk_to_check(logged_in, draft, employee).content.decode()
    assert "Expected outcome: the legislation of <strong>the Netherlands</strong> applies" in page
    assert "12(1)" in page


def test_save_and_continue_later_keeps_what_is_typed_on_the_page(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    # Half a page of conditions, then "Save and continue later".
    response = post_step(
        logged_in,
        draft,
        "conditions",
        {"start": "2025-04-01", "end": "", "mission": "Bridge"},
        P,
        save_later="1",
    )
    assert response["Location"] == reverse("postings:drafts")
    drafts = logged_in.get(reverse("postings:drafts")).content.decode()
    assert "Your answers are saved" in drafts
    resumed = logged_in.get(reverse("postings:wizard", args=[draft.pk]), follow=True)
    page = resumed.content.decode()
    assert 'value="2025-04-01"' in page and "Bridge</textarea>" in page  # as typed
    assert "Enter the end date." in page  # and what is still missing
    # A complete page is saved as an answer, as Continue would.
    post_step(logged_in, draft, "conditions", {**CONDITIONS, "end": "2025-10-31"}, P, save_later="1")
    draft.refresh_from_db()
    assert (
        draft.answers["conditions"]["end"] == "2025-10-31" and draft.requested_end.isoformat() == "2025-10-31"
    )


def test_engine_errors_are_said_in_the_readers_language(logged_in, employee):
    """The real engine: a posting whose dates went missing, on the check-your-answers page in Dutch."""
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    draft.refresh_from_db()
    answers = draft.answers
    answers["conditions"]["start"] = None
    draft.answers = answers
    draft.save()
    logged_in.post(reverse("set_language"), {"language": "nl", "next": step_url(draft, "check")})
    page = html.unescape(logged_in.get(step_url(draft, "check")).content.decode())
    assert "<li>Deze datum is verplicht (JJJJ-MM-DD). (reference_date)</li>" in page
    assert "This date is required" not in page
