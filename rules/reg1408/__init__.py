"""Reg. 1408/71 Title II (with Reg. 574/72) as a decision procedure (legislation.md 3.1).

Used for situations before Reg. 883/2004 applied to every state involved, and to find the
old designation for the Art. 87(8) transition. Paragraph numbers other than 14(1)(b),
14(2)(a), 14(2)(b)(i) and 14b(4) are recalled from the consolidated text **[verify]**.
Certificates: E101 (legislation applicable), E102 (extension of a posting).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..data import POSTING_EXTENSION_MONTHS_1408, POSTING_MAX_MONTHS_1408, PRIOR_INSURANCE_MONTHS
from ..dates import ONE_DAY, anniversary, exceeds_months
from ..i18n import N_
from ..outcome import Outcome
from ..reasons import Trace
from ..reg883 import art12, art13, art16
from ..situation import Agreement, Posting, Situation, Work

INSTRUMENT = "1408/71"

#: Designations for which the institution issued form E101 (574/72 Art. 11, 11a, 12a).
E101_ARTICLES = ("14(1)(a)", "14(2)", "14a", "14b", "14c", "14e", "13(2)(d)", "17")


def run(sit: Situation, at: date, tr: Trace, area: frozenset[str]) -> Outcome:
    out = _decide(sit, at, tr, area)
    if out.certificate is None and out.article.startswith(E101_ARTICLES):
        out.certificate = "E101"
    return out


def _decide(sit: Situation, at: date, tr: Trace, area: frozenset[str]) -> Outcome:
    etype = sit.employment_type
    p = sit.posting
    # 1. Art. 17 agreement (exception; also used in place of E102 extensions).
    agr = p.art16_agreement if p else None
    if agr is not None and not art16.agreed_state_coordinated(
        agr.state, area, tr, provision="Reg. 1408/71 Art. 17"
    ):
        agr = None
    if agr is not None:
        covers = agr.start <= at <= agr.end
        tr.check(
            "ART17_1408_AGREEMENT",
            covers,
            state=agr.state,
            start=agr.start.isoformat(),
            end=agr.end.isoformat(),
            date=at.isoformat(),
        )
        if covers:
            return _agreement(sit, tr, area)
    # 3. Civil servants (13(2)(d)) and civil servants who also work elsewhere (14e).
    if etype == "inactive":
        tr.check("ART13_2_F_1408_RESIDENCE", True, state=sit.residence)
        return Outcome(sit.residence, INSTRUMENT, "13(2)(f)")
    if etype == "civil_servant":
        state = sit.employers[0].seat
        tr.check("ART13_2_D_1408_CIVIL_SERVANT", True, state=state)
        return Outcome(state, INSTRUMENT, "13(2)(d)")
    if etype == "civil_servant_and_employed":
        state = art13.administration_state(sit)  # the administration's state, as Art. 13(4)
        tr.check("ART14E_1408_CIVIL_SERVANT_AND_OTHER", True, state=state)
        return Outcome(state, INSTRUMENT, "14e")
    # 4. Mariners: Art. 13(2)(c) and 14b concern vessels flying the flag of a Member State. Under a
    # third state's flag they do not apply, and the rules for employed persons decide (5, 6).
    if etype == "seafarer" and sit.flag_state not in area:
        tr.check("ART13_2_C_1408_FLAG_STATE", False, flag=sit.flag_state)
    elif etype == "seafarer":
        payer = sit.employers[0].seat
        paid = payer != sit.flag_state and payer == sit.residence and payer in area
        tr.check(
            "ART14B_4_1408_PAID_FROM_RESIDENCE",
            paid,
            payer=payer,
            flag=sit.flag_state,
            residence=sit.residence,
        )
        if paid:
            return Outcome(payer, INSTRUMENT, "14b(4)")
        if p is not None and _posting_1408(sit, tr, "14b(1)"):
            return Outcome(p.sending_state, INSTRUMENT, "14b(1)", period=_first_posting_period(p))
        tr.check("ART13_2_C_1408_FLAG_STATE", True, flag=sit.flag_state)
        # A refused posting still gives the period the answer covers: the posting's dates
        # (determination.md 'period'), as for a refused 14(1)(a) posting (13(2)(a)) and a
        # refused 883 posting of a seafarer (11(4)).
        period = (p.start, p.end) if p is not None else None
        return Outcome(sit.flag_state, INSTRUMENT, "13(2)(c)", period=period)

    work = sit.work
    states = [w.country for w in work]
    if etype == "self_employed":
        return _self_employed(sit, work, tr)
    if etype == "employed_and_self_employed":
        employed = [w for w in work if w.activity == "employed"]
        emp_states = [w.country for w in employed]
        if len(set(states)) > 1:
            tr.check("ART14C_A_1408_STATE_OF_EMPLOYMENT", True, state=", ".join(emp_states))
            tr.warn(
                N_(
                    "Reg. 1408/71 Annex VII lists pairs of states where a person is subject to both "
                    "legislations; check the list for this pair [not encoded]."
                )
            )
            if len(emp_states) == 1:
                return Outcome(emp_states[0], INSTRUMENT, "14c(a)")
            inner = _employed_multi(sit, employed, tr, area)
            return Outcome(inner.legislation, INSTRUMENT, "14c(a)")
    # 5. Employed in one state (posting or lex loci laboris); 6. two or more states.
    if len(set(states)) == 1:
        only = states[0]
        if p is not None and p.host_state == only:
            if _posting_1408(sit, tr, "14(1)(a)"):
                return Outcome(p.sending_state, INSTRUMENT, "14(1)(a)", period=_first_posting_period(p))
            out = _lex_loci(only, tr)
            out.period = (p.start, p.end)
            return out
        return _lex_loci(only, tr)
    if etype == "flight_crew":
        return _international_transport(sit, tr, area)
    return _employed_multi(sit, work, tr, area)


def _lex_loci(state: str, tr: Trace) -> Outcome:
    """Art. 13(2)(a): a person employed in the territory of one Member State is subject to the
    legislation of that State even if he resides elsewhere or the employer is seated elsewhere."""
    tr.check("ART13_2_A_1408_STATE_OF_WORK", True, state=state)
    return Outcome(state, INSTRUMENT, "13(2)(a)")


def _agreement(sit: Situation, tr: Trace, area: frozenset[str]) -> Outcome:
    """Art. 17: two or more Member States may agree exceptions to Articles 13 to 16. An agreement
    with the sending state for a posting of at most 12 + 12 months that starts after the posting
    began is the Art. 14(1)(b) extension with the host state's consent (form E102); for a
    self-employed person the Art. 14a(1)(b) extension; for a mariner posted onto a vessel flying
    a Member State's flag the Art. 14b(1) posting, "<=12 months (+12 with consent)"
    (legislation.md 3.1 step 4)."""
    p = sit.posting
    agr = p.art16_agreement
    limit = POSTING_MAX_MONTHS_1408 + POSTING_EXTENSION_MONTHS_1408
    if agr.state == p.sending_state and agr.start > p.start and not exceeds_months(p.start, agr.end, limit):
        # Art. 14(1)(b) extends an employed person's posting; Art. 14a(1) (step 7 of legislation.md
        # 3.1) gives a self-employed person the same 12 + 12 months.
        if sit.employment_type == "self_employed":
            article = "14a(1)(b)"
        elif sit.employment_type == "seafarer" and sit.flag_state in area:
            # Art. 14b(1) posts a mariner "subject to the conditions provided in Article 14(1)",
            # the extension included; under a third state's flag step 5 decides (14(1)(b)).
            article = "14b(1)"
        else:
            article = "14(1)(b)"
        _record_extension(agr, tr, article)
        return Outcome(agr.state, INSTRUMENT, article, certificate="E102", period=(agr.start, agr.end))
    return Outcome(agr.state, INSTRUMENT, "17", period=(agr.start, agr.end))


def _extended(p: Posting, tr: Trace, article: str) -> bool:
    """Art. 14(1)(b) (for the self-employed 14a(1), for mariners 14b(1)): a posting prolonged
    beyond 12 months for reasons that could not be foreseen stays under the sending state for at
    most 12 more months with the host state's consent (form E102; legislation.md 3.1 steps 4, 5
    and 7). The extension presupposes that the first 12 months were the Art. 14(1)(a) posting, so
    an agreement with the sending state that runs on from the end of those 12 months to the
    posting's end, within 12 + 12 months, satisfies the duration condition for them too. Without
    it, the same 18-month posting with an E102 for its last 6 months was the host state's under
    13(2)(a) in its first year and the sending state's under 14(1)(b) after it."""
    agr = p.art16_agreement
    if agr is None or agr.state != p.sending_state:
        return False
    limit = POSTING_MAX_MONTHS_1408 + POSTING_EXTENSION_MONTHS_1408
    ok = (
        p.start < agr.start <= anniversary(p.start, POSTING_MAX_MONTHS_1408)
        and agr.end >= p.end
        and not exceeds_months(p.start, agr.end, limit)
    )
    if ok:
        _record_extension(agr, tr, article)
    return ok


def _record_extension(agr: Agreement, tr: Trace, article: str) -> None:
    """The reason for an extension with the host state's consent (E102) under ``article``."""
    tr.check(
        "ART14_1_B_1408_EXTENSION",
        True,
        provision=f"Reg. 1408/71 Art. {article}",
        state=agr.state,
        end=agr.end.isoformat(),
        limit=POSTING_MAX_MONTHS_1408 + POSTING_EXTENSION_MONTHS_1408,
    )


def _first_posting_period(p: Posting) -> tuple:
    """The period of the posting itself: up to the day before an extension (:func:`_extended`)
    takes over, which the agreement's own answer (E102) covers."""
    if exceeds_months(p.start, p.end, POSTING_MAX_MONTHS_1408) and p.art16_agreement is not None:
        return (p.start, p.art16_agreement.start - ONE_DAY)
    return (p.start, p.end)


def _posting_1408(sit: Situation, tr: Trace, article: str) -> bool:
    """Art. 14(1)(a): a person employed by an undertaking to which he is normally attached who is
    posted by it to another Member State to perform work for it stays under the first State's
    legislation if the anticipated duration does not exceed 12 months and he is not sent to
    replace a person whose term of posting has ended. Decision 181 of the Administrative
    Commission adds the prior-insurance and the no-hiring-out conditions **[from memory]**."""
    p = sit.posting
    within = tr.check(
        "ART14_1_A_1408_MAX_12_MONTHS",
        not exceeds_months(p.start, p.end, POSTING_MAX_MONTHS_1408),
        duration=art12.describe_duration(p.start, p.end),
        limit=POSTING_MAX_MONTHS_1408,
        article=article,
    )
    extended = not within and _extended(p, tr, "14b(1)" if article == "14b(1)" else "14(1)(b)")
    results = [
        within or extended,
        tr.check("ART14_1_A_1408_NOT_REPLACING", not p.replaces_posted_worker),
        art12.employer_substantial(sit, p, tr, code="ART14_1_A_1408_NORMALLY_ATTACHED"),
        art12.direct_relationship(p, tr, code="ART14_1_A_1408_WORK_FOR_EMPLOYER"),
        tr.check(
            "ART14_1_A_1408_PRIOR_INSURANCE",
            (p.insured_in_sending_state_months_before or 0) >= PRIOR_INSURANCE_MONTHS,
            months=art12._months(p.insured_in_sending_state_months_before),
            minimum=PRIOR_INSURANCE_MONTHS,
            sending=p.sending_state,
        ),
        tr.check("ART14_1_A_1408_NOT_HIRED_OUT", not p.placed_at_disposal_of_third_undertaking),
    ]
    if all(results):
        return True
    if not within and not extended:
        tr.warn(
            N_(
                "A posting planned for more than {limit} months needed an Art. 17 agreement; an unforeseen "
                "prolongation could be covered for 12 more months with form E102."
            ),
            limit=POSTING_MAX_MONTHS_1408,
        )
    return False


def _self_employed(sit: Situation, work: Sequence[Work], tr: Trace) -> Outcome:
    """Art. 14a(1): a self-employed person who performs work in another Member State stays
    under the first State's legislation if the anticipated duration does not exceed 12 months.
    Art. 14a(2): a person normally self-employed in two or more Member States is subject to
    the legislation of the residence state if he pursues any part of his activity there;
    otherwise to that of the State where he pursues his main activity [criteria verify]."""
    p = sit.posting
    states = [w.country for w in work]
    if len(set(states)) == 1:
        only = states[0]
        if p is not None and p.host_state == only:
            ok = tr.check(
                "ART14A_1_1408_MAX_12_MONTHS",
                not exceeds_months(p.start, p.end, POSTING_MAX_MONTHS_1408),
                duration=art12.describe_duration(p.start, p.end),
                limit=POSTING_MAX_MONTHS_1408,
            )
            if ok or _extended(p, tr, "14a(1)(b)"):
                return Outcome(p.sending_state, INSTRUMENT, "14a(1)", period=_first_posting_period(p))
            tr.check("ART13_2_B_1408_STATE_OF_WORK", True, state=only)
            return Outcome(only, INSTRUMENT, "13(2)(b)", period=(p.start, p.end))
        tr.check("ART13_2_B_1408_STATE_OF_WORK", True, state=only)
        return Outcome(only, INSTRUMENT, "13(2)(b)")
    in_residence = sit.residence in states
    tr.check("ART14A_2_1408_PART_IN_RESIDENCE", in_residence, residence=sit.residence)
    if in_residence:
        return Outcome(sit.residence, INSTRUMENT, "14a(2)")
    best = max(enumerate(work), key=lambda iw: (iw[1].time_pct, iw[1].remuneration_pct, -iw[0]))[1]
    tr.check("ART14A_2_1408_MAIN_ACTIVITY", True, state=best.country, time=f"{best.time_pct:g}")
    return Outcome(best.country, INSTRUMENT, "14a(2)")


def _international_transport(sit: Situation, tr: Trace, area: frozenset[str]) -> Outcome:
    """Art. 14(2)(a): travelling or flying personnel of an undertaking operating international
    transport services are subject to the legislation of the State of the undertaking's
    registered office, unless (ii) employed principally in the State of residence, which then
    applies. (The (i) branch rule needs facts the situation does not carry.)

    Reg. 1408/71 only designates the legislation of a Member State (legislation.md 3.1; the
    contract's ``legislation`` is the state whose legislation applies): with the registered
    office outside the Member States, 14(2)(a) designates nothing and the rule for everyone else,
    14(2)(b), decides, as it does for an employer seated outside them (step 6). It answered the
    seat's state, e.g. "US under Reg. 1408/71", and Art. 87(8) then kept the US until 2020."""
    t = sum(w.time_pct for w in sit.work if w.country == sit.residence)
    principally = t > 50.0
    tr.check(
        "ART14_2_A_II_1408_PRINCIPALLY_IN_RESIDENCE", principally, residence=sit.residence, time=f"{t:g}"
    )
    if principally:
        return Outcome(sit.residence, INSTRUMENT, "14(2)(a)(ii)")
    seat = sit.employers[0].seat
    in_area = seat in area
    tr.check("ART14_2_A_1408_UNDERTAKING_SEAT", in_area, seat=seat)
    if not in_area:
        return _employed_multi(sit, sit.work, tr, area)
    return Outcome(seat, INSTRUMENT, "14(2)(a)")


def _employed_multi(sit: Situation, work: Sequence[Work], tr: Trace, area: frozenset[str]) -> Outcome:
    """Art. 14(2)(b): a person normally employed in two or more Member States is subject to
    (i) the legislation of the State of residence if he pursues his activity partly there or
    is attached to several undertakings or employers with registered offices in different
    States (no 25 % threshold); (ii) otherwise the legislation of the State of the registered
    office of the undertaking or employer."""
    states = {w.country for w in work}
    seats = {e.seat for e in sit.employers}
    partly = sit.residence in states
    tr.check("ART14_2_B_I_1408_PARTLY_IN_RESIDENCE", partly, residence=sit.residence)
    if partly:
        return Outcome(sit.residence, INSTRUMENT, "14(2)(b)(i)")
    several = len(seats) > 1
    tr.check(
        "ART14_2_B_I_1408_SEVERAL_EMPLOYERS", several, seats=", ".join(sorted(seats)), residence=sit.residence
    )
    if several:
        return Outcome(sit.residence, INSTRUMENT, "14(2)(b)(i)")
    seat = next(iter(seats))
    if seat not in area:
        # 14(2)(b)(ii) can only designate a Member State; with the employer outside the
        # Community, the residence state is the only link left.
        tr.check("ART14_2_B_II_1408_EMPLOYER_SEAT", False, seat=seat)
        return Outcome(sit.residence, INSTRUMENT, "14(2)(b)(i)")
    tr.check("ART14_2_B_II_1408_EMPLOYER_SEAT", True, seat=seat)
    return Outcome(seat, INSTRUMENT, "14(2)(b)(ii)")
