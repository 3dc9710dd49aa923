"""Reading a dataset file — CSV or workbook, of any size — into dictionary-encoded columns.

Each column becomes its *distinct values* (as written: text, or for a workbook the typed
cell: a float, a date…) and, for every data row, the index of its value. Checking and
converting then happens once per distinct value, not once per row.

CSV files are read in three steps:

1. From the first 256 KB, in Python: the encoding (UTF-8 with or without a byte-order mark,
   UTF-16 with one, else Windows-1254), the separator (``core.tabular._sniff``) and the
   heading row, which may sit below a title or a note (the first of the first ten non-empty
   rows that names a known column, as ``core.tabular.read_table`` does).
2. The rest, by pyarrow's multi-threaded CSV reader, every column as *bytes* into a
   dictionary: separators, quotes and line ends are ASCII in all three encodings, so no
   transcoding pass is needed; only the distinct values are decoded. If one of them is not
   UTF-8 the whole file is read as Windows-1254.
3. A file the fast reader cannot take (a row with more cells than the heading row, a blank
   line in a file that also quotes values…) is read again by Python's csv module: slower,
   same result.

Row numbers are those a spreadsheet program shows when it opens the file: every line before
the data counts (title, blank lines, the headings), a blank line between rows counts, and a
quoted value that runs over several lines is one row. Rows with nothing in them (Excel saves
"``;;;;``" for rows that were only formatted) are left out and keep nobody's number.

Workbooks are read with python-calamine (formulas give the value Excel last computed, nothing
is run); row numbers are the sheet's own.
"""

from __future__ import annotations

import codecs
import csv
import gc
import mmap
import zipfile
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path, PurePath

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from esitlik.core.tabular import (
    CSV_TYPES,
    HEADER_SEARCH_ROWS,
    WORKBOOK_TYPES,
    TableRefused,
    _sniff,
    cell_line,
    cell_text,
    column_letter,
    is_blank,
    match_key,
)

SAMPLE_BYTES = 256 * 1024
PREVIEW_ROWS = 10
# Rows kept from the first bytes for the privacy guard's look at a column before import.
SAMPLE_ROWS = 2000
# A workbook that unpacks to more than this is refused before calamine reads it (zip bomb);
# Excel's own limit of 1,048,576 rows of a dozen columns stays well below.
MAX_UNPACKED_BYTES = 2 * 1024**3
# A zip member that unpacks to more than this many times its packed size is a zip bomb, not a
# sheet: sheets saved by Excel, LibreOffice or openpyxl pack 5 to 30 times (a million identical
# rows about 20), a bomb several hundred times. Small parts (styles, shared strings of one
# repeated word) may pack tighter and are let be. Setting UPLOAD_MAX_ZIP_RATIO.
MAX_ZIP_RATIO = 100
_RATIO_FROM_BYTES = 10 * 1024 * 1024
# Excel's own limit; a sheet with more rows was not made by a spreadsheet program. Checked
# from the sheet's size before its cells become Python objects (about 100 bytes each), with
# the number of cells (setting UPLOAD_MAX_CELLS): 1,048,576 rows of 24 columns.
MAX_SHEET_ROWS = 1_048_576
MAX_SHEET_CELLS = 1_048_576 * 24
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NL, _CR = 10, 13


@dataclass
class RawColumn:
    """One column of the file: its heading, its distinct values and each row's value."""

    position: int
    header: str
    # How mappings and messages name the column: the heading, or "(C)" for a column without
    # one, and "Heading (D)" for the second column of the same heading.
    name: str
    values: list = field(default_factory=list)
    indices: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))

    @property
    def letter(self) -> str:
        return column_letter(self.position)

    def blank_values(self) -> np.ndarray:
        """For each distinct value: is it empty?"""
        return np.fromiter((is_blank(v) for v in self.values), dtype=bool, count=len(self.values))

    def counts(self) -> np.ndarray:
        """How many rows hold each distinct value."""
        return np.bincount(self.indices, minlength=len(self.values))


@dataclass
class Layout:
    """What the first rows say about the file: where the headings are, what they say."""

    source: str  # "csv" or "workbook"
    headers: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    header_row: int = 0
    first_rows: list[tuple[int, list[str]]] = field(default_factory=list)
    # The first data rows as read (text, or typed workbook cells), at most SAMPLE_ROWS.
    sample: list[tuple[int, list]] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    # CSV: the file actually read (a UTF-16 file is read from a UTF-8 copy), where its data
    # rows start, how many fields the heading row has, whether the first bytes quote values.
    path: Path | None = None
    data_offset: int = 0
    width: int = 0
    quoted: bool = False


@dataclass
class RawTable:
    layout: Layout
    columns: list[RawColumn]
    # The spreadsheet row number of each data row (rows with nothing in them left out).
    rows: np.ndarray

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> RawColumn | None:
        return next((c for c in self.columns if c.name == name), None)


# Helpers ----------------------------------------------------------------------------------


def column_names(headers: list[str]) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for position, header in enumerate(headers):
        letter = column_letter(position)
        name = header or f"({letter})"
        if match_key(name) in seen:
            name = f"{header} ({letter})"
        seen.add(match_key(name))
        names.append(name)
    return names


def is_workbook(path: Path) -> bool:
    with open(path, "rb") as file:
        return file.read(8).startswith((_ZIP, _OLE))


def check_name(name: str) -> None:
    suffix = PurePath(name).suffix.lower()
    if suffix not in CSV_TYPES | WORKBOOK_TYPES:
        raise TableRefused(
            _("Upload a CSV file or an Excel workbook (%(types)s); “%(name)s” is neither.")
            % {"types": ", ".join(sorted(CSV_TYPES | WORKBOOK_TYPES)), "name": name}
        )


def _unreadable(name: str) -> TableRefused:
    return TableRefused(
        _("“%(name)s” could not be read as a table. Upload a CSV file or an Excel workbook.")
        % {"name": name}
    )


def _filled(cells) -> bool:
    return any(not is_blank(value) for value in cells)


def _width(cells) -> int:
    """One past the last cell with something in it."""
    for position in range(len(cells) - 1, -1, -1):
        if not is_blank(cells[position]):
            return position + 1
    return 0


# The longest cell a CSV may have: Python's csv default. The limit is the process's, and
# libraries change it on import (frictionless raises it to sys.maxsize), so the reader sets
# it for itself while it reads.
MAX_CSV_CELL = 131_072


@contextmanager
def _csv_cell_limit():
    before = csv.field_size_limit(MAX_CSV_CELL)
    try:
        yield
    finally:
        csv.field_size_limit(before)


@contextmanager
def _no_cycle_collection():
    """A workbook's cells are millions of small objects, none in a cycle: the cycle
    collector, set off again and again while they are made, would only slow the reading."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Reading the same upload for its preview, its confirmation and its import parses it once per
# process: the last files' first records (CSV) or rows (workbook) are kept.
_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 2


def _cached(path: Path, what: str, extra, compute):
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size, what, extra)
    if key not in _CACHE:
        _CACHE[key] = compute()
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    _CACHE.move_to_end(key)
    return _CACHE[key]


def forget(path: Path) -> None:
    for key in [key for key in _CACHE if key[0] == str(path)]:
        del _CACHE[key]


def _head(records, is_header, base: Layout, *, csv_ends: bool = False) -> Layout:
    """Find the heading row among the first non-empty records and take the first data rows
    as the sample. ``records`` holds (record, end offset) pairs when ``csv_ends``."""
    head: list[tuple[int, list, int]] = []
    for number, item in enumerate(records, start=1):
        record, end = item if csv_ends else (item, 0)
        if _filled(record):
            head.append((number, record, end))
            if len(head) >= HEADER_SEARCH_ROWS:
                break
    if not head:
        raise TableRefused(_("The file is empty."))
    at = next((i for i, (_n, cells, _e) in enumerate(head) if is_header and is_header(cells)), 0)
    header_row, header_cells, header_end = head[at]
    sample = []
    for number, item in enumerate(islice(records, header_row, None), start=header_row + 1):
        record = item[0] if csv_ends else item
        if _filled(record):
            sample.append((number, list(record)))
            if len(sample) >= SAMPLE_ROWS:
                break
    width = max([_width(header_cells)] + [_width(cells) for _n, cells in sample])
    cells = list(header_cells[:width]) + [""] * (width - len(header_cells))
    base.headers = [cell_line(value) for value in cells]
    base.names = column_names(base.headers)
    base.header_row = header_row
    base.sample = [(number, cells[:width]) for number, cells in sample]
    base.first_rows = [
        (number, [cell_text(v) for v in cells[:width]]) for number, cells in sample[:PREVIEW_ROWS]
    ]
    base.data_offset, base.width = header_end, len(header_cells)
    return base


# CSV --------------------------------------------------------------------------------------


def _detect_encoding(head: bytes) -> tuple[str, int]:
    """The encoding the file's first bytes suggest, and how many bytes of byte-order mark
    to skip."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", len(codecs.BOM_UTF8)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 0
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        # Excel on a Turkish Windows saves "CSV" in Windows-1254: ş, ğ, ı, İ as single bytes.
        return "cp1254", 0
    return "utf-8", 0


def _utf8_copy(path: Path, name: str) -> Path:
    """UTF-16 (what Excel calls "Unicode text") does not keep separators as single bytes;
    such a file is read from a UTF-8 copy beside it."""
    target = path.with_name(path.name + ".utf8")
    try:
        with (
            open(path, encoding="utf-16", newline="") as source,
            open(target, "w", encoding="utf-8", newline="") as out,
        ):
            while chunk := source.read(1 << 22):
                out.write(chunk)
    except UnicodeError:
        raise _unreadable(name) from None
    return target


def _sample_records(sample: bytes, encoding: str, delimiter: str, complete: bool) -> list:
    """The records of the sample with the byte offset where each ends. A record cut off by
    the end of an incomplete sample is left out."""
    lines = sample.splitlines(keepends=True)
    if not complete and lines:
        lines = lines[:-1]
    consumed = [0]

    def feed():
        for line in lines:
            consumed[0] += len(line)
            yield line.decode(encoding, errors="replace")

    records = []
    try:
        for record in csv.reader(feed(), delimiter=delimiter):
            records.append((record, consumed[0]))
    except csv.Error:
        pass
    return records


def _csv_start(path: Path, name: str) -> Layout:
    """Encoding, separator and the first records of a CSV file."""
    with open(path, "rb") as file:
        head = file.read(SAMPLE_BYTES)
        complete = not file.read(1)
    if not head.strip():
        raise TableRefused(_("The file is empty."))
    encoding, bom = _detect_encoding(head)
    read_path = path
    if encoding == "utf-16":
        read_path = _utf8_copy(path, name)
        with open(read_path, "rb") as file:
            head = file.read(SAMPLE_BYTES)
            complete = not file.read(1)
        encoding = "utf-8"
    elif b"\x00" in head:
        raise _unreadable(name)  # a binary file, not text
    sample = head[bom:]
    delimiter = _sniff(sample.decode(encoding, errors="replace"))
    layout = Layout(source="csv", encoding=encoding, delimiter=delimiter, path=read_path)
    layout.quoted = b'"' in sample
    layout.data_offset = bom
    return layout, _sample_records(sample, encoding, delimiter, complete)


def _inspect_csv(path: Path, name: str, is_header) -> Layout:
    start, records = _cached(path, "csv", None, lambda: _csv_start(path, name))
    layout = Layout(**{**start.__dict__})
    bom = start.data_offset
    layout = _head(records, is_header, layout, csv_ends=True)
    layout.data_offset += bom
    return layout


def _last_content(data: np.ndarray) -> int:
    """One past the last byte that is not a line end or a space."""
    end = len(data)
    while end and data[end - 1] in (_NL, _CR, 32, 9):
        end -= 1
    return end


def _has_quote(path: Path, start: int) -> bool:
    # mmap's find looks for one byte with memchr: a pass over the file costs next to nothing.
    with open(path, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return data.find(b'"', start) != -1


def _has_blank_line(region: np.ndarray) -> bool:
    """Whether a blank line sits between rows (a blank line after the last row is harmless
    and already cut off)."""
    ends = np.flatnonzero(region == _NL)
    if not len(ends):
        ends = np.flatnonzero(region == _CR)  # old Mac line ends
        return bool(len(ends) and (np.diff(ends) == 1).any() or (len(region) and region[0] == _CR))
    if region[0] == _NL or (len(region) > 1 and region[0] == _CR and region[1] == _NL):
        return True
    gaps = np.diff(ends)
    if (gaps == 1).any():
        return True
    two = ends[:-1][gaps == 2]
    return bool(len(two) and (region[two + 1] == _CR).any())


def _fill_blank_lines(data: bytes, filler: bytes) -> bytes:
    """Blank lines become rows of empty cells, which keep their row numbers (pyarrow would
    skip a blank line and every later row number would be off by one)."""
    if data.startswith((b"\r\n", b"\n")):
        data = filler + data
    for blank, replacement in (
        (b"\n\r\n", b"\n" + filler + b"\r\n"),
        (b"\n\n", b"\n" + filler + b"\n"),
    ):
        while blank in data:
            data = data.replace(blank, replacement)
    return data


def _decode_values(raw: list[bytes], encoding: str) -> list[str] | None:
    try:
        return [value.decode(encoding) for value in raw]
    except UnicodeDecodeError:
        return None


def _read_csv_fast(layout: Layout, skip: Callable[[str], bool]) -> list[RawColumn] | None:
    """Every field of the heading row's width, by pyarrow; None when the file needs the
    careful reader (rows of another width, a blank line in a file that quotes values)."""
    width = layout.width
    mapped = pa.memory_map(str(layout.path)).read_buffer()
    data = np.frombuffer(mapped, dtype=np.uint8)
    end = _last_content(data)
    if end <= layout.data_offset:
        return []
    region = data[layout.data_offset : end]
    quoted = layout.quoted or _has_quote(layout.path, layout.data_offset)
    fields = [f"c{position}" for position in range(width)]
    headers = layout.headers + [""] * (width - len(layout.headers))
    names = column_names(headers)
    keep = [position for position in range(width) if not skip(names[position])]
    # A blank line is not skipped but read as a row of one empty cell, which the width
    # refuses; only then is the file searched for blank lines, so they cost nothing when
    # there are none.
    table = _pyarrow_csv(mapped[layout.data_offset : end], layout.delimiter, fields, keep, quoted)
    if table is None and width > 1 and not quoted and _has_blank_line(region):
        filler = layout.delimiter.encode() * (width - 1)
        buffer = pa.py_buffer(_fill_blank_lines(region.tobytes(), filler))
        table = _pyarrow_csv(buffer, layout.delimiter, fields, keep, quoted)
    if table is None:
        return None
    columns = []
    for position, chunked in zip(keep, table.columns, strict=True):
        column = RawColumn(position, headers[position], names[position])
        if chunked.num_chunks:
            unified = chunked.unify_dictionaries()
            column.values = unified.chunk(0).dictionary.to_pylist()
            column.indices = np.concatenate(
                [chunk.indices.to_numpy(zero_copy_only=False) for chunk in unified.chunks]
            ).astype(np.int32, copy=False)
        columns.append(column)
    layout.headers, layout.names = headers, names
    return columns


def _pyarrow_csv(buffer, delimiter: str, fields: list[str], keep: list[int], quoted: bool):
    as_bytes = pa.dictionary(pa.int32(), pa.binary())
    try:
        return pa_csv.read_csv(
            pa.BufferReader(buffer),
            read_options=pa_csv.ReadOptions(column_names=fields, block_size=1 << 24),
            parse_options=pa_csv.ParseOptions(
                delimiter=delimiter, newlines_in_values=quoted, ignore_empty_lines=False
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types={fields[p]: as_bytes for p in keep},
                include_columns=[fields[p] for p in keep],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None


def _decode_columns(columns: list[RawColumn], layout: Layout) -> None:
    decoded = [_decode_values(c.values, layout.encoding) for c in columns]
    if any(values is None for values in decoded):
        layout.encoding = "cp1254"
        decoded = [_decode_values(c.values, "cp1254") for c in columns]
    for column, values in zip(columns, decoded, strict=True):
        column.values = values


def _csv_records(layout: Layout, name: str) -> list[list]:
    """Every record of the file by Python's csv module, as a spreadsheet numbers them.

    The file is read as a stream, not into one string: a cell of 100 MB (a quote mark never
    closed, or a hostile file) then costs no more than the csv module's field limit before it
    is refused, instead of several times the file's size."""
    encodings = ["utf-8-sig" if layout.encoding == "utf-8" else layout.encoding]
    if encodings[0] != "cp1254":
        encodings.append("cp1254")  # a file whose later rows are in Windows-1254
    for encoding in encodings:
        try:
            with (
                open(layout.path, encoding=encoding, newline="") as file,
                _no_cycle_collection(),
                _csv_cell_limit(),
            ):
                records = list(csv.reader(file, delimiter=layout.delimiter))
        except UnicodeDecodeError:
            continue
        except csv.Error as error:
            if "field limit" in str(error):
                raise _cell_too_long(name) from None
            raise _unreadable(name) from None
        layout.encoding = "cp1254" if encoding == "cp1254" else layout.encoding
        return records
    raise _unreadable(name)


def _cell_too_long(name: str) -> TableRefused:
    return TableRefused(
        _(
            "“%(name)s” has a cell of more than %(limit)s characters, often a quote mark that "
            "is never closed; it was not read."
        )
        % {"name": name, "limit": number_format(MAX_CSV_CELL, force_grouping=True)}
    )


# Workbooks --------------------------------------------------------------------------------


def _check_unpacked(path: Path, name: str) -> None:
    with open(path, "rb") as file:
        if not file.read(4).startswith(_ZIP):
            return
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise _unreadable(name) from None
    unpacked = sum(info.file_size for info in members)
    ratio = getattr(settings, "UPLOAD_MAX_ZIP_RATIO", MAX_ZIP_RATIO)
    packed_tight = any(
        info.file_size > _RATIO_FROM_BYTES and info.file_size > ratio * max(info.compress_size, 1)
        for info in members
    )
    # The sizes are those the archive declares; calamine's unzipping stops at a member that
    # unpacks to more than it declared, so a bomb cannot lie its way past this.
    if unpacked > MAX_UNPACKED_BYTES or packed_tight:
        raise TableRefused(
            _("“%(name)s” unpacks to far more than a list could hold; it was not read.")
            % {"name": name}
        )


def _check_sheet_size(sheet, sheet_name: str) -> None:
    """Refuse a sheet too large to read before its cells are made Python objects."""
    cells = getattr(settings, "UPLOAD_MAX_CELLS", MAX_SHEET_CELLS)
    if sheet.height > MAX_SHEET_ROWS or sheet.height * sheet.width > cells:
        raise TableRefused(
            _(
                "The sheet “%(sheet)s” has %(rows)s rows and %(columns)s columns; at most "
                "%(limit)s rows and %(cells)s cells can be imported. Split it into several files."
            )
            % {
                "sheet": sheet_name,
                "rows": number_format(sheet.height, force_grouping=True),
                "columns": number_format(sheet.width, force_grouping=True),
                "limit": number_format(MAX_SHEET_ROWS, force_grouping=True),
                "cells": number_format(cells, force_grouping=True),
            }
        )


def _sheet_rows(path: Path, name: str, wanted: str | None) -> tuple[list[list], str, list[str]]:
    _check_unpacked(path, name)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = list(workbook.sheet_names)
    except Exception:  # calamine raises its own errors, and others on malformed parts
        raise _unreadable(name) from None
    candidates = names
    if wanted:
        candidates = [n for n in names if match_key(n) == match_key(wanted)]
        if not candidates:
            raise TableRefused(
                _("The workbook has no sheet called “%(sheet)s”; its sheets are: %(sheets)s.")
                % {"sheet": wanted, "sheets": ", ".join(names)}
            )
    for sheet_name in candidates:
        try:
            sheet = workbook.get_sheet_by_name(sheet_name)
            _check_sheet_size(sheet, sheet_name)
            with _no_cycle_collection():
                rows = sheet.to_python(skip_empty_area=False)
        except TableRefused:
            raise
        except Exception:
            raise _unreadable(name) from None
        if any(_filled(row) for row in rows[:1000]) or any(_filled(row) for row in rows):
            return rows, sheet_name, names
    raise TableRefused(_("The file is empty."))


def _workbook(path: Path, name: str, sheet: str | None, is_header) -> tuple[Layout, list]:
    rows, sheet_name, sheets = _cached(path, "sheet", sheet, lambda: _sheet_rows(path, name, sheet))
    layout = _head(rows, is_header, Layout(source="workbook", sheet=sheet_name, sheets=sheets))
    return layout, rows


# Records (workbook rows, or CSV records read carefully) into columns ------------------------


def _encode(values) -> tuple[list, np.ndarray]:
    """A column of Python values as its distinct values and each row's index."""
    try:
        # A column of one type (all text, all dates, all numbers) is encoded by pyarrow.
        array = pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        array = None
    if array is not None and array.null_count == 0 and not pa.types.is_boolean(array.type):
        encoded = array.dictionary_encode()
        indices = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
        return encoded.dictionary.to_pylist(), indices
    distinct = dict.fromkeys(values)
    if any(type(value) is bool for value in distinct):
        # True == 1.0 for a dict; a ticked box is written TRUE, as Excel shows it.
        values = [("TRUE" if v else "FALSE") if type(v) is bool else v for v in values]
        distinct = dict.fromkeys(values)
    positions = {value: index for index, value in enumerate(distinct)}
    indices = np.fromiter(map(positions.__getitem__, values), dtype=np.int32, count=len(values))
    return list(distinct), indices


def _from_records(records: list[list], layout: Layout, skip) -> tuple[list[RawColumn], np.ndarray]:
    data = records[layout.header_row :]
    width = max(len(layout.headers), max(map(len, data), default=0))
    if data and min(map(len, data)) != width:
        data = [list(row) + [""] * (width - len(row)) for row in data]
    numbers = np.arange(layout.header_row + 1, layout.header_row + 1 + len(data), dtype=np.int64)
    headers = layout.headers + [""] * (width - len(layout.headers))
    names = column_names(headers)
    columns = []
    with _no_cycle_collection():
        transposed = list(zip(*data, strict=True)) if data else [() for _ in range(width)]
        for position in range(width):
            if skip(names[position]):
                continue
            column = RawColumn(position, headers[position], names[position])
            column.values, column.indices = _encode(transposed[position])
            columns.append(column)
    layout.headers, layout.names = headers, names
    return columns, numbers


# Public -----------------------------------------------------------------------------------


def inspect(
    path: Path, name: str, *, sheet: str | None = None, is_header: Callable | None = None
) -> Layout:
    """Where the headings are and what the first rows hold (for a CSV file, from its first
    bytes only)."""
    check_name(name)
    if is_workbook(path):
        return _workbook(path, name, sheet, is_header)[0]
    if PurePath(name).suffix.lower() in WORKBOOK_TYPES:
        raise _unreadable(name)
    return _inspect_csv(path, name, is_header)


def read(
    path: Path,
    name: str,
    *,
    sheet: str | None = None,
    is_header: Callable | None = None,
    skip: Callable[[str], bool] = lambda name: False,
) -> RawTable:
    """The whole file. Columns whose name ``skip`` accepts (those the user dropped) are
    never read."""
    check_name(name)
    if is_workbook(path):
        layout, rows = _workbook(path, name, sheet, is_header)
        columns, numbers = _from_records(rows, layout, skip)
    else:
        if PurePath(name).suffix.lower() in WORKBOOK_TYPES:
            raise _unreadable(name)
        layout = _inspect_csv(path, name, is_header)
        columns = _read_csv_fast(layout, skip)
        if columns is not None:
            _decode_columns(columns, layout)
            count = len(columns[0].indices) if columns else 0
            first = layout.header_row + 1
            numbers = np.arange(first, first + count, dtype=np.int64)
        else:
            records = _csv_records(layout, name)
            careful = _head(records, is_header, Layout(**{**layout.__dict__}))
            careful.encoding = layout.encoding
            layout = careful
            columns, numbers = _from_records(records, layout, skip)
    return _without_empty(RawTable(layout, columns, numbers))


def _without_empty(table: RawTable) -> RawTable:
    """Leave out rows with nothing in them, and the columns after the last one with a
    heading or a value."""
    blanks = {id(c): c.blank_values() for c in table.columns}
    empty = [not c.header and bool(blanks[id(c)].all()) for c in table.columns]
    while table.columns and empty[-1]:
        table.columns.pop()
        empty.pop()
    last = table.columns[-1].position + 1 if table.columns else 0
    last = max(last, max((i + 1 for i, h in enumerate(table.layout.headers) if h), default=0))
    table.layout.headers = table.layout.headers[:last]
    table.layout.names = table.layout.names[:last]
    if not len(table.rows) or not table.columns:
        return table
    blank = np.ones(len(table.rows), dtype=bool)
    for column in table.columns:
        if len(column.values):
            blank &= blanks[id(column)][column.indices]
    if blank.any():
        keep = ~blank
        table.rows = table.rows[keep]
        for column in table.columns:
            column.indices = column.indices[keep]
    return table
