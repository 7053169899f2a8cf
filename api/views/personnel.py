"""Employers the caller may act for, and each employer's personnel directory (with CSV import)."""

from django.core.exceptions import ValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from accounts.models import Employee
from accounts.permissions import employers_for
from accounts.selectors import employee_detail, employee_search, import_jobs_for
from accounts.services.personnel import employee_create, employee_update, import_job_create
from postings.services.worker_removal import employee_remove

from ..errors import django_validation_detail, errors_response, flatten
from ..serializers.personnel import (
    EmployeeListSerializer,
    EmployeeSerializer,
    ImportJobSerializer,
    ImportUploadSerializer,
    OrganisationSerializer,
)
from ..services.idempotency import IDEMPOTENCY_PARAMETERS, idempotent
from .base import ApiMixin, EmployerMixin

EMPLOYEE_EXAMPLE = {
    "personal_number": "111222333",
    "family_name": "Delporte",
    "given_names": "Anna",
    "birth_date": "1985-07-30",
    "sex": "F",
    "nationality": "NL",
    "street": "Kerkstraat 10",
    "postal_code": "1017 GB",
    "town": "Amsterdam",
    "country": "NL",
    "date_of_entry": "2015-01-01",
    "employment_periods": [{"start": "2015-01-01", "end": None}],
}

IMPORT_DESCRIPTION = (
    "Queues the import and answers 202 with the job; read the job for progress. Rows whose personal number "
    "is already in the directory are reported as duplicates and skipped; if any row has an error, nothing "
    "is imported."
)

REMOVE_DESCRIPTION = (
    "Removes the person's entry (GDPR erasure). Sent requests stay, with the person as sent; drafts for "
    "the person are deleted; signed authorizations no request used are deleted, those a sent request "
    "used are kept with it. While a sent request for the person is still being checked the answer is "
    "409 with the field `requests`, and nothing is removed."
)


@extend_schema_view(
    get=extend_schema(summary="Employers you may act for", tags=["employers"]),
)
class EmployerList(ApiMixin, generics.ListAPIView):
    """Your own employer, and every employer whose mandate your representative firm holds today."""

    serializer_class = OrganisationSerializer

    def get_queryset(self):
        return employers_for(self.request.user).order_by("name", "pk")


@extend_schema_view(get=extend_schema(summary="One employer", tags=["employers"]))
class EmployerDetail(EmployerMixin, generics.RetrieveAPIView):
    serializer_class = OrganisationSerializer

    def get_object(self):
        return self.get_employer()


@extend_schema_view(
    get=extend_schema(
        summary="Personnel directory",
        tags=["personnel"],
        parameters=[
            OpenApiParameter(
                "q", OpenApiTypes.STR, description="Personal number, or part of the family name (any case)."
            )
        ],
    ),
    post=extend_schema(
        summary="Add a person to the directory",
        tags=["personnel"],
        parameters=IDEMPOTENCY_PARAMETERS,
        examples=[OpenApiExample("New employee", value=EMPLOYEE_EXAMPLE, request_only=True)],
        responses={201: EmployeeSerializer},
    ),
)
class EmployeeListCreate(EmployerMixin, generics.ListCreateAPIView):
    filter_backends: list = []
    query_parameters = ("q",)  # read by get_queryset (api.query)

    def get_serializer_class(self):
        return EmployeeSerializer if self.request.method == "POST" else EmployeeListSerializer

    def get_queryset(self):
        return (
            employee_search(self.request.user, self.get_employer(), self.request.query_params.get("q", ""))
            .prefetch_related("employment_periods")
            .order_by("family_name", "given_names", "pk")
        )

    @idempotent
    def post(self, request, *args, **kwargs):
        serializer = EmployeeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        employee = employee_create(
            actor=request.user, employer=self.get_employer(), **serializer.validated_data
        )
        return Response(
            EmployeeSerializer(employee).data,
            status=status.HTTP_201_CREATED,
            headers=self.location("employee", employee.pk),
        )


@extend_schema_view(
    get=extend_schema(summary="One person in the directory", tags=["personnel"]),
    put=extend_schema(summary="Replace a person's entry", tags=["personnel"]),
    patch=extend_schema(summary="Change some fields of a person's entry", tags=["personnel"]),
    delete=extend_schema(
        summary="Remove a person from the directory",
        description=REMOVE_DESCRIPTION,
        tags=["personnel"],
        responses={204: None, 404: None, 409: None},
    ),
)
class EmployeeDetail(EmployerMixin, generics.RetrieveUpdateDestroyAPIView):
    serializer_class = EmployeeSerializer

    def get_object(self):
        try:
            return employee_detail(self.request.user, self.get_employer(), self.kwargs["pk"])
        except Employee.DoesNotExist as exc:
            raise Http404 from exc

    def update(self, request, *args, **kwargs):
        employee = self.get_object()
        serializer = EmployeeSerializer(employee, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        employee = employee_update(actor=request.user, employee=employee, **serializer.validated_data)
        employee = self.get_object()  # fresh periods
        return Response(EmployeeSerializer(employee).data)

    def destroy(self, request, *args, **kwargs):
        employee = self.get_object()  # 404 when already removed
        try:
            employee_remove(actor=request.user, employer=self.get_employer(), employee_id=employee.pk)
        except ValidationError as exc:
            # A request still being checked (field "requests"): try again later; nothing was removed.
            return errors_response(flatten(django_validation_detail(exc)), status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    get=extend_schema(summary="Personnel imports", tags=["personnel"]),
    post=extend_schema(
        summary="Import a CSV file into the directory",
        description=IMPORT_DESCRIPTION,
        tags=["personnel"],
        request={"multipart/form-data": ImportUploadSerializer},
        parameters=IDEMPOTENCY_PARAMETERS,
        responses={202: ImportJobSerializer},
    ),
)
class ImportJobListCreate(EmployerMixin, generics.ListCreateAPIView):
    serializer_class = ImportJobSerializer
    parser_classes = [MultiPartParser, FormParser]
    filter_backends: list = []

    def get_queryset(self):
        return import_jobs_for(self.request.user, self.get_employer()).order_by("-created_at", "-pk")

    @idempotent
    def post(self, request, *args, **kwargs):
        upload = ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        file = upload.validated_data["file"]
        job = import_job_create(
            actor=request.user, employer=self.get_employer(), filename=file.name or "", content=file.read()
        )
        return Response(
            ImportJobSerializer(job).data,
            status=status.HTTP_202_ACCEPTED,
            headers=self.location("import", job.pk),
        )


@extend_schema_view(get=extend_schema(summary="Progress and report of an import", tags=["personnel"]))
class ImportJobDetail(EmployerMixin, generics.RetrieveAPIView):
    serializer_class = ImportJobSerializer

    def get_queryset(self):
        return import_jobs_for(self.request.user, self.get_employer())
