"""A registration never activated is deleted with its first user 60 days after its last activation
code expired; never one that activated, one with a request, or a person who belongs elsewhere too."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command

from accounts.models import ActivationLetter, AuditEvent, Membership, Organisation, User
from accounts.services.registration import letter_issue, organisation_register
from accounts.services.retention import UNACTIVATED_REGISTRATION_RETENTION, registrations_purge
from accounts.tasks import purge_account_records
from postings.models import CoverageRequest
from tests import factories

pytestmark = pytest.mark.django_db


def register(name="Nooit Actief B.V.", email="eerste@nooit.test"):
    organisation, user, _code = organisation_register(
        kind=Organisation.Kind.EMPLOYER,
        organisation_data={"name": name, "country": "NL", "kvk_number": "12345678"},
        admin_data={"first_name": "Ilse", "last_name": "Vos", "email": email, "password": "long-enough-1"},
    )
    return organisation, user


def expiry(organisation) -> dt.datetime:
    return organisation.activation_letters.order_by("-expires_at").first().expires_at


def test_deleted_the_day_after_the_60_days_with_its_user_and_letter_and_kept_on_the_last_day(
    django_capture_on_commit_callbacks,
):
    organisation, user = register()
    letter = organisation.activation_letters.get()
    pdf = Path(letter.pdf.path)
    last_day = expiry(organisation) + UNACTIVATED_REGISTRATION_RETENTION

    assert registrations_purge(now=last_day) == 0
    assert Organisation.objects.filter(pk=organisation.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert registrations_purge(now=last_day + dt.timedelta(minutes=1)) == 1
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert not User.objects.filter(pk=user.pk).exists()
    assert not ActivationLetter.objects.filter(pk=letter.pk).exists() and not pdf.exists()
    # The audit trail stays, no longer pointing at the deleted organisation or person.
    assert AuditEvent.objects.filter(action="organisation.registered", organisation=None, actor=None).exists()
    purged = AuditEvent.objects.get(action="organisation.registration_purged")
    assert purged.object_id == str(organisation.pk) and "Vos" not in str(purged.detail)
    assert registrations_purge(now=last_day + dt.timedelta(days=1)) == 0  # a second run: nothing more


def test_a_new_letter_starts_the_period_again():
    organisation, user = register()
    first = expiry(organisation)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("django.utils.timezone.now", lambda: first + dt.timedelta(days=10))
        letter_issue(actor=None, organisation=organisation)
    assert registrations_purge(now=first + UNACTIVATED_REGISTRATION_RETENTION + dt.timedelta(days=1)) == 0
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_never_an_organisation_that_activated_or_has_a_request_or_a_person_who_belongs_elsewhere():
    activated, _user = register("Wel Actief B.V.", "a@actief.test")
    activated.activation_letters.update(used_at=expiry(activated) - dt.timedelta(days=1))
    suspended, _user = register("Geschorst B.V.", "b@geschorst.test")
    Organisation.objects.filter(pk=suspended.pk).update(status=Organisation.Status.SUSPENDED)
    with_request, requester = register("Met Aanvraag B.V.", "c@aanvraag.test")
    CoverageRequest.objects.create(type="posting", employer=with_request, created_by=requester)
    shared, person = register("Gedeeld B.V.", "d@gedeeld.test")
    other = factories.make_employer(name="Andere Werkgever B.V.")
    factories.add_member(person, other, role=Membership.Role.EMPLOYER_FILER)

    later = max(map(expiry, (activated, suspended, with_request, shared))) + dt.timedelta(days=365)
    assert registrations_purge(now=later) == 1  # only the one shared by a person
    for kept in (activated, suspended, with_request, other):
        assert Organisation.objects.filter(pk=kept.pk).exists()
    assert not Organisation.objects.filter(pk=shared.pk).exists()
    assert User.objects.filter(pk=person.pk).exists() and person.memberships.get().organisation == other


def test_the_daily_task_and_purge_personal_data_run_it(capsys):
    organisation, _user = register()
    Organisation.objects.filter(pk=organisation.pk).update(
        created_at=expiry(organisation) - dt.timedelta(days=400)
    )
    ActivationLetter.objects.filter(organisation=organisation).update(
        expires_at=expiry(organisation) - dt.timedelta(days=365)
    )
    call_command("purge_personal_data")
    assert "'registrations': 1" in capsys.readouterr().out
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert purge_account_records()["registrations"] == 0
