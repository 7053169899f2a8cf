"""Faults: requests keep flowing while the worker, Redis and PostgreSQL fail; nothing is lost or doubled.

    .venv/bin/python benchmarks/faults.py [--requests 60]

Starts throw-away PostgreSQL and Redis (scripts/services.sh; or uses the ones exported by
`services_start`, with SERVICES_DIR, PG_PORT, REDIS_PORT and PGBIN), gunicorn and one Celery worker
with automatic approval of clean postings. An API client (payroll software) sends clean postings
through /api/v1/ (create + submit, each with an Idempotency-Key, retried the way a client retries
a failed call) while the benchmark
  (a) kills the worker with SIGKILL in the middle of certificate generation, and starts it again,
  (b) stops Redis for 30 seconds, then starts it again,
  (c) restarts PostgreSQL while the worker runs.
Then it waits (bounded) until the pipeline has settled, calling the periodic sweep as beat would,
and counts: every sent request must have exactly one outcome and every approved one exactly one
certificate, delivered once. Prints one line: `faults: sent S, processed P, lost L, doubled D`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import (  # noqa: E402
    PY,
    ROOT,
    Processes,
    Services,
    celery_argv,
    free_port,
    gunicorn_argv,
    handle_signals,
    log,
    portal_env,
    prepare,
    wait_http,
)
from benchmarks.api_bodies import api_posting  # noqa: E402

REDIS_DOWN_SECONDS = 30
SETTLE_SECONDS = 300


def posting(employee: int) -> dict:
    start = dt.date.today() + dt.timedelta(days=21)
    return api_posting(employee, start, start + dt.timedelta(days=180))


class Sender:
    """The payroll software: sends one request at a time, retrying a failed call with the same
    Idempotency-Key for up to two minutes (what a well-behaved client does)."""

    def __init__(self, base: str, state: dict):
        self.base = base
        self.slots = [(e["id"], e["token"], emp) for e in state["employers"] for emp in e["employees"]]
        self.sent: list[dict] = []  # {"id", "number"}
        self.failed = 0  # gave up: the employer saw an error
        self.retries = 0
        self.lock = threading.Lock()

    def call(self, url: str, token: str, key: str, body: dict | None = None) -> dict | None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                r = requests.post(
                    self.base + url,
                    json=body,
                    timeout=20,
                    headers={
                        "Authorization": f"Bearer {token}",
                        "Idempotency-Key": key,
                        "X-Forwarded-Proto": "https",
                    },
                )
                if r.status_code < 300:
                    return r.json()
                if r.status_code < 500 and r.status_code != 429:
                    log(f"refused {url}: {r.status_code} {r.text[:300]}")
                    return None
            except requests.RequestException:
                pass
            with self.lock:
                self.retries += 1
            time.sleep(1)
        return None

    def send_one(self) -> None:
        i = len(self.sent) + self.failed
        employer, token, employee = self.slots[i]
        url = f"/api/v1/employers/{employer}/requests/"
        draft = self.call(url, token, f"create-{i}-{uuid.uuid4().hex}", posting(employee))
        sent = draft and self.call(f"{url}{draft['id']}/submit/", token, f"submit-{i}-{uuid.uuid4().hex}")
        with self.lock:
            if sent and sent.get("transaction_number"):
                self.sent.append({"id": sent["id"], "number": sent["transaction_number"]})
            else:
                self.failed += 1

    def send(self, n: int, pause: float = 0.0) -> None:
        for _ in range(n):
            self.send_one()
            time.sleep(pause)

    def in_background(self, n: int, pause: float) -> threading.Thread:
        thread = threading.Thread(target=self.send, args=(n, pause), daemon=True)
        thread.start()
        return thread


def count(services: Services, sql: str) -> int:
    return int(services.psql(sql) or 0)


def sweep(env: dict) -> None:
    """What beat runs every five minutes, now: re-queue requests stuck in Received and approved ones
    without a delivered certificate (older than 20 s, so tasks still in flight are left alone)."""
    code = (
        "from postings.tasks import sweep_stuck_requests as s; "
        "print(s.delay(older_than_seconds=20).get(timeout=60))"
    )
    result = subprocess.run(
        [PY, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    lines = (result.stdout.strip() or result.stderr.strip()).splitlines()
    log(f"    sweep re-queued {lines[-1] if lines else '?'}")


def outcome(services: Services, ids: list[int]) -> dict:
    idlist = ",".join(str(i) for i in ids) or "0"
    rows = services.psql(
        "SELECT r.id, r.status, r.decision, "
        "(SELECT count(*) FROM casework_certificate c WHERE c.request_id = r.id AND c.pdf <> '' "
        "  AND c.delivered_at IS NOT NULL), "
        "(SELECT count(*) FROM postings_requestevent e WHERE e.request_id = r.id "
        "  AND e.kind = 'certificate_issued'), "
        "(SELECT count(*) FROM postings_requestevent e WHERE e.request_id = r.id AND e.kind = 'submitted'), "
        "(SELECT count(*) FROM casework_inboxmessage m WHERE m.request_id = r.id AND m.kind = 'certificate' "
        "  AND m.organisation_id = r.employer_id) "
        f"FROM postings_coveragerequest r WHERE r.id IN ({idlist})"
    )
    processed = lost = doubled = approved = 0
    for line in rows.splitlines():
        _id, status, decision, certificates, issued, submitted, messages = line.split("|")
        certificates, issued, submitted, messages = map(int, (certificates, issued, submitted, messages))
        if int(submitted) > 1 or issued > 1 or messages > 1:
            doubled += 1
        if status == "submitted":
            lost += 1
        elif decision == "approved":
            approved += 1
            if certificates == 1 and messages == 1:
                processed += 1
            else:
                lost += 1
        else:
            processed += 1  # in review with flags, or rejected: a caseworker's turn, nothing pending
    lost += len(ids) - len(rows.splitlines())
    return {"processed": processed, "lost": lost, "doubled": doubled, "approved": approved}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    handle_signals()
    work = Path(tempfile.mkdtemp(prefix="portal-faults-"))
    per = args.requests // 4
    with Services(require_control=True) as services, Processes() as procs:
        if not services.controllable:
            raise SystemExit("faults: need services it can stop and restart (unset DATABASE_URL/REDIS_URL)")
        env = portal_env(services, PORTAL_AUTO_APPROVE_CLEAN_POSTINGS="true", LOG_LEVEL="INFO")
        prepare(env)
        employers = max(1, args.requests // 20 + 1)
        subprocess.run(
            [
                PY,
                "benchmarks/seed.py",
                "--total",
                "0",
                "--employers",
                str(employers),
                "--out",
                str(work / "state.json"),
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        state = json.loads((work / "state.json").read_text())
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        procs.start("gunicorn", gunicorn_argv(port, 2), env)
        procs.start("celery", celery_argv(), env)
        wait_http(base + "/healthz")
        sender = Sender(base, state)

        # (a) the worker dies in the middle of certificate generation.
        log(f"(a) sending {per} requests; killing the worker while it makes certificates")
        sender.send(per)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not count(
            services, "SELECT count(*) FROM casework_certificate"
        ):
            time.sleep(0.2)
        time.sleep(0.5)  # the next PDF is being rendered now
        made = count(services, "SELECT count(*) FROM casework_certificate")
        procs.kill("celery")
        log(f"    worker killed with {made} certificate(s) made of {len(sender.sent)} sent; restarting it")
        time.sleep(2)
        procs.start("celery", celery_argv(), env)

        # (b) Redis stops for 30 s while requests keep coming.
        log(f"(b) stopping Redis for {REDIS_DOWN_SECONDS} s while sending")
        services.redis_stop()
        t0 = time.monotonic()
        thread = sender.in_background(per, pause=REDIS_DOWN_SECONDS / max(per, 1))
        time.sleep(REDIS_DOWN_SECONDS)
        services.redis_start()
        log(
            f"    Redis is back after {time.monotonic() - t0:.0f} s ({len(sender.sent)} sent so far, "
            f"{sender.retries} retried calls)"
        )
        thread.join()

        # (c) PostgreSQL restarts while the worker runs and requests come in.
        log("(c) restarting PostgreSQL while sending")
        thread = sender.in_background(args.requests - 2 * per, pause=0.2)
        time.sleep(2)
        services.postgres_restart()
        log("    PostgreSQL restarted")
        thread.join()

        # Settle: the sweep (beat's job) picks up whatever the faults left behind.
        ids = [s["id"] for s in sender.sent]
        deadline = time.monotonic() + SETTLE_SECONDS
        result = outcome(services, ids)
        while time.monotonic() < deadline and result["lost"]:
            time.sleep(20)
            sweep(env)
            result = outcome(services, ids)
            log(f"    settling: {result}")
        numbers = services.psql("SELECT count(*) FROM postings_coveragerequest WHERE status <> 'draft'")
        doubled = result["doubled"] + max(0, int(numbers) - len(ids))
        log(f"retried calls {sender.retries}; approved {result['approved']}; requests in the table {numbers}")
        if result["lost"] or doubled:
            log("worker log:\n" + procs.tail("celery", 60))
        print(
            f"faults: sent {len(ids)}, processed {result['processed']}, "
            f"lost {result['lost'] + sender.failed}, "
            f"doubled {doubled} (send errors {sender.failed}, approved {result['approved']})",
            flush=True,
        )


if __name__ == "__main__":
    main()
