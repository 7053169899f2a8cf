"""The one status machine of a request, as an explicit table (tested transition by transition).

Internal statuses are finer than what the employer sees: the NSSO service shows only
In progress, Closed and Cancelled, with the decision Approved or Rejected once closed.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Received")
    IN_REVIEW = "in_review", _("In review")
    INFO_REQUESTED = "info_requested", _("Information requested")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class Decision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED, Status.CANCELLED}),
    Status.SUBMITTED: frozenset({Status.IN_REVIEW, Status.CANCELLED}),
    Status.IN_REVIEW: frozenset({Status.INFO_REQUESTED, Status.CLOSED, Status.CANCELLED}),
    Status.INFO_REQUESTED: frozenset({Status.IN_REVIEW, Status.CLOSED, Status.CANCELLED}),
    # Cancelling a closed (approved) request withdraws its certificate.
    Status.CLOSED: frozenset({Status.CANCELLED}),
    Status.CANCELLED: frozenset(),
}

# What the employer sees (NSSO wording).
PUBLIC_STATUS = {
    Status.DRAFT: _("Draft"),
    Status.SUBMITTED: _("In progress"),
    Status.IN_REVIEW: _("In progress"),
    Status.INFO_REQUESTED: _("In progress"),
    Status.CLOSED: _("Closed"),
    Status.CANCELLED: _("Cancelled"),
}
IN_PROGRESS = frozenset({Status.SUBMITTED, Status.IN_REVIEW, Status.INFO_REQUESTED})


class IllegalTransition(Exception):
    def __init__(self, from_status: str, to_status: str):
        super().__init__(f"A request cannot go from {from_status!r} to {to_status!r}.")
        self.from_status = from_status
        self.to_status = to_status


def check_transition(from_status: str, to_status: str) -> None:
    if to_status not in ALLOWED_TRANSITIONS.get(from_status, frozenset()):
        raise IllegalTransition(from_status, to_status)
