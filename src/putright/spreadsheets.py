"""Every CSV and XLSX cell Putright writes goes through here (review finding 5).

Complaint text is written by residents and staff, and the exports are opened in Excel by the
governing body. A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
read by a spreadsheet as a formula (`=HYPERLINK(...)` sends data away; `@SUM(...)|cmd` runs a
program), so such text is prefixed with a single quote, as OWASP's CSV injection guidance says:
the spreadsheet then shows it as text. Numbers, dates and empty cells are data, not text, and pass
through unchanged, so a negative amount stays a number that sums.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The value as it is safe to put in a spreadsheet cell."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restore(value: str) -> str:
    """A cell read back from one of our own exports, without the quote `neutralise` added, so
    that an exported self-assessment imports with the same answers."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def neutralised_row(row: Iterable) -> list:
    return [neutralise(value) for value in row]


def csv_text(rows: Iterable[Iterable]) -> str:
    """The rows as CSV text, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(neutralised_row(row))
    return buffer.getvalue()


def sheet_append(sheet, row: Iterable) -> None:
    """Append a row to an openpyxl worksheet, every cell neutralised and every string stored as
    a string: openpyxl itself turns text starting with `=` into a formula, so the cell's type is
    set as well as the text being quoted."""
    from openpyxl.cell.cell import Cell

    cells = []
    for value in neutralised_row(row):
        cell = Cell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"
        cells.append(cell)
    sheet.append(cells)


def xlsx_bytes(sheets: Iterable[tuple[str, Iterable[Iterable]]]) -> bytes:
    """A workbook of (sheet title, rows), every cell through `sheet_append`."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        for row in rows:
            sheet_append(sheet, row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
