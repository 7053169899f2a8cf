"""Scope in time, space and persons (legislation.md 1.1-1.3, 1.5).

Which states a situation involves, which of them apply the regulations on a date, and whether
a third-country national is covered.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from . import data
from .reasons import Trace
from .situation import Situation

COORDINATION_STATES = frozenset(data._START_883)


def involved_states(sit: Situation) -> frozenset[str]:
    """States in which the person lives or works, the posting's states, and the seats, flag and
    home base where these are coordination states (a seat outside the EU/EEA/CH does not take
    the case out of the regulation: 987/2009 Art. 14(11) handles it)."""
    states = {sit.residence}
    states.update(w.country for w in sit.work)
    if sit.posting is not None:
        states.add(sit.posting.sending_state)
        states.add(sit.posting.host_state)
    states.update(e.seat for e in sit.employers if e.seat in COORDINATION_STATES)
    for extra in (sit.flag_state, sit.home_base):
        if extra in COORDINATION_STATES:
            states.add(extra)
    return frozenset(states)


def all_states(sit: Situation) -> frozenset[str]:
    """Every state named in the situation except nationality, flag and home base."""
    return involved_states(sit) | {e.seat for e in sit.employers}


@lru_cache(maxsize=512)
def area_883(at: date, with_uk: bool = False) -> frozenset[str]:
    """States that count as Member States for Reg. 883/2004 on ``at``. After 2020 the UK only
    counts for situations the Withdrawal Agreement keeps under the EU rules."""
    states = {c for c, start in data._START_883.items() if start <= at}
    if at > data.UK_END_MEMBER.value and not with_uk:
        states.discard(data.UNITED_KINGDOM)
    return frozenset(states)


@lru_cache(maxsize=512)
def area_1408(at: date) -> frozenset[str]:
    """States that applied Reg. 1408/71 on ``at``."""
    return frozenset(c for c, start in data.START_1408.items() if start <= at)


def _covered_nationality(nationality: str, at: date, with_uk: bool) -> bool:
    if nationality in data.EU27 or nationality in data.EEA_EFTA or nationality == data.SWITZERLAND:
        return True
    return nationality == data.UNITED_KINGDOM and (at <= data.UK_END_MEMBER.value or with_uk)


def persons_covered(
    sit: Situation, states: frozenset[str], at: date, tr: Trace, *, old: bool, with_uk: bool = False
) -> bool:
    """Reg. 883/2004 Art. 2 covers nationals of the Member States, stateless persons and
    refugees. Reg. 1231/2010 extends it from 2011-01-01 to legally resident third-country
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
