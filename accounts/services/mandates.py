"""Mandates: an employer lets a representative firm act for it; revocable at once; every change audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Mandate, Organisation
from ..permissions import can_administer
from .audit import audit_record


@transaction.atomic
def mandate_grant(*, actor, employer, representative, valid_from, valid_until=None) -> Mandate:
    if not can_administer(actor, employer):
        raise PermissionDenied
    if (
        representative.kind != Organisation.Kind.REPRESENTATIVE
        or representative.status != Organisation.Status.ACTIVE
    ):
        raise ValidationError({"representative": _("Choose an active representative firm.")})
    if valid_until is not None and valid_until < valid_from:
        raise ValidationError({"valid_until": _("The end date must be on or after the start date.")})
    overlapping = Mandate.objects.filter(
        employer=employer, representative=representative, revoked_at__isnull=True
    )
    if valid_until is not None:
        overlapping = overlapping.filter(valid_from__lte=valid_until)
    overlapping = overlapping.exclude(valid_until__lt=valid_from)
    if overlapping.exists():
        raise ValidationError(
            {"valid_from": _("%(firm)s already has a mandate for these dates.") % {"firm": representative}}
        )
    mandate = Mandate.objects.create(
        employer=employer,
        representative=representative,
        valid_from=valid_from,
        valid_until=valid_until,
        granted_by=actor,
    )
    audit_record(
        actor=actor,
        action="mandate.granted",
        organisation=employer,
        obj=mandate,
        representative=representative.pk,
        valid_from=str(valid_from),
        valid_until=str(valid_until) if valid_until else None,
    )
    return mandate


@transaction.atomic
def mandate_revoke(*, actor, mandate: Mandate) -> Mandate:
    """Ends the mandate now: the firm's staff lose access on their next request."""
    if not can_administer(actor, mandate.employer):
        raise PermissionDenied
    mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
    if mandate.revoked_at is None:
        mandate.revoked_at = timezone.now()
        mandate.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="mandate.revoked", organisation=mandate.employer, obj=mandate)
    return mandate
