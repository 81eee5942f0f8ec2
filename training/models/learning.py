"""Who must take which module, where each person is in it, quiz attempts and completions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation
from organisations.roles import OrganisationRole

from .content import Lesson, Module, ModuleVersion


class DueKind(models.TextChoices):
    AFTER_JOINING = "after_joining", _("A number of days after joining")
    FIXED = "fixed", _("On a fixed date")


class AssignmentRule(models.Model):
    """Assign a module to every member of an organisation holding a role (or any role), now and on joining."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="training_rules")
    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="rules")
    role = models.CharField(
        _("role"), max_length=30, choices=OrganisationRole.choices, blank=True, help_text=_("Empty for every member.")
    )
    due_kind = models.CharField(_("due"), max_length=20, choices=DueKind.choices, default=DueKind.AFTER_JOINING)
    due_days = models.PositiveIntegerField(_("days after joining"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    applies_to_new_members = models.BooleanField(_("also assign to new members when they join"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assignment rule")
        verbose_name_plural = _("assignment rules")

    def __str__(self):
        return f"{self.module} → {self.get_role_display() or _('every member')}"


class Assignment(models.Model):
    """One person must complete one module for one organisation by a date."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="training_assignments")
    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="assignments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_assignments")
    rule = models.ForeignKey(
        AssignmentRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="assignments"
    )
    due_date = models.DateField(_("due date"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("training assignment")
        verbose_name_plural = _("training assignments")
        indexes = [models.Index(fields=["organisation", "module"]), models.Index(fields=["user", "due_date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "module", "user"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="training_one_live_assignment",
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.module}"


class LessonProgress(models.Model):
    """Where a person is in a module version: the lesson they were last on and how far they have read."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    version = models.ForeignKey(ModuleVersion, on_delete=models.CASCADE, related_name="progress")
    current_lesson = models.ForeignKey(Lesson, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    furthest_position = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["user", "version"], name="training_progress_unique")]

    def __str__(self):
        return f"{self.user} · {self.version}"


class QuizAttempt(models.Model):
    """One attempt at a version's quiz. The questions drawn and their answer order are fixed when it starts;
    it is scored on the server, once.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="quiz_attempts")
    version = models.ForeignKey(ModuleVersion, on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveIntegerField()
    drawn = models.JSONField(default=list, help_text="[{'question': id, 'answers': [id, ...]}, ...] in display order")
    chosen = models.JSONField(default=dict, blank=True, help_text="{question id: [answer id, ...]} once submitted")
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score_percent = models.PositiveIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [models.UniqueConstraint(fields=["user", "version", "number"], name="training_attempt_unique")]

    def __str__(self):
        return f"{self.user} · {self.version} · {self.number}"


class Completion(models.Model):
    """A person completed a module version (read every lesson and passed its quiz, if it has one).

    A completion is a record of fact: never edited. It counts while it has not expired and its version is not
    older than ``module.completions_valid_from``.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_completions")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="training_completions")
    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="completions")
    version = models.ForeignKey(ModuleVersion, on_delete=models.PROTECT, related_name="completions")
    version_number = models.PositiveIntegerField()
    attempt = models.OneToOneField(
        QuizAttempt, null=True, blank=True, on_delete=models.PROTECT, related_name="completion"
    )
    completed_at = models.DateTimeField()
    expires_on = models.DateField(null=True, blank=True)
    certificate = models.OneToOneField(
        "certificates.Certificate", null=True, blank=True, on_delete=models.PROTECT, related_name="training_completion"
    )

    class Meta:
        verbose_name = _("completion")
        verbose_name_plural = _("completions")
        indexes = [
            models.Index(fields=["module", "user", "-completed_at"]),
            models.Index(fields=["organisation", "-completed_at"]),
        ]

    def __str__(self):
        return f"{self.user} · {self.module} v{self.version_number}"
