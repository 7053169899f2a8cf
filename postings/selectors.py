"""Reads of requests, always scoped by the one permission rule (accounts.permissions).

No view fetches a request by id alone: it asks here with the acting employer, so an id that
belongs to another employer is simply not found (404).
"""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.acting import raise_if_of_another_employer
from accounts.models import Employee
from accounts.permissions import can_act_for
from coverage_portal.precompiled import PrecompiledRead

from .models import CoverageRequest
from .status import Status
from .worker import same_worker

EMPLOYEE_SEARCH_LIMIT = 50


def _of_employer(employer_id, *, sent_only: bool) -> QuerySet[CoverageRequest]:
    # What "the employer's requests" means, for the querysets below and the compiled reads alike.
    requests = CoverageRequest.objects.filter(employer_id=employer_id)
    return requests.exclude(status=Status.DRAFT) if sent_only else requests


def requests_for(user, employer) -> QuerySet[CoverageRequest]:
    """The employer's sent requests (never drafts), or none when `user` may not act for it."""
    if employer is None or not can_act_for(user, employer):
        return CoverageRequest.objects.none()
    return _of_employer(employer.pk, sent_only=True)


def drafts_for(user, employer) -> QuerySet[CoverageRequest]:
    """The employer's drafts, most recently touched first."""
    if employer is None or not can_act_for(user, employer):
        return CoverageRequest.objects.none()
    return CoverageRequest.objects.filter(employer=employer, status=Status.DRAFT).order_by(
        "-updated_at", "-pk"
    )


# The two reads of one request behind every request page and wizard step, compiled once per process
# (coverage_portal/precompiled.py): their hundred columns took longer to compile than to fetch. The
# certificate is joined for a draft too, though it has none: the API's answer after every write
# shows it, and the empty join costs next to nothing once compiled.
def _one_request(*, sent_only: bool) -> PrecompiledRead:
    return PrecompiledRead(
        lambda employer_id, pk: (
            _of_employer(employer_id, sent_only=sent_only)
            .filter(pk=pk)
            .select_related("employee", "certificate")
            .order_by()
        ),
        employer_id=int,
        pk=int,
    )


_SENT_REQUEST = _one_request(sent_only=True)
_ANY_REQUEST = _one_request(sent_only=False)


def _one_of_employer(read: PrecompiledRead, user, employer, pk) -> CoverageRequest:
    if employer is None or not can_act_for(user, employer):
        raise Http404
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < pk < 2**63:  # beyond a bigint: no such row (the database would refuse the value)
        raise Http404
    obj = read.first(employer_id=employer.pk, pk=pk)
    if obj is None:
        # Another employer's request the person may also act for: offer to switch (accounts.acting);
        # anyone else's stays a plain 404.
        unscoped = CoverageRequest.objects.filter(pk=pk)
        if read is _SENT_REQUEST:
            unscoped = unscoped.exclude(status=Status.DRAFT)
        raise_if_of_another_employer(user, unscoped.values_list("employer_id", flat=True))
        raise Http404
    obj.employer = employer  # the row was found by this employer: no second read for it
    return obj


def request_get(user, employer, pk) -> CoverageRequest:
    """One sent request of the employer, or 404.

    The request it extends or was based on is read only when there is one (`obj.extends`): joining
    two more requests' eighty columns on every read cost more than that rare second query."""
    return _one_of_employer(_SENT_REQUEST, user, employer, pk)


def draft_get(user, employer, pk) -> CoverageRequest:
    """One draft of the employer, or 404."""
    return get_object_or_404(drafts_for(user, employer).select_related("employee"), pk=pk)


def any_request_get(user, employer, pk) -> CoverageRequest:
    """A draft or a sent request of the employer, or 404 (the wizard redirects a sent one).

    The extended request is not joined: only extensions have one (`draft.extends` reads it then),
    and joining a second request's eighty columns on every wizard step cost a fifth of the read."""
    return _one_of_employer(_ANY_REQUEST, user, employer, pk)


def employees_for(user, employer) -> QuerySet[Employee]:
    if employer is None or not can_act_for(user, employer):
        return Employee.objects.none()
    return Employee.objects.filter(employer=employer)


def employee_search(employees: QuerySet[Employee], query: str) -> list[Employee]:
    """By personal number (exact) or by part of the family name, not case sensitive ('por' finds
    'Delporte'); the personnel directory keeps a lower-cased copy so this uses an index."""
    query = (query or "").strip()
    if not query:
        return []
    compact = query.replace(" ", "").replace(".", "").replace("-", "")
    if compact.isdigit():
        found = employees.filter(personal_number=compact)
    else:
        found = employees.filter(family_name_search__contains=query.lower())
    return list(found.order_by("family_name", "given_names")[:EMPLOYEE_SEARCH_LIMIT])


# What postings/timeline.py draws. A worker may have dozens of requests; reading each one's answers
# and determination (kilobytes of JSON) for a bar and a label was a quarter of the detail page's CPU.
TIMELINE_COLUMNS = (
    "pk",
    "transaction_number",
    "type",
    "status",
    "state_of_work",
    "requested_start",
    "requested_end",
    "admitted_start",
    "admitted_end",
)


def worker_requests(request: CoverageRequest) -> QuerySet[CoverageRequest]:
    """All sent requests of the same worker with the same employer, for the timeline."""
    worker = same_worker(request)
    if worker is None:
        return CoverageRequest.objects.none()
    return (
        CoverageRequest.objects.filter(worker, employer_id=request.employer_id)
        .exclude(status=Status.DRAFT)
        .only(*TIMELINE_COLUMNS)
        .order_by("requested_start", "pk")
    )


def person_requests(request: CoverageRequest) -> QuerySet[CoverageRequest]:
    """Every sent request for the same person, this one included, whichever employer sent it: for
    the caseworker only (the admin is closed to everyone else). The two-month gap between postings,
    the 24 months in total and a chain of employers posting to the same job (legislation.md 2.3,
    P5 and P7) are judged on the person's whole record, which only the personal number links across
    employers; the directory's employee links a request without one."""
    if request.personal_number:
        person = CoverageRequest.objects.filter(personal_number=request.personal_number)
    elif request.employee_id is not None:
        person = CoverageRequest.objects.filter(employee_id=request.employee_id)
    else:
        person = CoverageRequest.objects.filter(pk=request.pk)
    return (
        person.exclude(status=Status.DRAFT)
        .select_related("employer")
        .only(*TIMELINE_COLUMNS, "decision", "employer__name")
        .order_by("requested_start", "pk")
    )


def certificate_of(obj):
    """The certificate issued for a request, or None while there is none."""
    from django.core.exceptions import ObjectDoesNotExist

    try:
        return obj.certificate
    except ObjectDoesNotExist:
        return None
