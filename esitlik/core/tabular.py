"""Reading an uploaded table — a CSV file or a spreadsheet — into its header row and data rows.

Lists arrive the way offices keep them: saved from Excel as "CSV (semicolon-separated)" in
Windows-1254, exported as UTF-8 from a survey tool such as KoboToolbox, or as a workbook.
:func:`read_table` accepts all of them and keeps each row's number as a spreadsheet program
shows it, so a message can say "row 14". :func:`match_columns` then finds the columns an import
needs by their headings in Turkish or English, whatever their case, spacing or accents. The
``cell_*`` helpers read one cell the way people type it ("12,5", "31.12.2026", an Excel
serial date); what cannot be read raises :class:`CellError`, nothing is guessed.

Nothing here knows what the table holds: participation imports use it today, dataset imports
later. Every refusal is a :class:`TableRefused` whose message is in the user's language.

A workbook's cells are read with python-calamine: formulas give the value Excel last computed,
macros and links are never run. Files are refused before they are parsed when they are larger
than :class:`Limits` allows or, for zipped formats, unpack to far more (zip bombs).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import PurePath

from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from esitlik.core.i18n_text import in_language
from esitlik.core.numbers import parse_amount
from esitlik.core.text import tr_casefold

CSV_TYPES = {".csv", ".txt", ".tsv"}
WORKBOOK_TYPES = {".xlsx", ".xlsm", ".xls", ".ods"}
ACCEPT = ",".join(sorted(CSV_TYPES | WORKBOOK_TYPES))
DELIMITERS = (";", ",", "\t")
# How far down a title or a note above the headings is looked past.
HEADER_SEARCH_ROWS = 10
# Excel counts days from 30.12.1899 (its 1900 leap-year bug folded in). Serials in this range
# are the years 1954–2064: wide enough for any record, narrow enough not to read a count or a
# year as a date.
EXCEL_EPOCH = date(1899, 12, 30)
SERIALS = range(20_000, 60_000)
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls


@dataclass(frozen=True)
class Limits:
    """How large an upload may be. A zipped workbook of 5 MB could unpack to gigabytes; real
    lists unpack to a few MB."""

    max_bytes: int = 5 * 1024 * 1024
    max_unpacked_bytes: int = 60 * 1024 * 1024
    max_rows: int = 5000
    max_columns: int = 200


class TableRefused(Exception):
    """The file as a whole cannot be read; the message says why, in the user's language."""


class CellError(ValueError):
    """What is wrong with one cell, in the user's language."""


@dataclass
class TableRow:
    """One data row. ``number`` is the row as a spreadsheet numbers it (the header is row 1
    in most files); ``cells`` is as wide as the table."""

    number: int
    cells: list

    def __getitem__(self, index: int):
        return self.cells[index] if 0 <= index < len(self.cells) else ""


@dataclass
class Table:
    headers: list[str]
    rows: list[TableRow]
    header_row: int = 1
    sheet: str = ""
    # How the file was read, for the preview: "csv" with its encoding and separator, or "workbook".
    source: str = "csv"
    encoding: str = ""
    delimiter: str = ""


# Cells ------------------------------------------------------------------------------------


def is_blank(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def cell_text(raw) -> str:
    """A cell as the user would recognise it: 12 rather than 12.0, dates as 31.12.2026."""
    if is_blank(raw):
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.strftime("%d.%m.%Y %H:%M" if raw.time() != datetime.min.time() else "%d.%m.%Y")
    if isinstance(raw, date):
        return raw.strftime("%d.%m.%Y")
    return str(raw).strip()


def cell_line(raw) -> str:
    """Text on one line: stray spaces and line breaks collapsed, as names are shown."""
    return " ".join(cell_text(raw).split())


def shown(raw, limit: int = 100) -> str:
    """A cell's value, shortened for a message."""
    value = cell_text(raw)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def cell_date(raw) -> date | None:
    """A date as Excel stored it, as an Excel serial, or typed as 31.12.2026, 31/12/2026 or
    2026-12-31 (a time after it, as survey tools write, is ignored)."""
    if is_blank(raw):
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if float(raw).is_integer() and int(raw) in SERIALS:
            return EXCEL_EPOCH + timedelta(days=int(raw))
        raise CellError(_("Write a date as 31.12.2026."))
    value = str(raw).strip()
    if value.isdigit() and int(value) in SERIALS:
        return EXCEL_EPOCH + timedelta(days=int(value))
    value = re.split(r"[ T]", value, maxsplit=1)[0]
    for pattern in ("%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise CellError(_("Write a date as 31.12.2026."))


def cell_number(raw, language: str | None = None) -> Decimal | None:
    """A number as Excel stored it or typed the Turkish or English way: "12,5", "1.250,75",
    "1,250.75". "1.250" is read the way of ``language`` (the user's by default): one thousand
    two hundred and fifty in Turkish, one and a quarter in English."""
    if is_blank(raw):
        return None
    if isinstance(raw, bool) or isinstance(raw, date):
        raise CellError(_("Write a number such as 12,5."))
    if isinstance(raw, int | float):
        value = Decimal(str(raw))
    else:
        try:
            language = language or translation.get_language() or "tr"
            value = parse_amount(str(raw).strip(), language)
        except ValueError:
            raise CellError(_("Write a number such as 12,5.")) from None
    if not value.is_finite() or abs(value) >= Decimal("1e15"):
        raise CellError(_("Write a number such as 12,5."))
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def cell_integer(raw, low: int | None = None, high: int | None = None) -> int | None:
    if is_blank(raw):
        return None
    if low is not None and high is not None:
        message = _("Write a whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
    else:
        message = _("Write a whole number.")
    try:
        # A count has no decimals, so "1.234" groups thousands whatever the language.
        value = cell_number(raw, "tr")
    except CellError:
        raise CellError(message) from None
    whole = int(value)
    if value != whole or (low is not None and whole < low) or (high is not None and whole > high):
        raise CellError(message)
    return whole


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how spreadsheet users name a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Matching headings and listed values -------------------------------------------------------


def match_key(text) -> str:
    """How headings and listed values are compared: Turkish-aware case folding (I ↔ ı,
    İ ↔ i), then accents dropped (ş → s, ğ → g, ı → i), punctuation and underscores read as
    spaces. "Hedef_Grupları", "HEDEF GRUPLARI" and "hedef gruplari" are one key. For matching
    only: what is stored keeps its letters."""
    folded = tr_casefold(str(text)).replace("ı", "i")
    folded = unicodedata.normalize("NFKD", folded)
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(re.sub(r"[\W_]+", " ", folded).split())


@dataclass(frozen=True)
class Column:
    """A column an import knows. ``label`` is translatable: its Turkish and English
    translations are accepted as headings, as are ``aliases`` (other names people and survey
    forms use). A ``required`` column must be in the file."""

    key: str
    label: object
    aliases: tuple[str, ...] = ()
    required: bool = False

    def header(self, language: str | None = None) -> str:
        return in_language(self.label, language or translation.get_language() or "tr")

    def names(self) -> list[str]:
        names = [self.header("tr"), self.header("en"), *self.aliases]
        return list(dict.fromkeys(names))

    def keys(self) -> set[str]:
        return {match_key(name) for name in self.names()} - {""}


@dataclass
class ColumnMap:
    """Where each known column is in a table, and which of the file's columns mean nothing
    to the import."""

    columns: dict[str, Column]
    index: dict[str, int]
    headers: list[str]
    ignored: list[int] = field(default_factory=list)

    def has(self, key: str) -> bool:
        return key in self.index

    def header(self, key: str) -> str:
        """The column's heading as written in the file (or its label when it is not there)."""
        if key in self.index:
            return self.headers[self.index[key]]
        column = self.columns.get(key)
        return column.header() if column else ""

    def letter(self, key: str) -> str:
        return column_letter(self.index[key]) if key in self.index else ""

    def value(self, row: TableRow, key: str):
        """The raw cell of ``key`` in ``row``; None when the file has no such column."""
        return row[self.index[key]] if key in self.index else None


def _candidates(header: str, path_separator: str) -> list[str]:
    # Survey exports name a field inside a group "group_x/field" (KoboToolbox) or
    # "group_x-field"; the last segment is the field's own name.
    candidates = [header]
    if path_separator and path_separator in header:
        candidates.append(header.rsplit(path_separator, 1)[1])
    return candidates


def header_finder(columns: Sequence[Column], path_separator: str = "/") -> Callable[[list], bool]:
    """A test for :func:`read_table`'s ``is_header``: the row names at least one column."""
    known = set().union(*(column.keys() for column in columns))

    def is_header(cells: list) -> bool:
        return any(
            match_key(candidate) in known
            for cell in cells
            if isinstance(cell, str) and cell.strip()
            for candidate in _candidates(cell_line(cell), path_separator)
        )

    return is_header


def match_columns(table: Table, columns: Sequence[Column], path_separator: str = "/") -> ColumnMap:
    """Find each known column among the table's headings. Refuses a table in which no heading
    is known, in which two headings mean the same column, or which lacks a required one;
    headings it does not know are listed in ``ignored`` (survey tools add their own)."""
    by_key: dict[str, Column] = {}
    for column in columns:
        for key in column.keys():
            by_key[key] = column
    index: dict[str, int] = {}
    ignored: list[int] = []
    for position, header in enumerate(table.headers):
        found = None
        for candidate in _candidates(header, path_separator):
            found = by_key.get(match_key(candidate))
            if found:
                break
        if found is None:
            if header or any(not is_blank(row[position]) for row in table.rows):
                ignored.append(position)
            continue
        if found.key in index:
            first = index[found.key]
            raise TableRefused(
                _(
                    "The columns “%(first)s” (%(first_letter)s) and “%(second)s” "
                    "(%(second_letter)s) both give “%(column)s”; keep one of them."
                )
                % {
                    "first": table.headers[first],
                    "first_letter": column_letter(first),
                    "second": header,
                    "second_letter": column_letter(position),
                    "column": found.header(),
                }
            )
        index[found.key] = position
    if not index:
        raise TableRefused(
            _(
                "No column heading was recognised. The first row of the table must name its "
                "columns, e.g. %(examples)s."
            )
            % {"examples": ", ".join(f"“{c.header()}”" for c in columns if c.required)}
        )
    missing = [column for column in columns if column.required and column.key not in index]
    if missing:
        raise TableRefused(
            " ".join(
                _("The column “%(column)s” is missing (also accepted: %(names)s).")
                % {
                    "column": column.header(),
                    "names": ", ".join(n for n in column.names() if n != column.header()),
                }
                for column in missing
            )
        )
    return ColumnMap(
        columns={column.key: column for column in columns},
        index=index,
        headers=table.headers,
        ignored=ignored,
    )


# Reading files -----------------------------------------------------------------------------


def _unreadable(name: str) -> TableRefused:
    return TableRefused(
        _("“%(name)s” could not be read as a table. Upload a CSV file or an Excel workbook.")
        % {"name": name}
    )


def _too_many(limits: Limits) -> TableRefused:
    return TableRefused(
        _("The table has more than %(rows)s rows or %(columns)s columns; split it into parts.")
        % {"rows": limits.max_rows, "columns": limits.max_columns}
    )


def read_table(
    data: bytes,
    name: str,
    *,
    sheet: str | None = None,
    limits: Limits | None = None,
    is_header: Callable[[list], bool] | None = None,
) -> Table:
    """The table in an uploaded file (``name`` is the file's name as uploaded).

    CSV: UTF-8 with or without a byte-order mark, UTF-16 with one, otherwise Windows-1254;
    separated by semicolons, commas or tabs (see ``_sniff``). Workbooks (xlsx, xls, ods):
    the sheet called ``sheet`` or else the first sheet with anything in it. What the bytes
    are decides, not the name, but a name must say CSV or workbook.

    The header is the first non-empty row, or with ``is_header`` the first of the first few
    non-empty rows it accepts (so a title typed above the headings does no harm). Empty rows
    are dropped but the others keep their numbers."""
    limits = limits or Limits()
    name = PurePath(name or "").name
    suffix = PurePath(name).suffix.lower()
    if suffix not in CSV_TYPES | WORKBOOK_TYPES:
        raise TableRefused(
            _("Upload a CSV file or an Excel workbook (%(types)s); “%(name)s” is neither.")
            % {"types": ", ".join(sorted(CSV_TYPES | WORKBOOK_TYPES)), "name": name}
        )
    if len(data) > limits.max_bytes:
        raise TableRefused(
            _("The file is larger than %(size)s; split it into parts.")
            % {"size": filesizeformat(limits.max_bytes)}
        )
    if not data.strip():
        raise TableRefused(_("The file is empty."))
    # The content decides, not the name: a workbook saved with .csv is still a workbook.
    if data.startswith((_ZIP, _OLE)):
        rows, sheet_name = _workbook_rows(data, name, sheet, limits)
        table = _table(rows, limits, is_header)
        table.source, table.sheet = "workbook", sheet_name
        return table
    if suffix in WORKBOOK_TYPES:
        raise _unreadable(name)
    text, encoding = _decode(data, name)
    delimiter = _sniff(text)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows, filled = [], 0
        for record in reader:
            # Excel writes ";;;;" for rows that were only formatted: they do not count.
            filled += any(not is_blank(value) for value in record)
            if filled > limits.max_rows + HEADER_SEARCH_ROWS:
                raise _too_many(limits)
            rows.append(record)
    except csv.Error:
        raise _unreadable(name) from None
    table = _table(rows, limits, is_header)
    table.source, table.encoding, table.delimiter = "csv", encoding, delimiter
    return table


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise _unreadable(name) from None
    if b"\x00" in data:
        raise _unreadable(name)  # a binary file, not text
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Excel on a Turkish Windows saves "CSV" in Windows-1254: ş, ğ, ı, İ as single bytes.
    try:
        return data.decode("cp1254"), "cp1254"
    except UnicodeDecodeError:
        raise _unreadable(name) from None


def _sniff(text: str) -> str:
    """The separator that splits the first rows most consistently into several fields.

    Counting one line is not enough: a title above the headings may hold commas, and in a
    semicolon-separated file a text or a decimal comma adds commas to some rows. The
    separator that gives the most rows the same number of fields (more than one) wins; ties
    go to the earlier of ";", ",", tab."""
    sample = text[:65536]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = []
        try:
            for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
                if record:
                    counts.append(len(record))
                if len(counts) >= 20:
                    break
        except csv.Error:
            continue
        several = [count for count in counts if count > 1]
        if not several:
            continue
        modal = max(set(several), key=several.count)
        score = (several.count(modal), modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _check_unpacked(data: bytes, name: str, limits: Limits) -> None:
    if not data.startswith(_ZIP):
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise _unreadable(name) from None
    if unpacked > limits.max_unpacked_bytes:
        raise TableRefused(
            _("“%(name)s” unpacks to far more than a list could hold; it was not read.")
            % {"name": name}
        )


def _workbook_rows(
    data: bytes, name: str, wanted: str | None, limits: Limits
) -> tuple[list[list], str]:
    _check_unpacked(data, name, limits)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(workbook.sheet_names)
    except Exception:  # calamine raises its own errors, and others on malformed parts
        raise _unreadable(name) from None
    if wanted is not None:
        chosen = [n for n in names if match_key(n) == match_key(wanted)]
        if not chosen:
            raise TableRefused(
                _("The workbook has no sheet called “%(sheet)s”; its sheets are: %(sheets)s.")
                % {"sheet": wanted, "sheets": ", ".join(names)}
            )
        names = chosen
    for sheet_name in names:
        try:
            sheet = workbook.get_sheet_by_name(sheet_name)
            end = sheet.end
            # Refused before the cells are loaded: a sheet's size is known from its range.
            if end is not None and (
                end[0] >= 2 * limits.max_rows + HEADER_SEARCH_ROWS or end[1] >= limits.max_columns
            ):
                raise _too_many(limits)
            rows = sheet.to_python(skip_empty_area=False)
        except TableRefused:
            raise
        except Exception:
            raise _unreadable(name) from None
        if any(not is_blank(value) for row in rows for value in row):
            return rows, sheet_name
    raise TableRefused(_("The file is empty."))


def _filled_width(row: list) -> int:
    return max((i + 1 for i, value in enumerate(row) if not is_blank(value)), default=0)


def _table(rows: list[list], limits: Limits, is_header) -> Table:
    numbered = [
        (number, list(row))
        for number, row in enumerate(rows, start=1)
        if any(not is_blank(value) for value in row)
    ]
    if not numbered:
        raise TableRefused(_("The file is empty."))
    header_at = 0
    if is_header is not None:
        for position, (_number, row) in enumerate(numbered[:HEADER_SEARCH_ROWS]):
            if is_header(row):
                header_at = position
                break
    header_number, header_cells = numbered[header_at]
    data = numbered[header_at + 1 :]
    if len(data) > limits.max_rows:
        raise _too_many(limits)
    # As wide as the last column holding anything, heading or value.
    width = max(_filled_width(row) for _number, row in numbered[header_at:])
    if width > limits.max_columns:
        raise _too_many(limits)

    def padded(row: list) -> list:
        row = row[:width]
        return row + [""] * (width - len(row))

    return Table(
        headers=[cell_line(value) for value in padded(header_cells)],
        rows=[TableRow(number, padded(row)) for number, row in data],
        header_row=header_number,
    )
