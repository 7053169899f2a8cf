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
    payroll_tax_number = models.CharField(_("payroll tax number (loonheffingennummer)"), max_length=12, blank=True)
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

    @property
    def registration_number(self) -> str:
        """The identifier printed on the certificate (PD A1 field 4.2)."""
        return self.kvk_number or self.enterprise_number or self.payroll_tax_number or self.rsin


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
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")]

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
        Organisation, on_delete=models.PROTECT, related_name="mandates_given", limit_choices_to={"kind": "employer"}
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
            models.UniqueConstraint(fields=["employer", "personal_number"], name="one_entry_per_person_per_employer")
        ]

    def __str__(self):
        return f"{self.family_name}, {self.given_names}"

    def save(self, *args, **kwargs):
        self.family_name_search = self.family_name.lower()
        super().save(*args, **kwargs)

    @property
    def masked_personal_number(self) -> str:
        """For lists: enough to tell people apart, not enough to misuse."""
        number = self.personal_number
        return "•" * max(len(number) - 4, 0) + number[-4:]


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
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="employment_end_after_start"
            )
        ]


class AuditEvent(models.Model):
    """Append-only record of who did what. Written by services, never edited or deleted."""

    actor = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    action = models.CharField(max_length=60)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
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
