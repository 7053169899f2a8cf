"""The load benchmark's traffic (run by benchmarks/load.py; BENCH_STATE names the seed's JSON).

Employers log in and consult their list (pages, filters, sorting), open requests, download
certificates and walk the posting wizard to the end; API clients create and submit requests with a
Bearer token; inspectors use the public verification page. Every request carries
X-Forwarded-Proto: https, as behind the TLS load balancer the production settings expect.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import sys
import threading
import time
import uuid
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from urllib.parse import urlsplit

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_bodies import api_posting  # noqa: E402 - beside this file; locust loads it by path
from mix import END, START, wizard_steps  # noqa: E402

STATE = json.loads(Path(os.environ["BENCH_STATE"]).read_text()) if os.environ.get("BENCH_STATE") else None
_employer_turn = itertools.count()
DETAIL_LINK = re.compile(r'href="/requests/(\d+)/"')
WORKERS = ["jan", "vries", "bakker", "smit", "por", "dekk"]
STATES = ["BE", "DE", "FR", "LU", "PL"]
SORTS = ["worker", "-requested", "state", "number", "-status", "admitted"]


# Every response time by the name it is reported under. Locust keeps its figures per method and name,
# so a wizard step's GET and POST (and the verification page's) would be two rows; load.py reads
# these to give one p50/p95 per kind of page, over both.
TIMES: dict[str, list[float]] = {}


@events.request.add_listener
def _record(name, response_time, **_kwargs):
    TIMES.setdefault(name, []).append(response_time)


@events.quitting.add_listener
def _write_times(**_kwargs):
    if os.environ.get("BENCH_TIMES"):
        Path(os.environ["BENCH_TIMES"]).write_text(json.dumps(TIMES))


class LoopbackTLSPolicy(DefaultCookiePolicy):
    """The portal's cookies are Secure (production); the TLS proxy is pretended, so send them anyway."""

    def return_ok_secure(self, cookie, request):
        return True


class LookupBudget:
    """The verification page allows 30 look-ups a minute per address, and all clients share 127.0.0.1:
    stay under it, so a 429 in the figures is a real error, not the designed limit."""

    def __init__(self, per_minute: int):
        self.interval = 60.0 / per_minute
        self.next_at = 0.0
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            now = time.monotonic()
            if now < self.next_at:
                return False
            self.next_at = now + self.interval
            return True


LOOKUPS = LookupBudget(per_minute=24)


class PortalUser(FastHttpUser):
    abstract = True
    default_headers = {"X-Forwarded-Proto": "https"}

    def on_start(self):
        self.client.cookiejar.set_policy(LoopbackTLSPolicy())
        self.origin = "https://" + urlsplit(self.host).netloc
        self.employer = STATE["employers"][next(_employer_turn) % len(STATE["employers"])]

    def csrf(self) -> dict:
        token = next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "")
        return {"X-CSRFToken": token, "Origin": self.origin, "Referer": self.origin + "/"}

    def post_form(self, url, data, name):
        return self.client.post(url, data=data, headers=self.csrf(), name=name, allow_redirects=False)


class Employer(PortalUser):
    weight = 8
    wait_time = between(0.2, 1.0)

    def on_start(self):
        super().on_start()
        self.client.get("/accounts/login/", name="login")
        response = self.post_form(
            "/accounts/login/", {"username": self.employer["email"], "password": STATE["password"]}, "login"
        )
        if response.status_code != 302:
            raise RuntimeError(f"login failed for {self.employer['email']}: {response.status_code}")
        self.seen: list[str] = []

    def list_page(self, query: str = ""):
        response = self.client.get(f"/requests/{query}", name="list")
        if response.text:
            self.seen = DETAIL_LINK.findall(response.text) or self.seen

    @task(4)
    def consult(self):
        self.list_page()
        if random.random() < 0.5:
            self.list_page(f"?page={random.randint(2, 10)}")

    @task(4)
    def filter_and_sort(self):
        choice = random.random()
        if choice < 0.3:
            self.list_page(f"?worker={random.choice(WORKERS)}")
        elif choice < 0.5:
            self.list_page(f"?status={random.choice(['approved', 'in_progress', 'cancelled'])}")
        elif choice < 0.7:
            self.list_page(f"?state_of_work={random.choice(STATES)}&sort={random.choice(SORTS)}")
        else:
            self.list_page(f"?sort={random.choice(SORTS)}&page={random.randint(1, 5)}")

    @task(2)
    def detail(self):
        if self.seen:
            self.client.get(f"/requests/{random.choice(self.seen)}/", name="detail")

    @task(1)
    def certificate(self):
        if self.employer["certificates"]:
            pk = random.choice(self.employer["certificates"])
            self.client.get(f"/certificates/{pk}/download/", name="certificate")

    @task(1)
    def wizard(self):
        response = self.post_form("/requests/new/posting/", {}, "wizard step")
        location = response.headers.get("Location", "") if response.headers else ""
        match = re.search(r"/requests/draft/(\d+)/", location)
        if not match:
            return
        base = f"/requests/draft/{match.group(1)}/"
        employee = random.choice(self.employer["employees"])
        for step, payload in wizard_steps(employee, uuid.uuid4().hex):
            self.client.get(base + step + "/", name="wizard step")
            name = "wizard send" if step == "check" else "wizard step"
            with self.client.post(
                base + step + "/",
                data=payload,
                headers=self.csrf(),
                name=name,
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code != 302:  # the form came back with an error: a failed walk
                    response.failure(f"step {step} answered {response.status_code}")
                    return
        done = self.client.get(base + "done/", name="wizard step", allow_redirects=False)
        confirmation = done.headers.get("Location") if done.headers else None
        if confirmation:
            self.client.get(confirmation, name="wizard step")


class ApiClient(PortalUser):
    weight = 2
    wait_time = between(0.5, 1.5)

    @task
    def submit(self):
        headers = {"Authorization": f"Bearer {self.employer['token']}"}
        base = f"/api/v1/employers/{self.employer['id']}/requests/"
        body = api_posting(random.choice(self.employer["employees"]), START, END)
        created = self.client.post(base, json=body, headers=headers, name="api create")
        if created.status_code != 201:
            return
        pk = created.json()["id"]
        self.client.post(
            f"{base}{pk}/submit/", headers={**headers, "Idempotency-Key": uuid.uuid4().hex}, name="api submit"
        )


class Inspector(PortalUser):
    weight = 1
    wait_time = between(0.5, 1.5)

    @task
    def verify(self):
        self.client.get("/verify/", name="verify")
        if STATE["verify"] and LOOKUPS.take():
            number, birth_date = random.choice(STATE["verify"])
            self.client.post(
                "/verify/",
                data={"number": number, "birth_date": birth_date},
                headers=self.csrf(),
                name="verify",
            )
