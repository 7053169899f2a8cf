"""Requests of the three types (posting, simultaneous occupation, seafarer) and their history.

A request starts as a server-side draft (the wizard saves after every step into `answers`); on send
it gets a transaction number and the consult columns are copied out of the answers into indexed
fields, so the list stays fast with 100,000 rows. Events are append-only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.models import Employee, Organisation

from .status import PUBLIC_STATUS, Decision, Status


class RequestType(models.TextChoices):
    POSTING = "posting", _("Posting")
    SIMULTANEOUS = "simultaneous", _("Simultaneous occupation")
    SEAFARER = "seafarer", _("Seafarer")


class Territory(models.TextChoices):
    """Places with their own legislation (NSSO consult filter)."""

    ALDERNEY = "alderney", _("Alderney")
    GUERNSEY = "guernsey", _("Guernsey")
    JERSEY = "jersey", _("Jersey")
    SARK = "sark", _("Sark")
    ISLE_OF_MAN = "isle_of_man", _("Isle of Man")
    QUEBEC = "quebec", _("Québec")


class OutputChannel(models.TextChoices):
    EBOX = "ebox", _("E-box (digital)")
    PAPER = "paper", _("Paper, by post")


class CertificateLanguage(models.TextChoices):
    NL = "nl", _("Dutch")
    EN = "en", _("English")
    FR = "fr", _("French")
    DE = "de", _("German")


class CoverageRequest(models.Model):
    type = models.CharField(_("type"), max_length=20, choices=RequestType.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    transaction_number = models.CharField(
        _("transaction number"), max_length=30, unique=True, null=True, blank=True
    )

    # No index of their own: the indexes below begin with each, and every index is written again on
    # every new request and every wizard step that changes an indexed column.
    employer = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="coverage_requests", db_index=False
    )
    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coverage_requests",
        db_index=False,
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Set when a representative firm filed it; the representative also acting for the employee then
    # needs the employee's authorization.
    representative = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="filed_requests"
    )
    based_on = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    extends = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="extensions"
    )
    # A corrected re-issue (casework.services.correction): this request carries the corrected data of
    # the request it corrects, which was cancelled when this one was made; one correction each.
    corrects = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="correction"
    )

    # Everything the person answered in the wizard, by step; the source of truth for a draft.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    wizard_step = models.CharField(max_length=40, blank=True)

    # Copied from the answers on send, for the consult list's filters and sorting.
    worker_name = models.CharField(_("worker"), max_length=260, blank=True)
    worker_name_search = models.CharField(max_length=260, blank=True, editable=False)
    personal_number = models.CharField(_("personal number"), max_length=20, blank=True)
    state_of_work = CountryField(_("state of work"), blank=True)
    territory = models.CharField(_("territory"), max_length=20, choices=Territory.choices, blank=True)
    requested_start = models.DateField(_("requested start"), null=True, blank=True)
    requested_end = models.DateField(_("requested end"), null=True, blank=True)
    admitted_start = models.DateField(_("admitted start"), null=True, blank=True)
    admitted_end = models.DateField(_("admitted end"), null=True, blank=True)
    language = models.CharField(
        _("certificate language"), max_length=2, choices=CertificateLanguage.choices, blank=True
    )
    output_channel = models.CharField(
        _("output channel"), max_length=10, choices=OutputChannel.choices, default=OutputChannel.EBOX
    )
    # The worker's identifying data as the personnel directory held it when the request was sent
    # (postings.worker): a later edit of the directory does not change what a sent request says.
    # Null for drafts, which show the directory as it is.
    worker_as_sent = models.JSONField(_("worker as sent"), null=True, blank=True)

    # What the validation task found: the engine's determination (contract shape) and the flags
    # ([{"code", "message"}]) a caseworker must look at.
    determination = models.JSONField(_("determination"), null=True, blank=True)
    flags = models.JSONField(_("flags"), default=list, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)

    # A double click on send, or a retried API call, must make one request: the form carries a key
    # generated when the check-answers page was shown.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True)

    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["-submitted_at", "-created_at"]
        indexes = [
            # The consult page: one employer's sent requests, newest first, and its filters.
            models.Index(fields=["employer", "status", "-submitted_at"], name="req_employer_status_sent"),
            models.Index(fields=["employer", "-submitted_at"], name="req_employer_sent"),
            models.Index(fields=["employer", "personal_number"], name="req_employer_person"),
            models.Index(fields=["employer", "state_of_work"], name="req_employer_state"),
            models.Index(fields=["employer", "worker_name_search"], name="req_employer_worker"),
            models.Index(fields=["status", "submitted_at"], name="req_queue"),
            models.Index(fields=["employee", "requested_start"], name="req_employee_period"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(requested_end__isnull=True)
                | Q(requested_start__isnull=True)
                | Q(requested_end__gte=models.F("requested_start")),
                name="requested_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | ~Q(decision=""),
                name="closed_has_decision",
            ),
        ]

    def __str__(self):
        return self.transaction_number or f"draft {self.pk}"

    def save(self, *args, **kwargs):
        self.set_search_columns()
        super().save(*args, **kwargs)

    def set_search_columns(self):
        """The lower-cased worker name the consult search reads through an index (also for writes
        that bypass save(), such as saving a wizard step)."""
        self.worker_name_search = self.worker_name.lower()

    @property
    def public_status(self):
        return PUBLIC_STATUS[self.status]

    @property
    def masked_personal_number(self) -> str:
        """For lists (consult page, API list): the full number only on the request's own page."""
        from accounts.identifiers import mask_personal_number

        return mask_personal_number(self.personal_number)

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT


class LocationType(models.TextChoices):
    REGION = "region", _("Region or country, no fixed address")
    COMPANY = "company", _("Company")
    CONSTRUCTION_SITE = "construction_site", _("Construction site")
    HOME_BASE = "home_base", _("Home base (aviation)")
    INLAND_VESSEL = "inland_vessel", _("Inland vessel")
    OCEAN_VESSEL = "ocean_vessel", _("Ocean vessel")


class PlaceOfWork(models.Model):
    """A place where the work is done (PD A1 section 5). Written on send from the answers."""

    request = models.ForeignKey(CoverageRequest, on_delete=models.CASCADE, related_name="places")
    seq = models.PositiveSmallIntegerField(default=1)
    country = CountryField(_("state"))
    location_type = models.CharField(_("type"), max_length=20, choices=LocationType.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)
    identification_number = models.CharField(_("identification number"), max_length=40, blank=True)
    street = models.CharField(_("street"), max_length=200, blank=True)
    house_number = models.CharField(_("number"), max_length=20, blank=True)
    po_box = models.CharField(_("PO box"), max_length=20, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    registration_number = models.CharField(_("registration number"), max_length=40, blank=True)
    harbour_or_river = models.CharField(_("harbour or river"), max_length=100, blank=True)
    imo_number = models.CharField(_("IMO number"), max_length=12, blank=True)
    flag_state = CountryField(_("flag"), blank=True)
    territorial_waters_or_port = models.BooleanField(
        _("in territorial waters or a port"), null=True, blank=True
    )
    time_pct = models.DecimalField(
        _("share of working time (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("place of work")
        verbose_name_plural = _("places of work")
        ordering = ["request", "seq"]

    def __str__(self):
        return f"{self.get_location_type_display()}: {self.name or self.country.name}"


class RequestEvent(models.Model):
    """Append-only history: who, when, from-status, to-status, why."""

    request = models.ForeignKey(CoverageRequest, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    kind = models.CharField(_("event"), max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("request event")
        verbose_name_plural = _("request events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind}"


def _residence_statement_path(instance, filename):
    return f"residence_statements/{instance.request_id}/statement.pdf"


class ResidenceStatement(models.Model):
    """The residence state's statement that there are no objections (SVB: an employee living outside the
    issuing state who works in two or more states). Dated within two months before the request."""

    request = models.OneToOneField(
        CoverageRequest, on_delete=models.CASCADE, related_name="residence_statement"
    )
    file = models.FileField(_("statement (PDF)"), upload_to=_residence_statement_path)
    statement_date = models.DateField(_("date of the statement"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("residence state's statement")
        verbose_name_plural = _("residence state's statements")

    def __str__(self):
        return f"{self.request} – {self.statement_date}"
