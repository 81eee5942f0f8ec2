"""Make a complaint without a camera: the code printed under a service point's QR code, typed in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..public_points import normalised_code, reporting_point


class PointCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Service point code"),
        max_length=20,
        help_text=_("Printed under the QR code on the poster at the counter or office, e.g. K7QX2M9."),
    )

    def clean_code(self):
        code = normalised_code(self.cleaned_data["code"])
        if reporting_point(code) is None:
            raise forms.ValidationError(
                _("No service point takes reports with this code. Check the code on the poster and type it again.")
            )
        return code
