"""Signing out, switching employer and the forgotten-password pages say what happened and what is wanted
(Django's own password forms said "This field is required.")."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests import factories

pytestmark = pytest.mark.django_db


def test_logging_out_says_so(client, employer_admin):
    client.force_login(employer_admin)
    response = client.post(reverse("logout"), follow=True)
    html = response.content.decode()
    assert "You have logged out." in html and "Signed in as" not in html


def test_switching_employer_names_the_one_now_acted_for(client, representative_user, employer):
    second = factories.make_employer(name="Zeeland Shipping B.V.")
    factories.make_mandate(second, representative_user.memberships.get().organisation)
    client.force_login(representative_user)
    response = client.post(
        reverse("accounts:switch_employer"), {"employer": second.pk, "next": "/"}, follow=True
    )
    assert "You now act for Zeeland Shipping B.V." in response.content.decode()


def test_forgotten_password_asks_for_the_login_address(client):
    html = client.post(reverse("password_reset"), {"email": ""}).content.decode()
    assert "Enter the e-mail address you log in with." in html
    assert "This field is required." not in html


def test_new_password_fields_say_what_to_type(client, employer_admin):
    uid = urlsafe_base64_encode(force_bytes(employer_admin.pk))
    token = default_token_generator.make_token(employer_admin)
    form_url = client.get(reverse("password_reset_confirm", args=[uid, token])).url  # Django hides the token
    html = client.post(form_url, {"new_password1": "", "new_password2": ""}).content.decode()
    assert "Choose a new password." in html and "Type the new password again." in html
    assert "This field is required." not in html
