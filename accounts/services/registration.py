"""Registration of an organisation online, the activation letter and activation with its code."""

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import conf
from ..models import ActivationLetter, Membership, Organisation, User
from ..pdf import render_pdf
from .audit import audit_record

# No 0/O, 1/I/L: the code is typed from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class ActivationError(Exception):
    """The code cannot activate the organisation; `str(exc)` tells the person why."""


class NotEligible(Exception):
    """Employers established outside the issuing state apply on paper."""


def hash_code(code: str) -> str:
    normalised = code.replace("-", "").replace(" ", "").upper()
    return hmac.new(settings.SECRET_KEY.encode(), normalised.encode(), hashlib.sha256).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@transaction.atomic
def organisation_register(
    *, kind, organisation_data: dict, admin_data: dict
) -> tuple[Organisation, User, str]:
    """Create a pending organisation, its first administrator and the activation letter.

    `admin_data`: first_name, last_name, email, password. Returns (organisation, user, code); the code
    is only ever shown in the letter.
    """
    organisation = Organisation(kind=kind, status=Organisation.Status.PENDING, **organisation_data)
    if kind == Organisation.Kind.EMPLOYER and not organisation.established_in_issuing_state:
        raise NotEligible
    organisation.save()
    data = dict(admin_data)
    password = data.pop("password")
    user = User.objects.create_user(password=password, **data)
    if kind == Organisation.Kind.EMPLOYER:
        Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.EMPLOYER_ADMIN)
    else:
        Membership.objects.create(
            user=user, organisation=organisation, role=Membership.Role.REPRESENTATIVE_STAFF, is_org_admin=True
        )
    audit_record(actor=user, action="organisation.registered", organisation=organisation, obj=organisation)
    _letter, code = letter_issue(actor=user, organisation=organisation)
    return organisation, user, code


@transaction.atomic
def letter_issue(*, actor, organisation) -> tuple[ActivationLetter, str]:
    """A new letter with a fresh code; earlier unused letters stop working."""
    now = timezone.now()
    organisation.activation_letters.filter(used_at__isnull=True, superseded_at__isnull=True).update(
        superseded_at=now
    )
    code = new_code()
    letter = ActivationLetter.objects.create(
        organisation=organisation,
        code_hash=hash_code(code),
        created_at=now,
        expires_at=now + dt.timedelta(days=conf.activation_code_days()),
    )
    admin = (
        organisation.memberships.filter(is_active=True).select_related("user").order_by("created_at").first()
    )
    pdf = render_pdf(
        "accounts/pdf/activation_letter.html",
        {
            "organisation": organisation,
            "code": code,
            "letter": letter,
            "addressee": admin.user if admin else None,
            "activation_url": settings.PORTAL_BASE_URL + reverse("accounts:activate"),
        },
    )
    letter.pdf.save("letter.pdf", ContentFile(pdf), save=True)
    audit_record(actor=actor, action="activation_letter.issued", organisation=organisation, obj=letter)
    return letter, code


@transaction.atomic
def letter_mark_sent(*, actor, letter: ActivationLetter) -> ActivationLetter:
    """The caseworker posted the letter. The PDF (the only copy of the code) is deleted."""
    letter = ActivationLetter.objects.select_for_update().get(pk=letter.pk)
    if letter.sent_at is not None:
        return letter
    letter.sent_at = timezone.now()
    letter.sent_by = actor
    if letter.pdf:
        letter.pdf.delete(save=False)
    letter.save()
    audit_record(actor=actor, action="activation_letter.sent", organisation=letter.organisation, obj=letter)
    return letter


def organisation_activate(*, email: str, code: str) -> Organisation:
    """Activate the organisation whose administrator has `email`, with the code from the letter.

    A wrong code counts against the letter (committed even though activation fails); after too many the
    letter is void.
    """
    failure = _("The e-mail address and activation code do not match an organisation waiting for activation.")
    membership = (
        Membership.objects.filter(
            user__email__iexact=(email or "").strip(),
            organisation__status=Organisation.Status.PENDING,
            is_active=True,
        )
        .select_related("organisation", "user")
        .first()
    )
    if membership is None:
        raise ActivationError(failure)
    organisation = membership.organisation
    with transaction.atomic():
        letter = (
            ActivationLetter.objects.select_for_update()
            .filter(organisation=organisation, used_at__isnull=True, superseded_at__isnull=True)
            .order_by("-created_at")
            .first()
        )
        if letter is None:
            raise ActivationError(failure)
        if letter.failed_attempts >= conf.activation_max_attempts():
            raise ActivationError(
                _("Too many wrong codes were entered. Contact us and we will post you a new letter.")
            )
        if letter.expires_at < timezone.now():
            raise ActivationError(
                _("This activation code has expired. Contact us and we will post you a new one.")
            )
        if not hmac.compare_digest(letter.code_hash, hash_code(code or "")):
            letter.failed_attempts += 1
            letter.save(update_fields=["failed_attempts"])
            audit_record(actor=None, action="activation.failed", organisation=organisation, obj=letter)
            # Leave the atomic block normally so the attempt is counted, then tell the person.
            wrong = True
        else:
            wrong = False
            letter.used_at = timezone.now()
            letter.save(update_fields=["used_at"])
            organisation.status = Organisation.Status.ACTIVE
            organisation.save(update_fields=["status"])
            audit_record(actor=membership.user, action="organisation.activated", organisation=organisation)
    if wrong:
        raise ActivationError(failure)
    return organisation
