"""Forms of the charter editing page: one per section, the standards it promises, the evaluator's comments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import CharterSection, CharterStandard

BODY_MAX = CharterSection._meta.get_field("body").max_length
REASON_MAX = CharterSection._meta.get_field("not_applicable_reason").max_length
WORDING_MAX = CharterStandard._meta.get_field("wording").max_length
COMMENT_MAX = 5000
MARKDOWN_HELP = _("Markdown: a blank line starts a paragraph, **bold**, *italic*, “- ” starts a list item.")


class SectionForm(forms.Form):
    """One section's text; the principle fields only on principle sections. Prefixed by the section's id."""

    body = forms.CharField(
        label=_("Text (Markdown)"),
        required=False,
        max_length=BODY_MAX,
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    body_ga = forms.CharField(
        label=_("Text in Irish (Markdown)"),
        required=False,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 4, "lang": "ga"}),
    )
    not_applicable = forms.BooleanField(label=_("This principle does not apply to us"), required=False)
    not_applicable_reason = forms.CharField(
        label=_("Why it does not apply"),
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    edit_version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, section, **kwargs):
        kwargs.setdefault("prefix", f"section-{section.pk}")
        kwargs.setdefault(
            "initial",
            {
                "body": section.body,
                "body_ga": section.body_ga,
                "not_applicable": section.not_applicable,
                "not_applicable_reason": section.not_applicable_reason,
                "edit_version": section.edit_version,
            },
        )
        super().__init__(*args, **kwargs)
        self.section = section
        if section.kind != "principle":
            del self.fields["not_applicable"]
            del self.fields["not_applicable_reason"]

    def clean_edit_version(self):
        value = self.cleaned_data["edit_version"]
        if value is None:
            raise forms.ValidationError(_("Reload the page: the form is missing its version."))
        return value


class CharterStandardForm(forms.Form):
    """Add one of the organisation's standards to the charter."""

    standard = forms.ModelChoiceField(
        label=_("Service standard"),
        queryset=None,
        error_messages={"invalid_choice": _("Choose one of this organisation's own service standards.")},
    )
    wording = forms.CharField(
        label=_("What customers can expect, in plain language"),
        max_length=WORDING_MAX,
        help_text=_("For example: “We answer letters within 20 working days.”"),
    )
    wording_ga = forms.CharField(
        label=_("The same in Irish"),
        max_length=WORDING_MAX,
        required=False,
        widget=forms.TextInput(attrs={"lang": "ga"}),
    )

    def __init__(self, *args, standards, **kwargs):
        kwargs.setdefault("prefix", "add-standard")
        super().__init__(*args, **kwargs)
        self.fields["standard"].queryset = standards
        self.fields["standard"].label_from_instance = lambda standard: f"{standard.code} — {standard.title}"


class CharterStandardWordingForm(forms.Form):
    wording = forms.CharField(label=_("Plain-language wording"), max_length=WORDING_MAX)
    wording_ga = forms.CharField(
        label=_("Wording in Irish"),
        max_length=WORDING_MAX,
        required=False,
        widget=forms.TextInput(attrs={"lang": "ga"}),
    )

    def __init__(self, *args, item, **kwargs):
        kwargs.setdefault("prefix", f"standard-{item.pk}")
        kwargs.setdefault("initial", {"wording": item.wording, "wording_ga": item.wording_ga})
        super().__init__(*args, **kwargs)
        self.item = item


class RequestChangesForm(forms.Form):
    """The evaluator's comments: one optional comment per section and one on the charter as a whole."""

    general = forms.CharField(
        label=_("Comment on the charter as a whole"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = list(sections)
        for section in self.sections:
            self.fields[f"section_{section.pk}"] = forms.CharField(
                label=_("Comment on “%(section)s”") % {"section": section},
                required=False,
                max_length=COMMENT_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def comments(self):
        """(section or None, principle, text) for the lifecycle service; empty comments are left out there."""
        rows = [(None, "", self.cleaned_data.get("general", ""))]
        rows += [(section, "", self.cleaned_data.get(f"section_{section.pk}", "")) for section in self.sections]
        return rows
