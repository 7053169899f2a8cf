"""A person whose organisation is registered but not yet activated may log in; the home page tells them
to enter the code from the letter, not to ask an employer for a mandate (which it said before)."""

import pytest
from django.urls import reverse

from accounts.models import Organisation, User

from .test_pages import REGISTER

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["employer", "representative"])
def test_home_says_the_organisation_waits_for_its_activation_code(client, kind):
    client.post(reverse("accounts:register"), {**REGISTER, "kind": kind})
    assert Organisation.objects.get().status == Organisation.Status.PENDING
    client.force_login(User.objects.get(email=REGISTER["email"]))
    html = client.get("/").content.decode()
    assert "<h1>Activate your organisation</h1>" in html
    assert "Bakkerij Jansen B.V. is registered and waits for activation." in html
    assert f'href="{reverse("accounts:activate")}"' in html
    assert "give your firm a mandate" not in html


def test_once_activated_the_home_page_offers_the_requests(client):
    client.post(reverse("accounts:register"), REGISTER)
    Organisation.objects.update(status=Organisation.Status.ACTIVE)
    client.force_login(User.objects.get(email=REGISTER["email"]))
    html = client.get("/").content.decode()
    assert "Activate your organisation" not in html and "Request a posting abroad" in html
