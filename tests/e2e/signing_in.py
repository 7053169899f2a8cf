"""Signing in through the login form, as a person does, for the browser tests."""

from tests import factories


def log_in(page, live_server, email, password=factories.PASSWORD):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def authenticator_code(secret_base32: str) -> str:
    """The code an authenticator app shows now for the key the setup page displays."""
    from base64 import b32decode

    from django_otp.oath import totp

    return f"{totp(b32decode(secret_base32)):06d}"


def enrol_authenticator(page, enrolment_code: str):
    """On the setup page: type the enrolment code, then 'scan' the key shown and type the app's code."""
    page.get_by_label("Enrolment code").fill(enrolment_code)
    page.get_by_role("button", name="Continue").click()
    secret = page.locator("#otp-secret").inner_text()
    page.get_by_label("Code from your authenticator app").fill(authenticator_code(secret))
    page.get_by_role("button", name="Confirm").click()
