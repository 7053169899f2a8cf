"""The base layout: landmarks, skip link, language switcher, and a home page per role."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_page_has_landmarks_skip_link_and_language(client):
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main-content">' in html
    assert '<main id="main-content"' in html
    assert 'role="banner"' in html and 'role="contentinfo"' in html
    assert '<html lang="en">' in html
    assert "Sociale Verzekeringsbank" in html  # the institution's name in the header


@pytest.mark.django_db
def test_anonymous_home_offers_self_check_login_registration_and_verification(client):
    html = client.get("/").content.decode()
    for name in ("selfcheck:check", "login", "accounts:register", "casework:verify"):
        assert f'href="{reverse(name)}"' in html


@pytest.mark.django_db
def test_employer_home_offers_the_three_request_types(client, employer_admin, employer):
    client.force_login(employer_admin)
    html = client.get("/").content.decode()
    assert employer.name in html
    for kind in ("posting", "simultaneous", "seafarer"):
        assert f'href="{reverse("postings:start", args=[kind])}"' in html
    assert reverse("postings:list") in html


@pytest.mark.django_db
def test_representative_home_switches_between_mandating_employers(client, representative_user, employer):
    from tests import factories

    second = factories.make_employer(name="Zeeland Shipping B.V.")
    firm = representative_user.memberships.get().organisation
    factories.make_mandate(second, firm)
    client.force_login(representative_user)
    html = client.get("/").content.decode()
    assert "You act for 2 employers." in html
    assert 'name="employer"' in html  # the switcher in the header
    response = client.post(reverse("accounts:switch_employer"), {"employer": second.pk, "next": "/"})
    assert response.status_code == 302
    assert "<h1>Zeeland Shipping B.V.</h1>" in client.get("/").content.decode()


@pytest.mark.django_db
def test_switching_to_an_employer_without_mandate_is_refused(client, representative_user):
    from tests import factories

    stranger = factories.make_employer(name="Not Mandated B.V.")
    client.force_login(representative_user)
    response = client.post(reverse("accounts:switch_employer"), {"employer": stranger.pk})
    assert response.status_code == 404
    assert "Not Mandated" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_caseworker_home_points_to_the_queue(client, caseworker):
    client.force_login(caseworker)
    html = client.get("/").content.decode()
    assert reverse("admin:index") in html
    assert "Work the queue of requests" in html


@pytest.mark.django_db
def test_language_switcher_changes_the_page_language(client):
    response = client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="nl">' in html
    assert "Naar de hoofdinhoud" in html  # "Skip to main content", translated


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "skip_link"),
    [("fr", "Aller au contenu principal"), ("de", "Zum Hauptinhalt springen")],
)
def test_french_and_german_are_compiled_and_served(client, language, skip_link):
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    assert skip_link in client.get("/").content.decode()


@pytest.mark.django_db
def test_login_shows_clear_error_and_keeps_the_address(client, employer_admin):
    response = client.post(reverse("login"), {"username": "admin@vandijk.test", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "The e-mail address or password is not right" in html
    assert 'value="admin@vandijk.test"' in html


@pytest.mark.django_db
def test_login_and_logout(client, employer_admin):
    from tests.factories import PASSWORD

    response = client.post(reverse("login"), {"username": "admin@vandijk.test", "password": PASSWORD})
    assert response.status_code == 302
    assert "Signed in as Eva de Vries" in client.get("/").content.decode()
    client.post(reverse("logout"))
    assert "Signed in as" not in client.get("/").content.decode()
