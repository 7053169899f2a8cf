import datetime as dt
import secrets
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from casework.models import Certificate, InboxMessage
from casework.pdf import verification_url
from postings.services.decisions import request_decide
from postings.services.lifecycle import request_cancel
from tests import factories
from tests.casework.builders import committed, determination, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_address(client):
    """A fresh client address per test: the rate limit counts per address (and the cache may be
    the shared Redis in CI, which must not be flushed)."""
    client.defaults["REMOTE_ADDR"] = (
        f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    )


@pytest.fixture
def certificate(engine, employer, employer_admin, employee, caseworker):
    request = make_request(employer, employee, employer_admin)
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    return Certificate.objects.get(request=request)


def test_certificate_reaches_employer_and_representative_inboxes(
    certificate, employer, representative_firm, representative_user
):
    assert InboxMessage.objects.get(organisation=employer, kind="certificate").certificate == certificate
    # the representative's mandate was made after the approval here; a new delivery is not repeated
    assert certificate.delivered_at is not None


def test_inbox_page_lists_the_message_and_download_works(client, certificate, employer_admin):
    client.force_login(employer_admin)
    page = client.get(reverse("casework:inbox"))
    assert certificate.request.transaction_number in page.content.decode()
    download = client.get(reverse("casework:certificate_download", args=[certificate.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_representative_staff_get_their_firms_copy(
    engine, employer, employer_admin, employee, caseworker, client, representative_user, representative_firm
):
    request = make_request(employer, employee, employer_admin)
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    certificate = Certificate.objects.get(request=request)
    client.force_login(representative_user)
    page = client.get(reverse("casework:inbox")).content.decode()
    assert request.transaction_number in page
    assert client.get(reverse("casework:certificate_download", args=[certificate.pk])).status_code == 200


def test_others_cannot_download(client, certificate):
    stranger = factories.make_user()
    factories.add_member(stranger, factories.make_employer())
    client.force_login(stranger)
    assert client.get(reverse("casework:certificate_download", args=[certificate.pk])).status_code == 404
    client.logout()
    response = client.get(reverse("casework:certificate_download", args=[certificate.pk]))
    assert response.status_code == 302


def test_answering_an_information_request_in_the_inbox(
    engine, employer, employer_admin, employee, caseworker, client
):
    from postings.services.decisions import request_ask_information

    request = make_request(employer, employee, employer_admin)
    request_ask_information(actor=caseworker, request=request, message="Which site in Brussels?")
    question = InboxMessage.objects.get(organisation=employer, kind="info_request")
    client.force_login(employer_admin)
    url = reverse("casework:inbox_message", args=[question.pk])
    empty = client.post(url, {"answer": ""})
    assert "Write your answer." in empty.content.decode()
    response = client.post(url, {"answer": "Rue Haute 10"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "in_review"


def test_verification_by_number_and_birth_date(client, certificate):
    response = client.post(
        reverse("casework:verify"), {"number": certificate.number, "birth_date": "1985-07-30"}
    )
    page = response.content.decode()
    assert "This certificate is valid" in page
    assert "A. D." in page  # initials only
    assert "Delporte" not in page and certificate.holder["personal_number"] not in page
    assert "2027-03-01" in page


def test_wrong_birth_date_and_wrong_number_give_the_same_answer(client, certificate):
    wrong_date = client.post(
        reverse("casework:verify"), {"number": certificate.number, "birth_date": "1985-07-31"}
    )
    wrong_number = client.post(
        reverse("casework:verify"), {"number": "NL-A1-2026-9999999-AAAA", "birth_date": "1985-07-30"}
    )
    results = []
    for response in (wrong_date, wrong_number):
        page = response.content.decode()
        result = page.split('<div class="verify-result')[1].split("</div>")[0]
        assert "Certificate not found" in result
        results.append(result)
    assert results[0] == results[1]


def test_qr_link_verifies_and_an_altered_number_fails(client, certificate):
    url = urlparse(verification_url(certificate))
    assert url.netloc == "portal.example"
    ok = client.get(f"{url.path}?{url.query}")
    assert "This certificate is valid" in ok.content.decode()
    query = parse_qs(url.query)
    altered = certificate.number[:-1] + ("B" if certificate.number[-1] != "B" else "C")
    bad = client.get(url.path, {"n": altered, "s": query["s"][0]})
    assert "Certificate not found" in bad.content.decode()


def test_cancelled_request_shows_withdrawn(client, certificate, employer_admin):
    request_cancel(actor=employer_admin, request=certificate.request, reason="The posting did not happen.")
    response = client.post(
        reverse("casework:verify"), {"number": certificate.number, "birth_date": "1985-07-30"}
    )
    assert "This certificate has been withdrawn" in response.content.decode()


def test_provisional_certificate_shows_provisional(engine, client, employer, employer_admin, caseworker):
    worker = factories.make_employee(employer, family_name="Smit", birth_date=dt.date(1990, 1, 2))
    engine.result = determination(article="13(1)(a)", code="02", provisional=True)
    request = make_request(employer, worker, employer_admin, type="simultaneous")
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    number = request.certificate.number
    response = client.post(reverse("casework:verify"), {"number": number, "birth_date": "1990-01-02"})
    assert "the determination is provisional" in response.content.decode()


def test_verification_is_rate_limited(client, certificate):
    for _ in range(30):
        assert (
            client.post(reverse("casework:verify"), {"number": "X", "birth_date": "2000-01-01"}).status_code
            == 200
        )
    response = client.post(
        reverse("casework:verify"), {"number": certificate.number, "birth_date": "1985-07-30"}
    )
    assert response.status_code == 429
    assert "Too many checks" in response.content.decode()
    assert "valid" not in response.content.decode().split("<main")[1].lower().split("too many")[0]


def test_verification_form_errors_keep_input(client):
    response = client.post(reverse("casework:verify"), {"number": "NL-A1", "birth_date": "30-07-85"})
    page = response.content.decode()
    assert "Enter the date of birth as year-month-day" in page
    assert 'value="NL-A1"' in page


def _exhaust(client, **headers):
    for _ in range(30):
        client.post(reverse("casework:verify"), {"number": "X", "birth_date": "2000-01-01"}, **headers)
    return client.post(reverse("casework:verify"), {"number": "X", "birth_date": "2000-01-01"}, **headers)


def _address():
    return f"198.51.{secrets.randbelow(250)}.{secrets.randbelow(250)}"


def test_behind_the_tls_proxy_each_inspector_has_their_own_limit(client, settings):
    """Every request arrives from the proxy's address; the client is the address the proxy appends
    to X-Forwarded-For (the last one), whatever the client put in front of it."""
    settings.PORTAL_BEHIND_TLS_PROXY = True
    first, second = _address(), _address()
    assert _exhaust(client, HTTP_X_FORWARDED_FOR=f"10.9.9.9, {first}").status_code == 429
    forged_prefix = client.post(
        reverse("casework:verify"),
        {"number": "X", "birth_date": "2000-01-01"},
        HTTP_X_FORWARDED_FOR=f"{_address()}, {first}",
    )
    assert forged_prefix.status_code == 429  # a forged first entry does not escape the limit
    other = client.post(
        reverse("casework:verify"),
        {"number": "X", "birth_date": "2000-01-01"},
        HTTP_X_FORWARDED_FOR=f"10.9.9.9, {second}",
    )
    assert other.status_code == 200  # same proxy address, another inspector


def test_without_the_proxy_a_forged_forwarded_for_does_not_escape_the_limit(client, settings):
    settings.PORTAL_BEHIND_TLS_PROXY = False
    for _ in range(30):
        client.post(
            reverse("casework:verify"),
            {"number": "X", "birth_date": "2000-01-01"},
            HTTP_X_FORWARDED_FOR=_address(),
        )
    forged = client.post(
        reverse("casework:verify"),
        {"number": "X", "birth_date": "2000-01-01"},
        HTTP_X_FORWARDED_FOR=_address(),
    )
    assert forged.status_code == 429


def test_verification_still_answers_when_the_cache_is_down(client, monkeypatch):
    """The rate limit fails open during a Redis outage: an inspector still gets an answer."""
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "add", down)
    response = client.post(reverse("casework:verify"), {"number": "NL-A1-0", "birth_date": "2000-01-01"})
    assert response.status_code == 200
