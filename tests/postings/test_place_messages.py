"""A place of work with missing details names each one, in the error summary and at the field. Every
missing detail said "Enter this detail for this type of place.": a company without its details put
that sentence six times in the summary, and nobody could tell which line meant which field."""

import html
import re

import pytest
from django.conf import settings

from api.views.examples import POSTING

from ..api.conftest import client_for
from ..api.test_requests import base, body
from .page_check import error_summary_links, main_of
from .test_posting_wizard import P
from .wizard_helpers import places_data, post_step, start

pytestmark = pytest.mark.django_db

COMPANY = {
    "name": "Enter the name of the company.",
    "identification_number": "Enter the company's identification number.",
    "street": "Enter the street.",
    "house_number": "Enter the house number.",
    "postal_code": "Enter the postal code.",
    "town": "Enter the town.",
}
INLAND_VESSEL = {
    "name": "Enter the name of the vessel.",
    "registration_number": "Enter the registration number of the boat.",
    "harbour_or_river": "Enter the harbour or river.",
}
OCEAN_VESSEL = {
    "name": "Enter the name of the ship.",
    "imo_number": "Enter the IMO number of the ship.",
    "territorial_waters_or_port": "Say whether the work is done in territorial waters or in a port.",
}


def summary_items(page):
    summary = re.search(r'<div class="error-summary".*?</ul>', page, re.S).group(0)
    return [html.unescape(text) for text in re.findall(r"<li><a [^>]*>(.*?)</a></li>", summary)]


def at_field(page, name):
    """The markup of one place field's wrapper (its label, hint, error and input)."""
    after = r'(?=<div class="place-field"|<div class="form-group form-group-checkbox")'
    match = re.search(rf'<div class="place-field" data-field="{name}">.*?{after}', page, re.S)
    return match.group(0)


def places_page(client, kind):
    draft = start(client, "posting")
    response = post_step(client, draft, "places", places_data([{"country": "BE", "location_type": kind}]), P)
    assert response.status_code == 200
    return main_of(response.content.decode())


@pytest.mark.parametrize(
    ("kind", "missing"),
    [("company", COMPANY), ("inland_vessel", INLAND_VESSEL), ("ocean_vessel", OCEAN_VESSEL)],
)
def test_each_missing_detail_is_named_in_the_summary_and_at_its_field(logged_in, employee, kind, missing):
    page = places_page(logged_in, kind)
    items = summary_items(page)
    assert "Enter this detail for this type of place." not in items
    assert items == list(missing.values())
    anchors = [f"id_places-0-{name}" for name in missing]
    if kind == "ocean_vessel":  # a yes/no question's link goes to its first option
        anchors[-1] += "_0"
    assert error_summary_links(page) == anchors
    for name, message in missing.items():
        assert html.escape(message) in at_field(page, name)


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("region", "Enter the name of the region or country."),
        ("construction_site", "Enter the name of the construction site."),
        ("home_base", "Enter the name of the home base."),
    ],
)
def test_the_name_says_what_it_is_the_name_of(logged_in, employee, kind, message):
    page = places_page(logged_in, kind)
    assert message in summary_items(page)


def test_the_missing_details_are_named_in_dutch(logged_in, employee):
    logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert summary_items(places_page(logged_in, "ocean_vessel")) == [
        "Vul de naam van het schip in.",
        "Vul het IMO-nummer van het schip in.",
        "Geef aan of het werk wordt verricht in territoriale wateren of in een haven.",
    ]


def test_the_api_names_them_at_their_field_path(employer_admin, employer, employee):
    data = body(POSTING, employee)
    data["places"] = [{"country": "BE", "location_type": "inland_vessel"}]
    response = client_for(employer_admin).post(base(employer), data, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": f"places[0].{name}", "message": message} for name, message in INLAND_VESSEL.items()
    ]


def test_with_two_places_the_summary_says_which_place_lacks_what(logged_in, employee):
    # Two companies each without their street: "Enter the street." twice did not say which place.
    draft = start(logged_in, "posting")
    places = [
        {
            "country": "BE",
            "location_type": "company",
            "name": name,
            "identification_number": "0123456789",
            "house_number": "5",
            "postal_code": "1000",
            "town": "Brussels",
        }
        for name in ("Brugbouw NV", "Second NV")
    ]
    response = post_step(logged_in, draft, "places", places_data(places), P)
    page = main_of(response.content.decode())
    assert summary_items(page) == ["Place of work 1: Enter the street.", "Place of work 2: Enter the street."]
    assert error_summary_links(page) == ["id_places-0-street", "id_places-1-street"]
    assert "Enter the street." in at_field(page, "street")  # at the field it stands as before
