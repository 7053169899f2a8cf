"""Reads compiled once per process (coverage_portal/precompiled.py) give what their querysets give:
the same rows, every field converted the same way, the joined objects already there; and the pages
behind them still answer 404, never a server error, for what is not the person's to see."""

import datetime as dt

import pytest
from django.urls import reverse

from accounts import backends
from api.services import tokens
from casework.models import Certificate
from coverage_portal.precompiled import PrecompiledRead
from postings import selectors
from postings.models import CoverageRequest
from postings.status import Status
from tests import factories
from tests.postings.conftest import make_request


def _fields(obj):
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


@pytest.fixture
def sent(employer, employee):
    request = make_request(
        employer,
        employee,
        answers={"employee": {"employee_id": employee.pk}, "conditions": {"start": "2025-01-01"}},
        determination={"applicable_state": "NL", "reasons": ["Art. 12(1)"]},
        worker_as_sent={"family_name": employee.family_name},
    )
    Certificate.objects.create(
        request=request, number="NL-A1-TEST-1", language="nl", holder={"name": "Delporte"}, provisional=True
    )
    return request


def test_each_compiled_read_gives_the_same_objects_as_its_queryset(
    sent, employer, employee, django_assert_num_queries
):
    draft = make_request(employer, employee, status=Status.DRAFT)
    for read, pk in (
        (selectors._SENT_REQUEST, sent.pk),
        (selectors._ANY_REQUEST, draft.pk),
        (selectors._ANY_REQUEST, sent.pk),
    ):
        expected = read.build(employer_id=employer.pk, pk=pk).get()
        with django_assert_num_queries(1):  # the worker (and certificate) come in the same query
            got = read.first(employer_id=employer.pk, pk=pk)
            assert _fields(got) == _fields(expected)
            assert _fields(got.employee) == _fields(expected.employee)
            if pk == sent.pk:
                assert _fields(got.certificate) == _fields(expected.certificate)
    # JSON, dates and times come back as Python values, as the ORM gives them.
    got = selectors._SENT_REQUEST.first(employer_id=employer.pk, pk=sent.pk)
    assert got.answers["employee"]["employee_id"] == employee.pk
    assert got.requested_start == dt.date(2025, 1, 1) and got.submitted_at.tzinfo is not None
    assert got.certificate.holder == {"name": "Delporte"} and got.certificate.provisional is True


def test_the_sent_request_read_does_not_find_a_draft_nor_another_employers_request(employer, employee):
    draft = make_request(employer, employee, status=Status.DRAFT)
    other = make_request(factories.make_employer(), status=Status.SUBMITTED)
    assert selectors._SENT_REQUEST.first(employer_id=employer.pk, pk=draft.pk) is None
    assert selectors._ANY_REQUEST.first(employer_id=employer.pk, pk=other.pk) is None
    assert selectors._ANY_REQUEST.first(employer_id=other.employer_id, pk=other.pk).pk == other.pk


def test_the_signed_in_person_and_an_api_token_are_read_as_the_orm_reads_them(employer_admin):
    user = backends.PortalModelBackend().get_user(employer_admin.pk)
    assert _fields(user) == _fields(type(employer_admin).objects.get(pk=employer_admin.pk))
    employer_admin.is_active = False
    employer_admin.save()
    assert backends.PortalModelBackend().get_user(employer_admin.pk) is None  # as Django's backend
    assert backends.PortalModelBackend().get_user(10**9) is None

    owner = factories.make_user(email="token@owner.test")
    token, key = tokens.token_create(actor=owner, name="payroll")
    found = tokens.token_authenticate(key)
    assert found.pk == token.pk and found.user.email == "token@owner.test"
    tokens.token_revoke(actor=owner, token=token)
    assert tokens.token_authenticate(key) is None


def test_a_value_the_lookup_would_change_or_a_wrong_type_is_refused():
    wrapped = PrecompiledRead(
        lambda name: CoverageRequest.objects.filter(worker_name__icontains=name), name=str
    )
    with pytest.raises(ValueError, match="not passed through"):
        wrapped.first(name="jan")  # icontains sends "%jan%": the compiled SQL could not take a new value
    by_pk = PrecompiledRead(lambda pk: CoverageRequest.objects.filter(pk=pk), pk=int)
    with pytest.raises(TypeError):
        by_pk.first(pk="12")
    with pytest.raises(TypeError):
        by_pk.first(id=12)
    with pytest.raises(TypeError, match="int or str"):
        PrecompiledRead(lambda on: CoverageRequest.objects.filter(requested_start=on), on=dt.date)


def test_request_pages_answer_404_for_ids_that_are_not_the_persons(
    client, employer_admin, employer, employee, sent
):
    client.force_login(employer_admin)
    other = make_request(factories.make_employer(), status=Status.SUBMITTED)
    draft = make_request(employer, employee, status=Status.DRAFT)
    assert client.get(reverse("postings:detail", args=[sent.pk])).status_code == 200
    for pk in (other.pk, draft.pk, 2**63, 10**30):  # a draft has no request page; past a bigint
        assert client.get(f"/requests/{pk}/").status_code == 404
    assert client.get(reverse("postings:wizard", args=[other.pk])).status_code == 404
    assert client.get(f"/requests/draft/{10**30}/").status_code == 404


def test_a_draft_records_the_firm_through_which_a_representative_files_it(
    representative_user, representative_firm, employer, employer_admin
):
    from postings.services.drafts import draft_create

    by_firm = draft_create(actor=representative_user, employer=employer, kind="posting")
    by_employer = draft_create(actor=employer_admin, employer=employer, kind="posting")
    assert CoverageRequest.objects.get(pk=by_firm.pk).representative == representative_firm
    assert CoverageRequest.objects.get(pk=by_employer.pk).representative is None


@pytest.mark.django_db(transaction=True)
def test_the_locking_read_locks_only_inside_a_transaction_and_reads_the_joined_rows(sent, employer, employee):
    from django.db import connection, transaction
    from django.db.transaction import TransactionManagementError

    from postings.services.lifecycle import locked_request

    with transaction.atomic():
        locked = locked_request(sent.pk, "employee")
        assert locked.employer == employer and locked.employee == employee
        with pytest.raises(CoverageRequest.DoesNotExist):
            locked_request(10**12)
    if connection.features.has_select_for_update:  # PostgreSQL; SQLite has no row locks to refuse
        with pytest.raises(TransactionManagementError):
            locked_request(sent.pk, "employee")  # compiled already: still refused without a transaction


def test_the_active_webhooks_read_gives_the_employers_active_ones_with_their_owner(employer, employer_admin):
    from api.services import webhooks

    first, _secret = webhooks.webhook_create(
        actor=employer_admin, employer=employer, url="https://payroll.example/a"
    )
    second, _secret = webhooks.webhook_create(
        actor=employer_admin, employer=employer, url="https://payroll.example/b"
    )
    type(second).objects.filter(pk=second.pk).update(active=False)
    found = webhooks._ACTIVE_WEBHOOKS.all(organisation_id=employer.pk)
    assert [w.pk for w in found] == [first.pk] and found[0].created_by == employer_admin
    assert webhooks._ACTIVE_WEBHOOKS.all(organisation_id=factories.make_employer().pk) == []


def test_the_send_and_idempotency_reads_find_what_a_first_call_left(
    sent, employer, employer_admin, django_assert_num_queries
):
    from api.models import IdempotencyRecord
    from api.services import idempotency
    from postings.services import lifecycle

    CoverageRequest.objects.filter(pk=sent.pk).update(submission_key="k" * 64)
    with django_assert_num_queries(1):  # the request and its employer (for the permission check)
        found = lifecycle._SENT_WITH_KEY.first(submission_key="k" * 64)
        assert found.pk == sent.pk and found.employer.name == employer.name
    assert _fields(found) == _fields(CoverageRequest.objects.get(pk=sent.pk))
    assert lifecycle.already_sent(employer_admin, "k" * 64).pk == sent.pk
    assert lifecycle.already_sent(employer_admin, "other-key") is None

    record = IdempotencyRecord.objects.create(
        user=employer_admin, key="retry-1", method="POST", path="/x/", request_hash="h",
        response_status=201, response_body={"id": 1},
    )  # fmt: skip
    got = idempotency._RECORD.first(user_id=employer_admin.pk, key="retry-1")
    assert _fields(got) == _fields(IdempotencyRecord.objects.get(pk=record.pk))
    assert idempotency._RECORD.first(user_id=factories.make_user().pk, key="retry-1") is None


def test_the_written_out_employers_read_gives_what_the_orm_gives(employer_admin, django_assert_num_queries):
    # accounts/permissions.py reads the employers someone may act for with written-out SQL through a
    # WrittenOutRead: the same instances, every field converted, as the ORM's own read of the rows.
    from accounts.permissions import employer_list_for, employers_for

    second = factories.make_employer(name="Aardbouw B.V.")
    factories.add_member(employer_admin, second)
    expected = list(employers_for(employer_admin).order_by("name", "id"))
    with django_assert_num_queries(1):
        found = employer_list_for(employer_admin)
    assert [e.pk for e in found] == [e.pk for e in expected] and len(found) == 2
    for got, want in zip(found, expected, strict=True):
        assert _fields(got) == _fields(want)
        assert isinstance(got.created_at, dt.datetime) and got.created_at.tzinfo is not None
        assert got._state.adding is False and got._state.db == "default"


def test_compiled_values_give_the_querysets_tuples_and_refuse_what_they_cannot_keep(sent, employer):
    from django.db.models import F

    from coverage_portal.precompiled import PrecompiledValues

    columns = PrecompiledValues(
        lambda employer_id: CoverageRequest.objects.filter(employer_id=employer_id).values_list(
            "pk", "transaction_number", "requested_start", "submitted_at", "answers"
        ),
        employer_id=int,
    )
    expected = columns.build(employer_id=employer.pk)
    assert columns.all(employer_id=employer.pk) == list(expected)
    got = columns.all(employer_id=employer.pk)[0]
    assert got[2] == dt.date(2025, 1, 1) and got[4]["employee"]["employee_id"] == sent.employee_id
    assert columns.all(employer_id=employer.pk + 1000) == []
    with pytest.raises(TypeError):
        columns.all(employer_id=str(employer.pk))
    annotated = PrecompiledValues(
        lambda pk: CoverageRequest.objects.filter(pk=pk).annotate(n=F("pk")).values_list("n"), pk=int
    )
    with pytest.raises(ValueError, match="values_list"):
        annotated.all(pk=sent.pk)
    whole_rows = PrecompiledValues(lambda pk: CoverageRequest.objects.filter(pk=pk), pk=int)
    with pytest.raises(ValueError, match="values_list"):
        whole_rows.all(pk=sent.pk)
