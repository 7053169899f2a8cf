"""Requests, determinations and a stand-in engine for the pipeline tests."""

import datetime as dt

from django.test import TestCase

from postings.models import CoverageRequest, PlaceOfWork
from postings.services.lifecycle import request_submit


def determination(
    legislation="NL",
    article="12(1)",
    code="01",
    provisional=False,
    start="2027-03-01",
    end="2027-12-31",
    certificate="PD A1",
):
    return {
        "legislation": legislation,
        "provision": {"instrument": "883/2004", "article": article},
        "transitional": None,
        "provisional": provisional,
        "certificate": certificate,
        "a1_status_code": code,
        "period": {"start": start, "end": end},
        "reasons": [
            {
                "code": "ART12_1_MAX_24_MONTHS",
                "provision": "Reg. 883/2004 Art. 12(1)",
                "passed": True,
                "explanation": "The planned posting lasts 10 months; the limit is 24 months.",
            }
        ],
        "warnings": [],
    }


class FakeInvalid(Exception):
    def __init__(self, errors):
        super().__init__("invalid")
        self.errors = errors


class FakeEngine:
    """Answers like rules.determine would (the contract's shape); tests set `.result` or `.errors`."""

    def __init__(self):
        self.result = determination()
        self.errors = None
        self.calls = 0

    def determine(self, situation):
        self.calls += 1
        if self.errors:
            raise FakeInvalid(self.errors)
        return self.result


def posting_answers(start: dt.date, end: dt.date, state: str = "BE") -> dict:
    """Wizard answers of a clean posting (what postings.situation reads)."""
    return {
        "relationship": {"classification": "employed"},
        "places": {"places": [{"country": state, "location_type": "company", "name": "Bouwbedrijf 1 NV"}]},
        "conditions": {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "insured_30_days": True,
            "replaces_posted_worker": False,
            "host_contract": False,
            "host_can_change_pay": False,
            "host_can_dismiss": False,
            "host_can_discipline": False,
            "host_hires_out": False,
            "employer_substantial_activity": True,
        },
    }


def make_request(
    employer,
    employee,
    user,
    *,
    type="posting",
    start=dt.date(2027, 3, 1),
    end=dt.date(2027, 12, 31),
    state="BE",
    places=1,
    submit=True,
    language="en",
    **fields,
) -> CoverageRequest:
    if type == "posting":
        fields.setdefault("answers", posting_answers(start, end, state))
    request = CoverageRequest.objects.create(
        type=type,
        employer=employer,
        employee=employee,
        created_by=user,
        worker_name=f"{employee.given_names} {employee.family_name}",
        personal_number=employee.personal_number,
        state_of_work=state,
        requested_start=start,
        requested_end=end,
        language=language,
        **fields,
    )
    for i in range(places):
        PlaceOfWork.objects.create(
            request=request,
            seq=i + 1,
            country=state,
            location_type="company",
            name=f"Bouwbedrijf {i + 1} NV",
            street="Rue Haute",
            house_number=str(10 + i),
            postal_code="1000",
            town="Bruxelles",
        )
    if submit:
        with committed():
            request = request_submit(actor=user, request=request)
    return request


def committed():
    """Run the on-commit callbacks (queued tasks) as a real commit would, also those they queue."""
    return TestCase.captureOnCommitCallbacks(execute=True)
