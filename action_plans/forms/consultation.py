"""Forms for consultations, comment periods, moderation and the public comment form."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import CommentStatus, Consultation
from ..services.comments import COMMENT_MAX_LENGTH

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IdsField(forms.TypedMultipleChoiceField):
    """Checkboxes of ids; ids outside the offered choices reach the service, which refuses them clearly."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(coerce=int, required=False, **kwargs)

    def valid_value(self, value):
        return str(value).isdigit()

    def validate(self, value):
        for item in value:
            if not self.valid_value(item):
                raise forms.ValidationError(_("Choose from the list."), code="invalid_choice")


class ConsultationForm(forms.ModelForm):
    informed_sections = IdsField(label=_("Charter sections it informed"))
    informed_actions = IdsField(label=_("Plan actions it informed"))

    class Meta:
        model = Consultation
        fields = [
            "title",
            "method",
            "audience",
            "participants",
            "participant_count",
            "starts_on",
            "ends_on",
            "findings",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE, "findings": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"participants": _("Who took part, for example “Customers at the Dublin office”.")}

    def __init__(self, *args, sections=(), actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["informed_sections"].choices = [
            (
                section.pk,
                _("Charter version %(number)s: %(section)s") % {"number": section.charter.number, "section": section},
            )
            for section in sections
        ]
        self.fields["informed_actions"].choices = [
            (
                action.pk,
                _("Plan version %(number)s, %(principle)s: %(objective)s")
                % {
                    "number": action.plan.number,
                    "principle": action.get_principle_display(),
                    "objective": action.objective,
                },
            )
            for action in actions
        ]
        if self.instance.pk and not self.is_bound:
            self.initial["informed_sections"] = list(self.instance.informed_sections.values_list("pk", flat=True))
            self.initial["informed_actions"] = list(self.instance.informed_actions.values_list("pk", flat=True))

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date cannot be before the start date."))
        return cleaned

    def _post_clean(self):
        pass  # the service saves; the model's check constraint is checked in clean() above

    def values(self):
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class CommentPeriodForm(forms.Form):
    starts_on = forms.DateField(label=_("Opens on"), widget=DATE)
    ends_on = forms.DateField(
        label=_("Closes on"), widget=DATE, help_text=_("Comments are taken until the end of this day.")
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", _("The closing date cannot be before the opening date."))
        return cleaned


class RecordForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=200, required=False, help_text=_("Leave empty for the usual title.")
    )
    findings = forms.CharField(label=_("What we learned"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6}))


class ModerationForm(forms.Form):
    comment = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[(CommentStatus.ACCEPTED, _("Accept")), (CommentStatus.REJECTED, _("Reject"))])
    section = forms.IntegerField(required=False)


class PublicCommentForm(forms.Form):
    section = forms.TypedChoiceField(
        label=_("Which part of the charter is your comment about?"),
        coerce=int,
        required=False,
        empty_value=None,
    )
    text = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = gettext(
            "Up to %(count)s characters. Please do not include personal details such as your name or address."
        ) % {"count": COMMENT_MAX_LENGTH}
        self.fields["section"].choices = [("", _("The charter as a whole"))] + [
            (section.pk, str(section)) for section in sections
        ]
