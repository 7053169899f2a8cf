"""The page header is made once per language and kind of visitor and reused
(coverage_portal/templatetags/site_chrome.py): it must read exactly as a fresh render would, and
never carry one person's name, employer, path or token onto another person's page."""

import re

import pytest
from django.test import override_settings

from coverage_portal.templatetags import site_chrome
from tests import factories

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def header(response) -> str:
    html = response.content.decode()
    return html[html.index('<header class="site-header"') : html.index("</header>")]


def kept_and_fresh(client, path="/", **extra) -> tuple[str, str]:
    """The header as reused (second visit: the first one made it) and as rendered from the template
    (DEBUG keeps nothing), with the per-response CSRF token masked."""
    client.get(path, **extra)
    kept = header(client.get(path, **extra))
    with override_settings(DEBUG=True):
        fresh = header(client.get(path, **extra))
    return TOKEN.sub("TOKEN", kept), TOKEN.sub("TOKEN", fresh)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_reused_header_reads_as_a_fresh_render_for_every_kind_of_visitor(
    client, employer_admin, representative_user, caseworker, language
):
    client.cookies["django_language"] = language
    seen = []
    for person in (None, employer_admin, caseworker, representative_user):
        if person is not None:
            client.force_login(person)
        kept, fresh = kept_and_fresh(client, "/requests/?page=2" if person is employer_admin else "/")
        assert kept == fresh
        seen.append(kept)
    assert len(set(seen)) == 4  # four different headers: signed out, employer, caseworker, firm
    assert ("Uitloggen" in seen[1]) == (language == "nl")


@pytest.mark.django_db
def test_each_person_sees_their_own_name_employer_and_token(client, employer_admin, employer):
    other_employer = factories.make_employer(name="Zeeland Shipping B.V.")
    other = factories.make_user(first_name="Piet", last_name="Hein")
    factories.add_member(other, other_employer)

    client.force_login(employer_admin)
    first = client.get("/requests/")
    client.force_login(other)
    second = client.get("/requests/")

    assert "Signed in as Eva de Vries" in header(first) and "Van Dijk Bouw B.V." in header(first)
    assert "Signed in as Piet Hein" in header(second) and "Zeeland Shipping B.V." in header(second)
    assert "Eva de Vries" not in header(second) and "Van Dijk" not in header(second)
    # The language switcher and the logout form carry this response's own CSRF token, the one its
    # other forms carry: a log out from the header works (the token is checked against the cookie).
    tokens = TOKEN.findall(second.content.decode())
    assert len(tokens) >= 2 and len(set(tokens)) == 1
    client.post("/accounts/logout/", {"csrfmiddlewaretoken": tokens[0]})
    assert "Log in" in header(client.get("/"))


@pytest.mark.django_db
def test_names_and_the_return_path_are_escaped(client):
    employer = factories.make_employer(name="Smit & <Zonen> B.V.")
    user = factories.make_user(first_name='<script>alert("x")</script>', last_name="O'Neil")
    factories.add_member(user, employer)
    client.force_login(user)

    kept, fresh = kept_and_fresh(client, '/?q="><img src=x>')
    assert kept == fresh
    assert "<script>" not in kept and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#x27;Neil" in kept
    assert "Smit &amp; &lt;Zonen&gt; B.V." in kept
    assert 'name="next" type="hidden" value="/?q=%22%3E%3Cimg%20src=x%3E"' in kept


@pytest.mark.django_db
def test_a_changed_institution_shows_at_once(client):
    client.get("/")
    institution = {**site_chrome.settings.PORTAL_INSTITUTION, "name": "Caisse Nationale de Test"}
    with override_settings(PORTAL_INSTITUTION=institution):
        assert "Caisse Nationale de Test" in header(client.get("/"))
    assert "Caisse Nationale de Test" not in header(client.get("/"))
