"""Every reason code is well formed and every code the rules use is in the catalogue."""

import re
from pathlib import Path

from rules.reasons import CATALOGUE, Trace

RULES = Path(__file__).resolve().parents[2] / "rules"


def test_codes_used_in_rules_exist():
    used = set()
    for path in RULES.rglob("*.py"):
        used |= set(re.findall(r'"((?:ART|SCOPE|UK|TCA|TREATY|NATIONAL)[A-Z0-9_]*)"', path.read_text()))
    used = {u for u in used if "_" in u and not u.endswith("_")}
    # code prefixes that art13 completes with the sub-case ("ART13_1" + "_A_SUBSTANTIAL_...")
    prefixes = {
        "ART13_1",
        "ART13_2",
        "ART13_3",
        "ART13_4",
        "TCA_SSC12_1",
        "TCA_SSC12_2",
        "TCA_SSC12_3",
        "TCA_SSC12_4",
    }
    assert used - set(CATALOGUE) - prefixes == set()


def test_catalogue_entries():
    for code, (provision, ok, ko) in CATALOGUE.items():
        assert re.fullmatch(r"[A-Z0-9_]+", code)
        assert provision
        assert ok.endswith("."), code
        assert ko.endswith(".") or ko.endswith("{why}"), code  # {why} is a full sentence ending


def test_trace_does_not_repeat_warnings():
    tr = Trace()
    tr.warn("x")
    tr.warn("x")
    assert tr.warnings == ["x"]
