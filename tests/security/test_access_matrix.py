"""Security sweep: every route of the portal and the API against every role.

The routes come from the URL configuration itself, so a new page or endpoint is covered the moment
it is added. Another organisation's objects are planted; for each role, every route is requested
with every planted id, and the response must never be a 500 and never show the planted data.
"""

import datetime as dt
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from api.services.tokens import token_create
from postings.models import CoverageRequest
from tests import factories
from tests.accounts.conftest import login_verified
from tests.casework.builders import make_request

# Routes anyone may open, with the method a person would use.
PUBLIC = {
    "home",
    "healthz",
    "set_language",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "accounts:register",
    "accounts:register_done",
    "accounts:not_eligible",
    "accounts:paper_form",
    "accounts:activate",
    "casework:verify",
    "selfcheck:check",
    "selfcheck:determinations",
    "schema",
    "swagger-ui",
}
STRING_ARGS = {"kind": "posting", "step": "employee", "mode": "other_period", "uidb64": "MQ", "token": "x-y"}
SECRET_MARKERS = ("Victimova", "Victim Holding")


def routes():
    """(name, path template with {arg} holes, converter names) for every route outside the admin."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                yield namespace + (pattern.name or ""), prefix + str(pattern.pattern)

    for name, template in walk(get_resolver().url_patterns, "", ""):
        if template.startswith(("admin/", "^")) or "^" in template or "(?P" in template:
            continue  # the admin has its own test; regex catch-alls have no concrete path
        yield name, template


ROUTES = sorted(set(routes()))
ARG = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


def concrete_paths(template, planted_ids):
    """Every path the template gives with the planted ids (int args) and fixed strings."""
    args = ARG.findall(template)
    if not args:
        return ["/" + template]
    paths = []
    for object_id in planted_ids:
        path = template
        for conv, name in args:
            value = str(object_id) if conv == "int" else STRING_ARGS.get(name, "x")
            path = path.replace(f"<{conv + ':' if conv else ''}{name}>", value, 1)
        paths.append("/" + path)
    return paths


@pytest.fixture
def planted(db, caseworker):
    """Another employer's world: its employee, a sent request and a draft."""
    victim = factories.make_employer(name="Victim Holding B.V.")
    victim_admin = factories.make_user(email="victim@holding.test")
    factories.add_member(victim_admin, victim)
    employee = factories.make_employee(victim, family_name="Victimova", given_names="Vera")
    sent = make_request(victim, employee, victim_admin, start=dt.date(2027, 3, 1), end=dt.date(2027, 9, 30))
    draft = CoverageRequest.objects.create(type="posting", employer=victim, created_by=victim_admin)
    ids = {victim.pk, employee.pk, sent.pk, draft.pk, victim_admin.pk}
    # Low ids too: a guessed id from another table must not open anything either.
    return sorted(ids | set(range(1, 6)))


def _client_for(role, client, request):
    if role == "anonymous":
        return client
    if role == "caseworker":
        login_verified(client, request.getfixturevalue("caseworker"))
        return client
    if role == "other_employer":
        user = request.getfixturevalue("employer_admin")
    elif role == "representative_without_mandate":
        user = factories.make_user(email="loose@consult.test")
        factories.add_member(user, factories.make_representative(name="Loose Consultants"))
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "role", ["anonymous", "other_employer", "representative_without_mandate", "caseworker"]
)
def test_no_route_shows_another_organisations_data_or_fails(role, client, planted, request):
    client = _client_for(role, client, request)
    problems = []
    for name, template in ROUTES:
        for path in concrete_paths(template, planted):
            response = client.get(path)
            body = b"" if response.streaming else response.content
            if response.status_code >= 500:
                problems.append(f"{path} ({name}): {response.status_code}")
            elif any(marker.encode() in body for marker in SECRET_MARKERS):
                problems.append(f"{path} ({name}): shows the other organisation's data")
            elif role == "anonymous" and name not in PUBLIC and response.status_code == 200:
                problems.append(f"{path} ({name}): open to anonymous visitors")
    assert not problems, "\n".join(problems)


def test_api_token_of_another_organisation_reaches_nothing(client, planted, employer_admin):
    _, secret = token_create(actor=employer_admin, name="payroll")
    problems = []
    for name, template in ROUTES:
        if not template.startswith("api/v1/"):
            continue
        for path in concrete_paths(template, planted):
            response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {secret}")
            if response.status_code >= 500 or any(m.encode() in response.content for m in SECRET_MARKERS):
                problems.append(f"{path} ({name}): {response.status_code}")
    assert not problems, "\n".join(problems)


def test_the_sweep_covers_every_app():
    names = {name for name, _ in ROUTES}
    for expected in (
        "postings:detail",
        "accounts:personnel_detail",
        "casework:certificate_download",
        "api:request",
    ):
        assert expected in names


def test_control_the_owner_does_see_the_planted_data(client, planted):
    """Without this the sweep could pass by requesting paths that show nothing to anyone."""
    owner = factories.User.objects.get(email="victim@holding.test")
    client.force_login(owner)
    seen = set()
    for name, template in ROUTES:
        if template.startswith("api/"):
            continue
        for path in concrete_paths(template, planted):
            response = client.get(path)
            if response.status_code == 200 and not response.streaming and b"Victimova" in response.content:
                seen.add(name)
    assert {"postings:detail", "accounts:personnel_detail", "postings:list", "accounts:personnel"} <= seen
