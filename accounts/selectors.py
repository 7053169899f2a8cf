"""Reads, scoped by the one permission rule (accounts.permissions). Each returns nothing the person may
not see, so views fetch objects through these and an id from another employer gives 404."""

import re

from django.db.models import Prefetch, Q, QuerySet

from . import identifiers
from .models import (
    ActivationLetter,
    Employee,
    EmployeeAuthorization,
    EmploymentPeriod,
    ImportJob,
    Mandate,
    Membership,
    Organisation,
)
from .permissions import can_act_for, can_administer, can_manage_users, representative_firms_for


def employees_for(user, employer) -> QuerySet[Employee]:
    """The employer's personnel directory, or nothing when `user` may not act for the employer."""
    if not can_act_for(user, employer):
        return Employee.objects.none()
    return Employee.objects.filter(employer=employer)


def employee_search(user, employer, query: str = "") -> QuerySet[Employee]:
    """By personal number (exact, separators ignored) or by part of the family name, any case."""
    employees = employees_for(user, employer)
    query = (query or "").strip()
    if not query:
        return employees
    digits = re.sub(r"[\s.\-]", "", query)
    by_name = Q(family_name_search__contains=query.lower())
    if digits.isdigit():
        return employees.filter(Q(personal_number=digits) | Q(personal_number=digits.zfill(9)) | by_name)
    return employees.filter(by_name)


def employee_detail(user, employer, pk) -> Employee:
    """Raises Employee.DoesNotExist for another employer's employee (the view turns that into 404)."""
    return (
        employees_for(user, employer)
        .prefetch_related(Prefetch("employment_periods", queryset=EmploymentPeriod.objects.order_by("start")))
        .get(pk=pk)
    )


def import_jobs_for(user, employer) -> QuerySet[ImportJob]:
    if not can_act_for(user, employer):
        return ImportJob.objects.none()
    return ImportJob.objects.filter(employer=employer)


def members_of(user, organisation) -> QuerySet[Membership]:
    if not can_manage_users(user, organisation):
        return Membership.objects.none()
    return organisation.memberships.select_related("user").order_by(
        "-is_active", "user__last_name", "user__email"
    )


def mandates_of(user, employer) -> QuerySet[Mandate]:
    """The employer's mandates, for its administrators."""
    if not can_administer(user, employer):
        return Mandate.objects.none()
    return Mandate.objects.filter(employer=employer).select_related("representative", "granted_by")


def representative_search(query: str) -> QuerySet[Organisation]:
    """Active representative firms by part of the name or by a registration number."""
    query = (query or "").strip()
    if len(query) < 2:
        return Organisation.objects.none()
    compact = re.sub(r"[\s.\-]", "", query).upper()
    # An enterprise number is stored as 10 digits; typed as "BE 0403.019.261" or in its old 9-digit
    # form it is the same number (legislation.md 5.4).
    enterprise = identifiers.enterprise_number_or_none(query) or compact
    return Organisation.objects.filter(
        Q(name__icontains=query)
        | Q(kvk_number=compact)
        | Q(rsin=compact)
        | Q(enterprise_number=enterprise)
        | Q(payroll_tax_number=compact),
        kind=Organisation.Kind.REPRESENTATIVE,
        status=Organisation.Status.ACTIVE,
    ).order_by("name")[:20]


def authorizations_for(user, employer) -> QuerySet[EmployeeAuthorization]:
    """The employer's authorizations: all for its own staff; a representative sees its own firm's."""
    if not can_act_for(user, employer):
        return EmployeeAuthorization.objects.none()
    qs = EmployeeAuthorization.objects.filter(employer=employer).select_related("employee", "representative")
    firms = representative_firms_for(user)
    if not Membership.objects.filter(user=user, organisation=employer, is_active=True).exists():
        qs = qs.filter(representative__in=firms)
    return qs


def mandates_until(user, employers) -> dict:
    """For each of `employers`, the last day the person's firm may act for it: a date, or None when its
    mandate in force has no end (a consultant sees a mandate that is about to end)."""
    firms = representative_firms_for(user)
    ends: dict = {}
    for employer_id, until in (
        Mandate.objects.in_force()
        .filter(representative__in=firms, employer__in=employers)
        .values_list("employer_id", "valid_until")
    ):
        known = ends.get(employer_id, until)
        ends[employer_id] = None if until is None or known is None else max(until, known)
    return ends


def pending_letters() -> QuerySet[ActivationLetter]:
    return ActivationLetter.objects.filter(
        sent_at__isnull=True, used_at__isnull=True, superseded_at__isnull=True
    ).select_related("organisation")


def awaiting_activation(user) -> QuerySet[Organisation]:
    """The organisations `user` registered (or joined) that still wait for the code from the letter:
    such a person may log in but act for nobody yet, and must be told why, not sent to ask for a
    mandate."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__is_active=True, status=Organisation.Status.PENDING
    ).order_by("name")
