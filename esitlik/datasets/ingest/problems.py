"""What is wrong with a file, cell by cell: the row as a spreadsheet numbers it, the column's
heading as written and its letter, the value as written (identifiers masked, see
``privacy.masked``), a short rule code and a message in the user's language.

Every problem is counted; the first :data:`LIMIT` (in row order) are kept. A file with a
hundred thousand unknown service names is better described by the names than by the rows, so
names that matched nothing are also summed up per column (:meth:`Problems.unknown_names`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

import numpy as np

from esitlik.core.tabular import shown
from esitlik.datasets.ingest.privacy import masked
from esitlik.datasets.ingest.reading import RawColumn

LIMIT = 1000
UNKNOWN_RULES = ("unknown_service", "unknown_neighbourhood", "unknown_directorate")
UNKNOWN_NAMES_LIMIT = 50


@dataclass
class Problem:
    row: int | None
    column: str
    letter: str
    value: str
    rule: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


def shown_value(raw) -> str:
    return shown(masked(raw))


class Problems:
    def __init__(self, rows: np.ndarray, limit: int = LIMIT):
        self.rows = rows
        self.limit = limit
        self.count = 0
        self._kept: list[tuple[int, int, Problem]] = []
        self.unknown: list[dict] = []

    def __bool__(self) -> bool:
        return self.count > 0

    def _keep(self, position: int | None, column: RawColumn | None, problem: Problem) -> None:
        self._kept.append(
            (problem.row or 0, column.position if column is not None else -1, problem)
        )

    def cells(
        self,
        column: RawColumn,
        errors: dict[int, tuple[str, str]],
        where: np.ndarray | None = None,
    ) -> np.ndarray:
        """A problem for every row whose value in ``column`` is one of ``errors`` (distinct
        index → (rule, message)), among the rows ``where`` allows. Returns the rows' mask."""
        if not errors:
            return np.zeros(len(self.rows), dtype=bool)
        bad = np.zeros(len(column.values), dtype=bool)
        bad[list(errors)] = True
        mask = bad[column.indices]
        if where is not None:
            mask &= where
        positions = np.flatnonzero(mask)
        self.count += len(positions)
        for position in positions[: self.limit]:
            index = int(column.indices[position])
            rule, message = errors[index]
            self._keep(
                position,
                column,
                Problem(
                    int(self.rows[position]),
                    column.name,
                    column.letter,
                    shown_value(column.values[index]),
                    rule,
                    message,
                ),
            )
        return mask

    def rows_of(
        self,
        mask: np.ndarray,
        column: RawColumn | None,
        rule: str,
        message: Callable[[int], str],
    ) -> None:
        """A problem for every row of ``mask``; ``message(position)`` says what is wrong."""
        positions = np.flatnonzero(mask)
        self.count += len(positions)
        for position in positions[: self.limit]:
            value = ""
            if column is not None:
                value = shown_value(column.values[int(column.indices[position])])
            self._keep(
                position,
                column,
                Problem(
                    int(self.rows[position]),
                    column.name if column is not None else "",
                    column.letter if column is not None else "",
                    value,
                    rule,
                    message(int(position)),
                ),
            )

    def file(
        self, rule: str, message: str, column: RawColumn | None = None, row: int | None = None
    ) -> None:
        """A problem of the file or of a whole column rather than of a cell."""
        self.count += 1
        self._keep(
            None,
            column,
            Problem(
                row,
                column.name if column is not None else "",
                column.letter if column is not None else "",
                "",
                rule,
                message,
            ),
        )

    def unknown_names(self, column: RawColumn, errors: dict[int, tuple[str, str]]) -> None:
        """Sum up the names of ``column`` that matched nothing, most frequent first."""
        unknown = [index for index, (rule, _m) in errors.items() if rule in UNKNOWN_RULES]
        if not unknown:
            return
        counts = column.counts()
        ranked = sorted(unknown, key=lambda index: (-counts[index], index))
        for index in ranked[:UNKNOWN_NAMES_LIMIT]:
            self.unknown.append(
                {
                    "column": column.name,
                    "letter": column.letter,
                    "rule": errors[index][0],
                    "value": shown_value(column.values[index]),
                    "rows": int(counts[index]),
                }
            )

    def kept(self) -> list[Problem]:
        ordered = sorted(self._kept, key=lambda item: (item[0], item[1]))
        return [problem for _row, _column, problem in ordered[: self.limit]]

    def as_dicts(self) -> list[dict]:
        return [problem.as_dict() for problem in self.kept()]
