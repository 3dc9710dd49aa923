"""Writing test files the way offices save them, and reading back what an import stored."""

import io
from datetime import date

import pyarrow.parquet as pq
from openpyxl import Workbook

from esitlik.datasets import storage
from esitlik.datasets.imports import import_file


def csv_bytes(text: str, encoding: str = "utf-8", bom: bool = False) -> bytes:
    """``text`` with Windows line ends, as Excel saves it."""
    data = text.replace("\r\n", "\n").replace("\n", "\r\n").encode(encoding)
    return (b"\xef\xbb\xbf" if bom else b"") + data


def xlsx_bytes(rows: list[list], date_format: str = "DD.MM.YYYY") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Veri"
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, date):
                cell.number_format = date_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def stored_rows(run) -> list[dict]:
    """The landed run's Parquet rows, as dicts."""
    return pq.read_table(storage.run_path(run)).to_pylist()


def run_import(world, kind: str, data: bytes, name: str = "data.csv", **options):
    options.setdefault("year", 2025)
    options.setdefault("by", world.alice)
    return import_file(municipality=world.home, kind=kind, source=data, file_name=name, **options)


def messages(run) -> list[str]:
    return [problem["message"] for problem in run.problems]
