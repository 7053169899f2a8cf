"""Dated values and legal references used by the engine.

Every figure the rules use lives here with the provision it comes from, so that the rule
modules never carry bare literals. Sources are the tags of ``shared/domain/legislation.md``
(S001 = Dutch payroll handbook ch. 18, R883/R987 = consolidated regulation texts, PG = the
Practical Guide on applicable legislation, NLT = Dutch treaty texts, MEL = NAV Melosys).

Pure data: no Django, no I/O at import time beyond building a few frozensets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .i18n import N_, Term

# --------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------

#: ISO 3166-1 alpha-2 codes (249 officially assigned codes) plus ``XK`` (Kosovo), a
#: user-assigned code that the EU, the SVB and EESSI use and that a Dutch treaty needs.
ISO_COUNTRIES: frozenset[str] = frozenset(
    [
        "AD",
        "AE",
        "AF",
        "AG",
        "AI",
        "AL",
        "AM",
        "AO",
        "AQ",
        "AR",
        "AS",
        "AT",
        "AU",
        "AW",
        "AX",
        "AZ",
        "BA",
        "BB",
        "BD",
        "BE",
        "BF",
        "BG",
        "BH",
        "BI",
        "BJ",
        "BL",
        "BM",
        "BN",
        "BO",
        "BQ",
        "BR",
        "BS",
        "BT",
        "BV",
        "BW",
        "BY",
        "BZ",
        "CA",
        "CC",
        "CD",
        "CF",
        "CG",
        "CH",
        "CI",
        "CK",
        "CL",
        "CM",
        "CN",
        "CO",
        "CR",
        "CU",
        "CV",
        "CW",
        "CX",
        "CY",
        "CZ",
        "DE",
        "DJ",
        "DK",
        "DM",
        "DO",
        "DZ",
        "EC",
        "EE",
        "EG",
        "EH",
        "ER",
        "ES",
        "ET",
        "FI",
        "FJ",
        "FK",
        "FM",
        "FO",
        "FR",
        "GA",
        "GB",
        "GD",
        "GE",
        "GF",
        "GG",
        "GH",
        "GI",
        "GL",
        "GM",
        "GN",
        "GP",
        "GQ",
        "GR",
        "GS",
        "GT",
        "GU",
        "GW",
        "GY",
        "HK",
        "HM",
        "HN",
        "HR",
        "HT",
        "HU",
        "ID",
        "IE",
        "IL",
        "IM",
        "IN",
        "IO",
        "IQ",
        "IR",
        "IS",
        "IT",
        "JE",
        "JM",
        "JO",
        "JP",
        "KE",
        "KG",
        "KH",
        "KI",
        "KM",
        "KN",
        "KP",
        "KR",
        "KW",
        "KY",
        "KZ",
        "LA",
        "LB",
        "LC",
        "LI",
        "LK",
        "LR",
        "LS",
        "LT",
        "LU",
        "LV",
        "LY",
        "MA",
        "MC",
        "MD",
        "ME",
        "MF",
        "MG",
        "MH",
        "MK",
        "ML",
        "MM",
        "MN",
        "MO",
        "MP",
        "MQ",
        "MR",
        "MS",
        "MT",
        "MU",
        "MV",
        "MW",
        "MX",
        "MY",
        "MZ",
        "NA",
        "NC",
        "NE",
        "NF",
        "NG",
        "NI",
        "NL",
        "NO",
        "NP",
        "NR",
        "NU",
        "NZ",
        "OM",
        "PA",
        "PE",
        "PF",
        "PG",
        "PH",
        "PK",
        "PL",
        "PM",
        "PN",
        "PR",
        "PS",
        "PT",
        "PW",
        "PY",
        "QA",
        "RE",
        "RO",
        "RS",
        "RU",
        "RW",
        "SA",
        "SB",
        "SC",
        "SD",
        "SE",
        "SG",
        "SH",
        "SI",
        "SJ",
        "SK",
        "SL",
        "SM",
        "SN",
        "SO",
        "SR",
        "SS",
        "ST",
        "SV",
        "SX",
        "SY",
        "SZ",
        "TC",
        "TD",
        "TF",
        "TG",
        "TH",
        "TJ",
        "TK",
        "TL",
        "TM",
        "TN",
        "TO",
        "TR",
        "TT",
        "TV",
        "TW",
        "TZ",
        "UA",
        "UG",
        "UM",
        "US",
        "UY",
        "UZ",
        "VA",
        "VC",
        "VE",
        "VG",
        "VI",
        "VN",
        "VU",
        "WF",
        "WS",
        "YE",
        "YT",
        "ZA",
        "ZM",
        "ZW",
        "XK",
    ]
)

#: Parts of a member state that ISO 3166-1 also codes on their own: the French outermost regions,
#: where the Treaties and Reg. 883/2004 apply as in the rest of France (TFEU Art. 349, 355(1)), and
#: Åland, part of Finland. The rules know a regulation country by its member state's code
#: (legislation.md 1.1), so "RE" was a third country (no coordination, no PD A1). Mayotte (an
#: outermost region only from 2014) and the overseas countries and territories, outside the EU,
#: keep their own codes.
PART_OF_MEMBER_STATE: dict[str, str] = {
    "GF": "FR",
    "GP": "FR",
    "MQ": "FR",
    "RE": "FR",
    "MF": "FR",
    "AX": "FI",
}

#: Codes accepted on input and read as another ISO 3166 code: the EESSI / PD A1 codes for Greece
#: and the UK (legislation.md 1.1), and the parts of a member state above.
COUNTRY_ALIASES: dict[str, str] = {"EL": "GR", "UK": "GB", **PART_OF_MEMBER_STATE}

#: EU-27 member states today (legislation.md 1.1).
EU27: frozenset[str] = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
EEA_EFTA: frozenset[str] = frozenset({"IS", "LI", "NO"})
SWITZERLAND = "CH"
UNITED_KINGDOM = "GB"


@dataclass(frozen=True, slots=True)
class Dated:
    """A legal value with the date it takes effect and the reference it rests on."""

    value: date
    reference: str


# --------------------------------------------------------------------------------------
# Reg. 883/2004 start dates per state group (legislation.md 1.2, S001 §18.1.1)
# --------------------------------------------------------------------------------------

START_883_EU = Dated(date(2010, 5, 1), "Reg. 883/2004 Art. 91; Reg. 987/2009 Art. 97")
START_883_CH = Dated(date(2012, 4, 1), "EU-CH Agreement on free movement, Annex II (Decision 1/2012)")
START_883_EEA = Dated(date(2012, 6, 1), "EEA Agreement, Annex VI (EEA Joint Committee Decision 76/2011)")
START_883_HR = Dated(date(2013, 7, 1), "Act of Accession of Croatia")
#: Last day the UK was a regulation country (end of the Brexit transition period).
UK_END_MEMBER = Dated(date(2020, 12, 31), "Withdrawal Agreement Art. 126 (transition period)")
#: Provisional application of the EU-UK Trade and Cooperation Agreement.
TCA_START = Dated(date(2021, 1, 1), "TCA Art. 783; Council Decision (EU) 2024/1708 recitals")


def start_883(country: str) -> date | None:
    """The date from which Reg. 883/2004 applies to situations involving ``country``.

    None where 883/2004 never applies to the country (third countries).
    """
    return _START_883.get(country)


_START_883: dict[str, date] = dict.fromkeys(EU27 - {"HR"}, START_883_EU.value)
_START_883["HR"] = START_883_HR.value
_START_883[UNITED_KINGDOM] = START_883_EU.value
_START_883[SWITZERLAND] = START_883_CH.value
for _c in EEA_EFTA:
    _START_883[_c] = START_883_EEA.value

#: Date from which Reg. 1408/71 (or the agreement extending it) applied to each state.
#: Accession / entry-into-force dates recalled from the Acts of Accession, the EEA Agreement
#: (1994-01-01; LI 1995-05-01) and the EU-CH agreement (2002-06-01). Croatia never came
#: under 1408/71 (legislation.md 1.2). **[dates from memory, verify before relying on
#: situations before 2004]**
START_1408: dict[str, date] = {
    **dict.fromkeys(("BE", "DE", "FR", "IT", "LU", "NL"), date(1972, 10, 1)),
    **dict.fromkeys(("DK", "IE", "GB"), date(1973, 1, 1)),
    "GR": date(1981, 1, 1),
    **dict.fromkeys(("ES", "PT"), date(1986, 1, 1)),
    **dict.fromkeys(("AT", "FI", "SE", "IS", "NO"), date(1994, 1, 1)),
    "LI": date(1995, 5, 1),
    "CH": date(2002, 6, 1),
    **dict.fromkeys(("CY", "CZ", "EE", "HU", "LV", "LT", "MT", "PL", "SK", "SI"), date(2004, 5, 1)),
    **dict.fromkeys(("BG", "RO"), date(2007, 1, 1)),
}

# --------------------------------------------------------------------------------------
# Amendments and transitional rules
# --------------------------------------------------------------------------------------

REG_465_2012 = Dated(date(2012, 6, 28), "Reg. (EU) 465/2012 Art. 3 (entry into force)")
#: 883/2004 Art. 87a(1): requests filed by this date take effect on 2012-06-28.
ART87A_REQUEST_DEADLINE = Dated(date(2012, 9, 29), "Reg. 883/2004 Art. 87a(1) second subparagraph")
ART87A_END = Dated(date(2022, 6, 27), "Reg. 883/2004 Art. 87a(1): at most 10 years from 2012-06-28")
#: 883/2004 Art. 87(8): the old designation continues for at most 10 years.
TRANSITION_YEARS = 10
#: 883/2004 Art. 87(8): a request within 3 months of the start date takes effect from that date.
ART87_8_REQUEST_MONTHS = 3

#: Reg. 1231/2010 extends 883/2004 to legally resident third-country nationals (not DK, UK,
#: EEA-EFTA, CH). Reg. 859/2003 did the same for 1408/71 (not DK). **[scope from memory]**
TCN_883_START = Dated(date(2011, 1, 1), "Reg. (EU) 1231/2010 Art. 1, 3")
TCN_883_EXCLUDED: frozenset[str] = frozenset({"DK", "GB"})
TCN_1408_START = Dated(date(2003, 6, 1), "Reg. (EC) 859/2003 Art. 1")
TCN_1408_EXCLUDED: frozenset[str] = frozenset({"DK"})
#: Where Reg. 1231/2010 does not cover a third-country national but Reg. 859/2003 does,
#: Reg. 1408/71 keeps deciding.
REF_TCN_1408_KEPT = "Reg. 883/2004 Art. 90(1)(a); Reg. 1231/2010 Art. 2"

# --------------------------------------------------------------------------------------
# Thresholds
# --------------------------------------------------------------------------------------

POSTING_MAX_MONTHS = 24  # Reg. 883/2004 Art. 12(1), 12(2)
POSTING_MAX_MONTHS_1408 = 12  # Reg. 1408/71 Art. 14(1)(a), 14a(1)
POSTING_EXTENSION_MONTHS_1408 = 12  # Reg. 1408/71 Art. 14(1)(b), E102
TCA_POSTING_MAX_MONTHS = 24  # TCA Protocol SSC Art. SSC.11(1)
SUBSTANTIAL_PCT = 25.0  # Reg. 987/2009 Art. 14(8): "less than 25 %" is not substantial
MARGINAL_PCT = 5.0  # Reg. 987/2009 Art. 14(5b); Practical Guide: "less than 5 %"
PRIOR_INSURANCE_MONTHS = 1  # Reg. 987/2009 Art. 14(1); Decision A2; SVB: at least 1 month
PRIOR_SELF_EMPLOYMENT_MONTHS = 2  # Reg. 987/2009 Art. 14(3); SVB: at least 2 months
POSTING_GAP_MONTHS = 2  # Practical Guide Part I §13
ART16_NL_MAX_YEARS = 5  # S001 §18.2.1; SVB practice for Art. 16 agreements

REF_SUBSTANTIAL = "Reg. 987/2009 Art. 14(8)"
REF_MARGINAL = "Reg. 987/2009 Art. 14(5b)"

# --------------------------------------------------------------------------------------
# Issuing institution and national rules
# --------------------------------------------------------------------------------------

DEFAULT_ISSUING_STATE = "NL"

#: States whose national rule for uncoordinated cases the engine knows (legislation.md 1.6,
#: last paragraph: the Dutch starting point is that the worker stays insured in NL).
NATIONAL_RULES: dict[str, str] = {
    "NL": "S001 §18.1.3, §18.2.1: a worker sent from the Netherlands to a state without a "
    "coordination instrument stays insured in the Netherlands",
}


# --------------------------------------------------------------------------------------
# Dutch bilateral treaties (legislation.md 1.6)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Treaty:
    """A bilateral social-security treaty of the Netherlands with the posting rule we know."""

    treaty_id: str  # ``treaty:XX-YY`` as in the contract
    countries: frozenset[str]  # the other party's territories (ISO codes)
    name: str
    posting_max_months: int | None  # None: maximum not found (legislation.md: "not found")
    posting_article: str  # article number without "Art."; "" when unknown
    source: str
    extension_note: str = ""
    seafarer_rule: str | None = None  # "residence" where the treaty names the residence state
    aircrew_rule: str | None = None  # "residence" or "employer_seat"
    special_article: str = ""  # article of the crew rules
    #: a fresh posting by the same employer only this many months after the previous one ended
    fresh_posting_gap_months: int | None = None
    #: the posting rule is lost when the worker is also employed by an employer in the host state
    excludes_host_employer: bool = False
    #: successive postings less than this many months apart count as one posting
    successive_postings_months: int | None = None
    #: the posting article itself allows a longer posting with the host state's consent
    #: (legislation.md 1.6, "Max. posting" column: Cape Verde and Morocco "12 months + 12 with
    #: host consent", Tunisia "12 months, extendable with consent"); consent_max_months is the
    #: longest posting that consent can cover under that article (None: no limit given)
    consent_in_posting_article: bool = False
    consent_max_months: int | None = None
    #: the detachment statement must be asked for within this many months of the posting's start
    #: (legislation.md 1.6: Egypt, North Macedonia, New Zealand: "within 3 months")
    statement_due_months: int | None = None
    #: the posting rule also covers a posting routed via a third state (legislation.md 1.6, India)
    covers_routed_postings: bool = False


def _tid(a: str, b: str) -> str:
    return "treaty:" + "-".join(sorted((a, b)))


TREATIES_NL: tuple[Treaty, ...] = (
    Treaty(
        _tid("AU", "NL"),
        frozenset({"AU"}),
        Term(N_("NL-Australia agreement")),
        60,
        "8(3)(d)",
        "NLT BWBV0001493 Art. 8(3)(d)",
        seafarer_rule="residence",
        aircrew_rule="residence",
        special_article="8(4)",
    ),
    # legislation.md 1.6: the NL-Yugoslavia treaty is continued with each successor state, so
    # each continuation is a treaty between NL and that state; determination.md names a treaty by
    # its two parties (``treaty:NL-RS``), not by one successor for all four (``treaty:BA-NL``).
    *(
        Treaty(
            _tid(successor, "NL"),
            frozenset({successor}),
            Term(N_("NL-Yugoslavia treaty (1977), continued with successor states [assumption]")),
            None,
            "",
            "S001 §18.1.2 (posting period not found)",
        )
        for successor in ("BA", "ME", "RS", "XK")
    ),
    Treaty(
        _tid("CA", "NL"),
        frozenset({"CA"}),
        Term(N_("NL-Canada agreement (excl. Quebec)")),
        60,
        "VI(2)(a)",
        "NLT BWBV0001612 Art. VI(2)(a)",
        excludes_host_employer=True,  # Art. VI(2)(a): not if also employed by a host-state employer
    ),
    Treaty(
        _tid("CL", "NL"), frozenset({"CL"}), Term(N_("NL-Chile agreement")), 24, "8", "NLT BWBV0001264 Art. 8"
    ),
    Treaty(
        _tid("CN", "NL"),
        frozenset({"CN"}),
        Term(N_("NL-China agreement")),
        60,
        "",
        "Meijburg (2016); intra-group postings",
        extension_note="extension possible on request",
    ),
    Treaty(
        _tid("EG", "NL"),
        frozenset({"EG"}),
        Term(N_("NL-Egypt agreement")),
        24,
        "9",
        "NLT BWBV0001602 Art. 9",
        statement_due_months=3,  # "detachment statement due within the first 3 months"
    ),
    Treaty(
        _tid("IN", "NL"),
        frozenset({"IN"}),
        Term(N_("NL-India agreement")),
        60,
        "7",
        "NLT BWBV0003812 Art. 7",
        extension_note="longer by agreement",
        covers_routed_postings=True,  # "also covers postings routed via a third country"
    ),
    Treaty(
        _tid("IL", "NL"),
        frozenset({"IL"}),
        Term(N_("NL-Israel agreement")),
        24,
        "6b",
        "NLT BWBV0002871 Art. 6b",
    ),
    Treaty(
        _tid("JP", "NL"),
        frozenset({"JP"}),
        Term(N_("NL-Japan agreement")),
        60,
        "7",
        "NLT BWBV0003018 Art. 7",
        extension_note="longer by agreement",
        fresh_posting_gap_months=12,  # Art. 7: a fresh posting only after 1 year has passed
    ),
    Treaty(
        _tid("CV", "NL"),
        frozenset({"CV"}),
        Term(N_("NL-Cape Verde convention")),
        12,
        "7",
        "NL-Cape Verde convention Art. 7",
        extension_note="12 more months with the host state's consent",
        consent_in_posting_article=True,
        consent_max_months=24,
    ),
    Treaty(
        _tid("GB", "NL"),
        frozenset({"JE", "GG", "IM"}),
        Term(N_("NL-UK convention (Jersey, Guernsey, Isle of Man)")),
        36,
        "8",
        "NLT BWBV0001782 Art. 8",
    ),
    Treaty(
        _tid("MK", "NL"),
        frozenset({"MK"}),
        Term(N_("NL-North Macedonia agreement")),
        24,
        "10",
        "NLT BWBV0001833 Art. 10",
        statement_due_months=3,  # "statement due within 3 months"
    ),
    Treaty(
        _tid("MA", "NL"),
        frozenset({"MA"}),
        Term(N_("NL-Morocco general convention")),
        12,
        "7",
        "NL-Morocco general convention Art. 7",
        extension_note="12 more months with the host state's consent",
        consent_in_posting_article=True,
        consent_max_months=24,
    ),
    Treaty(
        _tid("NL", "NZ"),
        frozenset({"NZ"}),
        Term(N_("NL-New Zealand agreement")),
        60,
        "5",
        "NLT BWBV0001449 Art. 5",
        extension_note="longer for special reasons",
        statement_due_months=3,  # "statement due within 3 months"
    ),
    Treaty(
        _tid("NL", "TN"),
        frozenset({"TN"}),
        Term(N_("NL-Tunisia convention")),
        12,
        "3",
        "NL-Tunisia administrative arrangement Art. 3",
        extension_note="extendable with consent",
        consent_in_posting_article=True,
        consent_max_months=None,
    ),
    Treaty(
        _tid("NL", "TR"),
        frozenset({"TR"}),
        Term(N_("NL-Turkey convention (1966, amended 2000)")),
        None,
        "",
        "S001 §18.1.2 (posting period not found)",
    ),
    Treaty(
        _tid("NL", "UY"),
        frozenset({"UY"}),
        Term(N_("NL-Uruguay agreement")),
        24,
        "7",
        "NLT BWBV0001767 Art. 7",
        excludes_host_employer=True,  # Art. 7: not if also employed by a host-state employer
    ),
    Treaty(
        _tid("NL", "US"), frozenset({"US"}), Term(N_("NL-USA agreement")), 60, "9", "NLT BWBV0002519 Art. 9"
    ),
    Treaty(
        _tid("KR", "NL"),
        frozenset({"KR"}),
        Term(N_("NL-Korea agreement")),
        60,
        "7",
        "NLT BWBV0001568 Art. 7",
        successive_postings_months=12,  # Art. 7: postings < 12 months apart count as one
        seafarer_rule="residence",
        aircrew_rule="employer_seat",
        special_article="8",
    ),
)

#: Quebec has its own agreement with NL, but ISO 3166-1 has no code for it; postings to
#: Quebec are entered as CA and the Canadian figures (also 60 months) apply.
TREATY_BY_COUNTRY_NL: dict[str, Treaty] = {c: t for t in TREATIES_NL for c in t.countries}

#: Treaties per issuing state (only the Dutch list is known).
TREATIES_BY_ISSUER: dict[str, dict[str, Treaty]] = {"NL": TREATY_BY_COUNTRY_NL}
