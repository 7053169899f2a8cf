"""The worker's identifying data as a request shows it: as sent, or as the directory says now.

A sent request is a statement the employer made on the day it was sent. The personnel directory
(accounts.Employee) goes on changing afterwards (a new address, a corrected name), so on send the
request keeps its own copy (CoverageRequest.worker_as_sent) and every page that shows a sent
request reads that copy. A draft has not been stated yet: it shows the directory as it is now.

The copy is JSON with the same keys and value shapes for both sources (ISO dates, country codes),
so a reader never needs to know which one it got.
"""

from django.db.models import Q

from accounts.models import Employee

# What identifies the worker on the request's pages and on the PD A1 (section 1), including the
# directory's temporary address, which the certificate falls back to when the request never asked.
WORKER_FIELDS = (
    "personal_number",
    "family_name",
    "given_names",
    "family_name_at_birth",
    "birth_date",
    "sex",
    "birth_place",
    "nationality",
    "street",
    "postal_code",
    "town",
    "country",
    "temp_street",
    "temp_postal_code",
    "temp_town",
    "temp_country",
)
_COUNTRIES = ("nationality", "country", "temp_country")


def worker_copy(employee: Employee) -> dict:
    """The directory entry as JSON: what a request keeps when it is sent."""
    data = {}
    for name in WORKER_FIELDS:
        value = getattr(employee, name)
        if name in _COUNTRIES:
            value = value.code if value else ""
        elif name == "birth_date":
            value = value.isoformat() if value else ""
        data[name] = value or ""
    return data


def worker_data(request) -> dict | None:
    """The worker as `request` shows them: the copy taken on send; for a draft, or for a request sent
    before copies were kept and not filled by the migration, the directory as it is now."""
    if not request.is_draft and request.worker_as_sent:
        return {**dict.fromkeys(WORKER_FIELDS, ""), **request.worker_as_sent}
    employee = request.employee if request.employee_id else None
    return worker_copy(employee) if employee is not None else None


def worker_keys(request) -> tuple[int | None, str]:
    """What links requests to the same worker: the directory entry, and the personal number (the
    request's own, or for a draft without one its directory entry's)."""
    number = request.personal_number
    if not number and request.employee_id is not None:
        number = request.employee.personal_number
    return request.employee_id, number or ""


def same_worker(request) -> Q | None:
    """Which requests are the same worker's as `request`'s: those linked to the same directory entry,
    and the same employer's requests sent with the same personal number whose worker was since
    removed from the directory (postings.services.worker_removal clears their link). A worker
    removed and added again later has a new entry, and their earlier postings still count (overlaps,
    the two-month gap, the 24 months). None when the request names no worker yet."""
    employee_id, number = worker_keys(request)
    parts = []
    if employee_id is not None:
        parts.append(Q(employee_id=employee_id))
    if number:
        parts.append(Q(employee__isnull=True, employer_id=request.employer_id, personal_number=number))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else parts[0] | parts[1]
