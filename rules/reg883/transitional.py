"""Reg. 883/2004 transitional rules: Art. 87(8) (from 1408/71) and Art. 87a (Reg. 465/2012).

legislation.md 1.2 and 1.4. Both keep an older designation alive while the relevant situation
is unchanged, for at most 10 years, unless the person asks to leave the transition. The
``situation_start`` of the input is the date since which the situation is unchanged, so a
change of residence or work pattern (a later ``situation_start``) ends the transition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import data, reg1408, scope
from ..dates import ONE_DAY, add_months, add_years, first_of_next_month
from ..i18n import N_
from ..outcome import STATUS_1408, Outcome, status_for
from ..reasons import Trace
from ..situation import Situation
from . import run as run_883


@dataclass(slots=True)
class Transition:
    outcome: Outcome | None  # the old designation while it lasts
    active_until: date | None  # last day the old designation applied (None: never)
    #: the person's request (``art87_8_request_date``) ended this transition, so it was a request
    #: under Art. 87(8) and cannot also be one to leave the Art. 87a transition
    request_used: bool = False


def art87_8(sit: Situation, states: frozenset[str], start: date, tr: Trace, *, with_uk: bool) -> Transition:
    """Art. 87(8): if, as a consequence of this Regulation, a person is subject to the legislation
    of a Member State other than that determined under Title II of Reg. 1408/71, the latter
    continues to apply while the relevant situation remains unchanged, for no longer than 10 years
    from the date of application of this Regulation, unless the person requests to be subject to
    the legislation applicable under this Regulation. A request submitted within 3 months of the
    date of application takes effect from that date; a later one from the first day of the
    following month. If both designate the same state, 883/2004 applies from its start date.
    """
    ref = sit.reference_date
    if sit.situation_start >= start:
        return Transition(None, None)
    before = start - ONE_DAY
    if any(data.START_1408.get(c) is None or data.START_1408[c] > before for c in states):
        return Transition(None, None)  # e.g. Croatia: 1408/71 never applied, nothing to keep
    if not scope.persons_covered(sit, states, before, Trace(), old=True, with_uk=with_uk):
        return Transition(None, None)
    old = reg1408.run(sit, before, Trace(), scope.area_1408(before))
    new = run_883(sit, start, Trace(), scope.area_883(start, with_uk))
    figures = {
        "old": old.legislation,
        "new": new.legislation,
        "start": start.isoformat(),
        "since": sit.situation_start.isoformat(),
    }
    if old.legislation == new.legislation:
        tr.check(
            "ART87_8_TRANSITION",
            False,
            why=f"both designate {new.legislation}, so Reg. 883/2004 applies from {start.isoformat()}.",
            **figures,
        )
        return Transition(None, None)
    end = add_years(start, data.TRANSITION_YEARS) - ONE_DAY
    why = f"the 10-year limit ended it on {end.isoformat()}, so Reg. 883/2004 applies."
    request = _request(sit, tr)
    used = False
    if request is not None:
        # "Within 3 months after the date of application" ends on the day of the third month that
        # bears the start's date (2010-05-01 -> 2010-08-01 included): Reg. 1182/71 Art. 3(1) second
        # subparagraph leaves out the start day and Art. 3(2)(c) ends a period in months on the same
        # date. Art. 87a's deadline (legislation.md 1.2: 29-09-2012 for 28-06-2012) is as generous.
        effective = (
            start
            if request <= add_months(start, data.ART87_8_REQUEST_MONTHS)
            else first_of_next_month(request)
        )
        if effective - ONE_DAY < end:
            end = effective - ONE_DAY
            used = True
            why = (
                f"the person asked on {request.isoformat()} to move to Reg. 883/2004, which took effect on "
                f"{effective.isoformat()}."
            )
    if end < start or ref > end:
        tr.check("ART87_8_TRANSITION", False, why=why, **figures)
        return Transition(None, end if end >= start else None, request_used=used)
    out = reg1408.run(sit, before, tr, scope.area_1408(before))
    if out.period is not None and out.period[0] <= end < out.period[1]:
        # legislation.md 1.4: the 1408/71 result is kept only until the first of a change, the
        # request's effective date or the 10-year cap; from then on 883/2004 decides, so the
        # period this determination covers (determination.md) ends on the transition's last day.
        out.period = (out.period[0], end)
    tr.check("ART87_8_TRANSITION", True, end=end.isoformat(), **figures)
    out.transitional = ("883/2004", "87(8)")
    out.status = status_for(STATUS_1408, out.article)
    out.certificate = "PD A1" if out.status is not None else None
    out.provisional = False  # the period of a posting kept under 1408/71 stays the posting's
    tr.warn(
        N_(
            "Reg. 1408/71 keeps applying under Art. 87(8) of Reg. 883/2004 until {end} at the latest, as long "
            "as the situation stays unchanged; the person may ask {state} to apply Reg. 883/2004 instead (the "
            "choice is final)."
        ),
        end=end.isoformat(),
        state=new.legislation,
    )
    return Transition(out, end)


def _request(sit: Situation, tr: Trace) -> date | None:
    """The person's request to leave a transition, when it can concern this situation. The
    transition keeps the designation of the situation unchanged since ``situation_start``
    (determination.md; legislation.md 1.4: a change ends it), so a request dated before that day
    was about an earlier situation. Counted, it ended Art. 87a from 2012-06-28 when no Art. 87(8)
    transition had used it, but not when one had: lives BE, flight crew in BE and AT since 2000,
    request dated 1973, kept BE under 87a with a small share of the work in BE and gave AT with a
    larger one (found by tests/rules/test_metamorphic_s10.py)."""
    request = sit.art87_8_request_date
    if request is None or request >= sit.situation_start:
        return request
    tr.warn(
        N_(
            "The request to leave the transitional rules is dated {request}, before the situation began on "
            "{start}; it concerns an earlier situation and was not taken into account."
        ),
        request=request.isoformat(),
        start=sit.situation_start.isoformat(),
    )
    return None


def art87a(
    sit: Situation, start: date, tr: Trace, area_at, *, blocked: bool, request_used: bool = False
) -> Outcome | None:
    """Art. 87a(1): if, as a consequence of the entry into force of Reg. 465/2012 (2012-06-28), a
    person is subject to the legislation of a Member State other than that determined under
    Title II before that date, the legislation determined before continues to apply while the
    relevant situation remains unchanged, for no longer than 10 years (until 2022-06-27). The
    person may request to leave it: a request by 2012-09-29 takes effect on 2012-06-28, a later
    one on the first day of the following month.

    ``request_used``: the person's request already ended the Art. 87(8) transition (legislation.md
    1.4); it was not a request to leave this one, which only began on 2012-06-28.
    """
    ref = sit.reference_date
    change = data.REG_465_2012.value
    if blocked or ref < change or sit.situation_start >= change or start >= change:
        return None
    last_old = change - ONE_DAY
    old = run_883(sit, last_old, Trace(), area_at(last_old))
    new = run_883(sit, change, Trace(), area_at(change))
    if old.legislation == new.legislation:
        return None
    figures = {"old": old.legislation, "new": new.legislation, "since": sit.situation_start.isoformat()}
    end = data.ART87A_END.value
    why = f"the 10-year limit ended it on {end.isoformat()}, so the current wording applies."
    request = None if request_used else _request(sit, tr)
    if request is not None and request < start:
        # Made before Reg. 883/2004 applied to the situation, the request concerned the move from
        # Reg. 1408/71 (Art. 87(8)), not a transition that Reg. 465/2012 opened later. Counted here,
        # it ended Art. 87a only when no Art. 87(8) transition had run: flight crew living in BE,
        # BE and AT 50/50, home base AT, request dated 2000, kept BE; with 51 % in BE (1408/71 gave
        # BE too, so no Art. 87(8) transition) the same request ended Art. 87a and gave AT.
        request = None
    if request is not None:
        effective = change if request <= data.ART87A_REQUEST_DEADLINE.value else first_of_next_month(request)
        if effective - ONE_DAY < end:
            end = effective - ONE_DAY
            why = (
                f"the person asked on {request.isoformat()} to leave the transition, which took effect on "
                f"{effective.isoformat()}."
            )
    if ref > end:
        tr.check("ART87A_TRANSITION", False, why=why, **figures)
        return None
    out = run_883(sit, last_old, tr, area_at(last_old))
    tr.check("ART87A_TRANSITION", True, end=end.isoformat(), **figures)
    out.transitional = ("883/2004", "87a(1)")
    out.provisional = False
    tr.warn(
        N_(
            "The designation made before Reg. 465/2012 keeps applying under Art. 87a until {end} at the latest, "
            "as long as the situation stays unchanged; the person may ask to move to {state}."
        ),
        end=end.isoformat(),
        state=new.legislation,
    )
    return out
