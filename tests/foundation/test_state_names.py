"""A state's name inside a sentence: English says "the Netherlands", the other languages' translations
take the bare name (coverage_portal/state_names.py)."""

import pytest
from django.utils import translation

from coverage_portal.provision import provision_label
from coverage_portal.state_names import state_in_sentence, state_starting_sentence


@pytest.mark.parametrize(
    "code, english",
    [
        ("NL", "the Netherlands"),
        ("GB", "the United Kingdom"),
        ("US", "the United States of America"),
        ("FO", "the Faroe Islands"),
        ("IM", "the Isle of Man"),
        ("BS", "the Bahamas"),  # django-countries: "Bahamas (The)"
        ("CZ", "Czechia"),
        ("BE", "Belgium"),
        ("MT", "Malta"),
    ],
)
def test_english_names_take_the_where_a_person_expects_it(code, english):
    with translation.override("en"):
        assert state_in_sentence(code) == english


def test_a_sentence_that_begins_with_the_state_begins_with_a_capital():
    with translation.override("en"):
        assert state_starting_sentence("NL") == "The Netherlands"
        assert state_starting_sentence("BE") == "Belgium"


@pytest.mark.parametrize(
    "language, names",
    [
        ("nl", ("Nederland", "Verenigd Koninkrijk")),
        ("fr", ("Pays-Bas", "Royaume-Uni")),
        ("de", ("Niederlande",)),
    ],
)
def test_other_languages_get_the_name_as_their_translations_expect_it(language, names):
    with translation.override(language):
        assert state_in_sentence("NL") == names[0]
        assert not state_in_sentence("NL").lower().startswith(("the ", "de ", "les ", "die "))
        if len(names) > 1:
            assert state_in_sentence("GB") == names[1]


def test_a_code_that_names_no_state_is_given_back():
    with translation.override("en"):
        assert state_in_sentence("XX") == "XX"
        assert state_in_sentence("") == ""


def test_the_provision_in_words_in_english_and_dutch():
    national = {"instrument": "national:NL", "article": ""}
    treaty = {"instrument": "treaty:NL-US", "article": "9(1)"}
    with translation.override("en"):
        assert provision_label(national) == "the national law of the Netherlands"
        assert provision_label(treaty).startswith("the treaty between the Netherlands and the United States")
    with translation.override("nl"):
        assert provision_label(national) == "de nationale wetgeving van Nederland"


@pytest.mark.django_db
def test_the_self_check_page_says_the_legislation_of_the_netherlands(client):
    form = {
        "residence": "NL",
        "employment_type": "employed",
        "work_1_country": "BE",
        "work_1_time": "100",
        "work_1_pay": "100",
        "employer_seat": "NL",
        "employer_substantial": "on",
        "start": "2030-03-01",
        "end": "2031-02-28",
        "is_posting": "on",
        "sending_state": "NL",
        "months_insured_before": "12",
    }
    page = client.post("/check/", form).content.decode()
    assert "The social security legislation of the Netherlands applies" in page
    dutch = client.post("/check/", form, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "De socialezekerheidswetgeving van Nederland is van toepassing" in dutch


def test_the_simultaneous_states_page_asks_about_the_netherlands():
    from postings.forms.steps import StatesForm

    with translation.override("en"):
        form = StatesForm(data={"state_1": "BE"})
        assert form.fields["also_issuing_state"].label == "The employee also works in the Netherlands"
        assert not form.is_valid()
        assert form.errors["state_2"] == [
            "Choose a second state of work, or tick the box if the employee also works in the Netherlands."
        ]
    with translation.override("nl"):
        assert "Nederland" in StatesForm().fields["also_issuing_state"].label
