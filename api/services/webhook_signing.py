"""Signatures of webhook deliveries, by the Standard Webhooks specification (standardwebhooks.com).

Every attempt carries webhook-id (the delivery's id, the same on each retry), webhook-timestamp (Unix
seconds of this attempt) and webhook-signature: "v1," and the base64 HMAC-SHA256 of
"{id}.{timestamp}.{body}". The time is inside what is signed, so a receiver that refuses timestamps
more than 5 minutes away (the libraries' tolerance) refuses a captured delivery sent again later;
the id lets it drop one it has already processed within those minutes.

The signing itself is the specification's reference library (standardwebhooks, no dependencies), so
the portal signs exactly as the receivers' libraries verify.
"""

import base64
import binascii
import datetime as dt
import secrets

from django.utils.translation import gettext as _
from standardwebhooks import Webhook as Signer

SECRET_PREFIX = "whsec_"
# The specification asks for 24 to 64 random bytes; 32 is what its own examples use.
SECRET_BYTES = 32
MIN_SECRET_BYTES = 24


class SecretNotUsable(ValueError):
    """A stored secret that is not in the specification's form (only a row written by hand)."""


def new_secret() -> str:
    """whsec_ and the standard base64 of random bytes: the form every Standard Webhooks library reads."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def signing_key(*, secret: str, legacy: bool) -> bytes:
    """The HMAC key. A secret in the standard form gives its decoded bytes.

    A webhook registered before the portal followed the specification has a secret of another form
    (whsec_ and URL-safe characters) whose key was the secret's own characters; it keeps that key,
    so the secret its integrator holds still verifies (the libraries' raw-key form:
    Webhook(secret.encode())). The decoding is strict: a library that decodes leniently would
    derive another key from a malformed secret, and the signatures would fail without saying why."""
    if legacy:
        return secret.encode()
    try:
        key = base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) < MIN_SECRET_BYTES:
        # Shown in the delivery log: the employer can act on it.
        raise SecretNotUsable(
            _("The webhook's secret is not in the whsec_ form; register the address again.")
        )
    return key


def signature_headers(*, key: bytes, message_id: str, body: bytes, at: dt.datetime) -> dict[str, str]:
    """The three headers of one attempt at time `at`."""
    timestamp = int(at.timestamp())
    # The library reads the datetime as UTC and the body as text (it signs the f-string of both).
    signed_at = dt.datetime.fromtimestamp(timestamp, tz=dt.UTC)
    signature = Signer(key).sign(msg_id=message_id, timestamp=signed_at, data=body.decode())
    return {"webhook-id": message_id, "webhook-timestamp": str(timestamp), "webhook-signature": signature}
