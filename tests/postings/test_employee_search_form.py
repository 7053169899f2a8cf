"""The employee step's search has its own form: in the wizard's one form the Search button came first,
so Enter on a chosen employee searched again and the choice was not taken (the browser test is in
tests/e2e/test_keyboard_walk.py). Without JavaScript, each form's first button is the one Enter uses."""

import re

import pytest

from postings.models import CoverageRequest

from .wizard_helpers import post_step, start, step_url

pytestmark = pytest.mark.django_db
P = "posting_wizard"


def forms_of(page):
    return re.findall(r"<form method=\"post\"[^>]*>.*?</form>", page, re.S)


def first_button(form):
    return re.search(r'<button type="submit"[^>]*name="([^"]+)"', form).group(1)


def test_the_search_and_the_choice_are_two_forms_each_with_its_own_first_button(logged_in, employee):
    draft = start(logged_in, "posting")
    page = post_step(logged_in, draft, "employee", {"query": "Delp"}, P, search="1").content.decode()
    search, wizard = [f for f in forms_of(page) if "employee" in f]
    assert 'role="search"' in search and first_button(search) == "search"
    assert 'id="id_employee-query"' in search and "employee-employee" not in search
    assert first_button(wizard) == "continue"
    assert f'value="{employee.pk}"' in wizard
    assert '<input type="hidden" name="employee-query" value="Delp">' in wizard  # the search made


def test_continue_takes_the_choice_and_keeps_the_search(logged_in, employee):
    draft = start(logged_in, "posting")
    response = post_step(logged_in, draft, "employee", {"query": "Delp", "employee": employee.pk}, P)
    assert response["Location"] == step_url(draft, "address")
    draft = CoverageRequest.objects.get(pk=draft.pk)
    assert draft.employee == employee and draft.answers["employee"]["query"] == "Delp"
