import datetime as dt

from django.utils import timezone

from accounts.models import Organisation
from accounts.permissions import can_act_for, employers_for
from tests import factories


def test_employer_member_acts_for_own_employer_only(employer, employer_admin):
    other = factories.make_employer()
    assert can_act_for(employer_admin, employer)
    assert not can_act_for(employer_admin, other)


def test_representative_sees_exactly_mandating_employers(employer, representative_user, representative_firm):
    other = factories.make_employer()
    assert list(employers_for(representative_user)) == [employer]
    assert not can_act_for(representative_user, other)


def test_revoked_mandate_stops_access_at_once(employer, representative_user):
    mandate = employer.mandates_given.get()
    mandate.revoked_at = timezone.now()
    mandate.save()
    assert not can_act_for(representative_user, employer)


def test_expired_and_future_mandates_give_no_access(employer, representative_user):
    mandate = employer.mandates_given.get()
    mandate.valid_until = timezone.localdate() - dt.timedelta(days=1)
    mandate.save()
    assert not can_act_for(representative_user, employer)
    mandate.valid_until = None
    mandate.valid_from = timezone.localdate() + dt.timedelta(days=1)
    mandate.save()
    assert not can_act_for(representative_user, employer)


def test_inactive_employer_cannot_be_acted_for(employer, employer_admin):
    employer.status = Organisation.Status.PENDING
    employer.save()
    assert not can_act_for(employer_admin, employer)
