"""A rejected request offers neither Cancel nor Extend: nothing was granted, so nothing is in force
to withdraw and no period to continue. An approved one still offers both (the cancel withdraws its
certificate; the extension continues its period)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from postings.models import CoverageRequest
from postings.services.drafts import draft_extend
from postings.status import Decision, Status
from tests.api.conftest import client_for

from .conftest import make_request

LIST = reverse("postings:list")


@pytest.fixture
def rejected(employer, employee):
    return make_request(
        employer, employee, status=Status.CLOSED, decision=Decision.REJECTED, decision_reason="No contract."
    )


@pytest.fixture
def approved(employer, employee):
    return make_request(employer, employee, status=Status.CLOSED, decision=Decision.APPROVED)


def actions(page: str, obj) -> tuple[bool, bool]:
    cancel = reverse("postings:cancel", args=[obj.pk])
    extend = reverse("postings:extend", args=[obj.pk])
    return f'href="{cancel}"' in page, f'href="{extend}"' in page


def test_the_list_offers_cancel_and_extend_on_the_approved_request_only(logged_in, rejected, approved):
    page = logged_in.get(LIST).content.decode()
    assert rejected.transaction_number in page
    assert actions(page, rejected) == (False, False)
    assert actions(page, approved) == (True, True)


def test_the_request_page_of_a_rejected_request_offers_neither(logged_in, rejected, approved):
    page = logged_in.get(reverse("postings:detail", args=[rejected.pk])).content.decode()
    assert "No contract." in page
    assert actions(page, rejected) == (False, False)
    page = logged_in.get(reverse("postings:detail", args=[approved.pk])).content.decode()
    assert actions(page, approved) == (True, True)


def test_the_cancel_page_sends_a_rejected_request_back_unchanged(logged_in, rejected):
    url = reverse("postings:cancel", args=[rejected.pk])
    response = logged_in.post(url, {"reason": "The project was called off."}, follow=True)
    assert "This request can no longer be cancelled." in response.content.decode()
    rejected.refresh_from_db()
    assert rejected.status == Status.CLOSED and rejected.cancel_reason == ""


def test_the_api_answers_409_for_cancelling_a_rejected_request(employer_admin, employer, rejected):
    url = f"/api/v1/employers/{employer.pk}/requests/{rejected.pk}/cancel/"
    response = client_for(employer_admin).post(url, {"reason": "The project was called off."}, format="json")
    assert response.status_code == 409 and response.json()["errors"][0]["field"] == "status"
    rejected.refresh_from_db()
    assert rejected.status == Status.CLOSED


def test_a_rejected_request_cannot_be_extended(logged_in, employer_admin, rejected):
    assert logged_in.get(reverse("postings:extend", args=[rejected.pk])).status_code == 404
    with pytest.raises(ValidationError) as refused:
        draft_extend(actor=employer_admin, source=rejected, new_end=rejected.requested_end.replace(year=2026))
    assert "A rejected request cannot be extended" in str(refused.value)
    assert not CoverageRequest.objects.filter(extends=rejected).exists()


def test_the_request_page_says_why_no_period_was_admitted(logged_in, employer, employee, rejected):
    """A rejected or cancelled request has no admitted period, and never will: "Not decided yet"
    said the opposite."""
    page = logged_in.get(reverse("postings:detail", args=[rejected.pk])).content.decode()
    assert "None: the request was rejected" in page and "Not decided yet" not in page
    cancelled = make_request(employer, employee, status=Status.CANCELLED)
    page = logged_in.get(reverse("postings:detail", args=[cancelled.pk])).content.decode()
    assert "None: the request was cancelled" in page and "Not decided yet" not in page
    waiting = make_request(employer, employee, status=Status.IN_REVIEW)
    assert "Not decided yet" in logged_in.get(reverse("postings:detail", args=[waiting.pk])).content.decode()
