"""Reference data in and out of spreadsheets through django-import-export resources.

An upload goes through the same checks as the metric-value import (size, type by content,
XLSX archive size before opening: `standards.importing.files.check_upload`), is read into a
tablib Dataset and imported as a dry run for the preview. The file is kept in the default
storage under a random name; the confirm step gets a token signed for the same user and
page, and imports the same file again (every rule is checked again). Any bad row rolls the
whole import back, so an import commits every row or none.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export.results import RowResult

from common.errors import ServiceError
from common.spreadsheet import formula_unescaped
from standards.importing.files import check_upload

from .reference_resources import FORMATS

STORAGE_FOLDER = "reference_imports"
TOKEN_SALT = "common.reference_import"
TOKEN_MAX_AGE = 3600
MAX_ROWS = 1_000  # every row goes through the services, inside one request
KIND_LABELS = {
    RowResult.IMPORT_TYPE_NEW: "new",
    RowResult.IMPORT_TYPE_UPDATE: "changed",
    RowResult.IMPORT_TYPE_SKIP: "unchanged",
    RowResult.IMPORT_TYPE_INVALID: "error",
    RowResult.IMPORT_TYPE_ERROR: "error",
}


def _refuse(message):
    raise ServiceError(message, field="file")


@dataclass
class StoredUpload:
    """A checked upload kept until the import is confirmed."""

    name: str
    kind: str
    original_name: str = ""

    def token(self, scope: str) -> str:
        return signing.dumps(
            {"name": self.name, "kind": self.kind, "original": self.original_name, "scope": scope}, salt=TOKEN_SALT
        )

    @classmethod
    def from_token(cls, token: str, scope: str) -> "StoredUpload":
        """The stored upload of a token signed for this scope; refuses forged, stale or used tokens."""
        try:
            values = signing.loads(token or "", salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        except signing.BadSignature:
            values = {}
        if values.get("scope") != scope or not default_storage.exists(values.get("name", "")):
            _refuse(_("This import was already confirmed or has expired. Upload the file again."))
        return cls(name=values["name"], kind=values["kind"], original_name=values.get("original", ""))

    def dataset(self):
        with default_storage.open(self.name, "rb") as stored:
            return read_dataset(stored.read(), self.kind)

    def delete(self):
        default_storage.delete(self.name)


def _remove_stale_uploads():
    """Files of imports nobody confirmed: their tokens have expired."""
    try:
        names = default_storage.listdir(STORAGE_FOLDER)[1]
    except FileNotFoundError:
        return
    cutoff = timezone.now() - datetime.timedelta(seconds=TOKEN_MAX_AGE)
    for name in names:
        path = f"{STORAGE_FOLDER}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)


def store_upload(upload) -> StoredUpload:
    """Check an uploaded file (refusing it with a message) and keep it for the confirm step."""
    _remove_stale_uploads()
    kind = check_upload(upload)
    content = upload.read()
    read_dataset(content, kind)
    name = default_storage.save(f"{STORAGE_FOLDER}/{uuid.uuid4().hex}.{kind}", ContentFile(content))
    return StoredUpload(name=name, kind=kind, original_name=upload.name[:200])


def read_dataset(content: bytes, kind: str):
    """The file's first sheet as a Dataset with normalised headers; blank cells are None, blank rows dropped."""
    try:
        raw = FORMATS[kind]().create_dataset(content.decode("utf-8-sig") if kind == "csv" else content)
    except Exception:  # tablib and openpyxl raise many kinds of errors for damaged files
        _refuse(_("The file could not be read. Save it again from your spreadsheet program."))
    headers = [_header(cell) for cell in raw.headers or []]
    if not any(headers):
        _refuse(_("The file is empty. The first row must name the columns."))
    dataset = raw.__class__(headers=headers)
    dataset.lines = []  # the line of each kept row in the file, as a spreadsheet program numbers it
    for index, cells in enumerate(raw, start=2):
        row = [_cell(cell) for cell in cells]
        if any(cell is not None for cell in row):
            dataset.append(row)
            dataset.lines.append(index)
    if len(dataset) > MAX_ROWS:
        _refuse(
            _("The file has %(rows)s rows; at most %(limit)s can be imported at once. Split it into several files.")
            % {"rows": f"{len(dataset):,}", "limit": f"{MAX_ROWS:,}"}
        )
    return dataset


def _header(cell):
    return "" if cell is None else str(cell).strip().lower().replace(" ", "_")


def _cell(cell):
    """Blank cells (empty strings, spaces, pandas' NaN) become None; our formula escape is taken off again."""
    if isinstance(cell, str):
        cell = formula_unescaped(cell.strip())
        return cell or None
    if isinstance(cell, float) and cell != cell:
        return None
    return cell


def check_columns(dataset, required):
    missing = [name for name in required if name not in dataset.headers]
    if missing:
        _refuse(
            _("The first row must name the columns %(required)s. Missing: %(missing)s.")
            % {"required": ", ".join(required), "missing": ", ".join(missing)}
        )


@dataclass
class Preview:
    """What an import did (dry run) or would do, row by row, for the template."""

    rows: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)

    @property
    def has_problems(self):
        return bool(self.problems) or self.counts.get("error", 0) > 0

    @property
    def has_changes(self):
        return self.counts.get("new", 0) + self.counts.get("changed", 0) > 0


def run_import(resource, dataset, *, dry_run: bool) -> Preview:
    """Import all rows or none: any row error or validation error rolls the whole import back."""
    result = resource.import_data(
        dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True, raise_errors=False
    )
    preview = Preview(counts=dict.fromkeys(["new", "changed", "unchanged", "error"], 0))
    invalid = {row.number: row for row in result.invalid_rows}
    failed = dict(result.row_errors())
    columns = {name: resource.fields[name].column_name for name in resource.fields}
    columns.update({resource.fields[name].attribute: resource.fields[name].column_name for name in resource.fields})
    for number, row_result in enumerate(result.rows, start=1):
        kind = KIND_LABELS.get(row_result.import_type, "error")
        preview.counts[kind] += 1
        messages = []
        if number in invalid:
            messages = _validation_messages(invalid[number].error_dict, columns)
        elif number in failed:
            messages = [_("This row could not be imported. Check its values.")]
        preview.rows.append(
            {
                "line": dataset.lines[number - 1],
                "kind": kind,
                "label": dict(zip(dataset.headers, dataset[number - 1], strict=True)).get(resource.label_column) or "",
                "messages": messages,
                "changed": resource.changed_fields.get(number, []),
            }
        )
    if result.base_errors:
        preview.problems.append(_("The file could not be imported. Check that it is the file you exported."))
    return preview


def _validation_messages(error_dict, columns):
    messages = []
    for name, problems in error_dict.items():
        column = columns.get(name, name)
        for problem in problems:
            messages.append(problem if name == NON_FIELD_ERRORS else f"{column}: {problem}")
    return messages
