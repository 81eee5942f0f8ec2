from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.text import SingleLineFormMixin

from ..models import FROZEN_FIELDS, ServiceStandard, YearBasis
from ..services.definitions import STANDARD_FIELDS, definition_problems, earliest_target_start, target_problems

DIRECTION_CHOICES = [("higher", _("Higher is better")), ("lower", _("Lower is better"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TargetFieldsMixin(SingleLineFormMixin, forms.Form):
    target = forms.DecimalField(
        label=_("Target"),
        max_digits=12,
        decimal_places=2,
        help_text=_("For a percentage, a number from 0 to 100; for a duration, in the threshold unit."),
    )
    direction = forms.ChoiceField(label=_("Which way is better"), choices=DIRECTION_CHOICES, initial="higher")
    tolerance = forms.DecimalField(
        label=_("Amber tolerance"),
        max_digits=8,
        decimal_places=2,
        required=False,
        help_text=_(
            "How far a result may miss the target and still show amber, in the unit of the target. "
            "Leave blank for the default rule (2 percentage points for percentages)."
        ),
    )

    def target_values(self):
        data = self.cleaned_data
        return {
            "target": data["target"],
            "higher_is_better": data["direction"] == "higher",
            "tolerance": data.get("tolerance"),
        }

    def add_problems(self, problems):
        for field, message in problems:
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)


class StandardForm(SingleLineFormMixin, forms.ModelForm):
    class Meta:
        model = ServiceStandard
        fields = STANDARD_FIELDS
        labels = {"title": _("Title in plain language")}
        help_texts = {
            "code": _("A short reference used in returns and imports, e.g. T1 or PHONE-01."),
            "title": _("What the public is promised, e.g. “We answer calls within 5 minutes”."),
            "threshold": _(
                "For a percentage within a threshold or a duration, e.g. 5 for “within 5 minutes”. Leave it and "
                "its unit blank for a percentage of a whole, e.g. of customers satisfied."
            ),
            "applies_to": _("Leave blank if the standard has no end date."),
        }
        widgets = {"applies_from": DateInput(), "applies_to": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year_basis"].required = False
        last_accepted_end = self.instance.last_accepted_end() if self.instance.pk else None
        if last_accepted_end is not None:
            explanation = _(
                "Fixed: results up to %(date)s were accepted with this definition. "
                "To measure differently, define a new standard."
            ) % {"date": last_accepted_end.isoformat()}
            for name in FROZEN_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = explanation

    def clean_year_basis(self):
        return self.cleaned_data.get("year_basis") or YearBasis.CALENDAR

    def clean(self):
        cleaned = super().clean()
        if "measure" in cleaned:
            for field, message in definition_problems(
                measure=cleaned["measure"],
                threshold=cleaned.get("threshold"),
                threshold_unit=cleaned.get("threshold_unit", ""),
                applies_from=cleaned.get("applies_from"),
                applies_to=cleaned.get("applies_to"),
            ):
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned

    def definition_values(self):
        return {name: self.cleaned_data[name] for name in STANDARD_FIELDS}


class StandardCreateForm(StandardForm, TargetFieldsMixin):
    def clean(self):
        cleaned = super().clean()
        if "measure" in cleaned and "target" in cleaned:
            self.add_problems(
                target_problems(
                    measure=cleaned["measure"], target=cleaned["target"], tolerance=cleaned.get("tolerance")
                )
            )
        return cleaned


class TargetChangeForm(TargetFieldsMixin):
    valid_from = forms.DateField(label=_("In force from"), widget=DateInput())
    reason = forms.CharField(label=_("Reason for the change"), max_length=300)
    field_order = ["target", "direction", "tolerance", "valid_from", "reason"]

    def __init__(self, *args, standard, **kwargs):
        self.standard = standard
        last_accepted_end = standard.last_accepted_end()
        earliest = earliest_target_start(standard, last_accepted_end)
        kwargs.setdefault("initial", {}).setdefault("valid_from", max(timezone.localdate(), earliest))
        super().__init__(*args, **kwargs)
        if last_accepted_end is not None:
            self.fields["valid_from"].help_text = _(
                "On %(date)s or later: results up to %(end)s were accepted against the targets in force then."
            ) % {"date": earliest.isoformat(), "end": last_accepted_end.isoformat()}

    def clean(self):
        cleaned = super().clean()
        if "target" in cleaned:
            self.add_problems(
                target_problems(
                    measure=self.standard.measure, target=cleaned["target"], tolerance=cleaned.get("tolerance")
                )
            )
        return cleaned
