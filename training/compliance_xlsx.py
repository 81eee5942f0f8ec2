"""The compliance figures of an organisation as an XLSX workbook; every text cell is formula-safe."""

from io import BytesIO

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Font

from common.spreadsheet import xlsx_row


def _sheet(workbook, title, heading, header, rows, widths):
    sheet = workbook.create_sheet(title[:31])
    sheet.append(xlsx_row(sheet, [heading]))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(xlsx_row(sheet, header))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(xlsx_row(sheet, row))
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A4"
    return sheet


def compliance_xlsx(organisation, report):
    """Bytes of a workbook: per module, per role, trend, overdue, expiring soon (rates in percent)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    on = report["on"].isoformat()
    figures = [gettext("Assigned"), gettext("Completed (valid)"), gettext("Rate (%)"), gettext("Overdue")]
    figures.append(gettext("Expiring soon"))

    def counts(row):
        return [row["assigned"], row["completed"], row["rate"], row["overdue"], row["expiring"]]

    _sheet(
        workbook,
        gettext("By module"),
        gettext("%(organisation)s: training compliance on %(day)s") % {"organisation": organisation.name, "day": on},
        [gettext("Code"), gettext("Module"), *figures],
        [[row["code"], row["label"], *counts(row)] for row in report["modules"]],
        [24, 48, 12, 16, 10, 10, 14],
    )
    _sheet(
        workbook,
        gettext("By role"),
        gettext("Completion rate by role on %(day)s") % {"day": on},
        [gettext("Role"), *figures],
        [[row["label"], *counts(row)] for row in report["roles"]],
        [32, 12, 16, 10, 10, 14],
    )
    _sheet(
        workbook,
        gettext("Trend"),
        gettext("Completion rate at each month end"),
        [gettext("Day"), gettext("Assigned"), gettext("Completed (valid)"), gettext("Rate (%)")],
        [[point["day"], point["assigned"], point["completed"], point["rate"]] for point in report["trend"]],
        [14, 12, 16, 10],
    )
    _sheet(
        workbook,
        gettext("Overdue"),
        gettext("Overdue on %(day)s") % {"day": on},
        [gettext("Person"), gettext("E-mail"), gettext("Module"), gettext("Due date"), gettext("Days overdue")],
        [
            [row["person"], row["email"], row["module"].get("label", ""), row["due_date"], row["days"]]
            for row in report["overdue"]
        ],
        [32, 36, 48, 14, 14],
    )
    _sheet(
        workbook,
        gettext("Expiring soon"),
        gettext("Completions expiring soon after %(day)s") % {"day": on},
        [gettext("Person"), gettext("E-mail"), gettext("Module"), gettext("Completed on"), gettext("Expires on")],
        [
            [row["person"], row["email"], row["module"].get("label", ""), row["completed_on"], row["expires_on"]]
            for row in report["expiring"]
        ],
        [32, 36, 48, 14, 14],
    )
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
