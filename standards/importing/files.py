"""Uploaded spreadsheets: checked by content before anything reads them, then read row by row.

CSV must be UTF-8 text (with or without a byte-order mark). XLSX is a zip archive with a
``[Content_Types].xml`` member; its unpacked size is checked before openpyxl opens it, so a
small "zip bomb" cannot fill the memory. Rows come out as ``(line, cells)`` where ``line``
is the line (CSV) or row number (XLSX) a person sees in their spreadsheet program.
"""

import contextlib
import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from common.errors import ServiceError

from . import COLUMNS, REQUIRED_COLUMNS, max_rows, max_uncompressed_bytes, max_upload_bytes

CSV = "csv"
XLSX = "xlsx"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Excel 97-2003 .xls, and password-protected workbooks
MAX_ZIP_MEMBERS = 10_000
MAX_SHEETS_LISTED = 10


def _empty_message():
    return _("The file is empty. Choose a CSV or XLSX file with a header row and one row per standard.")


def _refuse(message):
    raise ServiceError(message, field="file")


def check_upload(upload):
    """The kind of file ("csv" or "xlsx"), decided by its content; refuses anything else with a message."""
    if upload.size == 0:
        _refuse(_empty_message())
    if upload.size > max_upload_bytes():
        _refuse(
            _("The file is %(size)s; the largest file you can import is %(limit)s. Split it or remove other sheets.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_upload_bytes())}
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(ZIP_MAGIC):
        _check_xlsx_archive(upload)
        kind = XLSX
    elif head.startswith(OLE_MAGIC):
        _refuse(
            _(
                "This is an old Excel 97-2003 (.xls) file or a password-protected workbook. "
                "Save it as an Excel workbook (.xlsx) without a password, or as CSV UTF-8, and upload that."
            )
        )
    else:
        _decode_csv(upload.read())
        upload.seek(0)
        kind = CSV
    return kind


def _check_xlsx_archive(upload):
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError):
        _refuse(_("The file looks like an XLSX workbook but is damaged. Save it again from your spreadsheet program."))
    with archive:
        members = archive.infolist()
        names = {member.filename for member in members}
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            _refuse(_("The file is a zip archive, not an XLSX workbook. Upload a CSV or XLSX file."))
        unpacked = sum(member.file_size for member in members)
        if len(members) > MAX_ZIP_MEMBERS or unpacked > max_uncompressed_bytes():
            _refuse(
                _("The workbook unpacks to %(size)s, more than the %(limit)s allowed. Remove other sheets or images.")
                % {"size": filesizeformat(unpacked), "limit": filesizeformat(max_uncompressed_bytes())}
            )
    upload.seek(0)


def _decode_csv(content):
    if b"\x00" in content:
        _refuse(_("The file is not a spreadsheet. Upload a CSV (UTF-8) or XLSX file."))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        _refuse(
            _(
                "The file is not UTF-8 text, so it is not a CSV file we can read. "
                'If it is a CSV file, save it again as "CSV UTF-8"; otherwise upload an XLSX file.'
            )
        )


def normalise_header(cell):
    return "" if cell is None else str(cell).strip().lower().replace(" ", "_").replace("-", "_")


@dataclass
class Table:
    """The header of the chosen sheet and an iterator over its rows as (line, cells)."""

    kind: str
    columns: dict
    rows: object
    sheet: str = ""
    ignored_columns: list = field(default_factory=list)
    estimated_rows: int = 0


def _columns_from_header(header):
    names = [normalise_header(cell) for cell in header]
    columns, ignored = {}, []
    for index, name in enumerate(names):
        if name in COLUMNS:
            if name in columns:
                _refuse(_('The column "%(name)s" appears twice in the header row.') % {"name": name})
            columns[name] = index
        elif name:
            ignored.append(name)
    return columns, ignored, [name for name in names if name]


def _missing_columns_message(found):
    return _("The first row must name the columns %(expected)s (%(required)s are required). Found: %(found)s.") % {
        "expected": ", ".join(COLUMNS),
        "required": _(" and ").join(REQUIRED_COLUMNS),
        "found": ", ".join(found) or _("an empty row"),
    }


def _first_non_blank(rows):
    for line, cells in rows:
        if any(cell is not None and str(cell).strip() for cell in cells):
            return line, cells
    return None, None


def _check_row_count(estimated):
    if estimated > max_rows():
        _refuse(
            _("The file has about %(rows)s rows; at most %(limit)s rows can be imported at once.")
            % {"rows": f"{estimated:,}", "limit": f"{max_rows():,}"}
        )


@contextlib.contextmanager
def open_table(stored, kind):
    """Yield the Table of an open stored upload; refuses files without the expected header row."""
    if kind == CSV:
        yield _csv_table(stored)
        return
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(stored, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors for damaged files
        _refuse(_("The XLSX workbook could not be read. Save it again from your spreadsheet program."))
    try:
        yield _xlsx_table(workbook)
    finally:
        workbook.close()


def _csv_table(stored):
    text = _decode_csv(stored.read())
    if not text.strip():
        _refuse(_empty_message())
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = _csv_rows(reader)
    header = _first_non_blank(rows)[1]
    if header is None:
        _refuse(_empty_message())
    columns, ignored, found = _columns_from_header(header)
    if any(name not in columns for name in REQUIRED_COLUMNS):
        _refuse(_missing_columns_message(found))
    estimated = max(0, text.count("\n") - 1)
    _check_row_count(estimated)
    return Table(kind=CSV, columns=columns, rows=rows, ignored_columns=ignored, estimated_rows=estimated)


def _csv_rows(reader):
    """(line, cells) for each record; a record the csv module cannot read is refused with its line."""
    while True:
        first_line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            _refuse(_csv_error_message(str(error), first_line))
        yield reader.line_num, cells


def _csv_error_message(reason, line):
    if "field limit" in reason:
        return _(
            "A cell in the row that starts on line %(line)s is longer than %(limit)s characters. "
            "Check that every quotation mark in the file is closed, or shorten the cell."
        ) % {"line": line, "limit": f"{csv.field_size_limit():,}"}
    if "end of data" in reason:
        return _(
            "A quotation mark in the row that starts on line %(line)s is never closed. "
            'Close it, or save the file again as "CSV UTF-8" from your spreadsheet program.'
        ) % {"line": line}
    return _(
        "Line %(line)s is not valid CSV: a quotation mark must surround the whole cell. "
        'Fix the line, or save the file again as "CSV UTF-8" from your spreadsheet program.'
    ) % {"line": line}


def _xlsx_table(workbook):
    found_sheets, any_content = [], False
    for sheet in workbook.worksheets:
        declared = _declared_rows(sheet)
        sheet.reset_dimensions()
        rows = enumerate(sheet.iter_rows(values_only=True), start=1)
        header = _first_non_blank(rows)[1]
        if header is None:
            found_sheets.append(_('"%(sheet)s" (empty)') % {"sheet": sheet.title})
            continue
        any_content = True
        columns, ignored, found = _columns_from_header(header)
        if all(name in columns for name in REQUIRED_COLUMNS):
            _check_row_count(declared)
            return Table(
                kind=XLSX,
                columns=columns,
                rows=rows,
                sheet=sheet.title,
                ignored_columns=ignored,
                estimated_rows=declared,
            )
        found_sheets.append(
            _('"%(sheet)s" (columns: %(columns)s)') % {"sheet": sheet.title, "columns": ", ".join(found[:8])}
        )
    if not any_content:
        _refuse(_empty_message())
    _refuse(
        _("No sheet has the columns %(expected)s. Sheets found: %(sheets)s.")
        % {"expected": ", ".join(COLUMNS), "sheets": "; ".join(found_sheets[:MAX_SHEETS_LISTED])}
    )


def _declared_rows(sheet):
    """The data rows the sheet declares in its dimension tag, read without parsing the rows (0 if unknown)."""
    try:
        return max(0, (sheet.max_row or 0) - 1)
    except (TypeError, ValueError):
        return 0
