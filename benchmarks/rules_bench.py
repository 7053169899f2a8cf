"""Throughput of the applicable-legislation engine on one core.

Builds N varied situations (postings of every length, multi-state work, self-employed,
seafarers, aircrew, inactive, old-regulation and transitional cases, treaty and third
countries) from a fixed seed, determines each one through the public ``rules.determine``
and prints one line: determinations per second and the median microseconds per call.

    python benchmarks/rules_bench.py [N]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import rules  # noqa: E402

EU = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT"]
EU += ["LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]
OTHER = ["CH", "NO", "IS", "LI", "GB", "US", "JP", "SG", "IN", "JE", "TR", "KR"]


def make(rng: random.Random) -> dict:
    # Most questions are about the present (2019-2026); one in five is historic (from 2005),
    # which brings in 1408/71 and the Art. 87(8)/87a transitions that re-run the rules.
    if rng.random() < 0.8:
        ref = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 2920))
        start = ref - timedelta(days=rng.randrange(0, 1100))
    else:
        ref = date(2005, 1, 1) + timedelta(days=rng.randrange(0, 5100))
        start = ref - timedelta(days=rng.randrange(0, 4000))
    kind = rng.random()
    residence = rng.choice(EU if rng.random() < 0.85 else OTHER)
    s: dict = {
        "reference_date": ref.isoformat(),
        "situation_start": start.isoformat(),
        "residence": residence,
        "flag_state": None,
        "home_base": None,
        "posting": None,
        "art87_8_request_date": None,
    }
    if kind < 0.45:  # a posting
        host = rng.choice(EU + OTHER)
        sending = residence if residence != host else "NL" if host != "NL" else "BE"
        p_start = start
        p_end = p_start + timedelta(days=rng.randrange(30, 2200))
        s.update(
            employment_type=rng.choice(["employed", "employed", "self_employed"]),
            work=[{"country": host, "time_pct": 100, "remuneration_pct": 100}],
            employers=[{"seat": sending, "substantial_activity_in_seat": rng.random() < 0.9}],
        )
        s["work"][0]["activity"] = s["employment_type"]
        s["posting"] = {
            "sending_state": sending,
            "host_state": host,
            "start": p_start.isoformat(),
            "end": p_end.isoformat(),
            "replaces_posted_worker": rng.random() < 0.05,
            "insured_in_sending_state_months_before": rng.choice([0, 1, 3, 12, 48]),
            "direct_relationship_maintained": rng.random() < 0.95,
            "placed_at_disposal_of_third_undertaking": rng.random() < 0.05,
            "previous_posting_same_employer_host_end": None,
            "art16_agreement": None,
        }
    elif kind < 0.85:  # work in several states
        n = rng.randint(2, 4)
        states = rng.sample(EU, n - 1)
        if residence not in states:
            states.append(residence)
        else:
            states.append(rng.choice([c for c in EU if c not in states]))
        cuts = sorted(rng.randint(0, 100) for _ in range(len(states) - 1))
        shares = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
        etype = rng.choice(["employed", "employed", "self_employed", "flight_crew"])
        act = "self_employed" if etype == "self_employed" else "employed"
        s.update(
            employment_type=etype,
            work=[
                {"country": c, "time_pct": t, "remuneration_pct": t, "activity": act}
                for c, t in zip(states, shares, strict=True)
            ],
            employers=[
                {"seat": rng.choice(EU + ["US"]), "substantial_activity_in_seat": True}
                for _ in range(rng.randint(1, 3))
            ],
        )
        if etype == "flight_crew":
            s["home_base"] = rng.choice(states)
    elif kind < 0.95:  # seafarer
        flag = rng.choice(EU)
        s.update(
            employment_type="seafarer",
            work=[{"country": flag, "time_pct": 100, "remuneration_pct": 100, "activity": "employed"}],
            employers=[{"seat": rng.choice(EU), "substantial_activity_in_seat": True}],
            flag_state=flag,
        )
    else:
        s.update(employment_type="inactive", work=[], employers=[])
    return s


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    rng = random.Random(20240601)
    situations = [make(rng) for _ in range(n)]
    for s in situations[:200]:  # warm caches the way a running server has them
        rules.determine(s)
    timings = []
    clock = time.perf_counter
    # The machines are shared: wall time includes time other processes hold the core, so the
    # rate is computed from this process's CPU time (what one core delivers); the median per
    # call is wall time and is robust against the occasional preemption.
    cpu_begin, begin = time.process_time(), clock()
    for s in situations:
        t0 = clock()
        rules.determine(s)
        timings.append(clock() - t0)
    cpu, wall = time.process_time() - cpu_begin, clock() - begin
    print(
        f"rules engine: {n} determinations, {n / cpu:,.0f} determinations/s on one core (CPU time; "
        f"{n / wall:,.0f}/s wall clock on a shared machine); "
        f"median {statistics.median(timings) * 1e6:.1f} µs per determination"
    )


if __name__ == "__main__":
    main()
