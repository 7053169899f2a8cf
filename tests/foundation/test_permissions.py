import datetime as dt

from django.utils import timezone

from accounts.models import Membership, Organisation
from accounts.permissions import can_act_for, employer_list_for, employers_for, request_scope
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


def test_the_per_request_list_agrees_with_the_rule_in_every_situation(db):
    """Pages and the API ask accounts.permissions.employer_list_for (one hand-written query) inside
    a request; the rule itself is employers_for. Both must name the same employers for every kind
    of membership and mandate."""
    today = timezone.localdate()
    day = dt.timedelta(days=1)
    a, b, c = (factories.make_employer(name=name) for name in ("Aa Bouw", "Bb Transport", "Cc Zorg"))
    pending = factories.make_employer(name="Dd Pending", status=Organisation.Status.PENDING)
    firm = factories.make_representative(name="Firm")
    suspended_firm = factories.make_representative(name="Suspended", status=Organisation.Status.SUSPENDED)
    names = ["admin", "filer", "staff", "lapsed", "idle"]
    people = {name: factories.make_user(email=f"{name}@perm.test") for name in names}
    factories.add_member(people["admin"], a)
    factories.add_member(people["admin"], pending)
    factories.add_member(people["filer"], b, role=Membership.Role.EMPLOYER_FILER)
    factories.add_member(people["staff"], firm)
    factories.add_member(people["staff"], suspended_firm)
    factories.add_member(people["staff"], c)  # staff of a firm and also an employer's own administrator
    old = factories.add_member(people["lapsed"], a)
    old.is_active = False
    old.save()
    # Ends today: still in force.
    factories.make_mandate(a, firm, valid_from=today - 10 * day, valid_until=today)
    factories.make_mandate(b, firm, valid_from=today + day)  # not yet
    factories.make_mandate(c, firm, valid_from=today - 10 * day, revoked_at=timezone.now())
    factories.make_mandate(b, suspended_firm, valid_from=today - 10 * day)  # the firm may not act
    factories.make_mandate(pending, firm, valid_from=today - 10 * day)  # the employer is not active

    expected = {"admin": [a], "filer": [b], "staff": [a, c], "lapsed": [], "idle": []}
    for name, user in people.items():
        rule = list(employers_for(user).order_by("name", "pk"))
        assert rule == expected[name], name
        with request_scope():
            assert employer_list_for(user) == rule, name
            for employer in (a, b, c, pending):
                assert can_act_for(user, employer) == (employer in rule), (name, employer)
            # Own staff or through a mandate (the pages name a consultant's client, not the staff's
            # own employer): the firm's staff act for `a` by mandate and for `c` as its administrator.
            staff_of = {"admin": {a.pk}, "filer": {b.pk}, "staff": {c.pk}}.get(name, set())
            assert {e.pk: bool(e.acts_as_staff) for e in employer_list_for(user)} == {
                e.pk: e.pk in staff_of for e in rule
            }, name
