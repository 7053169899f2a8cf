"""The validation runs in the worker, in no reader's language: its findings are kept in each of the
portal's languages, and a caseworker reads them in theirs."""

import pytest
from django.urls import reverse

from tests.casework.builders import determination, make_request

pytestmark = pytest.mark.django_db


def change_page(client, request, language):
    url = reverse("admin:postings_coveragerequest_change", args=[request.pk])
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_a_finding_reads_in_the_caseworkers_language(
    caseworker_client, engine, employer, employer_admin, employee
):
    engine.result = determination(legislation="BE", article="11(3)(a)", code="12")
    request = make_request(employer, employee, employer_admin)
    request.refresh_from_db()
    (flag,) = request.flags
    # The record keeps the portal's default language, as before.
    assert flag["message"] == "The engine found that the legislation of BE applies, not that of NL."

    dutch = change_page(caseworker_client, request, "nl")
    assert "Volgens de beslisregels is de wetgeving van BE van toepassing, niet die van NL." in dutch
    assert "The engine found that" not in dutch
    german = change_page(caseworker_client, request, "de")
    assert "Laut Regelprüfung gelten die Rechtsvorschriften des Staates BE" in german


def test_the_engines_own_errors_in_a_finding_are_translated_too(
    caseworker_client, engine, monkeypatch, employer, employer_admin, employee
):
    import rules

    def determine(situation):  # the real engine, on a posting that ends before it starts
        return rules.determine(
            {
                "residence": "NL",
                "employment_type": "employed",
                "work": [{"country": "BE", "time_pct": 100, "remuneration_pct": 100, "activity": "employed"}],
                "employer": {"seat": "NL", "substantial_activity_in_seat": True},
                "posting": {
                    "sending_state": "NL",
                    "host_state": "BE",
                    "start": "2027-05-01",
                    "end": "2027-01-01",
                },
                "reference_date": "2027-05-01",
            }
        )

    monkeypatch.setattr("postings.services.validation.engine", lambda: (determine, rules.InvalidSituation))
    request = make_request(employer, employee, employer_admin)
    request.refresh_from_db()
    (flag,) = request.flags
    assert flag["code"] == "SITUATION_INVALID"
    assert "posting.end: The posting cannot end before it starts." in flag["message"]
    dutch = flag["messages"]["nl"]
    assert "posting.end: " in dutch and "The posting cannot end" not in dutch
    assert dutch in change_page(caseworker_client, request, "nl")


def test_findings_stored_before_the_languages_still_show(
    caseworker_client, engine, employer, employer_admin, employee
):
    request = make_request(employer, employee, employer_admin)
    type(request).objects.filter(pk=request.pk).update(
        flags=[{"code": "NO_PD_A1", "message": "The determination does not lead to a PD A1."}]
    )
    assert "The determination does not lead to a PD A1." in change_page(caseworker_client, request, "nl")
