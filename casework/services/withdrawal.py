"""A caseworker withdraws a certificate this institution issued (R987 Art. 5(2): the issuing
institution reconsiders the grounds for issuing a document and withdraws it where necessary), for
example one issued on facts that turned out to be untrue, or for a period that was wrong.

Until this existed a certificate could only be withdrawn by the employer cancelling its request, or
after an objection; a caseworker who found a fault had no way to tell inspectors. The withdrawal is
what a cancellation is everywhere else (the request goes to Cancelled, and the certificate's status,
read from it, becomes withdrawn on /verify/ at once), with the institution's reason in the history
and in the employer's inbox, in the request's language.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.permissions import is_caseworker
from accounts.services.audit import audit_record
from postings.services.lifecycle import request_transition
from postings.status import Status

from ..models import Certificate
from .notify import in_request_language, notify_employer


def certificate_withdraw(*, actor, certificate: Certificate, reason: str) -> Certificate:
    if not is_caseworker(actor):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the withdrawal; the employer will see it.")})
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().select_related("request").get(pk=certificate.pk)
        request = certificate.request
        if request.status != Status.CLOSED:
            raise ValidationError(_("This certificate is already withdrawn. Nothing was changed."))
        request_transition(
            request=request,
            to_status=Status.CANCELLED,
            actor=actor,
            kind="certificate_withdrawn",
            reason=reason,
            cancel_reason=reason,
        )
        audit_record(
            actor=actor, action="certificate.withdrawn", organisation=request.employer, obj=certificate
        )
        with in_request_language(request):
            notify_employer(
                request=request,
                kind="notice",
                subject=_("The certificate for request %(number)s is withdrawn")
                % {"number": request.transaction_number},
                body=_(
                    "The institution withdrew certificate %(cert)s; it is no longer valid.\n\n%(reason)s"
                    "\n\nIf the worker still needs a certificate, please send a new request."
                )
                % {"cert": certificate.number, "reason": reason},
                certificate=certificate,
                dedup_key=f"withdrawn:{certificate.pk}",
            )
    return certificate
