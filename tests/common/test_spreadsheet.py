import csv
import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from common.spreadsheet import formula_safe, formula_safe_row, xlsx_row

DANGEROUS = ['=HYPERLINK("http://x.example","click")', "+1+2", "-1+2", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert formula_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["Passports", "a=b", "", None, 5, -5, Decimal("-1.5"), 2.5, date(2026, 1, 1)])
def test_other_values_are_unchanged(value):
    assert formula_safe(value) == value


def test_csv_row_starts_with_the_escape():
    text = io.StringIO()
    csv.writer(text).writerow(formula_safe_row(["=HYPERLINK(1)", 3, "Plain"]))
    assert text.getvalue().startswith("'=HYPERLINK(1),3,Plain")


@pytest.mark.parametrize("write_only", [False, True])
def test_xlsx_cells_are_text_never_formulas(write_only):
    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet("s") if write_only else workbook.active
    sheet.append(xlsx_row(sheet, ['=HYPERLINK("http://x.example","click")', "-x", 42, Decimal("1.5"), None]))
    content = io.BytesIO()
    workbook.save(content)
    content.seek(0)
    read = load_workbook(content).worksheets[0]
    cells = list(read.iter_rows(min_row=1, max_row=1))[0]
    assert [cell.data_type for cell in cells[:4]] == ["s", "s", "n", "n"]
    assert cells[0].value == '\'=HYPERLINK("http://x.example","click")'
    assert cells[1].value == "'-x"
    assert cells[2].value == 42
    assert b"<f>" not in _sheet_xml(content)


def _sheet_xml(content):
    with zipfile.ZipFile(content) as archive:
        return b"".join(archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/"))
