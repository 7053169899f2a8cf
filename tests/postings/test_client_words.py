"""A consultant walking the wizard for a client reads the client's name where the employer's own
staff read "your company": the consultant's firm is not the employer the questions are about."""

import html

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from postings.models import CoverageRequest

from .test_posting_wizard import P, send, walk_to_check
from .wizard_helpers import post_step, start, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultant(client, representative_user):
    client.force_login(representative_user)
    return client


@pytest.fixture
def staff(client, employer_admin):
    client.force_login(employer_admin)
    return client


def page(client, url, language="en"):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return html.unescape(client.get(url).content.decode())


def test_the_employment_step_asks_how_the_client_employs_the_employee(consultant, employee, engine):
    draft = start(consultant, "posting")
    text = page(consultant, step_url(draft, "relationship"))
    assert "How is the employee employed by Van Dijk Bouw B.V.?" in text
    assert "Is Van Dijk Bouw B.V. an employer in the private sector?" in text
    assert "your company" not in text and "Are you an employer" not in text
    dutch = page(consultant, step_url(draft, "relationship"), "nl")
    assert "Hoe is de werknemer bij Van Dijk Bouw B.V. in dienst?" in dutch
    assert "Is Van Dijk Bouw B.V. een werkgever in de particuliere sector?" in dutch
    assert "Wie ist der Arbeitnehmer bei Van Dijk Bouw B.V. beschäftigt?" in page(
        consultant, step_url(draft, "relationship"), "de"
    )


def test_unanswered_questions_name_the_client_too(consultant, employee, engine):
    draft = start(consultant, "posting")
    response = post_step(consultant, draft, "relationship", {"classification": "employed"}, P)
    text = html.unescape(response.content.decode())
    assert "Say whether Van Dijk Bouw B.V. is an employer in the private sector." in text
    assert "Enter the date the employee entered the service of Van Dijk Bouw B.V." in text
    assert "your service" not in text


def test_the_delivery_hint_says_whose_e_box_and_address(consultant, employee, engine):
    draft = start(consultant, "posting")
    text = page(consultant, step_url(draft, "contact"))
    assert "the certificate arrives in the e-box of Van Dijk Bouw B.V. and on this portal" in text
    assert "sent by post to the address of Van Dijk Bouw B.V." in text
    assert "your company" not in text
    dutch = page(consultant, step_url(draft, "contact"), "nl")
    assert "e-box van Van Dijk Bouw B.V." in dutch and "uw bedrijf" not in dutch


def test_check_answers_detail_and_confirmation_name_the_client(consultant, employee, engine):
    draft = start(consultant, "posting")
    check = html.unescape(walk_to_check(consultant, draft, employee).content.decode())
    assert "Is Van Dijk Bouw B.V. an employer in the private sector?" in check
    send(consultant, draft)
    sent = CoverageRequest.objects.get(pk=draft.pk)
    confirmation = page(consultant, reverse("postings:confirmation", args=[sent.pk]))
    assert "the certificate is sent to the e-box of Van Dijk Bouw B.V." in confirmation
    assert "your e-box" not in confirmation
    assert "e-box van Van Dijk Bouw B.V." in page(
        consultant, reverse("postings:confirmation", args=[sent.pk]), "nl"
    )
    detail = page(consultant, reverse("postings:detail", args=[sent.pk]))
    assert "Is Van Dijk Bouw B.V. an employer in the private sector?" in detail


def test_the_employers_own_staff_still_read_your_company(staff, employee, engine):
    draft = start(staff, "posting")
    text = page(staff, step_url(draft, "relationship"))
    assert "How is the employee employed by your company?" in text
    assert "Are you an employer in the private sector?" in text and "Van Dijk Bouw B.V.?" not in text
    assert "arrives in your company's e-box" in page(staff, step_url(draft, "contact"))
    check = html.unescape(walk_to_check(staff, draft, employee).content.decode())
    assert "Are you an employer in the private sector?" in check
    send(staff, draft)
    confirmation = page(staff, reverse("postings:confirmation", args=[draft.pk]))
    assert "the certificate is sent to your e-box" in confirmation
    another = start(staff, "posting")
    assert "Hoe is de werknemer bij uw bedrijf in dienst?" in page(
        staff, step_url(another, "relationship"), "nl"
    )


def test_naming_the_client_costs_no_query(staff_client_pair, employee, engine):
    """The client's name comes with the employers the person may act for (accounts.permissions):
    the consultant's page asks the database no more than the employer's own."""
    consultant_client, staff_client = staff_client_pair
    counts = []
    for who in (consultant_client, staff_client):
        draft = start(who, "posting")
        who.get(step_url(draft, "relationship"))  # the session settles on the draft first
        with CaptureQueriesContext(connection) as captured:
            assert who.get(step_url(draft, "relationship")).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


@pytest.fixture
def staff_client_pair(representative_user, employer_admin):
    from django.test import Client

    consultant_client, staff_client = Client(), Client()
    consultant_client.force_login(representative_user)
    staff_client.force_login(employer_admin)
    return consultant_client, staff_client
