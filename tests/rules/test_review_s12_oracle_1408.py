"""Session 12 differential review, topic D: Regulation 1408/71 (with 574/72).

An oracle written from legislation.md alone (section 1.2 start dates, section 3.1) was compared
with the engine on generated situations in the 1408/71 era. The situations the two agreed on at
each date and threshold of the topic (the 883/2004 start dates for the EU, CH and the EEA-EFTA
states, Croatia's accession, the 12-month posting limit, the Art. 17 agreement's dates, the
residence share under Art. 14(2)(b)(i)) are kept here with their expected fields, so the
comparison lives on without the oracle.
"""

from __future__ import annotations

import pytest

import rules

from .builders import fields, seats, situation, work

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
    base = situation(
        reference_date="2009-06-01",
        employment_type="civil_servant_and_employed",
        work=work(("NL", 60, 60, "civil_servant"), ("BE", 40)),
        employers=seats("US"),
    )
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


BOUNDARIES = [
    pytest.param(
        situation(
            reference_date="2010-04-30",
            work=work(("NL", 30), ("BE", 70)),
            employers=seats("BE"),
            situation_start="2010-04-30",
        ),
        fields(
            "NL",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="EU ms-res ref 2010-04-30",
    ),
    pytest.param(
        situation(
            reference_date="2010-04-30",
            residence="DE",
            work=work(("NL", 60), ("BE", 40)),
            situation_start="2010-04-30",
        ),
        fields(
            "NL",
            "1408/71",
            "14(2)(b)(ii)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="EU ms-seat ref 2010-04-30",
    ),
    pytest.param(
        situation(
            reference_date="2010-04-30", residence="DE", work=work(("NL", 100)), situation_start="2010-04-30"
        ),
        fields("NL", "1408/71", "13(2)(a)", transitional=None, provisional=False, code=None),
        id="EU lexloci ref 2010-04-30",
    ),
    pytest.param(
        situation(
            reference_date="2010-04-30",
            employment_type="inactive",
            work=work(),
            employers=[],
            situation_start="2010-04-30",
        ),
        fields(
            "NL",
            "1408/71",
            "13(2)(f)",
            transitional=None,
            provisional=False,
            certificate=None,
            code=None,
            period=None,
        ),
        id="EU inactive ref 2010-04-30",
    ),
    pytest.param(
        situation(
            reference_date="2012-03-31",
            residence="CH",
            work=work(("CH", 30), ("BE", 70)),
            employers=seats("BE"),
            situation_start="2012-03-31",
        ),
        fields(
            "CH",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="CH ms-res ref 2012-03-31",
    ),
    pytest.param(
        situation(
            reference_date="2012-03-31",
            residence="DE",
            work=work(("CH", 60), ("BE", 40)),
            employers=seats("CH"),
            situation_start="2012-03-31",
        ),
        fields(
            "CH",
            "1408/71",
            "14(2)(b)(ii)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="CH ms-seat ref 2012-03-31",
    ),
    pytest.param(
        situation(
            reference_date="2012-03-31",
            residence="DE",
            work=work(("CH", 100)),
            employers=seats("CH"),
            situation_start="2012-03-31",
        ),
        fields("CH", "1408/71", "13(2)(a)", transitional=None, provisional=False, code=None),
        id="CH lexloci ref 2012-03-31",
    ),
    pytest.param(
        situation(
            reference_date="2012-03-31",
            residence="CH",
            employment_type="inactive",
            work=work(),
            employers=[],
            situation_start="2012-03-31",
        ),
        fields(
            "CH",
            "1408/71",
            "13(2)(f)",
            transitional=None,
            provisional=False,
            certificate=None,
            code=None,
            period=None,
        ),
        id="CH inactive ref 2012-03-31",
    ),
    pytest.param(
        situation(
            reference_date="2012-05-31",
            residence="NO",
            work=work(("NO", 30), ("BE", 70)),
            employers=seats("BE"),
            situation_start="2012-05-31",
        ),
        fields(
            "NO",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="EEA-NO ms-res ref 2012-05-31",
    ),
    pytest.param(
        situation(
            reference_date="2012-05-31",
            residence="DE",
            work=work(("NO", 60), ("BE", 40)),
            employers=seats("NO"),
            situation_start="2012-05-31",
        ),
        fields(
            "NO",
            "1408/71",
            "14(2)(b)(ii)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="EEA-NO ms-seat ref 2012-05-31",
    ),
    pytest.param(
        situation(
            reference_date="2012-05-31",
            residence="DE",
            work=work(("NO", 100)),
            employers=seats("NO"),
            situation_start="2012-05-31",
        ),
        fields("NO", "1408/71", "13(2)(a)", transitional=None, provisional=False, code=None),
        id="EEA-NO lexloci ref 2012-05-31",
    ),
    pytest.param(
        situation(
            reference_date="2012-05-31",
            residence="NO",
            employment_type="inactive",
            work=work(),
            employers=[],
            situation_start="2012-05-31",
        ),
        fields(
            "NO",
            "1408/71",
            "13(2)(f)",
            transitional=None,
            provisional=False,
            certificate=None,
            code=None,
            period=None,
        ),
        id="EEA-NO inactive ref 2012-05-31",
    ),
    pytest.param(
        situation(
            reference_date="2012-03-31",
            residence="CH",
            work=work(("CH", 20), ("NO", 80)),
            employers=seats("NO"),
            situation_start="2012-03-31",
        ),
        fields(
            "CH",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="CH+NO ms ref 2012-03-31",
    ),
    pytest.param(
        situation(
            reference_date="2012-04-01",
            residence="CH",
            work=work(("CH", 20), ("NO", 80)),
            employers=seats("NO"),
            situation_start="2012-04-01",
        ),
        fields(
            "CH",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="CH+NO ms ref 2012-04-01",
    ),
    pytest.param(
        situation(
            reference_date="2012-05-31",
            residence="CH",
            work=work(("CH", 20), ("NO", 80)),
            employers=seats("NO"),
            situation_start="2012-05-31",
        ),
        fields(
            "CH",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="CH+NO ms ref 2012-05-31",
    ),
    pytest.param(
        situation(reference_date="2009-01-01", posting={"start": "2009-01-01", "end": "2009-12-30"}),
        fields(
            "NL",
            "1408/71",
            "14(1)(a)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-01-01", "2009-12-30"),
        ),
        id="posting 2009-01-01..2009-12-30",
    ),
    pytest.param(
        situation(
            reference_date="2009-01-01",
            employment_type="self_employed",
            work=work(("BE", 100, 100, "self_employed")),
            employers=[],
            posting={
                "start": "2009-01-01",
                "end": "2009-12-30",
                "insured_in_sending_state_months_before": 24,
            },
        ),
        fields(
            "NL",
            "1408/71",
            "14a(1)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-01-01", "2009-12-30"),
        ),
        id="se posting 2009-01-01..2009-12-30",
    ),
    pytest.param(
        situation(reference_date="2009-01-01", posting={"start": "2009-01-01", "end": "2009-12-31"}),
        fields(
            "NL",
            "1408/71",
            "14(1)(a)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-01-01", "2009-12-31"),
        ),
        id="posting 2009-01-01..2009-12-31",
    ),
    pytest.param(
        situation(
            reference_date="2009-01-01",
            employment_type="self_employed",
            work=work(("BE", 100, 100, "self_employed")),
            employers=[],
            posting={
                "start": "2009-01-01",
                "end": "2009-12-31",
                "insured_in_sending_state_months_before": 24,
            },
        ),
        fields(
            "NL",
            "1408/71",
            "14a(1)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-01-01", "2009-12-31"),
        ),
        id="se posting 2009-01-01..2009-12-31",
    ),
    pytest.param(
        situation(reference_date="2009-01-01", posting={"start": "2009-01-01", "end": "2010-01-01"}),
        fields("BE", "1408/71", "13(2)(a)", transitional=None, provisional=False, code=None),
        id="posting 2009-01-01..2010-01-01",
    ),
    pytest.param(
        situation(
            reference_date="2009-01-01",
            employment_type="self_employed",
            work=work(("BE", 100, 100, "self_employed")),
            employers=[],
            posting={
                "start": "2009-01-01",
                "end": "2010-01-01",
                "insured_in_sending_state_months_before": 24,
            },
        ),
        {"legislation": "BE", "transitional": None, "provisional": False, "a1_status_code": None},
        id="se posting 2009-01-01..2010-01-01",
    ),
    pytest.param(
        situation(reference_date="2009-01-01", posting={"start": "2009-01-01", "end": "2010-01-02"}),
        fields("BE", "1408/71", "13(2)(a)", transitional=None, provisional=False, code=None),
        id="posting 2009-01-01..2010-01-02",
    ),
    pytest.param(
        situation(
            reference_date="2009-01-01",
            employment_type="self_employed",
            work=work(("BE", 100, 100, "self_employed")),
            employers=[],
            posting={
                "start": "2009-01-01",
                "end": "2010-01-02",
                "insured_in_sending_state_months_before": 24,
            },
        ),
        {"legislation": "BE", "transitional": None, "provisional": False, "a1_status_code": None},
        id="se posting 2009-01-01..2010-01-02",
    ),
    pytest.param(
        situation(reference_date="2009-03-31", posting={"start": "2009-03-31", "end": "2010-03-29"}),
        fields(
            "NL",
            "1408/71",
            "14(1)(a)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-03-31", "2010-03-29"),
        ),
        id="posting 2009-03-31..2010-03-29",
    ),
    pytest.param(
        situation(reference_date="2009-03-31", posting={"start": "2009-03-31", "end": "2010-03-30"}),
        fields(
            "NL",
            "1408/71",
            "14(1)(a)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-03-31", "2010-03-30"),
        ),
        id="posting 2009-03-31..2010-03-30",
    ),
    pytest.param(
        situation(reference_date="2009-03-31", posting={"start": "2009-03-31", "end": "2010-03-31"}),
        fields("BE", "1408/71", "13(2)(a)", transitional=None, provisional=False, code=None),
        id="posting 2009-03-31..2010-03-31",
    ),
    pytest.param(
        situation(reference_date="2009-03-31", posting={"start": "2009-03-31", "end": "2010-04-01"}),
        fields("BE", "1408/71", "13(2)(a)", transitional=None, provisional=False, code=None),
        id="posting 2009-03-31..2010-04-01",
    ),
    pytest.param(
        situation(reference_date="2009-12-15", posting={"start": "2009-12-15", "end": "2010-12-13"}),
        fields(
            "NL",
            "1408/71",
            "14(1)(a)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-12-15", "2010-12-13"),
        ),
        id="posting 2009-12-15..2010-12-13",
    ),
    pytest.param(
        situation(
            reference_date="2009-12-15",
            employment_type="self_employed",
            work=work(("BE", 100, 100, "self_employed")),
            employers=[],
            posting={
                "start": "2009-12-15",
                "end": "2010-12-13",
                "insured_in_sending_state_months_before": 24,
            },
        ),
        fields(
            "NL",
            "1408/71",
            "14a(1)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-12-15", "2010-12-13"),
        ),
        id="se posting 2009-12-15..2010-12-13",
    ),
    pytest.param(
        situation(reference_date="2009-12-15", posting={"start": "2009-12-15", "end": "2010-12-14"}),
        fields(
            "NL",
            "1408/71",
            "14(1)(a)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-12-15", "2010-12-14"),
        ),
        id="posting 2009-12-15..2010-12-14",
    ),
    pytest.param(
        situation(
            reference_date="2009-12-15",
            employment_type="self_employed",
            work=work(("BE", 100, 100, "self_employed")),
            employers=[],
            posting={
                "start": "2009-12-15",
                "end": "2010-12-14",
                "insured_in_sending_state_months_before": 24,
            },
        ),
        fields(
            "NL",
            "1408/71",
            "14a(1)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-12-15", "2010-12-14"),
        ),
        id="se posting 2009-12-15..2010-12-14",
    ),
    pytest.param(
        situation(reference_date="2009-12-15", posting={"start": "2009-12-15", "end": "2010-12-15"}),
        fields("BE", "1408/71", "13(2)(a)", transitional=None, provisional=False, code=None),
        id="posting 2009-12-15..2010-12-15",
    ),
    pytest.param(
        situation(
            reference_date="2009-12-15",
            employment_type="self_employed",
            work=work(("BE", 100, 100, "self_employed")),
            employers=[],
            posting={
                "start": "2009-12-15",
                "end": "2010-12-15",
                "insured_in_sending_state_months_before": 24,
            },
        ),
        {"legislation": "BE", "transitional": None, "provisional": False, "a1_status_code": None},
        id="se posting 2009-12-15..2010-12-15",
    ),
    pytest.param(
        situation(reference_date="2009-12-15", posting={"start": "2009-12-15", "end": "2010-12-16"}),
        fields("BE", "1408/71", "13(2)(a)", transitional=None, provisional=False, code=None),
        id="posting 2009-12-15..2010-12-16",
    ),
    pytest.param(
        situation(
            reference_date="2009-12-15",
            employment_type="self_employed",
            work=work(("BE", 100, 100, "self_employed")),
            employers=[],
            posting={
                "start": "2009-12-15",
                "end": "2010-12-16",
                "insured_in_sending_state_months_before": 24,
            },
        ),
        {"legislation": "BE", "transitional": None, "provisional": False, "a1_status_code": None},
        id="se posting 2009-12-15..2010-12-16",
    ),
    pytest.param(
        situation(reference_date="2010-04-30", posting={"start": "2010-01-01", "end": "2010-10-31"}),
        fields(
            "NL",
            "1408/71",
            "14(1)(a)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2010-01-01", "2010-10-31"),
        ),
        id="posting 2010-01-01..2010-10-31 ref 2010-04-30",
    ),
    pytest.param(
        situation(
            reference_date="2009-01-01",
            posting={
                "start": "2009-01-01",
                "end": "2011-12-31",
                "art16_agreement": {"state": "NL", "start": "2009-01-01", "end": "2011-12-31"},
            },
        ),
        fields(
            "NL",
            "1408/71",
            "17",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-01-01", "2011-12-31"),
        ),
        id="art17 ref 2009-01-01",
    ),
    pytest.param(
        situation(
            reference_date="2010-04-30",
            posting={
                "start": "2009-01-01",
                "end": "2011-12-31",
                "art16_agreement": {"state": "NL", "start": "2009-01-01", "end": "2011-12-31"},
            },
        ),
        fields(
            "NL",
            "1408/71",
            "17",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-01-01", "2011-12-31"),
        ),
        id="art17 ref 2011-12-31",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            posting={
                "start": "2009-01-01",
                "end": "2011-12-31",
                "art16_agreement": {"state": "NL", "start": "2009-01-01", "end": "2011-12-31"},
            },
        ),
        fields(
            "NL",
            "1408/71",
            "17",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=("2009-01-01", "2011-12-31"),
        ),
        id="art17 ref 2009-06-01",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            posting={"start": "2009-01-01", "end": "2009-12-31", "replaces_posted_worker": True},
        ),
        fields("BE", "1408/71", "13(2)(a)", transitional=None, provisional=False, code=None),
        id="posting replaces",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            posting={"start": "2009-01-01", "end": "2009-12-31", "direct_relationship_maintained": False},
        ),
        fields("BE", "1408/71", "13(2)(a)", transitional=None, provisional=False, code=None),
        id="posting no direct relationship",
    ),
    pytest.param(
        situation(reference_date="2009-06-01", residence="BE", work=work(("BE", 1), ("NL", 99))),
        fields(
            "BE",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="ms residence 1%",
    ),
    pytest.param(
        situation(reference_date="2009-06-01", residence="BE", work=work(("BE", 4), ("NL", 96))),
        fields(
            "BE",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="ms residence 4%",
    ),
    pytest.param(
        situation(reference_date="2009-06-01", residence="BE", work=work(("BE", 5), ("NL", 95))),
        fields(
            "BE",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="ms residence 5%",
    ),
    pytest.param(
        situation(reference_date="2009-06-01", residence="BE", work=work(("BE", 6), ("NL", 94))),
        fields(
            "BE",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="ms residence 6%",
    ),
    pytest.param(
        situation(reference_date="2009-06-01", residence="BE", work=work(("BE", 24), ("NL", 76))),
        fields(
            "BE",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="ms residence 24%",
    ),
    pytest.param(
        situation(reference_date="2009-06-01", residence="BE", work=work(("BE", 25), ("NL", 75))),
        fields(
            "BE",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="ms residence 25%",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            residence="DE",
            work=work(("NL", 50), ("BE", 50)),
            employers=seats("NL", "BE"),
        ),
        fields(
            "DE",
            "1408/71",
            "14(2)(b)(i)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="ms two seats, not in residence",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            residence="DE",
            work=work(("NL", 50), ("BE", 50)),
            employers=seats("NL", "NL"),
        ),
        fields(
            "NL",
            "1408/71",
            "14(2)(b)(ii)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="ms two employers same seat, not in residence",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            residence="PT",
            employment_type="seafarer",
            work=work(("NL", 100)),
            flag_state="NL",
        ),
        fields("NL", "1408/71", "13(2)(c)", transitional=None, provisional=False, code=None),
        id="mariner NL flag NL employer PT resident",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01", employment_type="seafarer", work=work(("MT", 100)), flag_state="MT"
        ),
        fields("NL", "1408/71", "14b(4)", transitional=None, provisional=False, code=None),
        id="mariner MT flag NL employer NL resident",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            residence="BE",
            employment_type="seafarer",
            work=work(("MT", 100)),
            flag_state="MT",
        ),
        fields("MT", "1408/71", "13(2)(c)", transitional=None, provisional=False, code=None),
        id="mariner MT flag NL employer BE resident",
    ),
    pytest.param(
        situation(reference_date="2009-06-01", residence="BE", employment_type="civil_servant"),
        fields("NL", "1408/71", "13(2)(d)", transitional=None, provisional=False, code=None),
        id="civil servant NL in BE",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            employment_type="civil_servant",
            posting={"start": "2009-01-01", "end": "2009-12-31"},
        ),
        fields("NL", "1408/71", "13(2)(d)", transitional=None, provisional=False, code=None),
        id="civil servant NL posted BE",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            residence="FR",
            employment_type="flight_crew",
            work=work(("BE", 50), ("ES", 50)),
            employers=seats("IE"),
            home_base="BE",
        ),
        fields(
            "IE",
            "1408/71",
            "14(2)(a)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="flight crew not in residence",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            residence="BE",
            employment_type="self_employed",
            work=work(("BE", 40, 40, "self_employed"), ("NL", 60, 60, "self_employed")),
            employers=[],
        ),
        fields(
            "BE",
            "1408/71",
            "14a(2)",
            transitional=None,
            provisional=False,
            certificate="E101",
            code=None,
            period=None,
        ),
        id="se ms residence",
    ),
]


@pytest.mark.parametrize(("situation", "expected"), BOUNDARIES)
def test_1408_boundary(situation, expected):
    got = rules.determine(situation)
    assert {k: got[k] for k in expected} == expected
    assert set(expected) <= set(FIELDS)


#: Situations on or after the date from which 883/2004 applies to all their states, or involving
#: Croatia (legislation.md 1.2: "1408/71 never applied to HR"): never decided under 1408/71.
NOT_1408 = [
    pytest.param(
        situation(
            reference_date="2010-05-01",
            work=work(("NL", 30), ("BE", 70)),
            employers=seats("BE"),
            situation_start="2010-05-01",
        ),
        id="EU ms-res ref 2010-05-01",
    ),
    pytest.param(
        situation(
            reference_date="2012-04-01",
            residence="CH",
            work=work(("CH", 30), ("BE", 70)),
            employers=seats("BE"),
            situation_start="2012-04-01",
        ),
        id="CH ms-res ref 2012-04-01",
    ),
    pytest.param(
        situation(
            reference_date="2012-06-01",
            residence="NO",
            work=work(("NO", 30), ("BE", 70)),
            employers=seats("BE"),
            situation_start="2012-06-01",
        ),
        id="EEA-NO ms-res ref 2012-06-01",
    ),
    pytest.param(
        situation(
            reference_date="2012-06-01",
            residence="LI",
            work=work(("LI", 30), ("AT", 70)),
            employers=seats("AT"),
            situation_start="2012-06-01",
        ),
        id="EEA-LI ms-res ref 2012-06-01",
    ),
    pytest.param(
        situation(
            reference_date="2012-06-01",
            residence="IS",
            work=work(("IS", 30), ("DK", 70)),
            employers=seats("DK"),
            situation_start="2012-06-01",
        ),
        id="EEA-IS ms-res ref 2012-06-01",
    ),
    pytest.param(
        situation(
            reference_date="2012-06-01",
            residence="CH",
            work=work(("CH", 20), ("NO", 80)),
            employers=seats("NO"),
            situation_start="2012-06-01",
        ),
        id="CH+NO ms ref 2012-06-01",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            work=work(("HR", 100)),
            posting={"host_state": "HR", "start": "2009-06-01", "end": "2009-11-28"},
        ),
        id="HR posting ref 2009-06-01",
    ),
    pytest.param(
        situation(
            reference_date="2009-06-01",
            residence="HR",
            work=work(("HR", 30), ("SI", 70)),
            employers=seats("SI"),
            situation_start="2009-06-01",
        ),
        id="HR ms ref 2009-06-01",
    ),
    pytest.param(
        situation(
            reference_date="2013-06-30",
            work=work(("HR", 100)),
            posting={"host_state": "HR", "start": "2013-06-30", "end": "2013-12-27"},
        ),
        id="HR posting ref 2013-06-30",
    ),
    pytest.param(
        situation(
            reference_date="2013-06-30",
            residence="HR",
            work=work(("HR", 30), ("SI", 70)),
            employers=seats("SI"),
            situation_start="2013-06-30",
        ),
        id="HR ms ref 2013-06-30",
    ),
    pytest.param(
        situation(
            reference_date="2013-07-01",
            work=work(("HR", 100)),
            posting={"host_state": "HR", "start": "2013-07-01", "end": "2013-12-28"},
        ),
        id="HR posting ref 2013-07-01",
    ),
    pytest.param(
        situation(
            reference_date="2013-07-01",
            residence="HR",
            work=work(("HR", 30), ("SI", 70)),
            employers=seats("SI"),
            situation_start="2013-07-01",
        ),
        id="HR ms ref 2013-07-01",
    ),
    pytest.param(
        situation(reference_date="2010-05-01", posting={"start": "2010-05-01", "end": "2011-04-30"}),
        id="posting 2010-05-01..2011-04-30 ref 2010-05-01",
    ),
]


@pytest.mark.parametrize("situation", NOT_1408)
def test_not_decided_under_1408(situation):
    assert rules.determine(situation)["provision"]["instrument"] != "1408/71"
