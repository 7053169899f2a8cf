"""The employer's notes name the other state as a French, German or Dutch reader expects: "L'institution
de la Belgique a accepté", "Der Träger Belgiens", "Le travailleur réside en Belgique" (not "de
Belgique"/"von Belgien" glued around a bare name, coverage_portal/state_names.py)."""

import html

import pytest
from django.conf import settings
from django.urls import reverse

from casework.models import InboxMessage
from tests import factories
from tests.casework.builders import committed, determination, make_request
from tests.casework.test_exception_agreement import _record, long_posting  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, outcome, subject, body",
    [
        (
            "fr",
            "agreed",
            ": accord de la Belgique",
            "L'institution de la Belgique a accepté que notre législation",
        ),
        ("de", "agreed", ": Zustimmung Belgiens", "Der Träger Belgiens hat zugestimmt"),
        ("nl", "agreed", ": akkoord van België", "Het orgaan van België ging ermee akkoord"),
        ("en", "agreed", "Belgium agreed to the exception", "The institution of Belgium agreed"),
        (
            "fr",
            "refused",
            ": refus de la Belgique",
            "L'institution de la Belgique n'a pas accepté de dérogation",
        ),
        ("de", "refused", ": keine Zustimmung Belgiens", "Der Träger Belgiens hat einer Ausnahme"),
        ("nl", "refused", ": geen akkoord van België", "Het orgaan van België ging niet akkoord"),
    ],
)
def test_the_art_16_answer_names_the_other_state_in_the_requests_language(
    long_posting,  # noqa: F811
    caseworker,
    language,
    outcome,
    subject,
    body,
):
    long_posting.language = language
    long_posting.save(update_fields=["language"])
    with committed():
        _record(long_posting, caseworker, outcome=outcome)
    notice = InboxMessage.objects.get(request=long_posting, kind="notice")
    assert subject in notice.subject
    assert notice.subject.startswith(
        ("Dérogation pour la demande", "Ausnahme für Antrag", "Uitzondering", "Belgium")
    )
    assert body in notice.body


def test_the_flag_says_where_the_worker_lives_in_every_language(engine, employer, employer_admin):
    worker = factories.make_employee(employer, family_name="Peeters", country="BE")
    engine.result = determination(article="13(1)(b)(i)", code="02", provisional=True)
    request = make_request(employer, worker, employer_admin, type="simultaneous")
    request.refresh_from_db()
    flag = next(f for f in request.flags if f["code"] == "RESIDENCE_STATEMENT_MISSING")
    assert flag["messages"]["en"].startswith("The worker lives in Belgium:")
    assert flag["messages"]["fr"].startswith("Le travailleur réside en Belgique :")
    assert flag["messages"]["de"].startswith("Der Arbeitnehmer wohnt in Belgien:")
    assert flag["messages"]["nl"].startswith("De werknemer woont in België:")


def test_a_worker_living_in_the_netherlands_reads_aux_pays_bas(engine, employer, employer_admin, settings):
    settings.PORTAL_INSTITUTION = {**settings.PORTAL_INSTITUTION, "state": "BE"}
    worker = factories.make_employee(employer, family_name="de Boer", country="NL")
    engine.result = determination(article="13(1)(b)(i)", code="02", provisional=True)
    request = make_request(employer, worker, employer_admin, type="simultaneous")
    request.refresh_from_db()
    flag = next(f for f in request.flags if f["code"] == "RESIDENCE_STATEMENT_MISSING")
    assert flag["messages"]["en"].startswith("The worker lives in the Netherlands:")
    assert flag["messages"]["fr"].startswith("Le travailleur réside aux Pays-Bas :")
    assert flag["messages"]["de"].startswith("Der Arbeitnehmer wohnt in den Niederlanden:")


@pytest.mark.parametrize(
    "language, agreed",
    [
        ("fr", "Accordée par la Belgique du 2027-03-01 au 2030-02-28"),
        ("de", "Von Belgien vereinbart vom 2027-03-01 bis zum 2030-02-28"),
        ("nl", "Overeengekomen met België van 2027-03-01 tot en met 2030-02-28"),
    ],
)
def test_the_request_page_says_who_agreed(
    long_posting,  # noqa: F811
    caseworker,
    employer_admin,
    client,
    language,
    agreed,
):
    client.force_login(employer_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with committed():
        _record(long_posting, caseworker)
    page = html.unescape(client.get(reverse("postings:detail", args=[long_posting.pk])).content.decode())
    assert agreed in page


def test_the_request_page_says_switzerland_agreed_with_its_article(
    long_posting,  # noqa: F811
    caseworker,
    employer_admin,
    client,
):
    client.force_login(employer_admin)
    with committed():
        _record(long_posting, caseworker, other_state="CH")
    url = reverse("postings:detail", args=[long_posting.pk])
    said = {}
    for language in ("fr", "de"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        said[language] = html.unescape(client.get(url).content.decode())
    assert "Accordée par la Suisse du" in said["fr"]
    assert "Von der Schweiz vereinbart vom" in said["de"]
