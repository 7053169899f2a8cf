"""A telephone number must look like one: the contact step took "abc", and so did the employer's
registration. One check for both (coverage_portal.validators.validate_phone): digits with an optional
leading +, spaces, dots, hyphens, slashes and parentheses, at least 6 digits."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Organisation
from api.views.examples import POSTING
from coverage_portal.validators import validate_phone

from ..accounts.test_pages import REGISTER
from ..api.conftest import client_for
from ..api.test_requests import base, body
from .test_posting_wizard import P, walk_to_check
from .wizard_helpers import CONTACT, post_step, start, step_url

MESSAGE = "Enter a telephone number, like +31 20 123 4567."


@pytest.mark.parametrize(
    "number",
    ["+31 20 123 4567", "020-1234567", "(010) 45.67.89", "02/509 59 59", "+32 (0)2 509 59 59", "123456"],
)
def test_numbers_as_people_write_them_are_taken(number):
    validate_phone(number)


@pytest.mark.parametrize(
    "number",
    ["abc", "n/a", "12345", "+31 20 abc 4567", "31+20 123 4567", "++31 20 123 4567", "0201234567 ext. 12"],
)
def test_what_is_not_a_number_is_refused(number):
    with pytest.raises(ValidationError) as refused:
        validate_phone(number)
    assert refused.value.messages == [MESSAGE]


@pytest.mark.django_db
def test_the_contact_step_refuses_abc_at_the_field(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    response = post_step(logged_in, draft, "contact", {**CONTACT, "phone": "abc"}, P)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count(MESSAGE) == 2  # in the summary and at the field
    assert 'href="#id_contact-phone"' in page
    assert post_step(logged_in, draft, "contact", CONTACT, P)["Location"] == step_url(draft, "check")


@pytest.mark.django_db
def test_the_message_in_dutch(logged_in, employee, engine):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    page = post_step(logged_in, draft, "contact", {**CONTACT, "phone": "abc"}, P).content.decode()
    assert "Vul een telefoonnummer in, zoals +31 20 123 4567." in page


@pytest.mark.django_db
def test_the_api_refuses_it_at_its_field_path(employer_admin, employer, employee):
    data = body(POSTING, employee)
    data["contact"] = {**data["contact"], "phone": "abc"}
    response = client_for(employer_admin).post(base(employer), data, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "contact.phone", "message": MESSAGE}]


@pytest.mark.django_db
def test_the_registration_refuses_it_and_still_takes_none(client):
    page = client.post(reverse("accounts:register"), {**REGISTER, "phone": "abc"}).content.decode()
    assert MESSAGE in page
    assert not Organisation.objects.exists()
    response = client.post(reverse("accounts:register"), {**REGISTER, "phone": "+31 30 123 4567"})
    assert response.url == reverse("accounts:register_done")
    assert Organisation.objects.get().phone == "+31 30 123 4567"
