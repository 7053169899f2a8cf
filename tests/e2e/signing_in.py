"""Signing in through the login form, as a person does, for the browser tests."""

from tests import factories


def log_in(page, live_server, email, password=factories.PASSWORD):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
