"""The consult list's rows, prepared in Python: what each cell shows and where each link goes.

The template engine resolved about 40 variables, 4 URLs and an include per row; for a page of ten
rows that was most of the page's CPU under load (benchmarks/load.py, profiled). Here each URL is
one string substitution into a pattern reversed once per process, and dates are formatted once.
"""

from dataclasses import dataclass
from functools import cache

from django.urls import get_script_prefix, reverse

from .models import CoverageRequest
from .services.drafts import can_extend
from .status import Status

# A request number no real request has, replaced by the real one in the reversed URL.
_PK_MARK = 987654321987


@cache
def _pattern(name: str, prefix: str) -> str:
    return reverse(name, args=[_PK_MARK])


def request_url(name: str, pk: int) -> str:
    """reverse(name, args=[pk]) for the postings URLs that take only a request's number."""
    return _pattern(name, get_script_prefix()).replace(str(_PK_MARK), str(int(pk)))


def _period(start, end) -> str:
    if not start:
        return ""
    return f"{start:%d-%m-%Y} – {end:%d-%m-%Y}" if end else f"{start:%d-%m-%Y} –"


@dataclass(frozen=True, slots=True)
class ConsultRow:
    request: CoverageRequest  # for {% status_tags %}
    number: str
    detail_url: str
    type_label: str
    personal_number: str
    worker: str
    state: str
    admitted: str
    requested: str
    cancel_url: str | None
    extend_url: str | None


def consult_rows(requests) -> list[ConsultRow]:
    rows = []
    for obj in requests:
        state = obj.state_of_work.name if obj.state_of_work else ""
        if obj.territory:
            state = f"{state} ({obj.get_territory_display()})"
        rows.append(
            ConsultRow(
                request=obj,
                number=obj.transaction_number,
                detail_url=request_url("postings:detail", obj.pk),
                type_label=obj.get_type_display(),
                personal_number=obj.masked_personal_number,
                worker=obj.worker_name,
                state=state,
                admitted=_period(obj.admitted_start, obj.admitted_end),
                requested=_period(obj.requested_start, obj.requested_end),
                # Offered on every request not yet cancelled; the cancel page explains when it can't.
                cancel_url=request_url("postings:cancel", obj.pk) if obj.status != Status.CANCELLED else None,
                extend_url=request_url("postings:extend", obj.pk) if can_extend(obj) else None,
            )
        )
    return rows
