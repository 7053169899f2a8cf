"""What goes to the host state's institution for each certificate: the fields of SED A009 (a
posting, R987 Art. 15(1)) or A003 (an Art. 13 decision, R987 Art. 16(2)), as a structured record.

The payload is EESSI output, so every country in it is EESSI-coded (EL, UK; casework.eessi). The
record's own receiving_state and the choice of states below stay ISO, as everything stored does."""

from django.conf import settings

from ..certificate_labels import EXCEPTION_CODE
from ..eessi import eessi_country
from ..pdf import art13_box, status_code_for


def _flag(place) -> str:
    # The seafarer's ship step records the flag itself; the places step asks an ocean vessel's flag as
    # the place's state (postings.forms.steps.PlaceForm), as the PD A1's 5.1 prints it.
    if place.flag_state:
        return eessi_country(place.flag_state.code)
    return eessi_country(place.country.code) if place.location_type == "ocean_vessel" else ""


def _place(place) -> dict:
    return {
        "type": place.location_type,
        "name": place.name,
        "identification_number": place.identification_number,
        "street": " ".join(p for p in (place.street, place.house_number) if p),
        "postal_code": place.postal_code,
        "town": place.town,
        "country": eessi_country(place.country.code),
        "imo_number": place.imo_number,
        "flag_state": _flag(place),
        "time_pct": float(place.time_pct) if place.time_pct is not None else None,
    }


def sed_type(certificate) -> str:
    # The box the certificate ticks decides, also for a request decided by hand (no determination).
    determination = certificate.request.determination or {}
    article = (determination.get("provision") or {}).get("article", "")
    if article.startswith("13") or art13_box(certificate.request, determination):
        return "A003"
    return "A009"


def receiving_states(certificate) -> list[str]:
    request = certificate.request
    own = (certificate.request.determination or {}).get("legislation") or settings.PORTAL_INSTITUTION["state"]
    states = [p.country.code for p in request.places.all()]
    if request.state_of_work:
        states.insert(0, request.state_of_work.code)
    seen = []
    for state in states:
        if state and state != own and state not in seen:
            seen.append(state)
    return seen


def _person(holder: dict) -> dict:
    """The person's block: `holder` is the worker as the request sent them (or the certificate)."""
    return {
        "personal_identification_number": holder.get("personal_number"),
        "issuing_state": eessi_country(settings.PORTAL_INSTITUTION["state"]),
        "family_name": holder.get("family_name"),
        "given_names": holder.get("given_names"),
        "family_name_at_birth": holder.get("family_name_at_birth"),
        "birth_date": holder.get("birth_date"),
        "sex": holder.get("sex"),
        "nationality": eessi_country(holder.get("nationality")),
        "residence": {
            "street": holder.get("street"),
            "postal_code": holder.get("postal_code"),
            "town": holder.get("town"),
            "country": eessi_country(holder.get("country")),
        },
    }


def _employer(employer) -> dict:
    return {
        "name": employer.name,
        "identification_number": employer.registration_number,
        "address": {
            "street": employer.street,
            "postal_code": employer.postal_code,
            "town": employer.town,
            "country": eessi_country(employer.country.code),
        },
    }


def exception_request_payload(request) -> dict:
    """What this institution sends the host state to ask for an Art. 16(1) exception (SED A001,
    legislation.md 2.5): that the legislation of the issuing state apply for the requested period.
    The caseworker sends it and records the answer (casework.services.exception_agreements)."""
    from postings.worker import worker_data

    institution = settings.PORTAL_INSTITUTION
    host = request.state_of_work.code if request.state_of_work else ""
    return {
        "sed": "A001",
        "case_number": request.transaction_number,
        "sending_institution": {"id": institution["institution_id"], "name": institution["name"]},
        "receiving_state": eessi_country(host),
        "person": _person(worker_data(request) or {}),
        "employer": _employer(request.employer),
        "requested_legislation": {
            "state": eessi_country(institution["state"]),
            "instrument": "883/2004",
            "article": "16(1)",
            "start": request.requested_start.isoformat() if request.requested_start else None,
            "end": request.requested_end.isoformat() if request.requested_end else None,
        },
        "places_of_work": [_place(p) for p in request.places.all() if p.country.code == host],
    }


def host_state_payload(certificate, receiving_state: str) -> dict:
    request = certificate.request
    determination = request.determination or {}
    provision = determination.get("provision") or {}
    institution = settings.PORTAL_INSTITUTION
    holder = certificate.holder
    sed = sed_type(certificate)
    payload = {
        "sed": sed,
        "case_number": request.transaction_number,
        "document_number": certificate.number,
        "sending_institution": {"id": institution["institution_id"], "name": institution["name"]},
        "receiving_state": eessi_country(receiving_state),
        "person": _person(holder),
        "applicable_legislation": {
            "state": eessi_country(determination.get("legislation") or institution["state"]),
            "instrument": provision.get("instrument"),
            "article": provision.get("article"),
            "start": request.admitted_start.isoformat() if request.admitted_start else None,
            "end": request.admitted_end.isoformat() if request.admitted_end else None,
            "transitional": determination.get("transitional"),
        },
        "employer": _employer(request.employer),
        "places_of_work": [_place(p) for p in request.places.all() if p.country.code == receiving_state],
    }
    if sed == "A003":
        payload["decision"] = {
            "provisional": certificate.provisional,
            "status_code": status_code_for(request, determination),
            "states_informed": [eessi_country(s) for s in receiving_states(certificate)],
        }
    else:
        payload["posting"] = {"status_code": status_code_for(request, determination)}
    return payload


def host_state_records_for(certificate) -> list[tuple[str, str, dict]]:
    # An Art. 16 exception (box 3.11) was agreed with the other state beforehand (LA_BUC_01: A001
    # asked, A011 agreed; legislation.md 2.5): that exchange informed it, and an A009 would wrongly
    # present the case as an Art. 12 posting.
    if status_code_for(certificate.request, certificate.request.determination or {}) == EXCEPTION_CODE:
        return []
    sed = sed_type(certificate)
    return [(state, sed, host_state_payload(certificate, state)) for state in receiving_states(certificate)]
