"""The load run's pages walked in the process, for benchmarks/page_instructions.py to count.

    python benchmarks/_page_walk.py --state STATE.json --rounds N     (run in the code's folder)

Production settings and the WSGI entry point's set-up, as in a gunicorn worker, through Django's
test client instead of HTTP: one warm round, then N rounds of what one employer, one payroll
program and one inspector do in the load run (benchmarks/locustfile.py), plus the validation the
Celery worker runs for each request sent. Every answer is checked, so a round that broke counts as
an error, never as a fast round.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
LISTS = [
    "",
    "?page=3",
    "?worker=jan",
    "?status=approved",
    "?state_of_work=BE&sort=worker",
    "?sort=-requested&page=2",
]
DETAIL_LINK = re.compile(r'href="/requests/(\d+)/"')
# Behind the (pretend) TLS proxy, on the host the production settings allow (benchmarks/_common.py).
AS_DEPLOYED = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "127.0.0.1"}


ANSWERED = [0]  # requests answered as expected, for the figure per request


def _expect(response, *codes):
    if response.status_code not in codes:
        raise SystemExit(f"{response.request['PATH_INFO']} answered {response.status_code}")
    ANSWERED[0] += 1
    return response


class Walk:
    def __init__(self, state: dict):
        from django.test import Client

        from accounts.models import User

        self.state = state
        self.employer = state["employers"][3]
        self.rng = random.Random(1)
        self.browser = Client(**AS_DEPLOYED)
        self.browser.force_login(User.objects.get(email=self.employer["email"]))
        self.api = Client(**AS_DEPLOYED, HTTP_AUTHORIZATION=f"Bearer {self.employer['token']}")
        self.inspector = Client(**AS_DEPLOYED)
        self.sent: list[int] = []

    def consult(self):
        seen = []
        for query in LISTS:
            page = _expect(self.browser.get("/requests/" + query), 200)
            seen = DETAIL_LINK.findall(page.content.decode()) or seen
        for pk in seen[:3]:
            _expect(self.browser.get(f"/requests/{pk}/"), 200)
        for pk in self.employer["certificates"][:2]:
            _expect(self.browser.get(f"/certificates/{pk}/download/"), 200)

    def wizard(self):
        from mix import wizard_steps

        started = _expect(self.browser.post("/requests/new/posting/", {}), 302)
        base = re.search(r"/requests/draft/(\d+)/", started["Location"]).group(0)
        employee = self.rng.choice(self.employer["employees"])
        for step, payload in wizard_steps(employee, uuid.uuid4().hex):
            _expect(self.browser.get(base + step + "/"), 200)
            _expect(self.browser.post(base + step + "/", payload), 302)
        done = _expect(self.browser.get(base + "done/"), 302)
        confirmation = _expect(self.browser.get(done["Location"]), 200)
        self.sent.append(int(re.search(r"/requests/(\d+)/", confirmation.request["PATH_INFO"]).group(1)))

    def payroll_program(self):
        from api_bodies import api_posting
        from mix import END, START

        base = f"/api/v1/employers/{self.employer['id']}/requests/"
        body = api_posting(self.rng.choice(self.employer["employees"]), START, END)
        created = _expect(self.api.post(base, body, content_type="application/json"), 201)
        pk = created.json()["id"]
        _expect(self.api.post(f"{base}{pk}/submit/", HTTP_IDEMPOTENCY_KEY=uuid.uuid4().hex), 200)
        self.sent.append(pk)

    def inspection(self):
        _expect(self.inspector.get("/verify/"), 200)
        number, birth_date = self.state["verify"][0]
        _expect(self.inspector.post("/verify/", {"number": number, "birth_date": birth_date}), 200)

    def validation(self):
        # What the Celery worker does for each request sent (its task is queued too, and left there).
        from postings.services.validation import request_validate

        while self.sent:
            request_validate(request_id=self.sent.pop())

    def round(self):
        self.consult()
        self.wizard()
        self.payroll_program()
        self.inspection()
        self.validation()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--state", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path[:0] = [os.getcwd(), str(HERE)]  # the code measured, then mix.py and api_bodies.py
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_portal.settings")
    import coverage_portal.wsgi  # noqa: F401 - the set-up every gunicorn worker has

    walk = Walk(json.loads(Path(args.state).read_text()))
    for _ in range(1 + args.rounds):
        walk.round()
    print(f"requests per round: {ANSWERED[0] // (1 + args.rounds)}")


if __name__ == "__main__":
    main()
