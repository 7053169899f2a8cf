"""Fourteenth session's walkthrough of the caseworker's request page: the person's other requests
(from any employer) and the attached documents are on the page the caseworker decides on."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from postings.models import ResidenceStatement
from tests import factories
from tests.casework.builders import make_request

pytestmark = pytest.mark.django_db


def _page(client, request):
    return client.get(reverse("admin:postings_coveragerequest_change", args=[request.pk])).content.decode()


def test_the_page_lists_every_request_for_the_person_from_any_employer(
    caseworker_client, engine, employer, employer_admin, employee
):
    earlier = make_request(
        employer, employee, employer_admin, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31)
    )
    other_employer = factories.make_employer(name="Hollandse Transport B.V.")
    other_admin = factories.make_user()
    factories.add_member(other_admin, other_employer)
    same_person = factories.make_employee(other_employer, personal_number=employee.personal_number)
    elsewhere = make_request(
        other_employer, same_person, other_admin, start=dt.date(2025, 3, 1), end=dt.date(2025, 8, 31)
    )
    stranger = make_request(employer, factories.make_employee(employer, family_name="Jansen"), employer_admin)
    draft = make_request(
        employer, employee, employer_admin, start=dt.date(2029, 1, 1), end=dt.date(2029, 2, 1), submit=False
    )
    current = make_request(employer, employee, employer_admin)

    html = _page(caseworker_client, current)
    section = html[html.index("All requests for this person") :]
    for request in (earlier, elsewhere):
        url = reverse("admin:postings_coveragerequest_change", args=[request.pk])
        assert f'<a href="{url}">{request.transaction_number}</a>' in section
    assert f"<strong>{current.transaction_number}</strong>" in section
    assert "Hollandse Transport B.V." in section and "2025-03-01 – 2025-08-31" in section
    assert stranger.transaction_number not in section
    assert reverse("admin:postings_coveragerequest_change", args=[draft.pk]) not in section
    # On the time axis with the 24-month limit, as the employer sees it.
    assert '<svg class="timeline"' in section and "24-month posting limit" in section
    # Earliest first.
    assert section.index(elsewhere.transaction_number) < section.index(earlier.transaction_number)


def test_the_residence_statement_and_the_authorization_open_from_the_request_page(
    caseworker_client, client, engine, employer, employer_admin, employee, caseworker
):
    request = make_request(employer, employee, employer_admin)
    statement = ResidenceStatement(
        request=request, statement_date=dt.date(2027, 1, 15), uploaded_by=employer_admin
    )
    statement.file.save("statement.pdf", ContentFile(b"%PDF-1.4 the statement"), save=True)

    html = _page(caseworker_client, request)
    url = reverse("admin:postings_coveragerequest_residence_statement", args=[request.pk])
    assert "Residence state&#x27;s statement: dated 2027-01-15" in html
    assert f'<a href="{url}" target="_blank" rel="noopener">Open PDF</a>' in html
    response = caseworker_client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 the statement"


def test_only_a_caseworker_with_a_second_factor_opens_the_statement(
    client, engine, employer, employer_admin, employee, caseworker
):
    request = make_request(employer, employee, employer_admin)
    statement = ResidenceStatement(
        request=request, statement_date=dt.date(2027, 1, 15), uploaded_by=employer_admin
    )
    statement.file.save("statement.pdf", ContentFile(b"%PDF-1.4 x"), save=True)
    url = reverse("admin:postings_coveragerequest_residence_statement", args=[request.pk])
    for user in (employer_admin, caseworker):  # the caseworker here has no verified second factor
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 302 and "pdf" not in response.get("Content-Type", "")


def test_the_determination_names_the_state_and_the_pd_a1_box_in_words(
    caseworker_client, engine, employer, employer_admin, employee
):
    request = make_request(employer, employee, employer_admin)
    html = _page(caseworker_client, request)
    assert "Legislation: Netherlands (NL)</strong>" in html
    assert "PD A1 box: 3.1 Posted employed person" in html
    assert "status code" not in html and "Legislation: NL<" not in html
    caseworker_client.cookies["django_language"] = "nl"
    html = _page(caseworker_client, request)
    assert "3.1 Gedetacheerde werknemer" in html


def test_the_decision_page_names_the_flags(caseworker_client, engine, employer, employer_admin):
    from accounts.models import EmploymentPeriod

    worker = factories.make_employee(employer, family_name="Jansen")
    EmploymentPeriod.objects.filter(employee=worker).delete()
    flagged = make_request(employer, worker, employer_admin)
    url = reverse("admin:postings_coveragerequest_reject", args=[flagged.pk])
    html = caseworker_client.get(url).content.decode()
    summary = html[html.index('<th scope="row">Flags</th>') :]
    assert "NOT_EMPLOYED_WHOLE_PERIOD" not in summary[:300]
    assert "Not employed" in summary[:300]


def test_the_art16_answer_is_offered_only_where_an_exception_was_asked(
    caseworker_client, engine, employer, employer_admin, employee
):
    from tests.casework.builders import posting_answers

    link = "Record the Art. 16 answer"
    plain = make_request(employer, employee, employer_admin)
    html = _page(caseworker_client, plain)
    assert "Not asked for." in html and link not in html
    answers = {**posting_answers(dt.date(2027, 3, 1), dt.date(2027, 12, 31)), "check": {"ask_art16": True}}
    asked = make_request(employer, employee, employer_admin, start=dt.date(2027, 3, 1), answers=answers)
    html = _page(caseworker_client, asked)
    assert link in html
    page = caseworker_client.get(reverse("admin:postings_coveragerequest_exception", args=[asked.pk]))
    assert "Netherlands (NL)" in page.content.decode()


def test_the_engines_reasons_are_in_the_caseworkers_language(
    caseworker_client, employer, employer_admin, employee
):
    """With the real engine: the validation stored the English sentences; a Dutch caseworker reads
    them in Dutch, with the same figures."""
    request = make_request(employer, employee, employer_admin)  # no stand-in engine here
    html = _page(caseworker_client, request)
    assert "The planned posting lasts 10 months; the limit is 24 months." in html
    caseworker_client.cookies["django_language"] = "nl"
    html = _page(caseworker_client, request)
    assert "De geplande detachering duurt 10 maanden; de maximumduur is 24 maanden." in html
    assert "The planned posting lasts" not in html


def test_a_determination_the_engine_no_longer_gives_stays_as_stored(
    caseworker_client, employer, employer_admin, employee
):
    request = make_request(employer, employee, employer_admin)
    stored = (
        request.determination
        if request.determination
        else type(request).objects.get(pk=request.pk).determination
    )
    stored["reasons"][0]["explanation"] = "What the engine said at the time."
    type(request).objects.filter(pk=request.pk).update(determination=stored)
    caseworker_client.cookies["django_language"] = "nl"
    html = _page(caseworker_client, request)
    assert "What the engine said at the time." in html and "De geplande detachering" not in html
