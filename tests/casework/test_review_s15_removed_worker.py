"""A sent request outlives its worker's directory entry (postings.services.worker_removal): the
caseworker's work on it that decides again (the other state's Art. 16 answer) reads the worker as
sent, not the entry that is gone."""

import pytest
from django.urls import reverse

from postings.services.worker_removal import employee_remove
from tests import factories
from tests.casework.builders import committed, make_request, posting_answers
from tests.casework.test_exception_agreement import ANSWER_FORM, END, START, _codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_posting(employer, employer_admin):
    """An Art. 16 posting of a worker whose employment the directory did not show for the period."""
    worker = factories.make_employee(employer, family_name="Smit")
    worker.employment_periods.all().delete()
    answers = {**posting_answers(START, END), "check": {"ask_art16": True}}
    return make_request(employer, worker, employer_admin, start=START, end=END, answers=answers)


def test_the_other_states_answer_is_recorded_after_the_worker_was_removed(
    long_posting, caseworker_client, employer, employer_admin
):
    assert "NOT_EMPLOYED_WHOLE_PERIOD" in _codes(long_posting)
    employee_remove(actor=employer_admin, employer=employer, employee_id=long_posting.employee_id)
    before = set(_codes(long_posting))
    url = reverse("admin:postings_coveragerequest_exception", args=[long_posting.pk])
    with committed():
        response = caseworker_client.post(url, ANSWER_FORM)
    assert response.status_code == 302
    long_posting.refresh_from_db()
    assert long_posting.employee_id is None
    assert long_posting.determination["legislation"] == "NL"
    # Only what the answer settles goes; what was found on sending stays.
    assert set(_codes(long_posting)) == before - {"LEGISLATION_ELSEWHERE", "EXCEPTION_ANSWER_MISSING"}
