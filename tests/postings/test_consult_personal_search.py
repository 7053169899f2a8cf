"""A search by a worker's name or personal number never puts either in the address
(coverage_portal/personal_search.py): the form posts, the view keeps them in the session under a token."""

from urllib.parse import parse_qs, urlsplit

from django.test import Client
from django.urls import reverse

from postings.status import Decision, Status
from tests import factories

from .conftest import make_request

LIST = reverse("postings:list")


def test_a_search_by_number_redirects_to_an_address_without_it(logged_in, employer, employee):
    other = factories.make_employee(employer, family_name="Jansen")
    mine = make_request(employer, employee, status=Status.CLOSED, decision=Decision.APPROVED)
    theirs = make_request(employer, other, status=Status.CLOSED, decision=Decision.APPROVED)
    posted = logged_in.post(
        LIST, {"personal_number": employee.personal_number, "status": "approved", "type": "", "worker": ""}
    )
    assert posted.status_code == 302
    address = posted["Location"]
    assert employee.personal_number not in address
    query = parse_qs(urlsplit(address).query)
    assert query["status"] == ["approved"] and list(query) == ["status", "person"]
    page = logged_in.get(address).content.decode()
    assert mine.transaction_number in page and theirs.transaction_number not in page
    # The field still shows what was typed, and the sort links keep the search by its token only.
    assert f'value="{employee.personal_number}"' in page
    assert f"person={query['person'][0]}" in page
    assert f"personal_number={employee.personal_number}" not in page


def test_a_search_by_name_is_kept_the_same_way(logged_in, employer, employee):
    other = factories.make_employee(employer, family_name="Jansen")
    make_request(employer, employee)
    theirs = make_request(employer, other)
    address = logged_in.post(LIST, {"worker": "jans"})["Location"]
    assert "jans" not in address.lower()
    page = logged_in.get(address).content.decode()
    assert theirs.transaction_number in page and 'value="jans"' in page


def test_the_token_means_nothing_in_another_session(logged_in, employer, employee, employer_admin):
    mine = make_request(employer, employee)
    other_employee = factories.make_employee(employer, family_name="Jansen")
    theirs = make_request(employer, other_employee)
    address = logged_in.post(LIST, {"personal_number": employee.personal_number})["Location"]
    elsewhere = Client()
    elsewhere.force_login(employer_admin)
    page = elsewhere.get(address).content.decode()
    assert "That search by name or personal number has ended" in page
    assert mine.transaction_number in page and theirs.transaction_number in page  # not filtered
    assert employee.personal_number not in page


def test_a_search_without_a_name_or_number_needs_no_token(logged_in, employer, employee):
    make_request(employer, employee)
    posted = logged_in.post(LIST, {"status": "approved", "worker": " "})
    assert posted["Location"] == LIST + "?status=approved"
    assert logged_in.post(LIST, {"worker": ""})["Location"] == LIST
