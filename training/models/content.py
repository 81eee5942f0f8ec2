"""Module content: modules, their versions, lessons, quiz questions and answers.

Every text a learner reads has an optional Irish text (``*_ga``); `common.bilingual` style display
picks the visitor's language and falls back to English.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Superseded")


class Module(models.Model):
    """A training module: shared with the whole public service (no organisation) or owned by one."""

    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_modules",
        verbose_name=_("organisation"),
        help_text=_("Empty for a shared module authored by administrators."),
    )
    code = models.SlugField(_("code"), max_length=60)
    # Completions of versions numbered below this one no longer count (set by a publication that says so).
    completions_valid_from = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="training_module_code_unique"),
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(organisation__isnull=True), name="training_shared_code_unique"
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def is_shared(self):
        return self.organisation_id is None


class ModuleVersion(models.Model):
    """One numbered version of a module's content. Only a draft may change."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    title = models.CharField(_("title"), max_length=200)
    title_ga = models.CharField(_("title (Irish)"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), max_length=2000)
    summary_ga = models.TextField(_("summary (Irish)"), max_length=2000, blank=True)
    estimated_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=30)
    validity_months = models.PositiveIntegerField(
        _("valid for (months)"), null=True, blank=True, help_text=_("Empty if a completion never expires.")
    )
    pass_mark = models.PositiveIntegerField(_("pass mark (%)"), default=80)
    max_attempts = models.PositiveIntegerField(
        _("attempts allowed"), null=True, blank=True, help_text=_("Empty for unlimited attempts.")
    )
    questions_per_attempt = models.PositiveIntegerField(
        _("questions per attempt"), null=True, blank=True, help_text=_("Empty to ask every question.")
    )
    invalidates_earlier = models.BooleanField(
        _("earlier completions must be retaken"),
        default=False,
        help_text=_("When published, completions of earlier versions stop counting."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    edit_version = models.PositiveIntegerField(default=0, editable=False)  # optimistic concurrency check

    class Meta:
        verbose_name = _("module version")
        verbose_name_plural = _("module versions")
        ordering = ["module", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["module", "number"], name="training_version_number_unique"),
            models.UniqueConstraint(
                fields=["module"],
                condition=models.Q(status="published"),
                name="training_one_published_version",
            ),
            models.UniqueConstraint(
                fields=["module"], condition=models.Q(status="draft"), name="training_one_draft_version"
            ),
            models.CheckConstraint(
                condition=models.Q(pass_mark__gte=0, pass_mark__lte=100), name="training_pass_mark_percent"
            ),
        ]

    def __str__(self):
        return f"{self.title} (v{self.number})"

    @property
    def has_quiz(self):
        return self.questions.exists()


class Lesson(models.Model):
    version = models.ForeignKey(ModuleVersion, on_delete=models.CASCADE, related_name="lessons")
    position = models.PositiveIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    title_ga = models.CharField(_("title (Irish)"), max_length=200, blank=True)
    body = models.TextField(_("text (Markdown)"), max_length=50000)
    body_ga = models.TextField(_("text in Irish (Markdown)"), max_length=50000, blank=True)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="training_lesson_position_unique")]

    def __str__(self):
        return self.title


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One answer")
    MULTIPLE = "multiple", _("Several answers")


class Question(models.Model):
    version = models.ForeignKey(ModuleVersion, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.SINGLE)
    text = models.TextField(_("question"), max_length=2000)
    text_ga = models.TextField(_("question (Irish)"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="training_question_position_unique")
        ]

    def __str__(self):
        return self.text[:80]


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveIntegerField(_("position"))
    text = models.CharField(_("answer"), max_length=500)
    text_ga = models.CharField(_("answer (Irish)"), max_length=500, blank=True)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.TextField(_("feedback"), max_length=2000, blank=True)
    feedback_ga = models.TextField(_("feedback (Irish)"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["question", "position"]
        constraints = [models.UniqueConstraint(fields=["question", "position"], name="training_answer_position_unique")]

    def __str__(self):
        return self.text[:80]


class ModuleAdoption(models.Model):
    """An organisation's choice that a shared module applies to it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="adopted_modules")
    module = models.ForeignKey(Module, on_delete=models.PROTECT, related_name="adoptions")
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("adopted shared module")
        verbose_name_plural = _("adopted shared modules")
        constraints = [models.UniqueConstraint(fields=["organisation", "module"], name="training_adoption_unique")]

    def __str__(self):
        return f"{self.organisation} · {self.module}"
