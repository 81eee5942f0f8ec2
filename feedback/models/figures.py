"""Which feedback figure feeds which service standard."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .cases import CaseCategory, CaseChannel


class FigureKind(models.TextChoices):
    ACKNOWLEDGED_ON_TIME = "acknowledged_on_time", _("Cases acknowledged on time (%)")
    RESOLVED_ON_TIME = "resolved_on_time", _("Cases resolved on time (%)")
    CASE_COUNT = "case_count", _("Number of cases")
    CASE_SATISFACTION = "case_satisfaction", _("Satisfaction with case handling")
    SURVEY_SATISFACTION = "survey_satisfaction", _("Survey satisfaction score")


class FeedbackFigure(models.Model):
    """A standard whose value for each period is computed from cases or a survey and fed into the return."""

    standard = models.OneToOneField(
        "standards.ServiceStandard", on_delete=models.CASCADE, related_name="feedback_figure"
    )
    kind = models.CharField(_("figure"), max_length=30, choices=FigureKind.choices)
    category = models.CharField(_("only this category"), max_length=20, choices=CaseCategory.choices, blank=True)
    channel = models.CharField(_("only this channel"), max_length=20, choices=CaseChannel.choices, blank=True)
    survey_question = models.ForeignKey(
        "feedback.SurveyQuestion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feedback figure")
        verbose_name_plural = _("feedback figures")

    def __str__(self):
        return f"{self.standard} ← {self.get_kind_display()}"
