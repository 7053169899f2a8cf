"""Fourteenth session's walkthrough: /verify/ showed "P. D. J." for Pieter de Jong, as if he had three
names and a family name starting with D. Particles are written as they stand (casework/initials.py)."""

import pytest
from django.urls import reverse

from casework.initials import holder_initials
from casework.models import Certificate
from postings.services.decisions import request_decide
from tests import factories
from tests.casework.builders import committed, make_request

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "given, family, initials",
    [
        ("Pieter", "de Jong", "P. de J."),
        ("Anna Maria", "van der Berg", "A. M. van der B."),
        ("Jan-Willem", "van 't Hek", "J.-W. van 't H."),
        ("Hans", "von Braun", "H. von B."),
        ("Lucie", "Le Blanc", "L. Le B."),  # a Belgian capital stays as written
        ("Marie", "d'Hondt", "M. d'H."),
        ("Gert", "ter Horst", "G. ter H."),
        ("Anna", "Delporte", "A. D."),
        ("Kees", "Van", "K. V."),  # a particle alone is the family name
        ("Ana", "da Silva Santos", "A. da S. S."),
    ],
)
def test_particles_are_not_initials(given, family, initials):
    assert holder_initials(given, family) == initials


def test_the_verification_page_writes_the_family_names_particle(
    client, engine, employer, employer_admin, caseworker
):
    worker = factories.make_employee(employer, given_names="Pieter", family_name="de Jong")
    request = make_request(employer, worker, employer_admin)
    with committed():
        request_decide(actor=caseworker, request=request, decision="approved")
    certificate = Certificate.objects.get(request=request)
    page = client.post(
        reverse("casework:verify"),
        {"number": certificate.number, "birth_date": f"{worker.birth_date:%Y-%m-%d}"},
    ).content.decode()
    assert "This certificate is valid" in page
    assert "<dd>P. de J.</dd>" in page and "P. D. J." not in page
    assert "Jong" not in page and "Pieter" not in page
