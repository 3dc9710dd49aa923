"""A report as a workbook: a cover sheet, then one sheet per section with its text and every
table, the detail tables included, as real numbers (a share is 0.234 formatted as a
percentage, not the text "%23,4"), so people can compute with them."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl.styles import Font

from esitlik.core.xlsx import HEADER_FILL, HEADER_FONT, WRAP, new_book, put, sheet_name, to_bytes
from esitlik.reports.document import ColumnType, Report

C = ColumnType
NUMBER_FORMATS = {
    C.COUNT: "#,##0",
    C.SHARE: "0.0%",
    C.POINTS: "+0.0;-0.0;0.0",
    C.RATIO: "0.00",
    C.RATE: "0.0",
    C.AMOUNT: "#,##0.00",
    C.YEAR: "0",
}
# A plain number: grouped, whole when whole, else two decimals (a Number format such as
# "#,##0.##" would leave "71." with a trailing mark in Excel).
WHOLE, DECIMAL = "#,##0", "#,##0.00"


def number_format(column_type, value) -> str | None:
    """The format of a number cell of ``column_type``; None for a text column."""
    if column_type == C.NUMBER:
        return WHOLE if float(value).is_integer() else DECIMAL
    return NUMBER_FORMATS.get(column_type)


TITLE_FONT = Font(bold=True, size=14)
HEADING_FONT = Font(bold=True, size=12)


def _text_rows(ws, row: int, texts: list[str], width: int = 12) -> int:
    for text in texts:
        put(ws, row, 1, text).alignment = WRAP
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        ws.row_dimensions[row].height = 15 * max(1, len(text) // 110 + 1)
        row += 1
    return row


def _cover(book, report: Report) -> None:
    ws = book.create_sheet(sheet_name(pgettext("noun", "Report")))
    put(ws, 1, 1, report.title).font = TITLE_FONT
    put(ws, 2, 1, report.subtitle)
    facts = [
        (_("Audience"), _("Public") if report.audience == "public" else _("Internal")),
        (_("Language"), report.language),
        (_("Generated"), report.generated_at),
        (_("Schema version"), report.schema_version),
        (_("Import runs used"), ", ".join(str(run["id"]) for run in report.inputs.get("runs", []))),
    ]
    for offset, (label, value) in enumerate(facts):
        put(ws, 4 + offset, 1, label).font = HEADER_FONT
        put(ws, 4 + offset, 2, value)
    row = 5 + len(facts)
    put(ws, row, 1, _("Sections")).font = HEADING_FONT
    for number, section in enumerate(report.sections, start=1):
        put(ws, row + number, 1, f"{number}. {section.title}")
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 60


def _section(book, number: int, section) -> None:
    ws = book.create_sheet(sheet_name(f"{number}. {section.title}"))
    put(ws, 1, 1, f"{number}. {section.title}").font = TITLE_FONT
    row = _text_rows(ws, 3, [t for t in [section.missing, *section.paragraphs] if t])
    if section.findings:
        row = _text_rows(ws, row + 1, [f"• {text}" for text in section.findings])
    widths: dict[int, int] = {}
    for table in section.tables:
        row += 1
        put(ws, row, 1, table.title).font = HEADING_FONT
        row += 1
        for index, column in enumerate(table.columns, start=1):
            cell = put(ws, row, index, column.label)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            widths[index] = max(widths.get(index, 10), min(50, len(column.label) + 2))
        for values in table.rows:
            row += 1
            for index, (column, value) in enumerate(zip(table.columns, values, strict=True), 1):
                cell = put(ws, row, index, value)
                written = None if value is None or isinstance(value, str) else value
                if written is not None and number_format(column.type, written):
                    cell.number_format = number_format(column.type, written)
                elif isinstance(value, str) and len(value) > 50:
                    cell.alignment = WRAP
                    widths[index] = 60
        if table.note:
            row = _text_rows(ws, row + 1, [table.note]) - 1
        row += 1
    for index, width in widths.items():
        ws.column_dimensions[ws.cell(row=1, column=index).column_letter].width = width


def render_xlsx(report: Report) -> bytes:
    with translation.override(report.language):
        book = new_book()
        _cover(book, report)
        for number, section in enumerate(report.sections, start=1):
            _section(book, number, section)
        return to_bytes(book)
