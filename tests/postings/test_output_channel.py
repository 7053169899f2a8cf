"""How the certificate is delivered: e-box (default) or paper by post, chosen on the contact step."""

import re

from django.urls import reverse

from postings.models import CoverageRequest

from .test_posting_wizard import P, send, walk_to_check
from .wizard_helpers import CONTACT, post_step, start, step_url


def test_e_box_is_chosen_unless_the_person_picks_paper(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    fresh = logged_in.get(step_url(draft, "contact")).content.decode()
    assert "How should we deliver the certificate?" in fresh
    assert re.search(r'<input[^>]*value="ebox"[^>]*checked', fresh)
    assert not re.search(r'<input[^>]*value="paper"[^>]*checked', fresh)
    walk_to_check(logged_in, draft, employee)
    check = logged_in.get(step_url(draft, "check")).content.decode()
    assert "E-box (digital)" in check
    send(logged_in, draft)
    sent = CoverageRequest.objects.get(pk=draft.pk)
    assert sent.output_channel == "ebox"
    confirmation = logged_in.get(reverse("postings:confirmation", args=[sent.pk])).content.decode()
    assert "sent to your e-box" in confirmation


def test_paper_by_post_is_stored_when_sent_and_shown_on_check_and_detail(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    response = post_step(logged_in, draft, "contact", {**CONTACT, "output_channel": "paper"}, P)
    assert response["Location"] == step_url(draft, "check")
    check = logged_in.get(step_url(draft, "check")).content.decode()
    assert "How should we deliver the certificate?" in check and "Paper, by post" in check
    send(logged_in, draft)
    sent = CoverageRequest.objects.get(pk=draft.pk)
    assert sent.output_channel == "paper"
    detail = logged_in.get(reverse("postings:detail", args=[sent.pk])).content.decode()
    assert "Certificate delivery (output channel)" in detail and "Paper, by post" in detail
    confirmation = logged_in.get(reverse("postings:confirmation", args=[sent.pk])).content.decode()
    assert "sent to your company by post" in confirmation


def test_an_unknown_channel_is_refused_at_the_field(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    page = post_step(logged_in, draft, "contact", {**CONTACT, "output_channel": "pigeon"}, P)
    assert page.status_code == 200
    assert "Select a valid choice" in page.content.decode()
    assert CoverageRequest.objects.get(pk=draft.pk).output_channel == "ebox"
