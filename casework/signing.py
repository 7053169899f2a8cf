"""The verification code printed in the QR link: HMAC-SHA256 over the certificate number and the
holder's data, with its own key (settings.CERTIFICATE_SIGNING_KEY). An altered number fails."""

import hashlib
import hmac

from django.conf import settings


def _message(number: str, holder: dict) -> bytes:
    parts = [
        number.strip().upper(),
        str(holder.get("birth_date", "")),
        str(holder.get("family_name", "")).casefold(),
        str(holder.get("given_names", "")).casefold(),
    ]
    return "|".join(parts).encode()


def certificate_signature(number: str, holder: dict) -> str:
    digest = hmac.new(settings.CERTIFICATE_SIGNING_KEY.encode(), _message(number, holder), hashlib.sha256)
    return digest.hexdigest()[:32]


def signature_matches(number: str, holder: dict, signature: str) -> bool:
    return hmac.compare_digest(certificate_signature(number, holder), (signature or "").strip().lower())
