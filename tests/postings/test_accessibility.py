"""Every wizard step, shown with errors, has an error summary whose links all land on a field of the
page; every input has a label; radio groups are fieldsets with a legend. Also the other request pages.
All with the plain test client: no JavaScript."""

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from weasyprint import HTML

from postings.wizards.steps import STEPS
from tests import factories

from .conftest import make_request
from .page_check import error_summary_links, has_error_summary, main_of, problems
from .test_posting_wizard import COMPANY
from .wizard_helpers import CONDITIONS, CONTACT, places_data, post_step, start, step_url

SHIP = {
    "name": "Zeeland",
    "imo_number": "IMO 9074729",
    "flag_state": "MT",
    "territorial_waters_or_port": "no",
}


def valid(kind, step, employee):
    if step == "employee":
        return {"query": employee.family_name[:3], "employee": employee.pk}
    if step == "relationship":
        classification = "transport_road_rail" if kind == "simultaneous" else "employed"
        return {"date_of_entry": "2015-01-01", "private_sector": "yes", "classification": classification}
    if step == "states":
        return {"state_1": "BE", "also_issuing_state": "on"}
    if step == "places":
        if kind == "simultaneous":
            return places_data(
                [
                    {"country": "BE", "location_type": "region", "time_pct": "50"},
                    {"country": "NL", "location_type": "region", "time_pct": "50"},
                ]
            )
        return places_data([COMPANY])
    if step == "ship":
        return SHIP
    if step == "conditions":
        return CONDITIONS
    if step == "period":
        return {"start": "2025-03-01", "end": "2026-02-28", "language": "en"}
    if step == "statement":
        pdf = HTML(string="<h1>Statement of the state of residence</h1>").write_pdf()
        return {
            "statement_date": timezone.localdate().isoformat(),
            "file": SimpleUploadedFile("statement.pdf", pdf, content_type="application/pdf"),
        }
    if step == "contact":
        return CONTACT
    return {}


# Wrong answers per step, beyond leaving everything empty: each shows another kind of error.
WRONG = {
    "employee": [{"query": "nobody-by-that-name"}, {"query": "Pee"}],
    "address": [{"temp_differs": "on", "temp_street": "Rue Neuve"}],
    "relationship": [
        {"date_of_entry": "2015-01-01", "private_sector": "yes", "classification": "transport_air"}
    ],
    "states": [{"state_1": "BE"}, {"state_1": "BE", "state_2": "BE"}],
    "places": [
        places_data([{"country": "BE", "location_type": "ocean_vessel", "imo_number": "12"}]),
        places_data([{"country": "BE", "location_type": "construction_site", "territory": "jersey"}]),
        places_data([]),
    ],
    "ship": [{"imo_number": "abc"}],
    "conditions": [{**CONDITIONS, "end": "2025-01-01"}],
    "period": [{"start": "2025-03-01", "end": "2025-01-01"}],
    "statement": [{"statement_date": "2001-01-01"}],
    "contact": [{"email": "not an e-mail"}],
}


@pytest.mark.parametrize("kind", list(STEPS))
def test_every_step_with_errors_links_each_error_to_a_field_on_the_page(logged_in, employer, engine, kind):
    # Lives in Belgium, so simultaneous occupation also has the residence-statement step.
    employee = factories.make_employee(employer, family_name="Peeters", given_names="Jan", country="BE")
    draft = start(logged_in, kind)
    prefix = f"{kind}_wizard"
    checked = []
    for step, _form in STEPS[kind]:
        page = logged_in.get(step_url(draft, step)).content.decode()
        assert problems(page) == [], (step, "as first shown")
        if step == "check":
            break
        wrong_answers = [{}, *WRONG.get(step, [])] if step != "address" else WRONG["address"]
        for wrong in wrong_answers:
            response = post_step(logged_in, draft, step, wrong, prefix)
            assert response.status_code == 200, (step, wrong)
            html = response.content.decode()
            assert has_error_summary(html), (step, wrong)
            links = error_summary_links(main_of(html))
            assert links, (step, wrong, "the error summary links to no field")
            assert problems(html) == [], (step, wrong)
            checked.append((step, len(links)))
        response = post_step(logged_in, draft, step, valid(kind, step, employee), prefix)
        assert response.status_code == 302, (step, response.content.decode()[:3000])
    assert {step for step, _n in checked} == {s for s, _f in STEPS[kind] if s != "check"}


def test_an_employee_search_without_results_links_the_error_to_the_search_box(logged_in, engine):
    draft = start(logged_in, "posting")
    html = post_step(logged_in, draft, "employee", {"query": "zzz"}, "posting_wizard").content.decode()
    assert error_summary_links(main_of(html)) == ["id_employee-query"]
    assert "No employee in your personnel directory matches this search." in html


def test_an_employee_search_without_results_reads_its_error_at_the_search_box(logged_in, engine):
    """No list to choose from: the error stands in the search box's group, and the box is described
    by its hint and that error (it sat under the Search button, tied to nothing)."""
    draft = start(logged_in, "posting")
    html = post_step(logged_in, draft, "employee", {"query": "zzz"}, "posting_wizard").content.decode()
    group = re.search(
        r'<div class="form-group form-group-error">(.*?)<div class="search-row">(.*?)</div>', html, re.S
    )
    assert group, "the search box's group is not marked as an error"
    error = re.search(r'<div id="id_employee-employee_error">(.*?)</div>', group.group(1), re.S)
    assert error and "Search for the employee and choose them from the results." in error.group(1)
    box = re.search(r'<input[^>]*id="id_employee-query"[^>]*>', group.group(2)).group(0)
    assert 'aria-describedby="id_employee-query_helptext id_employee-employee_error"' in box


def test_a_radio_error_links_to_the_first_option(logged_in, engine):
    draft = start(logged_in, "posting")
    data = {"date_of_entry": "2015-01-01", "classification": "employed"}
    html = post_step(logged_in, draft, "relationship", data, "posting_wizard").content.decode()
    assert error_summary_links(main_of(html)) == ["id_relationship-private_sector_0"]
    assert 'id="id_relationship-private_sector_0"' in html


def test_the_other_request_pages_have_labels_and_working_error_links(logged_in, employer, employee):
    sent = make_request(employer, employee, requested_end=dt.date(2025, 12, 31))
    pages = [
        logged_in.get(reverse("postings:list")),
        logged_in.get(reverse("postings:list"), {"requested_start_from": "not a date"}),
        logged_in.get(reverse("postings:drafts")),
        logged_in.get(reverse("postings:start", args=["posting"])),
        logged_in.get(reverse("postings:detail", args=[sent.pk])),
        logged_in.get(reverse("postings:confirmation", args=[sent.pk])),
        logged_in.post(reverse("postings:cancel", args=[sent.pk]), {"reason": ""}),
        logged_in.post(reverse("postings:extend", args=[sent.pk]), {"new_end": ""}),
        logged_in.post(reverse("postings:extend", args=[sent.pk]), {"new_end": "2025-06-01"}),
    ]
    for response in pages:
        assert response.status_code == 200
        assert problems(response.content.decode()) == [], response.request["PATH_INFO"]
    for response in [pages[1], *pages[-3:]]:
        assert error_summary_links(main_of(response.content.decode())), response.request["PATH_INFO"]


def test_the_page_check_itself_catches_what_a_person_would_hit():
    broken = """<main><div class="error-summary"><ul><li><a href="#">Answer yes or no.</a></li>
      <li><a href="#id_gone">Enter the date.</a></li></ul></div>
      <input type="text" name="town" id="id_town"><input type="radio" name="yes" id="id_yes_0">
      <label for="id_yes_0">Yes</label><span id="x"></span><span id="x"></span></main>"""
    assert sorted(problems(broken)) == sorted(
        [
            "error summary links to #, which is not on the page",
            "error summary links to #id_gone, which is not on the page",
            "id x is used twice",
            "text town has no label",
            "radio yes is not in a fieldset with a legend",
        ]
    )
