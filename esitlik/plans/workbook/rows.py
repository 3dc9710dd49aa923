"""A sheet's rows, read cell by cell against the template's columns.

Every problem is collected with the place Excel shows it (sheet, row number, column heading
and letter) rather than stopping at the first one, so a person fixes a file in one pass.
Nothing here writes; ``load`` decides what the rows change and applies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from esitlik.plans.workbook import cells
from esitlik.plans.workbook.columns import Column, Sheet, find_column
from esitlik.plans.workbook.read import SheetData


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str
    value: str
    message: str
    letter: str = ""


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)

    def add(self, sheet, row, column, value, message, letter="") -> None:
        self.problems.append(Problem(sheet, row, column, cells.shown(value), message, letter))


@dataclass
class Cell:
    header: str
    letter: str
    raw: object


@dataclass
class Row:
    sheet: Sheet
    sheet_name: str
    number: int
    code: str
    values: dict = field(default_factory=dict)
    cells: dict[str, Cell] = field(default_factory=dict)
    ok: bool = True

    def where(self, key: str) -> tuple[str, str, object]:
        """(heading, letter, raw value) of a column of this row, for a message."""
        cell = self.cells.get(key)
        if cell is not None:
            return cell.header, cell.letter, cell.raw
        column = next((c for c in self.sheet.columns if c.key == key), None)
        return (column.header() if column else ""), "", ""


@dataclass
class Context:
    """What reading a cell needs to know: the plan's years, its directorates and headings,
    and which codes exist already."""

    years: list[int]
    directorates: cells.Directorates
    headings: cells.Headings
    existing: dict[str, dict]
    report: Report


def _parse(column: Column, raw, context: Context):
    kind = column.kind
    if kind == "code":
        return cells.code(raw)
    if kind == "text":
        return cells.text(raw)
    if kind == "heading":
        return context.headings.find(raw)
    if kind == "directorate":
        return context.directorates.find(raw)
    if kind == "directorates":
        return context.directorates.find_list(raw)
    if kind == "names":
        return cells.split(raw)
    if kind == "date":
        return cells.to_date(raw)
    if kind in ("amount", "number"):
        return cells.number(raw)
    if kind == "integer":
        return cells.integer(raw, column.low, column.high)
    if kind == "boolean":
        return cells.boolean(raw)
    if kind == "choice":
        return cells.choice(raw, column.choices)
    if kind == "choices":
        return cells.choice_list(raw, column.choices)
    raise ValueError(f"Unknown column kind {kind}")


def _columns(sheet: Sheet, data: SheetData, header_index: int, context: Context):
    """The template column of each position in the header row; problems for the rest."""
    report, name = context.report, data.name
    header_row = data.rows[header_index]
    found: dict[int, tuple[Column, str]] = {}
    seen: dict[str, str] = {}
    for index, raw in enumerate(header_row):
        letter = get_column_letter(index + 1)
        header = cells.text(raw)
        if not header:
            below = next(
                (r[index] for r in data.rows[header_index + 1 :] if not cells.is_blank(r[index])),
                None,
            )
            if below is not None:
                report.add(
                    name,
                    header_index + 1,
                    "",
                    below,
                    _("This column has values but no heading; give it one of the template's."),
                    letter,
                )
            continue
        column = find_column(sheet, header, context.years)
        if column is None:
            report.add(
                name,
                header_index + 1,
                header,
                "",
                _(
                    "This column is not in the template. Delete it, or correct its heading to "
                    "one of the template's."
                ),
                letter,
            )
        elif column.key in seen:
            report.add(
                name,
                header_index + 1,
                header,
                "",
                _("This heading is also in column %(letter)s.") % {"letter": seen[column.key]},
                letter,
            )
        else:
            seen[column.key] = letter
            found[index] = (column, header)
    missing = [column for column in sheet.columns if column.required and column.key not in seen]
    for column in missing:
        report.add(
            name,
            header_index + 1,
            column.header(),
            "",
            _("This column is missing from the sheet; copy it back from an exported file."),
        )
    return found, not missing


def parse_sheet(sheet: Sheet, data: SheetData, context: Context) -> list[Row]:
    report = context.report
    header_index = next(
        (i for i, row in enumerate(data.rows) if any(not cells.is_blank(v) for v in row)), None
    )
    if header_index is None:
        return []
    columns, complete = _columns(sheet, data, header_index, context)
    if not complete:
        # Without its code, title or other required column no row of the sheet can be
        # applied; the missing column is reported once instead of on every row.
        return []
    existing = context.existing[sheet.key]
    by_key = {column.key: column for column, _header in columns.values()}
    rows, codes = [], {}
    for index in range(header_index + 1, len(data.rows)):
        raw_row = data.rows[index]
        if all(cells.is_blank(v) for v in raw_row):
            continue
        row = Row(sheet=sheet, sheet_name=data.name, number=index + 1, code="")
        for position, (column, header) in columns.items():
            raw = raw_row[position] if position < len(raw_row) else None
            row.cells[column.key] = Cell(header, get_column_letter(position + 1), raw)
        _read_code(row, report, codes)
        is_new = row.code not in existing
        for key, cell in row.cells.items():
            if key == "code":
                continue
            column = by_key[key]
            try:
                value = _parse(column, cell.raw, context)
            except cells.CellError as error:
                _fail(row, report, key, str(error))
                continue
            if value in (None, "") and (column.required or column.has_default):
                if column.has_default and is_new:
                    continue  # the service's default applies
                _fail(row, report, key, _("Fill in this cell; it cannot be empty."))
                continue
            row.values[key] = value
        rows.append(row)
    return rows


def _read_code(row: Row, report: Report, codes: dict[str, int]) -> None:
    sheet = row.sheet
    raw = row.cells["code"].raw
    row.code = cells.code(raw)
    if not row.code:
        _fail(
            row,
            report,
            "code",
            _("Give the row's code, e.g. %(example)s; a new row needs one too.")
            % {"example": sheet.example},
        )
    elif not re.fullmatch(sheet.code_pattern, row.code):
        _fail(row, report, "code", code_format_message(sheet))
        row.code = ""  # it names no parent to look for
    elif row.code in codes:
        _fail(
            row,
            report,
            "code",
            _("The code %(code)s is also on row %(row)s.")
            % {"code": row.code, "row": codes[row.code]},
        )
        row.code = ""  # neither row is applied twice
    else:
        codes[row.code] = row.number


def code_format_message(sheet: Sheet) -> str:
    return {
        "aims": _("An aim's code is a number, e.g. 3."),
        "objectives": _("An objective's code is its aim's code and a number, e.g. 2.3."),
        "actions": _("An action's code is its objective's code and a number, e.g. 2.3.1."),
        "indicators": _(
            "An indicator's code is its objective's or action's code, G and a number, e.g. "
            "2.3.G1 or 2.3.1.G1."
        ),
    }[sheet.key]


def _fail(row: Row, report: Report, key: str, message: str) -> None:
    header, letter, raw = row.where(key)
    report.add(row.sheet_name, row.number, header, raw, message, letter)
    row.ok = False
