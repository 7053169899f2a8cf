import datetime as dt

import pytest

from accounts.models import EmploymentPeriod
from casework.models import RequestFlag
from postings.models import CoverageRequest
from postings.services.validation import request_validate
from postings.status import Decision, Status
from tests import factories
from tests.casework.builders import determination, make_request

pytestmark = pytest.mark.django_db


def codes(request):
    request.refresh_from_db()
    return sorted(f["code"] for f in request.flags)


def test_submit_validates_and_moves_to_in_review(engine, employer, employer_admin, employee):
    request = make_request(employer, employee, employer_admin)
    request.refresh_from_db()
    assert request.status == Status.IN_REVIEW
    assert request.determination["legislation"] == "NL"
    assert request.flags == []
    assert request.events.filter(kind="validated").count() == 1


def test_validation_twice_changes_nothing_more(engine, employer, employer_admin, employee):
    request = make_request(employer, employee, employer_admin)
    events = request.events.count()
    request_validate(request_id=request.pk)
    request_validate(request_id=request.pk)
    assert request.events.count() == events
    assert engine.calls == 1


def test_invalid_situation_is_a_flag_not_a_crash(engine, employer, employer_admin, employee):
    engine.errors = [{"field": "work[0].country", "message": "unknown country"}]
    request = make_request(employer, employee, employer_admin)
    assert codes(request) == ["SITUATION_INVALID"]
    assert "unknown country" in request.flags[0]["message"]
    assert request.status == Status.IN_REVIEW


def test_legislation_of_another_state_is_flagged(engine, employer, employer_admin, employee):
    engine.result = determination(legislation="BE", article="11(3)(a)", code="12")
    request = make_request(employer, employee, employer_admin)
    assert codes(request) == ["LEGISLATION_ELSEWHERE"]


def test_not_employed_for_the_whole_period(engine, employer, employer_admin, employee):
    EmploymentPeriod.objects.filter(employee=employee).update(end=dt.date(2027, 6, 30))
    request = make_request(employer, employee, employer_admin)
    assert codes(request) == ["NOT_EMPLOYED_WHOLE_PERIOD"]


def test_consecutive_employment_periods_cover_the_period(engine, employer, employer_admin, employee):
    EmploymentPeriod.objects.filter(employee=employee).update(end=dt.date(2027, 6, 30))
    EmploymentPeriod.objects.create(employee=employee, start=dt.date(2027, 7, 1))
    assert codes(make_request(employer, employee, employer_admin)) == []


def test_overlap_with_an_earlier_request(engine, employer, employer_admin, employee):
    first = make_request(employer, employee, employer_admin)
    second = make_request(
        employer, employee, employer_admin, start=dt.date(2027, 6, 1), end=dt.date(2028, 3, 1), state="DE"
    )
    assert codes(second) == ["OVERLAPPING_REQUEST"]
    assert first.transaction_number in second.flags[0]["message"]


def test_cancelled_requests_do_not_count(engine, employer, employer_admin, employee):
    from postings.services.lifecycle import request_cancel

    first = make_request(employer, employee, employer_admin)
    request_cancel(actor=employer_admin, request=first, reason="plans changed")
    second = make_request(employer, employee, employer_admin, state="DE")
    assert codes(second) == []


def test_fresh_posting_to_the_same_state_within_two_months(engine, employer, employer_admin, employee):
    make_request(employer, employee, employer_admin, start=dt.date(2027, 1, 1), end=dt.date(2027, 2, 15))
    again = make_request(
        employer, employee, employer_admin, start=dt.date(2027, 3, 20), end=dt.date(2027, 9, 1)
    )
    assert codes(again) == ["POSTING_GAP_UNDER_2_MONTHS"]
    other_state = make_request(
        employer, employee, employer_admin, start=dt.date(2027, 9, 2), end=dt.date(2027, 10, 1), state="DE"
    )
    assert "POSTING_GAP_UNDER_2_MONTHS" not in codes(other_state)


def test_posting_two_months_later_is_fine(engine, employer, employer_admin, employee):
    make_request(employer, employee, employer_admin, start=dt.date(2027, 1, 1), end=dt.date(2027, 2, 15))
    later = make_request(
        employer, employee, employer_admin, start=dt.date(2027, 4, 16), end=dt.date(2027, 9, 1)
    )
    assert codes(later) == []


def authorization_codes(request):
    return [c for c in codes(request) if c.startswith("AUTHORIZATION")]


def test_representative_needs_the_employees_accepted_authorization(
    engine, employer, representative_firm, representative_user, employee
):
    from accounts.models import EmployeeAuthorization

    def authorize(status):
        return EmployeeAuthorization.objects.create(
            employer=employer,
            employee=employee,
            representative=representative_firm,
            file="auth.pdf",
            uploaded_by=representative_user,
            status=status,
        )

    def filed(year):
        start = dt.date(year, 3, 1)
        return make_request(
            employer,
            employee,
            representative_user,
            representative=representative_firm,
            start=start,
            end=start + dt.timedelta(days=100),
        )

    assert authorization_codes(filed(2027)) == ["AUTHORIZATION_MISSING"]
    pending = authorize("pending")
    assert authorization_codes(filed(2028)) == ["AUTHORIZATION_NOT_ACCEPTED"]
    pending.status = "accepted"
    pending.save()
    assert authorization_codes(filed(2029)) == []


def test_residence_statement_needed_for_a_worker_living_abroad(engine, employer, employer_admin):
    worker = factories.make_employee(employer, family_name="Peeters", country="BE")
    engine.result = determination(article="13(1)(b)(i)", code="02", provisional=True)
    request = make_request(employer, worker, employer_admin, type="simultaneous")
    assert "RESIDENCE_STATEMENT_MISSING" in codes(request)
    assert RequestFlag.objects.filter(request=request, code="RESIDENCE_STATEMENT_MISSING").exists()


def test_flags_are_written_as_rows_for_the_queue_filter(engine, employer, employer_admin, employee):
    EmploymentPeriod.objects.filter(employee=employee).delete()
    request = make_request(employer, employee, employer_admin)
    assert list(RequestFlag.objects.filter(request=request).values_list("code", flat=True)) == [
        "NOT_EMPLOYED_WHOLE_PERIOD"
    ]


def test_auto_approval_of_a_clean_posting(engine, settings, employer, employer_admin, employee):
    settings.PORTAL_AUTO_APPROVE_CLEAN_POSTINGS = True
    request = make_request(employer, employee, employer_admin)
    request.refresh_from_db()
    assert request.status == Status.CLOSED
    assert request.decision == Decision.APPROVED
    assert (request.admitted_start, request.admitted_end) == (request.requested_start, request.requested_end)
    assert request.certificate.pdf


def test_auto_approval_leaves_flagged_or_art13_requests(engine, settings, employer, employer_admin, employee):
    settings.PORTAL_AUTO_APPROVE_CLEAN_POSTINGS = True
    engine.result = determination(article="13(1)(a)", code="02", provisional=True)
    request = make_request(employer, employee, employer_admin, type="simultaneous")
    request.refresh_from_db()
    assert request.status == Status.IN_REVIEW


def test_auto_approval_off_by_default(engine, employer, employer_admin, employee):
    request = make_request(employer, employee, employer_admin)
    assert CoverageRequest.objects.get(pk=request.pk).status == Status.IN_REVIEW
