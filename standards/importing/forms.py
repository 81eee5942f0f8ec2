from django import forms
from django.utils.translation import gettext_lazy as _


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        allow_empty_file=True,
        label=_("CSV or XLSX file"),
        help_text=_("At most 10 MB. One row per standard, with the column names in the first row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
