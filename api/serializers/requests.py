"""Requests (posting, simultaneous occupation, seafarer): the JSON shape of the wizard's steps.

These serializers check types and describe the API; the wizard's own step forms then apply the
business rules (api.request_answers), so the API and the pages accept the same requests. A request's
`answers` are read back in this same shape (api.request_answers.api_answers), so a client can GET a
draft, change one value and PATCH it back.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from postings.forms.steps import Classification
from postings.models import (
    CertificateLanguage,
    CoverageRequest,
    LocationType,
    OutputChannel,
    RequestType,
    Territory,
)
from postings.status import Decision, Status
from postings.worker import worker_data

from .choices import OPTIONAL_COUNTRY_CHOICES, SharedChoiceField
from .made_once import ModelSerializer, Serializer
from .personnel import country_field

OPTIONAL = {"required": False, "allow_blank": True}


def text(help_text, max_length=200, **kwargs):
    return serializers.CharField(max_length=max_length, help_text=help_text, **{**OPTIONAL, **kwargs})


def yes_no(help_text, **kwargs):
    return serializers.BooleanField(help_text=help_text, **kwargs)


def optional_country(help_text):
    return SharedChoiceField(choices=OPTIONAL_COUNTRY_CHOICES, help_text=help_text, **OPTIONAL)


def imo_warning():
    # Read only: what the wizard warns about. It is in the model a client reads back and sends
    # again, so sending it is allowed (strict.RejectUnknownFields knows read-only fields) and ignored.
    return serializers.BooleanField(
        read_only=True,
        help_text=_(
            "Read only: true when the IMO number's check digit is wrong. It is accepted with this "
            "warning, as ships are sometimes registered with one; check the number."
        ),
    )


class AddressStep(Serializer):
    temp_differs = yes_no(_("True when the worker has a temporary address abroad (then give it in full)."))
    temp_street = text(_("Temporary address: street."))
    temp_number = text(_("Temporary address: number."), 20)
    temp_po_box = text(_("Temporary address: PO box."), 20)
    temp_postal_code = text(_("Temporary address: postal code."), 20)
    temp_town = text(_("Temporary address: town."), 100)
    temp_country = optional_country(_("Temporary address: country (ISO)."))


class RelationshipStep(Serializer):
    date_of_entry = serializers.DateField(help_text=_("Date of entry into service (YYYY-MM-DD)."))
    private_sector = yes_no(_("True for an employer in the private sector."))
    classification = serializers.ChoiceField(
        choices=Classification.CHOICES,
        help_text=_("Worker classification; a posting allows only employed or civil_servant."),
    )
    home_base = optional_country(_("Simultaneous occupation, air transport: state of the home base."))
    flag_state = optional_country(_("Simultaneous occupation, by sea: flag of the vessel."))


class PlaceStep(Serializer):
    country = country_field(_("State where the place is (ISO)."))
    territory = serializers.ChoiceField(
        choices=[("", "")] + list(Territory.choices),
        help_text=_("Territory with its own legislation, if any."),
        **OPTIONAL,
    )
    location_type = serializers.ChoiceField(
        choices=LocationType.choices,
        help_text=_(
            "region (no fixed address), company, construction_site, home_base, inland_vessel, ocean_vessel."
        ),
    )
    name = text(_("Name of the region, company, site, home base or vessel."))
    identification_number = text(_("Company: its identification number."), 40)
    street = text(_("Street."))
    house_number = text(_("Number."), 20)
    po_box = text(_("PO box."), 20)
    postal_code = text(_("Postal code."), 20)
    town = text(_("Town."), 100)
    description = text(_("Construction site: description (or give the street)."), 500)
    registration_number = text(_("Inland vessel: registration number."), 40)
    harbour_or_river = text(_("Inland vessel: harbour or river."), 100)
    imo_number = text(_("Ocean vessel: IMO number (7 digits)."), 12)
    territorial_waters_or_port = serializers.BooleanField(
        required=False, allow_null=True, help_text=_("Ocean vessel: work in territorial waters or a port.")
    )
    time_pct = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        required=False,
        allow_null=True,
        # A number, as the examples send it and as it is read back (a string is taken as well).
        coerce_to_string=False,
        help_text=_("Simultaneous occupation: share of working time here (%), summing to 100."),
    )
    imo_warning = imo_warning()


class PeriodFields(Serializer):
    start = serializers.DateField(help_text=_("First day of the requested period (YYYY-MM-DD)."))
    end = serializers.DateField(help_text=_("Last day of the requested period (YYYY-MM-DD)."))
    language = serializers.ChoiceField(
        choices=CertificateLanguage.choices,
        help_text=_("Language of the certificate (the institution's languages)."),
    )


class ConditionsStep(PeriodFields):
    employer_substantial_activity = yes_no(
        _(
            "The employer normally carries out substantial activities in the issuing state, not only "
            "internal management (seat and administration, staff, contracts, turnover there)."
        )
    )
    insured_30_days = yes_no(_("Insured under this state's social security in the 30 days before the start."))
    host_contract = yes_no(_("Signed an (additional) employment contract with the host company."))
    host_can_change_pay = yes_no(_("The host company can change the basic pay on its own."))
    host_can_dismiss = yes_no(_("The host company can dismiss the worker."))
    host_can_discipline = yes_no(_("The host company can take disciplinary measures."))
    host_hires_out = yes_no(
        _(
            "The host company places the worker at the disposal of another company (hires them out "
            "onward), in that state or elsewhere."
        )
    )
    replaces_posted_worker = yes_no(_("The worker replaces another posted worker."))
    mission = text(_("Short description of the mission."), 1000)


class PeriodStep(PeriodFields):
    remarks = text(_("Remarks."), 2000)


class ShipStep(Serializer):
    name = serializers.CharField(max_length=200, help_text=_("Name of the ship."))
    imo_number = serializers.CharField(max_length=12, help_text=_("IMO number (7 digits)."))
    flag_state = country_field(_("Flag of the ship (ISO)."))
    territorial_waters_or_port = yes_no(_("The work is done in territorial waters or a port."))
    imo_warning = imo_warning()


class ContactStep(Serializer):
    family_name = serializers.CharField(max_length=100, help_text=_("Contact person: family name."))
    given_names = serializers.CharField(max_length=100, help_text=_("Contact person: first name."))
    function = text(_("Contact person: function."), 100)
    company = serializers.CharField(max_length=200, help_text=_("Company name."))
    street = text(_("Street."))
    number = text(_("Number."), 20)
    po_box = text(_("PO box."), 20)
    postal_code = text(_("Postal code."), 20)
    town = text(_("Town."), 100)
    country = optional_country(_("Country (ISO)."))
    phone = serializers.CharField(max_length=40, help_text=_("Telephone."))
    fax = text(_("Fax."), 40)
    email = serializers.EmailField(required=False, allow_blank=True, help_text=_("E-mail address."))
    output_channel = serializers.ChoiceField(
        choices=OutputChannel.choices,
        required=False,
        help_text=_(
            "How the certificate is delivered: ebox (the company's e-box and this portal; the default "
            "when left out) or paper (by post to the company's address)."
        ),
    )
    remarks = text(_("Remarks (posting and seafarer only)."), 2000)
    personal_number = text(
        _(
            "Simultaneous occupation only, optional: the contact person's BSN (NL) or SSIN (BE). "
            "Read back masked (only the last four digits shown). Sent back exactly as read, the mask "
            "keeps the number stored; to change it, give the new number in full; empty removes it."
        ),
        20,
    )


class AnswersSerializer(Serializer):
    """The wizard's steps. On create and update every step given is checked in full; steps left out
    stay as they were (a draft may be incomplete until it is sent). A request's `answers` are read
    back in this same shape: send them back unchanged and nothing changes."""

    # Every field is optional already, so the PATCH body is this same model, not a "Patched" copy
    # (api.schema): a generated client gets one model for what it reads and what it sends.
    same_model_when_partial = True

    employee = serializers.IntegerField(
        required=False, help_text=_("Id of the worker in this employer's personnel directory.")
    )
    address = AddressStep(required=False, help_text=_("The worker's temporary address abroad, if any."))
    relationship = RelationshipStep(required=False, help_text=_("The worker and the employer."))
    states = serializers.ListField(
        child=country_field(_("A state of work (ISO).")),
        required=False,
        min_length=2,
        max_length=5,
        help_text=_(
            "Simultaneous occupation: the states of work, at least 2: at most four other than the "
            "issuing state, and the issuing state too if the worker also works there (as the wizard "
            "asks them)."
        ),
    )
    places = PlaceStep(many=True, required=False, help_text=_("Places of work (posting: all in one state)."))
    conditions = ConditionsStep(required=False, help_text=_("Posting and seafarer: period and conditions."))
    period = PeriodStep(required=False, help_text=_("Simultaneous occupation: period and language."))
    ship = ShipStep(required=False, help_text=_("Seafarer: the ship."))
    contact = ContactStep(required=False, help_text=_("Who the institution can contact about the request."))
    ask_art16 = serializers.BooleanField(
        required=False,
        help_text=_(
            "Ask for an Art. 16 exception when the engine does not keep the issuing state's legislation."
        ),
    )


class DraftCreateSerializer(AnswersSerializer):
    type = serializers.ChoiceField(
        choices=RequestType.choices, help_text=_("posting, simultaneous or seafarer.")
    )


class EventSerializer(Serializer):
    kind = serializers.CharField(help_text=_("What happened: submitted, validated, approved, cancelled, …"))
    from_status = serializers.CharField(help_text=_("Status before."))
    to_status = serializers.CharField(help_text=_("Status after."))
    reason = serializers.CharField(help_text=_("Reason given, if any."))
    at = serializers.DateTimeField(help_text=_("When."))


class CertificateSummarySerializer(Serializer):
    number = serializers.CharField(help_text=_("Document number of the PD A1."))
    status = serializers.ChoiceField(
        choices=["valid", "provisional", "withdrawn"], help_text=_("valid, provisional or withdrawn.")
    )
    pdf_ready = serializers.BooleanField(help_text=_("True when the PDF can be downloaded."))
    issued_at = serializers.DateTimeField(help_text=_("When it was issued."))


class RequestPeriods(Serializer):
    """The requested and admitted periods, as a request and a webhook's event show them."""

    requested_start = serializers.DateField(allow_null=True, help_text=_("Requested period: start."))
    requested_end = serializers.DateField(allow_null=True, help_text=_("Requested period: end."))
    admitted_start = serializers.DateField(
        allow_null=True, help_text=_("Admitted period: start (once approved).")
    )
    admitted_end = serializers.DateField(
        allow_null=True, help_text=_("Admitted period: end (once approved).")
    )


class RequestSerializer(RequestPeriods, ModelSerializer):
    id = serializers.IntegerField(read_only=True, help_text=_("Id of the request."))
    type = serializers.ChoiceField(
        choices=RequestType.choices, help_text=_("posting, simultaneous or seafarer.")
    )
    status = serializers.ChoiceField(
        choices=Status.choices,
        help_text=_("draft, submitted, in_review, info_requested, closed or cancelled."),
    )
    public_status = serializers.CharField(
        help_text=_("What the portal shows: Draft, In progress, Closed, Cancelled.")
    )
    decision = serializers.ChoiceField(
        choices=[("", "")] + list(Decision.choices),
        help_text=_("approved or rejected once closed; else empty."),
    )
    transaction_number = serializers.CharField(allow_null=True, help_text=_("Assigned when sent."))
    employee = serializers.IntegerField(
        source="employee_id", allow_null=True, help_text=_("Id of the worker.")
    )
    worker_name = serializers.CharField(help_text=_("Family name, given names."))
    personal_number = serializers.CharField(
        help_text=_("The worker's personal number; masked in lists, in full on the request itself.")
    )
    state_of_work = serializers.CharField(
        source="state_of_work.code", allow_null=True, help_text=_("(First) state of work, ISO.")
    )
    territory = serializers.CharField(help_text=_("Territory with its own legislation, if any."))
    language = serializers.CharField(help_text=_("Language of the certificate."))
    determination = serializers.JSONField(
        allow_null=True, help_text=_("The legislation engine's determination (see /api/v1/determinations/).")
    )
    decision_reason = serializers.CharField(help_text=_("Reason for the decision."))
    cancel_reason = serializers.CharField(help_text=_("Justification of the cancellation."))
    extends = serializers.IntegerField(
        source="extends_id", allow_null=True, help_text=_("Request this one extends.")
    )
    based_on = serializers.IntegerField(
        source="based_on_id", allow_null=True, help_text=_("Request it was based on.")
    )
    corrects = serializers.IntegerField(
        source="corrects_id",
        allow_null=True,
        help_text=_(
            "For a request the institution made to re-issue a corrected certificate: the request whose "
            "certificate it replaces; else null."
        ),
    )
    corrected_by = serializers.SerializerMethodField(
        help_text=_(
            "When the institution corrected this request's certificate: the request that carries the "
            "corrected certificate (this one is then cancelled); else null."
        )
    )
    answers = serializers.SerializerMethodField(
        help_text=_(
            "The answers, by step, in the shape a create and an update take them: a draft's answers "
            "can be changed and sent back as they are with PATCH. The contact person's personal "
            "number is masked (see contact.personal_number)."
        )
    )
    certificate = serializers.SerializerMethodField(help_text=_("The certificate, once issued; else null."))
    created_at = serializers.DateTimeField(help_text=_("Created."))
    updated_at = serializers.DateTimeField(help_text=_("Last changed."))
    submitted_at = serializers.DateTimeField(allow_null=True, help_text=_("Sent."))
    decided_at = serializers.DateTimeField(allow_null=True, help_text=_("Decided."))

    class Meta:
        model = CoverageRequest
        fields = [
            "id",
            "type",
            "status",
            "public_status",
            "decision",
            "transaction_number",
            "employee",
            "worker_name",
            "personal_number",
            "state_of_work",
            "territory",
            "requested_start",
            "requested_end",
            "admitted_start",
            "admitted_end",
            "language",
            "determination",
            "decision_reason",
            "cancel_reason",
            "extends",
            "based_on",
            "corrects",
            "corrected_by",
            "answers",
            "certificate",
            "created_at",
            "updated_at",
            "submitted_at",
            "decided_at",
        ]
        read_only_fields = fields

    def get_corrected_by(self, obj) -> int | None:
        if obj.status != Status.CANCELLED:
            return None
        if hasattr(obj, "corrected_by_id"):  # read with the list (RequestListCreate), no query per row
            return obj.corrected_by_id
        return CoverageRequest.objects.filter(corrects_id=obj.pk).values_list("pk", flat=True).first()

    def get_answers(self, obj) -> AnswersSerializer:
        from ..request_answers import api_answers

        return api_answers(obj.type, obj.answers)

    def get_certificate(self, obj) -> CertificateSummarySerializer(allow_null=True):  # type: ignore[valid-type]
        from postings.selectors import certificate_of

        certificate = certificate_of(obj)
        if certificate is None:
            return None
        return {
            "number": certificate.number,
            "status": certificate.status,
            "pdf_ready": bool(certificate.pdf),
            "issued_at": serializers.DateTimeField().to_representation(certificate.issued_at),
        }

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["public_status"] = str(instance.public_status)
        data["state_of_work"] = instance.state_of_work.code or None
        if not self.show_full_personal_number:
            data["personal_number"] = instance.masked_personal_number
        return data

    # Lists mask the personal number, as the consult page does; a request's own page shows it.
    show_full_personal_number = False


class WorkerSerializer(Serializer):
    """The worker's identifying data (postings.worker)."""

    personal_number = serializers.CharField(help_text=_("BSN (NL, 9 digits) or SSIN (BE, 11 digits)."))
    family_name = serializers.CharField(help_text=_("Family name."))
    given_names = serializers.CharField(help_text=_("Given names."))
    family_name_at_birth = serializers.CharField(help_text=_("Family name at birth, if different."))
    birth_date = serializers.DateField(allow_null=True, help_text=_("Date of birth (YYYY-MM-DD)."))
    sex = serializers.CharField(help_text=_("F, M or U (unknown)."))
    birth_place = serializers.CharField(help_text=_("Place of birth."))
    nationality = serializers.CharField(help_text=_("Nationality (ISO 3166-1 alpha-2)."))
    street = serializers.CharField(help_text=_("Residence: street and number."))
    postal_code = serializers.CharField(help_text=_("Residence: postal code."))
    town = serializers.CharField(help_text=_("Residence: town."))
    country = serializers.CharField(help_text=_("State of residence (ISO 3166-1 alpha-2)."))


class RequestDetailSerializer(RequestSerializer):
    events = EventSerializer(many=True, read_only=True, help_text=_("The history, oldest first."))
    worker = serializers.SerializerMethodField(
        help_text=_(
            "The worker: for a sent request as it was when sent (a later change in the personnel "
            "directory does not change it), for a draft as the directory says now."
        )
    )
    show_full_personal_number = True

    class Meta(RequestSerializer.Meta):
        fields = [*RequestSerializer.Meta.fields, "worker", "events"]
        read_only_fields = fields

    def get_worker(self, obj) -> WorkerSerializer(allow_null=True):  # type: ignore[valid-type]
        worker = worker_data(obj)
        return None if worker is None else WorkerSerializer(worker).data


class StatementUploadSerializer(Serializer):
    """For the schema: the upload is checked by the wizard's own StatementForm."""

    file = serializers.FileField(
        required=False,
        help_text=_("The statement (PDF, at most 5 MB). May be left out to change only the date."),
    )
    statement_date = serializers.DateField(
        help_text=_("Date of the statement (YYYY-MM-DD), within the last two months.")
    )


class ProblemSerializer(Serializer):
    field = serializers.CharField(
        help_text=_("Path of the answer concerned; empty for the request as a whole.")
    )
    message = serializers.CharField(help_text=_("What is wrong."))


class FlagSerializer(Serializer):
    code = serializers.CharField(help_text=_("Stable code of the finding, e.g. NOT_EMPLOYED_WHOLE_PERIOD."))
    message = serializers.CharField(help_text=_("The finding in plain words."))


class ValidationResultSerializer(Serializer):
    complete = serializers.BooleanField(help_text=_("True when the request can be sent."))
    problems = ProblemSerializer(many=True, help_text=_("Answers missing or not accepted."))
    determination = serializers.JSONField(
        allow_null=True,
        help_text=_("What the legislation engine decides on these answers (null if it cannot)."),
    )
    flags = FlagSerializer(
        many=True, help_text=_("What a caseworker would look at (the validation's findings).")
    )


class CancelSerializer(Serializer):
    reason = serializers.CharField(
        max_length=2000, help_text=_("Why the request is cancelled; kept with it.")
    )


class ExtendSerializer(Serializer):
    new_end = serializers.DateField(
        help_text=_("The new last day; the extension starts the day after the current end.")
    )
