"""The file to fill in: the expected columns and one row per standard of the return, as CSV or XLSX."""

import csv
import io

from common.spreadsheet import formula_safe_row, xlsx_row

from ..services.returns import active_standards
from . import COLUMNS

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _rows(metric_return):
    for code in active_standards(metric_return).order_by("code").values_list("code", flat=True):
        yield [code, None, None, None, None]


def blank_file(metric_return, kind):
    """Bytes of a CSV (UTF-8 with a byte-order mark, so Excel reads accents) or XLSX template."""
    if kind == "csv":
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(formula_safe_row(row) for row in _rows(metric_return))
        return ("\ufeff" + text.getvalue()).encode("utf-8")
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("values")
    sheet.append(COLUMNS)
    for row in _rows(metric_return):
        sheet.append(xlsx_row(sheet, row))
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()


def blank_file_name(metric_return, kind):
    organisation = metric_return.organisation
    short = organisation.short_name or f"organisation-{organisation.pk}"
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in f"{short}-{metric_return.period_label}")
    return f"metric-values-{safe}.{kind}"
