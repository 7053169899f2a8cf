"""Reads, scoped by the permission rule: an id from another employer finds nothing (404)."""

import datetime as dt
from collections import Counter

from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone

from accounts.acting import get_acting_employer, raise_if_of_another_employer
from accounts.models import Membership, Organisation
from accounts.permissions import can_act_for, employer_list_for
from postings.models import CoverageRequest
from postings.status import IN_PROGRESS

from .models import Certificate, InboxMessage
from .signing import signature_matches


def inbox_for(http_request):
    """Messages for the employer the person acts for now: the employer's own copy for its staff,
    the firm's copy (about that employer's requests) for representative staff."""
    employer = get_acting_employer(http_request)
    if employer is None:
        return InboxMessage.objects.none()
    user = http_request.user
    member_of = Membership.objects.filter(user=user, is_active=True).values("organisation_id")
    return InboxMessage.objects.filter(
        Q(organisation=employer, organisation_id__in=member_of)
        | Q(organisation_id__in=member_of, request__employer=employer)
        # A firm's notice about no request (a client's draft to be deleted, which the message
        # outlives): shown whichever client is chosen; its link offers to switch to the right one.
        | Q(
            organisation_id__in=member_of,
            organisation__kind=Organisation.Kind.REPRESENTATIVE,
            request__isnull=True,
        )
    ).select_related("request", "certificate")


def inbox_message_for(http_request, pk: int) -> InboxMessage | None:
    """The message, or None; raises OfAnotherEmployer for a message (of the person's own
    organisations) about another employer they may act for, so the page can offer to switch."""
    message = inbox_for(http_request).filter(pk=pk).first()
    if message is None:
        about = _own_messages(http_request.user).filter(pk=pk).values_list("request__employer_id", flat=True)
        raise_if_of_another_employer(http_request.user, about)
    return message


def unread_elsewhere(http_request) -> list[dict]:
    """Unread messages about the other employers the person may act for, counted per employer: the
    inbox shows only the acting employer's, and a consultant must not miss a client's."""
    user, employer = http_request.user, get_acting_employer(http_request)
    others = [e for e in employer_list_for(user) if employer is None or e.pk != employer.pk]
    if not others:
        return []
    counts = dict(
        _own_messages(user)
        .filter(read_at__isnull=True, request__employer__in=others)
        .values_list("request__employer_id")
        .annotate(n=Count("pk"))
    )
    return [{"employer": e, "unread": counts[e.pk]} for e in others if counts.get(e.pk)]


def _own_messages(user):
    member_of = Membership.objects.filter(user=user, is_active=True).values("organisation_id")
    return InboxMessage.objects.filter(organisation_id__in=member_of)


def certificate_for_download(user, pk: int) -> Certificate | None:
    certificate = Certificate.objects.select_related("request__employer").filter(pk=pk).first()
    if certificate is None or not certificate.pdf or not can_act_for(user, certificate.request.employer):
        return None
    return certificate


def certificate_lookup(
    number: str, *, birth_date: dt.date | None = None, signature: str = ""
) -> Certificate | None:
    """The certificate when the number and the holder's birth date (or the QR signature) match;
    None otherwise, without telling which part was wrong."""
    number = (number or "").strip().upper()
    if not number or len(number) > 65:
        return None
    certificate = Certificate.objects.select_related("request").filter(number=number).first()
    if certificate is None:
        return None
    if signature:
        return certificate if signature_matches(number, certificate.holder, signature) else None
    if birth_date is not None and certificate.holder.get("birth_date") == birth_date.isoformat():
        return certificate
    return None


def dashboard_figures(weeks: int = 12) -> dict:
    requests = CoverageRequest.objects.exclude(status="draft")
    per_status = dict(requests.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    per_state = list(
        # One posting is one request here too: its corrected re-issue is not counted again.
        requests.exclude(state_of_work="")
        .filter(corrects__isnull=True)
        .values_list("state_of_work")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("state_of_work", "n")[:12]
    )
    since = timezone.now() - dt.timedelta(weeks=weeks)
    per_week = list(
        # A corrected re-issue (casework.services.correction) is made by the institution, not sent.
        requests.filter(submitted_at__gte=since, corrects__isnull=True)
        .annotate(week=TruncWeek("submitted_at"))
        .values_list("week")
        .annotate(n=Count("pk"))
        .order_by("week")
        .values_list("week", "n")
    )
    now = timezone.now()
    ages = Counter()
    buckets = [(1, "< 1 day"), (3, "1-3 days"), (7, "3-7 days"), (14, "1-2 weeks"), (None, "> 2 weeks")]
    for submitted in requests.filter(status__in=IN_PROGRESS).values_list("submitted_at", flat=True):
        days = (now - (submitted or now)).total_seconds() / 86400
        for limit, label in buckets:
            if limit is None or days < limit:
                ages[label] += 1
                break
    return {
        "per_status": per_status,
        "per_state": per_state,
        "per_week": per_week,
        "queue_age": [(label, ages[label]) for _, label in buckets],
    }
