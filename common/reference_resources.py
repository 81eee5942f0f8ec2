"""Resources for reference data: widgets that refuse bad cells with a message, rows matched by a key
column from one load, service refusals as row errors, and export downloads (see common.reference_import).
"""

import copy

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.utils.text import slugify
from django.utils.translation import gettext as _
from import_export import widgets
from import_export.formats.base_formats import CSV, XLSX
from import_export.instance_loaders import BaseInstanceLoader

from common.errors import ServiceError
from common.spreadsheet import formula_safe_row

FORMATS = {"csv": CSV, "xlsx": XLSX}


def export_response(resource, rows, kind: str, what: str, organisation=None) -> FileResponse:
    """The rows exported by the resource as a CSV or XLSX download, every cell formula-safe.

    The file is named after what it holds and the organisation; an unknown kind is a 404.
    """
    if kind not in FORMATS:
        raise Http404
    filename = f"{what}-{slugify(organisation.short_name or organisation.name)}" if organisation else what
    file_format = FORMATS[kind]()
    exported = resource.export(rows)
    safe = tablib.Dataset(*(formula_safe_row(row) for row in exported), headers=exported.headers)
    content = file_format.export_data(safe)
    if isinstance(content, str):
        content = content.encode("utf-8-sig")
    return FileResponse(
        ContentFile(content), as_attachment=True, filename=f"{filename}.{kind}", content_type=file_format.CONTENT_TYPE
    )


class ChoiceWidget(widgets.CharWidget):
    """A choice by its stored value (any case); anything else is a row error naming the allowed values."""

    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.values = [value for value, _label in choices]

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs).strip().lower()
        if text and text not in self.values:
            raise ValueError(
                _("“%(value)s” is not one of: %(allowed)s.") % {"value": value, "allowed": ", ".join(self.values)}
            )
        return text


class DecimalWidget(widgets.DecimalWidget):
    """A plain number; anything else is a row error on its column, not a crash."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except (ArithmeticError, TypeError):
            raise ValueError(_("“%(value)s” is not a number.") % {"value": value}) from None


class KeyedRows:
    """For resources whose rows are matched to existing objects by one column (any case), loaded once.

    The resource gives `key_column` and `load_existing()`; this keeps the objects as loaded (to
    name what a row changes), refuses a key that comes twice in the file, and finds objects
    for `CachedLoader` without a query per row.
    """

    key_column = ""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.originals = {}
        self.seen = set()
        self.changed_fields = {}

    @property
    def label_column(self):
        return self.key_column

    def required_columns(self):
        return list(self._meta.fields)

    def existing(self):
        self.originals = {self.key(instance): instance for instance in self.load_existing()}
        return {key: copy.copy(instance) for key, instance in self.originals.items()}

    def key(self, instance):
        return str(getattr(instance, self.key_column)).strip().lower()

    def row_key(self, row):
        return str(row.get(self.key_column) or "").strip().lower()

    def before_import_row(self, row, **kwargs):
        key = self.row_key(row)
        if key in self.seen:
            raise ValidationError({self.key_column: [_("This value appears on an earlier row of the file.")]})
        self.seen.add(key)

    def note_changes(self, instance, row, row_number):
        """Remember which columns the row changes, for the preview."""
        original = self.originals[self.row_key(row)]
        self.changed_fields[row_number] = [
            name for name in self._meta.fields if getattr(instance, name) != getattr(original, name)
        ]


class CachedLoader(BaseInstanceLoader):
    """Finds existing objects in a dict the resource builds once (`resource.existing()`), not a query per row."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.instances = resource.existing()

    def get_instance(self, row):
        return self.instances.get(self.resource.row_key(row))


def service_refusal(error: ServiceError, columns) -> ValidationError:
    """A service's refusal as a row error, on its column when the file has one."""
    return ValidationError({error.field if error.field in columns else NON_FIELD_ERRORS: [error.message]})
