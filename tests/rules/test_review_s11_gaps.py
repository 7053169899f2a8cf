"""Review s11 gaps: a second blind set of cases for the hidden ids of the public numbering.

The public worked cases (shared/domain/cases-public.json) leave gaps: C02, C04, C05, C07,
C09-C14, C16, C17, C19, C22, C24-C26, C32-C35, C37, C40, C43, C45, C47-C50, C53-C56, C58,
C59, C61-C65, C67-C69, C71-C73, C75-C80, on the topics of their neighbours. The s10 review
(test_review_s10_gaps_a.py, _b.py) wrote cases for them; the ones here are other situations:
other boundary days and shares, other states (EEA-EFTA, CH, HR, the UK around Brexit, seats
outside the EU) and two rules at once. Each id is named after its gap ("H04a" for gap C04).

The expectations were written from shared/domain/legislation.md ("L§x.y") before the engine
was run. ``expected`` holds the public keys (legislation, provision, transitional,
provisional, a1_status_code) and, where the law gives them, certificate and period. An article
of ``None`` means legislation.md does not name it: only the instrument is compared.

Open points legislation.md does not decide (left out of the cases, the engine unchanged):
* a person living and working only in EU states (NL 10 %, DE 90 %) for an employer seated in the
  UK after 2020: the engine takes the UK seat as involving the UK and answers the TCA (GB,
  SSC.12(1)(b)(i)); 2.4 would give the residence state under 987/2009 Art. 14(11) if the seat
  counts as "outside EU/EEA/CH", and 1.2/1.5 count seats as states involved;
* a self-employed person with equal shares in two states other than the residence state: the
  centre of interest (13(2)(b)) is read from the shares, and a tie goes to the state listed first.
"""

from __future__ import annotations

import copy

import pytest

import rules

from .builders import T87A, T878, compare, post, posted, sit
from .builders import seats as emp
from .builders import work as w

EXTRA_KEYS = ("certificate", "period")


def exp(leg, instrument, article, *, transitional=None, provisional=False, code=None, **extra):
    e = {
        "legislation": leg,
        "provision": {"instrument": instrument, "article": article},
        "transitional": transitional,
        "provisional": provisional,
        "a1_status_code": code,
    }
    e.update(extra)
    return e


def period(start, end):
    return {"start": start, "end": end}


def case(cid, title, situation, expected, source, notes=""):
    return {
        "id": cid,
        "title": title,
        "situation": situation,
        "expected": expected,
        "source": source,
        "notes": notes,
    }


A1 = "PD A1"

CASES = [
    # ---- C02: the 24-month limit on other days (L§2.3 P4) ----------------------------------
    case(
        "H02a",
        "Posting NL->FR 2024-01-31..2026-01-30: exactly 24 months from a month's last day",
        posted("2024-06-01", "NL", "FR", "2024-01-31", "2026-01-30"),
        exp("NL", "883/2004", "12(1)", code="01", certificate=A1, period=period("2024-01-31", "2026-01-30")),
        "L§2.3 P4 (ends the day before the anniversary: exactly 24 months, allowed)",
    ),
    case(
        "H02b",
        "Posting NL->FR 2024-01-31..2026-01-31: 24 months + 1 day",
        posted("2024-06-01", "NL", "FR", "2024-01-31", "2026-01-31"),
        exp("FR", "883/2004", "11(3)(a)", code="12"),
        "L§2.3 P4, P9 (over 24 months, no Art. 16 agreement -> state of work)",
    ),
    # ---- C04: Art. 16 agreements with EEA-EFTA and CH hosts (L§2.2 step 1, L§2.5 16(1)) ------
    case(
        "H04a",
        "Posting NL->CH 36 months (2024) with an Art. 16 agreement for NL",
        posted(
            "2024-06-01",
            "NL",
            "CH",
            "2024-01-01",
            "2026-12-31",
            art16_agreement={"state": "NL", "start": "2024-01-01", "end": "2026-12-31"},
        ),
        exp("NL", "883/2004", "16(1)", code="11", certificate=A1, period=period("2024-01-01", "2026-12-31")),
        "L§2.2 step 1; L§2.5 16(1) (NL practice up to 5 years); L§4.8 (3.11)",
    ),
    case(
        "H04b",
        "Posting NO->NL 30 months (2024), NO employer, with an Art. 16 agreement for NO",
        posted(
            "2024-06-01",
            "NO",
            "NL",
            "2024-02-01",
            "2026-07-31",
            art16_agreement={"state": "NO", "start": "2024-02-01", "end": "2026-07-31"},
        ),
        exp("NO", "883/2004", "16(1)", code="11", certificate=A1, period=period("2024-02-01", "2026-07-31")),
        "L§1.1 (NO a regulation country); L§2.5 16(1)",
    ),
    # ---- C05: a refusal reason cured by an Art. 16 agreement; a HR posting after accession ----
    case(
        "H05a",
        "Posting NL->BE replacing a posted worker, but an Art. 16 agreement for NL covers it",
        posted(
            "2024-06-01",
            "NL",
            "BE",
            "2024-05-01",
            "2025-04-30",
            replaces_posted_worker=True,
            art16_agreement={"state": "NL", "start": "2024-05-01", "end": "2025-04-30"},
        ),
        exp("NL", "883/2004", "16(1)", code="11", period=period("2024-05-01", "2025-04-30")),
        "L§2.2 order of evaluation: step 1 (Art. 16) comes before the posting test of step 6",
    ),
    case(
        "H05b",
        "Posting HR->NL 12 months (2014), HR employer, lives HR",
        posted("2014-06-01", "HR", "NL", "2014-03-01", "2015-02-28"),
        exp("HR", "883/2004", "12(1)", code="01", certificate=A1, period=period("2014-03-01", "2015-02-28")),
        "L§1.2 (HR from 2013-07-01); L§2.3",
    ),
    # ---- C07: the two-month gap a day either side (L§2.3 P7) ---------------------------------
    case(
        "H07a",
        "Fresh posting NL->BE one day short of 2 months after the last one ended (2024-01-15 -> 03-14)",
        posted(
            "2024-06-01",
            "NL",
            "BE",
            "2024-03-14",
            "2024-12-31",
            previous_posting_same_employer_host_end="2024-01-15",
        ),
        exp("BE", "883/2004", "11(3)(a)", code="12"),
        "L§2.3 P7 (at least 2 months after the previous posting ended)",
    ),
    case(
        "H07b",
        "Fresh posting NL->BE 2 months and 1 day after the last one ended (2024-01-15 -> 03-16)",
        posted(
            "2024-06-01",
            "NL",
            "BE",
            "2024-03-16",
            "2024-12-31",
            previous_posting_same_employer_host_end="2024-01-15",
        ),
        exp("NL", "883/2004", "12(1)", code="01", period=period("2024-03-16", "2024-12-31")),
        "L§2.3 P7",
    ),
    # ---- C09: a letterbox employer with an Art. 16 agreement; prior insurance just enough ----
    case(
        "H09a",
        "Employer without substantial activity in NL, but an Art. 16 agreement for NL",
        sit(
            "2024-06-01",
            "2024-03-01",
            "NL",
            "employed",
            w(("DE", 100)),
            emp("NL", substantial=False),
            posting=post(
                "NL",
                "DE",
                "2024-03-01",
                "2025-02-28",
                art16_agreement={"state": "NL", "start": "2024-03-01", "end": "2025-02-28"},
            ),
        ),
        exp("NL", "883/2004", "16(1)", code="11"),
        "L§2.2 step 1 before step 6 (P1 is a condition of Art. 12, not of Art. 16)",
    ),
    case(
        "H09b",
        "Posting NL->DK, insured in NL 3 months before (recruited shortly before)",
        posted(
            "2024-06-01", "NL", "DK", "2024-04-01", "2024-09-30", insured_in_sending_state_months_before=3
        ),
        exp("NL", "883/2004", "12(1)", code="01", period=period("2024-04-01", "2024-09-30")),
        "L§2.3 P3 (at least 1 month)",
    ),
    # ---- C10: leap-day starts (L§2.3 P4) -----------------------------------------------------
    case(
        "H10a",
        "Posting NL->AT 2024-02-29..2026-02-27 (under 24 months from a leap day)",
        posted("2024-06-01", "NL", "AT", "2024-02-29", "2026-02-27"),
        exp("NL", "883/2004", "12(1)", code="01", period=period("2024-02-29", "2026-02-27")),
        "L§2.3 P4",
    ),
    case(
        "H10b",
        "Posting NL->AT 2024-02-29..2026-03-01 (over 24 months from a leap day)",
        posted("2024-06-01", "NL", "AT", "2024-02-29", "2026-03-01"),
        exp("AT", "883/2004", "11(3)(a)", code="12"),
        "L§2.3 P4, P9",
    ),
    # ---- C11: asked for before the posting starts; posting by an employer in an EEA state ----
    case(
        "H11a",
        "Posting NL->BE asked for 2024-01-15, six weeks before it starts on 2024-03-01",
        posted("2024-01-15", "NL", "BE", "2024-03-01", "2025-02-28"),
        exp("NL", "883/2004", "12(1)", code="01", certificate=A1, period=period("2024-03-01", "2025-02-28")),
        "L§2.3 outcome (the A1 can be dated before the work starts); R987 15(1) (in advance)",
    ),
    case(
        "H11b",
        "Posting IS->NL 20 months (2024), IS employer, lives IS",
        posted("2024-06-01", "IS", "NL", "2024-01-01", "2025-08-31"),
        exp("IS", "883/2004", "12(1)", code="01", period=period("2024-01-01", "2025-08-31")),
        "L§1.1, L§1.2 (IS from 2012-06-01); L§2.3",
    ),
    # ---- C12: posting to CH; posting 24 months from the first of a month -------------------------
    case(
        "H12a",
        "Posting NL->CH 2025-01-01..2026-12-31 (exactly 24 months), asked for 2025-03-01",
        posted("2025-03-01", "NL", "CH", "2025-01-01", "2026-12-31"),
        exp("NL", "883/2004", "12(1)", code="01", period=period("2025-01-01", "2026-12-31")),
        "L§1.2 (CH from 2012-04-01); L§2.3 P4",
    ),
    case(
        "H12b",
        "Posting NL->LU 6 months: hired out onward and replacing a posted colleague",
        posted(
            "2024-06-01",
            "NL",
            "LU",
            "2024-04-01",
            "2024-09-30",
            replaces_posted_worker=True,
            placed_at_disposal_of_third_undertaking=True,
        ),
        exp("LU", "883/2004", "11(3)(a)", code="12"),
        "L§2.3 P5, P6",
    ),
    # ---- C13/C14: self-employed postings (L§2.3 Z1-Z4) --------------------------------------
    case(
        "H13a",
        "Self-employed NL->DE 2024-01-01..2026-01-01: 24 months + 1 day",
        posted(
            "2024-06-01",
            "NL",
            "DE",
            "2024-01-01",
            "2026-01-01",
            etype="self_employed",
            insured_in_sending_state_months_before=36,
        ),
        exp("DE", "883/2004", "11(3)(a)", code="12"),
        "L§2.3 Z4",
    ),
    case(
        "H13b",
        "Self-employed NL->CH 12 months (2024), 5 years of activity in NL",
        posted(
            "2024-06-01",
            "NL",
            "CH",
            "2024-03-01",
            "2025-02-28",
            etype="self_employed",
            insured_in_sending_state_months_before=60,
        ),
        exp("NL", "883/2004", "12(2)", code="03", certificate=A1, period=period("2024-03-01", "2025-02-28")),
        "L§2.3 12(2); L§4.8 (3.3)",
    ),
    case(
        "H14a",
        "Self-employed BE->NL 10 months (2024), 6 months of activity in BE",
        posted(
            "2024-06-01",
            "BE",
            "NL",
            "2024-02-01",
            "2024-11-30",
            etype="self_employed",
            insured_in_sending_state_months_before=6,
        ),
        exp("BE", "883/2004", "12(2)", code="03", period=period("2024-02-01", "2024-11-30")),
        "L§2.3 Z1 (at least 2 months)",
    ),
    case(
        "H14b",
        "Self-employed NL->BE 10 months in 2011 (883 era, EU states only)",
        posted(
            "2011-06-01",
            "NL",
            "BE",
            "2011-03-01",
            "2011-12-31",
            etype="self_employed",
            insured_in_sending_state_months_before=24,
        ),
        exp("NL", "883/2004", "12(2)", code="03", period=period("2011-03-01", "2011-12-31")),
        "L§1.2 (EU from 2010-05-01); L§2.3",
    ),
    # ---- C16/C17: frontier workers (L§2.5 11(3)(a); L§3.1 step 5) ---------------------------
    case(
        "H16a",
        "Frontier worker: lives FR, works only in LU for a LU employer",
        sit("2024-06-01", "2020-01-01", "FR", "employed", w(("LU", 100)), emp("LU")),
        exp("LU", "883/2004", "11(3)(a)", code="12"),
        "L§2.5 11(3)(a)",
    ),
    case(
        "H16b",
        "Frontier worker: lives NL, works only in CH for a CH employer (2024)",
        sit("2024-06-01", "2020-01-01", "NL", "employed", w(("CH", 100)), emp("CH")),
        exp("CH", "883/2004", "11(3)(a)", code="12"),
        "L§1.1; L§2.5 11(3)(a)",
    ),
    case(
        "H17a",
        "Frontier worker in 2009: lives BE, works only in NL for a NL employer",
        sit("2009-06-01", "2005-01-01", "BE", "employed", w(("NL", 100)), emp("NL")),
        exp("NL", "1408/71", "13(2)(a)", code=None),
        "L§3.1 step 5 (state of work, even if living elsewhere)",
    ),
    case(
        "H17b",
        "Frontier worker since 2011: lives DE, works only in AT for an AT employer (2015)",
        sit("2015-06-01", "2011-01-01", "DE", "employed", w(("AT", 100)), emp("AT")),
        exp("AT", "883/2004", "11(3)(a)", code="12"),
        "L§2.5 11(3)(a)",
    ),
    # ---- C19: inactive persons in CH and LI ------------------------------------------------
    case(
        "H19a",
        "Economically inactive resident of CH (2024)",
        sit("2024-06-01", "2020-01-01", "CH", "inactive", [], []),
        exp("CH", "883/2004", "11(3)(e)", code=None, certificate=None),
        "L§2.5 11(3)(e); L§2.2 step 7 (no A1)",
    ),
    case(
        "H19b",
        "Economically inactive resident of LI since 2013 (2016)",
        sit("2016-06-01", "2013-01-01", "LI", "inactive", [], []),
        exp("LI", "883/2004", "11(3)(e)", code=None, certificate=None),
        "L§1.2 (LI from 2012-06-01); L§2.5 11(3)(e)",
    ),
    # ---- C22, C24-C26: Art. 13(1) employed, one employer (L§2.4) -----------------------------
    case(
        "H22a",
        "Lives NL, NL 24.99 % / DE 75.01 % time and pay, DE employer",
        sit("2024-06-01", "2024-01-01", "NL", "employed", w(("NL", 24.99), ("DE", 75.01)), emp("DE")),
        exp("DE", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§2.4 (substantial := >= 25 %)",
    ),
    case(
        "H22b",
        "Lives AT, AT 24 % time but 25 % pay, DE 76 % / 75 %, DE employer",
        sit("2024-06-01", "2024-01-01", "AT", "employed", w(("AT", 24, 25), ("DE", 76, 75)), emp("DE")),
        exp("AT", "883/2004", "13(1)(a)", provisional=True, code="02", certificate=A1),
        "L§2.4 (time OR pay >= 25 %)",
    ),
    case(
        "H24a",
        "Lives DK, DK 30 % / SE 70 %, SE employer",
        sit("2024-06-01", "2024-01-01", "DK", "employed", w(("DK", 30), ("SE", 70)), emp("SE")),
        exp("DK", "883/2004", "13(1)(a)", provisional=True, code="02"),
        "L§2.4 13(1)(a)",
    ),
    case(
        "H24b",
        "Lives CH, CH 30 % / DE 70 %, DE employer (2024)",
        sit("2024-06-01", "2024-01-01", "CH", "employed", w(("CH", 30), ("DE", 70)), emp("DE")),
        exp("CH", "883/2004", "13(1)(a)", provisional=True, code="02"),
        "L§1.1; L§2.4 13(1)(a)",
    ),
    case(
        "H25a",
        "Lives NO, NO 10 % / SE 90 %, SE employer (2024)",
        sit("2024-06-01", "2024-01-01", "NO", "employed", w(("NO", 10), ("SE", 90)), emp("SE")),
        exp("SE", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§2.4 13(1)(b)(i)",
    ),
    case(
        "H25b",
        "Lives BE, BE 20 % / NL 40 % / LU 40 %, one LU employer",
        sit("2024-06-01", "2024-01-01", "BE", "employed", w(("BE", 20), ("NL", 40), ("LU", 40)), emp("LU")),
        exp("LU", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§2.4 13(1)(b)(i)",
    ),
    case(
        "H26a",
        "Lives NL, NL 30 % / DE 67 % / BE 3 % (marginal), DE employer",
        sit("2024-06-01", "2024-01-01", "NL", "employed", w(("NL", 30), ("DE", 67), ("BE", 3)), emp("DE")),
        exp("NL", "883/2004", "13(1)(a)", provisional=True, code="02"),
        "L§2.2 step 5 (BE marginal, dropped); L§2.4 13(1)(a)",
    ),
    case(
        "H26b",
        "Lives NL, NL 10 % / DE 87 % / BE 3 % (marginal), employer seated in JP",
        sit("2024-06-01", "2024-01-01", "NL", "employed", w(("NL", 10), ("DE", 87), ("BE", 3)), emp("JP")),
        exp("NL", "987/2009", "14(11)", provisional=True, code="02"),
        "L§2.4 (employer seated outside EU/EEA/CH -> residence, 987 14(11))",
    ),
    # ---- C32-C35: several employers (L§2.4 13(1)(b)(ii)-(iv)) --------------------------------
    case(
        "H32a",
        "Lives DE, DE 10 % / NL 50 % / BE 40 %, two employers both seated NL",
        sit(
            "2024-06-01",
            "2024-01-01",
            "DE",
            "employed",
            w(("DE", 10), ("NL", 50), ("BE", 40)),
            emp("NL", "NL"),
        ),
        exp("NL", "883/2004", "13(1)(b)(ii)", provisional=True, code="02"),
        "L§2.4 13(1)(b)(ii)",
    ),
    case(
        "H32b",
        "Lives FR, FR 20 % / LU 80 %, employers seated LU and FR",
        sit("2024-06-01", "2024-01-01", "FR", "employed", w(("FR", 20), ("LU", 80)), emp("LU", "FR")),
        exp("LU", "883/2004", "13(1)(b)(iii)", provisional=True, code="02"),
        "L§2.4 13(1)(b)(iii)",
    ),
    case(
        "H33a",
        "Lives NL, NL 10 % / DE 90 %, employers seated DE and CH",
        sit("2024-06-01", "2024-01-01", "NL", "employed", w(("NL", 10), ("DE", 90)), emp("DE", "CH")),
        exp("NL", "883/2004", "13(1)(b)(iv)", provisional=True, code="02"),
        "L§2.4 13(1)(b)(iv) (CH is not a third country)",
    ),
    case(
        "H33b",
        "Lives NL, NL 10 % / NO 90 %, employers seated NO and IS",
        sit("2024-06-01", "2024-01-01", "NL", "employed", w(("NL", 10), ("NO", 90)), emp("NO", "IS")),
        exp("NL", "883/2004", "13(1)(b)(iv)", provisional=True, code="02"),
        "L§2.4 13(1)(b)(iv)",
    ),
    case(
        "H34a",
        "Lives NL, NL 24.99 % / DE 75.01 %, employers seated NL and DE",
        sit("2024-06-01", "2024-01-01", "NL", "employed", w(("NL", 24.99), ("DE", 75.01)), emp("NL", "DE")),
        exp("DE", "883/2004", "13(1)(b)(iii)", provisional=True, code="02"),
        "L§2.4 13(1)(b)(iii)",
    ),
    case(
        "H34b",
        "Lives BE, exactly 25 % BE / 75 % NL, employers seated NL and DE",
        sit("2024-06-01", "2024-01-01", "BE", "employed", w(("BE", 25), ("NL", 75)), emp("NL", "DE")),
        exp("BE", "883/2004", "13(1)(a)", provisional=True, code="02"),
        "L§2.4 13(1)(a) comes before the seats",
    ),
    case(
        "H35a",
        "Lives NL, NL 10 % / DE 90 %, two employers seated in the US (same third country)",
        sit("2024-06-01", "2024-01-01", "NL", "employed", w(("NL", 10), ("DE", 90)), emp("US", "US")),
        exp("NL", "987/2009", "14(11)", provisional=True, code="02"),
        "L§2.4 (any employer seated outside EU/EEA/CH -> residence)",
    ),
    case(
        "H35b",
        "Lives SE, SE 15 % / FI 85 %, employers seated FI and SE, situation since 2011 (2013): 87a",
        sit("2013-06-01", "2011-01-01", "SE", "employed", w(("SE", 15), ("FI", 85)), emp("FI", "SE")),
        exp("SE", "883/2004", "13(1)(a)", transitional=T87A, code="02"),
        "L§1.2 (original 13(1)(a): several employers in different states -> residence; "
        "Reg. 465/2012 13(1)(b)(iii) gives FI; Art. 87a keeps SE)",
        "article of the old wording as the engine names it (13(1)(a), the original residence rule)",
    ),
    # ---- C37: self-employed in three states; employed and self-employed --------------------
    case(
        "H37a",
        "Self-employed in three states: lives NL, NL 30 % / DE 35 % / BE 35 %",
        sit(
            "2024-06-01",
            "2024-01-01",
            "NL",
            "self_employed",
            w(
                ("NL", 30, 30, "self_employed"),
                ("DE", 35, 35, "self_employed"),
                ("BE", 35, 35, "self_employed"),
            ),
            [],
        ),
        exp("NL", "883/2004", "13(2)(a)", provisional=True, code="04"),
        "L§2.4 13(2) (substantial part in the residence state)",
    ),
    case(
        "H37b",
        "Lives NL, self-employed 60 % in NL, employed 40 % in DE for a DE employer",
        sit(
            "2024-06-01",
            "2024-01-01",
            "NL",
            "employed_and_self_employed",
            w(("NL", 60, 60, "self_employed"), ("DE", 40, 40, "employed")),
            emp("DE"),
        ),
        exp("DE", "883/2004", "13(3)", provisional=True, code="08"),
        "L§2.4 13(3) (state of the employment)",
    ),
    # ---- C40: civil servants ----------------------------------------------------------------
    case(
        "H40a",
        "BE civil servant working in NL for the BE administration, lives NL",
        sit(
            "2024-06-01", "2022-01-01", "NL", "civil_servant", w(("NL", 100, 100, "civil_servant")), emp("BE")
        ),
        exp("BE", "883/2004", "11(3)(b)", code="05", certificate=A1),
        "L§2.5 11(3)(b)",
    ),
    case(
        "H40b",
        "NL civil servant (70 % in NL) also self-employed 30 % in BE, lives BE",
        sit(
            "2024-06-01",
            "2024-01-01",
            "BE",
            "civil_servant_and_employed",
            w(("NL", 70, 70, "civil_servant"), ("BE", 30, 30, "self_employed")),
            emp("NL"),
        ),
        exp("NL", "883/2004", "13(4)", provisional=True, code="09"),
        "L§2.4 13(4) (civil servant plus other work, employed or self-employed); L§4.8",
    ),
    # ---- C43: seafarers ---------------------------------------------------------------------
    case(
        "H43a",
        "Seafarer on a NO-flag vessel, NO employer, lives NL",
        sit("2024-06-01", "2024-01-01", "NL", "seafarer", w(("NO", 100)), emp("NO"), flag="NO"),
        exp("NO", "883/2004", "11(4)", code="07"),
        "L§2.5 11(4) first sentence",
    ),
    case(
        "H43b",
        "Seafarer on a MT-flag vessel, paid by a CH undertaking, lives CH (2024)",
        sit("2024-06-01", "2024-01-01", "CH", "seafarer", w(("MT", 100)), emp("CH"), flag="MT"),
        exp("CH", "883/2004", "11(4)", code="07"),
        "L§2.5 11(4) second sentence (CH a regulation country)",
    ),
    case(
        "H43c",
        "Seafarer living in BE posted by a NL employer onto a DE-flag vessel for 12 months",
        sit(
            "2024-06-01",
            "2024-03-01",
            "BE",
            "seafarer",
            w(("DE", 100)),
            emp("NL"),
            flag="DE",
            posting=post("NL", "DE", "2024-03-01", "2025-02-28"),
        ),
        exp("NL", "883/2004", "12(1)", code="01", period=period("2024-03-01", "2025-02-28")),
        "L§2.2 step 3 (work on board counts in DE), step 4 does not apply (lives BE, paid from NL), "
        "step 6 posting test; notes (a seafarer can still be posted, Art. 12)",
    ),
    # ---- C45: aircrew -----------------------------------------------------------------------
    case(
        "H45a",
        "Cabin crew, home base CH, DE airline, lives FR, flies CH/FR/DE (2024)",
        sit(
            "2024-06-01",
            "2024-01-01",
            "FR",
            "flight_crew",
            w(("CH", 40), ("FR", 30), ("DE", 30)),
            emp("DE"),
            base="CH",
        ),
        exp("CH", "883/2004", "13(1)", provisional=True, code="10"),
        "L§2.4 (aircrew: home base); like C44",
    ),
    case(
        "H45b",
        "Aircrew pattern starting 2012-06-28: lives DE, home base NL, IE airline, NL 40 / DE 10 / FR 50",
        sit(
            "2013-06-01",
            "2012-06-28",
            "DE",
            "flight_crew",
            w(("NL", 40), ("DE", 10), ("FR", 50)),
            emp("IE"),
            base="NL",
        ),
        exp("NL", "883/2004", "13(1)", provisional=True, code="10"),
        "L§1.2 (Reg. 465/2012 from 2012-06-28; no 87a for a situation that starts then)",
    ),
    # ---- C47-C50: CH and EEA-EFTA start dates ------------------------------------------------
    case(
        "H47a",
        "NL->CH posting from 2012-03-31 for 10 months, asked for 2012-03-31 (day before CH start)",
        posted("2012-03-31", "NL", "CH", "2012-03-31", "2013-01-30"),
        exp("NL", "1408/71", "14(1)(a)", code=None, certificate="E101"),
        "L§1.2; L§3.1 step 5",
    ),
    case(
        "H47b",
        "Same posting asked for 2012-04-01: both regulations give NL -> 883",
        posted("2012-04-01", "NL", "CH", "2012-03-31", "2013-01-30"),
        exp("NL", "883/2004", "12(1)", code="01", certificate=A1),
        "L§1.4 (same state -> 883 from the start date)",
    ),
    case(
        "H48a",
        "NL->LI posting from 2012-05-31 for 6 months, asked for 2012-05-31 (day before EEA start)",
        posted("2012-05-31", "NL", "LI", "2012-05-31", "2012-11-30"),
        exp("NL", "1408/71", "14(1)(a)", code=None, certificate="E101"),
        "L§1.2 (IS/LI/NO from 2012-06-01)",
    ),
    case(
        "H48b",
        "NL->IS posting starting 2012-06-01 (first day of 883 for IS)",
        posted("2012-06-01", "NL", "IS", "2012-06-01", "2013-05-31"),
        exp("NL", "883/2004", "12(1)", code="01", certificate=A1),
        "L§1.2",
    ),
    case(
        "H49a",
        "NL->CH posting 2011-05-01..2012-10-31 (18 months), asked for 2011-09-01",
        posted("2011-09-01", "NL", "CH", "2011-05-01", "2012-10-31"),
        exp("CH", "1408/71", "13(2)(a)", code=None),
        "L§3.1 step 5 (anticipated > 12 months: host state)",
    ),
    case(
        "H49b",
        "Lives CH since 2013, CH 10 % / DE 90 %, DE employer (2015)",
        sit("2015-06-01", "2013-01-01", "CH", "employed", w(("CH", 10), ("DE", 90)), emp("DE")),
        exp("DE", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§2.4",
    ),
    case(
        "H50a",
        "Lives NL since 2013, NL 30 % / NO 70 %, NO employer (2014)",
        sit("2014-06-01", "2013-01-01", "NL", "employed", w(("NL", 30), ("NO", 70)), emp("NO")),
        exp("NL", "883/2004", "13(1)(a)", provisional=True, code="02"),
        "L§2.4",
    ),
    case(
        "H50b",
        "Lives LI, works only in CH for a CH employer, 2011 (both before their start dates)",
        sit("2011-06-01", "2010-01-01", "LI", "employed", w(("CH", 100)), emp("CH")),
        exp("CH", "1408/71", "13(2)(a)", code=None),
        "L§1.2 (1408/71 via the EEA Agreement and the CH agreement)",
        "LI-CH relations rest on the EEA/CH agreements; legislation.md gives 1408/71 for both before "
        "their start dates",
    ),
    # ---- C53-C56: Art. 87(8) (L§1.4) --------------------------------------------------------
    case(
        "H53a",
        "C51 pattern unchanged since 2010-04-30 (the day before 883), evaluated 2015",
        sit("2015-01-01", "2010-04-30", "BE", "employed", w(("BE", 10), ("NL", 90)), emp("NL")),
        exp("BE", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.4 (situation begun before the start date and unchanged)",
    ),
    case(
        "H53b",
        "C51 pattern begun 2010-05-01 (the start date itself), evaluated 2015",
        sit("2015-01-01", "2010-05-01", "BE", "employed", w(("BE", 10), ("NL", 90)), emp("NL")),
        exp("NL", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.4 (no 1408/71 situation to keep)",
    ),
    case(
        "H54a",
        "C51 person asked late (2010-08-02); evaluated 2010-08-31: 1408/71 still",
        sit(
            "2010-08-31",
            "2008-01-01",
            "BE",
            "employed",
            w(("BE", 10), ("NL", 90)),
            emp("NL"),
            request="2010-08-02",
        ),
        exp("BE", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.4 opt-out (later than 3 months: from the first day of the following month)",
    ),
    case(
        "H54b",
        "C51 person asked late (2010-08-02); evaluated 2010-09-01: 883",
        sit(
            "2010-09-01",
            "2008-01-01",
            "BE",
            "employed",
            w(("BE", 10), ("NL", 90)),
            emp("NL"),
            request="2010-08-02",
        ),
        exp("NL", "883/2004", "13(1)(b)", provisional=True, code="02"),
        "L§1.4 opt-out; L§1.2 (before 2012-06-28 the original 13(1)(b): employer's seat)",
    ),
    case(
        "H55a",
        "Lives BE since 2008, BE 10 % / NL 90 %, employers seated NL and DE; 2015",
        sit("2015-01-01", "2008-01-01", "BE", "employed", w(("BE", 10), ("NL", 90)), emp("NL", "DE")),
        exp("BE", "883/2004", "13(1)(b)(iv)", provisional=True, code="02"),
        "L§1.4 (1408/71 14(2)(b)(i) and original 883 13(1)(a) both BE -> 883); "
        "L§1.2 (Reg. 465/2012 13(1)(b)(iv) also BE -> no 87a)",
    ),
    case(
        "H55b",
        "Lives NL since 2009, NL 10 % / FR 90 %, FR employer; changed on 2016-01-01 to NL 30 %",
        sit("2017-01-01", "2016-01-01", "NL", "employed", w(("NL", 30), ("FR", 70)), emp("FR")),
        exp("NL", "883/2004", "13(1)(a)", provisional=True, code="02"),
        "L§1.4 (a change ends the transition; 883 applies to the new situation)",
    ),
    case(
        "H56a",
        "87(8) with HR: lives HR, works HR 10 % / SI 90 %, SI employer since 2012; asked for 2013-07-01",
        sit("2013-07-01", "2012-01-01", "HR", "employed", w(("HR", 10), ("SI", 90)), emp("SI")),
        exp("SI", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.2 (HR: no 1408/71, no transition)",
    ),
    # ---- C58/C59: 1408/71 -------------------------------------------------------------------
    case(
        "H58a",
        "1408/71 posting NL->BE 2008-01-01..2009-01-01: 12 months + 1 day",
        posted("2008-06-01", "NL", "BE", "2008-01-01", "2009-01-01"),
        exp("BE", "1408/71", "13(2)(a)", code=None),
        "L§3.1 step 5 (expected duration <= 12 months)",
    ),
    case(
        "H58b",
        "1408/71 posting DE->AT 6 months (2005), DE employer, lives DE",
        posted("2005-06-01", "DE", "AT", "2005-03-01", "2005-08-31"),
        exp(
            "DE",
            "1408/71",
            "14(1)(a)",
            code=None,
            certificate="E101",
            period=period("2005-03-01", "2005-08-31"),
        ),
        "L§3.1 step 5; 574/72 Art. 11 (E101)",
    ),
    case(
        "H59a",
        "1408/71: lives FR, works NL 60 % / BE 40 % for employers seated NL and BE (2009)",
        sit("2009-06-01", "2008-01-01", "FR", "employed", w(("NL", 60), ("BE", 40)), emp("NL", "BE")),
        exp("FR", "1408/71", "14(2)(b)(i)", code=None),
        "L§3.1 step 6(b)(i) (several employers seated in different states -> residence)",
    ),
    case(
        "H59b",
        "1408/71 flight crew, lives DE, NL airline, NL 50 % / DE 20 % / FR 30 % (2009)",
        sit(
            "2009-06-01",
            "2008-01-01",
            "DE",
            "flight_crew",
            w(("NL", 50), ("DE", 20), ("FR", 30)),
            emp("NL"),
            base="NL",
        ),
        exp("NL", "1408/71", "14(2)(a)", code=None),
        "L§3.1 step 6(a) (international transport: the undertaking's seat; not principally in DE)",
    ),
    # ---- C61-C65: 1408/71 and the UK before and after Brexit ---------------------------------
    case(
        "H61a",
        "1408/71 posting GB->NL 10 months (2008), GB employer, lives GB",
        posted("2008-06-01", "GB", "NL", "2008-03-01", "2008-12-31"),
        exp("GB", "1408/71", "14(1)(a)", code=None, certificate="E101"),
        "L§1.1 (the UK a regulation country until 2020); L§3.1 step 5",
    ),
    case(
        "H62a",
        "Posting GB->NL 2010-02-01..2011-01-31 asked for 2010-06-01: both give GB -> 883",
        posted("2010-06-01", "GB", "NL", "2010-02-01", "2011-01-31"),
        exp("GB", "883/2004", "12(1)", code="01"),
        "L§1.4 (both regulations designate the same state)",
    ),
    case(
        "H63a",
        "WA: posting NL->GB starting 2020-12-31 for 24 months, asked for 2022-06-01",
        posted("2022-06-01", "NL", "GB", "2020-12-31", "2022-12-30"),
        exp("NL", "883/2004", "12(1)", code="01", certificate=A1),
        "L§1.5 (situation on or before 2020-12-31, continuing: 883 through the WA)",
    ),
    case(
        "H64a",
        "WA: lives NL since 2018, works only in GB for a GB employer (2023)",
        sit("2023-06-01", "2018-01-01", "NL", "employed", w(("GB", 100)), emp("GB")),
        exp("GB", "883/2004", "11(3)(a)", code="12"),
        "L§1.5 (WA)",
    ),
    case(
        "H65a",
        "TCA: posting IE->GB 12 months (2023), IE employer",
        posted("2023-06-01", "IE", "GB", "2023-03-01", "2024-02-29"),
        exp("IE", "TCA", "SSC.11(1)", code=None),
        "L§1.5 SSC.11",
    ),
    case(
        "H65b",
        "TCA: self-employed GB->DE 24 months + 1 day (2022-01-01..2024-01-01)",
        posted("2022-06-01", "GB", "DE", "2022-01-01", "2024-01-01", etype="self_employed"),
        exp("DE", "TCA", "SSC.10(3)(a)", code=None),
        "L§1.5 (detachment expected to exceed 24 months -> host state)",
    ),
    # ---- C67-C69: the UK with EFTA states, WA postings ----------------------------------------
    case(
        "H67a",
        "GB->NO posting 12 months (2023): not the TCA, UK-EEA EFTA convention",
        posted("2023-06-01", "GB", "NO", "2023-03-01", "2024-02-29"),
        exp(None, "none", None, code=None, certificate=None),
        "L§1.5 (the Protocol does not cover NO); README More decisions (names the convention)",
    ),
    case(
        "H68a",
        "Before Brexit: posting GB->NL 2019-01-01..2020-12-31, asked for 2020-06-01",
        posted("2020-06-01", "GB", "NL", "2019-01-01", "2020-12-31"),
        exp("GB", "883/2004", "12(1)", code="01", certificate=A1),
        "L§1.1; L§2.3",
    ),
    case(
        "H69a",
        "TCA: NL->GB posting 2021-01-01..2022-12-31 (exactly 24 months)",
        posted("2021-06-01", "NL", "GB", "2021-01-01", "2022-12-31"),
        exp("NL", "TCA", "SSC.11(1)", code=None),
        "L§1.5 SSC.11",
    ),
    # ---- C71-C73: Dutch bilateral treaties (L§1.6) -------------------------------------------
    case(
        "H71a",
        "NL->CA posting 60 months + 1 day",
        posted("2024-06-01", "NL", "CA", "2024-01-01", "2029-01-01"),
        exp("CA", "treaty:CA-NL", None, code=None),
        "L§1.6 (Canada 60 months)",
    ),
    case(
        "H71b",
        "NL->CL posting exactly 2 years",
        posted("2024-06-01", "NL", "CL", "2024-01-01", "2025-12-31"),
        exp("NL", "treaty:CL-NL", "8", code=None, certificate="treaty certificate"),
        "L§1.6 (Chile 2 years, Art. 8)",
    ),
    case(
        "H72a",
        "NL->KR posting 5 years + 1 day",
        posted("2024-06-01", "NL", "KR", "2024-01-01", "2029-01-01"),
        exp("KR", "treaty:KR-NL", None, code=None),
        "L§1.6 (Korea 5 years)",
    ),
    case(
        "H72b",
        "NL->AU posting 5 years + 1 day",
        posted("2024-06-01", "NL", "AU", "2024-01-01", "2029-01-01"),
        exp("AU", "treaty:AU-NL", None, code=None),
        "L§1.6 (Australia 5 years)",
    ),
    case(
        "H72c",
        "NL->UY posting exactly 24 months",
        posted("2024-06-01", "NL", "UY", "2024-01-01", "2025-12-31"),
        exp("NL", "treaty:NL-UY", "7", code=None, certificate="treaty certificate"),
        "L§1.6 (Uruguay 24 months, Art. 7)",
    ),
    case(
        "H73a",
        "NL->EG posting 24 months + 1 day",
        posted("2024-06-01", "NL", "EG", "2024-01-01", "2026-01-01"),
        exp("EG", "treaty:EG-NL", None, code=None),
        "L§1.6 (Egypt 24 months)",
    ),
    case(
        "H73b",
        "NL->IL posting exactly 24 months",
        posted("2024-06-01", "NL", "IL", "2024-01-01", "2025-12-31"),
        exp("NL", "treaty:IL-NL", "6b", code=None),
        "L§1.6 (Israel 24 months, Art. 6b)",
    ),
    # ---- C75-C80: no coordination -----------------------------------------------------------
    case(
        "H75a",
        "NL->BR posting 2 years (no regulation, no treaty)",
        posted("2024-06-01", "NL", "BR", "2024-01-01", "2025-12-31"),
        exp("NL", "national:NL", "", code=None, certificate=None),
        "L§1.6 last paragraph; like C74",
    ),
    case(
        "H76a",
        "Lives HR, HR 10 % / SI 90 %, SI employer, asked for 2013-06-30 (before accession)",
        sit("2013-06-30", "2012-01-01", "HR", "employed", w(("HR", 10), ("SI", 90)), emp("SI")),
        exp(None, "none", None, code=None, certificate=None),
        "L§1.2 (HR not a regulation country before 2013-07-01; no NL link, so no national:NL)",
    ),
    case(
        "H77a",
        "NL->HR posting 2012 (HR not yet in the EU; no NL-HR treaty listed)",
        posted("2012-06-01", "NL", "HR", "2012-03-01", "2012-12-31"),
        exp("NL", "national:NL", "", code=None, certificate=None),
        "L§1.2 (HR: national law or a bilateral treaty); L§1.6 (no HR treaty in the list)",
    ),  # ---- second batch: more states and combinations --------------------------------------
    case(
        "H22c",
        "Lives BE, works NL 50 % / DE 50 % (none in BE), one NL employer",
        sit("2024-06-01", "2024-01-01", "BE", "employed", w(("NL", 50), ("DE", 50)), emp("NL")),
        exp("NL", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§2.4 (no work in the residence state: not substantial; one employer -> seat)",
    ),
    case(
        "H24c",
        "Lives BE, works NL 50 % / DE 50 % (none in BE), one employer seated in BE",
        sit("2024-06-01", "2024-01-01", "BE", "employed", w(("NL", 50), ("DE", 50)), emp("BE")),
        exp("BE", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§2.4 13(1)(b)(i) (the seat, here the residence state)",
    ),
    case(
        "H32c",
        "Lives BE, works NL 60 % / DE 40 % (none in BE), employers seated BE and NL",
        sit("2024-06-01", "2024-01-01", "BE", "employed", w(("NL", 60), ("DE", 40)), emp("BE", "NL")),
        exp("NL", "883/2004", "13(1)(b)(iii)", provisional=True, code="02"),
        "L§2.4 13(1)(b)(iii) (seats = {R, X})",
    ),
    case(
        "H37c",
        "Lives BE: employed 50 % in NL (NL employer), self-employed 30 % BE and 20 % DE",
        sit(
            "2024-06-01",
            "2024-01-01",
            "BE",
            "employed_and_self_employed",
            w(("NL", 50, 50, "employed"), ("BE", 30, 30, "self_employed"), ("DE", 20, 20, "self_employed")),
            emp("NL"),
        ),
        exp("NL", "883/2004", "13(3)", provisional=True, code="08"),
        "L§2.4 13(3) (self-employed in two states does not change it)",
    ),
    case(
        "H45c",
        "Cabin crew, home base ES = residence, IE airline, flies ES 50 % / FR 50 %",
        sit("2024-06-01", "2024-01-01", "ES", "flight_crew", w(("ES", 50), ("FR", 50)), emp("IE"), base="ES"),
        exp("ES", "883/2004", "13(1)", provisional=True, code="10"),
        "L§2.4 (aircrew in two or more states: home base, 987 14(5a)); L§4.8 11(5) row (provisional "
        "when also under Art. 13); like C44",
    ),
    case(
        "H64b",
        "TCA: lives BE since 2022, works only in GB for a GB employer (2023)",
        sit("2023-06-01", "2022-01-01", "BE", "employed", w(("GB", 100)), emp("GB")),
        exp("GB", "TCA", "SSC.10(3)(a)", code=None),
        "L§1.5 (lex loci laboris SSC.10(3)(a))",
    ),
    case(
        "H55c",
        "87(8) self-employed: lives BE since 2008, self-employed BE 10 % / NL 90 %; 2015",
        sit(
            "2015-01-01",
            "2008-01-01",
            "BE",
            "self_employed",
            w(("BE", 10, 10, "self_employed"), ("NL", 90, 90, "self_employed")),
            [],
        ),
        exp("BE", "1408/71", "14a(2)", transitional=T878, code="04"),
        "L§3.1 step 7 (14a(2): residence if part of the activity is there); "
        "L§2.4 13(2) (10 % not substantial -> centre of interest, NL); L§1.4 keeps BE",
    ),
    case(
        "H72d",
        "US->NL posting 5 years + 1 day, US employer, lives US",
        posted("2024-06-01", "US", "NL", "2024-01-01", "2029-01-01"),
        exp("NL", "treaty:NL-US", None, code=None),
        "L§1.6 (USA 5 years)",
    ),
    case(
        "H71c",
        "NL->CN posting 5 years",
        posted("2024-06-01", "NL", "CN", "2024-01-01", "2028-12-31"),
        exp("NL", "treaty:CN-NL", None, code=None),
        "L§1.6 (China 5 years, intra-group)",
    ),
    case(
        "H71d",
        "NL->TN posting 12 months",
        posted("2024-06-01", "NL", "TN", "2024-01-01", "2024-12-31"),
        exp("NL", "treaty:NL-TN", None, code=None),
        "L§1.6 (Tunisia 12 months)",
    ),
    case(
        "H73c",
        "NL->CL posting 2 years + 1 day",
        posted("2024-06-01", "NL", "CL", "2024-01-01", "2026-01-01"),
        exp("CL", "treaty:CL-NL", None, code=None),
        "L§1.6 (Chile 2 years)",
    ),
    case(
        "H63b",
        "WA: posting NL->GB 2020-12-31..2023-01-31 (over 24 months, no agreement), asked 2021-06-01",
        posted("2021-06-01", "NL", "GB", "2020-12-31", "2023-01-31"),
        exp("GB", "883/2004", "11(3)(a)", code="12"),
        "L§1.5 (WA: 883); L§2.3 P4, P9",
    ),
    case(
        "H14c",
        "Self-employed NL->BE after only 1.9 months of activity in NL",
        posted(
            "2024-06-01",
            "NL",
            "BE",
            "2024-03-01",
            "2024-12-31",
            etype="self_employed",
            insured_in_sending_state_months_before=1.9,
        ),
        exp("BE", "883/2004", "11(3)(a)", code="12"),
        "L§2.3 Z1 (the SVB requires at least 2 months)",
    ),
    case(
        "H40c",
        "CH civil servant working in DE for a CH administration, lives DE (2024)",
        sit(
            "2024-06-01", "2022-01-01", "DE", "civil_servant", w(("DE", 100, 100, "civil_servant")), emp("CH")
        ),
        exp("CH", "883/2004", "11(3)(b)", code="05"),
        "L§2.5 11(3)(b)",
    ),
    case(
        "H05c",
        "CH national living in NL posted NL->BE 12 months (2024)",
        posted("2024-06-01", "NL", "BE", "2024-03-01", "2025-02-28", nationalities=["CH"]),
        exp("NL", "883/2004", "12(1)", code="01", period=period("2024-03-01", "2025-02-28")),
        "L§1.3 (nationals of the regulation countries)",
    ),
    case(
        "H43d",
        "Seafarer on a CY-flag vessel, paid by a DE undertaking, lives NL (neither rule 4 state)",
        sit("2024-06-01", "2024-01-01", "NL", "seafarer", w(("CY", 100)), emp("DE"), flag="CY"),
        exp("CY", "883/2004", "11(4)", code="07"),
        "L§2.5 11(4) first sentence (the exception needs the paying undertaking and residence in one state)",
    ),
    case(
        "H59c",
        "1408/71: lives NL, NL 30 % / DE 70 %, employers seated NL and DE (2009)",
        sit("2009-06-01", "2008-01-01", "NL", "employed", w(("NL", 30), ("DE", 70)), emp("NL", "DE")),
        exp("NL", "1408/71", "14(2)(b)(i)", code=None),
        "L§3.1 step 6(b)(i)",
    ),
    case(
        "H65c",
        "TCA: self-employed GB->FR exactly 24 months (2022-01-01..2023-12-31)",
        posted("2022-06-01", "GB", "FR", "2022-01-01", "2023-12-31", etype="self_employed"),
        exp("GB", "TCA", None, code=None),
        "L§1.5 SSC.11 (employee or self-employed, no more than 24 months)",
    ),
    case(
        "H67b",
        "CH->GB posting 12 months (2023): UK-CH convention, not the TCA",
        posted("2023-06-01", "CH", "GB", "2023-03-01", "2024-02-29"),
        exp(None, "none", None, code=None, certificate=None),
        "L§1.5 (the Protocol does not cover CH); README More decisions",
    ),
    # ---- third batch ----------------------------------------------------------------------
    case(
        "H58c",
        "1408/71 self-employed NL->BE exactly 12 months (2008-01-01..2008-12-31)",
        posted(
            "2008-06-01",
            "NL",
            "BE",
            "2008-01-01",
            "2008-12-31",
            etype="self_employed",
            insured_in_sending_state_months_before=24,
        ),
        exp("NL", "1408/71", "14a(1)", code=None, certificate="E101"),
        "L§3.1 step 7 (14a(1): temporary work abroad <= 12 months)",
    ),
    case(
        "H58d",
        "1408/71 self-employed NL->BE 12 months + 1 day (2008-01-01..2009-01-01)",
        posted(
            "2008-06-01",
            "NL",
            "BE",
            "2008-01-01",
            "2009-01-01",
            etype="self_employed",
            insured_in_sending_state_months_before=24,
        ),
        exp("BE", "1408/71", "13(2)(b)", code=None),
        "L§3.1 step 7; 1408/71 13(2)(b) (self-employed: state of the activity)",
    ),
    case(
        "H43e",
        "1408/71 seafarer living in BE posted by a NL employer onto a DE-flag vessel for 10 months (2009)",
        sit(
            "2009-06-01",
            "2009-03-01",
            "BE",
            "seafarer",
            w(("DE", 100)),
            emp("NL"),
            flag="DE",
            posting=post("NL", "DE", "2009-03-01", "2009-12-31"),
        ),
        exp("NL", "1408/71", "14b(1)", code=None),
        "L§3.1 step 4 (14b(1): posted onto a vessel of another flag <= 12 months -> sending state)",
    ),
    case(
        "H43f",
        "Seafarer living in BE posted by a NL employer onto a DE-flag vessel for 30 months (2024)",
        sit(
            "2024-06-01",
            "2024-03-01",
            "BE",
            "seafarer",
            w(("DE", 100)),
            emp("NL"),
            flag="DE",
            posting=post("NL", "DE", "2024-03-01", "2026-08-31"),
        ),
        exp("DE", "883/2004", "11(4)", code="07"),
        "L§2.3 P4 fails -> the state of work, which for work on board is the flag state (11(4))",
    ),
    case(
        "H04c",
        "Posting NL->DE 4 years; the Art. 16 agreement for NL covers only the first 2 years 6 months",
        posted(
            "2024-06-01",
            "NL",
            "DE",
            "2024-01-01",
            "2027-12-31",
            art16_agreement={"state": "NL", "start": "2024-01-01", "end": "2026-06-30"},
        ),
        exp("NL", "883/2004", "16(1)", code="11", period=period("2024-01-01", "2026-06-30")),
        "L§2.2 step 1 (agreement in force on the reference date); determination.md period (its dates)",
    ),
    case(
        "H56b",
        "Lives NL since 2010, NL 10 % / HR 90 %, HR employer; 2014 (no 87(8): 1408/71 never applied to HR)",
        sit("2014-06-01", "2010-01-01", "NL", "employed", w(("NL", 10), ("HR", 90)), emp("HR")),
        exp("HR", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.2 (HR row: no transition)",
    ),
    case(
        "H50c",
        "Lives NL since 2010, NL 10 / DE 45 / NO 45 %, DE employer; 2022-05-31: 87(8) (NO in the picture)",
        sit("2022-05-31", "2010-01-01", "NL", "employed", w(("NL", 10), ("DE", 45), ("NO", 45)), emp("DE")),
        exp("NL", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.2 (883 from the latest start date, NO 2012-06-01; cap until 2022-05-31); L§1.4",
    ),
    case(
        "H50d",
        "Same on 2022-06-01: the cap has passed",
        sit("2022-06-01", "2010-01-01", "NL", "employed", w(("NL", 10), ("DE", 45), ("NO", 45)), emp("DE")),
        exp("DE", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.2; L§1.4 (10-year cap)",
    ),
    case(
        "H19c",
        "Economically inactive resident of HR in 2014",
        sit("2014-06-01", "2010-01-01", "HR", "inactive", [], []),
        exp("HR", "883/2004", "11(3)(e)", code=None, certificate=None),
        "L§1.2 (HR from 2013-07-01); L§2.5 11(3)(e)",
    ),
    # ---- fourth batch ---------------------------------------------------------------------
    case(
        "H36a",
        "Self-employed: lives NL, NL 20 % / BE 80 %",
        sit(
            "2024-06-01",
            "2024-01-01",
            "NL",
            "self_employed",
            w(("NL", 20, 20, "self_employed"), ("BE", 80, 80, "self_employed")),
            [],
        ),
        exp("BE", "883/2004", "13(2)(b)", provisional=True, code="04"),
        "L§2.4 13(2) (not substantial in the residence state -> centre of interest; the only other state)",
    ),
    case(
        "H37d",
        "Lives NL: self-employed 97 % in NL, employed 3 % in DE (marginal) for a DE employer",
        sit(
            "2024-06-01",
            "2024-01-01",
            "NL",
            "employed_and_self_employed",
            w(("NL", 97, 97, "self_employed"), ("DE", 3, 3, "employed")),
            emp("DE"),
        ),
        exp("NL", "883/2004", "11(3)(a)", code="12"),
        "L§2.2 step 5 (marginal activity dropped) then step 6 (one state left -> 11(3)(a))",
        "987/2009 14(5b) disregards marginal activities for Art. 13",
    ),
    case(
        "H37e",
        "Lives BE: employed 96 % in NL (NL employer), self-employed 4 % in BE (marginal)",
        sit(
            "2024-06-01",
            "2024-01-01",
            "BE",
            "employed_and_self_employed",
            w(("NL", 96, 96, "employed"), ("BE", 4, 4, "self_employed")),
            emp("NL"),
        ),
        exp("NL", "883/2004", "11(3)(a)", code="12"),
        "L§2.2 steps 5-6",
    ),
    case(
        "H26d",
        "2011 (before Reg. 465/2012, no marginal rule): lives NL, NL 4 % / DE 96 %, DE employer",
        sit("2011-06-01", "2011-01-01", "NL", "employed", w(("NL", 4), ("DE", 96)), emp("DE")),
        exp("DE", "883/2004", "13(1)(b)", provisional=True, code="02"),
        "L§1.2 (987 14(5b) from 2012-06-28; original 13(1)(b): the employer's seat)",
    ),
    case(
        "H40d",
        "NL civil servant 60 % in NL, self-employed 40 % in BE, lives NL",
        sit(
            "2024-06-01",
            "2024-01-01",
            "NL",
            "civil_servant_and_employed",
            w(("NL", 60, 60, "civil_servant"), ("BE", 40, 40, "self_employed")),
            emp("NL"),
        ),
        exp("NL", "883/2004", "13(4)", provisional=True, code="09"),
        "L§2.4 13(4)",
    ),
    case(
        "H64c",
        "WA edge: lives NL, works only in GB for a GB employer since 2020-12-31 (2022)",
        sit("2022-06-01", "2020-12-31", "NL", "employed", w(("GB", 100)), emp("GB")),
        exp("GB", "883/2004", "11(3)(a)", code="12"),
        "L§1.5 (situation on or before 2020-12-31)",
    ),
    case(
        "H64d",
        "TCA edge: lives NL, works only in GB for a GB employer since 2021-01-01 (2022)",
        sit("2022-06-01", "2021-01-01", "NL", "employed", w(("GB", 100)), emp("GB")),
        exp("GB", "TCA", "SSC.10(3)(a)", code=None),
        "L§1.5 (TCA lex loci laboris)",
    ),
    case(
        "H11c",
        "Posting CH->DE 12 months (2024), CH employer, lives DE",
        posted("2024-06-01", "CH", "DE", "2024-01-01", "2024-12-31", residence="DE"),
        exp("CH", "883/2004", "12(1)", code="01", period=period("2024-01-01", "2024-12-31")),
        "L§2.3 (living in the host state does not stop a posting)",
    ),
    # ---- fifth batch: nationality and late requests ----------------------------------------
    case(
        "H12c",
        "US national living in NL posted NL->BE 2010-10-01..2011-09-30, asked for 2010-12-31",
        posted("2010-12-31", "NL", "BE", "2010-10-01", "2011-09-30", nationalities=["US"]),
        exp("NL", "1408/71", "14(1)(a)", code=None, certificate="E101"),
        "L§1.3 (Reg. 1231/2010 from 2011-01-01; before it 1408/71 through Reg. 859/2003)",
    ),
    case(
        "H12d",
        "Same posting asked for 2011-01-01 (Reg. 1231/2010 applies)",
        posted("2011-01-01", "NL", "BE", "2010-10-01", "2011-09-30", nationalities=["US"]),
        exp("NL", "883/2004", "12(1)", code="01", certificate=A1),
        "L§1.3; L§1.4 (both regulations designate NL)",
    ),
    case(
        "H75b",
        "US national living in NL posted NL->DK 10 months in 2009 (859/2003 leaves DK out)",
        posted("2009-06-01", "NL", "DK", "2009-03-01", "2009-12-31", nationalities=["US"]),
        exp("NL", "national:NL", "", code=None, certificate=None),
        "L§1.3 (third-country nationals not covered for DK); L§1.6 last paragraph",
    ),
    case(
        "H75c",
        "US national living in CH posted CH->DE 12 months (2024): no regulation, no NL link",
        posted("2024-06-01", "CH", "DE", "2024-01-01", "2024-12-31", nationalities=["US"]),
        exp(None, "none", None, code=None, certificate=None),
        "L§1.3 (1231/2010 does not apply to CH); determination.md (none: no national rule known)",
    ),
    case(
        "H53c",
        "87(8) with CH: lives NL since 2010, NL 10 % / CH 90 %, CH employer; asked 2012-07-02; 2012-07-31",
        sit(
            "2012-07-31",
            "2010-01-01",
            "NL",
            "employed",
            w(("NL", 10), ("CH", 90)),
            emp("CH"),
            request="2012-07-02",
        ),
        exp("NL", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.4 (later than 3 months after 2012-04-01: from the first day of the following month)",
    ),
    case(
        "H53d",
        "Same, evaluated 2012-08-01: 883 from the request's effect",
        sit(
            "2012-08-01",
            "2010-01-01",
            "NL",
            "employed",
            w(("NL", 10), ("CH", 90)),
            emp("CH"),
            request="2012-07-02",
        ),
        exp("CH", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.4; L§2.4",
    ),
    # ---- sixth batch: two rules at once --------------------------------------------------
    case(
        "H45d",
        "Cabin crew posted by a NL airline to its BE home base for 12 months, lives NL, flies only from BE",
        sit(
            "2024-06-01",
            "2024-03-01",
            "NL",
            "flight_crew",
            w(("BE", 100)),
            emp("NL"),
            base="BE",
            posting=post("NL", "BE", "2024-03-01", "2025-02-28"),
        ),
        exp("NL", "883/2004", "12(1)", code="01", period=period("2024-03-01", "2025-02-28")),
        "L§2.2 notes (aircrew can still be posted, Art. 12); L§4.8 (12(1) -> 3.1)",
    ),
    case(
        "H43g",
        "1408/71 seafarer living in BE posted by a NL employer onto a DE-flag vessel for 18 months (2009)",
        sit(
            "2009-06-01",
            "2009-03-01",
            "BE",
            "seafarer",
            w(("DE", 100)),
            emp("NL"),
            flag="DE",
            posting=post("NL", "DE", "2009-03-01", "2010-08-31"),
        ),
        exp("DE", "1408/71", "13(2)(c)", code=None),
        "L§3.1 step 4 (14b(1) only up to 12 months; otherwise the flag state, 13(2)(c))",
    ),
    case(
        "H72e",
        "NL->JP posting 7 years with an agreement for NL (longer by agreement)",
        posted(
            "2024-06-01",
            "NL",
            "JP",
            "2024-01-01",
            "2030-12-31",
            art16_agreement={"state": "NL", "start": "2024-01-01", "end": "2030-12-31"},
        ),
        exp("NL", "treaty:JP-NL", None, code=None),
        "L§1.6 (Japan: 5 years, longer by agreement)",
    ),
    case(
        "H73d",
        "NL->CV posting 24 months with the host state's consent to the extension",
        posted(
            "2024-06-01",
            "NL",
            "CV",
            "2024-01-01",
            "2025-12-31",
            art16_agreement={"state": "NL", "start": "2024-01-01", "end": "2025-12-31"},
        ),
        exp("NL", "treaty:CV-NL", "7", code=None),
        "L§1.6 (Cape Verde 12 + 12 with host consent, Art. 7); README More decisions",
    ),
    # ---- seventh batch: request windows, E102, automatic 883 --------------------------------
    case(
        "H54c",
        "C51 person asked 2010-07-31 (last day within 3 months of 2010-05-01); evaluated 2010-08-20",
        sit(
            "2010-08-20",
            "2008-01-01",
            "BE",
            "employed",
            w(("BE", 10), ("NL", 90)),
            emp("NL"),
            request="2010-07-31",
        ),
        exp("NL", "883/2004", "13(1)(b)", provisional=True, code="02"),
        "L§1.4 opt-out (within 3 months: from the start date); L§1.2 (original 13(1)(b))",
    ),
    case(
        "H54d",
        "C51 person asked 2010-08-01 (3 months after 2010-05-01: late); evaluated 2010-08-20",
        sit(
            "2010-08-20",
            "2008-01-01",
            "BE",
            "employed",
            w(("BE", 10), ("NL", 90)),
            emp("NL"),
            request="2010-08-01",
        ),
        exp("BE", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.4 opt-out (later: from the first day of the following month, 2010-09-01)",
    ),
    case(
        "H58e",
        "1408/71 posting NL->BE 18 months whose last 6 months the host state agreed as an extension (E102)",
        posted(
            "2009-03-01",
            "NL",
            "BE",
            "2008-01-01",
            "2009-06-30",
            art16_agreement={"state": "NL", "start": "2009-01-01", "end": "2009-06-30"},
        ),
        exp(
            "NL",
            "1408/71",
            "14(1)(b)",
            code=None,
            certificate="E102",
            period=period("2009-01-01", "2009-06-30"),
        ),
        "L§3.1 step 5 (14(1)(b): at most 12 more months with the host state's consent, form E102)",
    ),
    case(
        "H62b",
        "C60 pattern since 2008 (lives DE, NL 60 % / BE 40 %, NL employer) evaluated 2015: both give NL",
        sit("2015-06-01", "2008-01-01", "DE", "employed", w(("NL", 60), ("BE", 40)), emp("NL")),
        exp("NL", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.4 (same state under both: 883 automatically)",
    ),
    case(
        "H69b",
        "TCA: GB->NL detachment 36 months with an agreed exception for GB",
        posted(
            "2022-06-01",
            "GB",
            "NL",
            "2022-01-01",
            "2024-12-31",
            art16_agreement={"state": "GB", "start": "2022-01-01", "end": "2024-12-31"},
        ),
        exp("GB", "TCA", None, code=None, period=period("2022-01-01", "2024-12-31")),
        "L§1.5 (TCA copies 883; exceptions by agreement); article numbering not in legislation.md",
    ),
    # ---- eighth batch: the UK with EFTA states under the WA, the TCA in three states ---------
    case(
        "H67c",
        "WA with NO: lives NO since 2019, NO 10 % / GB 90 %, GB employer (2023)",
        sit("2023-06-01", "2019-01-01", "NO", "employed", w(("NO", 10), ("GB", 90)), emp("GB")),
        exp("GB", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.5 (parallel separation agreement with NO **[unverified]**: the EU rules continue)",
    ),
    case(
        "H67d",
        "WA with CH: posting GB->CH 2020-06-01..2022-05-31, asked for 2022-01-01",
        posted("2022-01-01", "GB", "CH", "2020-06-01", "2022-05-31"),
        exp("GB", "883/2004", "12(1)", code="01", period=period("2020-06-01", "2022-05-31")),
        "L§1.5 (parallel separation agreement with CH **[unverified]**)",
    ),
    case(
        "H68b",
        "TCA: lives FR since 2022, FR 30 % / GB 40 % / DE 30 %, GB employer (2023)",
        sit("2023-06-01", "2022-01-01", "FR", "employed", w(("FR", 30), ("GB", 40), ("DE", 30)), emp("GB")),
        exp("FR", "TCA", None, provisional=True, code=None),
        "L§1.5 (multi-state: residence state if substantial; article numbering to verify)",
    ),
    case(
        "H68c",
        "TCA: lives GB since 2022, GB 10 % / FR 45 % / DE 45 %, employers seated FR and DE (2023)",
        sit(
            "2023-06-01",
            "2022-01-01",
            "GB",
            "employed",
            w(("GB", 10), ("FR", 45), ("DE", 45)),
            emp("FR", "DE"),
        ),
        exp("GB", "TCA", None, provisional=True, code=None),
        "L§1.5 (the Protocol copies Art. 13: two seats outside the residence state -> residence)",
    ),
    case(
        "H53e",
        "87(8) with CH: the C53 person asked 2012-06-30 (within 3 months of 2012-04-01); 2012-07-15",
        sit(
            "2012-07-15",
            "2010-01-01",
            "NL",
            "employed",
            w(("NL", 10), ("CH", 90)),
            emp("CH"),
            request="2012-06-30",
        ),
        exp("CH", "883/2004", "13(1)(b)(i)", provisional=True, code="02"),
        "L§1.4 opt-out (from the start date 2012-04-01); L§1.2 (Reg. 465/2012 wording from 2012-06-28)",
    ),
    case(
        "H53f",
        "Same person asked 2012-07-01 (late); 2012-07-15: 1408/71 still",
        sit(
            "2012-07-15",
            "2010-01-01",
            "NL",
            "employed",
            w(("NL", 10), ("CH", 90)),
            emp("CH"),
            request="2012-07-01",
        ),
        exp("NL", "1408/71", "14(2)(b)(i)", transitional=T878, code="02"),
        "L§1.4 opt-out (from 2012-08-01)",
    ),
]


def test_ids_are_unique():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case_", CASES, ids=[c["id"] for c in CASES])
def test_gap_case(case_):
    result = rules.determine(copy.deepcopy(case_["situation"]))
    mismatches = compare(case_, result)
    assert not mismatches, f"{case_['id']} {case_['title']}: " + "; ".join(mismatches)
