"""People of an organisation: invite by e-mail with a role, deactivate."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from coverage_portal.sentences import one_full_stop

from ..models import Membership, Organisation, User
from ..permissions import can_manage_users
from .audit import audit_record

EMPLOYER_ROLES = {Membership.Role.EMPLOYER_ADMIN, Membership.Role.EMPLOYER_FILER}


def roles_for(organisation) -> list[tuple[str, str]]:
    if organisation.kind == Organisation.Kind.EMPLOYER:
        return [(r.value, r.label) for r in Membership.Role if r in EMPLOYER_ROLES]
    return [(Membership.Role.REPRESENTATIVE_STAFF.value, Membership.Role.REPRESENTATIVE_STAFF.label)]


def password_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.PORTAL_BASE_URL + reverse("password_reset_confirm", args=[uid, token])


@transaction.atomic
def member_invite(
    *, actor, organisation, email, first_name, last_name, role, is_org_admin=False
) -> Membership:
    """Give a person (new or existing login) a role in the organisation and e-mail them a link to
    choose their password. A person always has their own login: no shared credentials."""
    if not can_manage_users(actor, organisation):
        raise PermissionDenied
    if role not in dict(roles_for(organisation)):
        raise ValidationError({"role": _("Choose one of the roles offered.")})
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and user.is_staff:
        raise ValidationError({"email": _("This e-mail address belongs to staff of the institution.")})
    if user is None:
        user = User.objects.create_user(
            email=email, password=None, first_name=first_name, last_name=last_name
        )
    membership = Membership.objects.filter(user=user, organisation=organisation).first()
    if membership is not None and membership.is_active:
        raise ValidationError(
            {
                "email": one_full_stop(
                    _("This person already has access to %(name)s.") % {"name": organisation}
                )
            }
        )
    if membership is None:
        membership = Membership(user=user, organisation=organisation)
    membership.role = role
    membership.is_active = True
    membership.is_org_admin = bool(is_org_admin) and organisation.kind == Organisation.Kind.REPRESENTATIVE
    membership.save()
    audit_record(
        actor=actor,
        action="member.invited",
        organisation=organisation,
        obj=membership,
        email=email,
        role=role,
    )
    link = (
        password_link(user) if not user.has_usable_password() else settings.PORTAL_BASE_URL + reverse("login")
    )
    body = render_to_string("accounts/email/invitation.txt", {"organisation": organisation, "link": link})
    transaction.on_commit(
        lambda: send_mail(_("Your access to the A1 portal"), body, settings.DEFAULT_FROM_EMAIL, [email])
    )
    return membership


@transaction.atomic
def member_deactivate(*, actor, membership: Membership) -> Membership:
    organisation = membership.organisation
    if not can_manage_users(actor, organisation):
        raise PermissionDenied
    if membership.user_id == actor.pk:
        raise ValidationError(_("You cannot deactivate yourself. Ask another administrator."))
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    audit_record(actor=actor, action="member.deactivated", organisation=organisation, obj=membership)
    return membership
