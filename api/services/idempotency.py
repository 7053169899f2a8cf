"""Idempotency-Key on POST: a retried call returns the first call's result instead of acting twice.

The first successful (2xx) response is kept per (user, key) with a hash of the call (method, path, body).
A retry with the same key and the same call gets that response again; the same key on a different
call is refused with 422. The view runs in the same transaction as the record's insert, so two
concurrent calls with one key cannot both act: the second insert fails, its work is rolled back and
it answers with the first call's response.
"""

import datetime as dt
import hashlib
import json
from functools import wraps

from django.db import IntegrityError, transaction
from django.http.request import RawPostDataException
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from coverage_portal.precompiled import PrecompiledRead

from ..errors import errors_response
from ..models import IdempotencyRecord

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
# A record keeps the whole first answer: a new employee's or request's full personal number, date of
# birth and address, a new webhook's secret. Retries come within minutes; after a day the record is
# neither replayed nor kept (purged by records_purge, on the beat schedule: api.apps).
RETENTION = dt.timedelta(hours=24)

# The request header, and the header of a replayed answer (extend_schema(parameters=...)).
IDEMPOTENCY_PARAMETERS = [
    OpenApiParameter(
        name=HEADER,
        type=OpenApiTypes.STR,
        location=OpenApiParameter.HEADER,
        required=False,
        description="A unique value per intended action (a UUID). Retrying the call with the same key "
        "returns the first result instead of acting twice; the same key with a different body is refused "
        "with 422.",
    ),
    OpenApiParameter(
        name="Idempotent-Replayed",
        type=OpenApiTypes.STR,
        location=OpenApiParameter.HEADER,
        response=[200, 201, 202],
        description="true when this is the stored answer to an earlier call with the same Idempotency-Key "
        "(with the first answer's Location).",
    ),
]


# Asked on every call with a key (one record per user and key).
_RECORD = PrecompiledRead(
    lambda user_id, key: IdempotencyRecord.objects.filter(user_id=user_id, key=key).order_by(),
    user_id=int,
    key=str,
)


def _body_digest(request) -> str:
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    try:
        digest.update(request._request.body)
    except RawPostDataException:  # already read as a form (browsable API): hash what was parsed
        data = (
            {k: request.data.getlist(k) for k in request.data}
            if hasattr(request.data, "getlist")
            else request.data
        )
        digest.update(json.dumps(data, sort_keys=True, default=str).encode())
        for name, upload in sorted(request.FILES.items()):
            digest.update(f"{name}:{upload.name}:{upload.size}".encode())
    return digest.hexdigest()


def _replay(record: IdempotencyRecord) -> Response:
    headers = {"Idempotent-Replayed": "true"}
    if record.response_location:
        headers["Location"] = record.response_location
    return Response(record.response_body, status=record.response_status, headers=headers)


def _conflict() -> Response:
    return errors_response(
        [
            {
                "field": HEADER,
                "message": _(
                    "This Idempotency-Key was already used for a different request. "
                    "Use a new key for a new request."
                ),
            }
        ],
        status.HTTP_422_UNPROCESSABLE_ENTITY,
    )


def submission_key_for(user, key: str | None) -> str | None:
    """The request's submission_key for an API key: namespaced per user, so two callers' keys never meet."""
    if not key:
        return None
    return hashlib.sha256(f"api:{user.pk}:{key}".encode()).hexdigest()


def idempotent(method):
    """Decorator for an API view's post(): honour the Idempotency-Key header."""

    @wraps(method)
    def wrapper(self, request, *args, **kwargs):
        key = request.headers.get(HEADER, "").strip()
        if not key:
            return method(self, request, *args, **kwargs)
        if len(key) > MAX_KEY_LENGTH:
            return errors_response(
                [{"field": HEADER, "message": _("The Idempotency-Key must be at most 255 characters.")}],
                status.HTTP_400_BAD_REQUEST,
            )
        digest = _body_digest(request)
        record = _RECORD.first(user_id=request.user.pk, key=key)
        if record is not None and record.created_at < timezone.now() - RETENTION:
            IdempotencyRecord.objects.filter(pk=record.pk).delete()  # past its day: a new call
            record = None
        if record is not None:
            return _replay(record) if record.request_hash == digest else _conflict()
        try:
            with transaction.atomic():
                response = method(self, request, *args, **kwargs)
                if 200 <= response.status_code < 300:
                    body = json.loads(JSONRenderer().render(response.data) or b"null")
                    with transaction.atomic():
                        IdempotencyRecord.objects.create(
                            user=request.user,
                            key=key,
                            method=request.method,
                            path=request.path[:500],
                            request_hash=digest,
                            response_status=response.status_code,
                            response_body=body,
                            response_location=response.headers.get("Location", "")[:500],
                        )
        except IntegrityError:
            record = _RECORD.first(user_id=request.user.pk, key=key)
            if record is None:
                raise
            return _replay(record) if record.request_hash == digest else _conflict()
        return response

    return wrapper


def records_purge() -> int:
    """Delete the records older than RETENTION; returns how many."""
    deleted, _by_model = IdempotencyRecord.objects.filter(created_at__lt=timezone.now() - RETENTION).delete()
    return deleted
