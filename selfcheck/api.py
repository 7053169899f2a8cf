"""``POST /api/v1/determinations/``: the engine's HTTP door (contract: determination.md)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ParseError, UnsupportedMediaType
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from api.parsers import JSONParser
from api.schema import RETRY_AFTER
from api.throttling import AddressRateThrottle

from .services import determine_payload

EXAMPLE_SITUATION = {
    "reference_date": "2024-06-01",
    "residence": "NL",
    "employment_type": "employed",
    "work": [{"country": "BE", "time_pct": 100, "remuneration_pct": 100, "activity": "employed"}],
    "employers": [{"seat": "NL", "substantial_activity_in_seat": True}],
    "posting": {
        "sending_state": "NL",
        "host_state": "BE",
        "start": "2024-03-01",
        "end": "2025-02-28",
        "replaces_posted_worker": False,
        "insured_in_sending_state_months_before": 12,
        "direct_relationship_maintained": True,
        "placed_at_disposal_of_third_undertaking": False,
        "previous_posting_same_employer_host_end": None,
        "art16_agreement": None,
    },
}
EXAMPLE_DETERMINATION = {
    "legislation": "NL",
    "provision": {"instrument": "883/2004", "article": "12(1)"},
    "transitional": None,
    "provisional": False,
    "certificate": "PD A1",
    "a1_status_code": "01",
    "period": {"start": "2024-03-01", "end": "2025-02-28"},
    "reasons": [
        {
            "code": "ART12_1_MAX_24_MONTHS",
            "provision": "Reg. 883/2004 Art. 12(1)",
            "passed": True,
            "explanation": "The planned posting lasts 12 months; the limit is 24 months.",
        }
    ],
    "warnings": [],
}
EXAMPLE_ERRORS = {
    "errors": [
        {
            "field": "work[0].country",
            "message": "'XX' is not an ISO 3166-1 alpha-2 country code in upper case.",
        },
        {"field": "posting.end", "message": "The posting cannot end before it starts."},
    ]
}


class DeterminationView(APIView):
    """Which state's social security legislation applies, under which provision, and why."""

    permission_classes = [AllowAny]
    authentication_classes: list = []  # public and stateless: no session, so no CSRF either
    parser_classes = [JSONParser]
    throttle_classes = [AddressRateThrottle]

    @extend_schema(
        operation_id="determinations_create",
        summary="Determine the applicable legislation",
        description=(
            "Send one situation, or a list of situations, as JSON. The answer is the determination "
            "(or a list in the same order). Invalid input gives 400 with every error and its field path; "
            "for a list the path starts with the item index, e.g. `[3].work[0].country`. The messages "
            "are in the language the Accept-Language header asks for (en, nl, fr, de; English otherwise); "
            "the field paths are the same in every language."
        ),
        request=OpenApiTypes.OBJECT,
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="The determination, or a list of them"),
            400: OpenApiResponse(OpenApiTypes.OBJECT, description='{"errors": [{"field", "message"}]}'),
            413: OpenApiResponse(OpenApiTypes.OBJECT, description="The body is too large (at most 10 MB)."),
            429: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="Too many calls from this address (120 a minute); wait as Retry-After says.",
            ),
        },
        parameters=[RETRY_AFTER],
        examples=[
            OpenApiExample("Posting NL to BE", value=EXAMPLE_SITUATION, request_only=True),
            OpenApiExample(
                "Determination", value=EXAMPLE_DETERMINATION, response_only=True, status_codes=["200"]
            ),
            OpenApiExample(
                "Invalid situation", value=EXAMPLE_ERRORS, response_only=True, status_codes=["400"]
            ),
        ],
        tags=["determinations"],
    )
    def post(self, request, *args, **kwargs):
        try:
            payload = request.data
        except (ParseError, UnsupportedMediaType) as exc:
            return _bad_body(str(exc.detail))
        except RecursionError:  # absurdly deep nesting is still only bad input
            return _bad_body("nested too deeply")
        ok, body = determine_payload(payload)
        return Response(body, status=status.HTTP_200_OK if ok else status.HTTP_400_BAD_REQUEST)


def _bad_body(detail: str) -> Response:
    return Response(
        {
            "errors": [
                {
                    "field": "",
                    "message": _("The body is not a JSON situation: %(detail)s") % {"detail": detail},
                }
            ]
        },
        status=status.HTTP_400_BAD_REQUEST,
    )
