import pytest

from tests.casework.builders import FakeEngine, FakeInvalid


@pytest.fixture
def engine(monkeypatch):
    """A stand-in engine and situation builder, so the pipeline is tested on its own."""
    fake = FakeEngine()
    monkeypatch.setattr("postings.services.validation.engine", lambda: (fake.determine, FakeInvalid))
    monkeypatch.setattr("postings.services.validation._situation", lambda request: {"request": request.pk})
    return fake


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PORTAL_BASE_URL = "https://portal.example"
