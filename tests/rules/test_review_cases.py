"""Review cases: one contract-shaped case per theme the public cases leave out.

Each case is a situation in the contract's shape with the expected legislation, provision,
transitional rule, provisional flag, PD A1 status code and period, as legislation.md
sections 1-4 dictate. The themes follow the gaps in the public case numbering (24 months
exactly, Art. 16, the posting conditions one by one, 25 %/5 %, 987/2009 Art. 14(11), the
pre-465/2012 wording and Art. 87a, civil servants, seafarers, aircrew, the start dates of
CH/EEA/HR, the UK, the Dutch treaties, third-country nationals and the transitions).
"""

from __future__ import annotations

import pytest

from .builders import decide, posting, seats, situation, work

E883 = "883/2004"
R987 = "987/2009"
O1408 = "1408/71"
T87_8 = {"instrument": E883, "article": "87(8)"}
T87A = {"instrument": E883, "article": "87a(1)"}


def post(host="BE", start="2024-03-01", end="2025-02-28", ref=None, etype="employed", **changes):
    """A posting from NL to ``host`` with work only in ``host``."""
    activity = "self_employed" if etype == "self_employed" else "employed"
    s = posting(host_state=host, start=start, end=end, **changes)
    s["work"] = work((host, 100, 100, activity))
    s["employment_type"] = etype
    s["reference_date"] = ref or start
    if etype == "self_employed":
        s["employers"] = []
    return s


def multi(residence, shares, employer_seats=("DE",), ref="2024-06-01", start="2024-01-01", **top):
    s = situation(
        reference_date=ref,
        situation_start=start,
        residence=residence,
        work=work(*shares),
        employers=seats(*employer_seats),
        **top,
    )
    return s


def expect(legislation, instrument, article, status, *, provisional=False, transitional=None, period="-"):
    out = {
        "legislation": legislation,
        "provision": {"instrument": instrument, "article": article},
        "transitional": transitional,
        "provisional": provisional,
        "a1_status_code": status,
    }
    if period != "-":
        out["period"] = None if period is None else {"start": period[0], "end": period[1]}
    return out


CASES: list[tuple[str, dict, dict]] = []


def case(name: str, sit: dict, expected: dict) -> None:
    CASES.append((name, sit, expected))


# ---- Art. 12(1): the posting conditions one by one (legislation.md 2.3) ------------------
case(
    "posting exactly 24 months is allowed (P4)",
    post(start="2024-03-01", end="2026-02-28"),
    expect("NL", E883, "12(1)", "01", period=("2024-03-01", "2026-02-28")),
)
case(
    "posting 24 months and 1 day goes to the host state (P4, P9)",
    post(start="2024-03-01", end="2026-03-01"),
    expect("BE", E883, "11(3)(a)", "12", period=("2024-03-01", "2026-03-01")),
)
case(
    "posting 24 months from a month end (clamped anniversary)",
    post(start="2024-01-31", end="2026-01-30"),
    expect("NL", E883, "12(1)", "01"),
)
case(
    "Art. 16 agreement for a 4-year posting",
    post(
        start="2024-01-01",
        end="2027-12-31",
        ref="2025-06-01",
        art16_agreement={"state": "NL", "start": "2024-01-01", "end": "2027-12-31"},
    ),
    expect("NL", E883, "16(1)", "11", period=("2024-01-01", "2027-12-31")),
)
case(
    "Art. 16 agreement not yet in force on the reference date: the ordinary rules",
    post(
        start="2024-01-01",
        end="2027-12-31",
        ref="2024-06-01",
        art16_agreement={"state": "NL", "start": "2025-01-01", "end": "2027-12-31"},
    ),
    expect("BE", E883, "11(3)(a)", "12", period=("2024-01-01", "2027-12-31")),
)
case(
    "new posting less than 2 months after the previous one (P7)",
    post(start="2024-03-01", previous_posting_same_employer_host_end="2024-02-01"),
    expect("BE", E883, "11(3)(a)", "12", period=("2024-03-01", "2025-02-28")),
)
case(
    "new posting 2 months after the previous one ended (P7 passes)",
    post(start="2024-03-01", previous_posting_same_employer_host_end="2023-12-31"),
    expect("NL", E883, "12(1)", "01"),
)
case(
    "insured in the sending state less than 1 month before (P3)",
    post(insured_in_sending_state_months_before=0.5),
    expect("BE", E883, "11(3)(a)", "12"),
)
case(
    "insured in the sending state exactly 1 month before (P3 passes)",
    post(insured_in_sending_state_months_before=1),
    expect("NL", E883, "12(1)", "01"),
)
case(
    "placed at the disposal of a third undertaking (P6)",
    post(placed_at_disposal_of_third_undertaking=True),
    expect("BE", E883, "11(3)(a)", "12"),
)
case(
    "direct relationship with the sending employer broken (P2)",
    post(direct_relationship_maintained=False),
    expect("BE", E883, "11(3)(a)", "12"),
)
case(
    "employer without substantial activity in the sending state (P1)",
    {**post(), "employers": seats("NL", substantial=False)},
    expect("BE", E883, "11(3)(a)", "12"),
)
case(
    "employer seated in another state than the sending state (P1)",
    {**post(), "employers": seats("LU")},
    expect("BE", E883, "11(3)(a)", "12"),
)
case(
    "posting to the residence state of a frontier worker's employer, work in sending and host",
    {
        **post(host="DE", start="2024-01-01", end="2024-12-31", ref="2024-06-01"),
        "work": work(("NL", 30), ("DE", 70)),
    },
    expect("NL", E883, "12(1)", "01"),
)

# ---- Art. 12(2): self-employed (Z1-Z4) ---------------------------------------------------
case(
    "self-employed posting 24 months exactly",
    post(
        etype="self_employed", start="2024-03-01", end="2026-02-28", insured_in_sending_state_months_before=6
    ),
    expect("NL", E883, "12(2)", "03", period=("2024-03-01", "2026-02-28")),
)
case(
    "self-employed posting over 24 months",
    post(
        etype="self_employed", start="2024-03-01", end="2026-03-31", insured_in_sending_state_months_before=6
    ),
    expect("BE", E883, "11(3)(a)", "12"),
)
case(
    "self-employed less than 2 months in the sending state (Z1)",
    post(etype="self_employed", insured_in_sending_state_months_before=1),
    expect("BE", E883, "11(3)(a)", "12"),
)
case(
    "self-employed exactly 2 months in the sending state (Z1 passes)",
    post(etype="self_employed", insured_in_sending_state_months_before=2),
    expect("NL", E883, "12(2)", "03"),
)

# ---- Art. 13(1): shares and employers (legislation.md 2.4) --------------------------------
case(
    "exactly 25 % of working time in the residence state is substantial",
    multi("NL", [("NL", 25), ("DE", 75)]),
    expect("NL", E883, "13(1)(a)", "02", provisional=True, period=None),
)
case(
    "25 % of pay but 20 % of time in the residence state is substantial",
    multi("NL", [("NL", 20, 25), ("DE", 80, 75)]),
    expect("NL", E883, "13(1)(a)", "02", provisional=True),
)
case(
    "marginal work (< 5 %) in the residence state is left out: one state of work",
    multi("NL", [("NL", 4, 4), ("DE", 96, 96)]),
    expect("DE", E883, "11(3)(a)", "12", period=None),
)
case(
    "exactly 5 % is not marginal",
    multi("NL", [("NL", 5, 5), ("DE", 95, 95)], employer_seats=("BE",)),
    expect("BE", E883, "13(1)(b)(i)", "02", provisional=True),
)
case(
    "marginal work in a third state is left out before the 25 % test",
    multi("NL", [("NL", 30, 30), ("DE", 67, 67), ("BE", 3, 3)], employer_seats=("DE",)),
    expect("NL", E883, "13(1)(a)", "02", provisional=True),
)
case(
    "employer seated outside the EU, not substantial in residence: 987/2009 Art. 14(11)",
    multi("NL", [("NL", 10), ("DE", 90)], employer_seats=("US",)),
    expect("NL", R987, "14(11)", "02", provisional=True, period=None),
)
case(
    "employer seated outside the EU, substantial in residence: 13(1)(a) first",
    multi("NL", [("NL", 40), ("DE", 60)], employer_seats=("US",)),
    expect("NL", E883, "13(1)(a)", "02", provisional=True),
)
case(
    "13(1)(a) with several employers",
    multi("NL", [("NL", 30), ("DE", 40), ("BE", 30)], employer_seats=("DE", "BE")),
    expect("NL", E883, "13(1)(a)", "02", provisional=True),
)
case(
    "13(1)(b)(iv) with three employers, one in the residence state",
    multi("NL", [("NL", 10), ("DE", 50), ("BE", 40)], employer_seats=("NL", "DE", "BE")),
    expect("NL", E883, "13(1)(b)(iv)", "02", provisional=True),
)
case(
    "two employers in the same non-residence state, 3 states of work",
    multi("NL", [("NL", 10), ("DE", 50), ("BE", 40)], employer_seats=("DE", "DE")),
    expect("DE", E883, "13(1)(b)(ii)", "02", provisional=True),
)

# ---- Pre-465/2012 wording and Art. 87a (legislation.md 1.2) -------------------------------
case(
    "original 13(1)(a): several employers in different states -> residence (2011)",
    multi(
        "NL",
        [("NL", 10), ("DE", 50), ("BE", 40)],
        employer_seats=("DE", "BE"),
        ref="2011-06-01",
        start="2011-01-01",
    ),
    expect("NL", E883, "13(1)(a)", "02", provisional=True),
)
case(
    "original 13(1)(b): one employer -> its seat (2011)",
    multi("NL", [("NL", 10), ("DE", 90)], employer_seats=("DE",), ref="2011-06-01", start="2011-01-01"),
    expect("DE", E883, "13(1)(b)", "02", provisional=True),
)
case(
    "original wording: employers in residence and one other state -> residence (2011)",
    multi("NL", [("NL", 10), ("DE", 90)], employer_seats=("NL", "DE"), ref="2011-06-01", start="2011-01-01"),
    expect("NL", E883, "13(1)(a)", "02", provisional=True),
)
case(
    "Art. 87a keeps the pre-465/2012 designation while unchanged",
    multi("NL", [("NL", 10), ("DE", 90)], employer_seats=("NL", "DE"), ref="2015-01-01", start="2011-01-01"),
    expect("NL", E883, "13(1)(a)", "02", transitional=T87A),
)
case(
    "Art. 87a ends after 10 years (2022-06-27)",
    multi("NL", [("NL", 10), ("DE", 90)], employer_seats=("NL", "DE"), ref="2022-07-01", start="2011-01-01"),
    expect("DE", E883, "13(1)(b)(iii)", "02", provisional=True),
)
case(
    "Art. 87a: last day of the transition",
    multi("NL", [("NL", 10), ("DE", 90)], employer_seats=("NL", "DE"), ref="2022-06-27", start="2011-01-01"),
    expect("NL", E883, "13(1)(a)", "02", transitional=T87A),
)
case(
    "Art. 87a request filed by 2012-09-29 takes effect on 2012-06-28",
    {
        **multi(
            "NL", [("NL", 10), ("DE", 90)], employer_seats=("NL", "DE"), ref="2013-01-01", start="2011-01-01"
        ),
        "art87_8_request_date": "2012-09-29",
    },
    expect("DE", E883, "13(1)(b)(iii)", "02", provisional=True),
)
case(
    "Art. 87a later request takes effect on the first day of the next month (before it)",
    {
        **multi(
            "NL", [("NL", 10), ("DE", 90)], employer_seats=("NL", "DE"), ref="2014-03-31", start="2011-01-01"
        ),
        "art87_8_request_date": "2014-03-10",
    },
    expect("NL", E883, "13(1)(a)", "02", transitional=T87A),
)
case(
    "Art. 87a later request takes effect on the first day of the next month (from it)",
    {
        **multi(
            "NL", [("NL", 10), ("DE", 90)], employer_seats=("NL", "DE"), ref="2014-04-01", start="2011-01-01"
        ),
        "art87_8_request_date": "2014-03-10",
    },
    expect("DE", E883, "13(1)(b)(iii)", "02", provisional=True),
)
case(
    "Art. 87a not needed when both wordings designate the same state",
    multi(
        "NL",
        [("NL", 10), ("DE", 50), ("BE", 40)],
        employer_seats=("DE", "BE"),
        ref="2015-01-01",
        start="2011-01-01",
    ),
    expect("NL", E883, "13(1)(b)(iv)", "02", provisional=True),
)
case(
    "change of situation after 2012-06-28: no Art. 87a",
    multi("NL", [("NL", 10), ("DE", 90)], employer_seats=("NL", "DE"), ref="2015-01-01", start="2013-01-01"),
    expect("DE", E883, "13(1)(b)(iii)", "02", provisional=True),
)

# ---- Civil servants, Art. 11(3)(b) and 13(4) ----------------------------------------------
case(
    "civil servant posted by the administration stays under 11(3)(b)",
    {
        **post(host="DE"),
        "employment_type": "civil_servant",
        "work": work(("DE", 100, 100, "civil_servant")),
    },
    expect("NL", E883, "11(3)(b)", "05"),
)
case(
    "civil servant in NL and employed in BE: 13(4)",
    situation(
        residence="BE",
        situation_start="2024-01-01",
        employment_type="civil_servant_and_employed",
        work=work(("NL", 60, 60, "civil_servant"), ("BE", 40, 40, "employed")),
        employers=seats("NL", "BE"),
    ),
    expect("NL", E883, "13(4)", "09", provisional=True, period=None),
)
case(
    "civil servant in NL and self-employed in DE: 13(4)",
    situation(
        residence="DE",
        situation_start="2024-01-01",
        employment_type="civil_servant_and_employed",
        work=work(("NL", 50, 50, "civil_servant"), ("DE", 50, 50, "self_employed")),
        employers=seats("NL"),
    ),
    expect("NL", E883, "13(4)", "09", provisional=True),
)

# ---- Art. 13(2), 13(3) -------------------------------------------------------------------
case(
    "self-employed in three states, not substantial in residence: centre of interest",
    situation(
        residence="BE",
        situation_start="2024-01-01",
        employment_type="self_employed",
        work=work(
            ("BE", 10, 10, "self_employed"), ("NL", 60, 60, "self_employed"), ("DE", 30, 30, "self_employed")
        ),
        employers=[],
    ),
    expect("NL", E883, "13(2)(b)", "04", provisional=True),
)
case(
    "employed in two states and self-employed in a third: 13(3) via 13(1)",
    situation(
        residence="NL",
        situation_start="2024-01-01",
        employment_type="employed_and_self_employed",
        work=work(("NL", 30, 30, "employed"), ("DE", 50, 50, "employed"), ("BE", 20, 20, "self_employed")),
        employers=seats("DE"),
    ),
    expect("NL", E883, "13(3)", "08", provisional=True),
)

# ---- Seafarers, Art. 11(4) -------------------------------------------------------------
SEA = {"employment_type": "seafarer", "situation_start": "2024-01-01"}
case(
    "seafarer paid by an undertaking in another state, but living elsewhere: flag state",
    situation(**SEA, residence="BE", work=work(("MT", 100)), employers=seats("NL"), flag_state="MT"),
    expect("MT", E883, "11(4)", "07", period=None),
)
case(
    "seafarer paid by an undertaking in the flag state, living in the flag state",
    situation(**SEA, residence="NL", work=work(("NL", 100)), employers=seats("NL"), flag_state="NL"),
    expect("NL", E883, "11(4)", "07"),
)
case(
    "seafarer living in the employer's state, vessel under another member state's flag",
    situation(**SEA, residence="DE", work=work(("CY", 100)), employers=seats("DE"), flag_state="CY"),
    expect("DE", E883, "11(4)", "07"),
)
case(
    "seafarer on an EEA-flag vessel paid from the residence state",
    situation(**SEA, residence="NL", work=work(("NO", 100)), employers=seats("NL"), flag_state="NO"),
    expect("NL", E883, "11(4)", "07"),
)

# ---- Aircrew, Art. 11(5) ---------------------------------------------------------------
CREW = {"employment_type": "flight_crew", "situation_start": "2024-01-01"}
case(
    "cabin crew working in one state: home-base state, 11(5), status 10",
    situation(**CREW, residence="FR", work=work(("BE", 100)), employers=seats("IE"), home_base="BE"),
    expect("BE", E883, "11(5)", "10", period=None),
)
case(
    "flight crew in several states with home base in the residence state",
    situation(
        **CREW,
        residence="NL",
        work=work(("NL", 20), ("DE", 40), ("FR", 40)),
        employers=seats("IE"),
        home_base="NL",
    ),
    expect("NL", E883, "13(1)", "10", provisional=True),
)

# ---- Start dates: Switzerland, EEA, Croatia (legislation.md 1.2) --------------------------
case(
    "posting NL->CH starting on 2012-04-01 is under 883/2004",
    post(host="CH", start="2012-04-01", end="2013-03-31"),
    expect("NL", E883, "12(1)", "01", period=("2012-04-01", "2013-03-31")),
)
case(
    "posting NL->CH over 12 months before 2012-04-01: 1408/71 lex loci",
    post(host="CH", start="2011-01-01", end="2012-06-30", ref="2011-06-01"),
    expect("CH", O1408, "13(2)(a)", None),
)
case(
    "posting NL->NO before 2012-06-01: 1408/71",
    post(host="NO", start="2012-01-01", end="2012-12-31", ref="2012-05-31"),
    expect("NL", O1408, "14(1)(a)", None),
)
case(
    "posting NL->NO that began under 1408/71; both designate NL: 883/2004 from 2012-06-01",
    post(host="NO", start="2012-01-01", end="2012-12-31", ref="2012-06-01"),
    expect("NL", E883, "12(1)", "01", period=("2012-01-01", "2012-12-31")),
)
case(
    "multi-state NL/CH from 2012-04-01: 883/2004",
    multi("NL", [("NL", 30), ("CH", 70)], employer_seats=("CH",), ref="2013-01-01", start="2012-05-01"),
    expect("NL", E883, "13(1)(a)", "02", provisional=True),
)
case(
    "Croatia before 2013-07-01 is not coordinated: national law of NL",
    post(host="HR", start="2013-01-01", end="2013-12-31", ref="2013-03-01"),
    expect("NL", "national:NL", "", None, period=("2013-01-01", "2013-12-31")),
)
case(
    "Croatia from 2013-07-01: 883/2004",
    post(host="HR", start="2013-07-01", end="2014-06-30"),
    expect("NL", E883, "12(1)", "01"),
)

# ---- United Kingdom (legislation.md 1.5) ---------------------------------------------------
UK_POST = {
    "residence": "GB",
    "employers": seats("GB"),
}
case(
    "Withdrawal Agreement: UK->NL posting that began in 2020 continues under 883/2004",
    {
        **post(host="NL", start="2020-06-01", end="2022-05-31", ref="2021-06-01", sending_state="GB"),
        **UK_POST,
    },
    expect("GB", E883, "12(1)", "01", period=("2020-06-01", "2022-05-31")),
)
case(
    "Withdrawal Agreement: multi-state GB/NL since 2019",
    multi("GB", [("GB", 40), ("NL", 60)], employer_seats=("NL",), ref="2022-01-01", start="2019-01-01"),
    expect("GB", E883, "13(1)(a)", "02", provisional=True),
)
case(
    "TCA: detachment over 24 months goes to the host state",
    {
        **post(host="NL", start="2022-03-01", end="2024-08-31", ref="2022-06-01", sending_state="GB"),
        **UK_POST,
    },
    expect("NL", "TCA", "SSC.10(3)(a)", None, period=("2022-03-01", "2024-08-31")),
)
case(
    "TCA: detachment of exactly 24 months",
    {
        **post(host="NL", start="2022-03-01", end="2024-02-29", ref="2022-06-01", sending_state="GB"),
        **UK_POST,
    },
    expect("GB", "TCA", "SSC.11(1)", None, period=("2022-03-01", "2024-02-29")),
)
case(
    "TCA: detachment NL->GB",
    post(host="GB", start="2023-01-01", end="2023-12-31"),
    expect("NL", "TCA", "SSC.11(1)", None),
)
case(
    "TCA: multi-state GB/NL with substantial work in the residence state",
    multi("GB", [("GB", 40), ("NL", 60)], employer_seats=("NL",), ref="2023-01-01", start="2022-01-01"),
    expect("GB", "TCA", "SSC.12(1)(a)", None, provisional=True),
)
case(
    "TCA: multi-state GB/NL/DE not substantial in the residence state, one employer",
    multi(
        "GB",
        [("GB", 10), ("NL", 45), ("DE", 45)],
        employer_seats=("NL",),
        ref="2023-01-01",
        start="2022-01-01",
    ),
    expect("NL", "TCA", "SSC.12(1)(b)(i)", None, provisional=True),
)

# ---- Dutch treaties (legislation.md 1.6) --------------------------------------------------
case(
    "Japan: posting of exactly 5 years",
    post(host="JP", start="2024-01-01", end="2028-12-31"),
    expect("NL", "treaty:JP-NL", "7", None, period=("2024-01-01", "2028-12-31")),
)
case(
    "Japan: posting over 5 years",
    post(host="JP", start="2024-01-01", end="2029-01-01"),
    expect("JP", "treaty:JP-NL", "", None),
)
case(
    "Korea: posting of 5 years",
    post(host="KR", start="2024-01-01", end="2028-12-31"),
    expect("NL", "treaty:KR-NL", "7", None),
)
case(
    "Australia: posting of 5 years",
    post(host="AU", start="2024-01-01", end="2028-12-31"),
    expect("NL", "treaty:AU-NL", "8(3)(d)", None),
)
case(
    "Canada: posting of 60 months",
    post(host="CA", start="2024-01-01", end="2028-12-31"),
    expect("NL", "treaty:CA-NL", "VI(2)(a)", None),
)
case(
    "India: posting of 60 months",
    post(host="IN", start="2024-01-01", end="2028-12-31"),
    expect("NL", "treaty:IN-NL", "7", None),
)
case(
    "India: posting over 60 months",
    post(host="IN", start="2024-01-01", end="2029-06-30"),
    expect("IN", "treaty:IN-NL", "", None),
)
case(
    "Chile: posting of 2 years",
    post(host="CL", start="2024-01-01", end="2025-12-31"),
    expect("NL", "treaty:CL-NL", "8", None),
)
case(
    "Chile: posting over 2 years",
    post(host="CL", start="2024-01-01", end="2026-01-01"),
    expect("CL", "treaty:CL-NL", "", None),
)
case(
    "Jersey: posting of 3 years under the NL-UK convention",
    post(host="JE", start="2024-01-01", end="2026-12-31"),
    expect("NL", "treaty:GB-NL", "8", None),
)
case(
    "Isle of Man: posting over 3 years",
    post(host="IM", start="2024-01-01", end="2027-01-31"),
    expect("IM", "treaty:GB-NL", "", None),
)
case(
    "USA: posting over 5 years",
    post(host="US", start="2024-01-01", end="2029-12-31"),
    expect("US", "treaty:NL-US", "", None),
)
case(
    "treaty posting without prior insurance",
    post(host="US", insured_in_sending_state_months_before=0),
    expect("US", "treaty:NL-US", "", None),
)
case(
    "Japan: a fresh posting only after 1 year has passed",
    post(
        host="JP", start="2024-06-01", end="2025-05-31", previous_posting_same_employer_host_end="2024-01-31"
    ),
    expect("JP", "treaty:JP-NL", "", None),
)
case(
    "Canada: not if also employed by another employer in the host state",
    {**post(host="CA", start="2024-01-01", end="2025-12-31"), "employers": seats("NL", "CA")},
    expect("CA", "treaty:CA-NL", "", None),
)
case(
    "no treaty, no regulation: national law of NL (Brazil)",
    post(host="BR", start="2024-01-01", end="2025-12-31"),
    expect("NL", "national:NL", "", None, period=("2024-01-01", "2025-12-31")),
)

# ---- Third-country nationals (legislation.md 1.3) -----------------------------------------
case(
    "third-country national posted NL->BE: covered by Reg. 1231/2010",
    {**post(), "nationalities": ["IN"]},
    expect("NL", E883, "12(1)", "01"),
)
case(
    "third-country national posted NL->DK: Reg. 1231/2010 does not cover Denmark",
    {**post(host="DK"), "nationalities": ["IN"]},
    expect("NL", "national:NL", "", None),
)
case(
    "third-country national posted NL->CH: Reg. 1231/2010 does not cover Switzerland",
    {**post(host="CH"), "nationalities": ["US"]},
    expect("NL", "national:NL", "", None),
)
case(
    "dual national (EU and third country) is covered",
    {**post(host="DK"), "nationalities": ["IN", "PT"]},
    expect("NL", E883, "12(1)", "01"),
)

case(
    "third-country national in 2010: Reg. 859/2003 keeps Reg. 1408/71 (883/2004 Art. 90(1)(a))",
    {**post(start="2010-06-01", end="2011-03-31", ref="2010-08-01"), "nationalities": ["IN"]},
    expect("NL", O1408, "14(1)(a)", None, period=("2010-06-01", "2011-03-31")),
)
case(
    "third-country national posted NL->GB in 2015: the UK was bound by 859/2003, not 1231/2010",
    {**post(host="GB", start="2015-06-01", end="2016-03-31"), "nationalities": ["IN"]},
    expect("NL", O1408, "14(1)(a)", None),
)
case(
    "third-country national posted NL->BE from 2011: Reg. 1231/2010",
    {**post(start="2011-01-01", end="2011-12-31"), "nationalities": ["IN"]},
    expect("NL", E883, "12(1)", "01"),
)
case(
    "treaty posting from the other state to NL (USA)",
    {
        **post(host="NL", start="2024-01-01", end="2027-12-31", sending_state="US"),
        "residence": "US",
        "employers": seats("US"),
    },
    expect("US", "treaty:NL-US", "9", None, period=("2024-01-01", "2027-12-31")),
)

# ---- Art. 87(8): 1408/71 kept alive (legislation.md 1.4) ---------------------------------
C51 = multi("BE", [("BE", 10), ("NL", 90)], employer_seats=("NL",), ref="2015-01-01", start="2008-01-01")
case(
    "Art. 87(8): last day of the 10-year cap",
    {**C51, "reference_date": "2020-04-30"},
    expect("BE", O1408, "14(2)(b)(i)", "02", transitional=T87_8, period=None),
)
case(
    "Art. 87(8): day after the cap",
    {**C51, "reference_date": "2020-05-01"},
    expect("NL", E883, "13(1)(b)(i)", "02", provisional=True),
)
case(
    "Art. 87(8): request within 3 months takes effect on 2010-05-01",
    {**C51, "art87_8_request_date": "2010-07-31"},
    expect("NL", E883, "13(1)(b)(i)", "02", provisional=True),
)
case(
    "Art. 87(8): later request, before the first day of the next month",
    {**C51, "art87_8_request_date": "2013-03-10", "reference_date": "2013-03-31"},
    expect("BE", O1408, "14(2)(b)(i)", "02", transitional=T87_8),
)
case(
    "Art. 87(8): later request, from the first day of the next month",
    {**C51, "art87_8_request_date": "2013-03-10", "reference_date": "2013-04-01"},
    expect("NL", E883, "13(1)(b)(i)", "02", provisional=True),
)
case(
    "Art. 87(8): a change of situation after 2010-05-01 ends the transition",
    {**C51, "situation_start": "2014-01-01"},
    expect("NL", E883, "13(1)(b)(i)", "02", provisional=True),
)
case(
    "Art. 87(8): both regulations designate the same state, 883/2004 applies",
    multi("NL", [("NL", 30), ("DE", 70)], employer_seats=("DE",), ref="2012-01-01", start="2008-01-01"),
    expect("NL", E883, "13(1)(a)", "02", provisional=True),
)
case(
    "Art. 87(8): 1408/71 posting of 19 months kept under the host state",
    post(host="BE", start="2009-06-01", end="2010-12-31", ref="2010-06-01"),
    expect("BE", O1408, "13(2)(a)", "12", transitional=T87_8, period=("2009-06-01", "2010-12-31")),
)
case(
    "Art. 87(8) for Switzerland: 10% CH residence, evaluated 2015",
    multi("CH", [("CH", 10), ("NL", 90)], employer_seats=("NL",), ref="2015-01-01", start="2010-01-01"),
    expect("CH", O1408, "14(2)(b)(i)", "02", transitional=T87_8),
)
case(
    "Art. 87(8) for Switzerland ends 2022-03-31",
    multi("CH", [("CH", 10), ("NL", 90)], employer_seats=("NL",), ref="2022-04-01", start="2010-01-01"),
    expect("NL", E883, "13(1)(b)(i)", "02", provisional=True),
)

# ---- Reg. 1408/71 (legislation.md 3.1) ----------------------------------------------------
case(
    "1408/71 multi-state with part of the work in the residence state",
    multi("BE", [("BE", 10), ("NL", 90)], employer_seats=("NL",), ref="2009-06-01", start="2008-01-01"),
    expect("BE", O1408, "14(2)(b)(i)", None),
)
case(
    "1408/71 self-employed posting 12 months",
    post(
        etype="self_employed", start="2009-01-01", end="2009-12-31", insured_in_sending_state_months_before=24
    ),
    expect("NL", O1408, "14a(1)", None),
)
case(
    "1408/71 civil servant",
    {
        **post(host="DE", start="2009-01-01"),
        "employment_type": "civil_servant",
        "work": work(("DE", 100, 100, "civil_servant")),
    },
    expect("NL", O1408, "13(2)(d)", None),
)

# ---- Inactive (Art. 11(3)(e)) -----------------------------------------------------------
case(
    "inactive person: residence, no PD A1",
    situation(residence="BE", employment_type="inactive", work=[], employers=[]),
    expect("BE", E883, "11(3)(e)", None, period=None),
)


@pytest.mark.parametrize(("name", "sit", "expected"), CASES, ids=[c[0] for c in CASES])
def test_review_case(name, sit, expected):
    result = decide(sit)
    got = {key: result[key] for key in expected}
    assert got == expected, name
    assert result["reasons"], "every determination says why"
