"""Forms of the action-plan pages. Ids arriving in forms (actions, standards) are checked again by the services."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.principles import Principle

from ..models import PlanAction, ProgressStatus

PLAN_YEARS = 3


def default_end(starts_on):
    """Three years less a day: a plan starting on 1 January 2026 ends on 31 December 2028."""
    try:
        return starts_on.replace(year=starts_on.year + PLAN_YEARS) - datetime.timedelta(days=1)
    except ValueError:  # 29 February
        return starts_on.replace(year=starts_on.year + PLAN_YEARS, day=28)


class PlanStartForm(forms.Form):
    starts_on = forms.DateField(label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(
        label=_("Ends on"),
        required=False,
        help_text=_("Leave empty for three years from the start."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):
        data = super().clean()
        starts_on = data.get("starts_on")
        if starts_on and not data.get("ends_on"):
            data["ends_on"] = default_end(starts_on)
        if starts_on and data.get("ends_on") and data["ends_on"] <= starts_on:
            self.add_error("ends_on", _("The plan must end after it starts."))
        return data


class ActionForm(forms.Form):
    principle = forms.ChoiceField(label=_("Principle"), choices=Principle.choices)
    objective = forms.CharField(label=_("Objective"), max_length=500)
    action = forms.CharField(label=_("Action"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    owner = forms.CharField(label=_("Owner"), max_length=200, help_text=_("The unit or post responsible."))
    target_date = forms.DateField(label=_("Target date"), widget=forms.DateInput(attrs={"type": "date"}))
    indicator = forms.CharField(label=_("Performance indicator"), max_length=500)
    standards = forms.MultipleChoiceField(
        label=_("Linked service standards"), required=False, widget=forms.CheckboxSelectMultiple
    )
    edit_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, standards=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Only the organisation's own standards are offered; any other id is refused as an invalid choice.
        self.fields["standards"].choices = [(str(s.pk), f"{s.code} — {s.title}") for s in standards]

    @classmethod
    def initial_for(cls, action: PlanAction):
        return {
            "principle": action.principle,
            "objective": action.objective,
            "action": action.action,
            "owner": action.owner,
            "target_date": action.target_date,
            "indicator": action.indicator,
            "standards": [str(pk) for pk in action.standards.values_list("pk", flat=True)],
            "edit_version": action.edit_version,
        }


class ActionDeleteForm(forms.Form):
    edit_version = forms.IntegerField(widget=forms.HiddenInput)


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ProgressStatus.choices, widget=forms.RadioSelect)
    reported_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"reported_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class RequestChangesForm(forms.Form):
    """One comment box per principle; at least one must be filled (the service says so)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for principle in Principle:
            self.fields[f"comment_{principle.value}"] = forms.CharField(
                label=principle.label, required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
            )
        self.fields["comment_general"] = forms.CharField(
            label=_("General comment"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
        )

    def comments(self):
        rows = [
            (None, principle.value, self.cleaned_data.get(f"comment_{principle.value}", "")) for principle in Principle
        ]
        rows.append((None, "", self.cleaned_data.get("comment_general", "")))
        return rows
