"""Passwords are stored as Argon2id at OWASP's parameters (accounts/hashers.py); a hash made with
Django's heavier defaults still lets its person in and is re-made at that login."""

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, identify_hasher, make_password
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

PRODUCTION_HASHERS = [
    "accounts.hashers.PortalArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


@pytest.fixture
def production_hashing(settings):
    # Tests hash with MD5 first (speed); here the production list is what is tested.
    settings.PASSWORD_HASHERS = PRODUCTION_HASHERS


def test_a_new_password_is_argon2id_at_owasp_parameters(production_hashing):
    encoded = make_password("correct-horse-battery-staple")
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert identify_hasher(encoded).verify("correct-horse-battery-staple", encoded)


def test_an_older_heavier_hash_still_logs_in_and_is_remade(production_hashing, client):
    user = factories.make_user(email="old@example.test")
    django_default = Argon2PasswordHasher()
    user.password = django_default.encode("correct-horse-battery-staple", django_default.salt())
    user.save(update_fields=["password"])
    assert "m=102400,t=2,p=8" in user.password

    response = client.post(
        reverse("login"), {"username": "old@example.test", "password": "correct-horse-battery-staple"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert "m=19456,t=2,p=1" in user.password

    client.logout()
    wrong = client.post(reverse("login"), {"username": "old@example.test", "password": "not-the-password"})
    assert wrong.status_code == 200
