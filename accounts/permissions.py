"""The one rule that decides whether a person may act for an employer.

Every view, selector, API view and admin page asks here; nothing else decides it.
A person may act for an employer when
- they hold an active employer membership (administrator or filer) of that employer, or
- they are active staff of a representative firm that holds a mandate from that employer which is
  in force today (started, not past its end date, not revoked).
Both organisations must be active (activated with the letter's code, not suspended).
"""

from django.db.models import Q, QuerySet

from .models import Mandate, Membership, Organisation

EMPLOYER_ROLES = (Membership.Role.EMPLOYER_ADMIN, Membership.Role.EMPLOYER_FILER)


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


def can_act_for(user, employer, on=None) -> bool:
    if employer is None:
        return False
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
    return Organisation.objects.filter(
        kind=Organisation.Kind.REPRESENTATIVE,
        memberships__user=user,
        memberships__is_active=True,
        memberships__role=Membership.Role.REPRESENTATIVE_STAFF,
    )


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
