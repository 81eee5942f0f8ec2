from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ..models import ServicePoint


class ServicePointForm(forms.ModelForm):
    """Officials are chosen among the organisation's members: any other id is refused as an invalid choice."""

    class Meta:
        model = ServicePoint
        fields = ["name", "name_ga", "address", "officials", "is_active"]
        widgets = {"officials": forms.CheckboxSelectMultiple, "address": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officials"].queryset = (
            get_user_model().objects.filter(memberships__organisation=organisation).distinct().order_by("email")
        )
        self.fields["officials"].label_from_instance = lambda user: user.get_full_name() or user.email
        if self.instance.pk is None:
            del self.fields["is_active"]

    def point_values(self):
        values = {key: self.cleaned_data[key] for key in ("name", "name_ga", "address")}
        values["officials"] = list(self.cleaned_data["officials"])
        if "is_active" in self.fields:
            values["is_active"] = self.cleaned_data["is_active"]
        return values


ServicePointForm.base_fields["officials"].help_text = _(
    "They never see reports of unethical conduct made at this service point."
)
