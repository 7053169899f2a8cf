"""The verification page in Chromium: the date of birth is typed as the hint and the PD A1 write it
(1985-07-30) and the field shows it so; the browser's date picker showed its own order (07/30/1985
here) under a hint that said 1985-07-30."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_date_is_typed_and_shown_as_the_hint_writes_it(live_server, page):
    page.goto(live_server.url + reverse("casework:verify"))
    field = page.get_by_label("Holder's date of birth")
    hint = page.locator("#" + field.get_attribute("aria-describedby").split()[0]).inner_text()
    assert "1985-07-30" in hint
    field.click()
    page.keyboard.type("1985-07-30")
    assert field.input_value() == "1985-07-30"
    page.get_by_label("Certificate number").fill("NL-A1-2026-9999999-AAAA")
    page.get_by_role("button", name="Check certificate").click()
    # The date was read: no error, only no certificate with this number.
    assert page.locator("h1").first.inner_text() == "Certificate not found"
    assert page.get_by_label("Holder's date of birth").input_value() == "1985-07-30"
