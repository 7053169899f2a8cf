"""Who may act for whom: people, organisations, memberships, mandates, the personnel directory.

Organisations are employers (established in the issuing state, or not) and representative firms
(tax consultants, payroll bureaus). Every person has a personal login; a Membership says what a
person does for an organisation; a Mandate lets a representative firm act for an employer.
The one rule that decides who may act for an employer lives in accounts.permissions.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person with a personal login (the e-mail address). Shared logins are not allowed."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    is_caseworker = models.BooleanField(
        _("caseworker"), default=False, help_text=_("Staff of the issuing institution who decide requests.")
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email


class Organisation(models.Model):
    class Kind(models.TextChoices):
        EMPLOYER = "employer", _("Employer")
        REPRESENTATIVE = "representative", _("Representative firm")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for activation")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("state of establishment"))
    # Identifiers of the issuing state. NL: KvK (8 digits), loonheffingennummer, RSIN. BE: KBO/BCE.
    enterprise_number = models.CharField(_("enterprise number"), max_length=20, blank=True)
    kvk_number = models.CharField(_("KvK number"), max_length=8, blank=True)
    payroll_tax_number = models.CharField(
        _("payroll tax number (loonheffingennummer)"), max_length=12, blank=True
    )
    rsin = models.CharField(_("RSIN"), max_length=9, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self):
        return self.name

    @property
    def is_employer(self) -> bool:
        return self.kind == self.Kind.EMPLOYER

    @property
    def established_in_issuing_state(self) -> bool:
        return self.country.code == settings.PORTAL_INSTITUTION["state"]

    # Which identifier PD A1 field 4.2 prints: the first one the organisation has.
    REGISTRATION_FIELDS = ("kvk_number", "enterprise_number", "payroll_tax_number", "rsin")

    @property
    def registration_field(self) -> str:
        return next((name for name in self.REGISTRATION_FIELDS if getattr(self, name)), "")

    @property
    def registration_label(self) -> str:
        """The name of that identifier ("KvK number"), in the reader's language."""
        return self._meta.get_field(self.registration_field).verbose_name if self.registration_field else ""

    @property
    def registration_number(self) -> str:
        """The identifier printed on the certificate (PD A1 field 4.2)."""
        return getattr(self, self.registration_field) if self.registration_field else ""


class Membership(models.Model):
    """What a person does for an organisation."""

    class Role(models.TextChoices):
        EMPLOYER_ADMIN = "employer_admin", _("Employer administrator")
        EMPLOYER_FILER = "employer_filer", _("Employer filer")
        REPRESENTATIVE_STAFF = "representative_staff", _("Representative staff")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    # The representative firm's administrator (its first registrant): may invite and deactivate staff.
    # Employer administrators manage their company through the role; this flag is for firms.
    is_org_admin = models.BooleanField(_("firm administrator"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class MandateQuerySet(models.QuerySet):
    def in_force(self, on=None):
        """Mandates that allow acting today (or on `on`): started, not ended, not revoked."""
        on = on or timezone.localdate()
        return self.filter(valid_from__lte=on, revoked_at__isnull=True).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=on)
        )


class Mandate(models.Model):
    """An employer lets a representative firm act for it, from a date, until a date or revocation."""

    employer = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="mandates_given",
        limit_choices_to={"kind": "employer"},
    )
    representative = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="mandates_received",
        limit_choices_to={"kind": "representative"},
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    granted_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = MandateQuerySet.as_manager()

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["-valid_from"]
        indexes = [models.Index(fields=["representative", "employer"])]

    def __str__(self):
        return f"{self.employer} → {self.representative}"


class Employee(models.Model):
    """An entry in the employer's personnel directory."""

    class Sex(models.TextChoices):
        FEMALE = "F", _("Female")
        MALE = "M", _("Male")
        UNKNOWN = "U", _("Unknown")

    employer = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="employees")
    personal_number = models.CharField(_("personal number"), max_length=20, help_text=_("BSN or SSIN"))
    family_name = models.CharField(_("family name"), max_length=100)
    # Lower-cased copy: "por" finds "Delporte" with an index-friendly query on every database.
    family_name_search = models.CharField(max_length=100, editable=False, db_index=True)
    given_names = models.CharField(_("given names"), max_length=150)
    family_name_at_birth = models.CharField(_("family name at birth"), max_length=100, blank=True)
    birth_date = models.DateField(_("date of birth"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    birth_place = models.CharField(_("place of birth"), max_length=100, blank=True)
    nationality = CountryField(_("nationality"))
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=20)
    town = models.CharField(_("town"), max_length=100)
    country = CountryField(_("country of residence"))
    temp_street = models.CharField(_("temporary address: street and number"), max_length=200, blank=True)
    temp_postal_code = models.CharField(_("temporary address: postal code"), max_length=20, blank=True)
    temp_town = models.CharField(_("temporary address: town"), max_length=100, blank=True)
    temp_country = CountryField(_("temporary address: country"), blank=True)
    date_of_entry = models.DateField(_("date of entry into service"))
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["family_name", "given_names"]
        constraints = [
            models.UniqueConstraint(
                fields=["employer", "personal_number"], name="one_entry_per_person_per_employer"
            )
        ]

    def __str__(self):
        return f"{self.family_name}, {self.given_names}"

    def save(self, *args, **kwargs):
        self.family_name_search = self.family_name.lower()
        super().save(*args, **kwargs)

    @property
    def masked_personal_number(self) -> str:
        """For lists: enough to tell people apart, not enough to misuse."""
        from .identifiers import mask_personal_number

        return mask_personal_number(self.personal_number)


class EmploymentPeriod(models.Model):
    """A period in which the person is employed by the employer (the Dimona check)."""

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="employment_periods")
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True, help_text=_("Leave empty while employed."))

    class Meta:
        verbose_name = _("employment period")
        verbose_name_plural = _("employment periods")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="employment_end_after_start",
            )
        ]

    def __str__(self):
        return f"{self.start} – {self.end or '…'}"


class AuditEvent(models.Model):
    """Append-only record of who did what. Written by services, never edited or deleted."""

    actor = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    action = models.CharField(max_length=60)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


def _private_upload(prefix):
    def upload_to(instance, filename):
        import secrets

        return f"{prefix}/{timezone.now():%Y/%m}/{secrets.token_hex(12)}.pdf"

    return upload_to


def letter_upload_to(instance, filename):
    return _private_upload("letters")(instance, filename)


def authorization_upload_to(instance, filename):
    return _private_upload("authorizations")(instance, filename)


class ActivationLetter(models.Model):
    """The letter posted to a registering organisation's address, carrying a one-time activation code.

    Only a hash of the code is stored. The plain code exists in the letter PDF, which is kept until a
    caseworker marks the letter sent and then deleted, so afterwards the code exists only on paper.
    A new letter supersedes the earlier ones.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="activation_letters"
    )
    code_hash = models.CharField(max_length=128)
    pdf = models.FileField(_("letter PDF"), upload_to=letter_upload_to, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("code expires"))
    sent_at = models.DateTimeField(_("letter sent"), null=True, blank=True)
    sent_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    used_at = models.DateTimeField(_("code used"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)

    class Meta:
        verbose_name = _("activation letter")
        verbose_name_plural = _("activation letters")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organisation} ({self.created_at:%Y-%m-%d})"


class EmployeeAuthorization(models.Model):
    """The employee's signed authorization for a representative firm that also acts for the employee.

    Kept per employee and representative firm. It does not point at a request (accounts must not depend
    on postings); the postings side records which request used it in `used_by_request_id`.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a caseworker")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    employer = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="employee_authorizations"
    )
    # Empty once the worker is removed from the directory (postings.services.worker_removal): an
    # authorization a sent request used is kept as the evidence behind that request, and its file
    # and used_by_request_id still say whose it is; PROTECT so nothing else deletes a worker under it.
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="authorizations"
    )
    representative = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="authorizations_received"
    )
    file = models.FileField(_("signed authorization (PDF)"), upload_to=authorization_upload_to)
    uploaded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    used_by_request_id = models.PositiveBigIntegerField(_("used by request"), null=True, blank=True)

    class Meta:
        verbose_name = _("employee authorization")
        verbose_name_plural = _("employee authorizations")
        ordering = ["-uploaded_at"]
        indexes = [models.Index(fields=["employee", "representative", "status"])]

    def __str__(self):
        worker = self.employee if self.employee_id else _("removed from the directory")
        return f"{worker} → {self.representative}"


class ImportJob(models.Model):
    """A CSV import into the personnel directory, run by a Celery task; holds progress and the row report."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Checking rows")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Not imported")

    employer = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="import_jobs")
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(max_length=200, blank=True)
    source = models.TextField()
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    duplicate_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    # [{"row": 2, "name": "...", "number": "•••••2333", "outcome": "created|duplicate|error|not_imported",
    #   "errors": ["column: message"]}]
    report = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("personnel import")
        verbose_name_plural = _("personnel imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename or self.pk} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        return (
            int(100 * self.rows_done / self.rows_total) if self.rows_total else (100 if self.finished else 0)
        )


class StaffAccount(User):
    """Staff of the issuing institution as the admin lists them, to issue authenticator enrolment codes."""

    class Meta:
        proxy = True
        verbose_name = _("staff account")
        verbose_name_plural = _("staff accounts")


class EnrolmentCode(models.Model):
    """A one-time code, handed over out of band, that a staff member needs to enrol a first authenticator.

    Without it, whoever knew a caseworker's password before their first sign-in (or after their phone
    was removed) could enrol their own authenticator. Only a keyed hash is stored, as for the
    activation letter; a new code supersedes the earlier ones; used when the device is confirmed.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="enrolment_codes")
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(_("issued"), default=timezone.now)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("issued by")
    )
    expires_at = models.DateTimeField(_("code expires"))
    used_at = models.DateTimeField(_("code used"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)

    class Meta:
        verbose_name = _("enrolment code")
        verbose_name_plural = _("enrolment codes")
        ordering = ["-created_at"]
        permissions = [("issue_enrolment_code", _("Can issue enrolment codes for staff authenticators"))]

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"
