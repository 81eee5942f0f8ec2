"""Consultations with customers and staff, and public comment periods on a draft charter."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation


class ConsultationMethod(models.TextChoices):
    SURVEY = "survey", _("Survey")
    FOCUS_GROUP = "focus_group", _("Focus group")
    CUSTOMER_PANEL = "customer_panel", _("Customer panel")
    COMMENT_CARDS = "comment_cards", _("Comment cards")
    MYSTERY_SHOPPING = "mystery_shopping", _("Mystery shopping")
    COMPLAINTS_ANALYSIS = "complaints_analysis", _("Complaints analysis")
    PUBLIC_CONSULTATION = "public_consultation", _("Public consultation on the draft")


class ConsultationAudience(models.TextChoices):
    CUSTOMERS = "customers", _("Customers")
    STAFF = "staff", _("Staff")
    BOTH = "both", _("Customers and staff")


class Consultation(models.Model):
    """What was asked, of whom, what was learned, and which charter sections and plan actions it informed."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="consultations")
    title = models.CharField(_("title"), max_length=200)
    method = models.CharField(_("method"), max_length=30, choices=ConsultationMethod.choices)
    audience = models.CharField(_("who took part"), max_length=20, choices=ConsultationAudience.choices)
    participants = models.CharField(_("participants"), max_length=500, blank=True)
    participant_count = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    findings = models.TextField(_("what we learned"), max_length=10000)
    informed_sections = models.ManyToManyField(
        "action_plans.CharterSection", blank=True, related_name="consultations", verbose_name=_("charter sections")
    )
    informed_actions = models.ManyToManyField(
        "action_plans.PlanAction", blank=True, related_name="consultations", verbose_name=_("plan actions")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["organisation", "-ends_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="consultation_dates")
        ]

    def __str__(self):
        return self.title


def new_public_token():
    return secrets.token_urlsafe(16)


class CommentPeriod(models.Model):
    """A public comment period on a draft charter, reached by an unguessable public link (and its QR code)."""

    charter = models.ForeignKey("action_plans.Charter", on_delete=models.CASCADE, related_name="comment_periods")
    token = models.CharField(max_length=40, unique=True, default=new_public_token, editable=False)
    starts_on = models.DateField(_("opens on"))
    ends_on = models.DateField(_("closes on"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    consultation = models.OneToOneField(
        Consultation, null=True, blank=True, on_delete=models.SET_NULL, related_name="comment_period"
    )

    class Meta:
        verbose_name = _("public comment period")
        verbose_name_plural = _("public comment periods")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="comment_period_dates")
        ]

    def __str__(self):
        return f"{self.charter} · {self.starts_on}–{self.ends_on}"


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class PublicComment(models.Model):
    """A comment from the public. No IP address, user agent or account is stored with it."""

    period = models.ForeignKey(CommentPeriod, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(_("comment"), max_length=5000)
    section = models.ForeignKey(
        "action_plans.CharterSection", null=True, blank=True, on_delete=models.SET_NULL, related_name="public_comments"
    )
    status = models.CharField(max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("public comment")
        verbose_name_plural = _("public comments")
        ordering = ["period", "created_at", "pk"]

    def __str__(self):
        return self.text[:80]
