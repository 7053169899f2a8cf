"""Append-only audit trail. Every service that changes who may do what writes one row here."""

from ..models import AuditEvent


def audit_record(*, actor, action: str, organisation=None, obj=None, **detail) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        organisation=organisation,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail,
    )
