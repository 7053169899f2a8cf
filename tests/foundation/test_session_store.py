"""The portal's session store (coverage_portal/session_store.py) reads sessions with one plain query:
a live session logs the person in, an expired or deleted one does not."""

import datetime as dt

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests import factories


def test_a_live_session_is_read_and_an_expired_or_deleted_one_is_not(client, db):
    user = factories.make_user(email="session@store.test")
    factories.add_member(user, factories.make_employer())
    client.force_login(user)
    home = reverse("postings:list")
    assert client.get(home).status_code == 200
    key = client.session.session_key

    Session.objects.filter(pk=key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = client.get(home)
    assert response.status_code == 302 and reverse("login") in response["Location"]

    client.force_login(user)
    Session.objects.filter(pk=client.session.session_key).delete()  # logged out on another device
    response = client.get(home)
    assert response.status_code == 302 and reverse("login") in response["Location"]
