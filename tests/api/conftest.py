import pytest
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Membership
from api.services.tokens import token_create, token_revoke
from tests import factories


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Token ids repeat from test to test (each test's rows are rolled back), and the per-token rate
    limit counts in the cache: without a clean cache, one test's calls use up the next one's budget."""
    cache.clear()
    yield
    cache.clear()


def client_for(user) -> APIClient:
    """An API client that authenticates with a fresh personal token of `user` (None: anonymous)."""
    client = APIClient()
    if user is not None:
        _token, key = token_create(actor=user, name="test")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


@pytest.fixture
def other_employer(db):
    return factories.make_employer(name="Other Company B.V.")


@pytest.fixture
def other_admin(other_employer):
    user = factories.make_user(email="admin@other.test")
    factories.add_member(user, other_employer)
    return user


@pytest.fixture
def filer(employer):
    user = factories.make_user(email="filer@vandijk.test")
    factories.add_member(user, employer, role=Membership.Role.EMPLOYER_FILER)
    return user


@pytest.fixture
def rep_without_mandate(db):
    firm = factories.make_representative(name="No Mandate Advies")
    user = factories.make_user(email="nomandate@advies.test")
    factories.add_member(user, firm)
    return user


@pytest.fixture
def rep_revoked_mandate(employer):
    firm = factories.make_representative(name="Revoked Advies")
    user = factories.make_user(email="revoked@advies.test")
    factories.add_member(user, firm)
    factories.make_mandate(employer, firm, revoked_at=timezone.now())
    return user


@pytest.fixture
def revoked_token_client(employer_admin):
    token, key = token_create(actor=employer_admin, name="old")
    token_revoke(actor=employer_admin, token=token)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


# Who may reach `employer`'s objects, and who must get 404 (or 401).
ALLOWED_ROLES = ["employer_admin", "filer", "representative_user"]
DENIED_ROLES = ["other_admin", "rep_without_mandate", "rep_revoked_mandate", "caseworker"]


@pytest.fixture
def as_role(request):
    """client_for the fixture named by the test's `role` parameter."""

    def make(role):
        if role == "anonymous":
            return APIClient()
        return client_for(request.getfixturevalue(role))

    return make
