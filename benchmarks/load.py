"""Load: the portal under many people at once, with real PostgreSQL, Redis, gunicorn and a Celery worker.

    .venv/bin/python benchmarks/load.py [--users 100] [--seconds 60] [--total 100000] [--employers 1000]
    .venv/bin/python benchmarks/load.py --users 40,60,80,100 --seconds 60     (a line per count)

Starts throw-away PostgreSQL and Redis (scripts/services.sh) unless DATABASE_URL and REDIS_URL are
set, migrates with production settings (behind a pretend TLS proxy on 127.0.0.1), seeds 10,000
requests, starts gunicorn (as coverage_portal/gunicorn.conf.py deploys it: 2 workers per core,
application preloaded) and a Celery worker, measures the consult page alone, grows the table to
100,000 requests over 1,000 employers, measures it again, then drives the mix of
benchmarks/locustfile.py with locust in headless mode for a fixed time. Stops everything at the end
(also on Ctrl-C) and prints one line of figures. With several user counts it runs them one after
another against the same portal (each after the worker has caught up) and prints a line for each:
how latency grows with the load a fixed number of people offers, up to the portal's limit.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import (  # noqa: E402
    BIN,
    Processes,
    Services,
    celery_argv,
    cpu_seconds,
    free_port,
    gunicorn_argv,
    handle_signals,
    interpreter,
    log,
    machine_speed,
    portal_env,
    prepare,
    seed,
    wait_http,
)

CONSULT_QUERIES = [
    "",
    "?page=2",
    "?page=5",
    "?worker=jan",
    "?status=approved",
    "?state_of_work=BE",
    "?sort=worker",
    "?sort=-requested&page=3",
    "?status=in_progress&sort=state",
    "?worker=por&page=2",
]


class Browser:
    """A logged-in employer for the quiet consult measurements (cookies by hand: they are Secure)."""

    def __init__(self, base: str, state: dict, which: int = 0):
        self.base = base
        self.http = requests.Session()
        self.headers = {"X-Forwarded-Proto": "https"}
        self.cookies: dict[str, str] = {}
        self.get("/accounts/login/")
        origin = "https://" + base.split("://", 1)[1]
        employer = state["employers"][which]
        r = self.http.post(
            base + "/accounts/login/",
            data={"username": employer["email"], "password": state["password"]},
            allow_redirects=False,
            headers={
                **self.headers,
                "Cookie": self.cookie_header(),
                "Origin": origin,
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
            },
        )
        self.remember(r)
        if r.status_code != 302:
            raise RuntimeError(f"login for the consult measurement failed: {r.status_code}")

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def remember(self, response) -> None:
        self.cookies.update({c.name: c.value for c in response.cookies})

    def get(self, path: str):
        r = self.http.get(
            self.base + path, headers={**self.headers, "Cookie": self.cookie_header()}, allow_redirects=False
        )
        self.remember(r)
        return r


def consult_p95(base: str, state: dict, rounds: int = 15) -> tuple[float, float]:
    """The consult page with its filters, one request at a time (nothing else running): p50, p95 ms.
    The measured employers are spread over the table (their rows grow with it)."""
    browsers = [Browser(base, state, which) for which in (0, len(state["employers"]) // 2)]
    for b in browsers:  # warm up each worker's caches
        for q in CONSULT_QUERIES:
            b.get("/requests/" + q)
    times = []
    for _ in range(rounds):
        for b in browsers:
            for q in CONSULT_QUERIES:
                t0 = time.perf_counter()
                r = b.get("/requests/" + q)
                times.append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    raise RuntimeError(f"consult {q!r} answered {r.status_code}")
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def run_locust(base: str, env: dict, users: int, seconds: int, prefix: Path, procs: Processes) -> None:
    argv = [
        str(BIN / "locust"),
        "-f",
        "benchmarks/locustfile.py",
        "--headless",
        "-u",
        str(users),
        "-r",
        str(max(1, users // 4)),
        "-t",
        f"{seconds}s",
        "--host",
        base,
        "--csv",
        str(prefix),
        "--only-summary",
        "--stop-timeout",
        "10",
        "--loglevel",
        "WARNING",
    ]
    # gunicorn's sync workers close the connection after each answer, so locust connects again for
    # every request, and gevent's default resolver hands each look-up of "127.0.0.1" to a thread
    # pool (a lock, a thread switch, a wake-up): the "block" resolver asks libc in place, which
    # answers an address at once. The load generator shares the 2 cores with the portal.
    extra = {"BENCH_TIMES": f"{prefix}_times.json", "GEVENT_RESOLVER": "block"}
    proc = procs.start("locust", argv, {**env, **extra})
    try:
        proc.wait(seconds + 120)
    except subprocess.TimeoutExpired:
        procs.stop("locust")
    if not Path(f"{prefix}_stats.csv").exists():
        raise RuntimeError(f"locust wrote no figures:\n{procs.tail('locust')}")


def read_stats(prefix: Path) -> dict[str, dict]:
    """Per kind of page: count, failures and p50/p95/p99 over every method (a wizard step is a GET
    and a POST), from the response times the locustfile wrote; 'Aggregated' is locust's own row."""
    with open(f"{prefix}_stats.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    times = json.loads(Path(f"{prefix}_times.json").read_text())
    stats: dict[str, dict] = {}
    for row in rows:
        name = row["Name"]
        entry = stats.setdefault(name, {"n": 0, "fail": 0, "rps": 0.0})
        entry["n"] += int(row["Request Count"])
        entry["fail"] += int(row["Failure Count"])
        entry["rps"] += float(row["Requests/s"])
    for name, entry in stats.items():
        values = sorted(times.get(name, [])) if name != "Aggregated" else sorted(sum(times.values(), []))
        for label, share in (("50%", 0.50), ("95%", 0.95), ("99%", 0.99)):
            entry[label] = values[max(0, math.ceil(share * len(values)) - 1)] if values else 0.0
    return stats


def figure(stats: dict, name: str) -> str:
    row = stats.get(name)
    if not row or not row["n"]:
        return "n/a"
    return f"{row['50%']:.0f}/{row['95%']:.0f} ms"


def _children_cpu() -> float:
    """CPU seconds of this script's children that have ended (locust, once waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # People think between clicks (benchmarks/locustfile.py): even with instant answers each of them
    # asks about 3.5 requests a second (employers 2.5 per 0.6 s wait, API clients 2 per 1 s, inspectors
    # 1 per 1 s, weighted 8:2:1), and about 2.5 once answers take 100 ms. 60 users therefore could not
    # offer more than about 150-210 req/s whatever the server did; 100 users offer about 250.
    # Several counts ("--users 40,60,80,100") run one after another against the same portal and
    # database, a line each: how the latency grows with the load, up to the portal's limit.
    parser.add_argument(
        "--users", type=user_counts, default=user_counts(os.environ.get("BENCH_USERS", "100"))
    )
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--employers", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument(
        "--worker-class",
        default=None,
        help="gunicorn worker class (default: the gunicorn.conf.py one; gthread uses GUNICORN_THREADS)",
    )
    args = parser.parse_args()
    handle_signals()
    work = Path(tempfile.mkdtemp(prefix="portal-load-"))
    state_file = work / "state.json"
    with Services() as services, Processes() as procs:
        env = portal_env(services)
        prepare(env)
        seed(env, args.total // 10, args.employers, state_file)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        procs.start("gunicorn", gunicorn_argv(port, args.workers, args.worker_class), env)
        procs.start("celery", celery_argv(), env)
        wait_http(base + "/healthz")
        state = json.loads(state_file.read_text())
        small = consult_p95(base, state)
        log(f"consult at {args.total // 10} rows: p50/p95 {small[0]:.1f}/{small[1]:.1f} ms")
        seed(env, args.total, args.employers, state_file)
        state = json.loads(state_file.read_text())
        large = consult_p95(base, state)
        log(f"consult at {args.total} rows: p50/p95 {large[0]:.1f}/{large[1]:.1f} ms")
        portal = Portal(args, base, env, state_file, services, procs, small, large)
        for users in args.users:
            settle(services)
            measure(portal, users, work / f"locust-{users}")


def user_counts(text: str) -> list[int]:
    counts = [int(part) for part in str(text).split(",") if part.strip()]
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("give one or more user counts, e.g. 100 or 40,60,80,100")
    return counts


@dataclass
class Portal:
    """What a locust run needs of the running portal, and the quiet consult figures it prints."""

    args: argparse.Namespace
    base: str
    env: dict
    state_file: Path
    services: Services
    procs: Processes
    small: tuple[float, float]
    large: tuple[float, float]


def waiting_for_validation(services: Services) -> int:
    return int(
        services.psql(
            "SELECT count(*) FROM postings_coveragerequest WHERE status = 'submitted' "
            "AND submitted_at > now() - interval '10 minutes'"
        )
    )


def settle(services: Services, seconds: float = 60) -> None:
    """Let the worker finish the previous run's validations, so a run does not inherit its backlog."""
    deadline = time.monotonic() + seconds
    while waiting_for_validation(services) and time.monotonic() < deadline:
        time.sleep(1)


def measure(portal: Portal, users: int, prefix: Path) -> None:
    """One locust run of `users` people against the running portal; prints its line of figures."""
    args, base, env, services, procs = portal.args, portal.base, portal.env, portal.services, portal.procs
    small, large = portal.small, portal.large
    before = services.psql("SELECT count(*) FROM postings_coveragerequest WHERE status <> 'draft'")
    log(f"locust: {users} users for {args.seconds} s against {args.workers} gunicorn workers")
    # The interpreter moves the figure by a fifth (the Makefile says why): name it with the figure.
    log(f"python: {interpreter()}")
    speed_before = machine_speed()
    random.seed(1)
    groups = {name: procs.procs[name].pid for name in ("gunicorn", "celery")}
    postmaster = services.postmaster_pid()
    cpu_before = {name: cpu_seconds(pgid=pid) for name, pid in groups.items()}
    cpu_before["postgres"] = cpu_seconds(parent=postmaster) if postmaster else 0.0
    # The load generator runs on the same 2 cores: its own CPU is reported beside the portal's.
    generator_before = _children_cpu()
    run_locust(base, {**env, "BENCH_STATE": str(portal.state_file)}, users, args.seconds, prefix, procs)
    generator = _children_cpu() - generator_before
    speed_after = machine_speed()
    log(
        f"machine speed: engine {speed_before:,.0f} determinations/s on one core before the run, "
        f"{speed_after:,.0f} after (the quiet machine gave about 22,000)"
    )
    cpu = {name: cpu_seconds(pgid=pid) - cpu_before[name] for name, pid in groups.items()}
    cpu["postgres"] = (cpu_seconds(parent=postmaster) if postmaster else 0.0) - cpu_before["postgres"]
    stats = read_stats(prefix)
    sent = int(services.psql("SELECT count(*) FROM postings_coveragerequest WHERE status <> 'draft'")) - int(
        before
    )
    waiting = waiting_for_validation(services)
    log(f"requests sent during the run: {sent}; still waiting for validation: {waiting}")
    total = stats["Aggregated"]
    failures = total["fail"]
    rps = total["rps"]
    served = max(1, total["n"])
    per_request = 1000 * sum(cpu.values()) / served
    log(
        "server CPU during the run: "
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in cpu.items())
        + f" = {per_request:.1f} ms per request (web {1000 * cpu['gunicorn'] / served:.1f} ms); "
        + f"the load generator (locust) {generator:.1f} s, {1000 * generator / served:.1f} ms per request"
    )
    for name, row in stats.items():
        log(
            f"  {name:14} n={row['n']:>6} fail={row['fail']:>3} "
            f"p50={row['50%']:>5.0f} p95={row['95%']:>5.0f} p99={row['99%']:>5.0f} ms"
        )
    print(
        f"load: {users} users, {rps:.0f} req/s overall; list p50/p95 {figure(stats, 'list')}; "
        f"detail {figure(stats, 'detail')}; "
        f"wizard step {figure(stats, 'wizard step')}; wizard send {figure(stats, 'wizard send')}; "
        f"certificate {figure(stats, 'certificate')}; api submit {figure(stats, 'api submit')} "
        f"(create {figure(stats, 'api create')}); verify {figure(stats, 'verify')}; errors {failures}; "
        f"consult p95 at {args.total // 10:,} rows {small[1]:.0f} ms "
        f"vs {args.total:,} rows {large[1]:.0f} ms; server CPU {per_request:.0f} ms per request "
        f"(so {2000 / per_request:.0f} req/s on 2 free cores); "
        f"machine speed {(speed_before + speed_after) / 2:,.0f} determinations/s",
        flush=True,
    )
    if failures:
        log(
            Path(f"{prefix}_failures.csv").read_text()[-2000:]
            if Path(f"{prefix}_failures.csv").exists()
            else ""
        )
        log("gunicorn log:\n" + procs.tail("gunicorn", 40))


if __name__ == "__main__":
    main()
