"""Writing spreadsheets people open in Excel: text stays text, numbers stay numbers.

Every XLSX the software writes goes through :func:`put`, so a value such as "=HYPERLINK(…)"
or "-Kadınlar" typed by a user is never taken for a formula when someone opens or edits the
file (formula injection), and characters XML cannot hold are dropped instead of breaking the
file. The rule itself, shared with the CSV writers, is in :mod:`esitlik.core.cells`.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from esitlik.core.cells import write_cell

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
# Excel's own limit on a sheet name, and the characters it refuses in one.
_SHEET_NAME_MAX = 31
_SHEET_NAME_BAD = str.maketrans({c: " " for c in "[]:*?/\\"})


def put(ws, row: int, column: int, value):
    """Write one cell so that text is always text (``core.cells.write_cell``)."""
    return write_cell(ws.cell(row=row, column=column), value)


def sheet_name(title: str) -> str:
    return " ".join(title.translate(_SHEET_NAME_BAD).split())[:_SHEET_NAME_MAX] or "Sheet"


def header_row(ws, headers: Sequence[str]) -> None:
    """Bold, shaded headings on row 1, kept in view while scrolling."""
    for index, header in enumerate(headers, start=1):
        cell = put(ws, 1, index, str(header))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    ws.freeze_panes = "A2"


def add_table(
    book: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    widths: Sequence[int] | None = None,
    formats: dict[int, str] | None = None,
):
    """A sheet with a bold, frozen header row and one row per item; widths in characters,
    ``formats`` maps a 1-based column to an Excel number format ("DD.MM.YYYY", "0")."""
    formats = formats or {}
    ws = book.create_sheet(sheet_name(title))
    header_row(ws, headers)
    for row_number, row in enumerate(rows, start=2):
        for index, value in enumerate(row, start=1):
            cell = put(ws, row_number, index, value)
            if index in formats:
                cell.number_format = formats[index]
            if isinstance(value, str) and len(value) > 40:
                cell.alignment = WRAP
    for index, header in enumerate(headers, start=1):
        width = widths[index - 1] if widths else max(12, min(60, len(str(header)) + 4))
        ws.column_dimensions[get_column_letter(index)].width = width
    return ws


def new_book() -> Workbook:
    book = Workbook()
    book.remove(book.active)
    return book


def to_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
