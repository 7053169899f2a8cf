"""The public verification page tells an inspector what the admitted period means on the day of the
check: a certificate whose period ended proves which legislation applied then, not today."""

import datetime as dt
import html
import re
import secrets

import pytest
from django.urls import reverse
from django.utils import timezone

from casework.models import Certificate
from casework.views import period_on
from postings.services.decisions import request_decide
from postings.services.lifecycle import request_cancel
from tests import factories
from tests.casework.builders import committed, determination, make_request

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
ENDED = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
CURRENT = (TODAY - dt.timedelta(days=30), TODAY + dt.timedelta(days=30))
FUTURE = (TODAY + dt.timedelta(days=10), TODAY + dt.timedelta(days=200))


@pytest.fixture(autouse=True)
def own_address(client):
    """A fresh client address per test: the page's rate limit counts per address."""
    client.defaults["REMOTE_ADDR"] = (
        f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    )


@pytest.fixture
def certify(engine, employer, employer_admin, caseworker):
    """A certificate admitted for (start, end); the engine's period follows the request's."""

    def make(period, **kwargs):
        start, end = period
        engine.result = determination(start=start.isoformat(), end=end.isoformat(), **kwargs)
        worker = factories.make_employee(employer, family_name=f"Worker {secrets.token_hex(3)}")
        kind = "simultaneous" if kwargs.get("provisional") else "posting"
        request = make_request(employer, worker, employer_admin, start=start, end=end, type=kind)
        with committed():
            request_decide(actor=caseworker, request=request, decision="approved")
        return Certificate.objects.get(request=request)

    return make


def verify_page(client, certificate) -> str:
    response = client.post(
        reverse("casework:verify"), {"number": certificate.number, "birth_date": "1985-07-30"}
    )
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    return page.split('<div class="verify-result')[1].split("</div>")[0]


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (dt.date(2023, 1, 1), dt.date(2023, 12, 31), "ended"),
        (dt.date(2023, 1, 1), TODAY - dt.timedelta(days=1), "ended"),
        (dt.date(2023, 1, 1), TODAY, "current"),
        (TODAY, TODAY, "current"),
        (TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=9), "not_started"),
        (None, None, "current"),
    ],
)
def test_period_on_the_day_of_the_check(start, end, expected):
    assert period_on(start, end, TODAY) == expected


def test_an_ended_period_is_not_called_valid(client, certify):
    result = verify_page(client, certify(ENDED))
    assert "This certificate was valid for a period that has ended" in result
    assert (
        "It proves which legislation applied from 2023-01-01 to 2023-12-31, not which legislation" in result
    )
    assert "This certificate is valid" not in result
    assert "verify-ended" in result and "verify-valid" not in result  # no green bar
    assert "tag-valid" in result  # the status itself is unchanged


def test_a_current_period_is_valid(client, certify):
    result = verify_page(client, certify(CURRENT))
    assert re.search(r"<h1>\s*This certificate is valid\s*</h1>", result)
    assert "period that has ended" not in result and "valid from" not in result


def test_a_future_period_says_from_when(client, certify):
    result = verify_page(client, certify(FUTURE))
    assert f"This certificate is valid from {FUTURE[0].isoformat()}" in result
    assert "period that has ended" not in result


def test_a_future_provisional_period_says_from_when_and_provisional(client, certify):
    certificate = certify(FUTURE, article="13(1)(a)", code="02", provisional=True)
    result = verify_page(client, certificate)
    assert (
        f"This certificate is valid from {FUTURE[0].isoformat()}, the determination is provisional" in result
    )


def test_a_withdrawn_certificate_whose_period_ended_says_withdrawn(client, certify, employer_admin):
    certificate = certify(ENDED)
    request_cancel(actor=employer_admin, request=certificate.request, reason="The posting did not happen.")
    result = verify_page(client, certificate)
    assert "This certificate has been withdrawn" in result
    assert "Do not accept this certificate" in result
    assert "period that has ended" not in result and "It proves which legislation applied" not in result


def test_an_ended_period_in_dutch(client, certify):
    certificate = certify(ENDED)
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    result = verify_page(client, certificate)
    assert "Deze verklaring was geldig voor een periode die is afgelopen" in result
    assert "van toepassing was van 2023-01-01 tot en met 2023-12-31, niet welke wetgeving vandaag" in result
    assert "Deze verklaring is geldig" not in result
    assert "This certificate" not in result
