"""Instructions per round of the load run's pages: a speed figure that a busy machine does not move.

    .venv/bin/python benchmarks/page_instructions.py [--rounds 3] [--code DIR]

benchmarks/load.py measures requests per second, which on these shared machines moves by half from
one hour to the next with the same code: two runs of the same code gave 107 and 121 req/s in one
afternoon. Comparing two versions by it needs many alternating runs and still cannot show a 10 %
change. This counts the machine instructions (valgrind's callgrind) of one round of the load run's
pages walked in the process (benchmarks/_page_walk.py: six consult pages, three request pages, two
certificate downloads, a posting wizard walked to the end, an API create and submit, the
verification page looked up, and the worker's validation of the two requests sent): the same code
gives the same count to within a fraction of a per cent, whatever else the machine does.

Starts throw-away PostgreSQL and Redis (scripts/services.sh) unless DATABASE_URL and REDIS_URL are
set, migrates with production settings, seeds 20,000 requests over 200 employers, then runs the walk
under callgrind twice, with one round and with 1 + --rounds rounds, and prints the difference per
round. --code runs the walk against another checkout of the portal (same database, same seed), to
compare two versions side by side. Needs valgrind (Debian's package `valgrind`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import PY, ROOT, Services, handle_signals, log, portal_env, prepare, seed  # noqa: E402

COLLECTED = re.compile(r"Collected : (\d+)")
REQUESTS = re.compile(r"requests per round: (\d+)")


def instructions(code: Path, state: Path, rounds: int, env: dict) -> tuple[int, int]:
    """The instructions of the walk with 1 + `rounds` rounds, and the requests in one round."""
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            PY,
            str(ROOT / "benchmarks" / "_page_walk.py"),
            "--state",
            str(state),
            "--rounds",
            str(rounds),
        ],
        cwd=code,
        env={**env, "PYTHONHASHSEED": "0"},  # the same dictionary layouts in every run
        capture_output=True,
        text=True,
    )
    found, requests = COLLECTED.search(result.stderr), REQUESTS.search(result.stdout)
    if result.returncode != 0 or not found or not requests:
        raise RuntimeError(f"the walk failed in {code}:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    return int(found.group(1)), int(requests.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--code", type=Path, default=ROOT, help="the portal checkout to walk (default: this one)"
    )
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed: apt-get install valgrind")
    handle_signals()
    code = args.code.resolve()
    state = Path(tempfile.mkdtemp(prefix="portal-instructions-")) / "state.json"
    with Services() as services:
        env = portal_env(services)
        prepare(env)
        seed(env, 20_000, 200, state)
        if code != ROOT:  # its own static files manifest and compiled catalogues
            for command in (["compile_translations"], ["collectstatic", "--no-input"]):
                subprocess.run(
                    [PY, "manage.py", *command], cwd=code, env=env, check=True, capture_output=True
                )
        log(f"walking {code} under callgrind: 1 round, then {1 + args.rounds} rounds")
        one, _requests = instructions(code, state, 0, env)
        more, requests = instructions(code, state, args.rounds, env)
    per_round = (more - one) / args.rounds
    print(
        f"instructions: {per_round / 1e6:.1f} M per round of the load run's pages "
        f"({requests} requests and 2 validations; {per_round / requests / 1e6:.2f} M per request), {code}"
    )


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
