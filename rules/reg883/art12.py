"""Reg. 883/2004 Art. 12: posted workers (12(1)) and posted self-employed persons (12(2)),
with the conditions of Reg. 987/2009 Art. 14(1)-(4) and Decision A2 (legislation.md 2.3)."""

from __future__ import annotations

from ..data import (
    POSTING_GAP_MONTHS,
    POSTING_MAX_MONTHS,
    PRIOR_INSURANCE_MONTHS,
    PRIOR_SELF_EMPLOYMENT_MONTHS,
)
from ..dates import add_months, describe_duration, exceeds_months
from ..i18n import N_
from ..reasons import Trace
from ..situation import Posting, Situation


def _months(value: float | None) -> str:
    return "not stated" if value is None else f"{value:g}"


def max_duration(p: Posting, tr: Trace, code: str, limit: int = POSTING_MAX_MONTHS) -> bool:
    """P4 / Z4: the anticipated duration of the work does not exceed 24 months. A posting that
    ends the day before the 24-month anniversary of its start lasts exactly 24 months."""
    ok = not exceeds_months(p.start, p.end, limit)
    return tr.check(code, ok, duration=describe_duration(p.start, p.end), limit=limit)


def not_replacing(p: Posting, tr: Trace, code: str = "ART12_1_NOT_REPLACING") -> bool:
    """P5: the person is not sent to replace another posted person (Art. 12(1); CJEU C-527/16
    Alpenrind: also not where a different employer posted the predecessor)."""
    return tr.check(code, not p.replaces_posted_worker)


def employer_substantial(
    sit: Situation, p: Posting, tr: Trace, code: str = "ART12_1_EMPLOYER_ACTIVITY"
) -> bool:
    """P1: the employer "normally carries out its activities" in the sending state: it performs
    substantial activities there other than purely internal management (987/2009 Art. 14(2))."""
    ok = any(e.seat == p.sending_state and e.substantial_activity_in_seat for e in sit.employers)
    # the seats only appear in the explanation of a failure
    seats = "" if ok else ", ".join(sorted({e.seat for e in sit.employers})) or "none given"
    return tr.check(code, ok, sending=p.sending_state, seats=seats)


def direct_relationship(p: Posting, tr: Trace, code: str = "ART12_1_DIRECT_RELATIONSHIP") -> bool:
    """P2: the work is done on the sending employer's behalf and the direct relationship
    (contract, pay, power to dismiss and to direct the work) continues throughout the posting."""
    return tr.check(code, p.direct_relationship_maintained)


def prior_insurance(p: Posting, tr: Trace) -> bool:
    """P3: immediately before the posting the person was already subject to the legislation of
    the sending state (987/2009 Art. 14(1)); Decision A2 and the SVB take at least one month."""
    months = p.insured_in_sending_state_months_before
    ok = months is not None and months >= PRIOR_INSURANCE_MONTHS
    if months is not None and 0 < months < PRIOR_INSURANCE_MONTHS:
        # legislation.md 2.3 P3: one month is the practice, "a shorter period needs a
        # case-by-case review"; the answer stays the refusal, the review is the institution's.
        tr.warn(
            N_(
                "The worker was insured in {sending} for less than {minimum} month just before the posting; "
                "a shorter period is not excluded but needs a case-by-case review by the {sending} institution."
            ),
            sending=p.sending_state,
            minimum=PRIOR_INSURANCE_MONTHS,
        )
    return tr.check(
        "ART12_1_PRIOR_INSURANCE",
        ok,
        months=_months(months),
        minimum=PRIOR_INSURANCE_MONTHS,
        sending=p.sending_state,
    )


def not_hired_out(p: Posting, tr: Trace) -> bool:
    """P6: the undertaking to which the worker is posted does not place him or her at the
    disposal of another undertaking (Decision A2; Practical Guide Part I §7)."""
    return tr.check("ART12_1_NOT_HIRED_OUT", not p.placed_at_disposal_of_third_undertaking)


def gap_since_previous(p: Posting, tr: Trace) -> bool | None:
    """P7: after a posting ends, no fresh posting of the same worker by the same undertaking to
    the same state until at least two months have passed (Practical Guide Part I §13)."""
    previous = p.previous_posting_same_employer_host_end
    if previous is None:
        return None
    earliest = add_months(previous, POSTING_GAP_MONTHS)
    ok = p.start >= earliest
    return tr.check(
        "ART12_1_TWO_MONTH_GAP",
        ok,
        previous=previous.isoformat(),
        start=p.start.isoformat(),
        earliest=earliest.isoformat(),
        gap=POSTING_GAP_MONTHS,
    )


def posted_employed(sit: Situation, tr: Trace) -> bool:
    """Art. 12(1): a person who pursues an activity as an employed person in a Member State on
    behalf of an employer which normally carries out its activities there and who is posted by
    that employer to another Member State to perform work on that employer's behalf shall
    continue to be subject to the legislation of the first Member State, provided that the
    anticipated duration of such work does not exceed 24 months and that he/she is not sent to
    replace another posted person.

    Every condition is tested (none short-circuits), so the reasons list all that fail.
    """
    p = sit.posting
    assert p is not None  # noqa: S101
    results = [
        max_duration(p, tr, "ART12_1_MAX_24_MONTHS"),
        not_replacing(p, tr),
        employer_substantial(sit, p, tr),
        direct_relationship(p, tr),
        prior_insurance(p, tr),
        not_hired_out(p, tr),
        gap_since_previous(p, tr),
    ]
    return all(r is not False for r in results)


def posted_self_employed(sit: Situation, tr: Trace) -> bool:
    """Art. 12(2): a person who normally pursues an activity as a self-employed person in a
    Member State who goes to pursue a similar activity in another Member State shall continue
    to be subject to the legislation of the first Member State, provided that the anticipated
    duration of such activity does not exceed 24 months.

    987/2009 Art. 14(3): "normally" means substantial activity in the sending state for some
    time already (SVB: at least two months); 14(4): "similar" looks at the actual nature of
    the work, so self-employed work in the host state is similar and employment is not.
    """
    p = sit.posting
    assert p is not None  # noqa: S101
    months = p.insured_in_sending_state_months_before
    normally = months is not None and months >= PRIOR_SELF_EMPLOYMENT_MONTHS
    substantial = all(e.substantial_activity_in_seat for e in sit.employers if e.seat == p.sending_state)
    host_activity = next((w.activity for w in sit.work if w.country == p.host_state), "self_employed")
    results = [
        max_duration(p, tr, "ART12_2_MAX_24_MONTHS"),
        tr.check(
            "ART12_2_NORMALLY_SELF_EMPLOYED",
            normally and substantial,
            months=_months(months),
            minimum=PRIOR_SELF_EMPLOYMENT_MONTHS,
            sending=p.sending_state,
        ),
        tr.check("ART12_2_SIMILAR_ACTIVITY", host_activity == "self_employed", host=p.host_state),
    ]
    return all(results)
