"""Every reader of an uploaded file, fed hostile bytes (issue #9): random bytes, random text in
UTF-8, UTF-16, Windows-1254 and Latin-1, CSVs with random separators, quotes, line ends and
NULs, real workbooks cut short or overwritten. Each reader returns a table or refuses with its
own exception and a message; nothing else escapes, and nothing hangs."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from esitlik.core.tabular import Table, TableRefused, read_table
from esitlik.datasets.catalogue_sheet import read_sheet
from esitlik.datasets.ingest import reading
from esitlik.participation.imports import Options, import_participation
from esitlik.plans.workbook.read import WorkbookRefused, read_book
from esitlik.training.imports import import_attendance
from tests.hostile.strategies import (
    ANY_NAME,
    CSV_NAMES,
    WORKBOOK_NAMES,
    damaged_xlsx,
    file_bytes,
    messy_csv,
    time_limit,
)
from tests.training.helpers import held_session

FUZZ = settings(
    max_examples=50,
    deadline=5000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
anything = st.one_of(file_bytes, damaged_xlsx())
names = st.one_of(ANY_NAME, CSV_NAMES, WORKBOOK_NAMES)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def refused_clearly(refusal: Exception) -> None:
    assert str(refusal).strip(), "a refusal must say why"


@FUZZ
@given(data=anything, name=names)
def test_read_table_returns_a_table_or_refuses(data, name):
    with time_limit(10):
        try:
            table = read_table(data, name)
        except TableRefused as refusal:
            refused_clearly(refusal)
            return
    assert isinstance(table, Table)
    assert all(len(row.cells) == len(table.headers) for row in table.rows)


@FUZZ
@given(data=messy_csv(), name=CSV_NAMES)
def test_read_table_reads_messy_csv_or_refuses(data, name):
    with time_limit(10):
        try:
            read_table(data, name)
        except TableRefused as refusal:
            refused_clearly(refusal)


def _on_disk(data: bytes, name: str) -> Path:
    # A directory of its own each time: the reader caches by path, size and time.
    path = Path(tempfile.mkdtemp(prefix="hostile-")) / "upload"
    path.write_bytes(data)
    return path


@FUZZ
@given(data=anything, name=names)
def test_dataset_reader_inspects_and_reads_or_refuses(data, name):
    path = _on_disk(data, name)
    with time_limit(10):
        try:
            layout = reading.inspect(path, name)
        except TableRefused as refusal:
            refused_clearly(refusal)
            return
        assert layout.source in ("csv", "workbook")
        try:
            table = reading.read(path, name)
        except TableRefused as refusal:
            refused_clearly(refusal)
            return
    assert all(len(column.indices) == len(table.rows) for column in table.columns)


@FUZZ
@given(data=anything)
def test_plan_workbook_reader_reads_or_refuses(data):
    with time_limit(10):
        try:
            read_book(data)
        except WorkbookRefused as refusal:
            refused_clearly(refusal)


@FUZZ
@given(data=anything, name=names)
def test_catalogue_sheet_refuses_or_lists_problems(world, data, name):
    with time_limit(10):
        sheet = read_sheet(world.home, data, name)
    assert sheet.refusal or sheet.problems is not None


@FUZZ
@given(data=anything, name=names)
def test_participation_import_refuses_or_lists_problems(world, data, name):
    with time_limit(10):
        outcome = import_participation(
            kind="stakeholders",
            municipality=world.home,
            by=world.alice,
            data=data,
            name=name,
            options=Options(),
            commit=False,
        )
    assert outcome.refusal or outcome.problems is not None


@FUZZ
@given(data=anything, name=names)
def test_attendance_import_refuses_or_lists_problems(world, data, name):
    session = held_session(world)
    with time_limit(10):
        outcome = import_attendance(
            session=session, by=world.alice, data=data, name=name, commit=False
        )
    assert outcome.refusal or outcome.problems is not None
