"""The same worker's other requests that are in force or being decided, read once per validation.

The validation checks a new request against the worker's earlier ones (postings/services/validation:
overlapping periods, the two months between postings to the same state) and the engine is told when
the worker's latest earlier posting to the same state ended (postings/situation: legislation.md 2.3
P7). Each used to ask the database its own question about the same few rows: three queries whose
building by the ORM was most of the validation's CPU (the worker's OR-ed identity, the excluded
statuses; benchmarks/load.py, profiled by CPU clock). A worker has a handful of requests, so they
are read here once, a few columns each, with SQL compiled once per process, and each check picks
what it needs in Python.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from django.db.models import Q

from coverage_portal.precompiled import PrecompiledValues

from .models import CoverageRequest
from .status import Decision, Status
from .worker import worker_keys


class EarlierRequest(NamedTuple):
    pk: int
    transaction_number: str
    type: str
    employer_id: int
    state_of_work: str
    territory: str
    requested_start: dt.date
    requested_end: dt.date
    admitted_end: dt.date | None

    @property
    def end(self) -> dt.date:
        """The end of what was admitted, or asked for while it is being decided."""
        return self.admitted_end or self.requested_end


# No directory entry or no personal number stands for "no such link": neither value is ever stored
# (ids are positive; a personal number is validated digits, never "-").
_NO_EMPLOYEE = -1
_NO_NUMBER = "-"

_OTHERS_OF_WORKER = PrecompiledValues(
    lambda employee_id, employer_id, personal_number, pk: (
        CoverageRequest.objects.filter(
            Q(employee_id=employee_id)
            | Q(employee__isnull=True, employer_id=employer_id, personal_number=personal_number)
        )
        .exclude(pk=pk)
        .exclude(status__in=[Status.DRAFT, Status.CANCELLED])
        .exclude(decision=Decision.REJECTED)
        .filter(requested_start__isnull=False, requested_end__isnull=False)
        # The model's order (latest sent first), which the flags keep.
        .values_list(*EarlierRequest._fields)
    ),
    employee_id=int,
    employer_id=int,
    personal_number=str,
    pk=int,
)


def others_of_worker(request: CoverageRequest) -> list[EarlierRequest]:
    """The worker's other sent requests with a period, except cancelled and rejected ones: the same
    rows as `same_worker(request)` with those exclusions (postings/worker.py says who counts as the
    same worker). Empty when the request names no worker yet."""
    employee_id, number = worker_keys(request)
    if employee_id is None and not number:
        return []
    rows = _OTHERS_OF_WORKER.all(
        employee_id=_NO_EMPLOYEE if employee_id is None else employee_id,
        employer_id=request.employer_id,
        personal_number=number or _NO_NUMBER,
        pk=request.pk or _NO_EMPLOYEE,
    )
    return [EarlierRequest._make(row) for row in rows]
