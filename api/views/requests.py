"""Requests: drafts (create, update, validate, submit, discard), the consult list, detail with history,
cancel, extend, and the certificate. Every write goes through postings' services."""

from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from postings.filters import RequestFilter
from postings.forms.steps import StatementForm
from postings.models import CoverageRequest, RequestEvent, ResidenceStatement
from postings.selectors import (
    any_request_get,
    certificate_of,
    drafts_for,
    employees_for,
    request_get,
    requests_for,
)
from postings.services.draft_retention import DRAFT_RETENTION
from postings.services.drafts import (
    draft_create,
    draft_discard,
    draft_extend,
    draft_save,
    draft_send,
    residence_statement_save,
)
from postings.services.lifecycle import request_cancel
from postings.services.validation import flag_message, validation_flags
from postings.status import IllegalTransition, Status

from ..errors import errors_response
from ..request_answers import clean_steps, missing_steps, statement_missing, statement_needed
from ..serializers.certificates import CertificateSerializer
from ..serializers.requests import (
    AnswersSerializer,
    CancelSerializer,
    DraftCreateSerializer,
    ExtendSerializer,
    RequestDetailSerializer,
    RequestSerializer,
    StatementUploadSerializer,
    ValidationResultSerializer,
)
from ..services.idempotency import IDEMPOTENCY_PARAMETERS, idempotent, submission_key_for
from .base import EmployerMixin
from .examples import REQUEST_EXAMPLES

_EVENTS = Prefetch("events", queryset=RequestEvent.objects.order_by("at", "pk"))


class RequestObjectMixin(EmployerMixin):
    def get_request_object(self, sent_only=False):
        select = request_get if sent_only else any_request_get
        return select(self.request.user, self.get_employer(), self.kwargs["pk"])

    def detail_response(self, obj, status_code=status.HTTP_200_OK, *, read_again=True):
        # After a write, the request is read again as stored (its worker and certificate joined, one
        # compiled query); a request just read is shown as it is. Its history comes with it.
        if read_again:
            obj = any_request_get(self.request.user, self.get_employer(), obj.pk)
        prefetch_related_objects([obj], _EVENTS)
        headers = self.location("request", obj.pk) if status_code == status.HTTP_201_CREATED else None
        return Response(
            RequestDetailSerializer(obj, context={"request": self.request}).data,
            status=status_code,
            headers=headers,
        )

    def require_draft(self, obj):
        if obj.status != Status.DRAFT:
            raise IllegalTransition(obj.status, Status.DRAFT)

    def clean(self, kind, given, current):
        answers, errors = clean_steps(
            kind=kind,
            given=given,
            current=current,
            employees=employees_for(self.request.user, self.get_employer()),
        )
        if errors:
            return None, errors_response(errors, status.HTTP_400_BAD_REQUEST)
        return answers, None


@extend_schema_view(
    get=extend_schema(
        summary="Sent requests (the consult list)",
        description="The same filters and sorting as the consult page; drafts are listed at /drafts/.",
        tags=["requests"],
    ),
    post=extend_schema(
        summary="Create a draft request",
        description="Give the type and any of the wizard's steps; every step given is checked in full. "
        "Send it with /submit/ when complete.",
        tags=["requests"],
        request=DraftCreateSerializer,
        responses={201: RequestDetailSerializer},
        parameters=IDEMPOTENCY_PARAMETERS,
        examples=REQUEST_EXAMPLES,
    ),
)
class RequestListCreate(RequestObjectMixin, generics.ListAPIView):
    serializer_class = RequestSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = RequestFilter

    def get_queryset(self):
        corrected_by = CoverageRequest.objects.filter(corrects=OuterRef("pk")).values("pk")[:1]
        return (
            requests_for(self.request.user, self.get_employer())
            .select_related("certificate")
            .annotate(corrected_by_id=Subquery(corrected_by))
        )

    @idempotent
    def post(self, request, *args, **kwargs):
        serializer = DraftCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        given = dict(serializer.validated_data)
        kind = given.pop("type")
        given.setdefault("address", {"temp_differs": False})
        answers, error = self.clean(kind, given, {})
        if error is not None:
            return error
        draft = draft_create(
            actor=request.user,
            employer=self.get_employer(),
            kind=kind,
            answers=answers,
            wizard_step=answers["_wizard"]["step"],
        )
        return self.detail_response(draft, status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="Draft requests",
        description=f"A draft not changed for {DRAFT_RETENTION.days} days is deleted; two weeks before, "
        "the employer's inbox says so. Sent requests are kept.",
        tags=["requests"],
    )
)
class DraftList(EmployerMixin, generics.ListAPIView):
    serializer_class = RequestSerializer
    filter_backends: list = []

    def get_queryset(self):
        return drafts_for(self.request.user, self.get_employer())


@extend_schema_view(
    get=extend_schema(summary="One request (draft or sent) with its history", tags=["requests"]),
    patch=extend_schema(
        summary="Update a draft",
        description="Steps given replace the stored ones (each checked in full); steps left out stay.",
        tags=["requests"],
        request=AnswersSerializer,
        responses={200: RequestDetailSerializer},
    ),
    delete=extend_schema(summary="Discard a draft", tags=["requests"], responses={204: None}),
)
class RequestDetail(RequestObjectMixin, APIView):
    serializer_class = RequestDetailSerializer

    def get(self, request, *args, **kwargs):
        return self.detail_response(self.get_request_object(), read_again=False)

    def patch(self, request, *args, **kwargs):
        draft = self.get_request_object()
        self.require_draft(draft)
        serializer = AnswersSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answers, error = self.clean(draft.type, dict(serializer.validated_data), draft.answers)
        if error is not None:
            return error
        if not draft_save(
            actor=request.user, draft=draft, answers=answers, wizard_step=answers["_wizard"]["step"]
        ):
            raise IllegalTransition(Status.SUBMITTED, Status.DRAFT)
        return self.detail_response(draft)

    def delete(self, request, *args, **kwargs):
        draft = self.get_request_object()
        self.require_draft(draft)
        draft_discard(actor=request.user, draft=draft)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _problems(draft) -> list[dict]:
    """What must still be done before a draft can be sent (nothing once it has been sent)."""
    if draft.status != Status.DRAFT:
        return []
    return missing_steps(draft.type, draft.answers) + statement_missing(draft)


def _problems_and_outcome(draft):
    problems = _problems(draft)
    determination, flags = None, []
    if draft.employee_id and draft.requested_start and draft.requested_end:
        determination, flags = validation_flags(draft)
        # Each finding in the request's language (Accept-Language), as the caseworker reads it in theirs.
        flags = [{"code": flag["code"], "message": flag_message(flag)} for flag in flags]
    return problems, determination, flags


@extend_schema_view(
    post=extend_schema(
        summary="Check a draft without sending it",
        description="Returns what is missing, the legislation engine's determination and the validation's "
        "findings. Nothing is saved.",
        tags=["requests"],
        request=None,
        responses={200: ValidationResultSerializer},
    )
)
class RequestValidate(RequestObjectMixin, APIView):
    def post(self, request, *args, **kwargs):
        draft = self.get_request_object()
        self.require_draft(draft)
        problems, determination, flags = _problems_and_outcome(draft)
        return Response(
            {"complete": not problems, "problems": problems, "determination": determination, "flags": flags}
        )


@extend_schema_view(
    post=extend_schema(
        summary="Send a complete draft",
        description="Assigns the transaction number; validation follows. With an Idempotency-Key a retry "
        "returns the request sent the first time. Refused (400) while a step is missing, or an answer a "
        "step stored earlier lacks because the question was added later (conditions.host_hires_out, "
        "conditions.employer_substantial_activity): each error names its path.",
        tags=["requests"],
        request=None,
        parameters=IDEMPOTENCY_PARAMETERS,
        responses={200: RequestDetailSerializer},
    )
)
class RequestSubmit(RequestObjectMixin, APIView):
    @idempotent
    def post(self, request, *args, **kwargs):
        draft = self.get_request_object()
        problems = _problems(draft)
        if problems:
            return errors_response(problems, status.HTTP_400_BAD_REQUEST)
        key = submission_key_for(request.user, request.headers.get("Idempotency-Key", "").strip())
        sent = draft_send(actor=request.user, draft=draft, submission_key=key)
        return self.detail_response(sent)


@extend_schema_view(
    post=extend_schema(
        summary="Upload the residence state's statement",
        description="Simultaneous activity of a worker living outside the issuing state: the statement "
        "of the residence state's institution (PDF, at most 5 MB, dated within the last two months) "
        "must be on the draft before it can be sent. A new upload replaces the old one; without a "
        "file, only the date of the statement already uploaded changes.",
        tags=["requests"],
        request={"multipart/form-data": StatementUploadSerializer},
        responses={200: RequestDetailSerializer},
    )
)
class RequestStatement(RequestObjectMixin, APIView):
    parser_classes = [MultiPartParser, FormParser]

    def post(self, request, *args, **kwargs):
        draft = self.get_request_object()
        self.require_draft(draft)
        if not statement_needed(draft):
            raise serializers.ValidationError(
                {"file": [_("This request does not need the residence state's statement.")]}
            )
        form = StatementForm(
            data=request.data,
            files=request.FILES,
            has_statement=ResidenceStatement.objects.filter(request=draft).exists(),
        )
        if not form.is_valid():
            raise serializers.ValidationError(form.errors)
        residence_statement_save(
            actor=request.user,
            draft=draft,
            upload=form.cleaned_data["file"],
            statement_date=form.cleaned_data["statement_date"],
        )
        return self.detail_response(draft)


@extend_schema_view(
    post=extend_schema(
        summary="Cancel a request with a justification",
        tags=["requests"],
        request=CancelSerializer,
        responses={200: RequestDetailSerializer},
    )
)
class RequestCancel(RequestObjectMixin, APIView):
    def post(self, request, *args, **kwargs):
        obj = self.get_request_object()
        serializer = CancelSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        request_cancel(actor=request.user, request=obj, reason=serializer.validated_data["reason"])
        return self.detail_response(obj)


@extend_schema_view(
    post=extend_schema(
        summary="Extend a sent request",
        description="Creates a draft for the period from the day after the current end until new_end, with "
        "the same answers otherwise; send it with /submit/.",
        tags=["requests"],
        request=ExtendSerializer,
        parameters=IDEMPOTENCY_PARAMETERS,
        responses={201: RequestDetailSerializer},
        examples=[OpenApiExample("Extend until", value={"new_end": "2027-02-28"}, request_only=True)],
    )
)
class RequestExtend(RequestObjectMixin, APIView):
    @idempotent
    def post(self, request, *args, **kwargs):
        source = self.get_request_object(sent_only=True)
        serializer = ExtendSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        draft = draft_extend(actor=request.user, source=source, new_end=serializer.validated_data["new_end"])
        return self.detail_response(draft, status.HTTP_201_CREATED)


class PdfRenderer(BaseRenderer):
    """Lets a client ask for application/pdf; errors still come as JSON."""

    media_type = "application/pdf"
    format = "pdf"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else JSONRenderer().render(data)


def _certificate(view):
    certificate = certificate_of(view.get_request_object(sent_only=True))
    if certificate is None:
        raise Http404
    return certificate


@extend_schema_view(get=extend_schema(summary="The certificate of a request", tags=["certificates"]))
class CertificateDetail(RequestObjectMixin, generics.GenericAPIView):
    serializer_class = CertificateSerializer

    def get(self, request, *args, **kwargs):
        return Response(CertificateSerializer(_certificate(self), context={"request": request}).data)


@extend_schema_view(
    get=extend_schema(
        summary="Download the certificate (PDF)",
        tags=["certificates"],
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The PD A1 as PDF."),
        },
    )
)
class CertificatePdf(RequestObjectMixin, APIView):
    renderer_classes = [JSONRenderer, PdfRenderer]

    def get(self, request, *args, **kwargs):
        certificate = _certificate(self)
        if not certificate.pdf:
            raise Http404
        try:
            handle = certificate.pdf.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        return FileResponse(handle, content_type="application/pdf", filename=f"{certificate.number}.pdf")
