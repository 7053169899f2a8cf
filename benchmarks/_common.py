"""What the load and fault benchmarks share: throw-away PostgreSQL and Redis (scripts/services.sh),
production settings for loopback, migrate, and processes (gunicorn, Celery) that are always stopped.

Nothing here talks to anything but 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
PY = str(BIN / "python")
SERVICE_VARS = ("SERVICES_DIR", "PG_PORT", "REDIS_PORT", "PGBIN", "DATABASE_URL", "REDIS_URL")
PASSWORD = "bench-password-2024!"  # the seeded users' password (loopback only)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def interpreter() -> str:
    """The Python that gunicorn, the worker and locust run on (the virtualenv's), and where it lives."""
    code = "import os, platform, sys; print(platform.python_version(), os.path.realpath(sys.executable))"
    return subprocess.run(
        [PY, "-c", code],
        capture_output=True,
        text=True,
    ).stdout.strip()


def machine_speed(determinations: int = 5000) -> float:
    """How fast this machine runs Python right now: the engine benchmark's determinations per second
    on one core (benchmarks/rules_bench.py, CPU time), on the virtualenv's Python. These machines are
    shared and their speed moves by half between hours (the same code gave 104 and 201 req/s), so
    load.py prints this beside its figures: two runs compare only at a like machine speed."""
    out = subprocess.run(
        [PY, str(ROOT / "benchmarks" / "rules_bench.py"), str(determinations)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(re.search(r"([\d,]+) determinations/s on one core", out).group(1).replace(",", ""))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bash(script: str, env: dict | None = None) -> str:
    return subprocess.run(
        ["bash", "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


class Services:
    """PostgreSQL and Redis from scripts/services.sh, or the ones DATABASE_URL/REDIS_URL name.

    `controllable` is True when we know their folder and ports (we started them, or the caller
    exported SERVICES_DIR, PG_PORT, REDIS_PORT and PGBIN from services_start): the fault benchmark
    needs that to stop and restart them."""

    def __init__(self, require_control: bool = False):
        self.require_control = require_control
        self.started = False
        self.vars: dict[str, str] = {}

    def __enter__(self) -> Services:
        have = {k: os.environ[k] for k in SERVICE_VARS if os.environ.get(k)}
        if {"DATABASE_URL", "REDIS_URL"} <= have.keys() and (
            not self.require_control or len(have) == len(SERVICE_VARS)
        ):
            self.vars = have
            log(f"using the services in the environment ({have['DATABASE_URL']})")
            return self
        out = _bash(
            "source scripts/services.sh && services_install >&2 && services_start >&2 && "
            + " && ".join(f'echo "{k}=${k}"' for k in SERVICE_VARS)
        )
        self.vars = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        self.started = True
        log(f"started PostgreSQL on {self.vars['PG_PORT']} and Redis on {self.vars['REDIS_PORT']}")
        return self

    def __exit__(self, *exc) -> None:
        if self.started:
            env = {**os.environ, **self.vars}
            subprocess.run(
                ["bash", "-c", "source scripts/services.sh && services_stop"],
                cwd=ROOT,
                env=env,
                capture_output=True,
            )
            log("services stopped")

    @property
    def controllable(self) -> bool:
        return all(self.vars.get(k) for k in SERVICE_VARS)

    # --- faults -------------------------------------------------------------------------------------
    def redis_stop(self) -> None:
        subprocess.run(
            ["redis-cli", "-p", self.vars["REDIS_PORT"], "shutdown", "nosave"], capture_output=True
        )

    def redis_start(self) -> None:
        d = Path(self.vars["SERVICES_DIR"]) / "redis"
        subprocess.run(
            [
                "redis-server",
                "--daemonize",
                "yes",
                "--bind",
                "127.0.0.1",
                "--port",
                self.vars["REDIS_PORT"],
                "--dir",
                str(d),
                "--pidfile",
                str(d / "redis.pid"),
                "--logfile",
                str(d / "log"),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            check=True,
            capture_output=True,
        )
        for _ in range(50):
            if (
                subprocess.run(
                    ["redis-cli", "-p", self.vars["REDIS_PORT"], "ping"], capture_output=True
                ).returncode
                == 0
            ):
                return
            time.sleep(0.1)

    def postgres_restart(self) -> None:
        pg = Path(self.vars["SERVICES_DIR"]) / "pg"
        # The restarted server keeps its output: to the log file, never to our pipes (we would wait
        # for them to close forever).
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                f"{self.vars['PGBIN']}/pg_ctl",
                "-D",
                str(pg / "data"),
                "-l",
                str(pg / "log"),
                "-m",
                "fast",
                "-w",
                "restart",
            ],
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def postmaster_pid(self) -> int | None:
        pidfile = Path(self.vars.get("SERVICES_DIR", "/nonexistent")) / "pg" / "data" / "postmaster.pid"
        return int(pidfile.read_text().split()[0]) if pidfile.exists() else None

    def psql(self, sql: str) -> str:
        return subprocess.run(
            ["psql", self.vars["DATABASE_URL"], "-At", "-c", sql], check=True, capture_output=True, text=True
        ).stdout.strip()


def portal_env(services: Services, **extra: str) -> dict[str, str]:
    """Production settings on loopback: plain http behind a (pretend) TLS proxy, so the clients send
    X-Forwarded-Proto: https and the Secure cookies work as they would behind a load balancer."""
    media = tempfile.mkdtemp(prefix="portal-bench-media-")
    env = {
        **os.environ,
        **services.vars,
        "PORTAL_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_BEHIND_TLS_PROXY": "true",
        "MEDIA_ROOT": media,
        "LOG_LEVEL": "WARNING",
        # No mail leaves the machine.
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("PORTAL_REQUIRE_SERVICES", None)
    env.update(extra)
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def prepare(env: dict) -> None:
    log("migrate and collectstatic")
    manage(env, "migrate", "--no-input")
    manage(env, "compile_translations")
    manage(env, "collectstatic", "--no-input")


def seed(env: dict, total: int, employers: int, out: Path) -> None:
    """benchmarks/seed.py: grow the database to `total` sent requests over `employers` employers."""
    result = subprocess.run(
        [PY, "benchmarks/seed.py", "--total", str(total), "--employers", str(employers), "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"seeding failed:\n{result.stderr[-3000:]}")
    log(result.stderr.strip().splitlines()[-1])


class Processes:
    """Child processes, each in its own process group, stopped (TERM, then KILL) on exit."""

    def __init__(self):
        self.procs: dict[str, subprocess.Popen] = {}
        self.logdir = Path(tempfile.mkdtemp(prefix="portal-bench-logs-"))

    def start(self, name: str, argv: list[str], env: dict) -> subprocess.Popen:
        out = open(self.logdir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.procs[name] = proc
        return proc

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        proc = self.procs.get(name)
        if proc and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(20)

    def stop(self, name: str) -> None:
        proc = self.procs.get(name)
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            self.kill(name)

    def __enter__(self) -> Processes:
        return self

    def __exit__(self, *exc) -> None:
        for name in reversed(list(self.procs)):
            self.stop(name)

    def tail(self, name: str, lines: int = 30) -> str:
        path = self.logdir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: str) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def cpu_seconds(pgid: int | None = None, parent: int | None = None) -> float:
    """CPU time (user + system) of a process group, or of a process and its children (PostgreSQL's
    postmaster and backends), including children that already exited. The machine is shared, so
    this, not the wall clock, says what the portal costs."""
    total = 0.0
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        fields = _stat(pid)
        if fields is None:
            continue
        leader = int(pid) in (pgid, parent)
        if (
            (pgid is not None and int(fields[2]) == pgid)
            or (parent is not None and int(fields[1]) == parent)
            or leader
        ):
            total += int(fields[11]) + int(fields[12])
            if leader:
                total += int(fields[13]) + int(fields[14])
    return total / TICK


def gunicorn_argv(port: int, workers: int, worker_class: str | None = None) -> list[str]:
    """gunicorn as deployed (coverage_portal/gunicorn.conf.py), on a loopback port."""
    argv = [
        str(BIN / "gunicorn"),
        "-c",
        str(ROOT / "coverage_portal" / "gunicorn.conf.py"),
        "coverage_portal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    if worker_class:
        argv += ["--worker-class", worker_class]
    return argv


def celery_argv(*extra: str) -> list[str]:
    return [
        str(BIN / "celery"),
        "-A",
        "coverage_portal",
        "worker",
        "--loglevel=INFO",
        "--concurrency=1",
        "--without-gossip",
        "--without-mingle",
        "-Q",
        "portal",
        *extra,
    ]


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:  # noqa: S310 - loopback only
                if r.status < 500:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def handle_signals() -> None:
    """Ctrl-C and TERM unwind through the finally blocks, so everything started is stopped."""

    def raise_interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, raise_interrupt)


def shell(cmd: list[str]) -> str:
    return " ".join(shlex.quote(c) for c in cmd)
