"""Small builders for situations in engine tests (plain dicts in the contract's shape)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import rules

BASE = {
    "reference_date": "2024-06-01",
    "residence": "NL",
    "employment_type": "employed",
    "work": [{"country": "BE", "time_pct": 100, "remuneration_pct": 100, "activity": "employed"}],
    "employers": [{"seat": "NL", "substantial_activity_in_seat": True}],
    "flag_state": None,
    "home_base": None,
    "posting": None,
    "art87_8_request_date": None,
}

POSTING = {
    "sending_state": "NL",
    "host_state": "BE",
    "start": "2024-03-01",
    "end": "2025-02-28",
    "replaces_posted_worker": False,
    "insured_in_sending_state_months_before": 12,
    "direct_relationship_maintained": True,
    "placed_at_disposal_of_third_undertaking": False,
    "previous_posting_same_employer_host_end": None,
    "art16_agreement": None,
}


def situation(**changes) -> dict:
    """BASE with top-level keys replaced; ``posting=dict(...)`` is merged into POSTING."""
    s = copy.deepcopy(BASE)
    for key, value in changes.items():
        if key == "posting" and isinstance(value, dict):
            s["posting"] = {**POSTING, **value}
        else:
            s[key] = value
    return s


def posting(**changes) -> dict:
    return situation(posting=changes)


def work(*items) -> list[dict]:
    """``work(("NL", 40), ("DE", 60))`` or with pay and activity: ``("NL", 40, 30, "employed")``."""
    out = []
    for item in items:
        country, time_pct = item[0], item[1]
        pay = item[2] if len(item) > 2 else time_pct
        activity = item[3] if len(item) > 3 else "employed"
        out.append({"country": country, "time_pct": time_pct, "remuneration_pct": pay, "activity": activity})
    return out


def seats(*countries, substantial=True) -> list[dict]:
    return [{"seat": c, "substantial_activity_in_seat": substantial} for c in countries]


def decide(s: dict, **kw) -> dict:
    return rules.determine(s, **kw)


def summary(result: dict) -> tuple:
    p = result["provision"]
    return (result["legislation"], p["instrument"], p["article"], result["a1_status_code"])


def codes(result: dict) -> dict[str, bool]:
    return {r["code"]: r["passed"] for r in result["reasons"]}


def load_public_cases() -> list[dict]:
    """The shared worked cases; the copy beside the tests is used when shared/ is missing."""
    here = Path(__file__).resolve()
    shared = here.parents[3] / "shared" / "domain" / "cases-public.json"
    path = shared if shared.exists() else here.parent / "data" / "cases-public.json"
    return json.loads(path.read_text(encoding="utf-8"))


UNSET = object()


def check(
    result,
    legislation,
    instrument,
    article,
    code,
    *,
    provisional=False,
    transitional=None,
    certificate=UNSET,
    period=UNSET,
):
    """Assert the answer a person reads off the determination."""
    assert summary(result) == (legislation, instrument, article, code), result["reasons"]
    assert result["provisional"] is provisional
    if transitional is None:
        assert result["transitional"] is None
    else:
        assert result["transitional"] == {"instrument": "883/2004", "article": transitional}
    if certificate is not UNSET:
        assert result["certificate"] == certificate
    if period is not UNSET:
        assert result["period"] == period


# Positional builders for the reviews of the worked cases' gaps (test_review_s10_gaps_b.py,
# test_review_s11_gaps.py): a case there is one line, so the situation's parts are positional.
T878 = {"instrument": "883/2004", "article": "87(8)"}
T87A = {"instrument": "883/2004", "article": "87a(1)"}


def post(sending, host, start, end, **more):
    p = {
        "sending_state": sending,
        "host_state": host,
        "start": start,
        "end": end,
        "replaces_posted_worker": False,
        "insured_in_sending_state_months_before": 12,
        "direct_relationship_maintained": True,
        "previous_posting_same_employer_host_end": None,
        "art16_agreement": None,
        "placed_at_disposal_of_third_undertaking": False,
    }
    p.update(more)
    return p


def sit(
    ref, start, residence, etype, work, employers, *, flag=None, base=None, posting=None, request=None, **more
):
    s = {
        "reference_date": ref,
        "situation_start": start,
        "residence": residence,
        "employment_type": etype,
        "work": work,
        "employers": employers,
        "flag_state": flag,
        "home_base": base,
        "posting": posting,
        "art87_8_request_date": request,
    }
    s.update(more)
    return s


def posted(ref, sending, host, start, end, *, etype="employed", residence=None, seat=None, **more):
    """A posting from ``sending`` to ``host`` (employer seated and person living in ``sending``)."""
    activity = "self_employed" if etype == "self_employed" else "employed"
    extra = {k: more.pop(k) for k in list(more) if k in ("nationalities",)}
    return sit(
        ref,
        start,
        residence or sending,
        etype,
        work((host, 100, 100, activity)),
        seats(seat or sending),
        posting=post(sending, host, start, end, **more),
        **extra,
    )


def compare(case_, result):
    """What a gap review's case expects and the determination does not give (an article of None:
    legislation.md names none, so only the instrument is compared)."""
    mismatches = []
    for key, expected in case_["expected"].items():
        got = result[key]
        if key == "provision" and expected["article"] is None:
            expected, got = expected["instrument"], got["instrument"]
        if got != expected:
            mismatches.append(f"{key}: expected {expected!r}, got {got!r}")
    return mismatches


def case(cid, title, situation, expected, source, notes=""):
    """One gap review case, in the shape of cases-public.json (with its legislation.md source)."""
    return {
        "id": cid,
        "title": title,
        "situation": situation,
        "expected": expected,
        "source": source,
        "notes": notes,
    }


def fields(
    legislation, instrument, article, *, code=UNSET, transitional=UNSET, period=UNSET, **others
) -> dict:
    """The determination's fields a review case expects, in the contract's shape; only the fields
    given are in it (``code``: a1_status_code; ``transitional``: the 883/2004 article, e.g.
    "87(8)"; ``period``: (start, end)), so a case checks just what its reviewer decided."""
    out = {"legislation": legislation, "provision": {"instrument": instrument, "article": article}}
    if code is not UNSET:
        out["a1_status_code"] = code
    if transitional is not UNSET:
        out["transitional"] = (
            {"instrument": "883/2004", "article": transitional}
            if isinstance(transitional, str)
            else transitional
        )
    if period is not UNSET:
        out["period"] = {"start": period[0], "end": period[1]} if isinstance(period, tuple) else period
    out.update(others)
    return out
