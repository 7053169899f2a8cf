"""Removing a worker from the employer's personnel directory (GDPR Art. 17, erasure).

It lives in postings, not accounts, because what it must decide is about requests, and accounts does
not depend on postings. What happens to what points at the directory entry:

- sent requests (cancelled ones too) are records of a public decision: they stay, and keep the worker
  as sent (CoverageRequest.worker_as_sent, which every sent request's page, the admin, the API, the
  certificate and the host-state records read). Their link to the entry is cleared (the foreign key
  is nullable): keeping a stripped entry instead would leave a row every directory query, the wizard,
  the API and the import would have to skip for ever, and the copy already holds all a sent request
  shows;
- drafts for the worker are deleted, with their residence statements: nothing was asked yet, so there
  is no decision to keep (as the draft retention does after 90 days);
- the employee's signed authorizations: one a sent request used is the evidence behind that request
  and stays (detached from the entry, still naming the request); one no request used only served
  requests not yet made and is deleted with its file;
- the employment periods go with the entry.

A request sent but not yet checked by the validation task still reads the directory (the employment
periods, the country of residence): the removal waits until it is checked.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Employee, EmployeeAuthorization
from accounts.permissions import can_act_for
from accounts.services.audit import audit_record

from ..models import CoverageRequest, ResidenceStatement
from ..status import Status
from ..worker import worker_copy


@dataclass(frozen=True)
class RemovalPlan:
    """What removing the worker does, as the confirm page says it and the service does it."""

    drafts: list[int]  # the drafts' numbers, deleted
    sent: int  # sent requests, kept with the worker as sent
    authorizations_deleted: int
    authorizations_kept: int


def _plan(employee: Employee) -> RemovalPlan:
    requests = CoverageRequest.objects.filter(employee=employee)
    authorizations = EmployeeAuthorization.objects.filter(employee=employee)
    return RemovalPlan(
        drafts=sorted(requests.filter(status=Status.DRAFT).values_list("pk", flat=True)),
        sent=requests.exclude(status=Status.DRAFT).count(),
        authorizations_deleted=authorizations.filter(used_by_request_id__isnull=True).count(),
        authorizations_kept=authorizations.filter(used_by_request_id__isnull=False).count(),
    )


def removal_plan(*, actor, employee: Employee) -> RemovalPlan:
    if not can_act_for(actor, employee.employer):
        raise PermissionDenied
    return _plan(employee)


def _gone():
    return ValidationError(
        _("This person is no longer in your personnel directory."), code="no_longer_in_directory"
    )


def _check_nothing_waiting(employee: Employee) -> None:
    waiting = list(
        CoverageRequest.objects.filter(employee=employee, status=Status.SUBMITTED)
        .order_by("pk")
        .values_list("transaction_number", flat=True)
    )
    if waiting:
        message = ngettext(
            "Request %(numbers)s for this person is still being checked. Try again in a few minutes.",
            "Requests %(numbers)s for this person are still being checked. Try again in a few minutes.",
            len(waiting),
        ) % {"numbers": ", ".join(waiting)}
        raise ValidationError({"requests": message})


def _delete_file_after_commit(field) -> None:
    if field:
        name, storage = field.name, field.storage
        # After the commit: a removal rolled back keeps its files.
        transaction.on_commit(lambda: storage.delete(name))


def _keep_sent_requests(employee: Employee) -> None:
    sent = CoverageRequest.objects.filter(employee=employee).exclude(status=Status.DRAFT)
    # Every sent request has its copy since it was sent (and the migration filled the older ones);
    # one without is given it now, from the directory as it is, rather than lose the worker.
    for request in sent.filter(worker_as_sent__isnull=True):
        request.worker_as_sent = worker_copy(employee)
        request.save(update_fields=["worker_as_sent"])
    sent.update(employee=None)


def _delete_drafts(drafts: list[int]) -> None:
    for statement in ResidenceStatement.objects.filter(request_id__in=drafts):
        _delete_file_after_commit(statement.file)
    # Newest first: a draft based on an earlier one of the same worker goes before it.
    for draft in CoverageRequest.objects.filter(pk__in=drafts).order_by("-pk"):
        draft.delete()


def _settle_authorizations(employee: Employee) -> None:
    authorizations = EmployeeAuthorization.objects.filter(employee=employee)
    for authorization in authorizations.filter(used_by_request_id__isnull=True):
        _delete_file_after_commit(authorization.file)
        authorization.delete()
    authorizations.update(employee=None)


def employee_remove(
    *, actor, employer, employee_id: int, drafts_seen: list[int] | None = None
) -> RemovalPlan:
    """Remove the worker from `employer`'s directory in one transaction; returns what was done.

    `drafts_seen`: the drafts' numbers the confirm page named. When the drafts changed since (one
    was started or sent meanwhile), nothing is done and the person is asked to read the page again.
    A second removal finds nobody and says so."""
    if not can_act_for(actor, employer):
        raise PermissionDenied
    try:
        with transaction.atomic():
            employee = Employee.objects.select_for_update().filter(pk=employee_id, employer=employer).first()
            if employee is None:
                raise _gone()
            # The requests are locked too: none is sent or saved halfway through the removal.
            list(CoverageRequest.objects.select_for_update().filter(employee=employee).values_list("pk"))
            _check_nothing_waiting(employee)
            plan = _plan(employee)
            if drafts_seen is not None and sorted(drafts_seen) != plan.drafts:
                raise ValidationError(
                    {
                        "drafts": _(
                            "The drafts for this person changed since the page was shown. "
                            "Read what will happen again."
                        )
                    }
                )
            _keep_sent_requests(employee)
            _delete_drafts(plan.drafts)
            _settle_authorizations(employee)
            # The record names the entry by its id, never by the personal number or the name.
            audit_record(
                actor=actor,
                action="employee.removed",
                organisation=employer,
                obj=employee,
                drafts_deleted=plan.drafts,
                sent_requests_kept=plan.sent,
                authorizations_deleted=plan.authorizations_deleted,
                authorizations_kept=plan.authorizations_kept,
            )
            employee.delete()
    except ProtectedError as exc:
        # Something pointed at a draft or the entry that this removal does not settle (another
        # request based on a draft): nothing was removed.
        raise ValidationError(
            _("This person could not be removed: another request refers to one of their drafts.")
        ) from exc
    return plan
