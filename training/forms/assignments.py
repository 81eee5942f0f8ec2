from django import forms
from django.utils.translation import gettext_lazy as _

from common.bilingual import in_language
from organisations.roles import OrganisationRole

from ..assignment_status import STATUS_CHOICES, with_module_title
from ..models import DueKind
from ..services.assignments import MAX_DUE_DAYS, assignable_modules


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ModuleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, module):
        title = in_language(module, "module_title") or module.code
        return f"{title} ({_('shared')})" if module.is_shared else title


def module_field(organisation):
    modules = with_module_title(assignable_modules(organisation), module_path="pk").order_by("module_title", "pk")
    return ModuleChoiceField(
        label=_("Module"),
        queryset=modules,
        help_text=_("Your organisation's published modules and the shared modules it adopted."),
    )


class RuleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Who must take it"), choices=[("", _("Every member"))] + list(OrganisationRole.choices), required=False
    )
    due_kind = forms.ChoiceField(label=_("Due"), choices=DueKind.choices, initial=DueKind.AFTER_JOINING)
    due_days = forms.IntegerField(
        label=_("Days after joining"),
        required=False,
        min_value=1,
        max_value=MAX_DUE_DAYS,
        help_text=_("People who are members already get this many days from today."),
    )
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())
    applies_to_new_members = forms.BooleanField(
        label=_("Also assign to people who join later"), required=False, initial=True
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"module": module_field(organisation), **self.fields}


class AssignmentForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the member"))
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"email": self.fields["email"], "module": module_field(organisation), **self.fields}


class RuleDeactivateForm(forms.Form):
    withdraw_open = forms.BooleanField(
        label=_("Also withdraw the assignments this rule made that are still open"), required=False
    )


class AssignmentFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All open"))] + STATUS_CHOICES, required=False)
    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=100)
