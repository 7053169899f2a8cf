"""Approval issues a PD A1 only where a PD A1 is the document (contracts/determination.md `certificate`;
legislation.md 1.6, 2.6): a posting to a treaty country gets the treaty's certificate, not a PD A1."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from casework.models import Certificate
from postings.services.decisions import request_decide
from tests import factories
from tests.casework.builders import committed, make_request

pytestmark = pytest.mark.django_db


def test_a_treaty_posting_is_not_approved_into_a_pd_a1(employer, employer_admin, caseworker):
    worker = factories.make_employee(employer, family_name="Smit")
    request = make_request(
        employer, worker, employer_admin, state="US", start=dt.date(2027, 3, 1), end=dt.date(2028, 2, 29)
    )
    request.refresh_from_db()
    # The real engine: the NL-US agreement decides, and its document is a treaty certificate.
    assert request.determination["provision"]["instrument"] == "treaty:NL-US"
    assert request.determination["legislation"] == "NL"
    assert "NO_PD_A1" in [f["code"] for f in request.flags]
    with committed(), pytest.raises(ValidationError) as raised:
        request_decide(actor=caseworker, request=request, decision="approved")
    assert "treaty certificate, not a PD A1" in raised.value.messages[0]
    request.refresh_from_db()
    assert request.decision == "" and not Certificate.objects.filter(request=request).exists()
    request_decide(
        actor=caseworker, request=request, decision="rejected", reason="Apply for the US certificate."
    )


def test_a_posting_within_the_union_is_still_approved(employer, employer_admin, caseworker):
    worker = factories.make_employee(employer, family_name="Smit")
    request = make_request(employer, worker, employer_admin, state="BE")
    request.refresh_from_db()
    assert request.determination["certificate"] == "PD A1"
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    assert Certificate.objects.filter(request=request).exists()
