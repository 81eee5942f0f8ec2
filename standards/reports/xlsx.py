"""The annual-report table as an XLSX workbook (openpyxl)."""

from io import BytesIO

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Font

from common.spreadsheet import xlsx_row


def _exact(value):
    """The value with the four places it is stored with; the sheet shows what the page rounds."""
    return None if value is None else round(value, 4)


def annual_report_xlsx(context):
    """Bytes of a workbook with one sheet: standard, target, result, status (and the rule) per row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = gettext("Annual report")[:31]
    title = gettext("%(organisation)s: results %(year)s") % {
        "organisation": context["organisation"].name,
        "year": context.get("year_label", context["year"]),
    }
    sheet.append(xlsx_row(sheet, [title]))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    header = [
        gettext("Code"),
        gettext("Standard"),
        gettext("Measure"),
        gettext("Unit"),
        gettext("Target"),
        gettext("Result"),
        gettext("Combined"),
        gettext("Status"),
        gettext("Periods reported"),
        gettext("Status rule"),
    ]
    sheet.append(xlsx_row(sheet, header))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in context["rows"]:
        sheet.append(
            xlsx_row(
                sheet,
                [
                    row["code"],
                    row["title"],
                    row["measure_label"],
                    row["unit"],
                    _exact(row["target"]),
                    _exact(row["result"]),
                    row["method_label"],
                    row["status_label"],
                    row["periods_reported"],
                    row["rule"],
                ],
            )
        )
    for column, width in zip("ABCDEFGHIJ", [12, 48, 26, 14, 12, 12, 30, 14, 10, 70], strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A4"
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
