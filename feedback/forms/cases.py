"""Forms for the case workspace: filters, actions, logging a contact, head's settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import CaseCategory, CaseChannel, CaseState, ServicePoint

MAX_TEXT = 10000


def _blank(choices, label):
    return [("", label), *choices]


class CaseFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False, choices=_blank(CaseState.choices, _("Any state")))
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=_blank(CaseCategory.choices, _("Any category"))
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=_blank(CaseChannel.choices, _("Any channel"))
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)


class ResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("How was it resolved?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_TEXT
    )


class TextForm(forms.Form):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_TEXT)

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["text"].label = label


class AssignForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=None, required=False, empty_label=_("Nobody"))

    def __init__(self, *args, officers=(), **kwargs):
        super().__init__(*args, **kwargs)
        from organisations.models import User

        self.fields["officer"].queryset = User.objects.filter(pk__in=[officer.pk for officer in officers]).order_by(
            "email"
        )


# Every channel except the red button, which only the public QR page uses.
LOGGED_CHANNELS = [choice for choice in CaseChannel.choices if choice[0] != CaseChannel.RED_BUTTON]


class LogContactForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=LOGGED_CHANNELS)
    category = forms.ChoiceField(label=_("Category"), choices=CaseCategory.choices)
    service_point = forms.ModelChoiceField(
        label=_("Service point"), queryset=ServicePoint.objects.none(), required=False, empty_label=_("None")
    )
    description = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 5}), max_length=MAX_TEXT
    )
    happened_on = forms.DateField(
        label=_("When it happened"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    is_anonymous = forms.BooleanField(label=_("The person wants to stay anonymous"), required=False)
    reporter_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    reporter_email = forms.EmailField(label=_("E-mail"), required=False)
    reporter_phone = forms.CharField(label=_("Phone"), max_length=40, required=False)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_point"].queryset = ServicePoint.objects.filter(organisation=organisation)

    def clean(self):
        data = super().clean()
        if data.get("is_anonymous"):
            for name in ("reporter_name", "reporter_email", "reporter_phone"):
                data[name] = ""
        return data


class DelegateForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Member"), queryset=None)

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = members


class DeadlineForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=CaseCategory.choices)
    acknowledge_days = forms.IntegerField(label=_("Acknowledge within (working days)"), min_value=1, max_value=60)
    resolve_days = forms.IntegerField(label=_("Resolve within (working days)"), min_value=1, max_value=250)

    def clean(self):
        data = super().clean()
        if (
            data.get("acknowledge_days")
            and data.get("resolve_days")
            and data["resolve_days"] < data["acknowledge_days"]
        ):
            self.add_error("resolve_days", _("Resolving cannot take fewer days than acknowledging."))
        return data


class ClosureDayForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)
