"""Fifteenth session, independent review of legislation.md sections 2, 4.8 and 5 against the engine."""

import json
import math

import pytest

import rules
from tests.rules.builders import posting, seats, situation, work


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


PROVISIONAL_WARNING = (
    "An Art. 13 determination is made by the institution of the state of residence, {residence}"
)


def _warned(result, residence):
    start = PROVISIONAL_WARNING.format(residence=residence)
    return [w for w in result["warnings"] if w.startswith(start)]


@pytest.mark.parametrize(
    "changes, residence",
    [
        ({"work": work(("NL", 30), ("DE", 70))}, "NL"),  # 13(1)(a)
        ({"residence": "BE", "work": work(("NL", 50), ("DE", 50))}, "BE"),  # 13(1)(b)(i)
        ({"work": work(("NL", 10), ("DE", 90)), "employers": seats("US")}, "NL"),  # 987 14(11)
        (
            {
                "employment_type": "civil_servant_and_employed",
                "work": work(("NL", 60, 60, "civil_servant"), ("DE", 40, 40, "employed")),
            },
            "NL",
        ),  # 13(4)
    ],
)
def test_a_provisional_art13_determination_says_who_decides_and_when_it_becomes_definitive(
    changes, residence
):
    """legislation.md 2.4 "Procedure, R987 Art. 16": the residence institution decides, provisionally,
    and the decision becomes definitive two months after the other institutions are informed unless
    one objects (4.3 box 2.5). The answer only carried ``provisional: true``; the employer was not
    told where to apply nor for how long the answer stays open."""
    result = rules.determine(situation(**changes))
    assert result["provisional"] is True
    (warning,) = _warned(result, residence)
    assert "two months" in warning and "Reg. 987/2009 Art. 16" in warning


def test_no_provisional_warning_where_the_answer_is_not_provisional():
    """A posting (12(1)) and an Art. 13 designation kept by Art. 87a (4.8: box 2.5 "no") are not
    provisional, so they do not get the warning."""
    assert not _warned(rules.determine(posting()), "NL")
    kept = rules.determine(
        situation(
            reference_date="2014-01-01",
            situation_start="2011-01-01",
            work=work(("NL", 10), ("DE", 45), ("BE", 45)),
            employers=seats("NL", "DE"),
        )
    )
    assert kept["transitional"] == {"instrument": "883/2004", "article": "87a(1)"}
    assert kept["provisional"] is False
    assert not _warned(kept, "NL")


@pytest.mark.django_db
def test_the_provisional_warning_is_said_in_the_readers_language():
    from django.utils import translation

    from selfcheck.localise import localised_determination

    s = situation(residence="BE", work=work(("NL", 50), ("DE", 50)))
    expected = {
        "nl": "orgaan van de woonstaat, BE",
        "fr": "l’institution de l’État de résidence, BE",
        "de": "Träger des Wohnstaats, BE",
    }
    for language, words in expected.items():
        with translation.override(language):
            warnings = localised_determination(s)["warnings"]
        assert [w for w in warnings if words in w], language
