"""Extending a request: simultaneous occupation (NSSO) and postings (Art. 12, up to 24 months in total);
the new end date must come after the extended request's end, on the extend page and in the wizard."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from postings.models import CoverageRequest
from postings.services.drafts import draft_extend, draft_send
from postings.status import Status

from .conftest import make_request
from .test_posting_wizard import P, send, walk_to_check
from .wizard_helpers import CONDITIONS, CONTACT, post_step, step_url


@pytest.fixture
def sent_posting(logged_in, employee, engine):
    from .wizard_helpers import start

    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    send(logged_in, draft)
    return CoverageRequest.objects.get(pk=draft.pk)  # 01-03-2025 to 31-12-2025


def test_an_end_date_not_after_the_current_end_is_refused_with_the_date(logged_in, sent_posting):
    url = reverse("postings:extend", args=[sent_posting.pk])
    page = logged_in.get(url).content.decode()
    assert "The current period ends on 31-12-2025" in page and "24 months in total" in page
    response = logged_in.post(url, {"new_end": "2025-12-31"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "The new end date must be after 31-12-2025, the end of the current request." in body
    assert 'href="#id_new_end"' in body and 'id="id_new_end"' in body
    assert not CoverageRequest.objects.filter(extends=sent_posting).exists()


def test_the_wizard_keeps_the_extension_after_the_original_end(logged_in, sent_posting, engine):
    response = logged_in.post(reverse("postings:extend", args=[sent_posting.pk]), {"new_end": "2026-06-30"})
    new = CoverageRequest.objects.get(extends=sent_posting)
    assert response["Location"] == step_url(new, "conditions")
    page = post_step(
        logged_in, new, "conditions", {**CONDITIONS, "start": "2025-11-01", "end": "2025-12-15"}, P
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert "which ends on 31-12-2025: the new end date must be after 31-12-2025." in body
    assert "the extension must start after 31-12-2025." in body
    assert 'value="2025-12-15"' in body  # what the person typed is kept
    response = post_step(
        logged_in, new, "conditions", {**CONDITIONS, "start": "2026-01-01", "end": "2026-09-30"}, P
    )
    assert response["Location"] == step_url(new, "contact")
    post_step(logged_in, new, "contact", CONTACT, P)
    send(logged_in, new, key="ext")
    new.refresh_from_db()
    assert new.status == Status.SUBMITTED and new.requested_end == dt.date(2026, 9, 30)
    detail = logged_in.get(reverse("postings:detail", args=[new.pk])).content.decode()
    assert "Extends" in detail and sent_posting.transaction_number in detail


def test_sending_an_extension_whose_answers_end_too_early_is_refused(employer_admin, sent_posting):
    new = draft_extend(actor=employer_admin, source=sent_posting, new_end=dt.date(2026, 6, 30))
    new.answers["conditions"]["end"] = "2025-10-01"
    new.save()
    with pytest.raises(ValidationError, match="must be after 31-12-2025"):
        draft_send(actor=employer_admin, draft=new, submission_key="x")
    new.refresh_from_db()
    assert new.status == Status.DRAFT and not new.transaction_number


def test_when_sending_fails_at_the_last_moment_the_answers_stay_on_the_draft(logged_in, sent_posting, engine):
    """The original's period changed after the extension's period was answered (a caseworker admitted
    a longer one): Send takes the person back to the period with the reason, and the draft keeps
    every answer given."""
    logged_in.post(reverse("postings:extend", args=[sent_posting.pk]), {"new_end": "2026-06-30"})
    new = CoverageRequest.objects.get(extends=sent_posting)
    post_step(logged_in, new, "conditions", {**CONDITIONS, "start": "2026-01-01", "end": "2026-06-30"}, P)
    post_step(logged_in, new, "contact", CONTACT, P)
    CoverageRequest.objects.filter(pk=sent_posting.pk).update(
        admitted_start=dt.date(2025, 3, 1), admitted_end=dt.date(2026, 3, 31)
    )
    done = send(logged_in, new, key="late")
    assert done.status_code == 302 and done["Location"] == step_url(new, "conditions")
    page = logged_in.get(done["Location"]).content.decode()
    assert "Some answers need your attention before the request can be sent." in page
    assert "which ends on 31-03-2026: the extension must start after 31-03-2026." in page
    new.refresh_from_db()
    assert new.status == Status.DRAFT and not new.transaction_number
    assert new.answers["conditions"]["end"] == "2026-06-30"
    assert new.answers["contact"]["family_name"] == CONTACT["family_name"]


def test_simultaneous_occupation_can_be_extended(logged_in, employer, employee):
    source = make_request(employer, employee, type="simultaneous", requested_end=dt.date(2025, 12, 31))
    detail = logged_in.get(reverse("postings:detail", args=[source.pk])).content.decode()
    assert "Extend this request" in detail
    seafarer = make_request(employer, employee, type="seafarer")
    listing = logged_in.get(reverse("postings:list")).content.decode()
    extend_url = reverse("postings:extend", args=[source.pk])
    assert f'<a href="{extend_url}">Extend<' in listing  # straight from the consult list
    assert reverse("postings:extend", args=[seafarer.pk]) not in listing
    response = logged_in.post(reverse("postings:extend", args=[source.pk]), {"new_end": "2026-12-31"})
    new = CoverageRequest.objects.get(extends=source)
    assert response.status_code == 302 and new.type == "simultaneous" and new.status == Status.DRAFT


def test_a_seafarer_request_or_a_cancelled_one_is_not_extended(logged_in, employer, employee, employer_admin):
    seafarer = make_request(employer, employee, type="seafarer", state_of_work="MT")
    detail = logged_in.get(reverse("postings:detail", args=[seafarer.pk])).content.decode()
    assert "Extend this request" not in detail
    assert logged_in.get(reverse("postings:extend", args=[seafarer.pk])).status_code == 404
    with pytest.raises(ValidationError, match="cannot be extended"):
        draft_extend(actor=employer_admin, source=seafarer, new_end=dt.date(2027, 1, 1))
    cancelled = make_request(employer, employee, status=Status.CANCELLED)
    assert logged_in.get(reverse("postings:extend", args=[cancelled.pk])).status_code == 404
