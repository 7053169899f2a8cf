"""Fifteenth session, independent review of legislation.md sections 2, 4.8 and 5 against the engine."""

import json
import math

import pytest

import rules
from tests.rules.builders import posting


@pytest.mark.parametrize("months", [math.inf, -math.inf, math.nan])
def test_months_insured_before_a_posting_must_be_a_finite_number(months):
    """legislation.md 2.3 P3 weighs the months of insurance just before the posting against one
    month. "Infinity" (which Python's JSON reader, and so the command line, accepts) passed as an
    endless insurance record and the posting was granted; it is now refused at the field, like NaN."""
    with pytest.raises(rules.InvalidSituation) as caught:
        rules.determine(posting(insured_in_sending_state_months_before=months))
    assert caught.value.errors == [
        {"field": "posting.insured_in_sending_state_months_before", "message": "Enter a finite number."}
    ]


def test_months_given_as_json_infinity_are_refused():
    situation = json.loads(json.dumps(posting(insured_in_sending_state_months_before=math.inf)))
    with pytest.raises(rules.InvalidSituation):
        rules.determine(situation)
