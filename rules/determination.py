"""Orchestration in the order of legislation.md 2.2, step 0 (scope), then the regulation.

``determine(situation)`` is the contract's Python door: a situation dict in, a determination
dict out, :class:`~rules.situation.InvalidSituation` for bad input. No clock, no database, no
randomness: ``reference_date`` is the only "today".
"""

from __future__ import annotations

from datetime import date

from . import data, reg883, reg1408, scope, treaties, uk
from .dates import ONE_DAY
from .i18n import N_
from .outcome import Outcome
from .reasons import Trace
from .reg883 import transitional
from .situation import Situation, parse


def determine(situation: dict, issuing_state: str | None = None) -> dict:
    """Determine the applicable legislation for a situation (contract: determination.md).

    ``issuing_state`` is the state of the institution asking (default: ``data.DEFAULT_ISSUING_STATE``);
    it decides which bilateral treaties and which national rule the engine consults.
    """
    return determine_with_figures(situation, issuing_state)[0]


def determine_with_figures(
    situation: dict, issuing_state: str | None = None
) -> tuple[dict, list[dict], list[tuple[str, dict]]]:
    """``determine`` plus the figures of each reason and the (template, figures) of each warning, in
    the same order, so that a caller can render the explanations and warnings in another language
    (:func:`rules.reasons.reason_template`)."""
    sit = parse(situation)
    issuer = (
        data.COUNTRY_ALIASES.get(issuing_state, issuing_state)
        if issuing_state
        else data.DEFAULT_ISSUING_STATE
    )
    tr = Trace()
    out = evaluate(sit, tr, issuer)
    return to_dict(sit, out, tr), tr.figures, tr.warning_sources


def evaluate(sit: Situation, tr: Trace, issuer: str) -> Outcome:
    sit = _states_of_work(sit, tr)
    states = scope.involved_states(sit)
    if data.UNITED_KINGDOM in states and sit.reference_date > data.UK_END_MEMBER.value:
        if uk.withdrawal_agreement_applies(sit, tr):
            return _regulations(sit, states, tr, issuer, with_uk=True)
        tca_states = uk.tca_states(sit)
        if uk.tca_covers(tca_states, tr):
            return uk.decide(sit, tr)
        convention = uk.other_convention(tca_states, tr)
        if convention is not None:
            return convention
        return treaties.decide(sit, scope.all_states(sit), tr, issuer)
    return _regulations(sit, states, tr, issuer, with_uk=False)


def _states_of_work(sit: Situation, tr: Trace) -> Situation:
    """Leave out work lines with 0 % of working time and 0 % of pay: no work is done in that state,
    so it is not a state of work (determination.md: one item per state of work). Kept, it made a
    person who works in one state a multi-state worker, counted as "working partly" in the
    residence state under 1408/71 (legislation.md 3.1 step 6(b)(i)), and a third country listed at
    zero took the case out of the regulation (2.2 step 0). Marginal work under 5 % is a different
    rule (987/2009 Art. 14(5b), only from 2012-06-28) and stays with Art. 13.

    Kept anyway: the posting's host state (the input names it as the state the person is sent to
    work in), and the only line of an activity (the civil service of a civil servant who also works
    elsewhere, the self-employment of an employed and self-employed person), which the employment
    type says exists."""
    if all(w.time_pct or w.remuneration_pct for w in sit.work):
        return sit
    host = sit.posting.host_state if sit.posting is not None else None
    idle = [w for w in sit.work if not (w.time_pct or w.remuneration_pct) and w.country != host]
    busy = {w.activity for w in sit.work if w not in idle}
    left_out = [w for w in idle if w.activity in busy]
    if not left_out:
        return sit
    for w in left_out:
        tr.warn(
            N_(
                "No working time and no pay are given for {state}, so no work is done there; it was "
                "left out of the states of work."
            ),
            state=w.country,
        )
    return sit._replace(work=tuple(w for w in sit.work if w not in left_out))


def _regulations(sit: Situation, states: frozenset[str], tr: Trace, issuer: str, *, with_uk: bool) -> Outcome:
    """Step 0 of legislation.md 2.2: 883/2004 applies from the latest start date among all the
    states involved (1.2); before that 1408/71 applies where every state applied it; the
    Art. 87(8) and 87a transitions may keep an older designation alive."""
    ref = sit.reference_date
    known = data._START_883
    starts = [known.get(c) for c in states]
    if None in starts:
        missing = sorted(c for c in states if c not in known)
        tr.check(
            "SCOPE_883_STATES", False, missing=", ".join(missing), date=ref.isoformat(), states="", start=""
        )
        return treaties.decide(sit, scope.all_states(sit), tr, issuer)
    start: date = max(starts)  # type: ignore[type-var]
    if ref < start:
        old_area = scope.area_1408(ref)
        missing = sorted(states - old_area)
        tr.check(
            "SCOPE_1408_STATES",
            not missing,
            date=ref.isoformat(),
            start=start.isoformat(),
            missing=", ".join(missing),
        )
        if missing or not scope.persons_covered(sit, states, ref, tr, old=True, with_uk=with_uk):
            return treaties.decide(sit, scope.all_states(sit), tr, issuer)
        return reg1408.run(sit, ref, tr, old_area)
    if not scope.persons_covered(sit, states, ref, tr, old=False, with_uk=with_uk):
        # Reg. 883/2004 Art. 90(1)(a): Reg. 1408/71 stays in force for third-country nationals
        # covered by Reg. 859/2003 where Reg. 1231/2010 does not (yet) cover them: before
        # 2011-01-01, and in the relations with a state not bound by Reg. 1231/2010 but bound
        # by Reg. 859/2003 (the United Kingdom while it was a member state).
        if sit.nationalities and scope.persons_covered(sit, states, ref, tr, old=True, with_uk=with_uk):
            tr.warn(
                N_(
                    "Reg. 1231/2010 does not cover this third-country national here, but Reg. 859/2003 does, "
                    "so Reg. 1408/71 still decides ({reference})."
                ),
                reference=data.REF_TCN_1408_KEPT,
            )
            return reg1408.run(sit, ref, tr, scope.area_1408(ref))
        return treaties.decide(sit, scope.all_states(sit), tr, issuer)
    kept = transitional.art87_8(sit, states, start, tr, with_uk=with_uk)
    if kept.outcome is not None:
        return kept.outcome
    # Art. 87a only concerns persons whom Title II of 883/2004 designated before 2012-06-28; a
    # person still under 1408/71 through Art. 87(8) on that date was not.
    blocked = kept.active_until is not None and kept.active_until >= data.REG_465_2012.value - ONE_DAY
    old_wording = transitional.art87a(
        sit,
        start,
        tr,
        lambda at: scope.area_883(at, with_uk),
        blocked=blocked,
        request_used=kept.request_used,
    )
    if old_wording is not None:
        return old_wording
    return reg883.run(sit, ref, tr, scope.area_883(ref, with_uk))


#: The provisional Art. 13 determinations that Reg. 987/2009 Art. 16 governs (987/2009 Art. 14(11)
#: is an Art. 13(1) case). The TCA has its own procedure, not in legislation.md.
_ART16_987_INSTRUMENTS = frozenset({"883/2004", "987/2009"})


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def to_dict(sit: Situation, out: Outcome, tr: Trace) -> dict:
    ref = sit.reference_date
    if out.period is not None and not out.period[0] <= ref <= out.period[1]:
        tr.warn(
            N_(
                "The reference date {date} lies outside the period {start} to {end}; the answer describes that period."
            ),
            date=ref.isoformat(),
            start=out.period[0].isoformat(),
            end=out.period[1].isoformat(),
        )
    if out.provisional and out.instrument in _ART16_987_INSTRUMENTS:
        # legislation.md 2.4 "Procedure, R987 Art. 16" and 4.3 box 2.5: who decides an Art. 13
        # case and when it becomes definitive is what the employer must act on; the flag alone
        # does not say it. Added here, on the final answer, because a transition (Art. 87a) can
        # keep an Art. 13 designation and make it definitive after the article decided it.
        tr.warn(
            N_(
                "An Art. 13 determination is made by the institution of the state of residence, {residence}, which "
                "informs the other states of work; it is provisional and becomes definitive two months after they "
                "are informed, unless one of them objects (Reg. 987/2009 Art. 16)."
            ),
            residence=sit.residence,
        )
    status = out.status if out.certificate == "PD A1" else None
    return {
        "legislation": out.legislation,
        "provision": {"instrument": out.instrument, "article": out.article},
        "transitional": None
        if out.transitional is None
        else {"instrument": out.transitional[0], "article": out.transitional[1]},
        "provisional": out.provisional,
        "certificate": out.certificate,
        "a1_status_code": status,
        "period": None if out.period is None else {"start": _iso(out.period[0]), "end": _iso(out.period[1])},
        "reasons": tr.reasons,
        "warnings": tr.warnings,
    }
