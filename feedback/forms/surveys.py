"""Forms for surveys: the survey itself, a question, and the answer form built from a survey's questions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.bilingual import in_language

from ..models import QuestionKind, ResponseChannel, Survey
from ..surveys_results import scale_of

CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "title_ga", "introduction", "introduction_ga", "opens_on", "closes_on", "is_anonymous"]
        widgets = {
            "opens_on": DateInput(),
            "closes_on": DateInput(),
            "introduction": forms.Textarea(attrs={"rows": 3}),
            "introduction_ga": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "is_anonymous": _(
                "Anonymous surveys ask for no name or e-mail address and keep nothing that identifies anyone."
            )
        }

    def values(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def _post_clean(self):
        """The service checks the rules (and the database constraint); the form only checks the fields."""


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of question"), choices=QuestionKind.choices)
    text = forms.CharField(label=_("Question"), max_length=500)
    text_ga = forms.CharField(label=_("Question in Irish"), max_length=500, required=False)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    scale_max = forms.IntegerField(
        label=_("Highest rating"),
        required=False,
        min_value=2,
        max_value=10,
        initial=5,
        help_text=_("For a rating scale only: it goes from 1 to this number."),
    )
    options = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For one or several choices only: one choice a line."),
    )
    options_ga = forms.CharField(
        label=_("Choices in Irish"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The same choices in the same order, one a line."),
    )

    @classmethod
    def initial_for(cls, question):
        options = list(question.options.order_by("position"))
        return {
            "kind": question.kind,
            "text": question.text,
            "text_ga": question.text_ga,
            "required": question.required,
            "scale_max": question.scale_max,
            "options": "\n".join(o.text for o in options),
            "options_ga": "\n".join(o.text_ga for o in options),
        }

    def values(self):
        data = self.cleaned_data
        texts = [line for line in data["options"].splitlines() if line.strip()]
        irish = [line for line in data["options_ga"].splitlines() if line.strip()]
        irish += [""] * (len(texts) - len(irish))
        return {
            "kind": data["kind"],
            "text": data["text"],
            "text_ga": data["text_ga"],
            "required": data["required"],
            "scale_max": data["scale_max"] or 5,
            "options": list(zip(texts, irish, strict=False)),
        }


def _scale_choices(question):
    return [(str(point), str(point)) for point in scale_of(question)]


def _scale_help(question):
    if question.kind == QuestionKind.SATISFACTION:
        return _("1 means very dissatisfied, 5 very satisfied.")
    if question.kind == QuestionKind.NET_PROMOTER:
        return _("0 means not at all likely, 10 extremely likely.")
    return _("1 is the lowest, %(top)s the highest.") % {"top": question.scale_max}


def question_field(question):
    label = in_language(question, "text")
    required = question.required
    if question.kind in (QuestionKind.RATING, QuestionKind.SATISFACTION, QuestionKind.NET_PROMOTER):
        return forms.ChoiceField(
            label=label,
            required=required,
            choices=_scale_choices(question),
            widget=forms.RadioSelect,
            help_text=_scale_help(question),
        )
    if question.kind in CHOICE_KINDS:
        choices = [(str(option.pk), in_language(option, "text")) for option in question.options.all()]
        if question.kind == QuestionKind.SINGLE:
            return forms.ChoiceField(label=label, required=required, choices=choices, widget=forms.RadioSelect)
        return forms.MultipleChoiceField(
            label=label, required=required, choices=choices, widget=forms.CheckboxSelectMultiple
        )
    return forms.CharField(label=label, required=required, max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


class ResponseForm(forms.Form):
    """The answers to a survey: one field ``q<pk>`` a question; name and e-mail only when not anonymous."""

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.questions = list(survey.questions.prefetch_related("options").order_by("position"))
        for question in self.questions:
            self.fields[f"q{question.pk}"] = question_field(question)
        if not survey.is_anonymous:
            self.fields["respondent_name"] = forms.CharField(label=_("Your name"), max_length=200, required=False)
            self.fields["respondent_email"] = forms.EmailField(label=_("Your e-mail address"), required=False)

    def answers(self):
        return {question.pk: self.cleaned_data.get(f"q{question.pk}") for question in self.questions}

    def respondent(self):
        return {
            "respondent_name": self.cleaned_data.get("respondent_name", ""),
            "respondent_email": self.cleaned_data.get("respondent_email", ""),
        }


OTHER_FORMATS = [choice for choice in ResponseChannel.choices if choice[0] != ResponseChannel.WEB]


class PaperResponseForm(ResponseForm):
    """A response received on paper or in another format, typed in by staff."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"] = forms.ChoiceField(label=_("Received as"), choices=OTHER_FORMATS)
        self.order_fields(["channel"])
