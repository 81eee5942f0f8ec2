"""Formula-safe cells for every spreadsheet we write (CSV and XLSX).

A spreadsheet program runs text that starts with = + - @ (or a tab / carriage return
before one) as a formula, so ``=HYPERLINK(...)`` typed as a standard title would become a
live link in an export. Every cell written from user text goes through ``formula_safe``:
such text gets a leading apostrophe, which spreadsheets read as "this is text". Numbers,
dates and None are left as they are.
"""

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: Any) -> Any:
    """The value, with an apostrophe before text that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def formula_unescaped(value: Any) -> Any:
    """Text as it was before ``formula_safe``: what a re-imported export of ours holds."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def formula_safe_row(values: Iterable[Any]) -> list[Any]:
    """A CSV row (for csv.writer) with every cell made formula-safe."""
    return [formula_safe(value) for value in values]


def xlsx_row(sheet, values: Iterable[Any]) -> list[WriteOnlyCell]:
    """Cells for ``sheet.append``: text escaped and typed as a string, so openpyxl never writes a formula.

    Works for normal and write-only worksheets alike.
    """
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=formula_safe(value))
        if isinstance(value, str):
            cell.data_type = "s"
        cells.append(cell)
    return cells
