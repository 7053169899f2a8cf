"""When the host states are informed (legislation.md 2.4 steps 2-3, R987 Art. 16(2)-(3)): the two months
for objections to an Art. 13 determination run from the day the last host-state record was sent, not
from the day the certificate was issued; the caseworker records that day."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from casework.models import Certificate
from casework.services.certificates import (
    certificate_mark_sent,
    certificate_record_objection,
    certificates_make_definitive,
    objection_deadline,
)
from postings.models import PlaceOfWork
from postings.services.decisions import request_decide
from tests import factories
from tests.casework.builders import committed, determination, make_request

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def art13(engine, employer, employer_admin, caseworker) -> Certificate:
    """A provisional Art. 13 certificate with work in Belgium and Germany: two states to inform."""
    engine.result = determination(article="13(1)(a)", code="02", provisional=True)
    request = make_request(
        employer, factories.make_employee(employer, family_name="Smit"), employer_admin, type="simultaneous"
    )
    PlaceOfWork.objects.create(
        request=request, seq=2, country="DE", location_type="company", name="Bau GmbH", town="Köln"
    )
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    certificate = Certificate.objects.get(request=request)
    assert sorted(r.receiving_state.code for r in certificate.host_state_records.all()) == ["BE", "DE"]
    return certificate


def test_not_definitive_while_a_record_has_not_been_sent(art13, caseworker):
    assert objection_deadline(art13) is None
    assert certificates_make_definitive(today=TODAY + dt.timedelta(days=400)) == 0
    art13.refresh_from_db()
    assert art13.provisional
    # Not yet informed, so an objection cannot be late.
    certificate_record_objection(
        actor=caseworker, certificate=art13, state="DE", reason="Mostly in DE.", received_on=TODAY
    )


def test_the_two_months_run_from_the_last_state_informed(art13):
    be, de = art13.host_state_records.order_by("receiving_state")
    be.sent_on = TODAY - dt.timedelta(days=30)
    be.save()
    assert objection_deadline(art13) is None  # Germany not informed yet
    de.sent_on = TODAY
    de.save()
    last_day = objection_deadline(art13)
    assert last_day > TODAY + dt.timedelta(days=58)  # two months from today, not from 30 days ago
    assert certificates_make_definitive(today=last_day) == 0
    with committed():
        assert certificates_make_definitive(today=last_day + dt.timedelta(days=1)) == 1


def test_the_caseworker_records_the_day_the_records_were_sent(art13, caseworker):
    assert certificate_mark_sent(actor=caseworker, certificate=art13, sent_on=TODAY) == 2
    assert set(art13.host_state_records.values_list("sent_on", flat=True)) == {TODAY}
    event = art13.request.events.get(kind="host_states_informed")
    assert event.data == {"states": ["BE", "DE"], "sent_on": TODAY.isoformat()}
    assert AuditEvent.objects.filter(action="certificate.host_states_informed").exists()
    with pytest.raises(ValidationError):  # nothing left to send
        certificate_mark_sent(actor=caseworker, certificate=art13, sent_on=TODAY)


@pytest.mark.parametrize("days", [1, -400])
def test_a_day_in_the_future_or_before_the_issue_is_refused(art13, caseworker, days):
    with pytest.raises(ValidationError) as raised:
        certificate_mark_sent(actor=caseworker, certificate=art13, sent_on=TODAY + dt.timedelta(days=days))
    assert "sent_on" in raised.value.message_dict
    assert not art13.host_state_records.filter(sent_on__isnull=False).exists()


def test_only_a_caseworker_records_it(art13, employer_admin):
    with pytest.raises(PermissionDenied):
        certificate_mark_sent(actor=employer_admin, certificate=art13, sent_on=TODAY)


def test_the_admin_lists_what_is_still_to_send_and_records_it(art13, caseworker_client):
    changelist = reverse("admin:casework_certificate_changelist")
    assert art13.number in caseworker_client.get(changelist, {"informed": "no"}).content.decode()
    assert art13.number not in caseworker_client.get(changelist, {"informed": "yes"}).content.decode()
    change = caseworker_client.get(
        reverse("admin:casework_certificate_change", args=[art13.pk])
    ).content.decode()
    assert "not yet" in change
    url = reverse("admin:casework_certificate_sent", args=[art13.pk])
    assert url in change

    response = caseworker_client.post(url, {"sent_on": (TODAY + dt.timedelta(days=3)).isoformat()})
    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()

    response = caseworker_client.post(url, {"sent_on": TODAY.isoformat()})
    assert response.status_code == 302
    assert art13.number in caseworker_client.get(changelist, {"informed": "yes"}).content.decode()
    change = caseworker_client.get(
        reverse("admin:casework_certificate_change", args=[art13.pk])
    ).content.decode()
    assert url not in change
