"""The self-check asks the person's nationality: the EU rules cover a third-country national only
in some states (legislation.md 1.3), and an unknown nationality counts as covered (determination.md)."""

import pytest
from django.utils import translation

from .test_page import POSTING, URL

POSTING_TO_DENMARK = {**POSTING, "work_1_country": "DK"}


@pytest.mark.django_db
def test_the_question_is_on_the_page_in_the_persons_language(client):
    html = client.get(URL).content.decode()
    assert 'name="nationality"' in html and "What is your nationality?" in html
    with translation.override("nl"):
        assert translation.gettext("What is your nationality?") == "Wat is uw nationaliteit?"


@pytest.mark.django_db
def test_a_third_country_national_posted_to_denmark_is_told_no_pd_a1_follows(client):
    """Reg. 1231/2010 extends 883/2004 to third-country nationals, but not in Denmark (1.3): a US
    national sent from NL to DK gets no PD A1, where the same answers without a nationality did."""
    unknown = client.post(URL, POSTING_TO_DENMARK).content.decode()
    assert "A PD A1 would be issued" in unknown
    response = client.post(URL, {**POSTING_TO_DENMARK, "nationality": "US"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "A PD A1 would be issued" not in html
    assert "No coordination instrument applies" in html


@pytest.mark.django_db
def test_an_eu_national_posted_to_denmark_still_gets_a_pd_a1(client):
    html = client.post(URL, {**POSTING_TO_DENMARK, "nationality": "PL"}).content.decode()
    assert "A PD A1 would be issued" in html


@pytest.mark.django_db
def test_an_unknown_country_is_refused_at_the_field(client):
    response = client.post(URL, {**POSTING_TO_DENMARK, "nationality": "XX"})
    assert response.status_code == 200
    assert "nationality" in response.context["form"].errors
    assert 'href="#id_nationality"' in response.content.decode()
