"""The Customer Action Plan: three years of actions under the 12 principles, and their progress."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.principles import Principle

from .documents import DocumentState, VersionedDocument


class ActionPlan(VersionedDocument):
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    edit_version = models.PositiveIntegerField(default=0, editable=False)  # optimistic concurrency check

    class Meta:
        verbose_name = _("customer action plan")
        verbose_name_plural = _("customer action plans")
        ordering = ["organisation", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="plan_number_unique"),
            models.UniqueConstraint(
                fields=["organisation"], condition=models.Q(state="published"), name="plan_one_published"
            ),
            models.UniqueConstraint(
                fields=["organisation"], condition=models.Q(state__in=DocumentState.OPEN_STATES), name="plan_one_open"
            ),
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")), name="plan_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.organisation} · action plan v{self.number}"


class PlanAction(models.Model):
    """One action under a principle. A new plan version copies its actions (``carried_from`` keeps the thread)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    principle = models.CharField(_("principle"), max_length=20, choices=Principle.choices)
    position = models.PositiveIntegerField()
    objective = models.CharField(_("objective"), max_length=500)
    action = models.TextField(_("action"), max_length=5000)
    owner = models.CharField(_("owner"), max_length=200, help_text=_("The unit or post responsible."))
    target_date = models.DateField(_("target date"))
    indicator = models.CharField(_("performance indicator"), max_length=500)
    standards = models.ManyToManyField("standards.ServiceStandard", blank=True, related_name="+")
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="carried_to"
    )
    edit_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["plan", "principle", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "principle", "position"], name="plan_action_position_unique")
        ]

    def __str__(self):
        return self.objective


class ProgressStatus(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    LATE = "late", _("Late")
    DONE = "done", _("Done")


class ActionProgress(models.Model):
    """A dated progress update on an action of a published plan. Updates are added, never edited."""

    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(_("status"), max_length=20, choices=ProgressStatus.choices)
    note = models.TextField(_("note"), max_length=5000, blank=True)
    reported_on = models.DateField(_("date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["action", "-reported_on", "-pk"]

    def __str__(self):
        return f"{self.action} · {self.get_status_display()}"


class PlanDigestSent(models.Model):
    """The weekly e-mail digest of overdue and at-risk actions was sent to this person for this week."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week_of = models.DateField(help_text="The Monday of the week.")
    sent_at = models.DateTimeField(auto_now_add=True)
    actions = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("action plan digest sent")
        verbose_name_plural = _("action plan digests sent")
        constraints = [models.UniqueConstraint(fields=["user", "week_of"], name="plan_digest_once_a_week")]

    def __str__(self):
        return f"{self.user} · {self.week_of}"
