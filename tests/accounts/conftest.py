import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Letters and authorizations go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


def login_verified(client, user):
    """Log in with a confirmed authenticator and a verified (second-factor) session."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def pdf_with_text(text: str) -> bytes:
    """A small real PDF stating `text` (made with WeasyPrint, as the portal's own PDFs are)."""
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


def enter_enrolment_code(client, user, next_url=""):
    """Issue a code for staff `user` (as an administrator would) and type it on the setup page, as the
    person does before the QR code is shown. Returns the code."""
    from django.urls import reverse

    from accounts.services.enrolment import enrolment_code_issue

    _record, code = enrolment_code_issue(actor=None, user=user)
    url = reverse("accounts:otp_setup") + (f"?next={next_url}" if next_url else "")
    answer = client.post(url, {"code": code})
    assert answer.status_code == 302, answer.content.decode()[:2000]
    return code
