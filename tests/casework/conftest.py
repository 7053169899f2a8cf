import pytest

from tests.casework.builders import FakeEngine, FakeInvalid


@pytest.fixture
def engine(monkeypatch):
    """A stand-in engine and situation builder, so the pipeline is tested on its own."""
    fake = FakeEngine()
    monkeypatch.setattr("postings.services.validation.engine", lambda: (fake.determine, FakeInvalid))
    monkeypatch.setattr(
        "postings.services.validation._situation", lambda request, _others_of_worker: {"request": request.pk}
    )
    return fake


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PORTAL_BASE_URL = "https://portal.example"


@pytest.fixture
def caseworker_client(client, caseworker):
    """A caseworker logged in with a verified second factor, as the admin requires."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=caseworker, name="phone", confirmed=True)
    client.force_login(caseworker)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
