"""A sent request keeps the worker's data as it was sent; a draft follows the personnel directory."""

import datetime as dt

import pytest
from django.urls import reverse

from postings.models import CoverageRequest
from postings.status import Status
from tests import factories

from .test_posting_wizard import send, walk_to_check
from .wizard_helpers import start, step_url


def test_editing_the_directory_after_sending_does_not_change_the_sent_request(
    logged_in, employer_admin, employee, engine
):
    sent_number = employee.personal_number
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    send(logged_in, draft)
    sent = CoverageRequest.objects.get(pk=draft.pk)
    assert sent.status == Status.SUBMITTED
    assert sent.worker_as_sent["family_name"] == "Delporte"

    other_draft = start(logged_in, "posting")
    walk_to_check(logged_in, other_draft, employee)
    new_number = factories.valid_bsn()
    factories.edit_employee(
        employer_admin,
        employee,
        family_name="Delporte-Janssens",
        given_names="Anne",
        personal_number=new_number,
        birth_date=dt.date(1986, 8, 31),
        street="Nieuwe Gracht 5",
    )

    page = logged_in.get(reverse("postings:detail", args=[sent.pk])).content.decode()
    assert "Anna Delporte<" in page and sent_number in page
    assert "30 July 1985" in page and "Kerkstraat 10" in page
    assert "Delporte-Janssens" not in page and new_number not in page and "31 August 1986" not in page
    # The cancel page shows the same summary.
    cancel = logged_in.get(reverse("postings:cancel", args=[sent.pk])).content.decode()
    assert "Anna Delporte<" in cancel and "Delporte-Janssens" not in cancel

    # A draft has not been stated yet: its check-your-answers page shows the directory as it is now.
    check = logged_in.get(step_url(other_draft, "check")).content.decode()
    assert "Anne Delporte-Janssens" in check and new_number in check and "31 August 1986" in check
    assert "Nieuwe Gracht 5" in check and sent_number not in check


def test_a_request_sent_through_request_submit_keeps_the_worker_too(employer, employee):
    """The copy is taken where the status leaves Draft, whichever way the request is sent."""
    from postings.services.lifecycle import request_submit

    user = factories.make_user()
    factories.add_member(user, employer)
    draft = CoverageRequest.objects.create(
        type="posting",
        employer=employer,
        employee=employee,
        created_by=user,
        requested_start=dt.date(2025, 3, 1),
        requested_end=dt.date(2025, 12, 31),
    )
    assert draft.worker_as_sent is None
    request_submit(actor=user, request=draft)
    draft.refresh_from_db()
    assert draft.worker_as_sent["personal_number"] == employee.personal_number
    assert draft.worker_as_sent["birth_date"] == "1985-07-30"
    assert draft.worker_as_sent["nationality"] == "NL"


def test_a_request_sent_before_copies_were_kept_shows_the_directory(logged_in, employer, employee):
    """Rows without a copy (none should be left after the migration) fall back to the directory."""
    from .conftest import make_request

    old = make_request(employer, employee)
    assert old.worker_as_sent is None
    page = logged_in.get(reverse("postings:detail", args=[old.pk])).content.decode()
    assert "Anna Delporte<" in page and employee.personal_number in page


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_requests_sent_before_it_from_the_directory():
    """Run for real: back to before the data migration, rows as they were then, forward again."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = ("postings", "0003_worker_as_sent")
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    # The request as its table was then: the current model has columns added by later migrations.
    then = executor.loader.project_state([before]).apps.get_model("postings", "CoverageRequest")
    try:
        employer = factories.make_employer()
        employee = factories.make_employee(employer, family_name="Peeters", given_names="Jan", country="BE")
        user = factories.make_user()

        def make_request(employer, employee, status=Status.SUBMITTED, **fields):
            return then.objects.create(
                type="posting",
                status=status,
                employer_id=employer.pk,
                employee_id=employee.pk,
                created_by_id=user.pk,
                requested_start=dt.date(2025, 1, 1),
                requested_end=dt.date(2025, 12, 31),
                **fields,
            )

        sent = make_request(employer, employee)
        cancelled = make_request(employer, employee, status=Status.CANCELLED)
        kept = make_request(employer, employee, worker_as_sent={"family_name": "As sent"})
        draft = make_request(employer, employee, status=Status.DRAFT)
    finally:
        # Forward to every app's latest migration, not only postings 0004: going back to 0003 also
        # unapplied the later migrations of the apps that depend on it (casework), and the tests
        # after this one need their tables.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    for row in (sent, cancelled):
        row.refresh_from_db()
        assert row.worker_as_sent["family_name"] == "Peeters"
        assert row.worker_as_sent["given_names"] == "Jan"
        assert row.worker_as_sent["personal_number"] == employee.personal_number
        assert row.worker_as_sent["birth_date"] == "1985-07-30"
        assert row.worker_as_sent["country"] == "BE"
    kept.refresh_from_db()
    draft.refresh_from_db()
    assert kept.worker_as_sent == {"family_name": "As sent"}  # a copy taken on send stays as it is
    assert draft.worker_as_sent is None  # drafts follow the directory
