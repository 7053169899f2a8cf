"""The permission rule is asked once per web request, and never remembered across requests."""

from django.utils import timezone

from accounts.permissions import can_act_for, employer_list_for, request_scope


def test_one_request_asks_the_database_once(employer, representative_user, django_assert_num_queries):
    with request_scope(), django_assert_num_queries(1):
        assert employer_list_for(representative_user) == [employer]
        assert can_act_for(representative_user, employer)
        assert not can_act_for(representative_user, type(employer)(pk=-1))


def test_a_revocation_saved_during_the_request_counts_at_once(employer, representative_user):
    with request_scope():
        assert can_act_for(representative_user, employer)
        mandate = employer.mandates_given.get()
        mandate.revoked_at = timezone.now()
        mandate.save()
        assert not can_act_for(representative_user, employer)
        assert employer_list_for(representative_user) == []


def test_the_next_request_sees_a_revocation_made_elsewhere(client, employer, representative_user):
    client.force_login(representative_user)
    assert client.get("/requests/").status_code == 200
    # Another process revokes (no signal reaches this one): the next request is refused.
    employer.mandates_given.update(revoked_at=timezone.now())
    assert client.get("/requests/").status_code == 403
