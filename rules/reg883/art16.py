"""Reg. 883/2004 Art. 16(1): exceptions agreed between Member States."""

from __future__ import annotations

from datetime import date

from ..data import ART16_NL_MAX_YEARS
from ..dates import exceeds_months
from ..i18n import N_
from ..outcome import Outcome
from ..reasons import R883, TCA, Trace
from ..situation import Situation

#: How the reasons cite each instrument whose exception agreements this module decides.
_CITED = {"883/2004": R883, "TCA": TCA}


def agreement(
    sit: Situation, at: date, tr: Trace, *, instrument: str, article: str, area: frozenset[str]
) -> Outcome | None:
    """Art. 16(1): two or more Member States (their competent authorities or designated
    bodies) may by common agreement provide for exceptions to Articles 11 to 15 in the interest
    of certain persons. An agreement in force on the date asked for decides the case.

    Reg. 1408/71 Art. 17 and TCA Protocol SSC exceptions work the same way; the caller passes
    the instrument and article, and ``area``: the states the instrument coordinates on ``at``.
    Only their legislation can be agreed ("two or more Member States ... may provide for
    exceptions to Articles 11 to 15"); an agreement naming another state (a bilateral treaty's
    agreement, a typo) leaves the ordinary rules to decide, never a PD A1 for that state.
    """
    agr = sit.posting.art16_agreement if sit.posting else None
    if agr is None:
        return None
    if not agreed_state_coordinated(
        agr.state, area, tr, provision=f"{_CITED.get(instrument, instrument)} Art. {article}"
    ):
        return None
    covers = agr.start <= at <= agr.end
    tr.check(
        "ART16_1_AGREEMENT",
        covers,
        state=agr.state,
        start=agr.start.isoformat(),
        end=agr.end.isoformat(),
        date=at.isoformat(),
        provision=f"{_CITED.get(instrument, instrument)} Art. {article}",
    )
    if not covers:
        tr.warn(
            N_(
                "An exception agreement with {state} exists for {start} to {end}, which does not include "
                "{date}; the ordinary rules decide."
            ),
            state=agr.state,
            start=agr.start.isoformat(),
            end=agr.end.isoformat(),
            date=at.isoformat(),
        )
        return None
    if exceeds_months(agr.start, agr.end, 12 * ART16_NL_MAX_YEARS):
        tr.warn(
            N_(
                "The agreement lasts more than {limit} years; Dutch practice agrees exceptions for at most {limit} years."
            ),
            limit=ART16_NL_MAX_YEARS,
        )
    return Outcome(agr.state, instrument, article, period=(agr.start, agr.end))


def agreed_state_coordinated(state: str, area: frozenset[str], tr: Trace, *, provision: str) -> bool:
    """An exception agreement under a coordination instrument can only make the legislation of
    a state it coordinates apply. Recorded only when it fails (the usual case says nothing)."""
    if state in area:
        return True
    tr.check("ART16_1_AGREED_STATE", False, state=state, provision=provision)
    return False
