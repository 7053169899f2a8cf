"""Issue, deliver and withdraw PD A1 certificates; make Art. 13 determinations definitive.

certificate_issue is what the task runs after approval. It is idempotent: one certificate per
request (unique constraint + get_or_create under a row lock), the PDF is produced once, delivery
happens once (delivered_at), host-state records are one per receiving state.
"""

import datetime as dt
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import is_caseworker
from accounts.services.audit import audit_record
from postings.models import CoverageRequest
from postings.services.lifecycle import request_record_event
from postings.status import Decision, Status
from postings.worker import WORKER_FIELDS, worker_data

from ..models import Certificate, CertificateStatus, HostStateRecord, Objection
from ..pdf import art13_box
from .host_state import host_state_records_for
from .notify import in_request_language, notify_employer

# R987 Art. 16(3): definitive two months after the other institutions were informed.
DEFINITIVE_AFTER_MONTHS = 2
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud by an inspector


def certificate_number_for(request: CoverageRequest) -> str:
    """Unique (the request id) and not guessable (a random tail); matches ^[-a-zA-Z0-9]{1,65}$."""
    tail = "".join(secrets.choice(_ALPHABET) for _ in range(4))
    return f"{settings.PORTAL_INSTITUTION['state']}-A1-{timezone.localdate().year}-{request.pk:07d}-{tail}"


def _temporary_address(request: CoverageRequest, worker: dict) -> dict:
    """PD A1 field 1.9: the address in the state of stay as answered in this request; the personnel
    directory's temporary address (as sent) only when the request never asked (e.g. made before the
    step)."""
    from postings.situation import temporary_address

    answered = temporary_address(request)
    if answered is not None:
        street = " ".join(p for p in (answered["street"], answered["number"]) if p)
        if answered["po_box"]:
            street = ", ".join(p for p in (street, answered["po_box"]) if p)
        return {
            "temp_street": street,
            "temp_postal_code": answered["postal_code"],
            "temp_town": answered["town"],
            "temp_country": answered["country"],
        }
    if "address" in (request.answers or {}) or not worker["temp_street"]:
        return {"temp_street": "", "temp_postal_code": "", "temp_town": "", "temp_country": ""}
    return {name: worker[name] for name in ("temp_street", "temp_postal_code", "temp_town", "temp_country")}


def holder_snapshot(request: CoverageRequest) -> dict:
    # The worker as the request was sent (postings.worker), not as the directory says on the day of
    # approval: the caseworker decided on the data the employer sent and saw that on the request's
    # page, so the certificate certifies the same person with the same data.
    worker = worker_data(request)
    return {
        **{name: worker[name] for name in WORKER_FIELDS if not name.startswith("temp_")},
        **_temporary_address(request, worker),
    }


def _language(request: CoverageRequest) -> str:
    languages = settings.PORTAL_INSTITUTION["certificate_languages"]
    return request.language if request.language in {"en", "nl", "fr", "de"} else languages[0]


def _provisional(request: CoverageRequest, determination: dict) -> bool:
    """Box 2.5: only an Art. 13 type determination is provisional (R987 Art. 16(2); legislation.md
    4.8). The engine says so; a request decided by hand (no determination) is provisional when its
    certificate ticks an Art. 13 box in section 3 (3.2, 3.4, 3.8, 3.9), or 3.10 for aircrew in two
    or more states, as the PDF and the host-state record do (pdf.art13_box)."""
    if determination:
        return bool(determination.get("provisional"))
    return art13_box(request, determination)


def certificate_defaults(request: CoverageRequest) -> dict:
    """The certificate row of an approved request: its number, language, section 1 as printed."""
    return {
        "number": certificate_number_for(request),
        "language": _language(request),
        "holder": holder_snapshot(request),
        "provisional": _provisional(request, request.determination or {}),
        "print_required": request.output_channel == "paper",
    }


def record_issued(certificate: Certificate, *, actor) -> None:
    request = certificate.request
    request_record_event(
        request=request, actor=actor, kind="certificate_issued", data={"number": certificate.number}
    )
    audit_record(actor=actor, action="certificate.issued", organisation=request.employer, obj=certificate)


def certificate_issue(*, request_id: int) -> Certificate | None:
    """Make (once) the certificate of an approved request, its PDF, its host-state records, and
    deliver it (once): the inbox of the employer and its representatives, or the print queue."""
    from ..pdf import render_certificate_pdf

    with transaction.atomic():
        request = (
            CoverageRequest.objects.select_for_update(of=("self",))
            .select_related("employee", "employer")
            .filter(pk=request_id)
            .first()
        )
        if request is None or request.status != Status.CLOSED or request.decision != Decision.APPROVED:
            return None
        certificate, created = Certificate.objects.get_or_create(
            request=request, defaults=certificate_defaults(request)
        )
        if created:
            record_issued(certificate, actor=None)
        for receiving_state, sed, payload in host_state_records_for(certificate):
            HostStateRecord.objects.get_or_create(
                certificate=certificate,
                receiving_state=receiving_state,
                defaults={"sed": sed, "payload": payload},
            )
        if not certificate.pdf:
            content = render_certificate_pdf(certificate)
            certificate.pdf.save(f"{certificate.number}.pdf", ContentFile(content), save=False)
            certificate.pdf_generated_at = timezone.now()
            certificate.save(update_fields=["pdf", "pdf_generated_at"])
        if certificate.delivered_at is None:
            with in_request_language(request):
                _deliver(certificate)
            certificate.delivered_at = timezone.now()
            certificate.save(update_fields=["delivered_at"])
    return certificate


def _deliver(certificate: Certificate) -> None:
    request = certificate.request
    if request.corrects_id:
        from .correction import deliver_correction

        deliver_correction(certificate)
        return
    number = request.transaction_number
    if certificate.print_required:
        body = _("The certificate for request %(number)s has been issued. It will be sent to you by post.")
    else:
        body = _(
            "The certificate for request %(number)s has been issued. You can download it from this message."
        )
    if certificate.provisional:
        body += "\n\n" + _(
            "The determination is provisional. It becomes definitive two months after the other states "
            "were informed, unless one of them objects."
        )
    notify_employer(
        request=request,
        kind="certificate",
        subject=_("Certificate for request %(number)s") % {"number": number},
        body=body % {"number": number},
        certificate=None if certificate.print_required else certificate,
        dedup_key=f"certificate:{certificate.pk}",
    )


def informed_on(certificate: Certificate) -> dt.date | None:
    """The day every host state concerned had been sent its record (HostStateRecord.sent_on), None
    while one has not. With no other state to inform, the day of issue."""
    records = list(certificate.host_state_records.all())
    if not records:
        return timezone.localdate(certificate.issued_at)
    if any(r.sent_on is None for r in records):
        return None
    return max(r.sent_on for r in records)


def objection_deadline(certificate: Certificate) -> dt.date | None:
    """The last day of the two months in which an informed state may object (R987 Art. 16(3)), None
    until every state concerned is informed. The two months run from the day after the last one was
    informed and end on the same date two months later (informed 15 January: last day 15 March)."""
    from postings.services.validation import add_months

    informed = informed_on(certificate)
    return add_months(informed, DEFINITIVE_AFTER_MONTHS) if informed else None


def definitive_due(certificate: Certificate, today: dt.date | None = None) -> bool:
    """Definitive once the two months have run out: from the day after the objection deadline, so
    that an objection received on the last day still counts."""
    today = today or timezone.localdate()
    deadline = objection_deadline(certificate)
    return deadline is not None and today > deadline


def _render_pdf_again(certificate: Certificate) -> None:
    """Box 2.5 is ticked only until the determination is definitive (legislation.md 4.3, 4.8): the
    PDF the employer downloads from then on must no longer say "provisional"."""
    from ..pdf import render_certificate_pdf

    if not certificate.pdf:
        return  # not produced yet: certificate_issue renders it with the current state
    content = render_certificate_pdf(certificate)
    certificate.pdf.save(f"{certificate.number}.pdf", ContentFile(content), save=False)
    certificate.pdf_generated_at = timezone.now()
    certificate.save(update_fields=["pdf", "pdf_generated_at"])


def _set_provisional(certificate: Certificate, provisional: bool) -> None:
    """Provisional or definitive (from now), and the PDF rendered again so that box 2.5 follows."""
    certificate.provisional = provisional
    certificate.definitive_at = None if provisional else timezone.now()
    certificate.save(update_fields=["provisional", "definitive_at"])
    _render_pdf_again(certificate)


def certificates_make_definitive(*, today: dt.date | None = None) -> int:
    """Daily: provisional Art. 13 determinations without objection become definitive after two months."""
    count = 0
    candidates = Certificate.objects.filter(provisional=True, objections__isnull=True).values_list(
        "pk", flat=True
    )
    for pk in list(candidates):
        with transaction.atomic():
            certificate = Certificate.objects.select_for_update().select_related("request").get(pk=pk)
            if not certificate.provisional or certificate.objections.exists():
                continue
            if certificate.request.status == Status.CANCELLED or not definitive_due(certificate, today):
                continue
            _set_provisional(certificate, False)
            request = certificate.request
            request_record_event(request=request, actor=None, kind="determination_definitive")
            audit_record(
                actor=None, action="certificate.definitive", organisation=request.employer, obj=certificate
            )
            with in_request_language(request):
                notify_employer(
                    request=request,
                    kind="notice",
                    subject=_("The determination for request %(number)s is now definitive")
                    % {"number": request.transaction_number},
                    body=_(
                        "No state objected within two months. The determination of certificate %(cert)s is "
                        "definitive."
                    )
                    % {"cert": certificate.number},
                    certificate=certificate,
                    dedup_key=f"definitive:{certificate.pk}",
                )
            count += 1
    return count


def _provisional_again(certificate: Certificate) -> None:
    _set_provisional(certificate, True)
    request = certificate.request
    with in_request_language(request):
        notify_employer(
            request=request,
            kind="notice",
            subject=_("The determination for request %(number)s is provisional again")
            % {"number": request.transaction_number},
            body=_(
                "Another state objected within the two months, but its objection reached us after we "
                "had told you the determination was definitive. The determination of certificate "
                "%(cert)s is provisional until the states agree; we will tell you the outcome."
            )
            % {"cert": certificate.number},
            certificate=certificate,
            dedup_key=f"provisional-again:{certificate.pk}",
        )


def certificate_record_objection(
    *, actor, certificate: Certificate, state: str, reason: str, received_on=None
):
    """Another state objected (SED A004): the determination stays provisional until settled."""
    if not is_caseworker(actor):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason or not state:
        raise ValidationError(_("Give the objecting state and its reason."))
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().select_related("request").get(pk=certificate.pk)
        received_on = received_on or timezone.localdate()
        # R987 Art. 16(3): only an objection received within the two months stops the determination
        # becoming definitive; a later one finds it definitive already. A withdrawn certificate
        # (request cancelled) has no determination left to object to.
        deadline = objection_deadline(certificate)
        in_time = deadline is None or received_on <= deadline
        # Received in time but recorded after the daily task made the determination definitive: it
        # never was (R987 Art. 16(3)), so it is provisional again. Only the task's doing is undone,
        # never a settlement (that one has objections) nor a withdrawal.
        reopen = (
            in_time
            and certificate.status == CertificateStatus.VALID
            and certificate.definitive_at is not None
            and not certificate.objections.exists()
        )
        if not (certificate.status == CertificateStatus.PROVISIONAL or reopen) or not in_time:
            raise ValidationError(_("Only a provisional determination can receive an objection."))
        # R987 Art. 16(3): the objection comes from one of the institutions that were informed.
        informed = {r.receiving_state.code for r in certificate.host_state_records.all()}
        if str(state).upper() not in informed:
            raise ValidationError(
                {"state": _("Only a state that was informed of the determination can object to it.")}
            )
        objection = Objection.objects.create(
            certificate=certificate,
            state=state,
            reason=reason,
            recorded_by=actor,
            received_on=received_on,
        )
        if reopen:
            _provisional_again(certificate)
        request_record_event(
            request=certificate.request,
            actor=actor,
            kind="objection_recorded",
            reason=reason,
            data={"state": state, "provisional_again": reopen},
        )
        audit_record(
            actor=actor,
            action="certificate.objection",
            organisation=certificate.request.employer,
            obj=certificate,
            state=state,
        )
    return objection


def certificate_mark_sent(*, actor, certificate: Certificate, sent_on: dt.date) -> int:
    """Record that the host-state records not yet sent went to their institutions on `sent_on`.
    Returns how many. For an Art. 13 determination the two months run from the last of these days."""
    if actor is None or not is_caseworker(actor):
        raise PermissionDenied
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().select_related("request").get(pk=certificate.pk)
        if sent_on > timezone.localdate():
            raise ValidationError({"sent_on": _("The day the records were sent cannot be in the future.")})
        if sent_on < timezone.localdate(certificate.issued_at):
            raise ValidationError(
                {"sent_on": _("The records cannot have been sent before the certificate was issued.")}
            )
        unsent = certificate.host_state_records.filter(sent_on__isnull=True)
        states = sorted(r.receiving_state.code for r in unsent)
        if not states:
            raise ValidationError(_("Every host-state record of this certificate was sent already."))
        unsent.update(sent_on=sent_on, sent_by=actor)
        request_record_event(
            request=certificate.request,
            actor=actor,
            kind="host_states_informed",
            data={"states": states, "sent_on": sent_on.isoformat()},
        )
        audit_record(
            actor=actor,
            action="certificate.host_states_informed",
            organisation=certificate.request.employer,
            obj=certificate,
            states=states,
        )
    return len(states)


def certificate_settle_objection(
    *, actor, certificate: Certificate, outcome: str, note: str, settled_on=None
) -> Certificate:
    """Record the common agreement reached after an objection (R987 Art. 16(4)).

    Confirmed: the determination becomes definitive now. Changed: the certificate is withdrawn
    (its request is cancelled, as for any withdrawal) and the employer applies again. Either way
    every open objection is closed, the employer is told, and the event and audit are written."""
    from postings.services.lifecycle import request_transition

    if not is_caseworker(actor):
        raise PermissionDenied
    note = (note or "").strip()
    if outcome not in Objection.Outcome.values:
        raise ValidationError({"outcome": _("Choose what the states agreed.")})
    if not note:
        raise ValidationError({"note": _("Describe the agreement; it is kept in the request's history.")})
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().select_related("request").get(pk=certificate.pk)
        request = certificate.request
        open_objections = certificate.objections.filter(outcome="")
        if not certificate.provisional or request.status == Status.CANCELLED or not open_objections.exists():
            raise ValidationError(_("This certificate has no open objection to settle."))
        states = sorted({o.state.code for o in open_objections})
        open_objections.update(
            outcome=outcome,
            settled_on=settled_on or timezone.localdate(),
            settlement_note=note,
            settled_by=actor,
        )
        if outcome == Objection.Outcome.CONFIRMED:
            _set_provisional(certificate, False)
            request_record_event(
                request=request,
                actor=actor,
                kind="objection_settled",
                reason=note,
                data={"outcome": outcome, "states": states},
            )
        else:
            request_transition(
                request=request,
                to_status=Status.CANCELLED,
                actor=actor,
                kind="objection_settled",
                reason=note,
                data={"outcome": outcome, "states": states},
                cancel_reason=note,
            )
        audit_record(
            actor=actor,
            action=f"certificate.objection_{outcome}",
            organisation=request.employer,
            obj=certificate,
            states=states,
        )
        with in_request_language(request):
            subject, body = _settlement_message(certificate, outcome, note)
            notify_employer(
                request=request,
                kind="notice",
                subject=subject,
                body=body,
                certificate=certificate,
                dedup_key=f"settled:{certificate.pk}",
            )
    return certificate


def _settlement_message(certificate: Certificate, outcome: str, note: str) -> tuple[str, str]:
    number = certificate.request.transaction_number
    if outcome == Objection.Outcome.CONFIRMED:
        subject = _("The determination for request %(number)s is now definitive") % {"number": number}
        body = _(
            "The institutions agreed that the determination of certificate %(cert)s stands. It is "
            "definitive from today; the certificate you have stays valid."
        ) % {"cert": certificate.number}
    else:
        subject = _("The certificate for request %(number)s is withdrawn") % {"number": number}
        body = _(
            "After an objection, the institutions agreed on a different determination. Certificate "
            "%(cert)s is withdrawn and no longer valid.\n\n%(note)s\n\nPlease send a new request "
            "for this worker."
        ) % {"cert": certificate.number, "note": note}
    return subject, body


def certificate_mark_printed(*, actor, certificate: Certificate) -> Certificate:
    if not is_caseworker(actor):
        raise PermissionDenied
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.printed_at is None:
            certificate.printed_at = timezone.now()
            certificate.printed_by = actor
            certificate.save(update_fields=["printed_at", "printed_by"])
            request_record_event(request=certificate.request, actor=actor, kind="certificate_printed")
            audit_record(
                actor=actor,
                action="certificate.printed",
                organisation=certificate.request.employer,
                obj=certificate,
            )
    return certificate
