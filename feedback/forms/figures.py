"""The figures page: link one of the organisation's standards to a feedback figure."""

from django import forms
from django.utils.translation import gettext_lazy as _

from standards.models import ServiceStandard

from ..figures import SURVEY_QUESTION_KINDS
from ..models import CaseCategory, CaseChannel, FigureKind, SurveyQuestion


class FigureLinkForm(forms.Form):
    """Standards and questions are the organisation's own: any other id is refused as an invalid choice."""

    standard = forms.ModelChoiceField(label=_("Standard"), queryset=ServiceStandard.objects.none())
    kind = forms.ChoiceField(label=_("Figure"), choices=FigureKind.choices)
    category = forms.ChoiceField(
        label=_("Only cases of this category"),
        required=False,
        choices=[("", _("Every category")), *CaseCategory.choices],
    )
    channel = forms.ChoiceField(
        label=_("Only cases from this channel"),
        required=False,
        choices=[("", _("Every channel")), *CaseChannel.choices],
    )
    survey_question = forms.ModelChoiceField(
        label=_("Survey question (for the survey figure)"),
        required=False,
        queryset=SurveyQuestion.objects.none(),
        empty_label=_("No survey"),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["standard"].queryset = ServiceStandard.objects.filter(
            organisation=organisation, feedback_figure__isnull=True
        ).order_by("code")
        self.fields["standard"].label_from_instance = lambda standard: f"{standard.code} {standard.title}"
        self.fields["survey_question"].queryset = (
            SurveyQuestion.objects.filter(survey__organisation=organisation, kind__in=SURVEY_QUESTION_KINDS)
            .select_related("survey")
            .order_by("-survey__opens_on", "survey__pk", "position")
        )
        self.fields["survey_question"].label_from_instance = lambda question: (
            f"{question.survey.title}: {question.text}"
        )
