import datetime as dt

import pytest

import rules
from postings.models import CoverageRequest
from postings.status import Status
from tests import factories

_numbers = iter(range(1, 10**6))


class FakeInvalidSituation(Exception):
    def __init__(self, errors):
        super().__init__("invalid")
        self.errors = errors


@pytest.fixture
def engine(monkeypatch):
    """Stands in for rules.determine per the contract: NL under Art. 12(1) up to 24 months, else the host
    state under Art. 11(3)(a); InvalidSituation when the period is missing. Records the situations."""
    seen = []

    def determine(situation):
        seen.append(situation)
        if not situation.get("reference_date"):
            raise FakeInvalidSituation([{"field": "reference_date", "message": "reference_date is required"}])
        posting = situation.get("posting")
        if posting:
            months = (
                dt.date.fromisoformat(posting["end"]) - dt.date.fromisoformat(posting["start"])
            ).days / 30.4
            ok = months <= 24
            return {
                "legislation": "NL" if ok else posting["host_state"],
                "provision": {"instrument": "883/2004", "article": "12(1)" if ok else "11(3)(a)"},
                "transitional": None,
                "provisional": False,
                "certificate": "PD A1",
                "a1_status_code": "01",
                "period": {"start": posting["start"], "end": posting["end"]},
                "reasons": [
                    {
                        "code": "ART12_1_MAX_24_MONTHS",
                        "provision": "Reg. 883/2004 Art. 12(1)",
                        "passed": ok,
                        "explanation": f"The planned posting lasts {months:.0f} months; the limit is 24.",
                    }
                ],
                "warnings": [],
            }
        return {
            "legislation": "NL",
            "provision": {"instrument": "883/2004", "article": "13(1)(a)"},
            "transitional": None,
            "provisional": True,
            "certificate": "PD A1",
            "a1_status_code": "04",
            "period": None,
            "reasons": [],
            "warnings": [],
        }

    monkeypatch.setattr(rules, "determine", determine, raising=False)

    def determine_with_figures(situation, issuing_state=None):
        result = determine(situation)
        return result, [{} for _ in result["reasons"]], [(text, {}) for text in result["warnings"]]

    # The pages ask for the figures too (to show the reasons in the reader's language).
    monkeypatch.setattr(rules, "determine_with_figures", determine_with_figures, raising=False)
    monkeypatch.setattr(rules, "InvalidSituation", FakeInvalidSituation, raising=False)
    return seen


@pytest.fixture
def logged_in(client, employer_admin):
    client.force_login(employer_admin)
    return client


# The posting conditions step's answers as a request stores them (the wizard's own are strings).
STORED_CONDITIONS = {
    "insured_30_days": True,
    "host_contract": False,
    "host_can_change_pay": False,
    "host_can_dismiss": False,
    "host_can_discipline": False,
    "host_hires_out": False,
    "employer_substantial_activity": True,
    "replaces_posted_worker": False,
}


def stored_posting(employer, employee, user, start, end, country="BE", territory="", **fields):
    """An unsaved posting request with the wizard's answers as stored: one place in `country`."""
    place = {"country": country, "location_type": "region", "name": "Somewhere", "territory": territory}
    return CoverageRequest(
        type="posting",
        employer=employer,
        employee=employee,
        created_by=user,
        answers={
            "relationship": {"classification": "employed"},
            "places": {"places": [place]},
            "conditions": {**STORED_CONDITIONS, "start": start, "end": end},
        },
        **fields,
    )


def stored_seafarer(employer, employee, user, flag, classification="employed", **conditions):
    """An unsaved seafarer request with the wizard's answers as stored, on a ship flying `flag`."""
    return CoverageRequest(
        type="seafarer",
        employer=employer,
        employee=employee,
        created_by=user,
        answers={
            "relationship": {"classification": classification},
            "ship": {"name": "Zeeland", "imo_number": "9074729", "flag_state": flag},
            "conditions": {**STORED_CONDITIONS, "start": "2025-03-01", "end": "2025-12-31", **conditions},
        },
    )


def make_request(employer, employee=None, user=None, **fields):
    """A sent request (as the pipeline would leave it), with its consult columns."""
    user = user or factories.make_user()
    n = next(_numbers)
    fields.setdefault("type", "posting")
    fields.setdefault("status", Status.SUBMITTED)
    fields.setdefault("state_of_work", "BE")
    fields.setdefault("requested_start", dt.date(2025, 1, 1))
    fields.setdefault("requested_end", dt.date(2025, 12, 31))
    fields.setdefault("submitted_at", dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=n))
    if employee is not None:
        fields.setdefault("worker_name", f"{employee.family_name}, {employee.given_names}")
        fields.setdefault("personal_number", employee.personal_number)
    return CoverageRequest.objects.create(
        employer=employer, employee=employee, created_by=user, transaction_number=f"NL-2025-{n:08d}", **fields
    )
