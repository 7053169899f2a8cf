"""A tax consultant acting for several client employers through mandates.

Which client a page is for is kept per session, not per browser tab: a page left open for one client
must not save for another after a switch in another tab; a link to another client's request offers to
switch instead of a bare "not found"; an employer without a mandate stays invisible; a mandate that
ends is said, not silently replaced by the next client."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.acting import SESSION_KEY
from accounts.models import Employee
from api.models import Webhook
from postings.models import CoverageRequest
from postings.status import Status
from tests import factories
from tests.postings.conftest import make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def clients(representative_firm, representative_user, employer):
    """The consultant acts for Van Dijk Bouw (fixture) and Hollandse Transport; not for Other B.V."""
    second = factories.make_employer(name="Hollandse Transport B.V.")
    factories.make_mandate(second, representative_firm)
    other = factories.make_employer(name="Other B.V.")
    return {"first": employer, "second": second, "other": other}


def acting_for(client, user, employer):
    client.force_login(user)
    session = client.session
    session[SESSION_KEY] = employer.pk
    session.save()
    return client


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_starting_a_request_on_a_page_left_open_for_another_client_saves_nothing(
    client, representative_user, clients
):
    # The start page was shown for Van Dijk; in another tab the consultant then switched to Hollandse.
    acting_for(client, representative_user, clients["second"])
    response = client.post(
        reverse("postings:start", args=["posting"]), {"acting_for": clients["first"].pk}, follow=True
    )
    assert not CoverageRequest.objects.filter(status=Status.DRAFT).exists()
    shown = " ".join(messages_of(response))
    assert "This page was for Van Dijk Bouw B.V., but you now act for Hollandse Transport B.V." in shown
    assert "Nothing was saved" in shown


def test_a_page_shown_for_the_client_acted_for_saves_as_before(client, representative_user, clients):
    acting_for(client, representative_user, clients["second"])
    client.post(reverse("postings:start", args=["posting"]), {"acting_for": clients["second"].pk})
    assert CoverageRequest.objects.get(status=Status.DRAFT).employer == clients["second"]


def test_adding_an_employee_on_a_page_left_open_for_another_client_saves_nothing(
    client, representative_user, clients
):
    acting_for(client, representative_user, clients["second"])
    response = client.post(
        reverse("accounts:personnel_add"),
        {
            "acting_for": clients["first"].pk,
            "personal_number": factories.valid_bsn(),
            "family_name": "Smit",
            "given_names": "Lotte",
        },
        follow=True,
    )
    assert not Employee.objects.filter(family_name="Smit").exists()
    assert "Nothing was saved" in " ".join(messages_of(response))


def test_another_clients_request_by_address_offers_to_switch(client, representative_user, clients):
    theirs = make_request(clients["second"])
    acting_for(client, representative_user, clients["first"])
    response = client.get(reverse("postings:detail", args=[theirs.pk]))
    assert response.status_code == 409
    page = response.content.decode()
    assert "This is for Hollandse Transport B.V." in page
    assert "You are acting for Van Dijk Bouw B.V. To open this page" in page
    assert "B.V.." not in page
    assert theirs.transaction_number not in page  # nothing of the request before switching

    switched = client.post(
        reverse("accounts:switch_employer"),
        {"employer": clients["second"].pk, "next": reverse("postings:detail", args=[theirs.pk])},
        follow=True,
    )
    assert switched.status_code == 200
    assert theirs.transaction_number in switched.content.decode()


def test_a_request_of_an_employer_without_a_mandate_stays_not_found(client, representative_user, clients):
    theirs = make_request(clients["other"])
    acting_for(client, representative_user, clients["first"])
    for name in ("postings:detail", "postings:cancel", "postings:extend", "postings:wizard"):
        response = client.get(reverse(name, args=[theirs.pk]))
        assert response.status_code == 404, name
        assert "Other B.V." not in response.content.decode()


def test_another_clients_worker_by_address_offers_to_switch_and_a_stranger_is_not_found(
    client, representative_user, clients
):
    theirs = factories.make_employee(clients["second"], family_name="Kok")
    stranger = factories.make_employee(clients["other"], family_name="Vreemd")
    acting_for(client, representative_user, clients["first"])
    response = client.get(reverse("accounts:personnel_detail", args=[theirs.pk]))
    assert response.status_code == 409
    assert "This is for Hollandse Transport B.V." in response.content.decode()
    assert "Kok" not in response.content.decode()
    for name in ("accounts:personnel_detail", "accounts:personnel_edit"):
        response = client.get(reverse(name, args=[stranger.pk]))
        assert response.status_code == 404
        assert "Other B.V." not in response.content.decode()


def test_removing_another_clients_worker_from_a_page_left_open_offers_to_switch_and_removes_nothing(
    client, representative_user, clients
):
    theirs = factories.make_employee(clients["second"], family_name="Kok")
    stranger = factories.make_employee(clients["other"], family_name="Vreemd")
    acting_for(client, representative_user, clients["first"])
    url = reverse("postings:worker_remove", args=[theirs.pk])
    for response in (client.get(url), client.post(url, {"drafts": ""})):
        assert response.status_code == 409
        html = response.content.decode()
        assert "This is for Hollandse Transport B.V." in html
        assert "no longer in your personnel directory" not in html
    assert Employee.objects.filter(pk=theirs.pk).exists()
    # A stranger's worker and an id nobody has read alike: nothing about Other B.V. is said.
    answers = [
        client.post(reverse("postings:worker_remove", args=[pk]), {"drafts": ""}, follow=True)
        for pk in (stranger.pk, stranger.pk + 1000)
    ]
    for response in answers:
        # Said of the client acted for (a consultant has no directory of its own), not of Other B.V.
        said = "This person is no longer in the personnel directory of Van Dijk Bouw B.V."
        assert said in messages_of(response)
        assert "Other B.V." not in response.content.decode()
    assert Employee.objects.filter(pk=stranger.pk).exists()


def test_a_mandate_that_ends_is_said_not_silently_replaced_by_the_next_client(
    client, representative_user, representative_firm, clients
):
    acting_for(client, representative_user, clients["second"])
    clients["second"].mandates_given.update(revoked_at=timezone.now())
    response = client.get(reverse("postings:list"))
    assert response.status_code == 200
    assert messages_of(response) == [
        "You can no longer act for Hollandse Transport B.V.: the mandate has ended or was revoked. "
        "You now act for Van Dijk Bouw B.V."
    ]


def test_the_personnel_and_authorization_pages_name_the_client(client, representative_user, clients):
    worker = factories.make_employee(clients["second"], family_name="Kok")
    acting_for(client, representative_user, clients["second"])
    caption = f"Client: Hollandse Transport B.V., KvK number {clients['second'].kvk_number}"
    for name, args in [
        ("accounts:personnel_add", []),
        ("accounts:personnel_edit", [worker.pk]),
        ("accounts:personnel_detail", [worker.pk]),
        ("accounts:personnel_import", []),
        ("accounts:authorizations", []),
    ]:
        assert caption in client.get(reverse(name, args=args)).content.decode(), name


def test_the_home_page_lists_the_clients_with_their_numbers_and_when_each_mandate_ends(
    client, representative_user, representative_firm, clients
):
    clients["second"].mandates_given.update(valid_until=dt.date(2099, 6, 30))
    acting_for(client, representative_user, clients["first"])
    page = client.get(reverse("home")).content.decode()
    table = page[page.index("Your clients") : page.index("</table>")]
    rows = [re.sub(r"<[^>]+>", " ", row) for row in table.split("<tr>")[2:]]
    rows = [" ".join(row.split()) for row in rows]
    assert rows == [
        f"Hollandse Transport B.V. KvK number {clients['second'].kvk_number} 30 Jun 2099 "
        "Act for this employer Hollandse Transport B.V.",
        f"Van Dijk Bouw B.V. KvK number {clients['first'].kvk_number} No end date "
        "You act for this employer now",
    ]
    assert "Other B.V." not in page
    switched = client.post(
        reverse("accounts:switch_employer"), {"employer": clients["second"].pk, "next": "/"}, follow=True
    )
    assert "<h1>Hollandse Transport B.V.</h1>" in switched.content.decode()


def test_a_consultant_whose_only_mandate_ended_is_told_why_on_every_request_page(
    client, representative_user, employer
):
    acting_for(client, representative_user, employer)
    employer.mandates_given.update(revoked_at=timezone.now())
    first = client.get(reverse("postings:list"))
    assert messages_of(first) == [
        "You can no longer act for Van Dijk Bouw B.V.: the mandate has ended or was revoked."
    ]
    for response in (first, client.get(reverse("postings:drafts"))):
        assert response.status_code == 403
        page = response.content.decode()
        assert "No employer to act for" in page and "the mandate you relied on has ended" in page


def test_a_webhook_or_mandate_form_left_open_for_another_client_saves_nothing(
    client, representative_user, clients
):
    acting_for(client, representative_user, clients["second"])
    response = client.post(
        reverse("api_portal:webhooks"),
        {"acting_for": clients["first"].pk, "url": "https://payroll.example.com/hook"},
        follow=True,
    )
    assert not Webhook.objects.exists()
    assert "Nothing was saved" in " ".join(messages_of(response))
    page = client.get(reverse("api_portal:webhooks")).content.decode()
    assert f'name="acting_for" value="{clients["second"].pk}"' in page
