"""Zip bombs and enormous files for tests/hostile/test_huge.py, built in the test: a real
workbook whose sheet is replaced by one that unpacks to hundreds of MB, and a CSV with one
enormous cell, written to disk a chunk at a time."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.hostile.strategies import sample_xlsx

SHEET = "xl/worksheets/sheet1.xml"
_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>Hizmet</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>Cinsiyet</t></is></c></row>'
)
_TAIL = b"</sheetData></worksheet>"
# A row without cell references: Excel's readers place each cell after the one before, so
# the same bytes again and again are a million rows.
ROW = b'<row><c t="inlineStr"><is><t>Kadin</t></is></c><c><v>1</v></c></row>'


def xlsx_with_sheet(unpacked: int, row: bytes = ROW) -> bytes:
    """A workbook whose first sheet's XML holds ``row`` repeated to about ``unpacked`` bytes,
    deflated as tightly as zlib can (a few hundred times)."""
    source = zipfile.ZipFile(io.BytesIO(sample_xlsx(1)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            if info.filename != SHEET:
                archive.writestr(info.filename, source.read(info.filename))
        with archive.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(_HEAD)
            chunk = row * max(1, (1 << 20) // len(row))
            written = 0
            while written < unpacked:
                sheet.write(chunk)
                written += len(chunk)
            sheet.write(_TAIL)
    return out.getvalue()


def csv_with_huge_cell(path: Path, cell_bytes: int) -> Path:
    """A CSV whose second row holds one cell of ``cell_bytes`` letters."""
    with open(path, "wb") as file:
        file.write(b"Hizmet;Cinsiyet;Say\xc4\xb1\r\nA\xc5\x9fevi;Kad\xc4\xb1n;")
        chunk = b"x" * (1 << 20)
        for _ in range(cell_bytes // len(chunk)):
            file.write(chunk)
        file.write(b"\r\n")
    return path
