"""A state's name inside a sentence: English says "the Netherlands"; French, German and Dutch get the
form their sentence needs, "des Pays-Bas", "in den Niederlanden", "het Verenigd Koninkrijk"
(coverage_portal/state_names.py)."""

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
def test_as_a_label_other_languages_get_the_bare_name(language, names):
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


# What a French, German and Dutch reader sees: the article and the preposition each name needs.
# (code, French "of", French "in", German "of", German "in", Dutch)
FORMS = [
    ("NL", "des Pays-Bas", "aux Pays-Bas", "der Niederlande", "in den Niederlanden", "Nederland"),
    ("BE", "de la Belgique", "en Belgique", "Belgiens", "in Belgien", "België"),
    ("DE", "de l'Allemagne", "en Allemagne", "Deutschlands", "in Deutschland", "Duitsland"),
    ("LU", "du Luxembourg", "au Luxembourg", "Luxemburgs", "in Luxemburg", "Luxemburg"),
    ("FR", "de la France", "en France", "Frankreichs", "in Frankreich", "Frankrijk"),
    ("CH", "de la Suisse", "en Suisse", "der Schweiz", "in der Schweiz", "Zwitserland"),
    (
        "US",
        "des États-Unis",
        "aux États-Unis",
        "der Vereinigten Staaten",
        "in den Vereinigten Staaten",
        "de Verenigde Staten",
    ),
    (
        "GB",
        "du Royaume-Uni",
        "au Royaume-Uni",
        "des Vereinigten Königreichs",
        "im Vereinigten Königreich",
        "het Verenigd Koninkrijk",
    ),
    ("MT", "de Malte", "à Malte", "Maltas", "in Malta", "Malta"),
    ("CY", "de Chypre", "à Chypre", "Zyperns", "in Zypern", "Cyprus"),
    ("IL", "d'Israël", "en Israël", "Israels", "in Israel", "Israël"),
    ("TR", "de la Turquie", "en Turquie", "der Türkei", "in der Türkei", "Turkije"),
]


@pytest.mark.parametrize("code, fr_of, fr_in, de_of, de_in, nl", FORMS)
def test_each_language_gets_the_form_its_sentence_needs(code, fr_of, fr_in, de_of, de_in, nl):
    with translation.override("fr"):
        assert (state_in_sentence(code, "of"), state_in_sentence(code, "in")) == (fr_of, fr_in)
    with translation.override("de"):
        assert (state_in_sentence(code, "of"), state_in_sentence(code, "in")) == (de_of, de_in)
    with translation.override("nl"):
        assert {state_in_sentence(code, form) for form in ("of", "in", "with")} == {nl}
    with translation.override("en"):
        english = state_in_sentence(code)
        assert {state_in_sentence(code, form) for form in ("of", "in", "with")} == {english}


def test_after_with_by_or_between_the_name_has_its_article_or_dative():
    with translation.override("fr"):
        assert [state_in_sentence(c, "with") for c in ("NL", "BE", "LU", "MT")] == [
            "les Pays-Bas",
            "la Belgique",
            "le Luxembourg",
            "Malte",
        ]
    with translation.override("de"):
        assert [state_in_sentence(c, "with") for c in ("NL", "BE", "GB", "CH")] == [
            "den Niederlanden",
            "Belgien",
            "dem Vereinigten Königreich",
            "der Schweiz",
        ]


def test_a_state_outside_the_tables_is_named_through_the_word_state():
    with translation.override("fr"):
        assert state_in_sentence("TH", "of") == "de l'État Thaïlande"
        assert state_in_sentence("TH", "in") == "dans l'État Thaïlande"
    with translation.override("de"):
        assert state_in_sentence("TH", "of") == "des Staates Thailand"
        assert state_in_sentence("TH", "in") == "im Staat Thailand"
    with translation.override("nl"):
        assert state_in_sentence("TH", "of") == "Thailand"
    with translation.override("fr"):
        assert state_in_sentence("", "of") == ""


def test_an_unknown_form_is_a_programming_error():
    with pytest.raises(ValueError):
        state_in_sentence("NL", "from")


@pytest.mark.parametrize(
    "code, en, fr, de, nl",
    [
        ("NL", "the Netherlands", "des Pays-Bas", "der Niederlande", "van Nederland"),
        ("BE", "Belgium", "de la Belgique", "Belgiens", "van België"),
        ("DE", "Germany", "de l'Allemagne", "Deutschlands", "van Duitsland"),
        ("LU", "Luxembourg", "du Luxembourg", "Luxemburgs", "van Luxemburg"),
        ("FR", "France", "de la France", "Frankreichs", "van Frankrijk"),
        ("CH", "Switzerland", "de la Suisse", "der Schweiz", "van Zwitserland"),
        (
            "US",
            "the United States of America",
            "des États-Unis",
            "der Vereinigten Staaten",
            "van de Verenigde Staten",
        ),
        (
            "GB",
            "the United Kingdom",
            "du Royaume-Uni",
            "des Vereinigten Königreichs",
            "van het Verenigd Koninkrijk",
        ),
    ],
)
def test_the_national_law_of_a_state_reads_right_in_every_language(code, en, fr, de, nl):
    national = {"instrument": f"national:{code}", "article": ""}
    said = {}
    for language in ("en", "fr", "de", "nl"):
        with translation.override(language):
            said[language] = provision_label(national)
    assert said == {
        "en": f"the national law of {en}",
        "fr": f"la législation nationale {fr}",
        "de": f"das nationale Recht {de}",
        "nl": f"de nationale wetgeving {nl}",
    }


def test_the_treaty_between_two_states_reads_right_in_every_language():
    treaty = {"instrument": "treaty:NL-US", "article": ""}
    said = {}
    for language in ("en", "fr", "de", "nl"):
        with translation.override(language):
            said[language] = provision_label(treaty)
    assert said == {
        "en": "the treaty between the Netherlands and the United States of America",
        "fr": "la convention entre les Pays-Bas et les États-Unis",
        "de": "das Abkommen zwischen den Niederlanden und den Vereinigten Staaten",
        "nl": "het verdrag tussen Nederland en de Verenigde Staten",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, sentence",
    [
        ("fr", "La législation de sécurité sociale des Pays-Bas s'applique"),
        ("de", "Es gelten die Rechtsvorschriften der sozialen Sicherheit der Niederlande"),
        ("nl", "De socialezekerheidswetgeving van Nederland is van toepassing"),
        ("en", "The social security legislation of the Netherlands applies"),
    ],
)
def test_the_self_check_page_names_the_state_as_a_reader_expects(client, language, sentence):
    import html

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
    page = html.unescape(client.post("/check/", form, HTTP_ACCEPT_LANGUAGE=language).content.decode())
    assert sentence in page


@pytest.mark.parametrize(
    "state, language, label, error",
    [
        (
            "NL",
            "fr",
            "Le travailleur travaille aussi aux Pays-Bas",
            "si le travailleur travaille aussi aux Pays-Bas.",
        ),
        (
            "NL",
            "de",
            "Der Arbeitnehmer arbeitet auch in den Niederlanden",
            "wenn der Arbeitnehmer auch in den Niederlanden arbeitet.",
        ),
        (
            "BE",
            "fr",
            "Le travailleur travaille aussi en Belgique",
            "si le travailleur travaille aussi en Belgique.",
        ),
        (
            "BE",
            "de",
            "Der Arbeitnehmer arbeitet auch in Belgien",
            "wenn der Arbeitnehmer auch in Belgien arbeitet.",
        ),
        ("BE", "nl", "De werknemer werkt ook in België", "als de werknemer ook in België werkt."),
    ],
)
def test_the_states_step_says_where_the_employee_also_works(settings, state, language, label, error):
    from postings.forms.steps import StatesForm

    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "state": state}
    with translation.override(language):
        form = StatesForm(data={"state_1": "DE"})
        assert form.fields["also_issuing_state"].label == label
        assert not form.is_valid()
        assert form.errors["state_2"][0].endswith(error)


def test_every_state_the_portal_names_has_its_french_and_german_forms():
    from coverage_portal.state_names import FRENCH, GERMAN, GERMAN_PLAIN
    from rules import data

    named = data.EU27 | data.EEA_EFTA | {"CH", "GB"} | {c for t in data.TREATIES_NL for c in t.countries}
    assert named <= set(FRENCH)
    assert named <= set(GERMAN) | GERMAN_PLAIN
    with translation.override("de"):
        # No German genitive is made by glueing "s" onto a name that ends in a hissing sound.
        assert not [c for c in named if state_in_sentence(c, "of").endswith(("ss", "xs", "zs"))]
