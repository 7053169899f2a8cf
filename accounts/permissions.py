"""The one rule that decides whether a person may act for an employer.

Every view, selector, API view and admin page asks here; nothing else decides it.
A person may act for an employer when
- they hold an active employer membership (administrator or filer) of that employer, or
- they are active staff of a representative firm that holds a mandate from that employer which is
  in force today (started, not past its end date, not revoked).
Both organisations must be active (activated with the letter's code, not suspended).

Within one web request (coverage_portal.middleware opens `request_scope()`) the answer for today is
asked of the database once and remembered until the request ends, or until a membership, mandate,
organisation or user is saved or deleted in this process; every request asks afresh, so a revoked
mandate stops access on the very next request. Outside a request (services called from tasks,
scripts, tests) nothing is remembered.
"""

import contextlib
from contextvars import ContextVar

from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from coverage_portal.precompiled import PrecompiledRead, WrittenOutRead

from .models import Mandate, Membership, Organisation, User

EMPLOYER_ROLES = (Membership.Role.EMPLOYER_ADMIN, Membership.Role.EMPLOYER_FILER)

# user pk -> (key, ids, ordered list or None); key = (generation, today, user.is_active)
_request_memo: ContextVar[dict | None] = ContextVar("portal_permission_memo", default=None)
_generation = [0]


@contextlib.contextmanager
def request_scope():
    """Remember the rule's answers for today until the block ends (one web request)."""
    token = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(token)


def _forget(**kwargs) -> None:
    _generation[0] += 1


for _model in (Membership, Mandate, Organisation, User):
    post_save.connect(_forget, sender=_model, dispatch_uid=f"permissions-forget-{_model.__name__}")
    post_delete.connect(_forget, sender=_model, dispatch_uid=f"permissions-forget-del-{_model.__name__}")


def _memo_entry(user):
    """This request's remembered answer for `user` today, or (None, None) outside a request."""
    memo = _request_memo.get()
    if memo is None or user is None or not user.is_authenticated or user.pk is None:
        return None, None
    key = (_generation[0], timezone.localdate(), user.is_active)
    entry = memo.get(user.pk)
    if entry is None or entry[0] != key:
        entry = [key, None, None]
        memo[user.pk] = entry
    return memo, entry


def employers_for(user, on=None) -> QuerySet[Organisation]:
    """The employers `user` may act for (today, or on the date `on`)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    active_memberships = Membership.objects.filter(user=user, is_active=True)
    own = active_memberships.filter(role__in=EMPLOYER_ROLES).values("organisation_id")
    firms = active_memberships.filter(
        role=Membership.Role.REPRESENTATIVE_STAFF, organisation__status=Organisation.Status.ACTIVE
    ).values("organisation_id")
    mandated = Mandate.objects.in_force(on).filter(representative_id__in=firms).values("employer_id")
    return Organisation.objects.filter(
        Q(pk__in=own) | Q(pk__in=mandated),
        kind=Organisation.Kind.EMPLOYER,
        status=Organisation.Status.ACTIVE,
    )


# employers_for(user) today, written out once. Every page and API call asks this first: the ORM
# spent about 2.4 ms of CPU building and compiling its nested subqueries, and PostgreSQL 0.4 ms
# running them (a scan of every organisation); this UNION of two index lookups takes 0.07 ms
# (benchmarks/load.py, profiled). tests/foundation/test_permissions.py holds it to the rule.
# Each employer also says whether the person is one of its own staff (`acts_as_staff`), so the
# pages that name a consultant's client (accounts.acting.client_of) need no query of their own: it
# had been one more ORM query on every request page, 3 % of the load run's CPU.
_EMPLOYERS_TODAY_SQL = f"""
    WITH own AS (
        SELECT m.organisation_id FROM {Membership._meta.db_table} m
        WHERE m.user_id = %s AND m.is_active AND (m.role = %s OR m.role = %s))
    SELECT {{columns}}, o.id IN (SELECT organisation_id FROM own) FROM {Organisation._meta.db_table} o
    WHERE o.kind = %s AND o.status = %s AND o.id IN (
        SELECT organisation_id FROM own
        UNION
        SELECT d.employer_id FROM {Membership._meta.db_table} m
        JOIN {Organisation._meta.db_table} f ON f.id = m.organisation_id
        JOIN {Mandate._meta.db_table} d ON d.representative_id = m.organisation_id
        WHERE m.user_id = %s AND m.is_active AND m.role = %s AND f.status = %s
          AND d.revoked_at IS NULL AND d.valid_from <= %s
          AND (d.valid_until IS NULL OR d.valid_until >= %s))
    ORDER BY o.name, o.id
"""  # noqa: S608 - table names from the models' own metadata; every value is a parameter
_EMPLOYERS_TODAY = WrittenOutRead(Organisation, _EMPLOYERS_TODAY_SQL, "o", extra=("acts_as_staff",))


def employer_list_for(user) -> list[Organisation]:
    """employers_for(user) today, ordered by name, as a list (remembered within a request)."""
    memo, entry = _memo_entry(user)
    if entry is not None and entry[2] is not None:
        return entry[2]
    if user is None or not user.is_authenticated or not user.is_active:
        employers = []
    else:
        active, today = Organisation.Status.ACTIVE.value, timezone.localdate()
        params = [
            user.pk,
            *(role.value for role in EMPLOYER_ROLES),
            Organisation.Kind.EMPLOYER.value,
            active,
            user.pk,
            Membership.Role.REPRESENTATIVE_STAFF.value,
            active,
            today,
            today,
        ]
        employers = _EMPLOYERS_TODAY.all(params)
    if entry is not None:
        entry[1] = frozenset(e.pk for e in employers)
        entry[2] = employers
    return employers


def can_act_for(user, employer, on=None) -> bool:
    if employer is None:
        return False
    if on is None:
        memo, entry = _memo_entry(user)
        if entry is not None:
            if entry[1] is None:
                employer_list_for(user)  # fills entry[1]
            return employer.pk in entry[1]
    return employers_for(user, on).filter(pk=employer.pk).exists()


def can_administer(user, organisation) -> bool:
    """May manage the organisation's users and mandates (employer administrators only)."""
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user,
        organisation=organisation,
        is_active=True,
        role=Membership.Role.EMPLOYER_ADMIN,
        organisation__status=Organisation.Status.ACTIVE,
    ).exists()


def is_caseworker(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.is_caseworker or user.is_superuser)
    )


def representative_firms_for(user) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    return _representative_firms(user.pk)


def _representative_firms(user_id) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        kind=Organisation.Kind.REPRESENTATIVE,
        memberships__user_id=user_id,
        memberships__is_active=True,
        memberships__role=Membership.Role.REPRESENTATIVE_STAFF,
    )


# Asked on every new draft (whose firm files it, if any): compiled once (coverage_portal/precompiled.py).
_FIRM_MANDATED_BY = PrecompiledRead(
    lambda user_id, employer_id: (
        _representative_firms(user_id)
        .filter(mandates_received__employer_id=employer_id)
        .order_by("name", "pk")
    ),
    user_id=int,
    employer_id=int,
)


def representative_firm_for(user, employer) -> Organisation | None:
    """The representative firm through which `user` acts for `employer` (first by name), or None."""
    if not user.is_authenticated or employer is None:
        return None
    return _FIRM_MANDATED_BY.first(user_id=user.pk, employer_id=employer.pk)


def can_manage_users(user, organisation) -> bool:
    """May invite and deactivate the organisation's people: employer administrators, and a
    representative firm's administrator (its first registrant, `Membership.is_org_admin`)."""
    if organisation is None or not user.is_authenticated or not user.is_active:
        return False
    if organisation.kind == Organisation.Kind.EMPLOYER:
        return can_administer(user, organisation)
    return Membership.objects.filter(
        user=user,
        organisation=organisation,
        is_active=True,
        is_org_admin=True,
        role=Membership.Role.REPRESENTATIVE_STAFF,
        organisation__status=Organisation.Status.ACTIVE,
    ).exists()


def managed_organisations(user) -> QuerySet[Organisation]:
    """The organisations whose people `user` manages (see can_manage_users)."""
    if not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    mine = Membership.objects.filter(user=user, is_active=True).filter(
        Q(role=Membership.Role.EMPLOYER_ADMIN)
        | Q(role=Membership.Role.REPRESENTATIVE_STAFF, is_org_admin=True)
    )
    return Organisation.objects.filter(
        pk__in=mine.values("organisation_id"), status=Organisation.Status.ACTIVE
    )
