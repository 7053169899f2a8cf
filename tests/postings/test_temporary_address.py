"""The temporary address stays in the request's answers and is offered to the certificate (PD A1 1.9)."""

from postings.models import CoverageRequest
from postings.situation import temporary_address

from .test_posting_wizard import P, send, walk_to_check
from .wizard_helpers import post_step, start, step_url

TEMP = {
    "temp_differs": "on",
    "temp_street": "Rue Neuve",
    "temp_number": "12",
    "temp_po_box": "B3",
    "temp_postal_code": "1000",
    "temp_town": "Brussels",
    "temp_country": "BE",
}


def test_the_temporary_address_typed_in_the_wizard_is_kept_on_the_sent_request(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    response = post_step(logged_in, draft, "address", TEMP, P)
    assert response["Location"] == step_url(draft, "relationship")
    check = logged_in.get(step_url(draft, "check")).content.decode()
    assert "Rue Neuve" in check and "Brussels" in check
    send(logged_in, draft)
    sent = CoverageRequest.objects.get(pk=draft.pk)
    assert temporary_address(sent) == {
        "street": "Rue Neuve",
        "number": "12",
        "po_box": "B3",
        "postal_code": "1000",
        "town": "Brussels",
        "country": "BE",
    }


def test_a_missing_part_of_the_temporary_address_is_asked_at_the_field(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    page = post_step(logged_in, draft, "address", {**TEMP, "temp_town": ""}, P).content.decode()
    assert "Enter the town of the temporary address." in page
    assert "Enter this part" not in page
    assert 'value="Rue Neuve"' in page  # what the person typed is kept


def test_each_missing_part_is_named_in_the_summary(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    page = post_step(logged_in, draft, "address", {"temp_differs": "on"}, P).content.decode()
    summary = page.split('class="error-summary-list"')[1].split("</ul>")[0]
    for part in ("street", "house number", "postal code", "town"):
        assert f">Enter the {part} of the temporary address.</a>" in summary
    assert ">Choose the country of the temporary address.</a>" in summary


def test_no_temporary_address_unless_the_person_says_it_differs():
    assert temporary_address(CoverageRequest(answers={})) is None
    assert temporary_address(CoverageRequest(answers={"address": {"temp_differs": False}})) is None
    # Left-over parts from an earlier answer do not count once the box is unticked.
    unticked = {"address": {"temp_differs": False, "temp_street": "Old", "temp_town": "Gent"}}
    assert temporary_address(CoverageRequest(answers=unticked)) is None
    partial = {"address": {"temp_differs": True, "temp_street": "Quai 1", "temp_country": "fr"}}
    assert temporary_address(CoverageRequest(answers=partial)) == {
        "street": "Quai 1",
        "number": "",
        "po_box": "",
        "postal_code": "",
        "town": "",
        "country": "FR",
    }


def test_the_directorys_temporary_address_is_filled_in_and_can_be_sent_as_is(logged_in, employer, engine):
    from tests import factories

    from .test_posting_wizard import COMPANY
    from .wizard_helpers import CONDITIONS, CONTACT, places_data

    worker = factories.make_employee(
        employer,
        family_name="Bakker",
        given_names="Sanne",
        temp_street="Avenue Louise 120",
        temp_postal_code="1050",
        temp_town="Brussels",
        temp_country="BE",
    )
    draft = start(logged_in, "posting")
    post_step(logged_in, draft, "employee", {"query": "bakker", "employee": worker.pk}, P)
    page = logged_in.get(step_url(draft, "address")).content.decode()
    assert "Kerkstraat 10, 1017 GB Amsterdam" in page  # the usual address, to compare with
    assert "checked" in page.split('name="address-temp_differs"')[1].split(">")[0]
    assert 'value="Avenue Louise"' in page and 'value="120"' in page
    assert 'value="1050"' in page and 'value="Brussels"' in page
    assert '<option value="BE" selected>' in page
    # The person only presses Continue: the prefilled address is what is sent.
    fields = {
        "temp_differs": "on",
        "temp_street": "Avenue Louise",
        "temp_number": "120",
        "temp_postal_code": "1050",
        "temp_town": "Brussels",
        "temp_country": "BE",
    }
    assert post_step(logged_in, draft, "address", fields, P)["Location"] == step_url(draft, "relationship")
    post_step(logged_in, draft, "relationship", {"date_of_entry": "2015-01-01", "private_sector": "yes"}, P)
    post_step(logged_in, draft, "places", places_data([COMPANY]), P)
    post_step(logged_in, draft, "conditions", CONDITIONS, P)
    post_step(logged_in, draft, "contact", CONTACT, P)
    send(logged_in, draft)
    assert temporary_address(CoverageRequest.objects.get(pk=draft.pk))["street"] == "Avenue Louise"


def test_an_employee_without_a_temporary_address_gets_an_unticked_box(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    post_step(logged_in, draft, "employee", {"query": "por", "employee": employee.pk}, P)
    page = logged_in.get(step_url(draft, "address")).content.decode()
    box = page.split('name="address-temp_differs"')[1].split(">")[0]
    assert "checked" not in box
    assert "comes from your personnel directory" not in page
