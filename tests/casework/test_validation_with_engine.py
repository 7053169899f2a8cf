"""The validation with the real situation builder (postings.situation) and the real engine (rules)."""

import datetime as dt

import pytest

from postings.status import Decision, Status
from tests.casework.builders import make_request

pytestmark = pytest.mark.django_db


def test_clean_posting_is_determined_under_article_12_1(employer, employer_admin, employee):
    request = make_request(employer, employee, employer_admin)
    request.refresh_from_db()
    assert request.status == Status.IN_REVIEW
    assert request.determination["legislation"] == "NL"
    assert request.determination["provision"]["article"] == "12(1)"
    assert request.determination["a1_status_code"] == "01"
    assert request.flags == []


def test_a_posting_over_24_months_is_flagged(employer, employer_admin, employee):
    request = make_request(
        employer, employee, employer_admin, start=dt.date(2027, 1, 1), end=dt.date(2029, 6, 30)
    )
    request.refresh_from_db()
    assert request.determination["legislation"] == "BE"
    assert [f["code"] for f in request.flags] == ["LEGISLATION_ELSEWHERE"]


def test_auto_approval_end_to_end(settings, employer, employer_admin, employee):
    settings.PORTAL_AUTO_APPROVE_CLEAN_POSTINGS = True
    request = make_request(employer, employee, employer_admin)
    request.refresh_from_db()
    assert (request.status, request.decision) == (Status.CLOSED, Decision.APPROVED)
    assert request.certificate.pdf
