"""Personal API tokens: create (the key is returned once), revoke, authenticate."""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.services.audit import audit_record
from coverage_portal.precompiled import PrecompiledRead

from ..models import ApiToken

TOKEN_PREFIX = "a1p_"
# Written at most once a minute per token, so a busy integration does not write on every call.
LAST_USED_RESOLUTION_SECONDS = 60


# Every API call starts here: compiled once per process (coverage_portal/precompiled.py).
_ACTIVE_TOKEN = PrecompiledRead(
    lambda key_hash: (
        ApiToken.objects.select_related("user").filter(key_hash=key_hash, revoked_at__isnull=True).order_by()
    ),
    key_hash=str,
)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def tokens_for(user):
    """The user's own tokens; nobody sees another person's."""
    if not user.is_authenticated:
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=user)


@transaction.atomic
def token_create(*, actor, name: str) -> tuple[ApiToken, str]:
    """A new token for `actor`; returns (token, full key). The key is not stored and never shown again."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name, for example the software that uses it.")})
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=actor, name=name[:100], prefix=key[:8], key_hash=hash_key(key))
    audit_record(actor=actor, action="api_token.created", obj=token, name=token.name)
    return token, key


@transaction.atomic
def token_revoke(*, actor, token: ApiToken) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk, user=actor)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="api_token.revoked", obj=token)
    return token


def token_authenticate(key: str) -> ApiToken | None:
    """The active token with this key whose owner is active, or None. Records when it was last used."""
    if not key or len(key) > 200:
        return None
    token = _ACTIVE_TOKEN.first(key_hash=hash_key(key))
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if (
        token.last_used_at is None
        or (now - token.last_used_at).total_seconds() > LAST_USED_RESOLUTION_SECONDS
    ):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
