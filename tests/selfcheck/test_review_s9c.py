"""Review s9c: the self-check's answers reach the engine as the facts they state, as in the wizards."""

import datetime as dt

import pytest

import rules
from selfcheck.forms import SelfCheckForm

from .test_page import POSTING, URL

POSTING_TO_REUNION = {**POSTING, "work_1_country": "RE"}


@pytest.mark.django_db
def test_a_posting_to_reunion_would_get_a_pd_a1(client):
    """Self-check, "Country of work: Réunion" (ISO RE in the list). Réunion is part of France, where
    Reg. 883/2004 applies (TFEU Art. 349, 355(1); legislation.md 1.1); the page said no coordination
    applies and no PD A1 would be issued, where mainland France gives Art. 12(1)."""
    html = client.post(URL, POSTING_TO_REUNION).content.decode()
    assert "12(1)" in html
    assert "A PD A1 would be issued" in html


def test_living_in_aland_is_living_in_finland():
    """Self-check, "Where do you live? Åland Islands" (AX): part of Finland. 40 % of the work in
    Finland is a substantial part in the residence state: Finland, Art. 13(1)(a) (legislation.md 2.4);
    as "AX" the engine gave the employer's seat."""
    form = SelfCheckForm(
        data={
            "residence": "AX",
            "employment_type": "employed",
            "work_1_country": "FI",
            "work_1_time": "40",
            "work_1_pay": "40",
            "work_2_country": "SE",
            "work_2_time": "60",
            "work_2_pay": "60",
            "employer_seat": "SE",
            "employer_substantial": "on",
        }
    )
    assert form.is_valid(), form.errors
    # The form passes "AX" as chosen; the engine reads it as Finland (rules.data.PART_OF_MEMBER_STATE).
    determination = rules.determine(form.situation(dt.date(2025, 6, 1)))
    assert determination["legislation"] == "FI"
    assert determination["provision"]["article"] == "13(1)(a)"
