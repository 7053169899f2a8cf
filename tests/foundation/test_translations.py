"""Every page in Dutch, French and German: complete catalogues, intact placeholders, translated pages."""

import html
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

LANGUAGES = ("nl", "fr", "de")
PLURAL_FORMS = {
    "nl": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "de": "nplurals=2; plural=(n != 1);",
}
# Named and positional %-placeholders, str.format fields and HTML tags must survive translation.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfi]|%[sdfi]|\{\w*\}|</?[a-zA-Z][^>]*>")


def catalogue(language):
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path))


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def live_entries(po):
    return [entry for entry in po if not entry.obsolete]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_without_fuzzy_entries(language):
    po = catalogue(language)
    assert len(live_entries(po)) > 500
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    assert po.percent_translated() == 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_header_declares_utf8_and_plural_rule(language):
    po = catalogue(language)
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[language]
    assert po.metadata["Language"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_tags_are_preserved(language):
    broken = []
    for entry in live_entries(catalogue(language)):
        if entry.msgid_plural:
            expected = sorted(set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural)))
            for form in entry.msgstr_plural.values():
                if sorted(set(placeholders(form))) != expected:
                    broken.append((entry.msgid, form))
        elif placeholders(entry.msgid) != placeholders(entry.msgstr):
            broken.append((entry.msgid, entry.msgstr))
    assert broken == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_english_is_not_copied_into_translations(language):
    """Only single words that are the same in both languages (PDF, URL, Status) may stay as they are."""
    copied = [
        entry.msgid
        for entry in live_entries(catalogue(language))
        if not entry.msgid_plural and entry.msgstr == entry.msgid and len(entry.msgid.split()) > 1
    ]
    assert copied == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_serves_every_translation(language):
    """The .mo Django loads is up to date with the .po: each entry comes back translated."""
    stale = []
    with translation.override(language):
        for entry in live_entries(catalogue(language)):
            if entry.msgid_plural:
                got = [
                    translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                    if entry.msgctxt
                    else translation.ngettext(entry.msgid, entry.msgid_plural, n)
                    for n in (1, 5)
                ]
                wanted = [entry.msgstr_plural[0], entry.msgstr_plural[1]]
            else:
                got = [
                    translation.pgettext(entry.msgctxt, entry.msgid)
                    if entry.msgctxt
                    else translation.gettext(entry.msgid)
                ]
                wanted = [entry.msgstr]
            if got != wanted:
                stale.append(entry.msgid)
    assert stale == []


def page_in(client, language, url):
    response = client.post(reverse("set_language"), {"language": language, "next": url})
    assert response.status_code == 302
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def translated(language, msgid):
    with translation.override(language):
        return translation.gettext(msgid)


HEADINGS = {
    "nl": {
        "home": "Een A1-verklaring aanvragen",
        "login": "Inloggen",
        "check": "Welke socialezekerheidswetgeving is op u van toepassing?",
    },
    "fr": {
        "home": "Demander une attestation A1",
        "login": "Se connecter",
        "check": "Quelle sécurité sociale s'applique à vous ?",
    },
    "de": {
        "home": "Eine A1-Bescheinigung beantragen",
        "login": "Anmelden",
        "check": "Welche soziale Sicherheit gilt für Sie?",
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_is_served_in_the_chosen_language(client, language):
    page = page_in(client, language, "/")
    assert f'<html lang="{language}">' in page
    assert f"<h1>{HEADINGS[language]['home']}</h1>" in page
    assert "Apply for an A1 certificate of coverage" not in page
    for msgid in ("Check which legislation applies", "Register your company", "Verify a certificate"):
        assert translated(language, msgid) in page
        assert msgid not in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_login_page_is_served_in_the_chosen_language(client, language):
    page = page_in(client, language, reverse("login"))
    assert f'<html lang="{language}">' in page
    assert f"<h1>{HEADINGS[language]['login']}</h1>" in page
    for msgid in ("E-mail address", "Password", "Forgotten your password?"):
        assert translated(language, msgid) in page
        assert f">{msgid}<" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_login_error_is_shown_in_the_chosen_language(client, employer_admin, language):
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    response = client.post(reverse("login"), {"username": "admin@vandijk.test", "password": "wrong"})
    page = html.unescape(response.content.decode())
    assert translated(language, "There is a problem") in page
    message = "The e-mail address or password is not right. Check both and try again."
    assert translated(language, message) in page
    assert "The e-mail address or password is not right" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_self_check_page_is_served_in_the_chosen_language(client, language):
    page = page_in(client, language, reverse("selfcheck:check"))
    assert f'<html lang="{language}">' in page
    assert f"<h1>{HEADINGS[language]['check']}</h1>" in page
    assert "Which country's social security applies to you?" not in page
    for msgid in ("Where do you live?", "What kind of work do you do?", "Where do you work?"):
        assert translated(language, msgid) in page
        assert msgid not in page


def engine_sentences():
    """Every text the engine marks with N_( "..." ) (rules/i18n.py), read from its source."""
    import ast

    found = set()
    for path in (Path(settings.BASE_DIR) / "rules").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "N_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_engine_sentence_is_in_the_catalogue(language):
    # The engine is pure Python and nobody runs makemessages by hand after every change: a reason or
    # warning added to rules/ without its translations would be shown in English on every page.
    sentences = engine_sentences()
    assert len(sentences) > 100  # the reader found them
    translated = {entry.msgid for entry in live_entries(catalogue(language)) if entry.msgstr}
    missing = sorted(sentences - translated)
    assert not missing, f"{len(missing)} engine sentence(s) untranslated in {language}: {missing[:5]}"
