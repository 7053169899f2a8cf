"""Hooks into status changes, without touching the code that makes them.

Every status change writes a postings.RequestEvent; the certificate's PDF is saved on
casework.Certificate. Both are connected by lazy model labels, so the API does not import the
apps that send them.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from postings.status import Decision, Status

DEFINITIVE_EVENT_KINDS = {"determination_definitive"}


def event_name(event) -> str | None:
    """The webhook event of a RequestEvent row, or None for rows that are not sent."""
    if event.kind in DEFINITIVE_EVENT_KINDS:
        return "determination.definitive"
    if event.kind == "objection_recorded" and (event.data or {}).get("provisional_again"):
        return "determination.provisional"
    if event.kind == "exception_answer":
        return "request.exception_answered"
    if event.kind == "certificate_replaced":
        return "certificate.replaced"
    if event.from_status == event.to_status:
        return None
    if event.to_status == Status.IN_REVIEW:
        return "request.in_review"
    if event.to_status == Status.CANCELLED:
        return "request.cancelled"
    if event.to_status == Status.CLOSED:
        decision = event.request.decision or event.kind
        return {Decision.APPROVED: "request.approved", Decision.REJECTED: "request.rejected"}.get(decision)
    return None


@receiver(post_save, sender="postings.RequestEvent", dispatch_uid="api.webhooks.request_event")
def on_request_event(sender, instance, created, **kwargs):
    if not created or kwargs.get("raw"):
        return
    name = event_name(instance)
    if name is None:
        return
    from .services.webhooks import queue_event

    extra = replacement_data(instance) if name == "certificate.replaced" else None
    queue_event(request=instance.request, event=name, dedup_key=f"event:{instance.pk}", extra=extra)


def replacement_data(event) -> dict:
    """certificate.replaced: the certificate no longer valid and the corrected one that replaces it
    (casework.services.correction writes both numbers and the new request on the event)."""
    data = event.data or {}
    request = event.request
    employer, new_id = request.employer_id, data.get("corrected_request_id")
    old = request.certificate
    return {
        # The old PDF stays downloadable, for the record.
        "certificate": {
            "number": old.number,
            "provisional": old.provisional,
            "pdf_url": f"/api/v1/employers/{employer}/requests/{request.pk}/certificate/pdf/",
        },
        "replaced_by": {
            "number": data.get("replaced_by", ""),
            "request": new_id,
            "transaction_number": data.get("corrected_request", ""),
            "url": f"/api/v1/employers/{employer}/requests/{new_id}/",
            "pdf_url": f"/api/v1/employers/{employer}/requests/{new_id}/certificate/pdf/",
        },
        "reason": event.reason,
    }


@receiver(post_save, sender="casework.Certificate", dispatch_uid="api.webhooks.certificate")
def on_certificate_saved(sender, instance, created, update_fields=None, **kwargs):
    if kwargs.get("raw") or not instance.pdf:
        return
    if update_fields is not None and "pdf" not in update_fields:
        return
    from .services.webhooks import queue_event

    queue_event(
        request=instance.request,
        event="certificate.ready",
        dedup_key=f"certificate:{instance.pk}",
        extra={
            "certificate": {
                "number": instance.number,
                "provisional": instance.provisional,
                "pdf_url": f"/api/v1/employers/{instance.request.employer_id}/requests/{instance.request_id}"
                "/certificate/pdf/",
            }
        },
    )
