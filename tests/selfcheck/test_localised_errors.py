"""The engine's input errors in the reader's language: the self-check page, its JSON API and the
``determine`` command (the check-your-answers page: tests/postings/test_posting_wizard.py). Field
paths never change; English is the engine's own text, byte for byte."""

import ast
import html
import io
import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

import rules
from selfcheck.localise import localised_errors
from tests.rules.test_error_messages import CASES

from .test_page import POSTING, URL

API = "/api/v1/determinations/"
LANGUAGES = ("nl", "fr", "de")

# Three problems at once: a share out of range, an unknown country and a posting that ends before it starts.
BAD = {
    "reference_date": "2030-03-01",
    "residence": "NL",
    "employment_type": "employed",
    "work": [{"country": "BE", "time_pct": 150, "remuneration_pct": 100, "activity": "employed"}],
    "employers": [{"seat": "XX", "substantial_activity_in_seat": True}],
    "posting": {
        "sending_state": "NL",
        "host_state": "BE",
        "start": "2030-03-01",
        "end": "2029-02-28",
        "art16_agreement": None,
    },
}
GERMAN = {
    "work[0].time_pct": (
        "150 liegt außerhalb des zulässigen Bereichs; geben Sie eine Zahl zwischen 0 und 100 an."
    ),
    "employers[0].seat": "'XX' ist kein ISO-3166-1-Alpha-2-Ländercode in Großbuchstaben.",
    "posting.end": "Die Entsendung kann nicht enden, bevor sie beginnt.",
}


def english_errors(situation):
    with pytest.raises(rules.InvalidSituation) as info:
        rules.determine(situation)
    return info.value.errors


def post(client, body, **headers):
    return client.post(API, data=json.dumps(body), content_type="application/json", headers=headers)


# --- the self-check page ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_self_check_page_says_the_engines_errors_in_dutch(client):
    client.post("/i18n/setlang/", {"language": "nl", "next": URL})
    shares = html.unescape(client.post(URL, dict(POSTING, work_1_time="60")).content.decode())
    assert "De aandelen van de werktijd komen samen op 60 %; dat moet 100 % zijn." in shares
    assert "The shares of working time" not in shares
    response = client.post(URL, dict(POSTING, end="2029-01-01"))
    assert response.context["form"].errors["end"] == ["De detachering kan niet eindigen voordat ze begint."]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_self_check_page_says_the_engines_errors_in_french_and_german(client, language):
    client.post("/i18n/setlang/", {"language": language, "next": URL})
    response = client.post(URL, dict(POSTING, end="2029-01-01"))
    with translation.override(language):
        expected = translation.gettext("The posting cannot end before it starts.")
    assert expected != "The posting cannot end before it starts."
    assert response.context["form"].errors["end"] == [expected]


# --- the JSON API ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_answers_in_the_accept_language_with_the_same_field_paths(client):
    english = post(client, BAD).json()["errors"]
    assert english == english_errors(BAD)  # without Accept-Language: the engine's own English
    response = post(client, BAD, accept_language="de-DE,de;q=0.9,en;q=0.5")
    assert response.status_code == 400
    german = response.json()["errors"]
    assert [e["field"] for e in german] == [e["field"] for e in english]
    assert {e["field"]: e["message"] for e in german} == GERMAN


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_api_message_is_translated_for_a_list_too(client, language):
    english = post(client, [CASES["garbage_top_level"], BAD]).json()["errors"]
    localised = post(client, [CASES["garbage_top_level"], BAD], accept_language=language).json()["errors"]
    assert [e["field"] for e in localised] == [e["field"] for e in english]
    assert all(e["field"].startswith(("[0]", "[1]")) for e in localised)
    for before, after in zip(english, localised, strict=True):
        assert after["message"] != before["message"], before


@pytest.mark.django_db
def test_a_body_that_is_not_json_is_explained_in_the_accept_language_too(client):
    response = client.post(
        API, data="{bad", content_type="application/json", headers={"accept_language": "nl"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"].startswith("De body is geen JSON-situatie: ")


# --- the command line ------------------------------------------------------------------------------


def run_command(tmp_path, *options):
    path = tmp_path / "situation.json"
    path.write_text(json.dumps(BAD), encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("determine", str(path), *options, stdout=out)
    assert exit_info.value.code == 2
    return json.loads(out.getvalue())["errors"]


def test_the_command_stays_english_unless_asked(tmp_path):
    with translation.override("nl"):  # whatever was active before: the command's default is English
        assert run_command(tmp_path) == english_errors(BAD)
    german = run_command(tmp_path, "--language", "de")
    assert {e["field"]: e["message"] for e in german} == GERMAN


# --- the shared helper -----------------------------------------------------------------------------


def test_in_english_the_helper_returns_the_engines_errors_unchanged():
    for situation in CASES.values():
        with pytest.raises(rules.InvalidSituation) as info:
            rules.determine(situation)
        with translation.override("en"):
            assert localised_errors(info.value) == info.value.errors


def test_errors_without_templates_are_left_as_they_are():
    class Stand_in(Exception):  # noqa: N801 - a stand-in engine's exception, as in the wizard tests
        errors = [{"field": "reference_date", "message": "reference_date is required"}, "plain text"]

    with translation.override("nl"):
        assert localised_errors(Stand_in()) == Stand_in.errors
        assert localised_errors(ValueError("no errors at all")) == []


# --- the catalogues --------------------------------------------------------------------------------

SITUATION_PY = Path(rules.__file__).with_name("situation.py")
FIELDS = re.compile(r"\{(\w*)\}")


def marked_templates() -> set[str]:
    """Every N_("...") in rules/situation.py, where the engine's input errors are written."""
    tree = ast.parse(SITUATION_PY.read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_"
    }


def test_every_message_the_engine_writes_is_marked():
    """No message is passed to the collector as a bare string or an f-string (it would stay English)."""
    tree = ast.parse(SITUATION_PY.read_text(encoding="utf-8"))
    bare = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", None) == "add"
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant | ast.JoinedStr)
    ]
    assert bare == []
    for situation in CASES.values():  # and what the engine reports comes from those templates
        with pytest.raises(rules.InvalidSituation) as info:
            rules.determine(situation)
        assert {template for template, _values in info.value.sources} <= marked_templates()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_engine_message_has_a_translation_with_the_same_fields(language):
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    entries = {entry.msgid: entry for entry in polib.pofile(str(path)) if not entry.obsolete}
    templates = marked_templates()
    assert len(templates) > 30
    missing = [t for t in templates if t not in entries or not entries[t].msgstr or entries[t].fuzzy]
    assert missing == []
    changed = [t for t in templates if sorted(FIELDS.findall(t)) != sorted(FIELDS.findall(entries[t].msgstr))]
    assert changed == []


def test_numbers_in_a_message_take_the_readers_decimal_separator():
    situation = json.loads(json.dumps(BAD))
    situation["work"][0]["time_pct"] = 150.5
    with pytest.raises(rules.InvalidSituation) as info:
        rules.determine(situation)
    english = {e["field"]: e["message"] for e in info.value.errors}
    assert english["work[0].time_pct"] == "150.5 is out of range; enter a number between 0 and 100."
    with translation.override("nl"):
        dutch = {e["field"]: e["message"] for e in localised_errors(info.value)}
    assert dutch["work[0].time_pct"].startswith("150,5 ")
    with translation.override("en"):
        again = {e["field"]: e["message"] for e in localised_errors(info.value)}
    assert again == english
