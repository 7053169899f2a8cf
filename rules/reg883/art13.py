"""Reg. 883/2004 Art. 13: pursuit of activities in two or more Member States, with
Reg. 987/2009 Art. 14(5)-(11) (legislation.md 2.4)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..data import MARGINAL_PCT, REG_465_2012, SUBSTANTIAL_PCT
from ..i18n import N_
from ..outcome import Outcome
from ..reasons import Trace
from ..situation import SHARE_TOLERANCE, Employer, Situation, Work

INSTRUMENT = "883/2004"


def drop_marginal(work: Sequence[Work], at: date, tr: Trace) -> tuple[Work, ...]:
    """987/2009 Art. 14(5b) (inserted by Reg. 465/2012 from 2012-06-28): marginal activities
    are disregarded for determining the applicable legislation. The Practical Guide treats an
    activity of less than 5 % of working time and less than 5 % of pay as marginal; exactly
    5 % is not marginal. If every activity were marginal, none is dropped."""
    if at < REG_465_2012.value or len(work) < 2:
        return tuple(work)
    kept = tuple(w for w in work if w.time_pct >= MARGINAL_PCT or w.remuneration_pct >= MARGINAL_PCT)
    if not kept or len(kept) == len(work):
        return tuple(work)
    for w in work:
        if w not in kept:
            tr.check(
                "ART14_5B_MARGINAL",
                True,
                state=w.country,
                time=f"{w.time_pct:g}",
                pay=f"{w.remuneration_pct:g}",
                limit=f"{MARGINAL_PCT:g}",
            )
            tr.warn(
                # xgettext:no-python-format
                N_(
                    "The work in {state} ({time} % of time, {pay} % of pay) is marginal (under {limit} %) and "
                    "was left out (Reg. 987/2009 Art. 14(5b))."
                ),
                state=w.country,
                time=f"{w.time_pct:g}",
                pay=f"{w.remuneration_pct:g}",
                limit=f"{MARGINAL_PCT:g}",
            )
    return kept


def on_board_and_elsewhere(sit: Situation, at: date, tr: Trace) -> tuple[Work, ...] | None:
    """A seafarer's work list names the flag state for the work on board; another state in it is
    work done elsewhere (ashore, in an office). Art. 11(4) only decides where the work on board
    counts as done: a seafarer who also works in another state, beyond marginal work, normally
    works in two or more states and Art. 13 decides (legislation.md 2.2 step 3 and notes; the
    same as aircrew). Returns the work left after marginal work is dropped (step 5) when it is
    not only on board: two or more states for Art. 13, or one state other than the flag state
    when the work on board is the marginal part, so that state's law applies as the one state of
    work (step 6, 11(3)(a)). None when only the flag state is left (or the list does not name the
    flag state at all, so it says nothing about the rest)."""
    if not any(w.country == sit.flag_state for w in sit.work) or len({w.country for w in sit.work}) < 2:
        return None
    work = drop_marginal(sit.work, at, tr)
    return None if {w.country for w in work} == {sit.flag_state} else work


def seafarer_work_beyond_posting(sit: Situation, at: date) -> tuple[Work, ...] | None:
    """A posted seafarer's work, when some of it (beyond marginal work) is in a state other than
    the posting's sending and host states; None when the posting rules decide. As for other
    workers (legislation.md 2.2 step 6 and notes, 987/2009 Art. 14(7)), posting covers work in
    the sending and host states alone; with a third state it is work in several states and
    Art. 13 (TCA SSC.12(1)) decides. Traces nothing: the caller traces the branch it takes."""
    p = sit.posting
    elsewhere = on_board_and_elsewhere(sit, at, Trace())
    if p is None or elsewhere is None or {w.country for w in elsewhere} <= {p.sending_state, p.host_state}:
        return None
    return elsewhere


def _share(part: float, total: float) -> float:
    """``part`` as a percentage of ``total``. Shares that already add up to 100 within the input's
    rounding slack are taken as entered, so an entered 25 % stays 25 % (legislation.md 2.4);
    only a part of the work (marginal work left out, the employed work alone) is rescaled, and
    only the rescaled share is rounded, far below any figure the input gives, to take off the
    noise of the division (100 * 24.2 / 96.8 is 25). Rounding an entered share to 4 decimals made
    24.99999 % "at least 25 %": substantial, against 987/2009 Art. 14(8) ("less than 25 %")."""
    if abs(total - 100.0) <= SHARE_TOLERANCE:
        return part
    return round(100.0 * part / (total or 1.0), 9)


def _figure(share: float, limit: float) -> str:
    """A share as the explanation writes it: to 4 decimals at most, unless that would put it on
    the other side of the limit it is weighed against (24.99999 is not "25")."""
    text = f"{round(share, 4):g}"
    if (float(text) >= limit) != (share >= limit):
        text = f"{share:.12g}"
    return text


def shares(work: Sequence[Work], state: str) -> tuple[float, float]:
    """Share of working time and of pay in ``state`` within ``work``, as a percentage of ``work``."""
    t = sum(w.time_pct for w in work if w.country == state)
    p = sum(w.remuneration_pct for w in work if w.country == state)
    return (
        _share(t, sum(w.time_pct for w in work)),
        _share(p, sum(w.remuneration_pct for w in work)),
    )


def substantial_in_residence(work: Sequence[Work], residence: str, tr: Trace, code: str) -> bool:
    """987/2009 Art. 14(8): a substantial part of the activity is pursued in a state when at
    least 25 % of working time and/or remuneration is there; less than 25 % of both is an
    indicator that it is not (CJEU C-203/24: only time and pay count)."""
    t, p = shares(work, residence)
    ok = t >= SUBSTANTIAL_PCT or p >= SUBSTANTIAL_PCT
    tr.check(
        code,
        ok,
        residence=residence,
        time=_figure(t, SUBSTANTIAL_PCT),
        pay=_figure(p, SUBSTANTIAL_PCT),
        limit=f"{SUBSTANTIAL_PCT:g}",
    )
    return ok


def employed_multi_state(
    work: Sequence[Work],
    residence: str,
    employers: Sequence[Employer],
    at: date,
    tr: Trace,
    area: frozenset[str],
    *,
    instrument: str = INSTRUMENT,
    article: str = "13(1)",
    code_prefix: str = "ART13_1",
) -> Outcome:
    """Art. 13(1) as worded from 2012-06-28 (Reg. 465/2012): a person who normally pursues an
    activity as an employed person in two or more Member States is subject to
    (a) the legislation of the Member State of residence if he/she pursues a substantial part
        of the activity in that Member State; or
    (b) if not, (i) the Member State of the registered office or place of business of the one
        undertaking or employer; (ii) where employed by two or more undertakings with their
        registered office in only one Member State, that Member State; (iii) where they are in
        two Member States, one of which is the residence state, the other one; (iv) where at
        least two of them are in Member States other than the residence state, the residence state.
    987/2009 Art. 14(11): where the employer's registered office is outside the Union, the
    residence state applies.

    Before 2012-06-28 the original wording applied: (a) the residence state if a substantial
    part of the activity is pursued there **or** the person works for several undertakings
    whose registered offices are in different Member States; (b) otherwise the state of the
    registered office of the undertaking or employer (legislation.md 1.2, [unverified]).

    The TCA Protocol, Art. SSC.12(1), copies the new wording; the caller passes its names.
    """
    old = instrument == INSTRUMENT and at < REG_465_2012.value
    if substantial_in_residence(work, residence, tr, f"{code_prefix}_A_SUBSTANTIAL_IN_RESIDENCE"):
        return Outcome(residence, instrument, f"{article}(a)")
    outside = sorted({e.seat for e in employers if e.seat not in area})
    if outside:
        tr.check("ART14_11_EMPLOYER_OUTSIDE_EU", True, seats=", ".join(outside), residence=residence)
        if instrument == INSTRUMENT:
            return Outcome(residence, "987/2009", "14(11)")
        return Outcome(residence, instrument, f"{article}(a)")
    seats = {e.seat for e in employers}
    if old:
        several = len(seats) > 1
        tr.check(
            "ART13_1_A_OLD_SEVERAL_EMPLOYERS", several, seats=", ".join(sorted(seats)), residence=residence
        )
        if several:
            return Outcome(residence, instrument, f"{article}(a)")
        seat = next(iter(seats))
        tr.check("ART13_1_B_OLD_EMPLOYER_SEAT", True, seat=seat)
        return Outcome(seat, instrument, f"{article}(b)")
    if len(employers) == 1:
        seat = employers[0].seat
        tr.check(f"{code_prefix}_B_I_ONE_EMPLOYER", True, seat=seat)
        return Outcome(seat, instrument, f"{article}(b)(i)")
    if len(seats) == 1:
        seat = next(iter(seats))
        tr.check(f"{code_prefix}_B_II_SEATS_IN_ONE_STATE", True, seat=seat, count=len(employers))
        return Outcome(seat, instrument, f"{article}(b)(ii)")
    others = seats - {residence}
    if len(seats) == 2 and len(others) == 1:
        other = next(iter(others))
        tr.check(f"{code_prefix}_B_III_RESIDENCE_AND_ONE_OTHER", True, other=other, residence=residence)
        return Outcome(other, instrument, f"{article}(b)(iii)")
    tr.check(
        f"{code_prefix}_B_IV_SEATS_OUTSIDE_RESIDENCE",
        True,
        seats=", ".join(sorted(others)),
        residence=residence,
    )
    return Outcome(residence, instrument, f"{article}(b)(iv)")


def self_employed_multi_state(
    work: Sequence[Work],
    residence: str,
    tr: Trace,
    *,
    instrument: str = INSTRUMENT,
    article: str = "13(2)",
    code_prefix: str = "ART13_2",
) -> Outcome:
    """Art. 13(2): a person who normally pursues an activity as a self-employed person in two or
    more Member States is subject to (a) the legislation of the Member State of residence if
    he/she pursues a substantial part of the activity there; or (b) the legislation of the
    Member State in which the centre of interest of his/her activities is situated.

    987/2009 Art. 14(9) weighs the fixed place of business, the habitual nature and duration of
    the activities, the number of services and the person's intention. The situation only gives
    shares, so the engine takes the state with the largest share of working time, then of
    pay, then the first listed, and says so in the reason.
    """
    if substantial_in_residence(work, residence, tr, f"{code_prefix}_A_SUBSTANTIAL_IN_RESIDENCE"):
        return Outcome(residence, instrument, f"{article}(a)")
    best = max(enumerate(work), key=lambda iw: (iw[1].time_pct, iw[1].remuneration_pct, -iw[0]))[1]
    tr.check(
        f"{code_prefix}_B_CENTRE_OF_INTEREST",
        True,
        state=best.country,
        time=f"{best.time_pct:g}",
        pay=f"{best.remuneration_pct:g}",
    )
    return Outcome(best.country, instrument, f"{article}(b)")


def employed_and_self_employed(
    work: Sequence[Work],
    residence: str,
    employers: Sequence[Employer],
    at: date,
    tr: Trace,
    area: frozenset[str],
    *,
    instrument: str = INSTRUMENT,
    article: str = "13(3)",
    code_prefix: str = "ART13_3",
    employed_article: str = "13(1)",
    employed_prefix: str = "ART13_1",
) -> Outcome:
    """Art. 13(3): a person who normally pursues an activity as an employed person and an
    activity as a self-employed person in different Member States is subject to the
    legislation of the Member State in which he/she pursues the employed activity or, where
    that activity is pursued in two or more Member States, the legislation determined in
    accordance with paragraph 1.

    The TCA Protocol copies the whole of Art. 13 (legislation.md 1.5); the caller passes its
    names (Art. SSC.12(3), with SSC.12(1) for the employment, numbering to verify)."""
    employed = [w for w in work if w.activity == "employed"]
    states = [w.country for w in employed]
    if len(states) == 1:
        tr.check(f"{code_prefix}_STATE_OF_EMPLOYMENT", True, state=states[0])
        return Outcome(states[0], instrument, article)
    tr.check(f"{code_prefix}_EMPLOYMENT_IN_SEVERAL_STATES", True, states=", ".join(states))
    inner = employed_multi_state(
        employed,
        residence,
        employers,
        at,
        tr,
        area,
        instrument=instrument,
        article=employed_article,
        code_prefix=employed_prefix,
    )
    return Outcome(inner.legislation, instrument, article)


def civil_servant_and_other(
    sit: Situation,
    tr: Trace,
    *,
    instrument: str = INSTRUMENT,
    article: str = "13(4)",
    code_prefix: str = "ART13_4",
) -> Outcome:
    """Art. 13(4): a person employed as a civil servant by one Member State and who pursues an
    activity as an employed and/or self-employed person in one or more other Member States is
    subject to the legislation of the Member State to which the employing administration is
    subject (legislation.md 2.4), found by :func:`administration_state`.

    The TCA Protocol copies it (legislation.md 1.5); the caller passes its names."""
    state = administration_state(sit)
    tr.check(f"{code_prefix}_CIVIL_SERVANT_STATE", True, state=state)
    return Outcome(state, instrument, article)


def administration_state(sit: Situation) -> str:
    """The state to which the administration employing a civil servant who also works elsewhere
    is subject (Art. 13(4); 1408/71 Art. 14e): the administration's seat, not the place of the
    civil-service work. A Dutch ministry's official working in BE is a Dutch civil servant
    (cases-public C39 gives NL under 11(3)(b)), and stays one with a side job in DE.

    The input does not mark which employer is the administration, so in this order:
    an employer seated where the civil-service work is done (the usual case); else an employer
    seated in none of the states of the other work, so not the side employer (C39's ministry);
    else the state of the civil-service work (the administration was not listed)."""
    where = next(w.country for w in sit.work if w.activity == "civil_servant")
    seats = [e.seat for e in sit.employers]
    if where in seats:
        return where
    other_work = {w.country for w in sit.work if w.activity != "civil_servant"}
    return next((seat for seat in seats if seat not in other_work), where)


def flight_crew_multi_state(sit: Situation, work: Sequence[Work], tr: Trace) -> Outcome:
    """Art. 13(1) with Art. 11(5) and 987/2009 Art. 14(5a), second subparagraph: flight and
    cabin crew working in two or more Member States do all their crew work in the state of
    the home base, so that state is competent; the PD A1 shows status 3.10."""
    tr.check("ART11_5_HOME_BASE", True, home_base=sit.home_base)
    tr.check("ART13_1_FLIGHT_CREW_HOME_BASE", True, home_base=sit.home_base, count=len(work))
    return Outcome(sit.home_base, INSTRUMENT, "13(1)", status="10")
