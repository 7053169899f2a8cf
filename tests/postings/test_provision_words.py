"""The check-answers page names the provision in words: it printed the engine's codes, "(national:NL,
Article )" for a case no instrument coordinates and "treaty:NL-US" for a treaty."""

import pytest
from django.utils import translation

import rules
from coverage_portal.provision import provision_label

from .test_other_wizards import S, region, simultaneous_to_places
from .test_posting_wizard import walk_to_check
from .wizard_helpers import CONTACT, places_data, post_step, start, step_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "provision, words",
    [
        ({"instrument": "883/2004", "article": "13(1)(a)"}, "Regulation (EC) No 883/2004, Article 13(1)(a)"),
        (
            {"instrument": "treaty:NL-US", "article": "9(1)"},
            "the treaty between the Netherlands and the United States of America",
        ),
        ({"instrument": "national:NL", "article": ""}, "the national law of the Netherlands"),
        ({"instrument": "none", "article": ""}, ""),
    ],
)
def test_each_kind_of_instrument_in_words(provision, words):
    assert provision_label(provision).startswith(words)


def test_in_dutch():
    with translation.override("nl"):
        assert provision_label({"instrument": "883/2004", "article": "12(1)"}) == (
            "Verordening (EG) nr. 883/2004, artikel 12(1)"
        )


def national(situation, issuing_state=None):
    result = {
        "legislation": "NL",
        "provision": {"instrument": "national:NL", "article": ""},
        "transitional": None,
        "provisional": False,
        "certificate": None,
        "a1_status_code": None,
        "period": None,
        "reasons": [],
        "warnings": [],
    }
    return result, [], []


def test_the_check_page_shows_no_code_and_no_empty_article(logged_in, employee, engine, monkeypatch):
    monkeypatch.setattr(rules, "determine_with_figures", national, raising=False)
    draft = start(logged_in, "posting")
    page = walk_to_check(logged_in, draft, employee).content.decode()
    assert "(the national law of the Netherlands)" in page
    assert "national:NL" not in page and "Article )" not in page


def test_simultaneous_occupation_is_not_told_about_a_posting_over_24_months(
    logged_in, employee, engine, monkeypatch
):
    """The warning under another state's legislation offered "If the posting lasts longer than 24
    months ..." to simultaneous occupation too, which has no posting and no Art. 16 offer here."""

    def belgian(situation, issuing_state=None):
        result = national(situation)[0]
        provision = {"instrument": "883/2004", "article": "13(1)(a)"}
        return {**result, "legislation": "BE", "provision": provision}, [], []

    monkeypatch.setattr(rules, "determine_with_figures", belgian, raising=False)
    draft = start(logged_in, "simultaneous")
    simultaneous_to_places(logged_in, draft, employee)
    places = places_data([region("BE", "60"), region("NL", "40")])
    post_step(logged_in, draft, "places", places, S)
    post_step(logged_in, draft, "period", {"start": "2026-03-01", "end": "2027-02-28", "language": "en"}, S)
    post_step(logged_in, draft, "contact", CONTACT, S)
    page = logged_in.get(step_url(draft, "check")).content.decode()
    assert "With these answers we cannot issue a certificate" in page
    assert "If the posting lasts longer than 24 months" not in page
