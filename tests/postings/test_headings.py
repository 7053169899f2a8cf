"""Every question page of the wizards has a heading that asks its question."""

import re

import pytest

from postings.wizards.steps import STEPS

from .wizard_helpers import start, step_url

# Pages that are not a question: an upload, and check your answers.
NOT_A_QUESTION = {"statement", "check"}


@pytest.mark.parametrize("kind", list(STEPS))
def test_each_step_heading_asks_the_question(logged_in, employee, engine, kind):
    draft = start(logged_in, kind)
    for step, _form in STEPS[kind]:
        if step in NOT_A_QUESTION:
            continue
        page = logged_in.get(step_url(draft, step)).content.decode()
        (heading,) = re.findall(r"<h1>(.*?)</h1>", page, re.S)
        assert heading.strip().endswith("?"), (kind, step, heading)
