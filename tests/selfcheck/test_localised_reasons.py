"""The self-check page gives every reason in the reader's language; the contract's doors stay English."""

import pytest

import rules
from selfcheck.localise import localised_determination

from .test_page import POSTING, URL

SITUATION = {
    "reference_date": "2030-03-01",
    "residence": "NL",
    "employment_type": "employed",
    "work": [{"country": "BE", "time_pct": 100, "remuneration_pct": 100, "activity": "employed"}],
    "employers": [{"seat": "NL", "substantial_activity_in_seat": True}],
    "posting": {
        "sending_state": "NL",
        "host_state": "BE",
        "start": "2030-03-01",
        "end": "2031-02-28",
        "replaces_posted_worker": False,
        "insured_in_sending_state_months_before": 12,
        "direct_relationship_maintained": True,
        "placed_at_disposal_of_third_undertaking": False,
        "previous_posting_same_employer_host_end": None,
        "art16_agreement": None,
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_the_page_explains_every_reason_in_the_readers_language(client, language):
    client.post("/i18n/setlang/", {"language": language, "next": URL})
    html = client.post(URL, POSTING).content.decode()
    english = rules.determine(SITUATION)
    for reason in english["reasons"]:
        assert reason["explanation"] not in html, f"{reason['code']} is still in English"
    assert "12" in html and "24" in html  # the figures are filled into the translated sentences


def test_the_contract_output_stays_english_and_only_the_sentences_change():
    from django.utils import translation

    english = rules.determine(SITUATION)
    with translation.override("nl"):
        dutch = localised_determination(SITUATION)
    assert [r["code"] for r in dutch["reasons"]] == [r["code"] for r in english["reasons"]]
    assert [r["passed"] for r in dutch["reasons"]] == [r["passed"] for r in english["reasons"]]
    assert {k: v for k, v in dutch.items() if k != "reasons"} == {
        k: v for k, v in english.items() if k != "reasons"
    }
    assert rules.determine(SITUATION) == english  # the engine itself is untouched


LONG_POSTING = {**POSTING, "start": "2030-03-01", "end": "2032-05-31"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "months"), [("nl", "27 maanden"), ("fr", "27 mois"), ("de", "27 Monate")]
)
def test_warnings_and_durations_are_in_the_readers_language_too(client, language, months):
    """A posting of 27 months: the 24-month reason says the duration in the reader's words, and the
    Art. 16 warning is translated."""
    client.post("/i18n/setlang/", {"language": language, "next": URL})
    html = client.post(URL, LONG_POSTING).content.decode()
    assert months in html
    assert "27 months" not in html
    assert "The posting is planned to last more than" not in html
    assert "16(1)" in html  # the warning is there, translated


TREATY_POSTING = {
    **SITUATION,
    "work": [{"country": "US", "time_pct": 100, "remuneration_pct": 100, "activity": "employed"}],
    "posting": {**SITUATION["posting"], "host_state": "US"},
}
TREATY_SEAFARER = {
    "reference_date": "2030-03-01",
    "residence": "AU",
    "employment_type": "seafarer",
    "flag_state": "AU",
    "work": [{"country": "AU", "time_pct": 100, "remuneration_pct": 100, "activity": "employed"}],
    "employers": [{"seat": "NL", "substantial_activity_in_seat": True}],
}


def test_treaty_names_crews_and_maximum_periods_are_said_in_the_readers_language():
    from django.utils import translation

    english = " ".join(r["explanation"] for r in rules.determine(TREATY_POSTING)["reasons"])
    assert "the NL-USA agreement between NL and US applies" in english and "5 years (60 months)" in english
    with translation.override("nl"):
        dutch = " ".join(r["explanation"] for r in localised_determination(TREATY_POSTING)["reasons"])
    assert "(verdrag NL-VS)" in dutch and "het verdrag staat 60 maanden toe" in dutch
    assert "agreement" not in dutch and "years" not in dutch
    with translation.override("de"):
        german = " ".join(r["explanation"] for r in localised_determination(TREATY_SEAFARER)["reasons"])
    assert "(NL-Australien)" in german and "Besatzungsmitglieder (Seeleute)" in german
    assert "The treaty puts seafarers under the legislation of AU." in " ".join(
        r["explanation"] for r in rules.determine(TREATY_SEAFARER)["reasons"]
    )
