"""drf-spectacular: the bearer token's security scheme, the error answers and the response headers."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_mocked_view
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token created in the portal (Account → API tokens). "
            "It acts with exactly the rights of the person who created it.",
        }


class ErrorItemSerializer(serializers.Serializer):
    field = serializers.CharField(
        help_text="Path of the input that is wrong (places[0].country, conditions.start); empty for the call."
    )
    message = serializers.CharField(help_text="What is wrong, in plain words.")


class ErrorSerializer(serializers.Serializer):
    errors = ErrorItemSerializer(many=True, help_text="Every problem found.")


ERROR_CODES = {
    "400": "The input is not valid; every problem is listed with its field path.",
    "401": "No token, or a token that is not valid or revoked.",
    "403": "Not allowed.",
    "404": "Not found, or not yours to see.",
    "405": "Method not allowed.",
    "406": "Cannot answer in the media type asked for.",
    "409": "Not possible in the request's current status.",
    "413": "The body is too large (at most 10 MB).",
    "415": "Unsupported media type.",
    "422": "The Idempotency-Key was used for a different call.",
    "429": "Too many calls; wait as long as Retry-After says.",
}


WRITE_ONLY_CODES = {"413", "415", "422"}


def response_header(name, codes, description):
    return OpenApiParameter(
        name, OpenApiTypes.STR, OpenApiParameter.HEADER, response=codes, description=description
    )


# drf-spectacular puts each on the responses with those codes that an operation has.
RETRY_AFTER = response_header("Retry-After", [429], "Seconds to wait before the next call.")
RESPONSE_HEADERS = [
    response_header("Location", [201, 202], "URL of the new object (of the import job: poll it)."),
    RETRY_AFTER,
    response_header("WWW-Authenticate", [401], 'Bearer realm="api": send a token.'),
]


class ApiAutoSchema(AutoSchema):
    """Every operation documents the API's error answers, all in the one error shape, and the
    headers its answers carry."""

    def _get_serializer_name(self, serializer, direction, bypass_extensions=False):
        # A serializer whose fields are all optional is the same model partial or not: its PATCH body
        # keeps its name, so the request's answers, read and sent, are one model (Answers).
        name = super()._get_serializer_name(serializer, direction, bypass_extensions)
        if name.startswith("Patched") and getattr(serializer, "same_model_when_partial", False):
            return name.removeprefix("Patched")
        return name

    def get_override_parameters(self):
        # extend_schema's parameters are added after these (its schema subclasses this one).
        return [*super().get_override_parameters(), *RESPONSE_HEADERS]

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code, description in ERROR_CODES.items():
            if code in WRITE_ONLY_CODES and self.method not in ("POST", "PUT", "PATCH"):
                continue
            if code not in responses:
                response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
                response["description"] = description
                responses[code] = response
        return responses

    def _get_callbacks(self):
        # drf-spectacular (0.30) leaves a callback's parameters out; a webhook delivery's headers
        # (its signature) are what a receiver needs most, so they are added from the same extend_schema.
        callbacks = super()._get_callbacks()
        for callback in self.get_callbacks():
            decorators = callback.decorator
            if not isinstance(decorators, dict):
                decorators = {"post": decorators}
            for method, decorator in decorators.items():
                if isinstance(decorator, dict):
                    continue  # a raw schema: already as written
                view = build_mocked_view(
                    method=method,
                    path=callback.path,
                    extend_schema_decorator=decorator,
                    registry=self.registry,
                )
                parameters = list(view.schema._process_override_parameters().values())
                if parameters:
                    callbacks[callback.name][callback.path][method.lower()]["parameters"] = parameters
        return callbacks
