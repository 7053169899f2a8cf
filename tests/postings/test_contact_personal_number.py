"""Simultaneous activity: the contact person's personal number (NSSO 'Contact details': SSIN)."""

from django.urls import reverse

from postings.models import CoverageRequest
from postings.status import Status

from .test_other_wizards import S, region, simultaneous_to_places
from .wizard_helpers import CONTACT, places_data, post_step, start, step_url

VALID_BSN = "111222333"
INVALID = "This BSN is not right: its 9 digits fail the 11-proof. Check it for a typing error."


def to_contact(client, employee):
    draft = start(client, "simultaneous")
    simultaneous_to_places(client, draft, employee)
    post_step(client, draft, "places", places_data([region("BE", "60"), region("NL", "40")]), S)
    response = post_step(
        client, draft, "period", {"start": "2025-03-01", "end": "2026-02-28", "language": "en"}, S
    )
    assert response["Location"] == step_url(draft, "contact")
    return draft


def test_the_contact_step_asks_for_the_number_after_the_name(logged_in, employee, engine):
    draft = to_contact(logged_in, employee)
    page = logged_in.get(step_url(draft, "contact")).content.decode()
    assert "BSN (optional)" in page and "9 digits, like 111222333" in page
    assert (
        page.index("contact-given_names")
        < page.index("contact-personal_number")
        < page.index("contact-company")
    )


def test_a_valid_number_is_kept_and_shown_masked(logged_in, employee, engine):
    draft = to_contact(logged_in, employee)
    response = post_step(logged_in, draft, "contact", {**CONTACT, "personal_number": "111 222 333"}, S)
    assert response["Location"] == step_url(draft, "check")
    draft.refresh_from_db()
    assert draft.answers["contact"]["personal_number"] == VALID_BSN

    check = logged_in.get(step_url(draft, "check")).content.decode()
    assert "<dt>BSN (optional)</dt><dd>•••••2333</dd>" in check
    assert VALID_BSN not in check

    post_step(logged_in, draft, "check", {"submission_key": "contact-number"}, S)
    logged_in.get(step_url(draft, "done"))
    sent = CoverageRequest.objects.get(pk=draft.pk)
    assert sent.status == Status.SUBMITTED
    detail = logged_in.get(reverse("postings:detail", args=[sent.pk])).content.decode()
    assert "•••••2333" in detail and VALID_BSN not in detail


def test_an_invalid_number_is_refused_with_the_message_at_the_field(logged_in, employee, engine):
    draft = to_contact(logged_in, employee)
    response = post_step(logged_in, draft, "contact", {**CONTACT, "personal_number": "123456789"}, S)
    assert response.status_code == 200  # the same page again, not the next one
    page = response.content.decode()
    assert 'href="#id_contact-personal_number"' in page  # the error summary links to the field
    at_field = page.split('id="id_contact-personal_number_error"', 1)[1].split("</div>", 1)[0]
    assert INVALID in at_field
    draft.refresh_from_db()
    assert "contact" not in draft.answers


def test_the_number_may_be_left_empty(logged_in, employee, engine):
    draft = to_contact(logged_in, employee)
    response = post_step(logged_in, draft, "contact", CONTACT, S)
    assert response["Location"] == step_url(draft, "check")
    draft.refresh_from_db()
    assert draft.answers["contact"]["personal_number"] == ""
    check = logged_in.get(step_url(draft, "check")).content.decode()
    assert "BSN (optional)" not in check  # nothing answered, no row


def test_a_belgian_institution_asks_for_an_ssin(settings):
    """The issuing state decides which number: the same check as the personnel directory's."""
    from postings.forms.steps import SimultaneousContactForm

    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "state": "BE", "person_id": "SSIN"}
    data = {f"contact-{key}": value for key, value in CONTACT.items()}
    form = SimultaneousContactForm(data={**data, "contact-personal_number": VALID_BSN}, prefix="contact")
    assert not form.is_valid()
    assert form.errors["personal_number"] == [
        "Enter a valid SSIN: 11 digits (national number or BIS number), like 85.07.30-033.28."
    ]
    assert str(form["personal_number"].label) == "SSIN (optional)"
    assert str(form["personal_number"].help_text) == "11 digits: national number or BIS number"
    form = SimultaneousContactForm(
        data={**data, "contact-personal_number": "85.07.30-033.28"}, prefix="contact"
    )
    assert form.is_valid() and form.cleaned_data["personal_number"] == "85073003328"


def test_the_posting_contact_step_does_not_ask_for_it(logged_in, employee, engine):
    from .test_posting_wizard import walk_to_check

    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    page = logged_in.get(step_url(draft, "contact")).content.decode()
    assert "contact-personal_number" not in page
