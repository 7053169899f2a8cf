"""Which request to leave a transition counts for which transition (legislation.md 1.2, 1.4).

The input has one request date for Art. 87(8) and Art. 87a. A request dated before the situation
began is about an earlier situation; one made before Reg. 883/2004 applied to the situation
concerned the move from Reg. 1408/71 (Art. 87(8)), not the Art. 87a transition that
Reg. 465/2012 opened later. Found by the metamorphic residence-share property
(tests/rules/test_metamorphic_s10.py)."""

from .builders import decide, seats, situation, work

FLIGHT_CREW = situation(
    reference_date="2013-01-01",
    situation_start="2000-01-01",
    residence="BE",
    employment_type="flight_crew",
    work=work(("BE", 50), ("AT", 50)),
    employers=seats("AT", substantial=False),
    home_base="AT",
    art87_8_request_date="2000-01-01",
)


def test_a_request_made_under_1408_does_not_end_the_art87a_transition_whatever_the_share():
    """Lives BE, flight crew half in BE and half in AT, AT airline and home base, request dated
    2000. With 50 % in BE: 1408/71 gave AT (not principally in BE), 883/2004 as first worded BE, so
    Art. 87(8) ran and the request ended it in 2010; from 2012-06-28 Reg. 465/2012 gives the home
    base AT and Art. 87a keeps BE. With 51 % in BE, 1408/71 gave BE too, so no Art. 87(8)
    transition ran, and the same request ended Art. 87a at once: AT. More work in BE took BE's
    legislation away."""
    half = decide(FLIGHT_CREW)
    more = decide(dict(FLIGHT_CREW, work=work(("BE", 51, 50), ("AT", 49, 50))))
    for result in (half, more):
        assert result["legislation"] == "BE", result["reasons"]
        assert result["transitional"] == {"instrument": "883/2004", "article": "87a(1)"}


def test_a_request_after_883_applied_still_ends_art87a_from_its_start():
    """The same situation from 2011 (under Reg. 883/2004 from its start): a request of 2011 is one
    to leave Art. 87a and takes effect on 2012-06-28 (legislation.md 1.2: by 2012-09-29)."""
    result = decide(
        dict(
            FLIGHT_CREW,
            situation_start="2011-01-01",
            work=work(("BE", 51, 50), ("AT", 49, 50)),
            art87_8_request_date="2011-06-01",
        )
    )
    assert result["legislation"] == "AT" and result["transitional"] is None, result["reasons"]


# C51's situation: lives BE since 2008, 10 % BE and 90 % NL, NL employer: 1408/71 gives BE
# (14(2)(b)(i)), Reg. 883/2004 NL (13(1)(b)(i)), so Art. 87(8) keeps BE (legislation.md 1.4).
C51 = situation(
    reference_date="2015-01-01",
    situation_start="2008-01-01",
    residence="BE",
    work=work(("BE", 10), ("NL", 90)),
    employers=seats("NL"),
)


def test_a_request_dated_before_the_situation_began_is_not_counted_and_is_said():
    result = decide(dict(C51, art87_8_request_date="2007-06-01"))
    assert result["legislation"] == "BE" and result["transitional"] == {
        "instrument": "883/2004",
        "article": "87(8)",
    }, result["reasons"]
    assert any("dated 2007-06-01, before the situation began on 2008-01-01" in w for w in result["warnings"])


def test_a_request_during_the_situation_still_ends_the_transition():
    result = decide(dict(C51, art87_8_request_date="2010-06-15"))
    assert result["legislation"] == "NL" and result["transitional"] is None, result["reasons"]
    assert not any("before the situation began" in w for w in result["warnings"])
