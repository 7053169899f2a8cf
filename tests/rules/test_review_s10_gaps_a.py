"""Session 10 review: plausible cases for the gaps C02..C40 of cases-public.json.

Each gap id gets 2-4 cases on the topic of its public neighbours, in the same JSON shape as
shared/domain/cases-public.json. Every expected answer is derived from
shared/domain/legislation.md (section cited in ``source``); the test compares exactly the keys
the public cases compare.
"""

import copy

import pytest

import rules

POSTING_OK = {
    "replaces_posted_worker": False,
    "insured_in_sending_state_months_before": 12,
    "direct_relationship_maintained": True,
    "previous_posting_same_employer_host_end": None,
    "art16_agreement": None,
    "placed_at_disposal_of_third_undertaking": False,
}


def situation(
    residence,
    employment_type,
    work,
    employers,
    posting=None,
    reference_date="2024-06-01",
    situation_start="2024-01-01",
    flag_state=None,
    home_base=None,
):
    """A full situation in the shape of cases-public.json.

    ``work`` is a list of (country, time_pct, remuneration_pct, activity); ``employers`` a list of
    seats (all with substantial activity) or (seat, substantial) pairs.
    """
    return {
        "reference_date": reference_date,
        "situation_start": situation_start,
        "residence": residence,
        "employment_type": employment_type,
        "work": [{"country": c, "time_pct": t, "remuneration_pct": r, "activity": a} for c, t, r, a in work],
        "employers": [
            {"seat": e, "substantial_activity_in_seat": True}
            if isinstance(e, str)
            else {"seat": e[0], "substantial_activity_in_seat": e[1]}
            for e in employers
        ],
        "flag_state": flag_state,
        "home_base": home_base,
        "posting": posting,
        "art87_8_request_date": None,
    }


def posting(sending, host, start, end, **changes):
    result = {"sending_state": sending, "host_state": host, "start": start, "end": end}
    result.update(copy.deepcopy(POSTING_OK))
    result.update(changes)
    return result


def expected(legislation, instrument, article, provisional, code, transitional=None):
    return {
        "legislation": legislation,
        "provision": {"instrument": instrument, "article": article},
        "transitional": transitional,
        "provisional": provisional,
        "a1_status_code": code,
    }


def posted(sending="NL", host="BE", start="2024-01-01", end="2024-12-31", **changes):
    """An employed NL resident posted from an NL employer; ``changes`` alter the posting."""
    return situation(
        "NL",
        "employed",
        [(host, 100, 100, "employed")],
        [sending],
        posting=posting(sending, host, start, end, **changes),
        situation_start=start,
    )


def posted_self_employed(start="2024-01-01", end="2024-12-31", employers=("NL",), **changes):
    return situation(
        "NL",
        "self_employed",
        [("BE", 100, 100, "self_employed")],
        list(employers),
        posting=posting("NL", "BE", start, end, **changes),
        situation_start=start,
    )


def multi(residence, shares, employers, employment_type="employed", activity="employed", **kw):
    """Work in several states: ``shares`` is a list of (country, time, pay)."""
    return situation(
        residence,
        employment_type,
        [(c, t, r, activity) for c, t, r in shares],
        employers,
        **kw,
    )


SENDING_12_1 = expected("NL", "883/2004", "12(1)", False, "01")


def host(state="BE"):
    return expected(state, "883/2004", "11(3)(a)", False, "12")


CASES = [
    # ---- C02: the 24-month limit from below (legislation.md 2.3 P4) ----
    {
        "id": "G02a",
        "title": "Posting NL->DE of exactly 24 months (ends the day before the anniversary)",
        "situation": posted(host="DE", start="2024-01-01", end="2025-12-31"),
        "expected": expected("NL", "883/2004", "12(1)", False, "01"),
        "source": "legislation.md 2.3 P4 ('a period ending the day before the 24-month "
        "anniversary is exactly 24 months and is allowed')",
    },
    {
        "id": "G02b",
        "title": "Posting NL->BE of 23 months, mid-month start",
        "situation": posted(start="2024-03-15", end="2026-02-14"),
        "expected": SENDING_12_1,
        "source": "legislation.md 2.3 P4",
    },
    {
        "id": "G02c",
        "title": "Posting NL->BE of 24 months starting mid-month, ends on the anniversary",
        "situation": posted(start="2024-03-15", end="2026-03-15"),
        "expected": host(),
        "source": "legislation.md 2.3 P4 (ending on the anniversary = 24 months + 1 day), P9",
    },
    # ---- C04/C05: Art. 16 agreements (legislation.md 2.2 step 1, 2.5 16(1), 4.8) ----
    {
        "id": "G04a",
        "title": "Posting NL->DE 4 years with an Art. 16 agreement for NL",
        "situation": posted(
            host="DE",
            start="2024-01-01",
            end="2027-12-31",
            art16_agreement={"state": "NL", "start": "2024-01-01", "end": "2027-12-31"},
        ),
        "expected": expected("NL", "883/2004", "16(1)", False, "11"),
        "source": "legislation.md 2.2 step 1; 2.5 (16(1), NL practice up to 5 years); 4.8",
    },
    {
        "id": "G04b",
        "title": "Art. 16 agreement ended; reference date after it, posting still planned > 24 m",
        "situation": dict(
            posted(
                host="DE",
                start="2021-01-01",
                end="2025-12-31",
                art16_agreement={"state": "NL", "start": "2021-01-01", "end": "2023-12-31"},
            ),
            reference_date="2024-06-01",
        ),
        "expected": host("DE"),
        "source": "legislation.md 2.2 step 1 ('agreement in force for this person/period'), 2.3 P4/P9",
    },
    {
        "id": "G04c",
        "title": "Self-employed posting NL->BE 3 years with an Art. 16 agreement for NL",
        "situation": posted_self_employed(
            start="2024-01-01",
            end="2026-12-31",
            insured_in_sending_state_months_before=36,
            art16_agreement={"state": "NL", "start": "2024-01-01", "end": "2026-12-31"},
        ),
        "expected": expected("NL", "883/2004", "16(1)", False, "11"),
        "source": "legislation.md 2.2 step 1; 2.5 16(1); 4.8",
    },
    {
        "id": "G05a",
        "title": "Art. 16 agreement for the host state (worker wants host-state cover)",
        "situation": posted(
            host="DE",
            start="2024-01-01",
            end="2024-12-31",
            art16_agreement={"state": "DE", "start": "2024-01-01", "end": "2024-12-31"},
        ),
        "expected": expected("DE", "883/2004", "16(1)", False, "11"),
        "source": "legislation.md 2.2 step 1 (that state, Art. 16(1)); 2.5 (exceptions agreed "
        "in the interest of persons)",
    },
    {
        "id": "G05b",
        "title": "Posting NL->BE 30 months, no agreement: host state",
        "situation": posted(start="2024-01-01", end="2026-06-30"),
        "expected": host(),
        "source": "legislation.md 2.3 P4, P9",
    },
    # ---- C07: prior insurance (P3) ----
    {
        "id": "G07a",
        "title": "Insured in NL only 2 weeks before the posting",
        "situation": posted(insured_in_sending_state_months_before=0.5),
        "expected": host(),
        "source": "legislation.md 2.3 P3 (in practice at least 1 month)",
    },
    {
        "id": "G07b",
        "title": "Insured in NL exactly 1 month before the posting",
        "situation": posted(insured_in_sending_state_months_before=1),
        "expected": SENDING_12_1,
        "source": "legislation.md 2.3 P3",
    },
    {
        "id": "G07c",
        "title": "Replacement of a posted worker, own posting only 6 months",
        "situation": posted(end="2024-06-30", replaces_posted_worker=True),
        "expected": host(),
        "source": "legislation.md 2.3 P5",
    },
    # ---- C09..C14: the other posting conditions ----
    {
        "id": "G09a",
        "title": "Direct relationship with the sending employer broken (host pays and directs)",
        "situation": posted(direct_relationship_maintained=False),
        "expected": host(),
        "source": "legislation.md 2.3 P2",
    },
    {
        "id": "G10a",
        "title": "Host undertaking hires the posted worker out to a third undertaking",
        "situation": posted(placed_at_disposal_of_third_undertaking=True),
        "expected": host(),
        "source": "legislation.md 2.3 P6",
    },
    {
        "id": "G11a",
        "title": "Fresh posting 2 weeks after the previous posting to BE ended",
        "situation": posted(
            start="2024-03-01",
            end="2024-12-31",
            previous_posting_same_employer_host_end="2024-02-15",
        ),
        "expected": host(),
        "source": "legislation.md 2.3 P7",
    },
    {
        "id": "G11b",
        "title": "Fresh posting 4 months after the previous posting to BE ended",
        "situation": posted(
            start="2024-03-01",
            end="2024-12-31",
            previous_posting_same_employer_host_end="2023-10-31",
        ),
        "expected": SENDING_12_1,
        "source": "legislation.md 2.3 P7",
    },
    {
        "id": "G12a",
        "title": "Previous posting ended 1 month ago, but to another state (DE)",
        "situation": posted(
            start="2024-03-01",
            end="2024-12-31",
            previous_posting_same_employer_host_end=None,
        ),
        "expected": SENDING_12_1,
        "source": "legislation.md 2.3 P7 (same state only)",
    },
    {
        "id": "G13a",
        "title": "Letterbox employer: no substantial activity in NL",
        "situation": dict(posted(), employers=[{"seat": "NL", "substantial_activity_in_seat": False}]),
        "expected": host(),
        "source": "legislation.md 2.3 P1",
    },
    {
        "id": "G13b",
        "title": "Posted worker who lives in the host state (BE), NL employer",
        "situation": dict(posted(), residence="BE"),
        "expected": SENDING_12_1,
        "source": "legislation.md 2.3 (residence is not a posting condition)",
    },
    {
        "id": "G14a",
        "title": "No posting declared: NL resident, NL employer, works only in DE",
        "situation": situation("NL", "employed", [("DE", 100, 100, "employed")], ["NL"]),
        "expected": host("DE"),
        "source": "legislation.md 2.2 step 6; 2.5 11(3)(a)",
    },
    {
        "id": "G14b",
        "title": "Posting NL->BE of a US national living legally in NL (Reg. 1231/2010)",
        "situation": dict(posted(), nationalities=["US"]),
        "expected": SENDING_12_1,
        "source": "legislation.md 1.3 (Reg. 1231/2010); 2.3",
    },
    # ---- C16/C17: self-employed postings (2.3 Z1..Z4) ----
    {
        "id": "G16a",
        "title": "Self-employed in NL only 1 month before going to BE",
        "situation": posted_self_employed(insured_in_sending_state_months_before=1),
        "expected": host(),
        "source": "legislation.md 2.3 Z1 (SVB: at least 2 months)",
    },
    {
        "id": "G16b",
        "title": "Self-employed in NL exactly 2 months before going to BE",
        "situation": posted_self_employed(insured_in_sending_state_months_before=2),
        "expected": expected("NL", "883/2004", "12(2)", False, "03"),
        "source": "legislation.md 2.3 Z1",
    },
    {
        "id": "G17a",
        "title": "Self-employed posting NL->BE of 30 months",
        "situation": posted_self_employed(end="2026-06-30", insured_in_sending_state_months_before=48),
        "expected": host(),
        "source": "legislation.md 2.3 Z4",
    },
    {
        "id": "G17b",
        "title": "Self-employed posting NL->BE of exactly 24 months, no employers listed",
        "situation": posted_self_employed(
            end="2025-12-31", employers=(), insured_in_sending_state_months_before=48
        ),
        "expected": expected("NL", "883/2004", "12(2)", False, "03"),
        "source": "legislation.md 2.3 Z4, P4 (24 months allowed); determination.md (employers "
        "required for employed types only)",
    },
    # ---- C19: frontier workers and inactive persons ----
    {
        "id": "G19a",
        "title": "Frontier worker: lives DE, DE employer, works only in NL (no posting)",
        "situation": situation("DE", "employed", [("NL", 100, 100, "employed")], ["DE"]),
        "expected": host("NL"),
        "source": "legislation.md 2.5 11(3)(a)",
    },
    {
        "id": "G19b",
        "title": "Self-employed frontier worker: lives BE, works only in NL",
        "situation": situation("BE", "self_employed", [("NL", 100, 100, "self_employed")], []),
        "expected": host("NL"),
        "source": "legislation.md 2.5 11(3)(a)",
    },
    {
        "id": "G19c",
        "title": "Economically inactive resident of NO",
        "situation": situation("NO", "inactive", [], []),
        "expected": expected("NO", "883/2004", "11(3)(e)", False, None),
        "source": "legislation.md 2.2 step 7; 2.5 11(3)(e)",
    },
    {
        "id": "G19d",
        "title": "Economically inactive resident of NL in 2009 (1408/71)",
        "situation": situation(
            "NL", "inactive", [], [], reference_date="2009-06-01", situation_start="2008-01-01"
        ),
        "expected": expected("NL", "1408/71", "13(2)(f)", False, None),
        "source": "legislation.md 1.2; 3.1 step 9",
    },
    # ---- C22/C24/C25/C26: the 25 % boundary, pay vs time, marginal work ----
    {
        "id": "G22a",
        "title": "Exactly 25% time and pay in the residence state",
        "situation": multi("BE", [("BE", 25, 25), ("NL", 75, 75)], ["NL"]),
        "expected": expected("BE", "883/2004", "13(1)(a)", True, "02"),
        "source": "legislation.md 2.4 (substantial := time >= 25% OR pay >= 25%)",
    },
    {
        "id": "G22b",
        "title": "25% time but 24% pay in the residence state",
        "situation": multi("BE", [("BE", 25, 24), ("NL", 75, 76)], ["NL"]),
        "expected": expected("BE", "883/2004", "13(1)(a)", True, "02"),
        "source": "legislation.md 2.4",
    },
    {
        "id": "G24a",
        "title": "Pay share 30% but time share 20% in the residence state",
        "situation": multi("NL", [("NL", 20, 30), ("DE", 80, 70)], ["DE"]),
        "expected": expected("NL", "883/2004", "13(1)(a)", True, "02"),
        "source": "legislation.md 2.4 (OR: either share suffices)",
    },
    {
        "id": "G24b",
        "title": "Time share 30% but pay share 15% in the residence state",
        "situation": multi("NL", [("NL", 30, 15), ("DE", 70, 85)], ["DE"]),
        "expected": expected("NL", "883/2004", "13(1)(a)", True, "02"),
        "source": "legislation.md 2.4",
    },
    {
        "id": "G25a",
        "title": "Marginal work (4% time and pay) in the residence state NL, rest in DE",
        "situation": multi("NL", [("NL", 4, 4), ("DE", 96, 96)], ["NL"]),
        "expected": host("DE"),
        "source": "legislation.md 2.2 steps 5-6 (marginal dropped; one state left -> 11(3)(a))",
    },
    {
        "id": "G25b",
        "title": "Marginal work (3%) in DE, lives and works 97% in NL for a DE employer",
        "situation": multi("NL", [("NL", 97, 97), ("DE", 3, 3)], ["DE"]),
        "expected": host("NL"),
        "source": "legislation.md 2.2 steps 5-6",
    },
    {
        "id": "G26a",
        "title": "5% time and pay in the residence state is not marginal",
        "situation": multi("NL", [("NL", 5, 5), ("DE", 95, 95)], ["NL"]),
        "expected": expected("NL", "883/2004", "13(1)(b)(i)", True, "02"),
        "source": "legislation.md 2.2 step 5 (< 5%); 2.4 13(1)(b)(i)",
    },
    {
        "id": "G26b",
        "title": "3% time but 10% pay in the residence state: not marginal, not substantial",
        "situation": multi("NL", [("NL", 3, 10), ("DE", 97, 90)], ["DE"]),
        "expected": expected("DE", "883/2004", "13(1)(b)(i)", True, "02"),
        "source": "legislation.md 2.2 step 5 (marginal needs time AND pay < 5%); 2.4",
    },
    # ---- C32..C35: employers outside the EU, several employers ----
    {
        "id": "G32a",
        "title": "One employer seated in the US, lives NL with 10% NL / 90% DE",
        "situation": multi("NL", [("NL", 10, 10), ("DE", 90, 90)], ["US"]),
        "expected": expected("NL", "987/2009", "14(11)", True, "02"),
        "source": "legislation.md 2.4 (987 14(11))",
    },
    {
        "id": "G32b",
        "title": "US employer but 30% in the residence state: 13(1)(a) comes first",
        "situation": multi("NL", [("NL", 30, 30), ("DE", 70, 70)], ["US"]),
        "expected": expected("NL", "883/2004", "13(1)(a)", True, "02"),
        "source": "legislation.md 2.4 (order: substantial(R) first)",
    },
    {
        "id": "G33a",
        "title": "Two employers, one in the US and one in DE; lives BE with 10% BE",
        "situation": multi("BE", [("BE", 10, 10), ("DE", 60, 60), ("NL", 30, 30)], ["US", "DE"]),
        "expected": expected("BE", "987/2009", "14(11)", True, "02"),
        "source": "legislation.md 2.4 ('any employer seated outside EU/EEA/CH')",
    },
    {
        "id": "G33b",
        "title": "US employer, work only in DE, lives NL",
        "situation": situation("NL", "employed", [("DE", 100, 100, "employed")], ["US"]),
        "expected": host("DE"),
        "source": "legislation.md 2.2 step 6 (one state of work -> 11(3)(a))",
    },
    {
        "id": "G34a",
        "title": "Three employers in BE (residence), NL and DE; 10% in BE",
        "situation": multi("BE", [("BE", 10, 10), ("NL", 50, 50), ("DE", 40, 40)], ["BE", "NL", "DE"]),
        "expected": expected("BE", "883/2004", "13(1)(b)(iv)", True, "02"),
        "source": "legislation.md 2.4 (>= 2 seats other than R -> R, (iv))",
    },
    {
        "id": "G34b",
        "title": "Two employers both seated in the residence state BE, 10% in BE",
        "situation": multi("BE", [("BE", 10, 10), ("NL", 90, 90)], ["BE", "BE"]),
        "expected": expected("BE", "883/2004", "13(1)(b)(ii)", True, "02"),
        "source": "legislation.md 2.4 (one seat state -> that state, (ii))",
    },
    {
        "id": "G35a",
        "title": "One employer seated in the residence state BE, 10% in BE",
        "situation": multi("BE", [("BE", 10, 10), ("NL", 90, 90)], ["BE"]),
        "expected": expected("BE", "883/2004", "13(1)(b)(i)", True, "02"),
        "source": "legislation.md 2.4 (13(1)(b)(i))",
    },
    {
        "id": "G35b",
        "title": "2011, before Reg. 465/2012: employers in BE (residence) and NL, 10% BE",
        "situation": multi(
            "BE",
            [("BE", 10, 10), ("NL", 90, 90)],
            ["NL", "BE"],
            reference_date="2012-01-01",
            situation_start="2011-01-01",
        ),
        "expected": expected("BE", "883/2004", "13(1)(a)", True, "02"),
        "source": "legislation.md 1.2 (original 13(1)(a): several employers in different "
        "states -> residence); 2.4 first bullet",
    },
    {
        "id": "G35c",
        "title": "Same as G35b unchanged, evaluated 2014: Art. 87a keeps BE",
        "situation": multi(
            "BE",
            [("BE", 10, 10), ("NL", 90, 90)],
            ["NL", "BE"],
            reference_date="2014-01-01",
            situation_start="2011-01-01",
        ),
        "expected": expected(
            "BE",
            "883/2004",
            "13(1)(a)",
            False,
            "02",
            transitional={"instrument": "883/2004", "article": "87a(1)"},
        ),
        "source": "legislation.md 1.2 (Art. 87a); 4.8 (transition: 2.5 no, 2.6 yes)",
    },
    # ---- C37: self-employed in several states (13(2)) ----
    {
        "id": "G37a",
        "title": "Self-employed 10% BE (residence) / 90% NL",
        "situation": multi("BE", [("BE", 10, 10), ("NL", 90, 90)], [], "self_employed", "self_employed"),
        "expected": expected("NL", "883/2004", "13(2)(b)", True, "04"),
        "source": "legislation.md 2.4 (13(2): otherwise the centre of interest)",
    },
    {
        "id": "G37b",
        "title": "Self-employed exactly 25% BE (residence) / 75% NL",
        "situation": multi("BE", [("BE", 25, 25), ("NL", 75, 75)], [], "self_employed", "self_employed"),
        "expected": expected("BE", "883/2004", "13(2)(a)", True, "04"),
        "source": "legislation.md 2.4 (13(2), same 25% signal)",
    },
    {
        "id": "G37c",
        "title": "Self-employed in DE 70% and BE 30%, lives NL without work there",
        "situation": multi("NL", [("DE", 70, 70), ("BE", 30, 30)], [], "self_employed", "self_employed"),
        "expected": expected("DE", "883/2004", "13(2)(b)", True, "04"),
        "source": "legislation.md 2.4 (13(2)(b), centre of interest)",
    },
    # ---- C40: civil servant who also works elsewhere (13(4)) ----
    {
        "id": "G40a",
        "title": "NL civil servant (60%) also employed in BE (40%), lives BE",
        "situation": situation(
            "BE",
            "civil_servant_and_employed",
            [("NL", 60, 60, "civil_servant"), ("BE", 40, 40, "employed")],
            ["NL", "BE"],
        ),
        "expected": expected("NL", "883/2004", "13(4)", True, "09"),
        "source": "legislation.md 2.2 step 2; 2.4 13(4); 4.8",
    },
    {
        "id": "G40b",
        "title": "BE civil servant (20%) also employed 80% in NL, lives NL",
        "situation": situation(
            "NL",
            "civil_servant_and_employed",
            [("BE", 20, 20, "civil_servant"), ("NL", 80, 80, "employed")],
            ["BE", "NL"],
        ),
        "expected": expected("BE", "883/2004", "13(4)", True, "09"),
        "source": "legislation.md 2.2 step 2; 2.4 13(4) (no 25% test)",
    },
    {
        "id": "G40c",
        "title": "NL civil servant working for the ministry in NL and BE (only activity)",
        "situation": situation(
            "NL",
            "civil_servant",
            [("NL", 50, 50, "civil_servant"), ("BE", 50, 50, "civil_servant")],
            ["NL"],
        ),
        "expected": expected("NL", "883/2004", "11(3)(b)", False, "05"),
        "source": "legislation.md 2.2 step 2 (civil servant only activity -> 11(3)(b))",
    },
]

# Further cases on the same topics, probing boundaries that legislation.md decides.
CASES += [
    {
        "id": "G13c",
        "title": "Posted NL->BE, lives in a third member state (DE)",
        "situation": dict(posted(), residence="DE"),
        "expected": SENDING_12_1,
        "source": "legislation.md 2.3 (residence is not a posting condition)",
    },
    {
        "id": "G14c",
        "title": "Posting NL->BE with 3% of the work still done in NL (marginal)",
        "situation": dict(
            posted(),
            work=[
                {"country": "BE", "time_pct": 97, "remuneration_pct": 97, "activity": "employed"},
                {"country": "NL", "time_pct": 3, "remuneration_pct": 3, "activity": "employed"},
            ],
        ),
        "expected": SENDING_12_1,
        "source": "legislation.md 2.2 steps 5-6 (marginal dropped, one state left -> posting test)",
    },
    {
        "id": "G14d",
        "title": "NL civil servant sent by the ministry to BE for 4 years",
        "situation": dict(
            posted(end="2027-12-31"),
            employment_type="civil_servant",
            work=[{"country": "BE", "time_pct": 100, "remuneration_pct": 100, "activity": "civil_servant"}],
        ),
        "expected": expected("NL", "883/2004", "11(3)(b)", False, "05"),
        "source": "legislation.md 2.2 notes (a posted civil servant stays under 11(3)(b))",
    },
    {
        "id": "G19e",
        "title": "Frontier worker since 2009 (lives NL, works DE); 1408/71 and 883 agree",
        "situation": situation(
            "NL",
            "employed",
            [("DE", 100, 100, "employed")],
            ["DE"],
            reference_date="2015-01-01",
            situation_start="2009-01-01",
        ),
        "expected": host("DE"),
        "source": "legislation.md 1.4 (same state under both: 883 applies from the start date)",
    },
    {
        "id": "G25c",
        "title": "Self-employed: 4% in the residence state BE (marginal), 96% in NL",
        "situation": multi("BE", [("BE", 4, 4), ("NL", 96, 96)], [], "self_employed", "self_employed"),
        "expected": host("NL"),
        "source": "legislation.md 2.2 steps 5-6",
    },
    {
        "id": "G32c",
        "title": "Employer seated in CH (not a third country), lives NL 10% NL / 90% DE",
        "situation": multi("NL", [("NL", 10, 10), ("DE", 90, 90)], ["CH"]),
        "expected": expected("CH", "883/2004", "13(1)(b)(i)", True, "02"),
        "source": "legislation.md 1.1; 2.4 (987 14(11) only for seats outside EU/EEA/CH)",
    },
    {
        "id": "G32d",
        "title": "Employer seated in NO (EEA), lives NL 10% NL / 90% DE",
        "situation": multi("NL", [("NL", 10, 10), ("DE", 90, 90)], ["NO"]),
        "expected": expected("NO", "883/2004", "13(1)(b)(i)", True, "02"),
        "source": "legislation.md 1.1; 2.4",
    },
    {
        "id": "G33c",
        "title": "Employers in BE (residence) and the US, 10% BE",
        "situation": multi("BE", [("BE", 10, 10), ("NL", 90, 90)], ["BE", "US"]),
        "expected": expected("BE", "987/2009", "14(11)", True, "02"),
        "source": "legislation.md 2.4 (987 14(11) before the seat rules)",
    },
    {
        "id": "G34c",
        "title": "Employers in BE (residence) and twice NL; no work in BE",
        "situation": multi("BE", [("NL", 50, 50), ("DE", 50, 50)], ["BE", "NL", "NL"]),
        "expected": expected("NL", "883/2004", "13(1)(b)(iii)", True, "02"),
        "source": "legislation.md 2.4 (seats == {R, X} -> X)",
    },
    {
        "id": "G35d",
        "title": "G35b evaluated 2022-06-27: last day of the Art. 87a transition",
        "situation": multi(
            "BE",
            [("BE", 10, 10), ("NL", 90, 90)],
            ["NL", "BE"],
            reference_date="2022-06-27",
            situation_start="2011-01-01",
        ),
        "expected": expected(
            "BE",
            "883/2004",
            "13(1)(a)",
            False,
            "02",
            transitional={"instrument": "883/2004", "article": "87a(1)"},
        ),
        "source": "legislation.md 1.2 (87a: at most 10 years, until 2022-06-27)",
    },
    {
        "id": "G35e",
        "title": "G35b evaluated 2022-06-28: the Art. 87a transition has ended",
        "situation": multi(
            "BE",
            [("BE", 10, 10), ("NL", 90, 90)],
            ["NL", "BE"],
            reference_date="2022-06-28",
            situation_start="2011-01-01",
        ),
        "expected": expected("NL", "883/2004", "13(1)(b)(iii)", True, "02"),
        "source": "legislation.md 1.2 (87a cap); 2.4 (iii)",
    },
    {
        "id": "G35f",
        "title": "G35b with a request to leave 87a on 2013-05-10, evaluated 2014",
        "situation": dict(
            multi(
                "BE",
                [("BE", 10, 10), ("NL", 90, 90)],
                ["NL", "BE"],
                reference_date="2014-01-01",
                situation_start="2011-01-01",
            ),
            art87_8_request_date="2013-05-10",
        ),
        "expected": expected("NL", "883/2004", "13(1)(b)(iii)", True, "02"),
        "source": "legislation.md 1.2 (87a request: effect from the first day of the next month)",
    },
    {
        "id": "G35g",
        "title": "G35f evaluated 2013-05-20, before the request takes effect",
        "situation": dict(
            multi(
                "BE",
                [("BE", 10, 10), ("NL", 90, 90)],
                ["NL", "BE"],
                reference_date="2013-05-20",
                situation_start="2011-01-01",
            ),
            art87_8_request_date="2013-05-10",
        ),
        "expected": expected(
            "BE",
            "883/2004",
            "13(1)(a)",
            False,
            "02",
            transitional={"instrument": "883/2004", "article": "87a(1)"},
        ),
        "source": "legislation.md 1.2 (87a request effect date)",
    },
    {
        "id": "G35h",
        "title": "Same employers, situation changed in 2013: new wording only",
        "situation": multi(
            "BE",
            [("BE", 10, 10), ("NL", 90, 90)],
            ["NL", "BE"],
            reference_date="2014-01-01",
            situation_start="2013-01-01",
        ),
        "expected": expected("NL", "883/2004", "13(1)(b)(iii)", True, "02"),
        "source": "legislation.md 1.2; 2.4",
    },
    {
        "id": "G35i",
        "title": "Same employers since 2009 (1408/71 and original 883 agree on BE), in 2014",
        "situation": multi(
            "BE",
            [("BE", 10, 10), ("NL", 90, 90)],
            ["NL", "BE"],
            reference_date="2014-01-01",
            situation_start="2009-01-01",
        ),
        "expected": expected(
            "BE",
            "883/2004",
            "13(1)(a)",
            False,
            "02",
            transitional={"instrument": "883/2004", "article": "87a(1)"},
        ),
        "source": "legislation.md 1.4 (same state: 883 from 2010-05-01); 1.2 (87a)",
    },
    {
        "id": "G37d",
        "title": "Self-employed: 20% time but 30% income in the residence state BE",
        "situation": multi("BE", [("BE", 20, 30), ("NL", 80, 70)], [], "self_employed", "self_employed"),
        "expected": expected("BE", "883/2004", "13(2)(a)", True, "04"),
        "source": "legislation.md 2.4 (13(2): same 25% signal as 13(1))",
    },
    {
        "id": "G37e",
        "title": "Employed 30% in the residence state NL, self-employed 70% in BE",
        "situation": situation(
            "NL",
            "employed_and_self_employed",
            [("NL", 30, 30, "employed"), ("BE", 70, 70, "self_employed")],
            ["NL"],
        ),
        "expected": expected("NL", "883/2004", "13(3)", True, "08"),
        "source": "legislation.md 2.4 (13(3): state of the employment)",
    },
]

# ---- C40 again: the civil servant of C39 (NL ministry, works in BE) who also works in DE ----
# legislation.md 2.4 (13(4): "the state of the employing administration"); C39 shows that the
# administration's state is its seat (NL), not the place of the civil-service work (BE).
CASES += [
    {
        "id": "G40d",
        "title": "C39's Dutch civil servant working in BE also employed in DE, lives BE",
        "situation": situation(
            "BE",
            "civil_servant_and_employed",
            [("BE", 80, 80, "civil_servant"), ("DE", 20, 20, "employed")],
            ["NL", "DE"],
        ),
        "expected": expected("NL", "883/2004", "13(4)", True, "09"),
        "source": "legislation.md 2.4 (13(4): state of the employing administration); C39",
    },
    {
        "id": "G40e",
        "title": "Same in 2009: 1408/71 Art. 14e, the administration's state NL",
        "situation": situation(
            "BE",
            "civil_servant_and_employed",
            [("BE", 80, 80, "civil_servant"), ("DE", 20, 20, "employed")],
            ["NL", "DE"],
            reference_date="2009-06-01",
            situation_start="2009-01-01",
        ),
        "expected": expected("NL", "1408/71", "14e", False, None),
        "source": "legislation.md 3.1 step 3 (13(2)(d): state of the employing administration); 2.4 (13(4))",
    },
    {
        "id": "G40f",
        "title": "Employers listed with the side employer first: the ministry's state still wins",
        "situation": situation(
            "BE",
            "civil_servant_and_employed",
            [("NL", 60, 60, "civil_servant"), ("BE", 40, 40, "employed")],
            ["BE", "NL"],
        ),
        "expected": expected("NL", "883/2004", "13(4)", True, "09"),
        "source": "legislation.md 2.2 step 2; 2.4 13(4)",
    },
    {
        "id": "G40g",
        "title": "UK civil servant working in BE for a UK department, also employed in FR, 2022",
        "situation": situation(
            "BE",
            "civil_servant_and_employed",
            [("BE", 80, 80, "civil_servant"), ("FR", 20, 20, "employed")],
            ["GB", "FR"],
            reference_date="2022-06-01",
            situation_start="2022-01-01",
        ),
        "expected": expected("GB", "TCA", "SSC.12(4)", True, None),
        "source": "legislation.md 1.5 (the Protocol copies Art. 13; numbering 'probably SSC.12'); 2.4 13(4)",
    },
]

# Second cases for the gap ids that had one.
CASES += [
    {
        "id": "G09b",
        "title": "Posting NL->DE by an employer seated (and active) only in DE",
        "situation": situation(
            "NL",
            "employed",
            [("DE", 100, 100, "employed")],
            ["DE"],
            posting=posting("NL", "DE", "2024-01-01", "2024-12-31"),
        ),
        "expected": host("DE"),
        "source": "legislation.md 2.3 P1 (employer normally active in the sending state)",
    },
    {
        "id": "G10b",
        "title": "Hired out onward on a posting of exactly 24 months",
        "situation": posted(host="DE", end="2025-12-31", placed_at_disposal_of_third_undertaking=True),
        "expected": host("DE"),
        "source": "legislation.md 2.3 P4 passes, P6 fails",
    },
    {
        "id": "G12b",
        "title": "Fresh posting exactly 2 months after the previous one ended",
        "situation": posted(
            start="2024-03-01",
            end="2024-12-31",
            previous_posting_same_employer_host_end="2024-01-01",
        ),
        "expected": SENDING_12_1,
        "source": "legislation.md 2.3 P7 ('at least 2 months after')",
    },
]

KEYS = ("legislation", "provision", "transitional", "provisional", "a1_status_code")


def test_cases_have_the_public_shape():
    assert len({c["id"] for c in CASES}) == len(CASES)
    for case in CASES:
        assert set(case["expected"]) == set(KEYS)
        assert case["source"].startswith("legislation.md")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_gap_case(case):
    result = rules.determine(case["situation"])
    got = {key: result[key] for key in KEYS}
    assert got == case["expected"], f"{case['id']} {case['title']}"
