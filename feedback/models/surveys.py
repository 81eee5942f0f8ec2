"""Customer surveys: bilingual questions, a public link, web and paper (or other format) responses."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation


def new_survey_token():
    return secrets.token_urlsafe(12)


class Survey(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="surveys")
    title = models.CharField(_("title"), max_length=200)
    title_ga = models.CharField(_("title in Irish"), max_length=200, blank=True)
    introduction = models.TextField(_("introduction"), max_length=5000, blank=True)
    introduction_ga = models.TextField(_("introduction in Irish"), max_length=5000, blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    is_anonymous = models.BooleanField(_("anonymous"), default=True)
    token = models.CharField(max_length=40, unique=True, default=new_survey_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["organisation", "-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")), name="survey_dates")
        ]

    def __str__(self):
        return self.title


class QuestionKind(models.TextChoices):
    RATING = "rating", _("Rating scale")
    SATISFACTION = "satisfaction", _("Satisfaction (1–5)")
    NET_PROMOTER = "net_promoter", _("Net promoter (0–10)")
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    TEXT = "text", _("Free text")


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField()
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=500)
    text_ga = models.CharField(_("question in Irish"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    scale_max = models.PositiveSmallIntegerField(_("highest rating"), default=5)

    class Meta:
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        ordering = ["survey", "position"]
        constraints = [models.UniqueConstraint(fields=["survey", "position"], name="survey_question_position_unique")]

    def __str__(self):
        return self.text


class SurveyOption(models.Model):
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveIntegerField()
    text = models.CharField(_("choice"), max_length=300)
    text_ga = models.CharField(_("choice in Irish"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "position"]

    def __str__(self):
        return self.text


class ResponseChannel(models.TextChoices):
    WEB = "web", _("Web")
    PAPER = "paper", _("Paper")
    LARGE_PRINT = "large_print", _("Large print")
    BRAILLE = "braille", _("Braille")
    PHONE = "phone", _("Phone")


class SurveyResponse(models.Model):
    """One person's answers. Web responses to an anonymous survey keep nothing that identifies anyone."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    channel = models.CharField(_("received by"), max_length=20, choices=ResponseChannel.choices)
    entered_by = models.ForeignKey(  # the staff member who typed in a paper (or other format) response
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    respondent_name = models.CharField(_("name"), max_length=200, blank=True)
    respondent_email = models.EmailField(_("e-mail"), blank=True)
    submitted_at = models.DateTimeField()

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["survey", "submitted_at"])]

    def __str__(self):
        return f"{self.survey} · {self.pk}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    number = models.SmallIntegerField(null=True, blank=True)
    options = models.ManyToManyField(SurveyOption, blank=True, related_name="answers")
    text = models.TextField(max_length=5000, blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="survey_answer_unique")]

    def __str__(self):
        return f"{self.question}: {self.number if self.number is not None else self.text[:40]}"
