"""The worker's identifying data as a request shows it: as sent, or as the directory says now.

A sent request is a statement the employer made on the day it was sent. The personnel directory
(accounts.Employee) goes on changing afterwards (a new address, a corrected name), so on send the
request keeps its own copy (CoverageRequest.worker_as_sent) and every page that shows a sent
request reads that copy. A draft has not been stated yet: it shows the directory as it is now.

The copy is JSON with the same keys and value shapes for both sources (ISO dates, country codes),
so a reader never needs to know which one it got.
"""

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
