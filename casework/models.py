"""Casework: the flags validation raised, certificates (PD A1), what goes to the host state,
objections against provisional Art. 13 determinations, the other state's answer to an Art. 16
exception request, and the employer's inbox.

Nothing here is deleted: flags are rewritten only by validation (a re-run replaces them with the
same set), certificates are withdrawn by cancelling their request, messages are marked read.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.models import Organisation
from postings.models import CoverageRequest
from postings.status import Status


class RequestFlag(models.Model):
    """Something the validation found that a caseworker must look at (code + plain message)."""

    request = models.ForeignKey(CoverageRequest, on_delete=models.CASCADE, related_name="flag_rows")
    code = models.CharField(_("code"), max_length=60, db_index=True)
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["request", "pk"]

    def __str__(self):
        return self.code


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    PROVISIONAL = "provisional", _("Provisional")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Certificate(models.Model):
    """The PD A1 issued for an approved request. One per request (a repeated task makes no second)."""

    request = models.OneToOneField(CoverageRequest, on_delete=models.PROTECT, related_name="certificate")
    number = models.CharField(_("document number"), max_length=65, unique=True)
    language = models.CharField(_("language"), max_length=2)
    # Section 1 as printed (names, birth date...): the signature covers it, so a later edit of the
    # personnel directory does not break the QR code of a certificate already issued.
    holder = models.JSONField(_("holder"), default=dict)
    # Art. 13 determinations are provisional until two months without objection (R987 Art. 16(3)).
    provisional = models.BooleanField(_("provisional"), default=False)
    definitive_at = models.DateTimeField(_("made definitive"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    pdf = models.FileField(_("PDF"), upload_to="certificates/%Y/%m/", blank=True)
    pdf_generated_at = models.DateTimeField(_("PDF produced"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    # Paper channel: the PDF goes to the print queue instead of the e-box.
    print_required = models.BooleanField(_("to be printed"), default=False)
    printed_at = models.DateTimeField(_("printed"), null=True, blank=True)
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["provisional", "issued_at"], name="cert_provisional_issued")]

    def __str__(self):
        return self.number

    @property
    def status(self) -> str:
        """Derived from the request at every look, so it cannot drift: a cancelled request's
        certificate is withdrawn, an Art. 13 one is provisional until made definitive."""
        if self.request.status == Status.CANCELLED:
            return CertificateStatus.WITHDRAWN
        if self.provisional:
            return CertificateStatus.PROVISIONAL
        return CertificateStatus.VALID

    def get_status_display(self):
        return CertificateStatus(self.status).label

    # A corrected re-issue (services.correction) is a new request that `corrects` this one's, with
    # its own certificate; this one's status is then withdrawn (its request is cancelled), and these
    # two say by which certificate, and which one a corrected certificate replaces.
    @cached_property
    def replaced_by(self) -> "Certificate | None":
        if self.request.status != Status.CANCELLED:
            return None
        return (
            Certificate.objects.select_related("request").filter(request__corrects_id=self.request_id).first()
        )

    @cached_property
    def replaces(self) -> "Certificate | None":
        if not self.request.corrects_id:
            return None
        return (
            Certificate.objects.select_related("request").filter(request_id=self.request.corrects_id).first()
        )

    @property
    def replaced_on(self):
        """When the correction was made: the day this certificate stopped being valid."""
        replacement = self.replaced_by
        return replacement.request.decided_at if replacement is not None else None


class PrintQueueEntry(Certificate):
    """The admin's "Print queue": certificates for the paper channel."""

    class Meta:
        proxy = True
        verbose_name = _("print queue entry")
        verbose_name_plural = _("print queue")


class HostStateRecord(models.Model):
    """What goes to the host state's institution (SED A009 for a posting, A003 for Art. 13)."""

    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="host_state_records")
    sed = models.CharField(_("SED"), max_length=8)
    receiving_state = CountryField(_("receiving state"))
    payload = models.JSONField(_("content"))
    created_at = models.DateTimeField(default=timezone.now)
    # The day the record went to the host state's institution (today by a manual export). An Art. 13
    # determination's two months run from when every state concerned was informed (R987 Art. 16(3)).
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("host-state record")
        verbose_name_plural = _("host-state records")
        ordering = ["certificate", "receiving_state"]
        constraints = [
            models.UniqueConstraint(fields=["certificate", "receiving_state"], name="one_record_per_state")
        ]

    def __str__(self):
        return f"{self.sed} → {self.receiving_state.code}"


class Objection(models.Model):
    """Another state disagrees with a provisional Art. 13 determination (SED A004).

    Settled when the institutions reach their common agreement (R987 Art. 16(4)): either the
    determination is confirmed (the certificate becomes definitive) or it changes (the certificate
    is withdrawn and the employer applies again)."""

    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("Determination confirmed")
        CHANGED = "changed", _("Determination changed: certificate withdrawn")

    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="objections")
    state = CountryField(_("objecting state"))
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    reason = models.TextField(_("reason"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    settled_on = models.DateField(_("agreement reached on"), null=True, blank=True)
    settlement_note = models.TextField(_("agreement"), blank=True)
    settled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.state.code}: {self.certificate}"


class ExceptionAgreement(models.Model):
    """The other state's answer to this institution's request for an exception under Art. 16(1)
    R883 (SED A001; the answer is A011, agreement, or A002, refusal: legislation.md 2.5). One per
    request; a later answer (a refusal reconsidered) replaces it, the request's history keeps both.

    An agreement is given to the engine (postings.situation: posting.art16_agreement), which then
    finds this institution's legislation under 16(1) for the agreed period (PD A1 box 3.11)."""

    class Outcome(models.TextChoices):
        AGREED = "agreed", _("Agreed (A011)")
        REFUSED = "refused", _("Refused (A002)")

    request = models.OneToOneField(
        CoverageRequest, on_delete=models.PROTECT, related_name="exception_agreement"
    )
    outcome = models.CharField(_("answer"), max_length=10, choices=Outcome.choices)
    other_state = CountryField(_("state that answered"))
    answered_on = models.DateField(_("answered on"))
    reference = models.CharField(_("their reference"), max_length=100, blank=True)
    start = models.DateField(_("agreed from"), null=True, blank=True)
    end = models.DateField(_("agreed until"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("exception agreement")
        verbose_name_plural = _("exception agreements")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(outcome="agreed")
                | models.Q(start__isnull=False, end__isnull=False, start__lte=models.F("end")),
                name="agreement_has_its_period",
            )
        ]

    def __str__(self):
        return f"{self.other_state.code}: {self.get_outcome_display()}"

    @property
    def agreed(self) -> bool:
        return self.outcome == self.Outcome.AGREED


class InboxMessage(models.Model):
    """A message in an organisation's inbox (employer or its representative firm)."""

    class Kind(models.TextChoices):
        CERTIFICATE = "certificate", _("Certificate issued")
        DECISION = "decision", _("Decision")
        INFORMATION_REQUEST = "info_request", _("Information requested")
        NOTICE = "notice", _("Notice")

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="inbox_messages")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NOTICE)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    request = models.ForeignKey(
        CoverageRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="inbox_messages"
    )
    certificate = models.ForeignKey(
        Certificate, on_delete=models.PROTECT, null=True, blank=True, related_name="inbox_messages"
    )
    # Makes delivery idempotent: one message per (organisation, key).
    dedup_key = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("inbox message")
        verbose_name_plural = _("inbox messages")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="inbox_org_created")]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "dedup_key"],
                condition=~models.Q(dedup_key=""),
                name="one_message_per_key",
            )
        ]

    def __str__(self):
        return self.subject

    @property
    def awaits_answer(self) -> bool:
        return self.kind == self.Kind.INFORMATION_REQUEST and self.answered_at is None
