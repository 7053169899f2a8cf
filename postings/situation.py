"""Build the engine's situation (contracts/determination.md) from a request's wizard answers.

`situation_from_request(request)` depends only on the request, its employee and employer (and, for a
posting, this worker's earlier requests to the same state with the same employer and the Art. 16
agreement a caseworker recorded). No clock: the reference date is the requested start. The
validation task imports it too, and passes the worker's other requests it has already read
(postings/worker_history.py) so they are not read twice.
"""

import functools

from django.conf import settings
from django.db.models.functions import Coalesce

from coverage_portal.precompiled import PrecompiledValues
from rules import data as rules_data

from .wizards.conditions import AIR, SEA, classification

EMPLOYMENT_TYPES = {
    "employed": "employed",
    "civil_servant": "civil_servant",
    "self_employed": "self_employed",
    "transport_road_rail": "employed",
    "transport_air": "flight_crew",
    "transport_sea": "seafarer",
    "inland_shipping": "employed",
    "rhine_shipping": "employed",
}
ACTIVITIES = {"civil_servant": "civil_servant", "self_employed": "self_employed"}
# The wizard asks whether the worker was insured in the sending state in the 30 days before the start
# (NSSO; legislation.md 2.3 P3): a yes shows one month, not more.
PRIOR_INSURANCE_MONTHS_IF_INSURED = 1
# Territories with their own legislation (PlaceForm.territory) that ISO 3166-1 codes on their own: a
# place "GB, Jersey" is worked in JE (the NL-UK convention, legislation.md 1.5), not in the UK. Quebec
# has no code of its own and stays CA (rules/data.py).
TERRITORY_CODES = {"alderney": "GG", "guernsey": "GG", "sark": "GG", "jersey": "JE", "isle_of_man": "IM"}
# Parts of a member state that the state lists (django-countries) offer under their own ISO code,
# Réunion or Åland say: the engine reads them as their member state (rules.data), and the portal
# compares states of work the same way.
PART_OF_MEMBER_STATE = rules_data.PART_OF_MEMBER_STATE
# The conditions step asks P1 and P6 (legislation.md 2.3) only since they were added to it. A request
# stored before has no answer to them: it keeps the values every request was sent with until then
# (substantial activity: yes; hired out onward: no), so its determination, and the caseworker's
# decision taken on it, stay as they were when it is determined again. (A draft without them cannot
# be sent: the wizard checks every step again, the API lists them as missing.)
UNANSWERED_EMPLOYER_SUBSTANTIAL_ACTIVITY = True
UNANSWERED_HOST_HIRES_OUT = False


def engine_country(code: str | None) -> str | None:
    """A state as the person chose it from a state list, as the engine's situation gives it."""
    return PART_OF_MEMBER_STATE.get(code or "", code) or None


def _code(country) -> str | None:
    return engine_country(getattr(country, "code", country))


def _place_country(place: dict) -> str | None:
    return engine_country(TERRITORY_CODES.get(place.get("territory") or "") or place.get("country") or None)


def place_state(country: str | None, territory: str | None) -> str | None:
    """The engine's state of work for a place (or a request's state_of_work and territory)."""
    return _place_country({"country": country, "territory": territory})


def _number(value):
    value = float(value)
    return int(value) if value.is_integer() else round(value, 2)


def situation_from_request(request, *, others_of_worker=None) -> dict:
    """`others_of_worker`: postings.worker_history.others_of_worker(request), when the caller has it."""
    from .worker import worker_data

    answers = request.answers or {}
    kind = request.type
    # A sent request states the worker as they were on the day it was sent (postings/worker.py): a
    # later move in the personnel directory must not change the residence the engine decides on
    # (legislation.md 2.1) when the request is determined again (an Art. 16 answer, a late task).
    worker = worker_data(request) or {}
    residence = _code(worker.get("country"))
    nationality = _code(worker.get("nationality"))
    employer = request.employer
    issuing = settings.PORTAL_INSTITUTION["state"]
    worker_class = classification(answers)
    if kind == "seafarer" and worker_class != "civil_servant":
        worker_class = SEA
    # A civil servant stays under the administration's legislation (Art. 11(3)(b)) before the flag
    # decides where work on board is done (legislation.md 2.2: step 2 comes before step 3). The
    # seafarer wizard asks the classification (employed or civil servant), so a civil servant on
    # board is a civil servant to the engine, not a seafarer.
    employment_type = EMPLOYMENT_TYPES.get(worker_class, "employed")
    activity = ACTIVITIES.get(worker_class, "employed")
    period = answers.get("period" if kind == "simultaneous" else "conditions") or {}
    start = period.get("start")
    # P1 is asked on the conditions step (posting, seafarer). Simultaneous occupation does not ask
    # it: the engine uses it only in the posting test (Art. 12), which that request never runs.
    substantial = _answered(period, "employer_substantial_activity", UNANSWERED_EMPLOYER_SUBSTANTIAL_ACTIVITY)

    situation = {
        "reference_date": start,
        "residence": residence,
        "nationalities": [nationality] if nationality else [],
        "employment_type": employment_type,
        "work": [],
        "employers": []
        if employment_type == "self_employed"
        else [{"seat": _code(employer.country), "substantial_activity_in_seat": substantial}],
        "posting": None,
    }
    if kind == "posting":
        places = (answers.get("places") or {}).get("places") or []
        host = _place_country(places[0]) if places else None
        situation["work"] = [
            {"country": host, "time_pct": 100, "remuneration_pct": 100, "activity": activity}
        ]
        situation["posting"] = _posting(
            request, answers.get("conditions") or {}, issuing, host, places, others_of_worker
        )
    elif kind == "seafarer":
        ship = answers.get("ship") or {}
        flag = _code(ship.get("flag_state"))
        if employment_type == "seafarer":
            situation["flag_state"] = flag
        situation["work"] = [
            {"country": flag, "time_pct": 100, "remuneration_pct": 100, "activity": activity}
        ]
        if flag and flag != issuing:
            # A seafarer is sent to work on board (NSSO: "very similar to a classic posting"; the same
            # period and work-condition questions): the work counts as done in the flag state
            # (Art. 11(4)), which is the host state of the posting test (legislation.md 2.2 steps 3-6).
            situation["posting"] = _posting(
                request, answers.get("conditions") or {}, issuing, flag, None, others_of_worker
            )
    else:
        relationship = answers.get("relationship") or {}
        shares: dict[str, float] = {}
        for place in (answers.get("places") or {}).get("places") or []:
            country = _place_country(place)
            shares[country] = shares.get(country, 0) + float(place.get("time_pct") or 0)
        situation["work"] = [
            {
                "country": country,
                "time_pct": _number(share),
                "remuneration_pct": _number(share),
                "activity": activity,
            }
            for country, share in shares.items()
        ]
        if worker_class == SEA:
            situation["flag_state"] = _code(relationship.get("flag_state"))
        if worker_class == AIR:
            situation["home_base"] = _code(relationship.get("home_base"))
    return situation


TEMPORARY_ADDRESS_PARTS = ("street", "number", "po_box", "postal_code", "town", "country")


def temporary_address(request) -> dict | None:
    """The employee's temporary address as answered in this request (PD A1 field 1.9), or None.

    Pure: reads only `request.answers["address"]` (no database, no clock). None when the person said
    the temporary address is not different from the usual one, or did not reach that step. Keys:
    street, number, po_box, postal_code, town, country (ISO code); missing parts are "".
    """
    address = (getattr(request, "answers", None) or {}).get("address") or {}
    if not address.get("temp_differs"):
        return None
    parts = {part: str(address.get(f"temp_{part}") or "").strip() for part in TEMPORARY_ADDRESS_PARTS}
    if not any(parts.values()):
        return None
    parts["country"] = parts["country"].upper()
    return parts


def _posting(
    request, conditions: dict, issuing: str, host: str | None, places: list | None, others_of_worker
) -> dict:
    """The posting from the conditions step. `places`: the posting's places of work, to look up the
    previous posting to the same state (None: no such look-up, a seafarer's voyage)."""
    insured = conditions.get("insured_30_days")
    # An extension continues the posting it extends: the 24 months count from the first start
    # (legislation.md 2.3 P4, P8; postings/services/drafts.py EXTENDABLE_TYPES).
    extended = extended_request_ids(request)  # one walk of the chain for both look-ups below
    start = _first_start(extended) or conditions.get("start")
    return {
        "sending_state": issuing,
        "host_state": host,
        "start": start,
        "end": conditions.get("end"),
        "replaces_posted_worker": bool(conditions.get("replaces_posted_worker")),
        # Not answered: not stated (null), not "never insured".
        "insured_in_sending_state_months_before": (
            None if insured is None else PRIOR_INSURANCE_MONTHS_IF_INSURED if insured else 0
        ),
        "direct_relationship_maintained": not any(
            conditions.get(key)
            for key in ("host_contract", "host_can_change_pay", "host_can_dismiss", "host_can_discipline")
        ),
        "placed_at_disposal_of_third_undertaking": _answered(
            conditions, "host_hires_out", UNANSWERED_HOST_HIRES_OUT
        ),
        "previous_posting_same_employer_host_end": (
            _previous_posting_end(request, places[0], start, extended, others_of_worker) if places else None
        ),
        "art16_agreement": _exception_agreement(request, issuing),
    }


def _answered(step: dict, key: str, unanswered: bool) -> bool:
    """A yes/no answer of a step; `unanswered` for a request stored before the question was asked."""
    value = step.get(key)
    return unanswered if value is None else bool(value)


def _exception_agreement(request, issuing: str) -> dict | None:
    """The Art. 16(1) agreement the caseworker recorded (casework.ExceptionAgreement): this
    institution asked for its own legislation to apply, so the agreed state is the issuing one.
    Only a sent request can have one: a draft costs no query."""
    from .status import Status

    if not request.pk or request.status == Status.DRAFT:
        return None
    found = _agreement_read().all(request_id=request.pk)
    if not found:
        return None
    start, end = found[0]
    return {"state": issuing, "start": start.isoformat(), "end": end.isoformat()}


@functools.cache
def _agreement_read():
    # Compiled once per process: every validation and every sent request determined again asks.
    # Made on first use, as casework's models cannot be imported while postings' load.
    from casework.models import ExceptionAgreement

    return PrecompiledValues(
        lambda request_id: ExceptionAgreement.objects.filter(
            request_id=request_id, outcome=ExceptionAgreement.Outcome.AGREED
        ).values_list("start", "end"),
        request_id=int,
    )


def extended_request_ids(request) -> list[int]:
    """The requests this one extends, nearest first (an extension of an extension too)."""
    from .models import CoverageRequest

    ids: list[int] = []
    current = request.extends_id
    while current and current not in ids and current != request.pk:
        ids.append(current)
        current = CoverageRequest.objects.filter(pk=current).values_list("extends_id", flat=True).first()
    return ids


def _first_start(extended: list[int]) -> str | None:
    """For an extension (`extended`: extended_request_ids): the start of the posting it continues,
    the first request of the chain."""
    from .models import CoverageRequest

    if not extended:
        return None
    first = (
        CoverageRequest.objects.filter(pk=extended[-1])
        .annotate(effective_start=Coalesce("admitted_start", "requested_start"))
        .values_list("effective_start", flat=True)
        .first()
    )
    return first.isoformat() if first else None


def _previous_posting_end(
    request, place: dict | None, start: str | None, extended: list[int], others_of_worker=None
) -> str | None:
    """The end of this worker's latest earlier posting to the same state by the same employer: a sent
    posting request that was not cancelled or rejected, ended before this one starts, and is not a
    request that this one extends (the same posting, not an earlier one; legislation.md 2.3 P7)."""
    import datetime as dt

    from .models import RequestType
    from .worker_history import others_of_worker as read_others

    host = _place_country(place) if place else None
    if not host or not start:
        return None
    starts = dt.date.fromisoformat(start)
    if others_of_worker is None:
        others_of_worker = read_others(request)
    # "The same state" is the state the engine sees (place_state), not the letters chosen: "GB,
    # Jersey" and "JE" are both Jersey, "RE" and "FR" both France.
    ends = [
        other.end
        for other in others_of_worker
        if other.type == RequestType.POSTING
        and other.employer_id == request.employer_id
        and other.requested_start < starts
        and other.end < starts
        and other.pk not in extended
        and place_state(other.state_of_work, other.territory) == host
    ]
    return max(ends).isoformat() if ends else None


def determine_request(request) -> dict:
    """The engine's answer for the check-answers page: {"determination": dict|None, "errors": [str]}."""
    import rules
    from selfcheck.localise import localised_determination, localised_errors

    try:
        return {
            "determination": localised_determination(situation_from_request(request)),
            "errors": [],
            "unavailable": False,
        }
    except rules.InvalidSituation as exc:
        return {
            "determination": None,
            "errors": _messages(localised_errors(exc) or [str(exc)]),
            "unavailable": False,
        }


def _messages(errors: list) -> list[str]:
    """The engine's errors (already in the reader's language) as "message (field)" lines."""
    out = []
    for error in errors:
        if isinstance(error, dict):
            field = error.get("field") or error.get("path")
            message = error.get("message") or error.get("msg") or str(error)
            out.append(f"{message} ({field})" if field else message)
        else:
            out.append(str(error))
    return out
