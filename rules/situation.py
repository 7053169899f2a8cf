"""Parse and validate a situation dict into frozen dataclasses.

The contract (shared/contracts/determination.md, "Situation") fixes the input shape. Every
problem the input has is collected, with a field path such as ``work[0].time_pct`` or
``posting.end``, and raised at once as :class:`InvalidSituation`; nothing here ever raises
anything else, whatever the input is.
"""

from __future__ import annotations

import math
from datetime import date
from typing import NamedTuple

from . import data
from .i18n import N_, Figure

EMPLOYMENT_TYPES = (
    "employed",
    "self_employed",
    "civil_servant",
    "civil_servant_and_employed",
    "employed_and_self_employed",
    "seafarer",
    "flight_crew",
    "inactive",
)
ACTIVITIES = ("employed", "self_employed", "civil_servant")

#: Employment types that need at least one employer (the contract: "yes for employed types").
NEEDS_EMPLOYER = frozenset(
    {
        "employed",
        "civil_servant",
        "civil_servant_and_employed",
        "employed_and_self_employed",
        "seafarer",
        "flight_crew",
    }
)
#: Activities each employment type may declare per state of work.
ALLOWED_ACTIVITIES: dict[str, frozenset[str]] = {
    "employed": frozenset({"employed"}),
    "seafarer": frozenset({"employed"}),
    "flight_crew": frozenset({"employed"}),
    "self_employed": frozenset({"self_employed"}),
    # C39: a civil servant's work abroad is often entered as "employed" work for the administration.
    "civil_servant": frozenset({"civil_servant", "employed"}),
    "civil_servant_and_employed": frozenset({"civil_servant", "employed", "self_employed"}),
    "employed_and_self_employed": frozenset({"employed", "self_employed"}),
    "inactive": frozenset(),
}
DEFAULT_ACTIVITY = {
    "employed": "employed",
    "seafarer": "employed",
    "flight_crew": "employed",
    "self_employed": "self_employed",
    "civil_servant": "civil_servant",
}

TOP_KEYS = frozenset(
    {
        "reference_date",
        "situation_start",
        "residence",
        "nationalities",
        "employment_type",
        "work",
        "employers",
        "flag_state",
        "home_base",
        "posting",
        "art87_8_request_date",
    }
)
#: ``note`` is a free-text remark (the public case C39 carries one); it is kept out of the law.
WORK_KEYS = frozenset({"country", "time_pct", "remuneration_pct", "activity", "note"})
EMPLOYER_KEYS = frozenset({"seat", "substantial_activity_in_seat", "note"})
POSTING_KEYS = frozenset(
    {
        "sending_state",
        "host_state",
        "start",
        "end",
        "replaces_posted_worker",
        "insured_in_sending_state_months_before",
        "direct_relationship_maintained",
        "placed_at_disposal_of_third_undertaking",
        "previous_posting_same_employer_host_end",
        "art16_agreement",
    }
)
AGREEMENT_KEYS = frozenset({"state", "start", "end"})
SHARE_TOLERANCE = 0.01  # rounding slack when shares are entered with decimals


class InvalidSituation(ValueError):
    """The situation cannot be determined; ``errors`` lists every problem found.

    Each error is ``{"field": "work[0].country", "message": "..."}``; the message is English (the
    contract). ``sources`` gives, in the same order, each message's English template (marked with
    ``N_``) and the values filled into it, so that the portal can say the message again in the
    reader's language (selfcheck/localise.py), as it does for the reasons.
    """

    def __init__(self, errors: list[dict[str, str]], sources: list[tuple[str, dict[str, str]]] | None = None):
        self.errors = errors
        self.sources = sources if sources is not None else [(e["message"], {}) for e in errors]
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))


# Immutable records. NamedTuples rather than frozen dataclasses: they are as read-only and
# several times cheaper to build, which matters at tens of thousands of determinations a second.
class Work(NamedTuple):
    country: str
    time_pct: float
    remuneration_pct: float
    activity: str


class Employer(NamedTuple):
    seat: str
    substantial_activity_in_seat: bool


class Agreement(NamedTuple):
    state: str
    start: date
    end: date


class Posting(NamedTuple):
    sending_state: str
    host_state: str
    start: date
    end: date
    replaces_posted_worker: bool
    insured_in_sending_state_months_before: float | None
    direct_relationship_maintained: bool
    placed_at_disposal_of_third_undertaking: bool
    previous_posting_same_employer_host_end: date | None
    art16_agreement: Agreement | None


class Situation(NamedTuple):
    reference_date: date
    situation_start: date
    residence: str
    nationalities: tuple[str, ...] | None
    employment_type: str
    work: tuple[Work, ...]
    employers: tuple[Employer, ...]
    flag_state: str | None
    home_base: str | None
    posting: Posting | None
    art87_8_request_date: date | None


#: Valid codes and aliases mapped to the stored ISO code (one dict lookup per country field).
_COUNTRY_CODES: dict[str, str] = {c: c for c in data.ISO_COUNTRIES} | data.COUNTRY_ALIASES
#: Parsed ISO dates; the same few dates recur across a batch, and parsing is pure.
_DATES: dict[str, date] = {}
_DATE_CACHE_SIZE = 1 << 16  # about 180 years of days
_INF = math.inf


class _Collector:
    """Collects errors while converting values; converters return None on failure.

    Each message is a template marked with ``N_`` and filled with named values (already written
    out as text), so the template can be translated first and filled after (InvalidSituation.sources).
    """

    __slots__ = ("errors", "sources")

    def __init__(self) -> None:
        self.errors: list[dict[str, str]] = []
        self.sources: list[tuple[str, dict[str, str]]] = []

    def add(self, field: str, template: str, **values: str) -> None:
        message = template.format_map(values) if values else template
        self.errors.append({"field": field, "message": message})
        self.sources.append((template, values))

    def keys(self, obj: dict, allowed: frozenset[str], prefix: str) -> None:
        if obj.keys() <= allowed:
            return
        for key in obj:
            if key not in allowed:
                name = key if isinstance(key, str) else repr(key)
                self.add(f"{prefix}{name}", N_("Unknown field; check the spelling."))

    def date(self, value: object, field: str, required: bool = True) -> date | None:
        if value.__class__ is str:
            known = _DATES.get(value)
            if known is not None:
                return known
        if value is None:
            if required:
                self.add(field, N_("This date is required (YYYY-MM-DD)."))
            return None
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                parsed = date.fromisoformat(value)
            except ValueError:
                pass
            else:
                if len(_DATES) >= _DATE_CACHE_SIZE:
                    _DATES.clear()
                _DATES[value] = parsed
                return parsed
        self.add(field, N_("Enter a real date in the form YYYY-MM-DD."))
        return None

    def country(self, value: object, field: str, required: bool = True) -> str | None:
        if value.__class__ is str:
            code = _COUNTRY_CODES.get(value)
            if code is not None:
                return code
        if value is None:
            if required:
                self.add(field, N_("A country code is required."))
            return None
        if isinstance(value, str):
            code = data.COUNTRY_ALIASES.get(value, value)
            if code in data.ISO_COUNTRIES:
                return code
        self.add(
            field, N_("{value} is not an ISO 3166-1 alpha-2 country code in upper case."), value=_show(value)
        )
        return None

    def boolean(self, value: object, field: str, default: bool | None = None) -> bool | None:
        if value is True or value is False:
            return value
        if value is None and default is not None:
            return default
        if isinstance(value, bool):
            return value
        self.add(field, N_("Answer true or false."))
        return None

    def number(self, value: object, field: str, low: float, high: float | None) -> float | None:
        if (value.__class__ is int or value.__class__ is float) and (
            low <= value <= high if high is not None else low <= value < _INF
        ):
            return float(value)  # the common case; NaN, infinities and bools take the checks below
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(field, N_("Enter a number."))
            return None
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            self.add(field, N_("Enter a finite number."))
            return None
        if number < low or (high is not None and number > high):
            if high is None:
                template = N_("{number} is out of range; enter a number of at least {low}.")
                self.add(field, template, number=Figure(f"{number:g}"), low=Figure(f"{low:g}"))
            else:
                template = N_("{number} is out of range; enter a number between {low} and {high}.")
                self.add(
                    field,
                    template,
                    number=Figure(f"{number:g}"),
                    low=Figure(f"{low:g}"),
                    high=Figure(f"{high:g}"),
                )
            return None
        return number


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def parse(raw: object) -> Situation:
    """Turn the contract's situation dict into a :class:`Situation` or raise InvalidSituation."""
    c = _Collector()
    if not isinstance(raw, dict):
        raise InvalidSituation([{"field": "", "message": N_("A situation must be a JSON object.")}])
    c.keys(raw, TOP_KEYS, "")

    reference_date = c.date(raw.get("reference_date"), "reference_date")
    situation_start = c.date(raw.get("situation_start"), "situation_start", required=False)
    residence = c.country(raw.get("residence"), "residence")
    request_date = c.date(raw.get("art87_8_request_date"), "art87_8_request_date", required=False)

    nationalities: tuple[str, ...] | None = None
    raw_nat = raw.get("nationalities")
    if raw_nat is not None:
        if isinstance(raw_nat, list):
            parsed = [c.country(v, f"nationalities[{i}]") for i, v in enumerate(raw_nat)]
            nationalities = tuple(p for p in parsed if p is not None)
        else:
            c.add("nationalities", N_("Give a list of country codes, or leave it out when unknown."))

    etype = raw.get("employment_type")
    if etype is None:
        c.add("employment_type", N_("Choose the type of activity."))
        etype = None
    elif etype not in EMPLOYMENT_TYPES:
        c.add(
            "employment_type",
            N_("{value} is not one of: {choices}."),
            value=_show(etype),
            choices=", ".join(EMPLOYMENT_TYPES),
        )
        etype = None

    work = _parse_work(c, raw.get("work"), etype)
    employers = _parse_employers(c, raw.get("employers"), etype)

    flag_state = c.country(raw.get("flag_state"), "flag_state", required=False)
    if etype == "seafarer" and raw.get("flag_state") is None:
        c.add("flag_state", N_("A seafarer needs the flag state of the vessel."))
    elif etype is not None and etype != "seafarer" and raw.get("flag_state") is not None:
        c.add("flag_state", N_("A flag state is only asked for seafarers."))
    home_base = c.country(raw.get("home_base"), "home_base", required=False)
    if etype == "flight_crew" and raw.get("home_base") is None:
        c.add("home_base", N_("Flight or cabin crew need the state of their home base."))
    elif etype is not None and etype != "flight_crew" and raw.get("home_base") is not None:
        c.add("home_base", N_("A home base is only asked for flight or cabin crew."))

    posting = _parse_posting(c, raw.get("posting"), etype, work)

    if c.errors:
        raise InvalidSituation(c.errors, c.sources)

    assert reference_date is not None and residence is not None and etype is not None  # noqa: S101
    if situation_start is None:
        situation_start = posting.start if posting is not None else reference_date
    return Situation(
        reference_date=reference_date,
        situation_start=situation_start,
        residence=residence,
        nationalities=nationalities,
        employment_type=etype,
        work=work or (),
        employers=employers or (),
        flag_state=flag_state,
        home_base=home_base,
        posting=posting,
        art87_8_request_date=request_date,
    )


def _parse_work(c: _Collector, raw: object, etype: str | None) -> tuple[Work, ...] | None:
    if raw is None:
        raw = [] if etype == "inactive" else None
    if not isinstance(raw, list):
        c.add("work", N_("List every state of work (a list of objects)."))
        return None
    if etype == "inactive" and raw:
        c.add("work", N_("An inactive person has no states of work; leave the list empty."))
        return None
    if etype is not None and etype != "inactive" and not raw:
        c.add("work", N_("Give at least one state of work."))
        return None
    if etype in DEFAULT_ACTIVITY:
        fast = _fast_work(raw, etype)
        if fast is not None:
            return fast
    items: list[Work] = []
    seen: dict[str, int] = {}
    ok = True
    allowed = ALLOWED_ACTIVITIES.get(etype or "", frozenset(ACTIVITIES))
    for i, item in enumerate(raw):
        p = f"work[{i}]"
        if not isinstance(item, dict):
            c.add(p, N_("Each state of work must be an object."))
            ok = False
            continue
        c.keys(item, WORK_KEYS, p + ".")
        country = c.country(item.get("country"), p + ".country")
        time_pct = c.number(item.get("time_pct"), p + ".time_pct", 0, 100)
        pay_pct = c.number(item.get("remuneration_pct"), p + ".remuneration_pct", 0, 100)
        activity = item.get("activity")
        if activity is None and etype in DEFAULT_ACTIVITY:
            activity = DEFAULT_ACTIVITY[etype]
        if activity not in ACTIVITIES:
            c.add(p + ".activity", N_("Choose one of: {choices}."), choices=", ".join(ACTIVITIES))
            activity = None
        elif etype is not None and activity not in allowed:
            c.add(
                p + ".activity",
                N_("{activity} work does not fit the employment type {employment_type}."),
                activity=repr(activity),
                employment_type=repr(etype),
            )
            activity = None
        if country is not None:
            if country in seen:
                c.add(
                    p + ".country",
                    N_("{country} is listed twice; give one line per state of work."),
                    country=country,
                )
                ok = False
            seen[country] = i
        if country is None or time_pct is None or pay_pct is None or activity is None:
            ok = False
            continue
        items.append(Work(country, time_pct, pay_pct, activity))
    if not ok:
        return None
    if items:
        for index, template in (
            (1, N_("The shares of working time add up to {total} %; they must add up to 100 %.")),
            (2, N_("The shares of pay add up to {total} %; they must add up to 100 %.")),
        ):
            total = sum(w[index] for w in items)
            if abs(total - 100.0) > SHARE_TOLERANCE:
                c.add("work", template, total=Figure(f"{total:g}"))
                ok = False
    acts = {w.activity for w in items}
    if etype == "employed_and_self_employed" and items and not {"employed", "self_employed"} <= acts:
        c.add("work", N_("Give at least one employed and one self-employed activity."))
        ok = False
    if (
        etype == "civil_servant_and_employed"
        and items
        and ("civil_servant" not in acts or not acts & {"employed", "self_employed"})
    ):
        c.add("work", N_("Give the civil-service activity and at least one employed or self-employed one."))
        ok = False
    return tuple(items) if ok else None


def _fast_work(raw: list, etype: str) -> tuple[Work, ...] | None:
    """The common case of clean work items for a type with one kind of activity, checked
    without building field paths. Anything unusual returns None and goes through the full
    checks of _parse_work, which report the errors; both accept exactly the same lists."""
    allowed = ALLOWED_ACTIVITIES[etype]
    default = DEFAULT_ACTIVITY[etype]
    items: list[Work] = []
    seen: set[str] = set()
    total_t = total_p = 0.0
    codes = _COUNTRY_CODES
    keys = WORK_KEYS
    for item in raw:
        if item.__class__ is not dict or not item.keys() <= keys:
            return None
        country, t, pay = item.get("country"), item.get("time_pct"), item.get("remuneration_pct")
        country = codes.get(country) if country.__class__ is str else None
        activity = item.get("activity")
        if activity is None:
            activity = default
        if (
            country is None
            or activity.__class__ is not str
            or country in seen
            or not (t.__class__ is int or t.__class__ is float)
            or not 0 <= t <= 100
            or not (pay.__class__ is int or pay.__class__ is float)
            or not 0 <= pay <= 100
            or activity not in allowed
        ):
            return None
        seen.add(country)
        t, pay = float(t), float(pay)
        total_t += t
        total_p += pay
        items.append(Work(country, t, pay, activity))
    if abs(total_t - 100.0) > SHARE_TOLERANCE or abs(total_p - 100.0) > SHARE_TOLERANCE:
        return None
    return tuple(items)


def _parse_employers(c: _Collector, raw: object, etype: str | None) -> tuple[Employer, ...] | None:
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        c.add("employers", N_("List the employers (a list of objects)."))
        return None
    if etype in NEEDS_EMPLOYER and not raw:
        c.add("employers", N_("Give at least one employer (for a civil servant: the administration)."))
        return None
    if etype == "inactive" and raw:
        c.add("employers", N_("An inactive person has no employer; leave the list empty."))
        return None
    items: list[Employer] = []
    for item in raw:  # fast path for clean items; anything else is checked in full below
        if item.__class__ is dict and item.keys() <= EMPLOYER_KEYS:
            seat, substantial = item.get("seat"), item.get("substantial_activity_in_seat")
            seat = _COUNTRY_CODES.get(seat) if seat.__class__ is str else None
            if seat is not None and (substantial is True or substantial is False):
                items.append(Employer(seat, substantial))
                continue
        break
    else:
        return tuple(items)
    items = []
    ok = True
    for i, item in enumerate(raw):
        p = f"employers[{i}]"
        if not isinstance(item, dict):
            c.add(p, N_("Each employer must be an object."))
            ok = False
            continue
        c.keys(item, EMPLOYER_KEYS, p + ".")
        seat = c.country(item.get("seat"), p + ".seat")
        substantial = c.boolean(item.get("substantial_activity_in_seat"), p + ".substantial_activity_in_seat")
        if seat is None or substantial is None:
            ok = False
            continue
        items.append(Employer(seat, substantial))
    return tuple(items) if ok else None


def _parse_posting(
    c: _Collector, raw: object, etype: str | None, work: tuple[Work, ...] | None
) -> Posting | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        c.add("posting", N_("A posting must be an object, or null when there is none."))
        return None
    if etype == "inactive":
        c.add("posting", N_("An inactive person cannot be posted."))
        return None
    fast = _fast_posting(raw, work)
    if fast is not None:
        return fast
    p = "posting."
    c.keys(raw, POSTING_KEYS, p)
    sending = c.country(raw.get("sending_state"), p + "sending_state")
    host = c.country(raw.get("host_state"), p + "host_state")
    start = c.date(raw.get("start"), p + "start")
    end = c.date(raw.get("end"), p + "end")
    replaces = c.boolean(raw.get("replaces_posted_worker"), p + "replaces_posted_worker", False)
    months_raw = raw.get("insured_in_sending_state_months_before")
    months = (
        None
        if months_raw is None
        else c.number(months_raw, p + "insured_in_sending_state_months_before", 0, None)
    )
    direct = c.boolean(raw.get("direct_relationship_maintained"), p + "direct_relationship_maintained", True)
    placed = c.boolean(
        raw.get("placed_at_disposal_of_third_undertaking"),
        p + "placed_at_disposal_of_third_undertaking",
        False,
    )
    previous = c.date(
        raw.get("previous_posting_same_employer_host_end"),
        p + "previous_posting_same_employer_host_end",
        required=False,
    )
    agreement = None
    raw_agr = raw.get("art16_agreement")
    failed = False
    if raw_agr is not None:
        if isinstance(raw_agr, dict):
            ap = p + "art16_agreement."
            c.keys(raw_agr, AGREEMENT_KEYS, ap)
            a_state = c.country(raw_agr.get("state"), ap + "state")
            a_start = c.date(raw_agr.get("start"), ap + "start")
            a_end = c.date(raw_agr.get("end"), ap + "end")
            if a_start and a_end and a_end < a_start:
                c.add(ap + "end", N_("The agreement cannot end before it starts."))
                failed = True
            if a_state and a_start and a_end:
                agreement = Agreement(a_state, a_start, a_end)
            else:
                failed = True
        else:
            c.add(
                p + "art16_agreement",
                N_("Give the agreement as an object with state, start and end, or null."),
            )
            failed = True
    if start and end and end < start:
        c.add(p + "end", N_("The posting cannot end before it starts."))
        failed = True
    if sending and host and sending == host:
        c.add(p + "host_state", N_("The host state must differ from the sending state."))
        failed = True
    if host and work is not None and host not in {w.country for w in work}:
        c.add(p + "host_state", N_("The host state {host} is not one of the states of work."), host=host)
        failed = True
    if previous and start and previous >= start:
        c.add(
            p + "previous_posting_same_employer_host_end",
            N_("The previous posting must have ended before this one starts."),
        )
        failed = True
    if failed or None in (sending, host, start, end, replaces, direct, placed):
        return None
    return Posting(
        sending_state=sending,  # type: ignore[arg-type]
        host_state=host,  # type: ignore[arg-type]
        start=start,  # type: ignore[arg-type]
        end=end,  # type: ignore[arg-type]
        replaces_posted_worker=replaces,  # type: ignore[arg-type]
        insured_in_sending_state_months_before=months,
        direct_relationship_maintained=direct,  # type: ignore[arg-type]
        placed_at_disposal_of_third_undertaking=placed,  # type: ignore[arg-type]
        previous_posting_same_employer_host_end=previous,
        art16_agreement=agreement,
    )


def _fast_posting(raw: dict, work: tuple[Work, ...] | None) -> Posting | None:
    """The common case of a clean posting without an agreement, checked without building field
    paths. Anything unusual returns None and goes through the full checks of _parse_posting,
    which report the errors; both accept exactly the same clean postings."""
    if work is None or not raw.keys() <= POSTING_KEYS or raw.get("art16_agreement") is not None:
        return None
    get = raw.get
    sending, host = get("sending_state"), get("host_state")
    sending = _COUNTRY_CODES.get(sending) if sending.__class__ is str else None
    host = _COUNTRY_CODES.get(host) if host.__class__ is str else None
    start, end, previous = get("start"), get("end"), get("previous_posting_same_employer_host_end")
    start = _DATES.get(start) if start.__class__ is str else None
    end = _DATES.get(end) if end.__class__ is str else None
    if previous is not None:
        previous = _DATES.get(previous) if previous.__class__ is str else None
        if previous is None or start is None or previous >= start:
            return None
    months = get("insured_in_sending_state_months_before")
    replaces = get("replaces_posted_worker", False)
    direct = get("direct_relationship_maintained", True)
    placed = get("placed_at_disposal_of_third_undertaking", False)
    replaces = False if replaces is None else replaces
    direct = True if direct is None else direct
    placed = False if placed is None else placed
    if (
        sending is None
        or host is None
        or sending == host
        or start is None
        or end is None
        or end < start
        or not (
            months is None or ((months.__class__ is int or months.__class__ is float) and 0 <= months < _INF)
        )
        or replaces.__class__ is not bool
        or direct.__class__ is not bool
        or placed.__class__ is not bool
        or all(w.country != host for w in work)
    ):
        return None
    return Posting(
        sending,
        host,
        start,
        end,
        replaces,
        None if months is None else float(months),
        direct,
        placed,
        previous,
        None,
    )
