from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.dates import MONTHS
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from common.text import no_control_characters

from .roles import CentralRole, OrganisationRole


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    """A person with an account. People sign in with their e-mail address."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    # Sessions signed in before this moment end at their next request (common/sessions.py).
    sessions_valid_after = models.DateTimeField(_("sessions valid after"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.get_full_name() or self.email

    @cached_property
    def central_roles(self):
        """Roles held in the evaluation unit or central administration."""
        if not self.is_active:
            return frozenset()
        names = set(self.groups.values_list("name", flat=True))
        if self.is_superuser:
            names.add(CentralRole.ADMINISTRATOR)
        return frozenset(CentralRole(name) for name in names if name in CentralRole.values)

    @property
    def is_administrator(self):
        return CentralRole.ADMINISTRATOR in self.central_roles

    @property
    def is_evaluator(self):
        return bool({CentralRole.EVALUATOR, CentralRole.LEAD_EVALUATOR} & self.central_roles)

    @property
    def is_lead_evaluator(self):
        return CentralRole.LEAD_EVALUATOR in self.central_roles


class Sector(models.TextChoices):
    CENTRAL_GOVERNMENT = "central", _("Central government department")
    AGENCY = "agency", _("State agency or office")
    LOCAL_AUTHORITY = "local", _("Local authority")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    JUSTICE = "justice", _("Justice and policing")
    OTHER = "other", _("Other public body")


class FinancialYearLabel(models.TextChoices):
    """How a financial year starting in 2019 is written (see standards/periods.py)."""

    DASH = "dash", "2019-20"
    SLASH = "slash", "2019/20"
    FY = "fy", "FY2020"


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True, validators=[no_control_characters])
    short_name = models.CharField(_("short name"), max_length=40, blank=True, validators=[no_control_characters])
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True, validators=[no_control_characters])
    is_active = models.BooleanField(_("active"), default=True)
    financial_year_start_month = models.PositiveSmallIntegerField(
        _("financial year starts in"),
        choices=list(MONTHS.items()),
        default=1,
        help_text=_("January means the financial year is the calendar year."),
    )
    financial_year_label_style = models.CharField(
        _("financial year label"),
        max_length=10,
        choices=FinancialYearLabel.choices,
        default=FinancialYearLabel.DASH,
        help_text=_("How the organisation names a financial year that does not start in January."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(financial_year_start_month__gte=1, financial_year_start_month__lte=12),
                name="organisation_financial_year_month_valid",
            )
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [
            ("manage_charter", _("Draft charters, action plans and consultations")),
            ("manage_standards", _("Define service standards and submit metric returns")),
            ("approve_submissions", _("Approve what the organisation submits")),
            ("handle_feedback", _("Handle complaints and other feedback cases")),
            ("receive_escalations", _("Receive red-button complaints and escalations")),
            ("view_audit_log", _("View the organisation's audit log")),
            ("manage_training", _("Assign training to staff")),
            ("take_training", _("Complete assigned training")),
            ("manage_surveys", _("Build customer surveys, enter paper responses and read the results")),
            ("view_training_compliance", _("Read training compliance figures")),
            ("manage_members", _("Add, change and remove members")),
            ("review_returns", _("Query and accept metric returns")),
            ("review_documents", _("Request changes to and approve charters and action plans")),
            ("assign_evaluators", _("Assign evaluators")),
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """One role a person holds in one organisation. A person may hold several."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=30, choices=OrganisationRole.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "user__email", "role"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role")]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"


class EvaluatorAssignment(models.Model):
    """An evaluator assigned to review an organisation's work (metric returns, charters)."""

    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evaluator_assignments"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="evaluator_assignments")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "evaluator__email"]
        constraints = [
            models.UniqueConstraint(fields=["evaluator", "organisation"], name="evaluator_assignment_unique")
        ]

    def __str__(self):
        return f"{self.evaluator} → {self.organisation}"


class OrganisationUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Organisation, on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        abstract = False


class OrganisationGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Organisation, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        abstract = False


class AuditEvent(models.Model):
    """Who did what to which object, when, with the data before and after."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=254, blank=True)
    verb = models.CharField(max_length=60)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    target_type = models.CharField(max_length=100)
    target_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(max_length=300, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.verb} {self.target_label}"
