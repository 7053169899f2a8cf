"""A page that asks several yes/no questions says which one is unanswered, in the error summary and at
the question. The conditions step asks eight: the summary listed "Answer yes or no." eight times, and
a person could not tell from it which question each line meant."""

import html
import re

import pytest
from django.conf import settings

from .page_check import error_summary_links, main_of
from .test_posting_wizard import P, walk_to_check
from .wizard_helpers import post_step, start

pytestmark = pytest.mark.django_db

UNANSWERED = {
    "employer_substantial_activity": (
        "Say whether the employer normally carries out substantial activities in the state it posts from."
    ),
    "insured_30_days": "Say whether the employee was insured in this state in the 30 days before the start.",
    "host_contract": "Say whether the employee has signed an employment contract with the host company.",
    "host_can_change_pay": "Say whether the host company can change the employee's basic pay.",
    "host_can_dismiss": "Say whether the host company can dismiss the employee.",
    "host_can_discipline": (
        "Say whether the host company can take disciplinary measures against the employee."
    ),
    "host_hires_out": (
        "Say whether the host company will place the employee at the disposal of another company."
    ),
    "replaces_posted_worker": "Say whether the employee will replace another posted employee.",
}


def summary_items(page):
    summary = re.search(r'<div class="error-summary".*?</ul>', page, re.S).group(0)
    return [html.unescape(text) for text in re.findall(r"<li><a [^>]*>(.*?)</a></li>", summary)]


def test_each_unanswered_conditions_question_is_named_in_the_summary_and_at_it(logged_in, employee):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    response = post_step(logged_in, draft, "conditions", {"start": "2027-03-01", "end": "2027-09-30"}, P)
    assert response.status_code == 200
    page = main_of(response.content.decode())
    items = summary_items(page)
    assert "Answer yes or no." not in items
    assert items == [*UNANSWERED.values(), "Choose the language of the certificate."]
    assert error_summary_links(page)[:8] == [f"id_conditions-{name}_0" for name in UNANSWERED]
    # The same words at each question, under its legend.
    for name, message in UNANSWERED.items():
        question = rf'<fieldset[^>]*>(?:(?!</fieldset>).)*name="conditions-{name}"'
        assert html.escape(message) in re.search(question, page, re.S).group(0)


def test_the_relationship_question_is_named_in_dutch(logged_in, employee):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    response = post_step(
        logged_in, draft, "relationship", {"date_of_entry": "2015-01-01", "classification": "employed"}, P
    )
    assert summary_items(main_of(response.content.decode())) == [
        "Geef aan of u een werkgever in de particuliere sector bent."
    ]
