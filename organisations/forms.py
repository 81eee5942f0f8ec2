from django import forms
from django.utils.translation import gettext_lazy as _

from common.text import SingleLineFormMixin

from .models import Organisation
from .roles import OrganisationRole


class OrganisationForm(SingleLineFormMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "sector",
            "parent",
            "website",
            "email",
            "phone",
            "is_active",
            "financial_year_start_month",
            "financial_year_label_style",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Organisation.objects.order_by("name")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].required = False
        # Left out (older forms, scripts): the organisation keeps what it has (a new one: January, "2019-20").
        self.fields["financial_year_start_month"].required = False
        self.fields["financial_year_label_style"].required = False

    def clean_financial_year_start_month(self):
        return self.cleaned_data.get("financial_year_start_month") or self.instance.financial_year_start_month

    def clean_financial_year_label_style(self):
        return self.cleaned_data.get("financial_year_label_style") or self.instance.financial_year_label_style


class MemberAddForm(SingleLineFormMixin, forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=OrganisationRole.choices)


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=OrganisationRole.choices)


class OrganisationFilterForm(SingleLineFormMixin, forms.Form):
    q = forms.CharField(label=_("Search by name"), required=False)
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("All sectors"))] + list(Organisation._meta.get_field("sector").choices),
    )


class EvaluatorAssignForm(forms.Form):
    evaluator = forms.ModelChoiceField(label=_("Evaluator"), queryset=None)

    def __init__(self, *args, evaluators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = evaluators
        self.fields["evaluator"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.email} ({user.email})"
        )
