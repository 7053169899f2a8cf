"""Fourteenth session's walkthrough: a name that ends in a dot and then the sentence's full stop was
written twice ("You now act for Van Dijk Bouw B.V.."). One shared function joins them
(coverage_portal/sentences.py), in every language, whichever place the translation gives the name."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeData, mark_safe

from accounts.models import Membership
from accounts.services import members
from coverage_portal.sentences import one_full_stop
from postings.services.validation import check_employment
from tests import factories

pytestmark = pytest.mark.django_db

NAMES = ["Zeeland Shipping B.V.", "Harbour Freight Ltd."]
BOTH = pytest.mark.parametrize("name", NAMES)
EN_NL = pytest.mark.parametrize("language", ["en", "nl"])


def invite(actor, organisation, email, role=Membership.Role.EMPLOYER_FILER):
    return members.member_invite(
        actor=actor, organisation=organisation, email=email, first_name="N", last_name="W", role=role
    )


def once(html: str, sentence: str) -> bool:
    """The sentence is there, and not with a second full stop after it."""
    return sentence in html and sentence + "." not in html


def test_two_dots_become_one_and_nothing_else_changes():
    assert one_full_stop("You now act for Van Dijk Bouw B.V..") == "You now act for Van Dijk Bouw B.V."
    assert one_full_stop("by Jan Smit Jr.. Nothing was changed.") == "by Jan Smit Jr. Nothing was changed."
    assert one_full_stop("Wait... and see.") == "Wait... and see."
    assert one_full_stop("Version 1..2 of B.V.") == "Version 1..2 of B.V."
    safe = one_full_stop(mark_safe("<b>B.V.</b>."))
    assert isinstance(safe, SafeData) and safe == "<b>B.V.</b>."
    assert (
        Template("{% load sentences %}{% filter one_full_stop %}For {{ n }}.{% endfilter %}").render(
            Context({"n": "A & B Ltd."})
        )
        == "For A &amp; B Ltd."
    )


@BOTH
@EN_NL
def test_switching_employer(client, representative_user, name, language):
    second = factories.make_employer(name=name)
    factories.make_mandate(second, representative_user.memberships.get().organisation)
    client.force_login(representative_user)
    html = client.post(
        reverse("accounts:switch_employer"),
        {"employer": second.pk, "next": "/"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE=language,
    ).content.decode()
    sentence = {"en": "You now act for %s", "nl": "U treedt nu op voor %s"}[language] % name
    assert once(html, sentence)


@BOTH
@EN_NL
def test_inviting_someone_who_already_has_access(employer_admin, name, language):
    organisation = employer_admin.memberships.get().organisation
    organisation.name = name
    organisation.save()
    with translation.override(language), pytest.raises(ValidationError) as refused:
        invite(employer_admin, organisation, employer_admin.email, role=Membership.Role.EMPLOYER_ADMIN)
    sentence = {"en": "This person already has access to %s", "nl": "Deze persoon heeft al toegang tot %s"}
    assert refused.value.message_dict["email"] == [sentence[language] % name]


@BOTH
@EN_NL
def test_deactivating_a_member(client, employer, employer_admin, name, language):
    employer.name = name
    employer.save()
    other = factories.make_user(first_name="Frank", last_name="Mulder")
    membership = factories.add_member(other, employer)
    client.force_login(employer_admin)
    url = reverse("accounts:user_deactivate", args=[employer.pk, membership.pk])
    asked = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    done = client.post(url, follow=True, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    if language == "en":
        assert once(asked, f"Frank Mulder can no longer log in to act for {name}")
        assert once(done, f"Frank Mulder can no longer act for {name}")
    else:
        assert f"kan niet meer inloggen om voor {name} op te treden." in asked
        assert f"kan niet langer namens {name} handelen." in done


@BOTH
def test_granting_a_mandate(client, employer, employer_admin, representative_firm, name):
    employer.name = name
    employer.save()
    client.force_login(employer_admin)
    data = {"q": "fiscaal", "representative": representative_firm.pk, "valid_from": "2026-01-01"}
    html = client.post(reverse("accounts:mandates"), data, follow=True).content.decode()
    assert once(html, f"Fiscaal Advies B.V. may now act for {name}")


@BOTH
@EN_NL
def test_the_invitation_email(
    employer, employer_admin, name, language, mailoutbox, django_capture_on_commit_callbacks
):
    employer.name = name
    employer.save()
    with translation.override(language), django_capture_on_commit_callbacks(execute=True):
        invite(employer_admin, employer, "new@example.test")
    first_line = mailoutbox[0].body.splitlines()[0]
    sentence = {
        "en": "You have been given access to the A1 portal for %s",
        "nl": "U hebt toegang gekregen tot het A1-portaal voor %s",
    }
    assert first_line == sentence[language] % name


@BOTH
def test_the_dutch_flag_that_puts_the_employer_last(name):
    """The English message names the employer mid-sentence; the Dutch one puts it last."""
    request = SimpleNamespace(
        employee_id=1,
        employee=SimpleNamespace(employment_periods=SimpleNamespace(values_list=lambda *fields: [])),
        employer=SimpleNamespace(name=name),
        requested_start=dt.date(2027, 3, 1),
        requested_end=dt.date(2027, 12, 31),
    )
    [flag] = check_employment(request)
    assert flag["messages"]["nl"].endswith(f"in dienst van {name}")
    assert f"employed by {name} from" in flag["messages"]["en"]
