"""Forms for authoring modules: the draft's fields, lessons, questions with their answers, images."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.text import SingleLineFormMixin

from ..images import max_image_bytes
from ..models import Lesson, ModuleVersion, Question
from ..services.authoring import VERSION_FIELDS
from ..services.authoring_content import ANSWER_FIELDS, LESSON_FIELDS, QUESTION_FIELDS

ANSWER_SLOTS = 6


def refresh_seen(form, name, current):
    """After a refused save, the form carries what is stored now, so saving again is a deliberate overwrite.

    Only when someone else saved in between (the posted value differs); the author's text is kept.
    """
    if form.is_bound and str(form.data.get(name, "")) != str(current):
        form.data = form.data.copy()
        form.data[name] = current


class VersionForm(SingleLineFormMixin, forms.ModelForm):
    """The draft's fields, with the edit_version it was shown at (a stale save is refused)."""

    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ModuleVersion
        fields = VERSION_FIELDS
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "summary_ga": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["edit_version"] = self.instance.edit_version

    def values(self):
        return {name: self.cleaned_data[name] for name in VERSION_FIELDS}


class ModuleCreateForm(VersionForm):
    code = forms.SlugField(
        label=_("Code"),
        max_length=60,
        help_text=_("A short name of letters, digits and hyphens, e.g. customer-service-basics."),
    )
    field_order = ["code", *VERSION_FIELDS]


class LessonForm(SingleLineFormMixin, forms.ModelForm):
    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Lesson
        fields = LESSON_FIELDS
        widgets = {
            "body": forms.Textarea(attrs={"rows": 14, "data-markdown-preview": "preview-body"}),
            "body_ga": forms.Textarea(attrs={"rows": 8, "data-markdown-preview": "preview-body-ga"}),
        }
        help_texts = {
            "body": _("Markdown: ## for a heading, **bold**, *italic*, - for a list item, [text](link)."),
        }

    def values(self):
        return {name: self.cleaned_data[name] for name in LESSON_FIELDS}


class QuestionForm(SingleLineFormMixin, forms.ModelForm):
    """A question and up to ANSWER_SLOTS answers; empty answer rows are left out."""

    seen = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Question
        fields = QUESTION_FIELDS
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "text_ga": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        answers = list(self.instance.answers.all()) if self.instance.pk else []
        for slot in range(1, ANSWER_SLOTS + 1):
            answer = answers[slot - 1] if slot <= len(answers) else None
            for name, field in self._answer_fields(slot).items():
                self.fields[self.answer_field(slot, name)] = field
                if answer is not None and not self.is_bound:
                    self.initial[self.answer_field(slot, name)] = getattr(answer, name)

    @staticmethod
    def answer_field(slot, name):
        return f"answer_{slot}_{name}"

    @staticmethod
    def _answer_fields(slot):
        return {
            "text": forms.CharField(label=_("Answer %(n)s") % {"n": slot}, max_length=500, required=False),
            "text_ga": forms.CharField(label=_("Answer %(n)s in Irish") % {"n": slot}, max_length=500, required=False),
            "is_correct": forms.BooleanField(label=_("Answer %(n)s is correct") % {"n": slot}, required=False),
            "feedback": forms.CharField(
                label=_("Feedback on answer %(n)s") % {"n": slot},
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            ),
            "feedback_ga": forms.CharField(
                label=_("Feedback on answer %(n)s in Irish") % {"n": slot},
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            ),
        }

    def question_fields(self):
        return [self[name] for name in QUESTION_FIELDS]

    def answer_slots(self):
        """The bound fields of each answer slot, for the template (one fieldset per answer)."""
        return [
            (slot, [self[self.answer_field(slot, name)] for name in ANSWER_FIELDS])
            for slot in range(1, ANSWER_SLOTS + 1)
        ]

    def values(self):
        return {name: self.cleaned_data[name] for name in QUESTION_FIELDS}

    def answers(self):
        return [
            {name: self.cleaned_data[self.answer_field(slot, name)] for name in ANSWER_FIELDS}
            for slot in range(1, ANSWER_SLOTS + 1)
        ]


class ImageUploadForm(SingleLineFormMixin, forms.Form):
    image = forms.FileField(
        label=_("Image (PNG, JPEG, GIF or WebP)"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
    )
    description = forms.CharField(
        label=_("What the image shows"),
        max_length=300,
        help_text=_("Read out to people who cannot see the image."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        size = round(max_image_bytes() / 1024 / 1024, 1)
        self.fields["image"].help_text = _("At most %(size)s MB.") % {"size": size}
