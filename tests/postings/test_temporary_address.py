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
    assert "Enter this part of the temporary address." in page
    assert 'value="Rue Neuve"' in page  # what the person typed is kept


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
