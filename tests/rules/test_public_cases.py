"""All worked cases of shared/domain/cases-public.json give their expected determination."""

import pytest

import rules

from .builders import load_public_cases

CASES = load_public_cases()


def test_cases_are_loaded():
    assert len(CASES) >= 28


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_public_case(case):
    result = rules.determine(case["situation"])
    for key, expected in case["expected"].items():
        assert result[key] == expected, f"{case['id']} {case['title']}: {key}"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_output_shape(case):
    result = rules.determine(case["situation"])
    assert set(result) == {
        "legislation",
        "provision",
        "transitional",
        "provisional",
        "certificate",
        "a1_status_code",
        "period",
        "reasons",
        "warnings",
    }
    assert result["reasons"], "every determination says why"
    for reason in result["reasons"]:
        assert set(reason) == {"code", "provision", "passed", "explanation"}
        assert reason["code"].isupper()
        assert reason["explanation"].endswith(".")
    if result["a1_status_code"] is not None:
        assert result["certificate"] == "PD A1"
