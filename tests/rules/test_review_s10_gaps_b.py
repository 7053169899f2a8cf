"""Review s10 gaps B: blind cases for the gaps in the public numbering from C41 on.

The public worked cases from C41 on are C41, C42, C44, C46, C51, C52, C57, C60, C66, C70
and C74; the hidden ones are probably the gaps (C43, C45, C47-C50, C53-C56, C58, C59,
C61-C65, C67-C69, C71-C73, C75-C80) on the topics of their neighbours. Each gap id gets a
few cases here, named after it ("G43a" for gap C43). They are in the shape of
shared/domain/cases-public.json and were written from shared/domain/legislation.md
("L§x.y") and shared/contracts/determination.md before rules/ was read.

``expected`` holds the keys the public cases compare. Where legislation.md does not decide a
value, the key is left out, or the article is ``None`` (only the instrument is compared); the
case's ``notes`` say why.
"""

from __future__ import annotations

import copy

import pytest

import rules

from .builders import T87A, T878, case, compare, post, posted, sit
from .builders import seats as emp  # the contract's employers, each with substantial activity
from .builders import work as w  # w(("NL", 40), ("DE", 60, 60, "self_employed")): the work list


def exp(leg, instrument, article, *, transitional=None, provisional=False, code=None, omit=()):
    e = {
        "legislation": leg,
        "provision": {"instrument": instrument, "article": article},
        "transitional": transitional,
        "provisional": provisional,
        "a1_status_code": code,
    }
    for key in omit:
        e.pop(key)
    return e


# Reusable situations ------------------------------------------------------------------------


# C51's person: lives BE since 2008, 10 % BE / 90 % NL, one NL employer.
def c51(ref, **kw):
    return sit(
        ref, kw.pop("start", "2008-01-01"), "BE", "employed", w(("BE", 10), ("NL", 90)), emp("NL"), **kw
    )


# Aircrew whose designation changed on 2012-06-28 (Reg. 465/2012): lives DE, home base NL,
# airline seated IE, flies NL 40 / DE 10 / FR 50, unchanged since 2011-01-01.
def crew87a(ref, **kw):
    return sit(
        ref,
        "2011-01-01",
        "DE",
        "flight_crew",
        w(("NL", 40), ("DE", 10), ("FR", 50)),
        emp("IE"),
        base="NL",
        **kw,
    )


# Lives NL, 10 % NL / 90 % DE, two employers seated NL and DE, unchanged since ``start``.
def two_employers(ref, start="2011-01-01", **kw):
    return sit(ref, start, "NL", "employed", w(("NL", 10), ("DE", 90)), emp("NL", "DE"), **kw)


# Lives NL since 2010, 10 % NL / 90 % in an EFTA state, employer seated there.
def nl_efta(ref, state, **kw):
    return sit(ref, "2010-01-01", "NL", "employed", w(("NL", 10), (state, 90)), emp(state), **kw)


CASES = [
    # ---- C43: seafarers (L§2.2 steps 3-4, L§2.5 11(4), L§3.1 step 4) -------------------------
    case(
        "G43a",
        "Seafarer on DE-flag vessel, paid by NL undertaking, lives BE",
        sit("2024-06-01", "2024-01-01", "BE", "seafarer", w(("DE", 100)), emp("NL"), flag="DE"),
        exp("DE", "883/2004", "11(4)", code="07"),
        "L§2.5 11(4): the exception needs the paying undertaking's state to be the residence state; NL != BE",
    ),
    case(
        "G43b",
        "Seafarer on NL-flag vessel, paid by DE undertaking, lives DE",
        sit("2024-06-01", "2024-01-01", "DE", "seafarer", w(("NL", 100)), emp("DE"), flag="NL"),
        exp("DE", "883/2004", "11(4)", code="07"),
        "L§2.2 step 4; L§2.5 11(4) second sentence (like C42)",
    ),
    case(
        "G43c",
        "Seafarer on NL-flag vessel, paid by BE undertaking, lives NL (flag = residence)",
        sit("2024-06-01", "2024-01-01", "NL", "seafarer", w(("NL", 100)), emp("BE"), flag="NL"),
        exp("NL", "883/2004", "11(4)", code="07"),
        "L§2.5 11(4): lives in the flag state, not in the payer's state -> flag state",
    ),
    case(
        "G43d",
        "1408/71 era: seafarer on NL-flag vessel, paid by BE undertaking, lives BE (2009)",
        sit("2009-06-01", "2008-01-01", "BE", "seafarer", w(("NL", 100)), emp("BE"), flag="NL"),
        exp("BE", "1408/71", "14b(4)"),
        "L§3.1 step 4 (14b(4)); no PD A1 under 1408/71 (C57)",
    ),
    case(
        "G43e",
        "1408/71 era: seafarer on NL-flag vessel, paid by DE undertaking, lives BE (2009)",
        sit("2009-06-01", "2008-01-01", "BE", "seafarer", w(("NL", 100)), emp("DE"), flag="NL"),
        exp("NL", "1408/71", "13(2)(c)"),
        "L§3.1 step 4 (13(2)(c) flag state)",
    ),
    case(
        "G43f",
        "Seafarer on a Panama-flag vessel, NL employer, lives NL",
        sit("2024-06-01", "2024-01-01", "NL", "seafarer", w(("PA", 100)), emp("NL"), flag="PA"),
        exp("NL", "national:NL", ""),
        "L§2.2 step 0 (PA not a regulation country, no NL-PA treaty in L§1.6) -> national law; "
        "L§1.6 last para",
        "Low confidence: CJEU C-631/17 would give the residence state under 11(3)(e); legislation.md does "
        "not mention it.",
    ),
    # ---- C45: aircrew (L§2.2 step 3, L§2.4, L§1.2 Reg. 465/2012 and Art. 87a) ---------------
    case(
        "G45a",
        "Cabin crew, lives DE, home base NL, IE airline, flies NL/DE/FR",
        sit(
            "2024-06-01",
            "2024-01-01",
            "DE",
            "flight_crew",
            w(("NL", 50), ("DE", 10), ("FR", 40)),
            emp("IE"),
            base="NL",
        ),
        exp("NL", "883/2004", "13(1)", provisional=True, code="10"),
        "L§2.4 (aircrew in two or more states: home base, 987 14(5a)); like C44",
    ),
    case(
        "G45b",
        "Flight crew on domestic NL flights only, home base NL, NL airline, lives BE",
        sit("2024-06-01", "2024-01-01", "BE", "flight_crew", w(("NL", 100)), emp("NL"), base="NL"),
        exp("NL", "883/2004", None, code="10"),
        "L§2.5 11(5); L§4.8 (11(5) row: not provisional, status 3.10)",
        "Article 11(5) or 11(3)(a) is not decided by legislation.md.",
    ),
    case(
        "G45c",
        "Aircrew 87a: unchanged since 2011, old 13(1)(b) gave IE (seat), new 11(5)/13 gives NL; 2015",
        crew87a("2015-01-01"),
        exp("IE", "883/2004", "13(1)(b)", transitional=T87A, omit=("a1_status_code",)),
        "L§1.2 Art. 87a and the original 13(1) wording; L§2.4 first bullet",
        "Status 02 or 10 not decided (10 is 883 11(5), which did not exist under the old wording).",
    ),
    case(
        "G45d",
        "Aircrew 87a: same, 2022-06-28 (10-year cap passed)",
        crew87a("2022-06-28"),
        exp("NL", "883/2004", "13(1)", provisional=True, code="10"),
        "L§1.2 Art. 87a (until 2022-06-27)",
    ),
    case(
        "G45e",
        "Aircrew 87a: same, 2022-06-27 (last day of the transition)",
        crew87a("2022-06-27"),
        exp("IE", "883/2004", "13(1)(b)", transitional=T87A, omit=("a1_status_code",)),
        "L§1.2 Art. 87a (until 2022-06-27)",
    ),
    case(
        "G45f",
        "Aircrew 87a: request filed 2012-09-20 takes effect 2012-06-28",
        crew87a("2012-10-01", request="2012-09-20"),
        exp("NL", "883/2004", "13(1)", provisional=True, code="10"),
        "L§1.2 Art. 87a (request by 29-09-2012 effective 28-06-2012)",
    ),
    case(
        "G45g",
        "Aircrew 87a: request filed 2013-02-14, asked for 2013-02-20 (not yet effective)",
        crew87a("2013-02-20", request="2013-02-14"),
        exp("IE", "883/2004", "13(1)(b)", transitional=T87A, omit=("a1_status_code",)),
        "L§1.2 Art. 87a (later requests take effect on the first day of the following month)",
    ),
    case(
        "G45h",
        "Aircrew 87a: request filed 2013-02-14, asked for 2013-03-01 (effective)",
        crew87a("2013-03-01", request="2013-02-14"),
        exp("NL", "883/2004", "13(1)", provisional=True, code="10"),
        "L§1.2 Art. 87a",
    ),
    case(
        "G45i",
        "Aircrew before Reg. 465/2012 (2012-06-01): no home-base rule, original 13(1)(b) -> airline seat",
        crew87a("2012-06-01"),
        exp("IE", "883/2004", "13(1)(b)", provisional=True, omit=("a1_status_code",)),
        "L§1.2 (11(5) from 2012-06-28; original 13(1)(b))",
    ),
    # ---- C47-C50: Switzerland and EEA-EFTA (L§1.2, L§1.3) -----------------------------------
    case(
        "G47a",
        "NL->CH posting starting 2012-05-01 (after CH start), 12 months",
        posted("2012-06-01", "NL", "CH", "2012-05-01", "2013-04-30"),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§1.2 (CH from 2012-04-01); L§2.3",
    ),
    case(
        "G47b",
        "NL->CH posting 2012-02-01..2013-01-31 asked for 2012-06-01: both regulations give NL",
        posted("2012-06-01", "NL", "CH", "2012-02-01", "2013-01-31"),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§1.4 (same state -> 883 automatically from the start date)",
    ),
    case(
        "G47c",
        "CH->NL posting 2011-06-01..2012-05-31 asked for 2012-01-15 (before CH start)",
        posted("2012-01-15", "CH", "NL", "2011-06-01", "2012-05-31"),
        exp("CH", "1408/71", "14(1)(a)"),
        "L§1.2; L§3.1 step 5; like C46",
    ),
    case(
        "G47d",
        "NL->CH posting starting 2012-04-01 (first day of 883 for CH)",
        posted("2012-04-01", "NL", "CH", "2012-04-01", "2013-03-31"),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§1.2",
    ),
    case(
        "G48a",
        "NL->NO posting 2012-03-01..2012-12-31 asked for 2012-05-31 (before EEA start)",
        posted("2012-05-31", "NL", "NO", "2012-03-01", "2012-12-31"),
        exp("NL", "1408/71", "14(1)(a)"),
        "L§1.2 (IS/LI/NO from 2012-06-01)",
    ),
    case(
        "G48b",
        "Same NL->NO posting asked for 2012-06-01",
        posted("2012-06-01", "NL", "NO", "2012-03-01", "2012-12-31"),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§1.2; L§1.4 (same state)",
    ),
    case(
        "G48c",
        "LI employer posts LI resident to NL for 12 months (2024)",
        posted("2024-06-01", "LI", "NL", "2024-03-01", "2025-02-28"),
        exp("LI", "883/2004", "12(1)", code="01"),
        "L§1.1 (LI is a regulation country); L§2.3",
    ),
    case(
        "G48d",
        "Lives IS, works IS 10 % / NO 90 %, NO employer (2024)",
        sit("2024-06-01", "2024-01-01", "IS", "employed", w(("IS", 10), ("NO", 90)), emp("NO")),
        exp("NO", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§2.4",
    ),
    case(
        "G48e",
        "NL->IS posting 12 months (2024)",
        posted("2024-06-01", "NL", "IS", "2024-03-01", "2025-02-28"),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§1.1; L§2.3",
    ),
    case(
        "G49a",
        "87(8) with CH: lives NL since 2010, NL 10 % / CH 90 %, CH employer; 2013",
        nl_efta("2013-01-01", "CH"),
        exp("NL", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.4; L§1.2 (CH start 2012-04-01); L§3.1 step 6(b)(i) vs L§2.4 13(1)(b)(i); like C51",
    ),
    case(
        "G49b",
        "87(8) with CH: same on 2022-03-31 (last day)",
        nl_efta("2022-03-31", "CH"),
        exp("NL", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.2 (transition until 2022-03-31)",
    ),
    case(
        "G49c",
        "87(8) with CH: same on 2022-04-01 (cap passed)",
        nl_efta("2022-04-01", "CH"),
        exp("CH", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.2 (transition until 2022-03-31)",
    ),
    case(
        "G49d",
        "87(8) with CH: request 2012-05-15 (within 3 months of 2012-04-01), asked for 2012-06-01",
        nl_efta("2012-06-01", "CH", request="2012-05-15"),
        exp("CH", "883/2004", "13(1)(b)", provisional=True, code="02"),
        "L§1.4 opt-out (within 3 months -> from the start date); L§1.2 (before 2012-06-28 the original "
        "13(1)(b), without sub-points)",
    ),
    case(
        "G49e",
        "87(8) with NO: lives NL since 2010, NL 10 % / NO 90 %, NO employer; 2022-05-31",
        nl_efta("2022-05-31", "NO"),
        exp("NL", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.2 (EEA transition until 2022-05-31)",
    ),
    case(
        "G49f",
        "87(8) with NO: same on 2022-06-01",
        nl_efta("2022-06-01", "NO"),
        exp("NO", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.2",
    ),
    case(
        "G49g",
        "NL/NO multi-state asked for 2012-05-01 (before EEA start): 1408/71 only",
        nl_efta("2012-05-01", "NO"),
        exp("NL", "1408/71", "14(2)(b)(i)"),
        "L§1.2; L§3.1 step 6(b)(i)",
    ),
    case(
        "G50a",
        "US national living in NL posted NL->BE (2024): covered by Reg. 1231/2010",
        posted("2024-06-01", "NL", "BE", "2024-03-01", "2025-02-28", nationalities=["US"]),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§1.3 (1231/2010 from 2011-01-01)",
    ),
    case(
        "G50b",
        "US national living in NL posted NL->CH (2024): 1231/2010 does not apply to CH",
        posted("2024-06-01", "NL", "CH", "2024-03-01", "2025-02-28", nationalities=["US"]),
        exp("NL", "national:NL", ""),
        "L§1.3 (1231/2010 not for CH); contract (third-country nationals covered where 1231/2010 "
        "covers them)",
        "legislation.md marks the 1231/2010 scope as from memory.",
    ),
    case(
        "G50c",
        "US national living in NL posted NL->NO (2024): 1231/2010 does not apply to the EEA-EFTA states",
        posted("2024-06-01", "NL", "NO", "2024-03-01", "2025-02-28", nationalities=["US"]),
        exp("NL", "national:NL", ""),
        "L§1.3",
    ),
    case(
        "G50d",
        "US national living in NL posted NL->DK (2024): 1231/2010 does not apply to DK",
        posted("2024-06-01", "NL", "DK", "2024-03-01", "2025-02-28", nationalities=["US"]),
        exp("NL", "national:NL", ""),
        "L§1.3",
    ),
    case(
        "G50e",
        "US national living in NL posted NL->BE 2010-06-01..2011-03-31, asked for 2010-09-01",
        posted("2010-09-01", "NL", "BE", "2010-06-01", "2011-03-31", nationalities=["US"]),
        exp("NL", "1408/71", "14(1)(a)"),
        "L§1.3 (before 1231/2010, third-country nationals stay under 1408/71 via 859/2003, "
        "883 Art. 90(1)(a))",
    ),
    case(
        "G50f",
        "NO national living in NL posted NL->BE (2024)",
        posted("2024-06-01", "NL", "BE", "2024-03-01", "2025-02-28", nationalities=["NO"]),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§1.3 (nationals of the regulation countries)",
    ),
    # ---- C53-C56: Art. 87(8) and 87a variants (L§1.4, L§1.2) ---------------------------------
    case(
        "G53a",
        "C51 person asked within 3 months (2010-07-15): 883 from 2010-05-01",
        c51("2010-09-01", request="2010-07-15"),
        exp("NL", "883/2004", "13(1)(b)", provisional=True, code="02"),
        "L§1.4 opt-out; L§1.2 (original 13(1)(b) before 2012-06-28)",
    ),
    case(
        "G53b",
        "C51 person asked 2011-03-10 (late); asked for 2011-03-20: still 1408/71",
        c51("2011-03-20", request="2011-03-10"),
        exp("BE", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.4 opt-out (later -> first day of the following month)",
    ),
    case(
        "G53c",
        "C51 person asked 2011-03-10; asked for 2011-04-01: 883",
        c51("2011-04-01", request="2011-03-10"),
        exp("NL", "883/2004", "13(1)(b)", provisional=True, code="02"),
        "L§1.4 opt-out; L§1.2 (original 13(1)(b) before 2012-06-28)",
    ),
    case(
        "G53d",
        "C51 person, evaluated 2010-04-30 (before 883): 1408/71 only",
        c51("2010-04-30"),
        exp("BE", "1408/71", "14(2)(b)(i)"),
        "L§1.2; L§3.1 step 6(b)(i)",
    ),
    case(
        "G54a",
        "C51 pattern but changed on 2012-01-01 (situation_start after 883 start): no transition",
        c51("2015-01-01", start="2012-01-01"),
        exp("NL", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.4 (a change ends the transition; 883 applies from the change)",
    ),
    case(
        "G54b",
        "C51 person on 2020-04-30: last day of the 10-year cap",
        c51("2020-04-30"),
        exp("BE", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.2 (10-year cap reached 2020-04-30)",
    ),
    case(
        "G54c",
        "C51 person on 2020-05-01: cap passed",
        c51("2020-05-01"),
        exp("NL", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.2; C52",
    ),
    case(
        "G55a",
        "Lives BE since 2008, BE 30 % / NL 70 %, NL employer: both give BE -> 883 automatically",
        sit("2015-01-01", "2008-01-01", "BE", "employed", w(("BE", 30), ("NL", 70)), emp("NL")),
        exp("BE", "883/2004", "13(1)(a)", provisional=True, code="02"),
        "L§1.4 (same state -> 883)",
    ),
    case(
        "G55b",
        "Posting NL->BE 2009-11-01..2010-10-31 asked for 2010-06-01: both give NL -> 883",
        posted("2010-06-01", "NL", "BE", "2009-11-01", "2010-10-31"),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§1.4 (same state -> 883)",
    ),
    case(
        "G55c",
        "Posting NL->BE 2009-03-01..2010-08-31 (18 months, no Art. 17): 1408/71 gives BE, 883 NL",
        posted("2010-06-01", "NL", "BE", "2009-03-01", "2010-08-31"),
        exp("BE", "1408/71", "13(2)(a)", transitional=T878, omit=("a1_status_code",)),
        "L§1.4 engine algorithm (run both on the facts before the start date; keep 1408/71 if different); "
        "L§3.1 step 5 (anticipated > 12 months -> host 13(2)(a))",
        "Status code for 13(2)(a) kept by 87(8) not decided (12 would be the matching box).",
    ),
    case(
        "G56a",
        "87a: lives NL since 2011, NL 10 % / DE 90 %, employers in NL and DE; 2015: old 13(1)(a) NL",
        two_employers("2015-01-01"),
        exp("NL", "883/2004", "13(1)(a)", transitional=T87A, code="02"),
        "L§1.2 (original 13(1)(a): several employers in different states -> residence; Art. 87a); "
        "L§2.4 13(1)(b)(iii) would give DE",
    ),
    case(
        "G56b",
        "87a: same on 2022-06-28 (cap passed): 13(1)(b)(iii) DE",
        two_employers("2022-06-28"),
        exp("DE", "883/2004", "13(1)(b)(iii)", provisional=True, code="02"),
        "L§1.2 Art. 87a (until 2022-06-27); L§2.4",
    ),
    case(
        "G56c",
        "87a: request 2012-09-29 (in time) -> new rules from 2012-06-28; asked for 2012-10-01",
        two_employers("2012-10-01", request="2012-09-29"),
        exp("DE", "883/2004", "13(1)(b)(iii)", provisional=True, code="02"),
        "L§1.2 Art. 87a",
    ),
    case(
        "G56d",
        "87a: request 2012-09-30 (late) -> from 2012-10-01; asked for 2012-09-30",
        two_employers("2012-09-30", request="2012-09-30"),
        exp("NL", "883/2004", "13(1)(a)", transitional=T87A, code="02"),
        "L§1.2 Art. 87a",
    ),
    case(
        "G56e",
        "87a: request 2012-09-30 (late); asked for 2012-10-01",
        two_employers("2012-10-01", request="2012-09-30"),
        exp("DE", "883/2004", "13(1)(b)(iii)", provisional=True, code="02"),
        "L§1.2 Art. 87a",
    ),
    case(
        "G56f",
        "Chain: same pattern since 2008: 1408/71 and original 883 both NL (no 87(8)), then 87a keeps NL",
        two_employers("2015-01-01", start="2008-01-01"),
        exp("NL", "883/2004", "13(1)(a)", transitional=T87A, code="02"),
        "L§1.4 (same state -> 883 from 2010-05-01); L§1.2 (Art. 87a from 2012-06-28)",
    ),
    case(
        "G56g",
        "Same pattern started 2012-06-28: new rules only, DE",
        two_employers("2015-01-01", start="2012-06-28"),
        exp("DE", "883/2004", "13(1)(b)(iii)", provisional=True, code="02"),
        "L§1.2; L§2.4",
    ),
    case(
        "G56h",
        "Same pattern started 2011-01-01, asked for 2012-06-01 (before Reg. 465/2012): original 13(1)(a)",
        two_employers("2012-06-01"),
        exp("NL", "883/2004", "13(1)(a)", provisional=True, code="02"),
        "L§1.2 (original wording before 2012-06-28)",
    ),
    # ---- C58-C59: 1408/71 postings (L§3.1 steps 1, 5, 7) -------------------------------------
    case(
        "G58a",
        "1408/71 posting NL->BE 13 months (2008), no Art. 17 agreement",
        posted("2008-06-01", "NL", "BE", "2008-01-01", "2009-01-31"),
        exp("BE", "1408/71", "13(2)(a)"),
        "L§3.1 step 5 (anticipated > 12 months -> host, 13(2)(a))",
    ),
    case(
        "G58b",
        "1408/71 posting NL->BE exactly 12 months (2008)",
        posted("2008-06-01", "NL", "BE", "2008-01-01", "2008-12-31"),
        exp("NL", "1408/71", "14(1)(a)"),
        "L§3.1 step 5",
    ),
    case(
        "G58c",
        "1408/71 posting NL->BE replacing a posted worker (2008)",
        posted("2008-06-01", "NL", "BE", "2008-03-01", "2008-12-31", replaces_posted_worker=True),
        exp("BE", "1408/71", "13(2)(a)"),
        "L§3.1 step 5 (not replacing a posted person)",
    ),
    case(
        "G58d",
        "1408/71 posting BE->NL 6 months (2007), BE employer, lives BE",
        posted("2007-06-01", "BE", "NL", "2007-04-01", "2007-09-30"),
        exp("BE", "1408/71", "14(1)(a)"),
        "L§3.1 step 5",
    ),
    case(
        "G59a",
        "1408/71 posting NL->BE 3 years with an Art. 17 agreement for NL (2008)",
        posted(
            "2008-01-01",
            "NL",
            "BE",
            "2007-01-01",
            "2009-12-31",
            art16_agreement={"state": "NL", "start": "2007-01-01", "end": "2009-12-31"},
        ),
        exp("NL", "1408/71", "17"),
        "L§3.1 step 1 (Art. 17 agreement); L§3 notes (Art. 17 in place of E102)",
    ),
    case(
        "G59b",
        "1408/71 self-employed NL->BE 10 months (2008)",
        posted("2008-06-01", "NL", "BE", "2008-03-01", "2008-12-31", etype="self_employed"),
        exp("NL", "1408/71", "14a(1)"),
        "L§3.1 step 7 (14a(1))",
    ),
    case(
        "G59c",
        "1408/71 self-employed NL->BE 14 months (2008): host state",
        posted("2008-06-01", "NL", "BE", "2008-03-01", "2009-04-30", etype="self_employed"),
        exp("BE", "1408/71", None),
        "L§3.1 step 7 (14a(1) <= 12 months)",
        "Article (13(2)(b)) not named in legislation.md.",
    ),
    # ---- C61-C65: 1408/71 multi-state (L§3.1 steps 3, 6-9) -----------------------------------
    case(
        "G61a",
        "1408/71 flight crew: lives BE, NL airline, NL 60 % / BE 40 % (2009)",
        sit("2009-06-01", "2008-01-01", "BE", "flight_crew", w(("NL", 60), ("BE", 40)), emp("NL"), base="NL"),
        exp("NL", "1408/71", "14(2)(a)"),
        "L§3.1 step 6(a) (international transport -> registered office)",
    ),
    case(
        "G61b",
        "1408/71 flight crew: lives BE, NL airline, BE 70 % / NL 30 % (2009)",
        sit("2009-06-01", "2008-01-01", "BE", "flight_crew", w(("NL", 30), ("BE", 70)), emp("NL"), base="BE"),
        exp("BE", "1408/71", "14(2)(a)(ii)"),
        "L§3.1 step 6(a)(ii) (employed principally in the residence state)",
    ),
    case(
        "G62a",
        "1408/71: lives NL, NL 15 % / DE 85 %, DE employer (2009)",
        sit("2009-06-01", "2008-01-01", "NL", "employed", w(("NL", 15), ("DE", 85)), emp("DE")),
        exp("NL", "1408/71", "14(2)(b)(i)"),
        "L§3.1 step 6(b)(i) (no 25 % threshold)",
    ),
    case(
        "G62b",
        "1408/71: lives NL, works DE 50 % / BE 50 % for employers seated DE and BE (2009)",
        sit("2009-06-01", "2008-01-01", "NL", "employed", w(("DE", 50), ("BE", 50)), emp("DE", "BE")),
        exp("NL", "1408/71", "14(2)(b)(i)"),
        "L§3.1 step 6(b)(i) (several employers seated in different states -> residence)",
    ),
    case(
        "G63a",
        "1408/71: lives FR, works BE 70 % / NL 30 %, BE employer (2009)",
        sit("2009-06-01", "2008-01-01", "FR", "employed", w(("BE", 70), ("NL", 30)), emp("BE")),
        exp("BE", "1408/71", "14(2)(b)(ii)"),
        "L§3.1 step 6(b)(ii); like C60",
    ),
    case(
        "G64a",
        "1408/71 self-employed: lives NL, NL 10 % / DE 90 % (2009)",
        sit(
            "2009-06-01",
            "2008-01-01",
            "NL",
            "self_employed",
            w(("NL", 10, 10, "self_employed"), ("DE", 90, 90, "self_employed")),
            [],
        ),
        exp("NL", "1408/71", "14a(2)"),
        "L§3.1 step 7 (14a(2): residence if part of the activity is there)",
    ),
    case(
        "G64b",
        "1408/71 self-employed: lives NL, works DE 70 % / BE 30 % (2009)",
        sit(
            "2009-06-01",
            "2008-01-01",
            "NL",
            "self_employed",
            w(("DE", 70, 70, "self_employed"), ("BE", 30, 30, "self_employed")),
            [],
        ),
        exp("DE", "1408/71", "14a(2)"),
        "L§3.1 step 7 (otherwise the state of the main activity) [verify criteria]",
    ),
    case(
        "G65a",
        "1408/71: employed in NL, self-employed in BE, lives BE (2009)",
        sit(
            "2009-06-01",
            "2008-01-01",
            "BE",
            "employed_and_self_employed",
            w(("NL", 70, 70, "employed"), ("BE", 30, 30, "self_employed")),
            emp("NL"),
        ),
        exp("NL", "1408/71", "14c(a)"),
        "L§3.1 step 8 (14c(a)); L§1.4 Melosys FO_1408_1971_ART14C_A",
    ),
    case(
        "G65b",
        "1408/71: Dutch civil servant working in BE (2009)",
        sit("2009-06-01", "2008-01-01", "BE", "civil_servant", w(("BE", 100)), emp("NL")),
        exp("NL", "1408/71", "13(2)(d)"),
        "L§3.1 step 3",
    ),
    case(
        "G65c",
        "1408/71: inactive resident of ES (2009)",
        sit("2009-06-01", "2008-01-01", "ES", "inactive", [], []),
        exp("ES", "1408/71", "13(2)(f)"),
        "L§3.1 step 9",
    ),
    # ---- C67-C69: United Kingdom (L§1.5, L§1.6) ----------------------------------------------
    case(
        "G67a",
        "WA: GB->NL posting 2020-06-01..2022-05-31 asked for 2021-06-01",
        posted("2021-06-01", "GB", "NL", "2020-06-01", "2022-05-31"),
        exp("GB", "883/2004", "12(1)", code="01"),
        "L§1.5 Withdrawal Agreement",
    ),
    case(
        "G67b",
        "WA: lives NL since 2019, NL 10 % / GB 90 %, GB employer; 2023",
        sit("2023-01-01", "2019-01-01", "NL", "employed", w(("NL", 10), ("GB", 90)), emp("GB")),
        exp("GB", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.5 Withdrawal Agreement; L§2.4",
    ),
    case(
        "G67c",
        "WA edge: GB->NL posting starting 2020-12-31",
        posted("2021-03-01", "GB", "NL", "2020-12-31", "2021-12-30"),
        exp("GB", "883/2004", "12(1)", code="01"),
        "L§1.5 (on or before 2020-12-31)",
    ),
    case(
        "G67d",
        "TCA edge: GB->NL posting starting 2021-01-01",
        posted("2021-03-01", "GB", "NL", "2021-01-01", "2021-12-31"),
        exp("GB", "TCA", "SSC.11(1)"),
        "L§1.5 TCA SSC.11; like C66",
    ),
    case(
        "G67e",
        "Before Brexit: NL->GB posting 2019 (883 applies directly)",
        posted("2019-06-01", "NL", "GB", "2019-03-01", "2020-02-29"),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§1.1 (UK a regulation country until 2020-12-31)",
    ),
    case(
        "G68a",
        "TCA: NL->GB detachment exactly 24 months (2022-01-01..2023-12-31)",
        posted("2022-06-01", "NL", "GB", "2022-01-01", "2023-12-31"),
        exp("NL", "TCA", "SSC.11(1)"),
        "L§1.5 SSC.11 (no more than 24 months)",
    ),
    case(
        "G68b",
        "TCA: NL->GB detachment 24 months + 1 day",
        posted("2022-06-01", "NL", "GB", "2022-01-01", "2024-01-01"),
        exp("GB", "TCA", "SSC.10(3)(a)"),
        "L§1.5 (exceeding 24 months -> host state; lex loci laboris SSC.10(3)(a))",
    ),
    case(
        "G68c",
        "TCA: GB->NL detachment replacing another detached worker",
        posted("2022-06-01", "GB", "NL", "2022-03-01", "2022-12-31", replaces_posted_worker=True),
        exp("NL", "TCA", "SSC.10(3)(a)"),
        "L§1.5 SSC.11 (not sent to replace another detached person)",
    ),
    case(
        "G68d",
        "TCA: self-employed GB->FR 12 months",
        posted("2022-06-01", "GB", "FR", "2022-03-01", "2023-02-28", etype="self_employed"),
        exp("GB", "TCA", None),
        "L§1.5 SSC.11 (employee or self-employed)",
        "Paragraph (SSC.11(2) in the TCA) not given in legislation.md.",
    ),
    case(
        "G69a",
        "TCA multi-state: lives NL since 2022, NL 10 % / GB 90 %, GB employer",
        sit("2023-01-01", "2022-01-01", "NL", "employed", w(("NL", 10), ("GB", 90)), emp("GB")),
        exp("GB", "TCA", None, omit=("provisional",)),
        "L§1.5 (multi-state copies 883 Art. 13: employer's seat when not substantial in residence)",
        "Article numbering [to verify] in legislation.md; provisional not decided for the TCA.",
    ),
    case(
        "G69b",
        "TCA multi-state: lives NL since 2022, NL 30 % / GB 70 %, GB employer",
        sit("2023-01-01", "2022-01-01", "NL", "employed", w(("NL", 30), ("GB", 70)), emp("GB")),
        exp("NL", "TCA", None, omit=("provisional",)),
        "L§1.5 (residence state if a substantial part is worked there)",
    ),
    case(
        "G69c",
        "UK with Ireland: GB->IE posting 12 months (2023)",
        posted("2023-06-01", "GB", "IE", "2023-03-01", "2024-02-29"),
        exp("GB", "TCA", "SSC.11(1)"),
        "L§1.5 (TCA covers the UK and every EU member state)",
    ),
    case(
        "G69d",
        "NL->Jersey posting exactly 3 years (2024)",
        posted("2024-06-01", "NL", "JE", "2024-01-01", "2026-12-31"),
        exp("NL", "treaty:GB-NL", "8"),
        "L§1.6 (Channel Islands 3 years, NLT BWBV0001782 Art. 8); contract (treaty:GB-NL)",
    ),
    case(
        "G69e",
        "NL->Isle of Man posting 3 years + 1 day (2024)",
        posted("2024-06-01", "NL", "IM", "2024-01-01", "2027-01-01"),
        exp("IM", "treaty:GB-NL", None),
        "L§1.6",
        "Article of the convention's general rule not in legislation.md.",
    ),
    case(
        "G69f",
        "NL->Guernsey posting 2 years in 2015 (never in the EU regime, even before Brexit)",
        posted("2015-06-01", "NL", "GG", "2015-01-01", "2016-12-31"),
        exp("NL", "treaty:GB-NL", "8"),
        "L§1.5 (Channel Islands never in the EU regime); L§1.6",
    ),
    # ---- C71-C73: bilateral treaties (L§1.6) ---------------------------------------------------
    case(
        "G71a",
        "NL->US posting exactly 5 years",
        posted("2024-06-01", "NL", "US", "2024-01-01", "2028-12-31"),
        exp("NL", "treaty:NL-US", "9"),
        "L§1.6 (USA 5 years, Art. 9)",
    ),
    case(
        "G71b",
        "NL->US posting 5 years + 1 day",
        posted("2024-06-01", "NL", "US", "2024-01-01", "2029-01-01"),
        exp("US", "treaty:NL-US", None),
        "L§1.6",
        "Article of the treaty's general rule not in legislation.md.",
    ),
    case(
        "G71c",
        "US->NL posting 3 years, US employer, lives US",
        posted("2024-06-01", "US", "NL", "2024-01-01", "2026-12-31"),
        exp("US", "treaty:NL-US", "9"),
        "L§1.6",
    ),
    case(
        "G72a",
        "NL->JP posting exactly 5 years",
        posted("2024-06-01", "NL", "JP", "2024-01-01", "2028-12-31"),
        exp("NL", "treaty:JP-NL", "7"),
        "L§1.6 (Japan 5 years, Art. 7)",
    ),
    case(
        "G72b",
        "NL->JP posting 5 years + 1 day",
        posted("2024-06-01", "NL", "JP", "2024-01-01", "2029-01-01"),
        exp("JP", "treaty:JP-NL", None),
        "L§1.6",
    ),
    case(
        "G72c",
        "NL->KR posting exactly 5 years",
        posted("2024-06-01", "NL", "KR", "2024-01-01", "2028-12-31"),
        exp("NL", "treaty:KR-NL", "7"),
        "L§1.6 (South Korea 5 years, Art. 7)",
    ),
    case(
        "G72d",
        "NL->CA posting 60 months",
        posted("2024-06-01", "NL", "CA", "2024-01-01", "2028-12-31"),
        exp("NL", "treaty:CA-NL", None),
        "L§1.6 (Canada 60 months, Art. VI(2)(a))",
    ),
    case(
        "G72e",
        "NL->IN posting 60 months + 1 day",
        posted("2024-06-01", "NL", "IN", "2024-01-01", "2029-01-01"),
        exp("IN", "treaty:IN-NL", None),
        "L§1.6 (India 60 months)",
    ),
    case(
        "G72f",
        "NL->IN posting 60 months",
        posted("2024-06-01", "NL", "IN", "2024-01-01", "2028-12-31"),
        exp("NL", "treaty:IN-NL", "7"),
        "L§1.6 (India 60 months, Art. 7)",
    ),
    case(
        "G72g",
        "NL->AU posting 5 years",
        posted("2024-06-01", "NL", "AU", "2024-01-01", "2028-12-31"),
        exp("NL", "treaty:AU-NL", None),
        "L§1.6 (Australia 5 years)",
    ),
    case(
        "G72h",
        "NL->MA posting 12 months",
        posted("2024-06-01", "NL", "MA", "2024-01-01", "2024-12-31"),
        exp("NL", "treaty:MA-NL", "7"),
        "L§1.6 (Morocco 12 months + 12 with consent, Art. 7)",
    ),
    case(
        "G72i",
        "NL->MA posting 13 months, no host consent",
        posted("2024-06-01", "NL", "MA", "2024-01-01", "2025-01-31"),
        exp("MA", "treaty:MA-NL", None),
        "L§1.6 (Morocco: beyond 12 months only with host consent)",
    ),
    case(
        "G72j",
        "NL->MK posting 24 months",
        posted("2024-06-01", "NL", "MK", "2024-01-01", "2025-12-31"),
        exp("NL", "treaty:MK-NL", "10"),
        "L§1.6 (North Macedonia 24 months, Art. 10)",
    ),
    case(
        "G72k",
        "NL->MK posting 24 months + 1 day",
        posted("2024-06-01", "NL", "MK", "2024-01-01", "2026-01-01"),
        exp("MK", "treaty:MK-NL", None),
        "L§1.6",
    ),
    case(
        "G72l",
        "NL->NZ posting 5 years",
        posted("2024-06-01", "NL", "NZ", "2024-01-01", "2028-12-31"),
        exp("NL", "treaty:NL-NZ", "5"),
        "L§1.6 (New Zealand 5 years, Art. 5)",
    ),
    case(
        "G72m",
        "NL->UY posting 24 months + 1 day",
        posted("2024-06-01", "NL", "UY", "2024-01-01", "2026-01-01"),
        exp("UY", "treaty:NL-UY", None),
        "L§1.6 (Uruguay 24 months)",
    ),
    case(
        "G72n",
        "NL->EG posting 24 months",
        posted("2024-06-01", "NL", "EG", "2024-01-01", "2025-12-31"),
        exp("NL", "treaty:EG-NL", "9"),
        "L§1.6 (Egypt 24 months, Art. 9)",
    ),
    case(
        "G72o",
        "NL->CV posting 12 months",
        posted("2024-06-01", "NL", "CV", "2024-01-01", "2024-12-31"),
        exp("NL", "treaty:CV-NL", "7"),
        "L§1.6 (Cape Verde 12 months, Art. 7)",
    ),
    case(
        "G72p",
        "NL->IL posting 24 months + 1 day",
        posted("2024-06-01", "NL", "IL", "2024-01-01", "2026-01-01"),
        exp("IL", "treaty:IL-NL", None),
        "L§1.6 (Israel 24 months)",
    ),
    case(
        "G73a",
        "NL->CH posting 2024: 883 applies, not a bilateral treaty",
        posted("2024-06-01", "NL", "CH", "2024-03-01", "2025-02-28"),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§2.2 step 0 (all states are regulation countries)",
    ),
    case(
        "G73b",
        "Korea treaty: seafarer on a KR-flag vessel, KR employer, lives NL",
        sit("2024-06-01", "2024-01-01", "NL", "seafarer", w(("KR", 100)), emp("KR"), flag="KR"),
        exp("NL", "treaty:KR-NL", "8"),
        "L§1.6 other treaty rules (Korea: seafarers insured in the residence state, Art. 8)",
    ),
    case(
        "G73c",
        "NL->US posting, worker not insured in NL before (0 months)",
        posted(
            "2024-06-01", "NL", "US", "2024-01-01", "2025-12-31", insured_in_sending_state_months_before=0
        ),
        exp("US", "treaty:NL-US", None),
        "L§1.6 (SVB requires at least 1 month of Dutch insurance before a treaty posting)",
    ),
    case(
        "G73d",
        "Australia treaty: seafarer on an AU-flag vessel, AU employer, lives NL",
        sit("2024-06-01", "2024-01-01", "NL", "seafarer", w(("AU", 100)), emp("AU"), flag="AU"),
        exp("NL", "treaty:AU-NL", None),
        "L§1.6 other treaty rules (Australia: ship crew under the residence state, Art. 8(4))",
    ),
    # ---- C75-C80: third countries without treaty, edge dates ----------------------------------
    case(
        "G75a",
        "NL->AE posting 2 years (no regulation, no treaty)",
        posted("2024-06-01", "NL", "AE", "2024-01-01", "2025-12-31"),
        exp("NL", "national:NL", ""),
        "L§1.6 last paragraph; like C74",
    ),
    case(
        "G75b",
        "Lives NL, NL 10 % / DE 90 %, employer seated in the US",
        sit("2024-06-01", "2024-01-01", "NL", "employed", w(("NL", 10), ("DE", 90)), emp("US")),
        exp("NL", "987/2009", "14(11)", provisional=True, code="02"),
        "L§2.4 (employer seated outside EU/EEA/CH -> residence, 987 14(11))",
    ),
    case(
        "G75c",
        "Lives NL, works only in DE for a US-seated employer",
        sit("2024-06-01", "2024-01-01", "NL", "employed", w(("DE", 100)), emp("US")),
        exp("DE", "883/2004", "11(3)(a)", code="12"),
        "L§2.2 step 6 (one state of work -> lex loci)",
    ),
    case(
        "G76a",
        "NL->HR posting 2013-03-01..2013-12-31 asked for 2013-05-01 (before accession)",
        posted("2013-05-01", "NL", "HR", "2013-03-01", "2013-12-31"),
        exp("NL", "national:NL", ""),
        "L§1.2 (HR: not a regulation country before 2013-07-01; national law or a treaty; "
        "no NL-HR treaty in L§1.6)",
    ),
    case(
        "G76b",
        "Same NL->HR posting asked for 2013-07-01 (accession): 883, no 87(8)",
        posted("2013-07-01", "NL", "HR", "2013-03-01", "2013-12-31"),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§1.2 (HR from 2013-07-01; no transition)",
    ),
    case(
        "G77a",
        "NL->BE posting starting 2010-05-01",
        posted("2010-05-01", "NL", "BE", "2010-05-01", "2011-04-30"),
        exp("NL", "883/2004", "12(1)", code="01"),
        "L§1.2 (883 from 2010-05-01)",
    ),
    case(
        "G77b",
        "NL->BE posting starting 2010-04-30, asked for 2010-04-30",
        posted("2010-04-30", "NL", "BE", "2010-04-30", "2011-03-31"),
        exp("NL", "1408/71", "14(1)(a)"),
        "L§1.2",
    ),
    case(
        "G77c",
        "NL->BE posting 2008-06-01..2010-05-31 (24 months) with no agreement, asked for 2010-05-01",
        posted("2010-05-01", "NL", "BE", "2008-06-01", "2010-05-31"),
        exp("BE", "1408/71", "13(2)(a)", transitional=T878, omit=("a1_status_code",)),
        "L§1.4 engine algorithm; L§3.1 step 5 (> 12 months -> host) vs L§2.3 (<= 24 months -> NL)",
    ),
    case(
        "G78a",
        "TCA: lives NL since 2021-01-01, NL 30 % / GB 70 %, GB employer (residence substantial)",
        sit("2021-06-01", "2021-01-01", "NL", "employed", w(("NL", 30), ("GB", 70)), emp("GB")),
        exp("NL", "TCA", None, omit=("provisional",)),
        "L§1.5 (TCA from 2021-01-01; multi-state like 883 Art. 13)",
    ),
    case(
        "G78b",
        "UK resident working only in NL for a NL employer since 2022 (TCA lex loci)",
        sit("2023-06-01", "2022-01-01", "GB", "employed", w(("NL", 100)), emp("NL")),
        exp("NL", "TCA", "SSC.10(3)(a)"),
        "L§1.5 (SSC.10(3)(a) lex loci laboris)",
    ),
    case(
        "G79a",
        "Lives NL, works only in SG for a NL employer, no posting",
        sit("2024-06-01", "2024-01-01", "NL", "employed", w(("SG", 100)), emp("NL")),
        exp("NL", "national:NL", ""),
        "L§1.6 last paragraph (no coordination; Dutch starting point: stays insured in NL)",
        "Medium confidence: no posting, but legislation.md's national rule is not posting-specific.",
    ),
    case(
        "G80a",
        "Inactive resident of NO (2024)",
        sit("2024-06-01", "2020-01-01", "NO", "inactive", [], []),
        exp("NO", "883/2004", "11(3)(e)"),
        "L§2.5 11(3)(e); like C20",
    ),
]


EXTRA = [
    # ---- harder combinations (same topics) ----------------------------------------------------
    case(
        "G49h",
        "87(8) via CH in the picture: lives NL since 2010, NL 10 / DE 45 / CH 45 %, DE employer; 2020-06-01",
        sit("2020-06-01", "2010-01-01", "NL", "employed", w(("NL", 10), ("DE", 45), ("CH", 45)), emp("DE")),
        exp("NL", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.2 (latest start date among all states: CH 2012-04-01; transition until 2022-03-31, not the EU "
        "2020-04-30)",
    ),
    case(
        "G49i",
        "Employer seated in CH counts: lives NL since 2010, NL 10 / DE 90 %, CH employer; 2021-01-01",
        sit("2021-01-01", "2010-01-01", "NL", "employed", w(("NL", 10), ("DE", 90)), emp("CH")),
        exp("NL", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.2 engine rule (states where the employers sit count for the start date); L§1.4",
    ),
    case(
        "G49j",
        "Employer seated in CH counts: same on 2022-04-01",
        sit("2022-04-01", "2010-01-01", "NL", "employed", w(("NL", 10), ("DE", 90)), emp("CH")),
        exp("CH", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.2; L§2.4",
    ),
    case(
        "G49k",
        "Employer seated in NO counts: lives NL since 2010, NL 10 / DE 90 %, NO employer; 2022-05-31",
        sit("2022-05-31", "2010-01-01", "NL", "employed", w(("NL", 10), ("DE", 90)), emp("NO")),
        exp("NL", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.2 (EEA transition until 2022-05-31)",
    ),
    case(
        "G49l",
        "1408/71 with CH in 2011: lives CH, CH 20 % / DE 80 %, DE employer",
        sit("2011-06-01", "2010-01-01", "CH", "employed", w(("CH", 20), ("DE", 80)), emp("DE")),
        exp("CH", "1408/71", "14(2)(b)(i)"),
        "L§1.2 (CH before 2012-04-01: 1408/71); L§3.1 step 6(b)(i)",
    ),
    case(
        "G47e",
        "1408/71 NL->CH posting 18 months from 2011-01-01, asked for 2012-05-01: 1408/71 host kept by 87(8)",
        posted("2012-05-01", "NL", "CH", "2011-01-01", "2012-06-30"),
        exp("CH", "1408/71", "13(2)(a)", transitional=T878, omit=("a1_status_code",)),
        "L§1.4 engine algorithm; L§3.1 step 5 vs L§2.3",
    ),
    case(
        "G54d",
        "UK person like C51: lives GB since 2008, GB 10 / NL 90 %, NL employer; 2015 (87(8))",
        sit("2015-01-01", "2008-01-01", "GB", "employed", w(("GB", 10), ("NL", 90)), emp("NL")),
        exp("GB", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.1 (UK a member until 2020); L§1.4",
    ),
    case(
        "G54e",
        "UK person like C51 on 2021-06-01: cap passed, situation continues -> WA, 883",
        sit("2021-06-01", "2008-01-01", "GB", "employed", w(("GB", 10), ("NL", 90)), emp("NL")),
        exp("NL", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.5 (WA: situation on 31-12-2020 continues); L§1.2 (cap 2020-04-30)",
    ),
    case(
        "G72q",
        "NL->JP posting 2 years, previous posting to JP by the same employer ended 6 months before",
        posted(
            "2024-06-01",
            "NL",
            "JP",
            "2024-01-01",
            "2025-12-31",
            previous_posting_same_employer_host_end="2023-06-30",
        ),
        exp("JP", "treaty:JP-NL", None),
        "L§1.6 (Japan: a fresh posting only after 1 year has passed)",
    ),
    case(
        "G72r",
        "NL->JP posting 2 years, previous posting to JP ended 13 months before",
        posted(
            "2024-06-01",
            "NL",
            "JP",
            "2024-01-01",
            "2025-12-31",
            previous_posting_same_employer_host_end="2022-11-30",
        ),
        exp("NL", "treaty:JP-NL", "7"),
        "L§1.6 (Japan)",
    ),
    case(
        "G72s",
        "NL->CA posting 2 years, also employed by a second (Canadian) employer in Canada",
        sit(
            "2024-06-01",
            "2024-01-01",
            "NL",
            "employed",
            w(("CA", 100)),
            emp("NL", "CA"),
            posting=post("NL", "CA", "2024-01-01", "2025-12-31"),
        ),
        exp("CA", "treaty:CA-NL", None),
        "L§1.6 (Canada: not if also employed by another employer in the host state)",
    ),
    case(
        "G73e",
        "Korea treaty: flight crew of a KR airline, lives NL",
        sit("2024-06-01", "2024-01-01", "NL", "flight_crew", w(("KR", 100)), emp("KR"), base="KR"),
        exp("KR", "treaty:KR-NL", "8"),
        "L§1.6 other treaty rules (Korea: aircrew in the state of the employer's head office, Art. 8)",
    ),
    case(
        "G73f",
        "Australia treaty: aircraft crew of an AU airline, lives NL",
        sit("2024-06-01", "2024-01-01", "NL", "flight_crew", w(("AU", 100)), emp("AU"), base="AU"),
        exp("NL", "treaty:AU-NL", None),
        "L§1.6 other treaty rules (Australia: ship and aircraft crew under the residence state, Art. 8(4))",
    ),
    case(
        "G68e",
        "TCA seafarer: GB-flag vessel, paid by NL undertaking, lives NL (2023)",
        sit("2023-06-01", "2022-01-01", "NL", "seafarer", w(("GB", 100)), emp("NL"), flag="GB"),
        exp("NL", "TCA", None),
        "L§1.5 (TCA SSC.10 follows 883; 883 11(4) second sentence)",
    ),
    case(
        "G67f",
        "WA posting GB->NL 2020-06-01..2022-12-31 (31 months, no agreement): host NL under 883",
        posted("2021-06-01", "GB", "NL", "2020-06-01", "2022-12-31"),
        exp("NL", "883/2004", "11(3)(a)", code="12"),
        "L§1.5 (WA -> 883); L§2.3 P4/P9",
    ),
    case(
        "G48f",
        "Lives NL, works only in NO for a NL employer (no posting), 2024",
        sit("2024-06-01", "2024-01-01", "NL", "employed", w(("NO", 100)), emp("NL")),
        exp("NO", "883/2004", "11(3)(a)", code="12"),
        "L§2.2 step 6; L§2.5 11(3)(a)",
    ),
    case(
        "G50g",
        "US national living in NL, NL 10 % / DE 90 %, DE employer, 2010-09-01 (before 1231/2010)",
        sit(
            "2010-09-01",
            "2010-06-01",
            "NL",
            "employed",
            w(("NL", 10), ("DE", 90)),
            emp("DE"),
            nationalities=["US"],
        ),
        exp("NL", "1408/71", "14(2)(b)(i)"),
        "L§1.3 (859/2003 via 883 Art. 90(1)(a) until 1231/2010 applies from 2011-01-01)",
    ),
]
CASES += EXTRA


def test_ids_are_unique():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case_", CASES, ids=[c["id"] for c in CASES])
def test_gap_case(case_):
    result = rules.determine(copy.deepcopy(case_["situation"]))
    mismatches = compare(case_, result)
    assert not mismatches, f"{case_['id']} {case_['title']}: " + "; ".join(mismatches)


# ---- Fixes found by this review ----------------------------------------------------------------


def summary(result):
    return (
        result["legislation"],
        result["provision"]["instrument"],
        result["provision"]["article"],
        result["provisional"],
        result["a1_status_code"],
    )


IDLE = "No working time and no pay are given for {state}"


def test_a_state_with_no_time_and_no_pay_is_not_a_state_of_work_under_1408():
    """legislation.md 3.1 step 6(b): the residence state counts when the person "works partly" there;
    a line with 0 % of time and 0 % of pay says no work is done there (determination.md: one item per
    state of work). Lives DE, works NL 60 % / BE 40 % for an NL employer, DE listed with 0/0: C60's
    answer, NL under 14(2)(b)(ii); the engine took DE as worked in and answered DE, 14(2)(b)(i)."""
    s = sit("2009-06-01", "2008-01-01", "DE", "employed", w(("NL", 60), ("BE", 40), ("DE", 0)), emp("NL"))
    result = rules.determine(s)
    assert summary(result) == ("NL", "1408/71", "14(2)(b)(ii)", False, None)
    assert any(t.startswith(IDLE.format(state="DE")) for t in result["warnings"])


def test_a_posting_with_the_sending_state_listed_at_zero_is_a_posting_under_1408():
    """legislation.md 3.1 step 5: employed in one state (BE) and posted there -> 14(1)(a); the NL line
    with 0/0 made it work in two states, 14(2)(b)(i)."""
    s = posted("2009-06-01", "NL", "BE", "2009-01-01", "2009-12-31")
    s["work"] = w(("BE", 100), ("NL", 0))
    assert summary(rules.determine(s)) == ("NL", "1408/71", "14(1)(a)", False, None)


def test_a_state_with_no_time_and_no_pay_is_not_a_state_of_work_before_2012_06_28():
    """legislation.md 2.2 step 6: one state of work -> 11(3)(a), not Art. 13 (marginal work is only
    left out from 2012-06-28, 987/2009 Art. 14(5b), so nothing else removed the 0/0 line)."""
    s = sit("2011-06-01", "2011-01-01", "NL", "employed", w(("NL", 0), ("DE", 100)), emp("DE"))
    assert summary(rules.determine(s)) == ("DE", "883/2004", "11(3)(a)", False, "12")


def test_a_third_country_listed_at_zero_does_not_take_the_case_out_of_the_regulation():
    """legislation.md 2.2 step 0: the states involved are where the person lives and works; a US line
    with 0/0 sent a purely Dutch situation to the NL-US treaty and from there to national law."""
    s = sit("2024-06-01", "2024-01-01", "NL", "employed", w(("NL", 100), ("US", 0)), emp("NL"))
    result = rules.determine(s)
    assert summary(result) == ("NL", "883/2004", "11(3)(a)", False, "12")
    assert any(t.startswith(IDLE.format(state="US")) for t in result["warnings"])


def test_time_without_pay_still_counts_as_work():
    """Only a line with neither time nor pay is left out: 10 % of the time unpaid in the residence
    state is still work there under 1408/71 (3.1 step 6(b)(i))."""
    s = sit(
        "2009-06-01",
        "2008-01-01",
        "DE",
        "employed",
        w(("NL", 60, 60), ("BE", 30, 40), ("DE", 10, 0)),
        emp("NL"),
    )
    assert summary(rules.determine(s))[:3] == ("DE", "1408/71", "14(2)(b)(i)")
