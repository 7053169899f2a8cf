"""The Art. 13 procedure after the decision (legislation.md 2.4, R987 Art. 16), what the certificate
says about it (4.3, 4.8: box 2.5) and the attestation of this institution's legislation (2.6)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casework.models import Certificate
from casework.services.certificates import (
    certificate_record_objection,
    certificate_settle_objection,
    certificates_make_definitive,
)
from casework.services.host_state import host_state_records_for
from postings.services.decisions import request_decide
from postings.services.lifecycle import request_cancel
from postings.status import Status
from tests import factories
from tests.casework.builders import committed, determination, make_request
from tests.casework.test_certificate_pdf import pdf_text

pytestmark = pytest.mark.django_db

# Informed (certificate issued and its host-state records sent) on 15 January 2027: the two months
# end on 15 March 2027.
INFORMED = dt.datetime(2027, 1, 15, 10, 0, tzinfo=dt.UTC)
LAST_DAY = dt.date(2027, 3, 15)


def _approve(engine, employer, user, caseworker, **kwargs) -> Certificate:
    worker = factories.make_employee(employer, family_name="Smit")
    request = make_request(employer, worker, user, **kwargs)
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    return Certificate.objects.get(request=request)


@pytest.fixture
def provisional(engine, employer, employer_admin, caseworker):
    engine.result = determination(article="13(1)(a)", code="02", provisional=True)
    certificate = _approve(engine, employer, employer_admin, caseworker, type="simultaneous")
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=INFORMED)
    certificate.refresh_from_db()
    # A day after today's clock (2027): set as data, as the issue date is.
    certificate.host_state_records.update(sent_on=INFORMED.date())
    return certificate


def box_2_5(text: str) -> str:
    return next(line for line in text.splitlines() if line.strip().startswith("2.5 "))


def test_definitive_only_once_the_last_day_of_the_two_months_has_passed(provisional):
    """legislation.md 2.4 step 3 (R987 Art. 16(3)): definitive 2 months after the institutions are
    informed, unless one of them objects within the 2 months. The last day of the two months is
    still open for an objection, so the determination is not definitive on that day."""
    assert certificates_make_definitive(today=LAST_DAY) == 0
    provisional.refresh_from_db()
    assert provisional.provisional
    with committed():
        assert certificates_make_definitive(today=LAST_DAY + dt.timedelta(days=1)) == 1
    provisional.refresh_from_db()
    assert not provisional.provisional and provisional.status == "valid"


def test_an_objection_received_on_the_last_day_stops_it(provisional, caseworker):
    """legislation.md 2.4 step 3: an objection received within the 2 months (here on their last day)
    keeps the determination provisional until the institutions agree."""
    certificate_record_objection(
        actor=caseworker, certificate=provisional, state="BE", reason="Disagree.", received_on=LAST_DAY
    )
    assert certificates_make_definitive(today=LAST_DAY + dt.timedelta(days=30)) == 0
    provisional.refresh_from_db()
    assert provisional.provisional


def test_an_objection_received_after_the_two_months_is_refused(provisional, caseworker):
    """legislation.md 2.4 step 3: only an objection received within the 2 months stops the
    determination becoming definitive; one received later must not keep it provisional for ever."""
    with pytest.raises(ValidationError):
        certificate_record_objection(
            actor=caseworker,
            certificate=provisional,
            state="BE",
            reason="Too late.",
            received_on=LAST_DAY + dt.timedelta(days=1),
        )
    assert not provisional.objections.exists()
    with committed():
        assert certificates_make_definitive(today=LAST_DAY + dt.timedelta(days=1)) == 1


@pytest.mark.parametrize("state", ["NL", "FR"])
def test_only_an_informed_state_can_object(provisional, caseworker, state):
    """legislation.md 2.4 steps 2-3 (R987 Art. 16(2), 16(3)): the institutions of the states of work
    are informed, and it is "one of them" whose objection stops the determination becoming
    definitive; not this institution's own state (NL) nor a state not involved (FR)."""
    assert {r.receiving_state.code for r in provisional.host_state_records.all()} == {"BE"}
    with pytest.raises(ValidationError):
        certificate_record_objection(
            actor=caseworker, certificate=provisional, state=state, reason="Disagree.", received_on=LAST_DAY
        )
    assert not provisional.objections.exists()
    with committed():
        assert certificates_make_definitive(today=LAST_DAY + dt.timedelta(days=1)) == 1


def test_a_withdrawn_certificate_takes_no_objection(provisional, caseworker, employer_admin):
    """Lifecycle (legislation.md 2.6, R987 Art. 5: an A1 binds until withdrawn): once the request is
    cancelled the certificate is withdrawn and there is no provisional determination to object to."""
    request_cancel(actor=employer_admin, request=provisional.request, reason="Assignment called off.")
    provisional.refresh_from_db()
    assert provisional.status == "withdrawn"
    with pytest.raises(ValidationError):
        certificate_record_objection(
            actor=caseworker,
            certificate=provisional,
            state="BE",
            reason="Disagree.",
            received_on=timezone.localdate(INFORMED) + dt.timedelta(days=10),
        )
    assert not provisional.objections.exists()


def test_a_multi_state_request_decided_by_hand_is_provisional(engine, employer, employer_admin, caseworker):
    """legislation.md 4.8 and 2.4 step 2 (R987 Art. 16(2)): an Art. 13 determination (box 3.2) is
    provisional until definitive, also when the engine could not be run and the caseworker decided
    by hand; a posting decided by hand (box 3.1) is not."""
    engine.errors = [{"field": "work", "message": "invalid"}]
    multi_state = _approve(engine, employer, employer_admin, caseworker, type="simultaneous")
    assert multi_state.request.determination is None
    assert multi_state.provisional and multi_state.status == "provisional"
    assert "☒" in box_2_5(pdf_text(multi_state))
    # The host states are told of an Art. 13 decision (SED A003's fields), provisional, not a posting.
    records = host_state_records_for(multi_state)
    assert records and {sed for _state, sed, _payload in records} == {"A003"}
    assert all(p["decision"]["provisional"] and p["decision"]["status_code"] == "02" for *_r, p in records)
    posting = _approve(engine, employer, employer_admin, caseworker, type="posting")
    assert not posting.provisional
    assert "☐" in box_2_5(pdf_text(posting))
    assert {sed for _state, sed, _payload in host_state_records_for(posting)} == {"A009"}


def test_the_pdf_no_longer_says_provisional_once_definitive(provisional):
    """legislation.md 4.3 (box 2.5) and 4.8 ("yes until definitive"): the certificate the employer
    downloads after the two months no longer ticks "The determination is provisional"."""
    assert "☒" in box_2_5(pdf_text(provisional))
    with committed():
        certificates_make_definitive(today=LAST_DAY + dt.timedelta(days=1))
    assert "☐" in box_2_5(pdf_text(provisional))


def test_the_pdf_no_longer_says_provisional_after_a_confirming_agreement(provisional, caseworker):
    """legislation.md 2.4 step 3 (settlement by common agreement) and 4.8: a confirmed determination
    is definitive, and its certificate no longer ticks box 2.5."""
    certificate_record_objection(
        actor=caseworker, certificate=provisional, state="BE", reason="Disagree.", received_on=LAST_DAY
    )
    with committed():
        certificate_settle_objection(
            actor=caseworker, certificate=provisional, outcome="confirmed", note="BE agreed."
        )
    assert "☐" in box_2_5(pdf_text(provisional))


def test_no_approval_when_the_engine_found_another_states_legislation(
    engine, employer, employer_admin, employee, caseworker
):
    """legislation.md 2.6 (R987 Art. 19(2): the institution attests that *its* legislation applies)
    and 4.3 (box 2.1 is the issuing state): a request for which the engine found Belgian legislation
    cannot be approved into a PD A1 of this institution naming Belgium; it can be rejected."""
    engine.result = determination(legislation="BE", article="11(3)(a)", code="12")
    request = make_request(employer, employee, employer_admin)
    with pytest.raises(ValidationError):
        request_decide(actor=caseworker, request=request, decision="approved")
    request.refresh_from_db()
    assert request.status == Status.IN_REVIEW and not request.decision
    assert not Certificate.objects.filter(request=request).exists()
    with committed():
        request_decide(
            actor=caseworker, request=request, decision="rejected", reason="Belgian legislation applies."
        )
    request.refresh_from_db()
    assert request.decision == "rejected"


def test_an_objection_received_in_time_but_recorded_late_makes_it_provisional_again(provisional, caseworker):
    """legislation.md 2.4 step 3 (R987 Art. 16(3)): an objection received within the two months stops
    the determination becoming definitive. When it is recorded only after the daily task made the
    determination definitive, it never was: provisional again, box 2.5 ticked, the employer told."""
    with committed():
        assert certificates_make_definitive(today=LAST_DAY + dt.timedelta(days=1)) == 1
    provisional.refresh_from_db()
    assert provisional.status == "valid"
    with pytest.raises(ValidationError):  # received after the two months: stays definitive
        certificate_record_objection(
            actor=caseworker,
            certificate=provisional,
            state="BE",
            reason="Too late.",
            received_on=LAST_DAY + dt.timedelta(days=1),
        )
    with committed():
        certificate_record_objection(
            actor=caseworker, certificate=provisional, state="BE", reason="Disagree.", received_on=LAST_DAY
        )
    provisional.refresh_from_db()
    assert provisional.status == "provisional" and provisional.definitive_at is None
    assert "☒" in box_2_5(pdf_text(provisional))
    assert provisional.request.inbox_messages.filter(subject__contains="provisional again").exists()
    event = provisional.request.events.get(kind="objection_recorded")
    assert event.data["provisional_again"] is True


def test_payroll_software_hears_that_it_is_provisional_again(provisional, caseworker, employer_admin):
    from api.models import WebhookDelivery
    from api.services.webhooks import webhook_create

    webhook_create(
        actor=employer_admin, employer=provisional.request.employer, url="https://payroll.example/h"
    )
    with committed():
        certificates_make_definitive(today=LAST_DAY + dt.timedelta(days=1))
        certificate_record_objection(
            actor=caseworker, certificate=provisional, state="BE", reason="Disagree.", received_on=LAST_DAY
        )
    events = WebhookDelivery.objects.filter(event__startswith="determination.").order_by("pk")
    assert list(events.values_list("event", flat=True)) == [
        "determination.definitive",
        "determination.provisional",
    ]
