"""Session 12 differential review, topic D: Regulation 1408/71 (with 574/72).

An oracle written from legislation.md alone (section 1.2 start dates, section 3.1) was compared
with the engine on generated situations in the 1408/71 era. The situations the two agreed on at
each date and threshold of the topic (the 883/2004 start dates for the EU, CH and the EEA-EFTA
states, Croatia's accession, the 12-month posting limit, the Art. 17 agreement's dates, the
residence share under Art. 14(2)(b)(i)) are kept here with their expected fields, so the
comparison lives on without the oracle.
"""

from __future__ import annotations

import rules

FIELDS = (
    "legislation",
    "provision",
    "transitional",
    "provisional",
    "certificate",
    "a1_status_code",
    "period",
)


def _sit(**kw) -> dict:
    base = {
        "reference_date": "2009-06-01",
        "residence": "NL",
        "employment_type": "civil_servant_and_employed",
        "work": [
            {"country": "NL", "time_pct": 60, "remuneration_pct": 60, "activity": "civil_servant"},
            {"country": "BE", "time_pct": 40, "remuneration_pct": 40, "activity": "employed"},
        ],
        "employers": [{"seat": "US", "substantial_activity_in_seat": True}],
        "flag_state": None,
        "home_base": None,
        "posting": None,
        "art87_8_request_date": None,
    }
    base.update(kw)
    return base


def test_art14e_third_country_administration_is_not_designated_under_1408():
    """legislation.md 1.1: the regulation countries are "the EU member states, the three EEA-EFTA
    states (Iceland, Liechtenstein, Norway) and Switzerland"; 1.2: "a cross-border situation falls
    under 883/2004 only from the latest start date among *all* states in which the person lives or
    works and in which the employers sit"; 2.2 step 0: "all states involved are regulation
    countries at the reference date? else -> treaty / national".

    A civil servant of a US administration who also works in BE was designated "US under
    Reg. 1408/71 Art. 14e": a regulation cannot make a third country's legislation apply. As
    for a civil servant who only works as such (Art. 13(2)(d)), the case leaves the regulation
    (and with it Art. 87(8), which kept "US under 1408/71" against "US under 883/2004 13(4)")."""
    got = rules.determine(_sit())
    assert got["provision"]["instrument"] not in ("1408/71", "883/2004", "987/2009")
    assert got["legislation"] != "US"
    # The same in 2015 (883/2004 Art. 13(4)), for a situation unchanged since 2008 (Art. 87(8)).
    for start in ("2015-01-01", "2008-01-01"):
        later = rules.determine(_sit(reference_date="2015-06-01", situation_start=start))
        assert later["provision"]["instrument"] not in ("1408/71", "883/2004", "987/2009")
        assert later["transitional"] is None
    # An administration of a Member State is still designated under Art. 14e.
    ok = rules.determine(_sit(employers=[{"seat": "NL", "substantial_activity_in_seat": True}]))
    assert (ok["legislation"], ok["provision"]) == ("NL", {"instrument": "1408/71", "article": "14e"})
