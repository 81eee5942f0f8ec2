"""The public red-button form. Works without JavaScript; errors keep the text typed (not the photos)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import photos as photo_rules
from ..models import CaseCategory


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    widget = MultiplePhotoInput

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]
        return [super(MultiplePhotoField, self).clean(item, initial) for item in files]


ANONYMOUS, GIVE_CONTACT = "anonymous", "contact"


class ReportForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What kind of report is this?"), choices=CaseCategory.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("What happened?"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say what happened, and who or what it was about if you can."),
    )
    happened_on = forms.DateField(
        label=_("When did it happen?"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    photos = MultiplePhotoField(
        label=_("Photos"),
        required=False,
        widget=MultiplePhotoInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    identity = forms.ChoiceField(
        label=_("Do you want us to contact you?"),
        choices=[
            (ANONYMOUS, _("No, I want to stay anonymous (you can follow the report with your receipt code)")),
            (GIVE_CONTACT, _("Yes, here are my contact details")),
        ],
        widget=forms.RadioSelect,
        initial=ANONYMOUS,
    )
    reporter_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    reporter_email = forms.EmailField(label=_("Your e-mail address"), required=False)
    reporter_phone = forms.CharField(label=_("Your phone number"), max_length=40, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].help_text = _(
            "Optional. Up to %(count)s photos of at most %(size)s MB each. We remove the location and other "
            "hidden details from them."
        ) % {"count": photo_rules.max_files(), "size": photo_rules.max_bytes() // (1024 * 1024)}

    def clean_happened_on(self):
        day = self.cleaned_data.get("happened_on")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day

    def clean_photos(self):
        files = self.cleaned_data.get("photos") or []
        if len(files) > photo_rules.max_files():
            raise forms.ValidationError(_("Send at most %(count)s photos.") % {"count": photo_rules.max_files()})
        prepared = []
        for upload in files:
            try:
                prepared.append(photo_rules.prepare_photo(upload))
            except ValueError as error:
                raise forms.ValidationError(str(error)) from error
        return prepared

    def clean(self):
        data = super().clean()
        contact = [data.get(name) for name in ("reporter_name", "reporter_email", "reporter_phone")]
        if data.get("identity") == ANONYMOUS and any(contact):
            raise forms.ValidationError(
                _(
                    "You chose to stay anonymous, but you also gave contact details. Either empty the contact "
                    "fields, or choose “Yes, here are my contact details”."
                )
            )
        if data.get("identity") == GIVE_CONTACT and not (data.get("reporter_email") or data.get("reporter_phone")):
            self.add_error(
                "reporter_email", _("Give an e-mail address or a phone number, or choose to stay anonymous.")
            )
        return data

    def intake_values(self):
        data = self.cleaned_data
        anonymous = data["identity"] == ANONYMOUS
        return {
            "category": data["category"],
            "description": data["description"],
            "happened_on": data.get("happened_on"),
            "is_anonymous": anonymous,
            "reporter_name": "" if anonymous else data["reporter_name"],
            "reporter_email": "" if anonymous else data["reporter_email"],
            "reporter_phone": "" if anonymous else data["reporter_phone"],
            "photos": data.get("photos") or [],
        }
