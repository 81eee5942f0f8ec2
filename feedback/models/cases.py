"""One case system for every channel: red-button reports and contacts logged by staff."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

from .points import ServicePoint


class CaseCategory(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    CONDUCT = "conduct", _("Unethical conduct by an official")
    SUGGESTION = "suggestion", _("Suggestion")
    COMPLIMENT = "compliment", _("Compliment")


class CaseChannel(models.TextChoices):
    RED_BUTTON = "red_button", _("Red button (QR code)")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    COUNTER = "counter", _("Counter")
    CHAT = "chat", _("Live chat")
    WEB_FORM = "web_form", _("Web form")
    SOCIAL = "social", _("Social media")


class CaseState(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    IN_PROGRESS = "in_progress", _("In progress")
    ESCALATED = "escalated", _("Escalated")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


CaseState.OPEN_STATES = (CaseState.RECEIVED, CaseState.ACKNOWLEDGED, CaseState.IN_PROGRESS, CaseState.ESCALATED)


class Case(models.Model):
    """A report or contact. Anonymous cases keep no contact details; no case keeps an IP address,
    user agent or session, and a red-button report is linked to no user."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="cases")
    service_point = models.ForeignKey(
        ServicePoint, null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    receipt_hash = models.CharField(max_length=200, blank=True, editable=False)  # slow hash of the receipt secret
    category = models.CharField(_("category"), max_length=20, choices=CaseCategory.choices)
    channel = models.CharField(_("channel"), max_length=20, choices=CaseChannel.choices)
    state = models.CharField(_("state"), max_length=20, choices=CaseState.choices, default=CaseState.RECEIVED)
    description = models.TextField(_("what happened"), max_length=10000)
    happened_on = models.DateField(_("when it happened"), null=True, blank=True)
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    reporter_name = models.CharField(_("name"), max_length=200, blank=True)
    reporter_email = models.EmailField(_("e-mail"), blank=True)
    reporter_phone = models.CharField(_("phone"), max_length=40, blank=True)
    received_at = models.DateTimeField(_("received"))
    acknowledge_by = models.DateField(_("acknowledge by"))
    resolve_by = models.DateField(_("resolve by"))
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    resolution = models.TextField(_("resolution"), max_length=10000, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_cases"
    )
    logged_by = models.ForeignKey(  # the officer who logged a contact; empty for red-button reports
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    satisfaction = models.PositiveSmallIntegerField(_("satisfaction (1–5)"), null=True, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "state"]),
            models.Index(fields=["organisation", "received_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(satisfaction__isnull=True) | models.Q(satisfaction__gte=1, satisfaction__lte=5),
                name="case_satisfaction_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(is_anonymous=False)
                | models.Q(reporter_name="", reporter_email="", reporter_phone=""),
                name="case_anonymous_has_no_contact",
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_open(self):
        return self.state in CaseState.OPEN_STATES


class MessageDirection(models.TextChoices):
    TO_REPORTER = "to_reporter", _("To the reporter")
    FROM_REPORTER = "from_reporter", _("From the reporter")
    INTERNAL = "internal", _("Internal note")


class CaseMessage(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(max_length=20, choices=MessageDirection.choices)
    text = models.TextField(_("message"), max_length=10000)
    author = models.ForeignKey(  # staff author; empty for the reporter's own messages
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("case message")
        verbose_name_plural = _("case messages")
        ordering = ["case", "created_at", "pk"]

    def __str__(self):
        return self.text[:80]


class CasePhoto(models.Model):
    """A photo sent with a report, re-encoded on upload so metadata such as GPS is gone."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(upload_to="case-photos/%Y/%m/")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.image.name


class CaseDeadline(models.Model):
    """How many working days an organisation allows to acknowledge and to resolve a category of case."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="case_deadlines")
    category = models.CharField(_("category"), max_length=20, choices=CaseCategory.choices)
    acknowledge_days = models.PositiveIntegerField(_("acknowledge within (working days)"), default=3)
    resolve_days = models.PositiveIntegerField(_("resolve within (working days)"), default=20)

    class Meta:
        verbose_name = _("case deadline")
        verbose_name_plural = _("case deadlines")
        constraints = [models.UniqueConstraint(fields=["organisation", "category"], name="case_deadline_unique")]

    def __str__(self):
        return f"{self.organisation} · {self.get_category_display()}"


class ClosureDay(models.Model):
    """A day the organisation is closed, besides the public holidays of its country."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="closure_days")
    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closure day")
        verbose_name_plural = _("closure days")
        constraints = [models.UniqueConstraint(fields=["organisation", "day"], name="closure_day_unique")]

    def __str__(self):
        return f"{self.day} {self.reason}".strip()


class ConductDelegate(models.Model):
    """Someone the head of organisation lets see and handle reports of unethical conduct."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="conduct_delegates")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    delegated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conduct delegate")
        verbose_name_plural = _("conduct delegates")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="conduct_delegate_unique")]

    def __str__(self):
        return f"{self.organisation} · {self.user}"
