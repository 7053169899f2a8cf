"""Scope in time, space and persons (legislation.md 1.1-1.3, 1.5).

Which states a situation involves, which of them apply the regulations on a date, and whether
a third-country national is covered.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from . import data
from .dates import ONE_DAY
from .reasons import Trace
from .reg883.art13 import administration_state
from .situation import Situation

COORDINATION_STATES = frozenset(data._START_883)


def involved_states(sit: Situation) -> frozenset[str]:
    """States in which the person lives or works, the posting's states, and the seats, flag and
    home base where these are coordination states (a seat outside the EU/EEA/CH does not take
    the case out of the regulation: 987/2009 Art. 14(11) handles it).

    A civil servant's administration is different: Art. 11(3)(b) (1408/71 Art. 13(2)(d), TCA
    Art. SSC.10(3)(b)) designates the state it is subject to, and a regulation can only designate
    a state that applies it. A third country's civil servant is outside the regulations."""
    states = [sit.residence]
    states += [w.country for w in sit.work]
    p = sit.posting
    if p is not None:
        states += (p.sending_state, p.host_state)
    coordination = COORDINATION_STATES
    if sit.employment_type == "civil_servant":
        states += [e.seat for e in sit.employers[:1]]
    elif sit.employment_type == "civil_servant_and_employed":
        # The same holds for a civil servant who also works elsewhere: 1408/71 Art. 14e and
        # 883/2004 Art. 13(4) designate the administration's state, which must be a state that
        # applies the regulation (legislation.md 1.1, 1.2 "in which the employers sit", 2.2
        # step 0). Left out, a third country's administration was designated under the
        # regulation itself ("US under Reg. 1408/71 Art. 14e").
        states.append(administration_state(sit))
    states += [e.seat for e in sit.employers if e.seat in coordination]
    if sit.flag_state in coordination:
        states.append(sit.flag_state)
    if sit.home_base in coordination:
        states.append(sit.home_base)
    return frozenset(states)


def all_states(sit: Situation) -> frozenset[str]:
    """Every state named in the situation except nationality, flag and home base."""
    return involved_states(sit) | {e.seat for e in sit.employers}


def _segments(starts: dict[str, date], extra: tuple[date, ...] = ()) -> tuple[date, ...]:
    """The dates on which the set of states applying a regulation changes, in order."""
    return tuple(sorted(set(starts.values()) | set(extra)))


# The areas only change on a handful of dates (accessions, the CH/EEA start dates, the end of
# the UK's membership), so each is computed once per period between two such dates and found
# with a binary search: the reference dates of a batch are all different.
_UK_AFTER = data.UK_END_MEMBER.value + ONE_DAY
_BREAKS_883 = _segments(data._START_883, (_UK_AFTER,))
_BREAKS_1408 = _segments(data.START_1408)
_AREA_883: dict[tuple[int, bool], frozenset[str]] = {}
_AREA_1408: dict[int, frozenset[str]] = {}


def area_883(at: date, with_uk: bool = False) -> frozenset[str]:
    """States that count as Member States for Reg. 883/2004 on ``at``. After 2020 the UK only
    counts for situations the Withdrawal Agreement keeps under the EU rules."""
    key = (bisect_right(_BREAKS_883, at), with_uk)
    area = _AREA_883.get(key)
    if area is None:
        states = {c for c, start in data._START_883.items() if start <= at}
        if at > data.UK_END_MEMBER.value and not with_uk:
            states.discard(data.UNITED_KINGDOM)
        area = _AREA_883[key] = frozenset(states)
    return area


def area_1408(at: date) -> frozenset[str]:
    """States that applied Reg. 1408/71 on ``at``."""
    key = bisect_right(_BREAKS_1408, at)
    area = _AREA_1408.get(key)
    if area is None:
        area = _AREA_1408[key] = frozenset(c for c, start in data.START_1408.items() if start <= at)
    return area


#: The first day each state applied Reg. 1408/71 or Reg. 883/2004 (whichever came first): from
#: then on its nationals are nationals of a regulation country (legislation.md 1.2, 1.3). Before
#: it they are third-country nationals, e.g. Croatians before 2013-07-01.
_REGULATION_COUNTRY_FROM: dict[str, date] = {
    c: min(d for d in (data.START_1408.get(c), data._START_883.get(c)) if d is not None)
    for c in set(data.START_1408) | set(data._START_883)
}


def _covered_nationality(nationality: str, at: date, with_uk: bool) -> bool:
    joined = _REGULATION_COUNTRY_FROM.get(nationality)
    if joined is None or at < joined:
        return False
    return nationality != data.UNITED_KINGDOM or at <= data.UK_END_MEMBER.value or with_uk


def persons_covered(
    sit: Situation, states: frozenset[str], at: date, tr: Trace, *, old: bool, with_uk: bool = False
) -> bool:
    """Reg. 883/2004 Art. 2 covers nationals of the Member States, stateless persons and
    refugees; a national of a state that did not yet apply the regulations on ``at`` (Croatia
    before 2013-07-01) is a third-country national. Reg. 1231/2010 extends it from 2011-01-01 to legally resident third-country
    nationals in a cross-border situation between EU states other than Denmark (not the UK,
    the EEA-EFTA states or Switzerland); Reg. 859/2003 did the same for 1408/71 from
    2003-06-01 (not Denmark). Unknown nationality (absent) and stateless (empty list) count
    as covered."""
    nats = sit.nationalities
    if not nats or any(_covered_nationality(n, at, with_uk) for n in nats):
        return True
    if old:
        start, excluded, code = data.TCN_1408_START.value, data.TCN_1408_EXCLUDED, "SCOPE_TCN_859_2003"
        eligible = {c for c in data.EU27 if c in area_1408(at)} | (
            {data.UNITED_KINGDOM} if at <= data.UK_END_MEMBER.value else set()
        )
    else:
        start, excluded, code = data.TCN_883_START.value, data.TCN_883_EXCLUDED, "SCOPE_TCN_1231_2010"
        eligible = set(data.EU27)
    eligible -= excluded
    missing = sorted(states - eligible)
    ok = at >= start and not missing
    if at < start and not missing:
        missing = [f"any state before {start.isoformat()}"]
    tr.check(code, ok, nationalities=", ".join(nats), date=at.isoformat(), missing=", ".join(missing))
    return ok
