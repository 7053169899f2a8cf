"""Reg. 883/2004 Art. 11: general rules (one legislation; lex loci laboris; special groups)."""

from __future__ import annotations

from ..outcome import Outcome
from ..reasons import Trace
from ..situation import Situation

INSTRUMENT = "883/2004"


def lex_loci_laboris(state: str, tr: Trace, *, residence: str) -> Outcome:
    """Art. 11(3)(a): a person pursuing an activity as an employed or self-employed person in
    a Member State is subject to the legislation of that Member State."""
    tr.check("ART11_3_A_STATE_OF_WORK", True, state=state, residence=residence)
    return Outcome(state, INSTRUMENT, "11(3)(a)")


def civil_servant(sit: Situation, tr: Trace) -> Outcome:
    """Art. 11(3)(b): a civil servant is subject to the legislation of the Member State to which
    the administration employing him or her is subject. Art. 11(3) applies "subject to
    Articles 12 to 16", but a posted civil servant stays under 11(3)(b) anyway."""
    state = sit.employers[0].seat
    tr.check("ART11_3_B_CIVIL_SERVANT", True, state=state)
    return Outcome(state, INSTRUMENT, "11(3)(b)")


def inactive(sit: Situation, tr: Trace) -> Outcome:
    """Art. 11(3)(e): any other person (no activity) is subject to the legislation of the
    Member State of residence, without prejudice to other provisions. No PD A1 is issued."""
    tr.check("ART11_3_E_RESIDENCE", True, state=sit.residence)
    return Outcome(sit.residence, INSTRUMENT, "11(3)(e)")


def seafarer_paid_from_residence(sit: Situation, tr: Trace, area: frozenset[str]) -> Outcome | None:
    """Art. 11(4), second sentence: a person employed on board a vessel flying the flag of a
    Member State who is remunerated by an undertaking or person whose registered office or
    place of business is in another Member State is subject to the legislation of that other
    Member State if he or she resides there; the payer counts as the employer."""
    flag = sit.flag_state
    payer = sit.employers[0].seat
    applies = payer != flag and payer == sit.residence and payer in area
    tr.check(
        "ART11_4_PAID_BY_UNDERTAKING_IN_RESIDENCE", applies, payer=payer, flag=flag, residence=sit.residence
    )
    return Outcome(payer, INSTRUMENT, "11(4)") if applies else None


def flag_state(sit: Situation, tr: Trace) -> Outcome:
    """Art. 11(4), first sentence: an activity normally pursued on board a sea-going vessel
    flying the flag of a Member State is deemed to be an activity pursued in that Member State."""
    tr.check("ART11_4_FLAG_STATE", True, flag=sit.flag_state)
    return Outcome(sit.flag_state, INSTRUMENT, "11(4)")


def seafarer_third_country_flag(sit: Situation, tr: Trace) -> Outcome:
    """Art. 11(4) only covers vessels flying a Member State's flag. For work on board a vessel
    under a third-country flag the CJEU applied the residual rule of Art. 11(3)(e): the
    state of residence (C-631/17 SF v Inspecteur, 08-05-2019) **[case law from memory]**."""
    tr.check("ART11_4_FLAG_STATE", False, flag=sit.flag_state)
    tr.check("ART11_3_E_RESIDENCE", True, state=sit.residence)
    return Outcome(sit.residence, INSTRUMENT, "11(3)(e)")


def home_base(sit: Situation, tr: Trace) -> Outcome:
    """Art. 11(5) (from 2012-06-28, Reg. 465/2012): an activity as flight crew or cabin crew
    member performing air passenger or freight services is deemed to be pursued in the
    Member State where the home base, as defined in Annex III to Reg. 3922/91, is located."""
    tr.check("ART11_5_HOME_BASE", True, home_base=sit.home_base)
    return Outcome(sit.home_base, INSTRUMENT, "11(5)")
