"""Reg. 883/2004 Title II (with Reg. 987/2009) as a decision procedure (legislation.md 2.2)."""

from __future__ import annotations

from datetime import date

from ..data import POSTING_MAX_MONTHS, REG_465_2012
from ..dates import exceeds_months
from ..i18n import N_
from ..outcome import STATUS_883, Outcome, status_for
from ..reasons import Trace
from ..situation import Situation
from . import art11, art12, art13, art16

INSTRUMENT = "883/2004"


def run(sit: Situation, at: date, tr: Trace, area: frozenset[str]) -> Outcome:
    """Decide under 883/2004 on date ``at``; ``area`` is the set of states that count as Member
    States (EU, EEA, CH; the UK too before 2021 and under the Withdrawal Agreement)."""
    out = _decide(sit, at, tr, area)
    if out.status is None:
        out.status = status_for(STATUS_883, out.article if out.instrument == INSTRUMENT else "14(11)")
    out.certificate = "PD A1" if out.status is not None else None
    return out


def _decide(sit: Situation, at: date, tr: Trace, area: frozenset[str]) -> Outcome:
    etype = sit.employment_type
    # Step 1: an Art. 16 agreement overrides Articles 11 to 15.
    agreed = art16.agreement(sit, at, tr, instrument=INSTRUMENT, article="16(1)", area=area)
    if agreed is not None:
        return agreed
    # Step 2: special groups of Art. 11(3) and Art. 13(4).
    if etype == "inactive":
        return art11.inactive(sit, tr)
    if etype == "civil_servant":
        return art11.civil_servant(sit, tr)

    # Step 3-4: where the work of seafarers and aircrew counts as done.
    if etype == "seafarer":
        if sit.flag_state not in area:
            return art11.seafarer_third_country_flag(sit, tr)
        paid = art11.seafarer_paid_from_residence(sit, tr, area)
        if paid is not None:
            return paid
        p = sit.posting
        if p is not None:
            # As for other workers (step 6, 987/2009 Art. 14(7)): the posting rules decide only
            # when the work is in the sending and host states alone. A posted seafarer who also
            # works, beyond marginal work, in a third state normally works in several states
            # and Art. 13 decides (2.2 notes: a seafarer can be posted or multi-state). The
            # posting test decided it anyway: with work on a BE-flag vessel and ashore in DE and
            # FR, a failed condition gave the flag state BE, a passed one DE under 12(1).
            elsewhere = art13.seafarer_work_beyond_posting(sit, at)
            if elsewhere is None:
                return _posting(sit, tr, fallback=lambda: art11.flag_state(sit, tr))
            if len(elsewhere) > 1:
                tr.warn(
                    N_(
                        "Work is also done outside {sending} and {host}, so this is normal work in several states "
                        "(Art. 13), not a posting."
                    ),
                    sending=p.sending_state,
                    host=p.host_state,
                )
        ashore = art13.on_board_and_elsewhere(sit, at, tr)
        if ashore is not None and len(ashore) == 1:
            # The work on board is marginal and was left out (legislation.md 2.2 step 5): one state
            # of work is left, ashore, and its law applies (step 6, 11(3)(a)). The flag state gave
            # a seafarer working 97.5 % ashore in NO the law of IS, the flag of 2.5 % of the work,
            # while the same person with 22.5 % ashore got NO under Art. 13.
            return art11.lex_loci_laboris(ashore[0].country, tr, residence=sit.residence)
        if ashore is not None:
            # Art. 11(4) only says where the work on board counts as done; work on board and
            # elsewhere in two or more states is normal multi-state work (legislation.md 2.2 notes).
            tr.check("ART11_4_FLAG_STATE", True, flag=sit.flag_state)
            return _provisional(
                art13.employed_multi_state(ashore, sit.residence, sit.employers, at, tr, area)
            )
        return art11.flag_state(sit, tr)

    # Step 2 (second line): a civil servant who also works in another state, Art. 13(4). It comes
    # before step 5 in legislation.md 2.2, so marginal work does not change it. (The parser only
    # accepts this type with the civil-service work and other work on different lines, so in
    # different states.)
    if etype == "civil_servant_and_employed":
        return _provisional(art13.civil_servant_and_other(sit, tr))

    # Step 5: drop marginal activities (987/2009 Art. 14(5b), from 2012-06-28).
    work = art13.drop_marginal(sit.work, at, tr)
    states = [w.country for w in work]
    home_base_rule = etype == "flight_crew" and at >= REG_465_2012.value and sit.home_base in area

    # Step 6: one state of work left, or a posting with temporary presence in the host state.
    p = sit.posting
    if len(states) == 1:
        only = states[0]
        if p is not None and p.host_state == only:
            if home_base_rule:
                return _posting(sit, tr, fallback=lambda: art11.home_base(sit, tr))
            return _posting(
                sit, tr, fallback=lambda: art11.lex_loci_laboris(only, tr, residence=sit.residence)
            )
        if home_base_rule:
            return art11.home_base(sit, tr)
        return art11.lex_loci_laboris(only, tr, residence=sit.residence)
    if p is not None and set(states) <= {p.sending_state, p.host_state}:
        # 987/2009 Art. 14(7): presence in the host state only for a posting is temporary, so the
        # posting rules decide and Art. 13 does not apply.
        tr.check("ART14_7_TEMPORARY_PRESENCE", True, host=p.host_state, sending=p.sending_state)
        if home_base_rule:
            # Art. 11(5): the crew work in the host state counts as done in the home-base state.
            return _posting(sit, tr, fallback=lambda: art11.home_base(sit, tr))
        return _posting(
            sit, tr, fallback=lambda: art11.lex_loci_laboris(p.host_state, tr, residence=sit.residence)
        )
    if p is not None:
        tr.warn(
            N_(
                "Work is also done outside {sending} and {host}, so this is normal work in several states "
                "(Art. 13), not a posting."
            ),
            sending=p.sending_state,
            host=p.host_state,
        )
    if home_base_rule:
        return _provisional(art13.flight_crew_multi_state(sit, work, tr))
    if etype == "self_employed":
        return _provisional(art13.self_employed_multi_state(work, sit.residence, tr))
    if etype == "employed_and_self_employed":
        acts = {w.activity for w in work}
        if acts == {"employed"}:
            return _provisional(art13.employed_multi_state(work, sit.residence, sit.employers, at, tr, area))
        if acts == {"self_employed"}:
            return _provisional(art13.self_employed_multi_state(work, sit.residence, tr))
        return _provisional(
            art13.employed_and_self_employed(work, sit.residence, sit.employers, at, tr, area)
        )
    return _provisional(art13.employed_multi_state(work, sit.residence, sit.employers, at, tr, area))


def _provisional(out: Outcome) -> Outcome:
    """987/2009 Art. 16(2): the residence institution's Art. 13 determination is provisional
    until it becomes definitive two months after the other institutions are informed."""
    out.provisional = True
    return out


def _posting(sit: Situation, tr: Trace, fallback) -> Outcome:
    """Art. 12 test; if it fails the work-location rule (``fallback``) decides (legislation.md 2.3)."""
    p = sit.posting
    assert p is not None  # noqa: S101
    self_employed = sit.employment_type == "self_employed" or (
        sit.employment_type == "employed_and_self_employed"
        and next(w.activity for w in sit.work if w.country == p.host_state) == "self_employed"
    )
    if self_employed:
        ok = art12.posted_self_employed(sit, tr)
        article = "12(2)"
    else:
        ok = art12.posted_employed(sit, tr)
        article = "12(1)"
    if ok:
        return Outcome(p.sending_state, INSTRUMENT, article, period=(p.start, p.end))
    if exceeds_months(p.start, p.end, POSTING_MAX_MONTHS):
        tr.warn(
            N_(
                "The posting is planned to last more than {limit} months. The employer or the worker can ask "
                "{sending} for an exception agreement under Art. 16(1) (Dutch practice: up to 5 years); without "
                "one the host state's legislation applies."
            ),
            limit=POSTING_MAX_MONTHS,
            sending=p.sending_state,
        )
    out = fallback()
    out.period = (p.start, p.end)
    return out
