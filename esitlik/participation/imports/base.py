"""What every participation import shares: reading the file, reading a row's cells, writing
through the services inside one transaction, and reporting every problem at once.

All or nothing: the rows are applied one by one through the services (each in a savepoint,
so a refused row leaves nothing behind it), every problem is collected with its row number,
the column heading as written in the file, the value and what was expected, and if there is
any problem the whole transaction is rolled back. A preview runs the same way and always
rolls back, so it finds the same problems the real import would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record
from esitlik.core.models import Municipality
from esitlik.core.tabular import (
    CellError,
    Column,
    ColumnMap,
    Limits,
    Table,
    TableRefused,
    TableRow,
    cell_line,
    cell_text,
    column_letter,
    header_finder,
    match_columns,
    read_table,
    shown,
)
from esitlik.participation.models import Event


@dataclass(frozen=True)
class Options:
    """What the person importing chose. ``event`` applies to every input row;
    ``may_add_neighbourhoods`` and ``may_decide`` are what their role allows."""

    event: Event | None = None
    update_existing: bool = False
    add_neighbourhoods: bool = False
    may_add_neighbourhoods: bool = False
    may_decide: bool = False


@dataclass
class Problem:
    row: int | None
    column: str
    letter: str
    value: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Outcome:
    kind: str
    refusal: str = ""
    problems: list[Problem] = field(default_factory=list)
    table: Table | None = None
    mapping: ColumnMap | None = None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    neighbourhoods_added: list[str] = field(default_factory=list)
    # True once the rows are saved; a preview, or an import with problems, saves nothing.
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.refusal and not self.problems

    @property
    def rows(self) -> int:
        return len(self.table.rows) if self.table else 0

    def column_map(self) -> list[dict]:
        """Each column of the file, in file order, with what the import reads it as (None
        for a column it leaves aside)."""
        if self.mapping is None:
            return []
        read_as = {index: key for key, index in self.mapping.index.items()}
        shown_columns = sorted([*read_as, *self.mapping.ignored])
        return [
            {
                "header": self.mapping.headers[index],
                "letter": column_letter(index),
                "label": self.mapping.columns[read_as[index]].header()
                if index in read_as
                else None,
            }
            for index in shown_columns
        ]

    def first_rows(self, limit: int = 10) -> list[dict]:
        """The first rows as they will be read: the row number and the recognised cells."""
        if self.table is None or self.mapping is None:
            return []
        indexes = sorted(self.mapping.index.values())
        return [
            {"number": row.number, "cells": [shown(row[index], 80) for index in indexes]}
            for row in self.table.rows[:limit]
        ]

    def first_row_headers(self) -> list[str]:
        if self.mapping is None:
            return []
        return [self.mapping.headers[index] for index in sorted(self.mapping.index.values())]


class Cells:
    """One row's cells, read by column key; what cannot be read becomes a problem of the row."""

    def __init__(self, row: TableRow, mapping: ColumnMap, problems: list[Problem]):
        self.row, self.mapping, self.problems = row, mapping, problems
        self.ok = True

    def raw(self, key: str):
        return self.mapping.value(self.row, key)

    def text(self, key: str) -> str:
        return cell_text(self.raw(key))

    def line(self, key: str) -> str:
        return cell_line(self.raw(key))

    def read(self, key: str, reader: Callable):
        """``reader(raw)``, or None with the CellError's message recorded on this cell."""
        raw = self.raw(key)
        try:
            return reader(raw)
        except CellError as error:
            self.problem(key, str(error))
            return None

    def problem(self, key: str | None, message: str) -> None:
        if key is None or key == NON_FIELD_ERRORS:
            column, letter, value = "", "", ""
        else:
            column, letter = self.mapping.header(key), self.mapping.letter(key)
            value = shown(self.raw(key)) if self.mapping.has(key) else ""
        self.problems.append(Problem(self.row.number, column, letter, value, message))
        self.ok = False

    def refused(self, error: ValidationError) -> None:
        """A service's refusal, each message on the column of its field."""
        if hasattr(error, "error_dict"):
            items = error.message_dict.items()
        else:
            items = [(NON_FIELD_ERRORS, error.messages)]
        for name, messages in items:
            key = name if name in self.mapping.columns else NON_FIELD_ERRORS
            for message in messages:
                self.problem(key, message)


class RowImporter:
    """Base of the importers of one kind. Subclasses set ``kind`` and ``columns`` and write one
    row in ``apply``, returning "created", "updated" or "unchanged"."""

    kind = ""
    columns: tuple[Column, ...] = ()

    def __init__(self, *, municipality: Municipality, by, options: Options):
        self.municipality, self.by, self.options = municipality, by, options
        self.neighbourhoods = None  # a lookups.Neighbourhoods when the kind has the column

    def apply(self, cells: Cells) -> str | None:
        raise NotImplementedError


class _RollBack(Exception):
    pass


class _RowFailed(Exception):
    pass


def import_table(
    importer_class: type[RowImporter],
    *,
    municipality: Municipality,
    by,
    data: bytes,
    name: str,
    options: Options,
    commit: bool = True,
    limits: Limits | None = None,
) -> Outcome:
    """Read the file and apply every row; nothing is saved unless every row is acceptable
    and ``commit`` is true (false for a preview)."""
    outcome = Outcome(kind=importer_class.kind)
    columns = importer_class.columns
    try:
        table = read_table(data, name, is_header=header_finder(columns), limits=limits)
        mapping = match_columns(table, columns)
    except TableRefused as refusal:
        outcome.refusal = str(refusal)
        return outcome
    outcome.table, outcome.mapping = table, mapping
    if not table.rows:
        outcome.refusal = _("The file has its column headings but no rows below them.")
        return outcome
    try:
        with transaction.atomic():
            importer = importer_class(municipality=municipality, by=by, options=options)
            for row in table.rows:
                _apply_row(importer, Cells(row, mapping, outcome.problems), outcome)
            if importer.neighbourhoods is not None:
                outcome.neighbourhoods_added = [n.name for n in importer.neighbourhoods.added]
            if outcome.problems or not commit:
                raise _RollBack
            _audit(outcome, municipality=municipality, by=by, name=name, options=options)
            outcome.applied = True
    except _RollBack:
        pass
    return outcome


def _apply_row(importer: RowImporter, cells: Cells, outcome: Outcome) -> None:
    result = None
    try:
        with transaction.atomic():
            result = importer.apply(cells)
            if not cells.ok:
                raise _RowFailed
    except ValidationError as error:
        cells.refused(error)
    except _RowFailed:
        pass
    if importer.neighbourhoods is not None:
        importer.neighbourhoods.row_done(cells.ok)
    if cells.ok and result:
        setattr(outcome, result, getattr(outcome, result) + 1)


def _audit(outcome: Outcome, *, municipality, by, name: str, options: Options) -> None:
    changes = {
        "file": name,
        "kind": outcome.kind,
        "rows": outcome.rows,
        "created": outcome.created,
        "updated": outcome.updated,
    }
    if outcome.neighbourhoods_added:
        changes["neighbourhoods_added"] = outcome.neighbourhoods_added
    if options.event is not None:
        changes["event"] = str(options.event)
    audit_record(
        action="participation.imported",
        actor=by,
        municipality=municipality,
        object_repr=name,
        changes=changes,
    )
