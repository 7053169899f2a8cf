"""Fixes from the twelfth session's differential reviews (tests/rules/test_review_s12_oracle_*.py)."""

import rules
from tests.rules.builders import situation, work


def _nl_and_us():
    """Lives in NL, works half in NL and half in the US for a Dutch employer: the NL-USA agreement
    covers the two states, but legislation.md 1.6 gives none of its rules for work in both at once."""
    return situation(work=work(("NL", 50), ("US", 50)))


def test_work_in_nl_and_a_treaty_state_at_once_keeps_the_national_answer():
    result = rules.determine(_nl_and_us())
    assert (result["legislation"], result["provision"]) == (
        "NL",
        {"instrument": "national:NL", "article": ""},
    )
    assert result["certificate"] is None


def test_work_in_nl_and_a_treaty_state_at_once_never_says_no_instrument_applies():
    """The reasons said "No coordination instrument applies" right after naming the NL-USA
    agreement; they now say the engine applies none of its rules and answers by national law."""
    result = rules.determine(_nl_and_us())
    texts = [r["explanation"] for r in result["reasons"]] + result["warnings"]
    assert not [t for t in texts if "No coordination instrument applies" in t]
    last = result["reasons"][-1]
    assert (last["code"], last["passed"]) == ("NATIONAL_RULE_TREATY_NOT_ENCODED", True)
    assert "NL-USA agreement" in last["explanation"]
    assert any(w.startswith("Until the institutions apply the NL-USA agreement") for w in result["warnings"])


def test_a_state_without_a_treaty_still_says_no_instrument_applies():
    """Brazil has no treaty with NL (legislation.md 1.6): there, no instrument applies indeed."""
    result = rules.determine(situation(work=work(("NL", 50), ("BR", 50))))
    assert result["provision"] == {"instrument": "national:NL", "article": ""}
    assert [r["code"] for r in result["reasons"]] == ["SCOPE_883_STATES", "NATIONAL_RULE"]
    assert any(w.startswith("No coordination instrument applies") for w in result["warnings"])
