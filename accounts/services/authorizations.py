"""Employee authorizations: the employee's signed PDF naming their personal number, for a representative
firm that also acts for the employee. A caseworker accepts or rejects it.

Kept per employee and representative firm; postings records the request that used one through
`authorization_mark_used` (accounts does not depend on postings).
"""

import re
import shutil
import subprocess  # noqa: S404 - pdftotext with a fixed argument list, no shell

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import EmployeeAuthorization, Mandate
from ..permissions import can_act_for, is_caseworker, representative_firms_for
from .audit import audit_record

PDF_TYPES = {"application/pdf", "application/x-pdf"}


def check_pdf_upload(upload, *, max_bytes: int) -> None:
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is larger than %(mb)s MB. Scan it at a lower resolution.")
            % {"mb": max_bytes // (1024 * 1024)}
        )
    if (upload.content_type or "").lower() not in PDF_TYPES:
        raise ValidationError(_("The file must be a PDF."))
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(
            _("The file is not a PDF (it does not start like one). Save or scan it as PDF.")
        )


def _pdf_text(content: bytes) -> str:
    """The text of the PDF by pdftotext (poppler-utils); without it, the raw bytes (a byte search)."""
    tool = shutil.which("pdftotext")
    if tool:
        try:
            result = subprocess.run(  # noqa: S603
                [tool, "-q", "-", "-"], input=content, capture_output=True, timeout=20, check=False
            )
            if result.returncode == 0:
                return result.stdout.decode("utf-8", "replace")
        except (OSError, subprocess.SubprocessError):
            pass
    return content.decode("latin-1")


def pdf_mentions(content: bytes, personal_number: str) -> bool:
    """Does the PDF state the personal number (with or without separators such as 1112.22.333)?"""
    text = _pdf_text(content)
    digits_only = re.sub(r"[\s.\-/]", "", text)
    return personal_number in digits_only


def _firm_for(actor, employer):
    """The actor's representative firm that holds a mandate in force from the employer."""
    mandated = Mandate.objects.in_force().filter(employer=employer).values("representative_id")
    return representative_firms_for(actor).filter(pk__in=mandated).first()


@transaction.atomic
def authorization_upload(*, actor, employer, employee, upload) -> EmployeeAuthorization:
    if not can_act_for(actor, employer) or employee.employer_id != employer.pk:
        raise PermissionDenied
    firm = _firm_for(actor, employer)
    if firm is None:
        raise ValidationError(
            _("Only a representative firm with a mandate from the employer sends authorizations.")
        )
    authorization = EmployeeAuthorization(
        employer=employer, employee=employee, representative=firm, uploaded_by=actor
    )
    authorization.file.save("authorization.pdf", upload, save=False)
    authorization.save()
    audit_record(actor=actor, action="authorization.uploaded", organisation=employer, obj=authorization)
    return authorization


@transaction.atomic
def authorization_decide(*, actor, authorization, accept: bool, reason: str = "") -> EmployeeAuthorization:
    if not is_caseworker(actor):
        raise PermissionDenied
    authorization = EmployeeAuthorization.objects.select_for_update().get(pk=authorization.pk)
    if authorization.status != EmployeeAuthorization.Status.PENDING:
        raise ValidationError(_("This authorization has already been decided."))
    if not accept and not reason.strip():
        raise ValidationError({"reason": _("Give the reason for rejecting the authorization.")})
    authorization.status = (
        EmployeeAuthorization.Status.ACCEPTED if accept else EmployeeAuthorization.Status.REJECTED
    )
    authorization.decided_by = actor
    authorization.decided_at = timezone.now()
    authorization.reason = reason.strip()
    authorization.save()
    audit_record(
        actor=actor,
        action="authorization.accepted" if accept else "authorization.rejected",
        organisation=authorization.employer,
        obj=authorization,
        reason=authorization.reason,
    )
    return authorization


def authorization_available(*, employee, representative):
    """An accepted authorization not yet used by a request (one per application), or None."""
    return (
        EmployeeAuthorization.objects.filter(
            employee=employee,
            representative=representative,
            status=EmployeeAuthorization.Status.ACCEPTED,
            used_by_request_id__isnull=True,
        )
        .order_by("uploaded_at")
        .first()
    )


@transaction.atomic
def authorization_mark_used(*, actor, authorization, request_id: int) -> EmployeeAuthorization:
    """Called by postings when an application uses the authorization; each serves one application."""
    authorization = EmployeeAuthorization.objects.select_for_update().get(pk=authorization.pk)
    if authorization.used_by_request_id not in (None, request_id):
        raise ValidationError(_("This authorization was already used for another application."))
    authorization.used_by_request_id = request_id
    authorization.save(update_fields=["used_by_request_id"])
    audit_record(
        actor=actor,
        action="authorization.used",
        organisation=authorization.employer,
        obj=authorization,
        request_id=request_id,
    )
    return authorization
