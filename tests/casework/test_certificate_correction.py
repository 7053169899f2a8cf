"""A caseworker corrects an issued certificate and the portal re-issues it (casework.services.
correction): a new certificate with a new number replaces the old one, which inspectors are told is
replaced (by which number, since when); the employer and its consultants are told why; the API and
webhooks carry the link both ways; the history of both requests says what happened."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import AuditEvent
from api.services.tokens import token_create
from casework.models import Certificate, InboxMessage
from casework.services.correction import certificate_correct, correction_initial
from casework.services.withdrawal import certificate_withdraw
from postings.models import CoverageRequest
from postings.services.drafts import draft_extend
from tests.casework.builders import committed
from tests.casework.test_certificate_pdf import approved, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(engine, employer, employer_admin, employee, caseworker):
    return approved(engine, employer, employee, caseworker, employer_admin, language="fr")


def _form(certificate, **changes) -> dict:
    """What the correction form posts: the printed values, with `changes`."""
    initial = correction_initial(certificate)
    data = dict(initial["holder"])
    data["birth_date"] = dt.date.fromisoformat(data["birth_date"]).strftime("%d-%m-%Y")
    for place in initial["places"]:
        for name in ("name", "street", "house_number", "postal_code", "town"):
            data[f"place_{place['seq']}_{name}"] = place[name]
    data["admitted_end"] = initial["admitted_end"].strftime("%d-%m-%Y")
    data["reason"] = "The surname was misspelt."
    data.update(changes)
    return data


def _correct(caseworker, certificate, *, family_name="Delporte-Smit", admitted_end=None, reason="Misspelt."):
    initial = correction_initial(certificate)
    with committed():
        return certificate_correct(
            actor=caseworker,
            certificate=certificate,
            holder={**initial["holder"], "family_name": family_name},
            places=initial["places"],
            admitted_end=admitted_end or initial["admitted_end"],
            reason=reason,
        )


def _verify(client, number, birth_date="1985-07-30"):
    return client.post(
        reverse("casework:verify"), {"number": number, "birth_date": birth_date}
    ).content.decode()


def test_the_caseworker_corrects_and_reissues_through_the_admin(
    caseworker_client, client, certificate, caseworker
):
    page = caseworker_client.get(reverse("admin:casework_certificate_change", args=[certificate.pk]))
    url = reverse("admin:casework_certificate_correct", args=[certificate.pk])
    assert url in page.content.decode()

    form = caseworker_client.get(url).content.decode()
    assert 'value="Delporte"' in form  # pre-filled as printed
    assert "cannot be corrected here" in form  # the determination: a withdrawal and a new request

    # Continue: the confirmation shows old → new and writes nothing yet.
    data = _form(certificate, family_name="Delporte-Smit", admitted_end="30-11-2027")
    preview = caseworker_client.post(url, {**data, "preview": "1"}).content.decode()
    assert 'id="correction-changes"' in preview and 'name="confirm"' in preview
    assert "Delporte</td><td>→ Delporte-Smit" in preview
    assert "31-12-2027</td><td>→ 30-11-2027" in preview
    assert (
        Certificate.objects.count() == 1
        and certificate.request.events.filter(kind="certificate_replaced").count() == 0
    )

    with committed():  # the issue task runs after the commit
        done = caseworker_client.post(url, {**data, "confirm": "1"}, follow=True)
    new = Certificate.objects.exclude(pk=certificate.pk).get()
    assert new.number != certificate.number
    assert f"Certificate {new.number} replaces certificate {certificate.number}" in done.content.decode()
    assert done.request["PATH_INFO"] == reverse("admin:casework_certificate_change", args=[new.pk])

    certificate.refresh_from_db()
    assert certificate.status == "withdrawn" and certificate.replaced_by == new
    assert new.status == "valid" and new.replaces == certificate
    assert new.request.corrects == certificate.request
    assert new.request.admitted_end == dt.date(2027, 11, 30)
    assert new.request.admitted_start == certificate.request.admitted_start
    assert new.request.determination == certificate.request.determination
    assert new.holder["family_name"] == "Delporte-Smit"
    assert certificate.holder["family_name"] == "Delporte"  # the old one as it was printed

    # The PDF came through the ordinary task: corrected name, new number, the one it replaces.
    text = pdf_text(new)
    assert "Delporte-Smit" in text and new.number in text and certificate.number in text
    assert new.delivered_at is not None

    # History on both requests, the audit.
    old_event = certificate.request.events.get(kind="certificate_replaced")
    assert old_event.actor == caseworker and old_event.to_status == "cancelled"
    assert old_event.data["replaced_by"] == new.number
    assert new.request.events.filter(kind="correction_issued", actor=caseworker).exists()
    assert new.request.events.filter(kind="certificate_issued").count() == 1
    assert AuditEvent.objects.filter(action="certificate.replaced").count() == 1

    # Verification: the old one says replaced, by which number and when; the new one is valid.
    old_page = _verify(client, certificate.number)
    today = dt.date.today().isoformat()
    assert f"Replaced by a corrected certificate {new.number} on {today}" in old_page
    assert "Delporte" not in old_page and "Anna" not in old_page  # nothing more about the worker
    assert "This certificate is valid" in _verify(client, new.number)

    # A replaced certificate offers neither a correction nor a withdrawal.
    page = caseworker_client.get(
        reverse("admin:casework_certificate_change", args=[certificate.pk])
    ).content.decode()
    assert url not in page and f"Replaced by the corrected certificate {new.number}" in page


def test_errors_are_shown_at_their_fields_and_nothing_is_written(caseworker_client, certificate):
    url = reverse("admin:casework_certificate_correct", args=[certificate.pk])

    def errors_for(**changes):
        page = caseworker_client.post(url, {**_form(certificate, **changes), "preview": "1"}).content.decode()
        assert 'name="confirm"' not in page
        return page

    later = errors_for(admitted_end="31-01-2028")
    assert "a longer period is a new decision" in later
    assert 'class="form-row errors"' in later
    before = errors_for(admitted_end="28-02-2027")
    assert "The end cannot be before the start of the admitted period, 01-03-2027." in before
    empty = errors_for(reason=" ")
    assert "Give the reason for the correction; the employer will see it." in empty
    same = errors_for()
    assert f"Nothing to correct: these are the data certificate {certificate.number} printed." in same
    no_name = errors_for(family_name="")
    assert "Enter the surname." in no_name

    # Even a confirm with a bad value writes nothing.
    caseworker_client.post(url, {**_form(certificate, admitted_end="31-01-2028"), "confirm": "1"})
    assert Certificate.objects.count() == 1 and CoverageRequest.objects.count() == 1
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_a_withdrawn_certificate_cannot_be_corrected(caseworker_client, certificate, caseworker):
    certificate_withdraw(actor=caseworker, certificate=certificate, reason="Never took place.")
    url = reverse("admin:casework_certificate_correct", args=[certificate.pk])
    page = caseworker_client.get(url).content.decode()
    assert "it cannot be corrected" in page and 'name="preview"' not in page
    caseworker_client.post(url, {**_form(certificate, family_name="X"), "confirm": "1"})
    assert Certificate.objects.count() == 1


def test_only_a_caseworker_corrects(client, certificate, employer_admin, caseworker):
    url = reverse("admin:casework_certificate_correct", args=[certificate.pk])
    client.force_login(employer_admin)
    response = client.post(url, {**_form(certificate, family_name="X"), "confirm": "1"})
    assert response.status_code in (302, 403, 404)
    # A caseworker without a verified second factor is sent to it, as for every casework page.
    client.force_login(caseworker)
    response = client.post(url, {**_form(certificate, family_name="X"), "confirm": "1"})
    assert response.status_code == 302 and response["Location"].startswith(("/admin/login/", "/accounts/"))
    assert Certificate.objects.count() == 1
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _correct(employer_admin, certificate)


def test_the_employer_and_its_consultant_are_told_in_the_requests_language(
    certificate, caseworker, employer, representative_firm, representative_user, settings
):
    mail.outbox.clear()
    new = _correct(caseworker, certificate, reason="Le nom était mal orthographié.")
    for organisation in (employer, representative_firm):
        message = InboxMessage.objects.get(organisation=organisation, certificate=new)
        # French, as the request: which certificate was replaced, by which number, the reason.
        assert message.subject == f"L'attestation corrigée {new.number} remplace {certificate.number}"
        assert certificate.number in message.body and new.number in message.body
        assert "Le nom était mal orthographié." in message.body
        assert message.request == new.request
    assert mail.outbox and new.request.transaction_number in mail.outbox[0].subject


def test_the_request_pages_link_old_and_new(client, certificate, caseworker, employer_admin):
    new = _correct(caseworker, certificate)
    client.force_login(employer_admin)
    old_page = client.get(reverse("postings:detail", args=[certificate.request_id])).content.decode()
    assert f"was replaced on {dt.date.today():%d-%m-%Y} by the corrected certificate {new.number}" in old_page
    assert reverse("postings:detail", args=[new.request_id]) in old_page
    assert reverse("casework:certificate_download", args=[certificate.pk]) in old_page  # kept for the record
    assert "Certificate replaced by a corrected certificate" in old_page  # history
    new_page = client.get(reverse("postings:detail", args=[new.request_id])).content.decode()
    assert f"it replaces certificate {certificate.number}" in new_page
    assert "Corrected certificate issued by the institution" in new_page
    assert client.get(reverse("casework:certificate_download", args=[certificate.pk])).status_code == 200


def test_the_api_links_both_ways_and_a_webhook_tells_payroll_software(
    certificate, caseworker, employer_admin, employer
):
    from api.models import WebhookDelivery
    from api.services.webhooks import webhook_create

    webhook_create(actor=employer_admin, employer=employer, url="https://payroll.example/hook")
    new = _correct(caseworker, certificate)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token_create(actor=employer_admin, name='t')[1]}")
    base = f"/api/v1/employers/{employer.pk}/requests"
    old_data = api.get(f"{base}/{certificate.request_id}/certificate/").json()
    assert old_data["status"] == "withdrawn"
    assert old_data["replaced_by"]["number"] == new.number
    assert old_data["replaced_by"]["request"] == new.request_id and old_data["replaces"] is None
    new_data = api.get(f"{base}/{new.request_id}/certificate/").json()
    assert new_data["replaces"]["number"] == certificate.number and new_data["replaced_by"] is None

    delivery = WebhookDelivery.objects.get(event="certificate.replaced")
    assert delivery.payload["request"]["id"] == certificate.request_id
    assert delivery.payload["request"]["status"] == "cancelled"
    assert delivery.payload["certificate"]["number"] == certificate.number
    assert delivery.payload["replaced_by"]["number"] == new.number
    assert delivery.payload["replaced_by"]["request"] == new.request_id
    assert delivery.payload["reason"] == "Misspelt."
    assert not WebhookDelivery.objects.filter(event="request.cancelled").exists()
    assert WebhookDelivery.objects.filter(
        event="certificate.ready", payload__request__id=new.request_id
    ).exists()
    schema = api.get("/api/schema/").content.decode()
    assert "certificate.replaced" in schema and "replaced_by" in schema


def test_a_correction_of_a_correction(client, certificate, caseworker):
    first = _correct(caseworker, certificate, family_name="Delporte-Smit")
    second = _correct(caseworker, first, family_name="Delporte-Smits", admitted_end=dt.date(2027, 10, 31))
    certificate, first = (Certificate.objects.get(pk=c.pk) for c in (certificate, first))
    assert second.replaces == first and first.replaced_by == second
    assert certificate.replaced_by == first  # the first replacement stays on record
    assert second.request.corrects == first.request and second.request.admitted_end == dt.date(2027, 10, 31)
    assert second.holder["family_name"] == "Delporte-Smits"
    assert f"Replaced by a corrected certificate {second.number}" in _verify(client, first.number)
    assert f"Replaced by a corrected certificate {first.number}" in _verify(client, certificate.number)
    assert "This certificate is valid" in _verify(client, second.number)
    # Only the last request is in force: one closed request for the worker, the others cancelled.
    statuses = sorted(CoverageRequest.objects.values_list("status", flat=True))
    assert statuses == ["cancelled", "cancelled", "closed"]


def test_a_corrected_birth_date_is_what_verification_and_section_1_print(client, certificate, caseworker):
    initial = correction_initial(certificate)
    with committed():
        new = certificate_correct(
            actor=caseworker,
            certificate=certificate,
            holder={
                **initial["holder"],
                "birth_date": dt.date(1985, 7, 3),
                "temp_town": "Liège",
                "temp_country": "BE",
            },
            places=[{**initial["places"][0], "street": "Rue Basse", "house_number": "3"}],
            admitted_end=initial["admitted_end"],
            reason="Wrong birth date and address.",
        )
    text = pdf_text(new)
    assert "1985-07-03" in text and "Rue Basse 3" in text and "Liège" in text
    assert "This certificate is valid" in _verify(client, new.number, "1985-07-03")
    assert "Certificate not found" in _verify(client, new.number, "1985-07-30")
    # The old one is still found with the date it printed, and says it was replaced.
    assert f"Replaced by a corrected certificate {new.number}" in _verify(client, certificate.number)
    assert (
        new.request.places.get().street == "Rue Basse"
        and certificate.request.places.get().street == "Rue Haute"
    )


def test_extensions_follow_the_corrected_request(certificate, caseworker, employer_admin):
    from django.core.exceptions import ValidationError

    extension = draft_extend(actor=employer_admin, source=certificate.request, new_end=dt.date(2028, 6, 30))
    new = _correct(caseworker, certificate)
    extension.refresh_from_db()
    assert extension.extends_id == new.request_id  # the chain stays whole
    with pytest.raises(ValidationError) as raised:
        old = CoverageRequest.objects.get(pk=certificate.request_id)
        draft_extend(actor=employer_admin, source=old, new_end=dt.date(2028, 6, 30))
    assert new.request.transaction_number in str(raised.value)
    again = draft_extend(actor=employer_admin, source=new.request, new_end=dt.date(2028, 6, 30))
    assert again.extends_id == new.request_id


def test_a_holder_of_unknown_sex_can_be_corrected_through_the_form(
    caseworker_client, engine, employer, employer_admin, caseworker
):
    from tests import factories

    employee = factories.make_employee(employer, sex="U")
    certificate = approved(engine, employer, employee, caseworker, employer_admin)
    url = reverse("admin:casework_certificate_correct", args=[certificate.pk])
    preview = caseworker_client.post(url, {**_form(certificate, family_name="Delporte-Smit"), "preview": "1"})
    assert 'name="confirm"' in preview.content.decode()


def test_a_replaced_paper_certificate_leaves_the_list_to_print(
    caseworker_client, engine, employer, employer_admin, employee, caseworker
):
    old = approved(engine, employer, employee, caseworker, employer_admin, output_channel="paper")
    new = _correct(caseworker, old)
    assert new.print_required  # the corrected one goes to the print queue, as an ordinary issue does
    url = reverse("admin:casework_printqueueentry_changelist")
    to_print = caseworker_client.get(url, {"printed": "no"}).content.decode()
    assert new.number in to_print and old.number not in to_print


def test_the_api_request_list_links_the_replaced_request_and_the_correction(
    certificate, caseworker, employer_admin, employer
):
    """A payroll program that reads the list sees, without a call per certificate, that its request
    was replaced (cancelled, corrected_by) and which new request carries the corrected certificate."""
    new = _correct(caseworker, certificate)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token_create(actor=employer_admin, name='t')[1]}")
    base = f"/api/v1/employers/{employer.pk}/requests/"
    rows = {row["id"]: row for row in api.get(base).json()["results"]}
    old_row, new_row = rows[certificate.request_id], rows[new.request_id]
    assert old_row["status"] == "cancelled" and old_row["certificate"]["status"] == "withdrawn"
    assert old_row["corrected_by"] == new.request_id and old_row["corrects"] is None
    assert new_row["corrects"] == certificate.request_id and new_row["corrected_by"] is None
    closed = api.get(base, {"status": "closed"}).json()["results"]
    assert [row["id"] for row in closed] == [new.request_id]
    detail = api.get(f"{base}{certificate.request_id}/").json()
    assert detail["corrected_by"] == new.request_id


def test_the_dashboard_counts_a_correction_as_no_request_sent(caseworker_client, certificate, caseworker):
    _correct(caseworker, certificate)
    figures = caseworker_client.get(reverse("casework:dashboard")).context["figures"]
    # "Requests sent per week": the employer sent one; the institution's correction was not sent.
    assert sum(n for _week, n in figures["per_week"]) == 1
    # "Requests per state of work": one posting counted once, not again for its correction.
    assert sum(n for _state, n in figures["per_state"]) == 1


def test_an_open_objection_and_a_double_confirm_are_refused_at_the_page(
    caseworker_client, certificate, caseworker
):
    from casework.models import Objection

    url = reverse("admin:casework_certificate_correct", args=[certificate.pk])
    confirm = {**_form(certificate, family_name="Delporte-Smit"), "confirm": "1"}
    objection = Objection.objects.create(
        certificate=certificate, state="BE", reason="Not posted.", recorded_by=caseworker
    )
    page = caseworker_client.post(url, confirm)
    assert page.status_code == 200 and "objection to this certificate is open" in page.content.decode()
    assert Certificate.objects.count() == 1
    Objection.objects.filter(pk=objection.pk).update(outcome="confirmed", settled_on=dt.date.today())
    with committed():
        assert caseworker_client.post(url, confirm).status_code == 302
    # The confirm page sent twice (a double click, the back button): one corrected certificate.
    again = caseworker_client.post(url, confirm)
    assert again.status_code == 200 and "it cannot be corrected" in again.content.decode()
    assert Certificate.objects.count() == 2


def test_a_correction_before_the_corrected_pdf_was_made(certificate, caseworker, employer):
    """The caseworker corrects the new certificate again while its issue task has not run yet: the
    task, when it runs, makes and sends nothing for the replaced one, and the employer, who never
    received that one, is told the last corrected certificate replaces the one they hold."""
    from casework.services.certificates import certificate_issue

    initial = correction_initial(certificate)
    first = certificate_correct(  # no commit: its issue task has not run, so it has no PDF yet
        actor=caseworker,
        certificate=certificate,
        holder={**initial["holder"], "family_name": "Delporte-Smit"},
        places=initial["places"],
        admitted_end=initial["admitted_end"],
        reason="Misspelt.",
    )
    assert not first.pdf
    second = _correct(caseworker, first, family_name="Delporte-Smits")
    assert certificate_issue(request_id=first.request_id) is None
    first.refresh_from_db()
    second.refresh_from_db()
    assert not first.pdf and first.delivered_at is None
    assert second.pdf and second.delivered_at is not None
    message = InboxMessage.objects.filter(organisation=employer, kind="certificate").latest("pk")
    assert second.number in message.subject and certificate.number in message.subject
    assert first.number not in message.subject + message.body
    assert certificate.request.transaction_number in message.body
