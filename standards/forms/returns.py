from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError

from ..models import Frequency
from ..periods import Convention, accepted_forms, display_label, parse_period_label, recent_periods
from ..services.values import MAX_NOTE_LENGTH, NumberError, parse_number, value_row

PERIODS_OFFERED = {Frequency.MONTHLY: 12, Frequency.QUARTERLY: 8, Frequency.YEARLY: 4}


class NumberField(forms.DecimalField):
    widget = forms.TextInput

    def __init__(self, *args, percent=False, **kwargs):
        self.percent = percent
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values or str(value).strip() == "":
            return None
        try:
            return parse_number(value, percent=self.percent)
        except NumberError as error:
            raise ValidationError(str(error), code="invalid") from None

    def widget_attrs(self, widget):
        return {"inputmode": "decimal", "autocomplete": "off"}


class ReturnCreateForm(forms.Form):
    """A recent period from the list, or an earlier one typed as the organisation writes it (back to 1900)."""

    period = forms.ChoiceField(label=_("Reporting period"), required=False)
    earlier = forms.CharField(label=_("Or an earlier period"), required=False, max_length=40)

    def __init__(self, *args, standards, taken_labels, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.convention = Convention.of(organisation)
        self.offered = {}
        self.fields["period"].choices = self.period_choices(standards, taken_labels)
        self.fields["earlier"].help_text = _(
            "For results of past years: used instead of the period chosen above. Write %(forms)s."
        ) % {"forms": accepted_forms(self.convention)}

    def period_choices(self, standards, taken_labels):
        """Recent periods of the frequencies the standards report, in which at least one of them applies.

        Each standard's quarters and years follow its year basis, so an organisation whose financial year
        starts in April is offered "2025-26" for its financial-year standards and "2025" for calendar ones.
        """
        today = timezone.localdate()
        groups = []
        for frequency, label in Frequency.choices:
            of_frequency = [standard for standard in standards if standard.frequency == frequency]
            options = []
            for start_month in sorted({standard.year_start_month for standard in of_frequency}):
                for bounds in recent_periods(frequency, today, PERIODS_OFFERED[Frequency(frequency)], start_month):
                    if bounds.label in taken_labels or bounds.label in self.offered:
                        continue
                    if any(standard.reports_in(bounds) for standard in of_frequency):
                        self.offered[bounds.label] = bounds
                        options.append((bounds.label, display_label(frequency, bounds.start, self.convention)))
            if options:
                groups.append((label, options))
        return groups

    def clean(self):
        cleaned = super().clean()
        chosen, typed = cleaned.get("period"), (cleaned.get("earlier") or "").strip()
        if typed:  # a typed period wins: the list always has one chosen
            try:
                cleaned["bounds"] = parse_period_label(typed, self.convention)
            except ServiceError as error:
                self.add_error("earlier", error.message)
        elif chosen:
            cleaned["bounds"] = self.offered[chosen]
        elif not self.errors:
            self.add_error("period", _("Choose a period, or type an earlier one."))
        return cleaned


class ReturnValuesForm(forms.Form):
    """The grid: for every standard of the return a value and a note; a percentage takes the percentage alone
    or the number within the threshold and the total (see ``services.values``)."""

    response = forms.CharField(
        label=_("Your answer to the evaluator's question"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, standards, values, submitting=False, queried=False, **kwargs):
        self.standards = list(standards)
        self.submitting = submitting
        self.queried = queried
        initial = {}
        for standard in self.standards:
            value = values.get(standard.pk)
            if value is not None:
                for name in ("value", "numerator", "denominator", "note"):
                    initial[self.field_name(standard, name)] = getattr(value, name)
                if standard.is_percentage and value.denominator is not None:
                    # Computed from the counts: left empty, so changing a count does not contradict it.
                    initial[self.field_name(standard, "value")] = None
        kwargs.setdefault("initial", {}).update(initial)
        super().__init__(*args, **kwargs)
        if not queried:
            del self.fields["response"]
        for standard in self.standards:
            subject = f"{standard.code} {standard.title}"
            if standard.is_percentage:
                self.fields[self.field_name(standard, "value")] = NumberField(
                    label=_("%(subject)s: percentage") % {"subject": subject}, required=False, percent=True
                )
                self.fields[self.field_name(standard, "numerator")] = NumberField(
                    label=_("%(subject)s: number within the threshold") % {"subject": subject}, required=False
                )
                self.fields[self.field_name(standard, "denominator")] = NumberField(
                    label=_("%(subject)s: total number") % {"subject": subject}, required=False
                )
            else:
                self.fields[self.field_name(standard, "value")] = NumberField(
                    label=_("%(subject)s: value") % {"subject": subject}, required=False
                )
            self.fields[self.field_name(standard, "note")] = forms.CharField(
                label=_("%(subject)s: note") % {"subject": subject}, required=False, max_length=MAX_NOTE_LENGTH
            )

    @staticmethod
    def field_name(standard, name):
        return f"s{standard.pk}_{name}"

    def clean(self):
        cleaned = super().clean()
        if self.submitting and self.queried and not (cleaned.get("response") or "").strip():
            self.add_error("response", _("Answer the evaluator's question before you submit again."))
        for standard, row in self._rows(cleaned).items():
            for field, message in value_row(standard, row, complete=self.submitting)[0]:
                name = self.field_name(standard, field)
                if name in self.fields and name not in self.errors:
                    self.add_error(name, message)
        return cleaned

    def _rows(self, cleaned):
        rows = {}
        for standard in self.standards:
            names = ("value", "numerator", "denominator") if standard.is_percentage else ("value",)
            if any(self.field_name(standard, name) in self.errors for name in names):
                continue
            rows[standard] = {name: cleaned.get(self.field_name(standard, name)) for name in names}
        return rows

    def value_rows(self):
        """standard → dict(value/numerator/denominator, note), for `return_save_values`."""
        computed = self._rows(self.cleaned_data)
        rows = {}
        for standard in self.standards:
            row = dict.fromkeys(("value", "numerator", "denominator"))
            row.update(computed[standard])
            row["note"] = self.cleaned_data.get(self.field_name(standard, "note"), "")
            rows[standard] = row
        return rows

    def grid(self):
        """One entry per standard with its bound fields, for the template."""
        entries = []
        for standard in self.standards:
            fields = {
                name: self[self.field_name(standard, name)]
                for name in ("value", "numerator", "denominator", "note")
                if self.field_name(standard, name) in self.fields
            }
            errors = [error for field in fields.values() for error in field.errors]
            entries.append({"standard": standard, "fields": fields, "errors": errors})
        return entries


class QueryForm(forms.Form):
    question = forms.CharField(
        label=_("Question for the organisation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The return goes back to the organisation, who answer and may change values."),
    )


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why does the return need a correction?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The accepted version is kept. The correction counts once an evaluator accepts it."),
    )
