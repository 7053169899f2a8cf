"""The United Kingdom after Brexit (legislation.md 1.5).

* Withdrawal Agreement, Title III: a person in a cross-border situation involving the UK and
  an EU state on 2020-12-31 stays under Reg. 883/2004 while the situation continues without
  interruption.
* EU-UK Trade and Cooperation Agreement, Protocol on Social Security Coordination (SSC),
  provisionally applied from 2021-01-01: general rules in Art. SSC.10 (like 883 Art. 11),
  detached workers in Art. SSC.11 (at most 24 months, not replacing another detached person;
  all 27 member states opted in), work in two or more states like 883 Art. 13 (article
  number SSC.12 **[to verify]**). It links the UK with the EU member states only.
"""

from __future__ import annotations

from . import data, scope
from .dates import describe_duration, exceeds_months
from .i18n import N_
from .outcome import Outcome
from .reasons import Trace
from .reg883 import art12, art13, art16
from .situation import Situation

INSTRUMENT = "TCA"
CERTIFICATE = "treaty certificate"  # a certificate under the Protocol, not an EU PD A1
TCA_AREA = data.EU27 | {data.UNITED_KINGDOM}


def withdrawal_agreement_applies(sit: Situation, tr: Trace) -> bool:
    """WA Art. 30-32: the EU rules keep applying to a situation that began on or before
    2020-12-31 and continues without interruption (``situation_start`` is its start)."""
    return tr.check(
        "UK_WA_CONTINUED",
        sit.situation_start <= data.UK_END_MEMBER.value,
        start=sit.situation_start.isoformat(),
    )


def tca_states(sit: Situation) -> frozenset[str]:
    """The states the Protocol must cover: those of :func:`rules.scope.involved_states`, less the
    seats of employers outside the Protocol's area. legislation.md 1.5: the Protocol covers the UK
    and the EU states and copies Art. 13, where an employer seated outside the area does not take
    the case out (987/2009 Art. 14(11), legislation.md 2.4); a seat in Switzerland or an EEA-EFTA
    state is outside the Protocol's area as much as one in the US, and was counted as a state the
    Protocol had to cover (a UK resident working in the UK and France for a Swiss employer got no
    answer). A civil servant's administration stays: Art. SSC.10(3)(b) designates its state."""
    keep = tuple(
        e
        for i, e in enumerate(sit.employers)
        if e.seat in TCA_AREA or (i == 0 and sit.employment_type == "civil_servant")
    )
    return scope.involved_states(sit._replace(employers=keep))


def tca_covers(states: frozenset[str], tr: Trace) -> bool:
    """Art. SSC.2/SSC.3: the Protocol applies between the UK and the EU member states only."""
    missing = sorted(states - TCA_AREA)
    return tr.check(
        "UK_TCA_STATES", not missing, states=", ".join(sorted(states)), missing=", ".join(missing)
    )


def other_convention(states: frozenset[str], tr: Trace) -> Outcome | None:
    """legislation.md 1.5: the Protocol does not cover Norway, Iceland, Liechtenstein or
    Switzerland; "for those states the UK has separate conventions" (the UK-EEA EFTA Convention on
    Social Security Coordination, signed 2023-06-30; a UK-CH convention), and the engine decision
    is to apply "the relevant bilateral or EFTA convention". legislation.md gives neither
    convention's rules (posting maximum, conditions) nor its dates, so the engine cannot decide
    (``none``); but these cases are coordinated, and the answer said "Nothing coordinates this
    situation". The warning now names the convention."""
    others = states - {data.UNITED_KINGDOM}
    if not others:
        return None
    if others <= data.EEA_EFTA:
        template = N_(
            "Between the United Kingdom and {others} the UK-EEA EFTA Convention on Social Security "
            "Coordination (signed 2023-06-30) coordinates social security, not the TCA; the engine does not "
            "encode that convention: ask the institutions of {states} which legislation applies."
        )
    elif others == {data.SWITZERLAND}:
        template = N_(
            "Between the United Kingdom and Switzerland a UK-Switzerland convention on social security "
            "coordination applies, not the TCA; the engine does not encode that convention: ask the "
            "institutions of {states} which legislation applies."
        )
    else:
        return None
    tr.warn(template, others=", ".join(sorted(others)), states=", ".join(sorted(states)))
    return Outcome(None, "none", "")


def decide(sit: Situation, tr: Trace) -> Outcome:
    out = _decide(sit, tr)
    out.certificate = None if out.article.startswith("SSC.10(3)(e)") else CERTIFICATE
    return out


def _decide(sit: Situation, tr: Trace) -> Outcome:
    ref = sit.reference_date
    etype = sit.employment_type
    agreed = art16.agreement(sit, ref, tr, instrument=INSTRUMENT, article="SSC.16(1)", area=TCA_AREA)
    if agreed is not None:
        return agreed
    if etype == "inactive":
        tr.check("TCA_SSC10_RESIDENCE", True, state=sit.residence)
        return Outcome(sit.residence, INSTRUMENT, "SSC.10(3)(e)")
    if etype == "civil_servant":
        state = sit.employers[0].seat
        tr.check("TCA_SSC10_CIVIL_SERVANT", True, state=state)
        return Outcome(state, INSTRUMENT, "SSC.10(3)(b)")
    if etype == "seafarer" and sit.flag_state in TCA_AREA:
        payer = sit.employers[0].seat
        if payer != sit.flag_state and payer == sit.residence:
            tr.check("TCA_SSC10_FLAG_STATE", False, flag=sit.flag_state)
            return Outcome(payer, INSTRUMENT, "SSC.10(4)")
        # As under Reg. 883/2004: the detachment rules decide only when the work is in the
        # sending and host states alone; with work in a third state too (beyond marginal work)
        # it is work in several states, SSC.12(1).
        if sit.posting is not None and art13.seafarer_work_beyond_posting(sit, ref) is None:
            if _detached(sit, tr):
                return _detached_outcome(sit)
            tr.check("TCA_SSC10_FLAG_STATE", True, flag=sit.flag_state)
            return Outcome(sit.flag_state, INSTRUMENT, "SSC.10(4)")
        ashore = art13.on_board_and_elsewhere(sit, ref, tr)
        if ashore is not None and len(ashore) == 1:
            # As under Reg. 883/2004: the work on board is marginal and was left out, so the one
            # state of work left ashore applies (SSC.10(3)(a), the copy of 883/2004 Art. 11(3)(a)).
            tr.check("TCA_SSC10_STATE_OF_WORK", True, state=ashore[0].country)
            return Outcome(ashore[0].country, INSTRUMENT, "SSC.10(3)(a)")
        if ashore is not None:
            # As under Reg. 883/2004: SSC.10(4) says where the work on board is done; work on board
            # and elsewhere is work in two or more states, SSC.12(1) (the copy of Art. 13(1)).
            tr.check("TCA_SSC10_FLAG_STATE", True, flag=sit.flag_state)
            out = _employed_multi_state(ashore, sit, ref, tr)
            out.provisional = True
            return out
        tr.check("TCA_SSC10_FLAG_STATE", True, flag=sit.flag_state)
        return Outcome(sit.flag_state, INSTRUMENT, "SSC.10(4)")

    if etype == "civil_servant_and_employed":
        # The copy of Art. 13(4) (legislation.md 1.5), before marginal work is left out (2.2 step 2).
        out = art13.civil_servant_and_other(
            sit, tr, instrument=INSTRUMENT, article="SSC.12(4)", code_prefix="TCA_SSC12_4"
        )
        out.provisional = True
        return out

    work = art13.drop_marginal(sit.work, ref, tr)
    states = [w.country for w in work]
    p = sit.posting
    crew_base = etype == "flight_crew" and sit.home_base in TCA_AREA
    if len(states) == 1 or (p is not None and set(states) <= {p.sending_state, p.host_state}):
        posted = p is not None and p.host_state in states
        target = p.host_state if posted else states[0]
        if posted and _detached(sit, tr):
            return _detached_outcome(sit)
        if crew_base:
            tr.check("TCA_SSC10_HOME_BASE", True, home_base=sit.home_base)
            out = Outcome(sit.home_base, INSTRUMENT, "SSC.10(5)")
        else:
            tr.check("TCA_SSC10_STATE_OF_WORK", True, state=target)
            out = Outcome(target, INSTRUMENT, "SSC.10(3)(a)")
        if posted:
            out.period = (p.start, p.end)
        return out
    if crew_base:
        tr.check("TCA_SSC10_HOME_BASE", True, home_base=sit.home_base)
        return Outcome(sit.home_base, INSTRUMENT, "SSC.12(1)", provisional=True)
    # The Protocol copies Art. 13 of Reg. 883/2004 as a whole (legislation.md 1.5): 13(3) for employed
    # and self-employed work in different states.
    acts = {w.activity for w in work}
    if etype == "employed_and_self_employed" and acts == {"employed", "self_employed"}:
        out = art13.employed_and_self_employed(
            work,
            sit.residence,
            sit.employers,
            ref,
            tr,
            TCA_AREA,
            instrument=INSTRUMENT,
            article="SSC.12(3)",
            code_prefix="TCA_SSC12_3",
            employed_article="SSC.12(1)",
            employed_prefix="TCA_SSC12_1",
        )
    elif etype == "self_employed" or acts == {"self_employed"}:
        out = art13.self_employed_multi_state(
            work, sit.residence, tr, instrument=INSTRUMENT, article="SSC.12(2)", code_prefix="TCA_SSC12_2"
        )
    else:
        employed = [w for w in work if w.activity != "self_employed"] or list(work)
        out = _employed_multi_state(employed, sit, ref, tr)
    out.provisional = True
    return out


def _employed_multi_state(work, sit: Situation, ref, tr: Trace) -> Outcome:
    """SSC.12(1), the TCA's copy of Art. 13(1), for employed work in two or more states."""
    return art13.employed_multi_state(
        work,
        sit.residence,
        sit.employers,
        ref,
        tr,
        TCA_AREA,
        instrument=INSTRUMENT,
        article="SSC.12(1)",
        code_prefix="TCA_SSC12_1",
    )


def _detached(sit: Situation, tr: Trace) -> bool:
    """Art. SSC.11(1)/(2): a person who pursues an activity as an employed person in a State on
    behalf of an employer which normally carries out its activities there, or a self-employed
    person normally active there, and who is sent to (or goes to) another State to work there
    stays under the first State's legislation if the anticipated duration does not exceed 24
    months and the person is not sent to replace another detached person."""
    p = sit.posting
    results = [
        tr.check(
            "TCA_SSC11_MAX_24_MONTHS",
            not exceeds_months(p.start, p.end, data.TCA_POSTING_MAX_MONTHS),
            duration=describe_duration(p.start, p.end),
            limit=data.TCA_POSTING_MAX_MONTHS,
        ),
        tr.check("TCA_SSC11_NOT_REPLACING", not p.replaces_posted_worker),
    ]
    if sit.employment_type == "self_employed":
        months = p.insured_in_sending_state_months_before
        results.append(
            tr.check(
                "TCA_SSC11_NORMALLY_SELF_EMPLOYED",
                months is not None and months >= data.PRIOR_SELF_EMPLOYMENT_MONTHS,
                sending=p.sending_state,
                months=art12._months(months),
            )
        )
    else:
        results.append(art12.employer_substantial(sit, p, tr, code="TCA_SSC11_EMPLOYER_ACTIVITY"))
        results.append(art12.direct_relationship(p, tr, code="TCA_SSC11_DIRECT_RELATIONSHIP"))
    if exceeds_months(p.start, p.end, data.TCA_POSTING_MAX_MONTHS):
        tr.warn(
            N_(
                "A detachment expected to last more than {limit} months falls under the host state's "
                "legislation unless the states agree an exception."
            ),
            limit=data.TCA_POSTING_MAX_MONTHS,
        )
    return all(results)


def _detached_outcome(sit: Situation) -> Outcome:
    p = sit.posting
    article = "SSC.11(2)" if sit.employment_type == "self_employed" else "SSC.11(1)"
    return Outcome(p.sending_state, INSTRUMENT, article, period=(p.start, p.end))
