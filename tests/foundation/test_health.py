import pytest
from django.db import connection

from coverage_portal.celery import app


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {"ok": True, "detail": connection.vendor}
    assert body["broker"]["ok"] is True


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise ConnectionError("database down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == {"ok": False, "detail": "ConnectionError"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_broker_does_not_answer(client, monkeypatch):
    # A port nobody listens on: the same as Redis being stopped.
    monkeypatch.setitem(app.conf, "broker_url", "redis://127.0.0.1:9/0")
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["broker"]["ok"] is False
    assert body["database"]["ok"] is True


def test_healthz_refuses_other_methods(client):
    assert client.post("/healthz").status_code == 405
