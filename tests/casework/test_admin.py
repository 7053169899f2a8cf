import datetime as dt

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from accounts.models import EmploymentPeriod
from casework.models import Certificate, InboxMessage, Objection
from postings.services.decisions import request_decide
from tests import factories
from tests.casework.builders import committed, determination, make_request

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:postings_coveragerequest_changelist"


@pytest.fixture
def in_review(engine, employer, employer_admin, employee):
    return make_request(employer, employee, employer_admin)


def test_queue_filters_by_flag_status_and_state(
    caseworker_client, engine, employer, employer_admin, employee
):
    clean = make_request(employer, employee, employer_admin)
    other = factories.make_employee(employer, family_name="Jansen")
    EmploymentPeriod.objects.filter(employee=other).delete()
    flagged = make_request(employer, other, employer_admin, state="DE")
    url = reverse(CHANGELIST)
    page = caseworker_client.get(url, {"flag": "NOT_EMPLOYED_WHOLE_PERIOD"}).content.decode()
    assert flagged.transaction_number in page and clean.transaction_number not in page
    page = caseworker_client.get(url, {"flag": "none"}).content.decode()
    assert clean.transaction_number in page and flagged.transaction_number not in page
    page = caseworker_client.get(url, {"state_of_work": "DE"}).content.decode()
    assert flagged.transaction_number in page and clean.transaction_number not in page
    page = caseworker_client.get(url, {"status__exact": "in_review", "age": "1"}).content.decode()
    assert flagged.transaction_number in page and clean.transaction_number in page


def test_change_page_is_read_only_and_shows_everything(caseworker_client, in_review):
    page = caseworker_client.get(reverse("admin:postings_coveragerequest_change", args=[in_review.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "ART12_1_MAX_24_MONTHS" in html  # the determination's reasons
    assert "No flags" in html
    assert "Checked and passed on for review" in html  # the history, in words
    assert 'name="_save"' not in html and "deletelink" not in html
    assert "Approve" in html and "Ask for information" in html
    response = caseworker_client.post(
        reverse("admin:postings_coveragerequest_change", args=[in_review.pk]), {"worker_name": "Someone else"}
    )
    in_review.refresh_from_db()
    assert in_review.worker_name != "Someone else"
    assert response.status_code in (302, 403)


def test_change_page_shows_the_worker_as_sent_not_as_the_directory_says_now(
    caseworker_client, in_review, employer_admin, employee
):
    sent_number = employee.personal_number
    factories.edit_employee(
        employer_admin,
        employee,
        family_name="Delporte-Janssens",
        personal_number=factories.valid_bsn(),
        birth_date=dt.date(1986, 8, 31),
    )
    html = caseworker_client.get(
        reverse("admin:postings_coveragerequest_change", args=[in_review.pk])
    ).content.decode()
    assert "<td>Delporte</td>" in html and f"<td>{sent_number}</td>" in html
    assert "<td>1985-07-30</td>" in html and "<td>Netherlands</td>" in html
    assert "Delporte-Janssens" not in html and "1986-08-31" not in html


def test_no_add_no_delete(caseworker_client, in_review):
    assert caseworker_client.get(reverse("admin:postings_coveragerequest_add")).status_code == 403
    assert (
        caseworker_client.get(
            reverse("admin:postings_coveragerequest_delete", args=[in_review.pk])
        ).status_code
        == 403
    )


def test_approve_with_a_shorter_admitted_period(caseworker_client, in_review, caseworker):
    url = reverse("admin:postings_coveragerequest_approve", args=[in_review.pk])
    form = caseworker_client.get(url).content.decode()
    assert 'value="01-03-2027"' in form and 'value="31-12-2027"' in form
    bad = caseworker_client.post(url, {"admitted_start": "2027-01-01", "admitted_end": "2027-06-30"})
    assert "must start within the requested period" in bad.content.decode()
    with committed():
        response = caseworker_client.post(url, {"admitted_start": "2027-03-01", "admitted_end": "2027-06-30"})
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.decision == "approved" and in_review.admitted_end == dt.date(2027, 6, 30)
    assert Certificate.objects.filter(request=in_review).exists()
    assert in_review.events.get(kind="approved").actor == caseworker


def test_reject_page_requires_a_reason(caseworker_client, in_review, employer):
    url = reverse("admin:postings_coveragerequest_reject", args=[in_review.pk])
    assert "Give the reason" in caseworker_client.post(url, {"reason": ""}).content.decode()
    with committed():
        caseworker_client.post(url, {"reason": "No substantial activity in NL."})
    assert InboxMessage.objects.get(organisation=employer).body.endswith("No substantial activity in NL.")


def test_ask_information_action_redirects_to_the_form(caseworker_client, in_review, employer):
    response = caseworker_client.post(
        reverse(CHANGELIST), {"action": "ask_information", "_selected_action": [in_review.pk]}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:postings_coveragerequest_ask", args=[in_review.pk])
    caseworker_client.post(response["Location"], {"message": "Send the contract."})
    in_review.refresh_from_db()
    assert in_review.status == "info_requested"


def test_employers_and_unverified_staff_are_kept_out(client, in_review, employer_admin, caseworker):
    client.force_login(employer_admin)
    assert client.get(reverse(CHANGELIST)).status_code == 302
    staff = factories.make_user(is_staff=True)  # staff but not a caseworker
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=staff, name="p", confirmed=True)
    client.force_login(staff)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert (
        client.get(reverse("admin:postings_coveragerequest_approve", args=[in_review.pk])).status_code == 403
    )


def test_record_objection_and_host_state_json(
    caseworker_client, engine, employer, employer_admin, caseworker
):
    worker = factories.make_employee(employer, family_name="Peeters")
    engine.result = determination(article="13(1)(a)", code="02", provisional=True)
    request = make_request(employer, worker, employer_admin, type="simultaneous")
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    certificate = request.certificate
    url = reverse("admin:casework_certificate_objection", args=[certificate.pk])
    # Received within the two months after the certificate informed BE (R987 Art. 16(3)).
    received_on = (certificate.issued_at + dt.timedelta(days=20)).date().isoformat()
    caseworker_client.post(url, {"state": "BE", "received_on": received_on, "reason": "Works mostly in BE."})
    assert Objection.objects.get(certificate=certificate).state == "BE"
    data = caseworker_client.get(
        reverse("admin:casework_certificate_host_state", args=[certificate.pk])
    ).json()
    record = data["records"][0]
    assert record["sed"] == "A003" and record["receiving_state"] == "BE"
    assert record["decision"]["provisional"] is True
    assert record["person"]["family_name"] == "Peeters"


def test_print_queue(caseworker_client, engine, employer, employer_admin, employee, caseworker):
    request = make_request(employer, employee, employer_admin, output_channel="paper")
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    certificate = request.certificate
    assert certificate.print_required
    # paper: no download link in the e-box message
    assert InboxMessage.objects.get(organisation=employer, kind="certificate").certificate is None
    url = reverse("admin:casework_printqueueentry_changelist")
    assert certificate.number in caseworker_client.get(url).content.decode()
    caseworker_client.post(url, {"action": "mark_printed", "_selected_action": [certificate.pk]})
    certificate.refresh_from_db()
    assert certificate.printed_at is not None and certificate.printed_by == caseworker


def test_dashboard_draws_charts_for_caseworkers_only(caseworker_client, client, in_review, employer_admin):
    page = caseworker_client.get(reverse("casework:dashboard")).content.decode()
    assert page.count("<svg") == 4
    assert "Requests per status" in page and "Belgium" in page
    client.force_login(employer_admin)
    assert client.get(reverse("casework:dashboard")).status_code == 404


def test_dashboard_asks_a_caseworker_for_the_second_factor_first(client, caseworker):
    """Signed in with the password only, a caseworker is sent to set up (or enter) the authenticator
    code before the dashboard, as before the admin; back to the dashboard afterwards."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    url = reverse("casework:dashboard")
    client.force_login(caseworker)
    answer = client.get(url)
    back = urlencode({"next": url})
    assert answer.status_code == 302
    assert answer["Location"] == f"{reverse('accounts:otp_setup')}?{back}"
    TOTPDevice.objects.create(user=caseworker, name="phone", confirmed=True)
    answer = client.get(url)
    assert answer.status_code == 302
    assert answer["Location"] == f"{reverse('accounts:otp_verify')}?{back}"


@pytest.fixture
def approved_certificate(engine, employer, employer_admin, employee, caseworker):
    request = make_request(employer, employee, employer_admin, output_channel="paper")
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    return request.certificate


def test_caseworkers_cannot_change_or_delete_anything(caseworker_client, in_review, approved_certificate):
    message = InboxMessage.objects.filter(request=approved_certificate.request).first()
    targets = [
        ("postings_coveragerequest", in_review.pk, {"worker_name": "Someone else", "state_of_work": "DE"}),
        ("casework_certificate", approved_certificate.pk, {"number": "NL-FORGED"}),
        ("casework_printqueueentry", approved_certificate.pk, {"language": "fr"}),
        ("casework_inboxmessage", message.pk, {"body": "Forged"}),
    ]
    for name, pk, data in targets:
        assert caseworker_client.post(reverse(f"admin:{name}_change", args=[pk]), data).status_code == 403
        delete = caseworker_client.post(reverse(f"admin:{name}_delete", args=[pk]), {"post": "yes"})
        assert delete.status_code == 403
        bulk = caseworker_client.post(
            reverse(f"admin:{name}_changelist"), {"action": "delete_selected", "_selected_action": [pk]}
        )
        assert bulk.status_code in (200, 302)  # "no action selected": the action does not exist
    in_review.refresh_from_db()
    approved_certificate.refresh_from_db()
    message.refresh_from_db()
    assert in_review.worker_name != "Someone else" and in_review.state_of_work == "BE"
    assert approved_certificate.number != "NL-FORGED" and approved_certificate.language == "en"
    assert message.body != "Forged"
    assert Certificate.objects.filter(pk=approved_certificate.pk).exists()


def test_every_caseworker_action_leaves_an_event_and_an_audit_row(
    caseworker_client, caseworker, engine, employer, employer_admin, employee
):
    from accounts.models import AuditEvent

    def audited(action):
        return AuditEvent.objects.filter(action=action, actor=caseworker).exists()

    asked = make_request(employer, employee, employer_admin)
    caseworker_client.post(
        reverse("admin:postings_coveragerequest_ask", args=[asked.pk]), {"message": "Send the contract."}
    )
    assert asked.events.get(kind="info_requested").actor == caseworker and audited("request.info_requested")
    other = factories.make_employee(employer, family_name="Bakker")
    rejected = make_request(
        employer, other, employer_admin, start=dt.date(2028, 3, 1), end=dt.date(2028, 6, 30)
    )
    with committed():
        caseworker_client.post(
            reverse("admin:postings_coveragerequest_reject", args=[rejected.pk]), {"reason": "No activity."}
        )
    assert rejected.events.get(kind="rejected").actor == caseworker and audited("request.rejected")
    printed = make_request(
        employer, factories.make_employee(employer), employer_admin, output_channel="paper"
    )
    with committed():
        caseworker_client.post(
            reverse("admin:postings_coveragerequest_approve", args=[printed.pk]),
            {"admitted_start": "2027-03-01", "admitted_end": "2027-12-31"},
        )
    assert printed.events.get(kind="approved").actor == caseworker and audited("request.approved")
    caseworker_client.post(
        reverse("admin:casework_printqueueentry_changelist"),
        {"action": "mark_printed", "_selected_action": [printed.certificate.pk]},
    )
    assert printed.events.get(kind="certificate_printed").actor == caseworker and audited(
        "certificate.printed"
    )


def test_queue_and_request_page_speak_words_not_codes(
    caseworker_client, engine, employer, employer_admin, employee, approved_certificate
):
    other = factories.make_employee(employer, family_name="Jansen")
    EmploymentPeriod.objects.filter(employee=other).delete()
    flagged = make_request(employer, other, employer_admin, state="DE")
    queue = caseworker_client.get(reverse(CHANGELIST)).content.decode()
    # the filters offer what the queue holds, by name: no drafts, not 250 countries
    assert "Germany" in queue and "Belgium" in queue and "Afghanistan" not in queue
    assert ">Draft<" not in queue and ">Received<" in queue
    assert "Not employed for the whole period" in queue  # the flag filter
    assert "under a day" in queue
    page = caseworker_client.get(reverse("admin:postings_coveragerequest_change", args=[flagged.pk]))
    html = page.content.decode()
    assert "Request sent" in html and "Checked and passed on for review" in html
    assert "Received → In review" in html and "submitted → in_review" not in html
    assert "Not employed for the whole period" in html
    certificate_page = caseworker_client.get(
        reverse("admin:casework_certificate_change", args=[approved_certificate.pk])
    ).content.decode()
    assert "English" in certificate_page
