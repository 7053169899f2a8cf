"""Unsent drafts are not kept for ever (GDPR Art. 5(1)(e), storage limitation).

A draft holds a worker's personal number, address and the answers typed so far, and possibly the
residence state's statement (a PDF). Nobody has asked the institution anything yet: there is no
decision to keep a record of. A draft that nobody changed for DRAFT_RETENTION is deleted with what
hangs on it; DRAFT_NOTICE_BEFORE that, everyone acting for the employer finds a message in the inbox
(once per last save: saving the draft again starts the period again, and a later notice is new).
A sent request is never touched here: it is the record of a public decision.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.services.audit import audit_record

from ..models import CoverageRequest, ResidenceStatement
from ..status import Status

logger = logging.getLogger(__name__)

# Long enough for an employer to wait for a worker's documents or a contract (a posting is usually
# asked for weeks, not months, ahead: the NSSO and SVB ask for the request before the work starts),
# short enough that a draft someone forgot does not keep a worker's data for years.
DRAFT_RETENTION = dt.timedelta(days=90)
# Two weeks' warning: time to come back from a holiday and send or save the draft.
DRAFT_NOTICE_BEFORE = dt.timedelta(days=14)


def draft_deleted_on(draft: CoverageRequest) -> dt.date:
    """The day an untouched draft is deleted (the drafts list and the notice say it)."""
    return timezone.localdate(draft.updated_at + DRAFT_RETENTION)


def _expired_drafts(now: dt.datetime):
    return CoverageRequest.objects.filter(status=Status.DRAFT, updated_at__lt=now - DRAFT_RETENTION)


def drafts_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the drafts not saved for DRAFT_RETENTION, and their statements' files; returns how many.

    Each draft is locked and checked again (a person may be saving it this moment, or sending it),
    so a draft resumed or sent meanwhile stays. Running it twice deletes nothing more."""
    now = now or timezone.now()
    deleted = 0
    for pk in _expired_drafts(now).order_by("pk").values_list("pk", flat=True):
        try:
            with transaction.atomic():
                draft = _expired_drafts(now).select_for_update().filter(pk=pk).first()
                if draft is None:
                    continue
                statement = ResidenceStatement.objects.filter(request=draft).first()
                if statement is not None and statement.file:
                    name, storage = statement.file.name, statement.file.storage
                    # After the commit: a rolled-back delete keeps its file.
                    transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
                audit_record(
                    actor=None,
                    action="request.draft_expired",
                    organisation=draft.employer,
                    obj=draft,
                    last_saved=draft.updated_at.isoformat(),
                )
                draft.delete()
                deleted += 1
        except ProtectedError:  # another request was based on it: kept, and said in the log
            logger.warning("draft %s not deleted: another request refers to it", pk)
    return deleted


def drafts_warn(*, now: dt.datetime | None = None) -> int:
    """Tell everyone acting for the employer, DRAFT_NOTICE_BEFORE ahead, that a draft will be deleted.
    Returns how many drafts were newly announced (a repeated run announces none again)."""
    from casework.models import InboxMessage
    from casework.services.notify import in_request_language, inbox_post, organisations_acting_for

    now = now or timezone.now()
    due = CoverageRequest.objects.filter(
        status=Status.DRAFT,
        updated_at__lt=now - (DRAFT_RETENTION - DRAFT_NOTICE_BEFORE),
        updated_at__gte=now - DRAFT_RETENTION,
    ).select_related("employer")
    announced = 0
    for draft in due.order_by("pk"):
        # Per draft and last save: said once, and said again only if the draft was saved since.
        key = f"draft-expiry:{draft.pk}:{draft.updated_at:%Y%m%d%H%M%S}"
        organisations = organisations_acting_for(draft.employer)
        if InboxMessage.objects.filter(organisation__in=organisations, dedup_key=key).count() == len(
            organisations
        ):
            continue
        with in_request_language(draft):
            values = {
                "number": draft.pk,
                "days": DRAFT_RETENTION.days,
                "type": draft.get_type_display(),
                "saved": formats.date_format(timezone.localdate(draft.updated_at), "DATE_FORMAT"),
                "date": formats.date_format(draft_deleted_on(draft), "DATE_FORMAT"),
                "link": settings.PORTAL_BASE_URL + reverse("postings:wizard", args=[draft.pk]),
            }
            subject = _("Draft %(number)s will be deleted on %(date)s") % values
            # A firm acts for many clients, and its copy is not about one of its own requests: it
            # names the client, so the consultant knows which one to choose.
            firm_subject = _("Draft %(number)s of %(client)s will be deleted on %(date)s") % {
                **values,
                "client": draft.employer.name,
            }
            # No worker's name or number: the message stays after the draft is gone.
            body = (
                _(
                    "Your draft number %(number)s (%(type)s) was last saved on %(saved)s and has not "
                    "been sent. Unsent drafts are deleted %(days)s days after they were last saved, so "
                    "this draft and the documents uploaded with it will be deleted on %(date)s.\n\n"
                    "To keep it, continue the request and send it, or save a step again: %(link)s\n\n"
                    "If you no longer need it, you need not do anything."
                )
                % values
            )
        for organisation in organisations:
            inbox_post(
                organisation=organisation,
                kind=InboxMessage.Kind.NOTICE,
                subject=subject if organisation.pk == draft.employer_id else firm_subject,
                body=body,
                dedup_key=key,
            )
        announced += 1
    return announced
