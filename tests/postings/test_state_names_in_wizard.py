"""The check page and the confirmation name the states as a French, German or Dutch reader expects:
"la législation des Pays-Bas s'applique", "travail en Belgique", "Arbeit in Belgien"."""

import html
import re

import pytest
from django.conf import settings
from django.urls import reverse

from postings.models import CoverageRequest

from .test_posting_wizard import send, walk_to_check
from .wizard_helpers import start

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", response.content.decode())).split())


@pytest.mark.parametrize(
    "language, outcome, work",
    [
        ("fr", "Résultat attendu : la législation des Pays-Bas s'applique", "travail en Belgique."),
        (
            "de",
            "Voraussichtliches Ergebnis: Es gelten die Rechtsvorschriften der Niederlande",
            "Arbeit in Belgien.",
        ),
        ("nl", "Verwachte uitkomst: de wetgeving van Nederland is van toepassing", "werk in België."),
        ("en", "Expected outcome: the legislation of the Netherlands applies", "work in Belgium."),
    ],
)
def test_the_check_page_and_confirmation_name_the_states(
    logged_in, employee, engine, language, outcome, work
):
    logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    draft = start(logged_in, "posting")
    assert outcome in text_of(walk_to_check(logged_in, draft, employee))
    send(logged_in, draft)
    sent = CoverageRequest.objects.get(pk=draft.pk)
    assert work in text_of(logged_in.get(reverse("postings:confirmation", args=[sent.pk])))
