"""Messages to employers: an inbox entry for the employer and each representative firm acting for
it, and an e-mail that carries no personal data (only the transaction number and a link)."""

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Mandate, Membership, Organisation
from accounts.permissions import EMPLOYER_ROLES

from ..models import InboxMessage

logger = logging.getLogger(__name__)


def organisations_acting_for(employer: Organisation) -> list[Organisation]:
    """The employer and every representative firm whose mandate is in force today."""
    firm_ids = Mandate.objects.in_force().filter(employer=employer).values("representative_id")
    firms = Organisation.objects.filter(pk__in=firm_ids, status=Organisation.Status.ACTIVE).order_by("pk")
    return [employer, *firms]


def recipient_addresses(employer: Organisation) -> list[str]:
    """E-mail addresses of the employer's active members and the staff of its mandated firms."""
    orgs = organisations_acting_for(employer)
    memberships = Membership.objects.filter(
        organisation__in=orgs, is_active=True, user__is_active=True
    ).select_related("user")
    addresses = []
    for membership in memberships:
        is_employer_role = membership.organisation_id == employer.pk and membership.role in EMPLOYER_ROLES
        is_staff_role = membership.organisation_id != employer.pk
        if (is_employer_role or is_staff_role) and membership.user.email not in addresses:
            addresses.append(membership.user.email)
    return addresses


def inbox_post(
    *, organisation, kind, subject, body, request=None, certificate=None, dedup_key=""
) -> InboxMessage:
    """One message; with `dedup_key` a repeated call returns the first message (idempotent tasks)."""
    if dedup_key:
        existing = InboxMessage.objects.filter(organisation=organisation, dedup_key=dedup_key).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            return InboxMessage.objects.create(
                organisation=organisation,
                kind=kind,
                subject=subject,
                body=body,
                request=request,
                certificate=certificate,
                dedup_key=dedup_key,
            )
    except IntegrityError:  # a concurrent run posted it first
        return InboxMessage.objects.get(organisation=organisation, dedup_key=dedup_key)


def notify_employer(*, request, kind, subject, body, certificate=None, dedup_key="") -> list[InboxMessage]:
    """Post to the inboxes of everyone acting for the request's employer and e-mail them after commit.

    The e-mail names the transaction number only: no worker name, no personal number."""
    messages = []
    new = False
    for org in organisations_acting_for(request.employer):
        before = (
            InboxMessage.objects.filter(organisation=org, dedup_key=dedup_key).exists()
            if dedup_key
            else False
        )
        messages.append(
            inbox_post(
                organisation=org,
                kind=kind,
                subject=subject,
                body=body,
                request=request,
                certificate=certificate,
                dedup_key=dedup_key,
            )
        )
        new = new or not before
    if new:
        addresses = recipient_addresses(request.employer)
        number = request.transaction_number
        language = request.language
        employer_name = request.employer.name
        transaction.on_commit(lambda: _queue_email(addresses, number, language, employer_name))
    return messages


def _queue_email(
    addresses: list[str], transaction_number: str, language: str = "", employer_name: str = ""
) -> None:
    from ..tasks import BROKER_ERRORS
    from ..tasks import send_notification_email as task

    try:
        task.delay(addresses, transaction_number, language, employer_name)
    except BROKER_ERRORS:  # the inbox already has the message; the e-mail is a courtesy
        logger.warning("broker unavailable; notification e-mail for %s not queued", transaction_number)


def email_language(language: str) -> str:
    """The request's language when the portal speaks it, else the portal's default."""
    available = {code for code, _name in settings.LANGUAGES}
    return language if language in available else settings.LANGUAGE_CODE


def in_request_language(request):
    """Texts for the employer (inbox and e-mail) in the language chosen in the request."""
    return translation.override(email_language(request.language))


def send_notification_email(
    addresses: list[str], transaction_number: str, language: str = "", employer_name: str = ""
) -> None:
    """In the language chosen in the request (the task has no HTTP request to take one from).

    The body names the employer (a company, not personal data): a consultant who acts for many
    clients sees only the client's messages in the inbox, and must know which client to choose.
    Tasks queued before the name was passed still send the text without it."""
    if not addresses:
        return
    with translation.override(email_language(language)):
        link = settings.PORTAL_BASE_URL + reverse("casework:inbox")
        subject = _("New message about request %(number)s") % {"number": transaction_number}
        values = {
            "number": transaction_number,
            "employer": employer_name,
            "link": link,
            "institution": settings.PORTAL_INSTITUTION["name"],
        }
        if employer_name:
            body = (
                _(
                    "There is a new message about request %(number)s of %(employer)s in your inbox on the "
                    "A1 portal.\n\nLog in to read it: %(link)s\nIf you act for several employers, choose "
                    "%(employer)s at the top of the page.\n\n%(institution)s"
                )
                % values
            )
        else:
            body = (
                _(
                    "There is a new message about request %(number)s in your inbox on the A1 portal.\n\n"
                    "Log in to read it: %(link)s\n\n%(institution)s"
                )
                % values
            )
    # One e-mail per address: recipients of different firms do not see each other.
    send_mass_mail(
        [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses],
        fail_silently=False,
    )
