"""A caseworker corrects an issued certificate (PD A1) and the portal re-issues it.

A misspelt name, a wrong birth date or address of the worker (section 1), a wrong address of a place
of work (section 5), or an admitted period that ends earlier than decided: institutions issue a
corrected PD A1 that replaces the old one (R987 Art. 5(2): the issuing institution reconsiders the
document and withdraws it where necessary), rather than asking the employer for a new request.

The data model keeps "one certificate per request" (a OneToOne that the issue task, the faults
benchmark and many tests rely on): the correction is a new request of the same employer and worker,
linked to the old one by `CoverageRequest.corrects` (as `extends` links an extension), already
closed and approved with the same determination and the corrected data. Its certificate gets a new
number and goes through the ordinary issue task (PDF, host-state records, e-box or print queue).
The old request moves to Cancelled with its own history kind ("certificate_replaced"), so its
certificate reads as withdrawn everywhere at once, and overlap, gap and 24-month checks count only
the new request. Extensions of the old request now extend the new one, so their chain stays whole.

The determination (article, state whose legislation applies) is not correctable here: changing it
is a withdrawal and a new request, checked by the engine again.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from accounts.permissions import is_caseworker
from accounts.services.audit import audit_record
from postings.models import CoverageRequest, PlaceOfWork
from postings.services.lifecycle import request_record_event, request_transition, transaction_number_for
from postings.status import Decision, Status
from postings.worker import worker_data

from ..models import Certificate, ExceptionAgreement
from .certificates import certificate_defaults, record_issued
from .notify import notify_employer

# Section 1 as the PD A1 prints it (casework.services.certificates.holder_snapshot). The personal
# number is left out: another number is another person, which is a new request.
HOLDER_FIELDS = {
    "family_name": gettext_lazy("Surname(s)"),
    "given_names": gettext_lazy("Forename(s)"),
    "family_name_at_birth": gettext_lazy("Surname(s) at birth"),
    "birth_date": gettext_lazy("Date of birth"),
    "sex": gettext_lazy("Sex"),
    "birth_place": gettext_lazy("Place of birth"),
    "nationality": gettext_lazy("Nationality"),
    "street": gettext_lazy("Address in the state of residence: street and number"),
    "postal_code": gettext_lazy("Address in the state of residence: postal code"),
    "town": gettext_lazy("Address in the state of residence: town"),
    "country": gettext_lazy("Address in the state of residence: country"),
    "temp_street": gettext_lazy("Address in the state of stay: street and number"),
    "temp_postal_code": gettext_lazy("Address in the state of stay: postal code"),
    "temp_town": gettext_lazy("Address in the state of stay: town"),
    "temp_country": gettext_lazy("Address in the state of stay: country"),
}
REQUIRED_HOLDER_FIELDS = ("family_name", "given_names", "birth_date")
COUNTRY_FIELDS = ("nationality", "country", "temp_country")
TEMP_FIELDS = ("temp_street", "temp_postal_code", "temp_town", "temp_country")
# Section 5: the name and address of a place of work; its state is part of the determination.
PLACE_FIELDS = {
    "name": gettext_lazy("name"),
    "street": gettext_lazy("street"),
    "house_number": gettext_lazy("number"),
    "postal_code": gettext_lazy("postal code"),
    "town": gettext_lazy("town"),
}


def correction_initial(certificate: Certificate) -> dict:
    """What the certificate printed: section 1, the places of work (section 5), the admitted end."""
    holder = {name: certificate.holder.get(name) or "" for name in HOLDER_FIELDS}
    places = [
        {"seq": p.seq, "country": p.country.code, **{name: getattr(p, name) for name in PLACE_FIELDS}}
        for p in certificate.request.places.all()
    ]
    return {"holder": holder, "places": places, "admitted_end": certificate.request.admitted_end}


def _shown(name: str, value) -> str:
    if name in COUNTRY_FIELDS and value:
        return f"{countries.name(value)} ({value})"
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if name == "birth_date" and value:
        return dt.date.fromisoformat(value).strftime("%d-%m-%Y")
    return str(value or "")


def _normalised(holder: dict, places: list[dict]) -> tuple[dict, list[dict]]:
    holder = {name: holder.get(name) for name in HOLDER_FIELDS}
    for name, value in holder.items():
        if isinstance(value, dt.date):
            holder[name] = value.isoformat()
        elif name in COUNTRY_FIELDS:
            holder[name] = str(value or "").upper()
        else:
            holder[name] = str(value or "").strip()
    places = [{name: str(p.get(name) or "").strip() for name in PLACE_FIELDS} for p in places]
    return holder, places


def correction_changes(certificate: Certificate, *, holder: dict, places: list[dict], admitted_end) -> list:
    """(what, as printed, corrected) for every value that changes: the confirmation page and the
    history show these."""
    initial = correction_initial(certificate)
    holder, places = _normalised(holder, places)
    changes = [
        (str(label), _shown(name, initial["holder"][name]), _shown(name, holder[name]))
        for name, label in HOLDER_FIELDS.items()
        if (initial["holder"][name] or "") != holder[name]
    ]
    for old, new in zip(initial["places"], places, strict=False):
        for name, label in PLACE_FIELDS.items():
            if (old[name] or "") != new[name]:
                what = _("Place of work %(seq)s: %(what)s") % {"seq": old["seq"], "what": label}
                changes.append((what, old[name], new[name]))
    if admitted_end != initial["admitted_end"]:
        changes.append(
            (_("End of the admitted period"), _shown("", initial["admitted_end"]), _shown("", admitted_end))
        )
    return changes


def correction_check(
    certificate: Certificate, *, holder: dict, places: list[dict], admitted_end, reason: str
) -> list:
    """The changes (correction_changes) when the correction can be made; else a ValidationError with
    every error at its field, all at once (the form shows each at its place). Writes nothing: the
    confirmation page asks it before anything is written."""
    holder, places = _normalised(holder, places)
    request = certificate.request
    if request.status != Status.CLOSED or request.decision != Decision.APPROVED:
        raise ValidationError(
            _("This certificate is no longer valid (withdrawn or replaced already); it cannot be corrected.")
        )
    if certificate.objections.filter(outcome="").exists():
        raise ValidationError(
            _(
                "Another state's objection to this certificate is open. Record the agreement first: it "
                "may change the determination."
            )
        )
    errors = {}
    for name in REQUIRED_HOLDER_FIELDS:
        if not holder.get(name):
            errors[name] = _("Enter the %(what)s as the certificate must print it.") % {
                "what": str(HOLDER_FIELDS[name]).lower()
            }
    if holder.get("birth_date") and holder["birth_date"] > timezone.localdate().isoformat():
        errors["birth_date"] = _("The date of birth cannot be in the future.")
    if len(places) != request.places.count():
        errors["__all__"] = _("The places of work changed meanwhile. Open the correction again.")
    start, end = request.admitted_start, request.admitted_end
    if admitted_end is None:
        errors["admitted_end"] = _("Enter the end of the admitted period.")
    elif admitted_end > end:
        errors["admitted_end"] = _(
            "The end can only be brought earlier, to %(end)s at the latest: a longer period is a new "
            "decision (the employer extends the request)."
        ) % {"end": end.strftime("%d-%m-%Y")}
    elif admitted_end < start:
        errors["admitted_end"] = _(
            "The end cannot be before the start of the admitted period, %(start)s."
        ) % {"start": start.strftime("%d-%m-%Y")}
    if not (reason or "").strip():
        errors["reason"] = _("Give the reason for the correction; the employer will see it.")
    if errors:
        raise ValidationError(errors)
    changes = correction_changes(certificate, holder=holder, places=places, admitted_end=admitted_end)
    if not changes:
        raise ValidationError(
            _("Nothing to correct: these are the data certificate %(cert)s printed.")
            % {"cert": certificate.number}
        )
    return changes


def certificate_correct(
    *, actor, certificate: Certificate, holder: dict, places: list[dict], admitted_end: dt.date, reason: str
) -> Certificate:
    """Replace `certificate` by a corrected one (a new number); returns the new certificate, whose PDF
    the issue task produces and delivers after the commit. All or nothing."""
    from ..tasks import queue_certificate

    if not is_caseworker(actor):
        raise PermissionDenied
    reason = (reason or "").strip()
    with transaction.atomic():
        # The request first, then its certificate: the order the issue task takes them in, so a
        # correction and an issue of the same request wait for each other instead of deadlocking.
        # (A certificate never changes request, so its request id can be read unlocked.)
        request_id = Certificate.objects.values_list("request_id", flat=True).get(pk=certificate.pk)
        old = (
            CoverageRequest.objects.select_for_update(of=("self",))
            .select_related("employer")
            .get(pk=request_id)
        )
        certificate = Certificate.objects.select_for_update(of=("self",)).get(pk=certificate.pk)
        certificate.request = old
        holder, places = _normalised(holder, places)
        changes = correction_check(
            certificate, holder=holder, places=places, admitted_end=admitted_end, reason=reason
        )
        new = _corrected_request(old, certificate.holder, holder, places, admitted_end, reason)
        replacement = Certificate.objects.create(
            request=new,
            **{
                **certificate_defaults(new),
                # The determination is the same: a definitive one stays definitive.
                "provisional": certificate.provisional,
            },
            definitive_at=certificate.definitive_at,
        )
        record_issued(replacement, actor=actor)
        # Extensions of the old request continue the corrected one (postings.situation walks `extends`).
        extensions = list(CoverageRequest.objects.filter(extends=old).values_list("pk", flat=True))
        CoverageRequest.objects.filter(pk__in=extensions).update(extends=new)
        data = {
            "certificate": certificate.number,
            "replaced_by": replacement.number,
            "corrected_request": new.transaction_number,
            "corrected_request_id": new.pk,
            "changes": [list(c) for c in changes],
        }
        request_transition(
            request=old,
            to_status=Status.CANCELLED,
            actor=actor,
            kind="certificate_replaced",
            reason=reason,
            data={**data, "extensions_moved": extensions},
            cancel_reason=reason,
        )
        request_record_event(
            request=new,
            actor=actor,
            kind="correction_issued",
            reason=reason,
            data={**data, "corrects": old.transaction_number},
        )
        audit_record(
            actor=actor,
            action="certificate.replaced",
            organisation=old.employer,
            obj=certificate,
            replaced_by=replacement.number,
            reason=reason,
        )
        new_id = new.pk
        transaction.on_commit(lambda: queue_certificate(new_id))
    return replacement


def _corrected_request(
    old: CoverageRequest, old_holder: dict, holder, places, admitted_end, reason
) -> CoverageRequest:
    now = timezone.now()
    worker = {**(worker_data(old) or {}), **{k: v for k, v in holder.items() if k not in TEMP_FIELDS}}
    answers = dict(old.answers or {})
    if any((old_holder.get(k) or "") != holder[k] for k in TEMP_FIELDS):
        # The certificate's 1.9 is read from the answers' address step (certificates.holder_snapshot).
        answers["address"] = {
            **(answers.get("address") or {}),
            "temp_differs": any(holder[k] for k in TEMP_FIELDS),
            "temp_street": holder["temp_street"],
            "temp_number": "",
            "temp_po_box": "",
            "temp_postal_code": holder["temp_postal_code"],
            "temp_town": holder["temp_town"],
            "temp_country": holder["temp_country"],
        }
    old_places = list(old.places.all())
    _correct_answered_places(old, answers, places)
    new = CoverageRequest.objects.create(
        type=old.type,
        status=Status.CLOSED,
        decision=Decision.APPROVED,
        employer=old.employer,
        employee=old.employee,
        # The employer's filing, carried forward; the caseworker is in the history and the audit.
        created_by=old.created_by,
        representative=old.representative,
        based_on=old.based_on,
        extends=old.extends,
        corrects=old,
        answers=answers,
        wizard_step=old.wizard_step,
        worker_name=f"{holder['family_name']}, {holder['given_names']}",
        personal_number=old.personal_number,
        state_of_work=old.state_of_work,
        territory=old.territory,
        requested_start=old.requested_start,
        requested_end=old.requested_end,
        admitted_start=old.admitted_start,
        admitted_end=admitted_end,
        language=old.language,
        output_channel=old.output_channel,
        worker_as_sent=worker,
        determination=old.determination,
        flags=old.flags,
        decision_reason=reason,
        submitted_at=now,
        decided_at=now,
    )
    new.transaction_number = transaction_number_for(new)
    new.save(update_fields=["transaction_number"])
    PlaceOfWork.objects.bulk_create(
        [
            PlaceOfWork(
                **{
                    f.name: getattr(p, f.name)
                    for f in PlaceOfWork._meta.concrete_fields
                    if f.name not in ("id", "request")
                },
                request=new,
            )
            for p in old_places
        ]
    )
    for place, corrected in zip(new.places.order_by("seq"), places, strict=True):
        for name, value in corrected.items():
            setattr(place, name, value)
        place.save(update_fields=list(PLACE_FIELDS))
    agreement = ExceptionAgreement.objects.filter(request=old).first()
    if agreement is not None:  # box 3.11 names the agreement on the corrected certificate too
        agreement.pk = None
        agreement.request = new
        agreement.save()
    return new


def _correct_answered_places(old: CoverageRequest, answers: dict, places: list[dict]) -> None:
    """The request's page shows the places as answered: they say what the certificate prints."""
    answered = (answers.get("places") or {}).get("places")
    if answered and len(answered) == len(places):
        answers["places"] = {
            **answers["places"],
            "places": [{**a, **p} for a, p in zip(answered, places, strict=True)],
        }
    elif old.type == "seafarer" and answers.get("ship") and len(places) == 1:
        answers["ship"] = {**answers["ship"], "name": places[0]["name"]}


def deliver_correction(certificate: Certificate) -> None:
    """The issue task's delivery of a corrected certificate: one message that says which certificate
    it replaces, why, and carries the new one (or says it comes by post)."""
    request = certificate.request
    old = certificate.replaces
    # Corrected again before the previous correction was sent: the employer never received that one,
    # so name the certificate they hold.
    while old is not None and old.delivered_at is None and old.replaces is not None:
        old = old.replaces
    values = {
        "number": request.transaction_number,
        "cert": certificate.number,
        "old_cert": old.number if old else "",
        "old_number": old.request.transaction_number if old else request.corrects.transaction_number,
        "reason": request.decision_reason,
    }
    body = (
        _(
            "The institution corrected certificate %(old_cert)s (request %(old_number)s) and issued "
            "the corrected certificate %(cert)s under request %(number)s. Certificate %(old_cert)s is "
            "replaced: it is no longer valid. Give the worker the corrected certificate.\n\n"
            "Reason for the correction:\n%(reason)s"
        )
        % values
    )
    if certificate.print_required:
        body += "\n\n" + _("The corrected certificate will be sent to you by post.")
    else:
        body += "\n\n" + _("You can download the corrected certificate from this message.")
    notify_employer(
        request=request,
        kind="certificate",
        subject=_("Corrected certificate %(cert)s replaces %(old_cert)s") % values,
        body=body,
        certificate=None if certificate.print_required else certificate,
        dedup_key=f"certificate:{certificate.pk}",
    )
