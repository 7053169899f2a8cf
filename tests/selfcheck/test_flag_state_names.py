"""The flag of a vessel is named, not coded: "the vessel flies the flag of Malta", in the reader's
language, on the self-check page; the engine's own output (the contract) keeps the ISO code."""

import pytest
from django.utils import translation

import rules
from selfcheck.localise import localised_determination

URL = "/check/"

# Paid by a Dutch undertaking, living in the Netherlands, on a Maltese ship: Art. 11(4) second sentence.
SEAFARER = {
    "reference_date": "2024-06-01",
    "residence": "NL",
    "employment_type": "seafarer",
    "flag_state": "MT",
    "work": [{"country": "MT", "time_pct": 100, "remuneration_pct": 100, "activity": "employed"}],
    "employers": [{"seat": "NL", "substantial_activity_in_seat": True}],
}


def explanation(determination, code):
    return next(r["explanation"] for r in determination["reasons"] if r["code"] == code)


def test_the_engine_keeps_the_code_in_its_own_output():
    determination = rules.determine(SEAFARER)
    reason = explanation(determination, "ART11_4_PAID_BY_UNDERTAKING_IN_RESIDENCE")
    assert "the vessel flies the flag of MT" in reason
    assert "MT flag" not in reason


@pytest.mark.parametrize(
    "language, words",
    [
        ("en", "the vessel flies the flag of Malta, so NL applies"),
        ("nl", "het schip vaart onder de vlag van Malta"),
        ("fr", "navire battant pavillon d'un autre État (Malte)"),
        ("de", "unter der Flagge eines anderen Staates (Malta)"),
    ],
)
def test_a_person_reads_the_flag_states_name(language, words):
    with translation.override(language):
        determination = localised_determination(SEAFARER)
    reason = explanation(determination, "ART11_4_PAID_BY_UNDERTAKING_IN_RESIDENCE")
    assert words in reason
    assert "MT" not in reason


def test_english_names_the_netherlands_with_its_article():
    situation = {
        **SEAFARER,
        "residence": "BE",
        "flag_state": "NL",
        "employers": [{"seat": "BE", "substantial_activity_in_seat": True}],
    }
    situation["work"] = [{**SEAFARER["work"][0], "country": "NL"}]
    with translation.override("en"):
        reason = explanation(localised_determination(situation), "ART11_4_PAID_BY_UNDERTAKING_IN_RESIDENCE")
    assert "flies the flag of the Netherlands" in reason


@pytest.mark.parametrize(
    "flag, language, words",
    [
        ("PA", "en", "The vessel flies the flag of Panama, which is not a member state"),
        ("PA", "fr", "L'État du pavillon du navire (Panama) n'est pas un État membre"),
        ("PA", "de", "Der Flaggenstaat des Schiffes (Panama) ist kein Mitgliedstaat"),
    ],
)
def test_a_flag_outside_the_member_states_is_named(flag, language, words):
    # Work recorded in the state of residence: a third-country flag cannot make it work elsewhere.
    situation = {**SEAFARER, "flag_state": flag, "work": [{**SEAFARER["work"][0], "country": "NL"}]}
    with translation.override(language):
        determination = localised_determination(situation)
    texts = [r["explanation"] for r in determination["reasons"]]
    assert any(words in text for text in texts), texts


@pytest.mark.django_db
def test_the_self_check_page_names_the_flag(client):
    form = {
        "residence": "NL",
        "employment_type": "seafarer",
        "flag_state": "MT",
        "work_1_country": "MT",
        "work_1_time": "100",
        "work_1_pay": "100",
        "employer_seat": "NL",
        "employer_substantial": "on",
        "reference_date": "2024-06-01",
    }
    page = client.post(URL, form).content.decode()
    assert "the vessel flies the flag of Malta" in page, page[page.find("<main") : page.find("</main>")]


@pytest.mark.parametrize(
    "language, words",
    [
        ("en", "Work on board a vessel is covered by the legislation of the flag state, the Netherlands."),
        ("nl", "Werk aan boord van een schip valt onder de wetgeving van de vlaggenstaat (Nederland)."),
        ("fr", "relève de la législation de l'État du pavillon (Pays-Bas)."),
    ],
)
def test_the_old_regulations_flag_rule_names_the_flag_state(language, words):
    # 2006: Reg. 1408/71, Art. 13(2)(c).
    situation = {
        **SEAFARER,
        "reference_date": "2006-06-01",
        "residence": "BE",
        "flag_state": "NL",
        "work": [{**SEAFARER["work"][0], "country": "NL"}],
    }
    with translation.override(language):
        reason = explanation(localised_determination(situation), "ART13_2_C_1408_FLAG_STATE")
    assert words in reason
