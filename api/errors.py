"""One JSON error shape for the whole API: `{"errors": [{"field": "places[0].country", "message": "..."}]}`.

`field` is the path of the input that is wrong (dots for keys, [n] for list items), "" when the error is
about the call as a whole. Registered as REST_FRAMEWORK["EXCEPTION_HANDLER"]; it also turns the
exceptions the services raise (django ValidationError / PermissionDenied, IllegalTransition) into
400 / 403 / 409 answers, so a service refusing something never becomes a 500, and a body over
DATA_UPLOAD_MAX_MEMORY_SIZE into a 413 (Django would answer with its HTML "Bad Request (400)" page).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

from postings.status import IllegalTransition

NON_FIELD_KEYS = {api_settings.NON_FIELD_ERRORS_KEY, "__all__", "non_field_errors"}


def join_path(prefix: str, key) -> str:
    if isinstance(key, int):
        return f"{prefix}[{key}]"
    if key in NON_FIELD_KEYS or key in ("", None):
        return prefix
    return f"{prefix}.{key}" if prefix else str(key)


def flatten(detail, prefix: str = "") -> list[dict]:
    """DRF's nested error detail (dicts, lists, strings) as a flat list of {field, message}."""
    if isinstance(detail, dict):
        out = []
        for key, value in detail.items():
            out += flatten(value, join_path(prefix, key))
        return out
    if isinstance(detail, list | tuple):
        # A list of messages for one field, or one entry per item of a list field.
        if all(isinstance(item, str) for item in detail):
            return [{"field": prefix, "message": str(item)} for item in detail]
        out = []
        for index, item in enumerate(detail):
            if isinstance(item, str):
                out.append({"field": prefix, "message": str(item)})
            elif item:  # an item without errors is {} or []
                out += flatten(item, join_path(prefix, index))
        return out
    return [{"field": prefix, "message": str(detail)}]


def django_validation_detail(exc: DjangoValidationError, prefix: str = ""):
    if hasattr(exc, "error_dict"):
        return {
            join_path(prefix, k) or "": [str(m) for e in v for m in e.messages]
            for k, v in exc.error_dict.items()
        }
    return {prefix: [str(m) for m in exc.messages]} if prefix else list(map(str, exc.messages))


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE

    def __init__(self):
        size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        super().__init__(_("The request body is too large: at most %(size)s MB.") % {"size": size})


def errors_response(errors: list[dict], status_code: int, headers=None) -> Response:
    return Response({"errors": errors}, status=status_code, headers=headers)


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(django_validation_detail(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Not found."))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(_("You may not do this."))
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, IllegalTransition):
        set_rollback()
        return errors_response(
            [{"field": "status", "message": _("This is not possible while the request has this status.")}],
            status.HTTP_409_CONFLICT,
        )
    if not isinstance(exc, exceptions.APIException):
        return None  # a real bug: let Django log it
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    set_rollback()
    errors = flatten(exc.detail)
    if not errors:
        errors = [{"field": "", "message": str(exc.default_detail)}]
    return errors_response(errors, exc.status_code, headers)
