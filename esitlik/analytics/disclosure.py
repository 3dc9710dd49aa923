"""Disclosure control: the one gate every table that leaves the equality unit passes through.

:func:`protect` takes a small table of counts (rows × columns, with row and/or column totals
if the published table shows them) and returns what may be shown:

1. **Primary suppression.** Counts from 1 to ``threshold`` − 1 are hidden ("c"). The
   threshold is ``DISCLOSURE_THRESHOLD`` (5), or ``DISCLOSURE_THRESHOLD_SENSITIVE`` (10) for
   a service marked sensitive (violence support and the like). Totals are cells too: a total
   of 3 is hidden like any 3.
2. **True zeros are shown**, marked "-". A zero identifies no one, statistical offices print
   them, and a zero is often known anyway (a service for women only serves no men). Because
   zeros are always shown, anyone reading the table knows a hidden cell holds at least 1; the
   protection below allows for that.
3. **Complementary suppression.** While some hidden cell could be worked out from what is
   shown — the totals, the other cells, and the knowledge that every hidden cell is at
   least 1 — more cells are hidden: the cheapest set of non-zero shown cells (smallest values
   first, totals last) that lets it take another value. The test of "could be worked out" is
   exact, not a rule of thumb (``_Structure.pinned``): a hidden cell is safe when another
   table consistent with everything shown gives it a different value. A row or column with a
   total and one hidden cell is the simplest case (it is the total minus the others); two
   hidden cells in each of two rows and columns can still be pinned (four hidden 1s whose
   rows add to 2), and are widened.
4. **Derived figures** (a percentage, a share) are hidden when any count they come from is.
5. **Markers:** "c" confidential (both kinds of suppression look alike, so the primary cells
   cannot be told apart), ".." not available (no data: a missing value in the input), "-" a
   true zero.
6. **Logged:** each application is logged on ``esitlik.disclosure`` and described in
   :attr:`Protected.record`, which the caller can store beside what it published.

Tables with several levels of totals (services, and neighbourhoods within services) are
protected one two-dimensional slice at a time, each with the totals it shows. A total shown in
another table too must take the same value there — or be hidden in both.
"""

from __future__ import annotations

import heapq
import logging
from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

logger = logging.getLogger("esitlik.disclosure")

CONFIDENTIAL = "c"
NOT_AVAILABLE = ".."
ZERO = "-"

DEFAULT_THRESHOLD = 5
DEFAULT_THRESHOLD_SENSITIVE = 10


def threshold_for(*, sensitive: bool = False) -> int:
    """The configured threshold: ``DISCLOSURE_THRESHOLD``, or the sensitive one."""
    from esitlik.analytics.backend import _setting

    if sensitive:
        return int(_setting("DISCLOSURE_THRESHOLD_SENSITIVE", DEFAULT_THRESHOLD_SENSITIVE))
    return int(_setting("DISCLOSURE_THRESHOLD", DEFAULT_THRESHOLD))


@dataclass(frozen=True)
class Protected:
    """A table after disclosure control.

    ``values``: the input with hidden and not-available cells as ``pd.NA``; ``markers``: the
    same shape, "c", "..", "-" or "" (shown); ``primary`` and ``complementary``: the hidden
    count cells as (row label, column label); ``record``: what was done, JSON-ready."""

    values: pd.DataFrame
    markers: pd.DataFrame
    primary: frozenset
    complementary: frozenset
    threshold: int
    record: dict = field(repr=False)

    @property
    def hidden(self) -> frozenset:
        return self.primary | self.complementary

    def display(self) -> pd.DataFrame:
        """Each cell as it is published: its value, or its marker."""
        shown = self.values.astype(object)
        marked = self.markers != ""
        return shown.mask(marked, self.markers)


def protect(
    table: pd.DataFrame,
    *,
    threshold: int | None = None,
    sensitive: bool = False,
    row_total: Hashable | None = None,
    column_total: Hashable | None = None,
    derived: Mapping[Hashable, Sequence[Hashable]] | None = None,
    label: str = "",
    hide: Iterable[tuple[Hashable, Hashable]] = (),
) -> Protected:
    """Disclosure control of ``table`` (see the module's docstring).

    ``table``: whole counts ≥ 0, missing values for "not available"; ``row_total``: the
    column holding each row's total, if the table shows one; ``column_total``: the row label
    holding each column's total; ``derived``: columns computed from others of the same row
    (``{"share_women": ["women", "men"]}``), hidden when one of those is. ``threshold``
    overrides the configured one. ``hide``: (row, column) cells hidden from the start because
    another published table that shares them hides them (a service's total, say); they are
    reported as complementary. Raises ValueError for negative or fractional counts and for
    totals that do not add up."""
    if not (table.index.is_unique and table.columns.is_unique):
        raise ValueError("disclosure control needs unique row and column labels")
    derived = {key: list(sources) for key, sources in (derived or {}).items()}
    if threshold is None:
        threshold = threshold_for(sensitive=sensitive)
    count_columns = [column for column in table.columns if column not in derived]
    grid = _grid(table[count_columns] if derived else table)
    rows, columns = list(table.index), count_columns
    total_row = rows.index(column_total) if column_total is not None else None
    total_column = columns.index(row_total) if row_total is not None else None
    _check_totals(grid, total_row, total_column, rows, columns)

    available = ~np.isnan(grid)
    primary = {
        (i, j)
        for i, j in zip(*np.nonzero(available & (grid >= 1) & (grid < threshold)), strict=True)
    }
    # A true zero is never hidden (see 2. above), even when another table hides its cell.
    forced = {(rows.index(row), columns.index(column)) for row, column in hide}
    hidden = set(primary) | {(i, j) for i, j in forced if available[i, j] and grid[i, j] >= 1}
    structure = _Structure(grid, total_row, total_column)
    # Hiding more only ever widens what the hidden cells could be, so a cell found free
    # stays free: only the others are checked again.
    free: set[tuple[int, int]] = set()
    while True:
        arcs = structure.arcs(hidden)
        stuck = [cell for cell in sorted(hidden - free) if structure.pinned_in(cell, arcs)]
        free |= hidden - set(stuck)
        if not stuck:
            break
        hidden |= structure.complement(stuck[0], hidden)
    complementary = hidden - primary

    # Each count cell's marker (hidden cells are available and at least 1, so the three
    # cases never overlap), then each derived column's from its sources, row by row.
    position = {column: k for k, column in enumerate(table.columns)}
    counted = np.full(grid.shape, "", dtype=object)
    counted[grid == 0] = ZERO
    counted[~available] = NOT_AVAILABLE
    for cell in hidden:
        counted[cell] = CONFIDENTIAL
    marked = np.full((len(rows), len(table.columns)), "", dtype=object)
    marked[:, [position[column] for column in columns]] = counted
    for column, sources in derived.items():
        of_sources = marked[:, [position[source] for source in sources]]
        missing = (of_sources == NOT_AVAILABLE).any(axis=1) | table[column].isna().to_numpy(
            dtype=bool
        )
        marked[missing, position[column]] = NOT_AVAILABLE
        marked[(of_sources == CONFIDENTIAL).any(axis=1), position[column]] = CONFIDENTIAL
    markers = pd.DataFrame(marked, index=table.index, columns=table.columns, dtype=object)
    shown = table.astype(object).to_numpy(copy=True)
    shown[(marked == CONFIDENTIAL) | (marked == NOT_AVAILABLE)] = pd.NA
    values = pd.DataFrame(shown, index=table.index, columns=table.columns, dtype=object)

    def labelled(cells):
        return sorted(([_plain(rows[i]), _plain(columns[j])] for i, j in cells), key=str)

    record = {
        "label": label,
        "threshold": threshold,
        "sensitive": sensitive,
        "shape": [len(rows), len(table.columns)],
        "row_total": _plain(row_total),
        "column_total": _plain(column_total),
        "primary": labelled(primary),
        "complementary": labelled(complementary),
        "derived_hidden": int(sum((markers[column] == CONFIDENTIAL).sum() for column in derived)),
    }
    logger.info(
        "disclosure control on %s: threshold %s, %s small cells hidden, %s more to protect them",
        label or "a table",
        threshold,
        len(primary),
        len(complementary),
        extra={"disclosure": record},
    )
    return Protected(
        values=values,
        markers=markers,
        primary=frozenset((rows[i], columns[j]) for i, j in primary),
        complementary=frozenset((rows[i], columns[j]) for i, j in complementary),
        threshold=threshold,
        record=record,
    )


def _plain(value):
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value.item() if hasattr(value, "item") else value


def _grid(counts: pd.DataFrame) -> np.ndarray:
    if all(_is_number(dtype) for dtype in counts.dtypes):
        grid = counts.to_numpy(dtype="float64", na_value=np.nan)
    else:
        grid = counts.apply(pd.to_numeric, errors="raise").to_numpy(
            dtype="float64", na_value=np.nan
        )
    known = grid[~np.isnan(grid)]
    if (known < 0).any() or (known != np.floor(known)).any():
        raise ValueError("disclosure control needs whole counts of 0 or more")
    return grid


def _is_number(dtype) -> bool:
    """Whether a column of ``dtype`` holds numbers already (what ``pd.to_numeric`` would
    leave as they are): integers and floats, nullable or not; not truth values."""
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


def _check_totals(grid, total_row, total_column, rows, columns):
    filled = np.nan_to_num(grid)
    if total_column is not None:
        if np.isnan(grid[:, total_column]).any():
            raise ValueError("a row total is missing")
        inner = np.delete(filled, total_column, axis=1).sum(axis=1)
        for i in np.nonzero(inner != grid[:, total_column])[0]:
            raise ValueError(f"row {rows[i]!r} does not add up to its total")
    if total_row is not None:
        if np.isnan(grid[total_row, :]).any():
            raise ValueError("a column total is missing")
        inner = np.delete(filled, total_row, axis=0).sum(axis=0)
        for j in np.nonzero(inner != grid[total_row, :])[0]:
            raise ValueError(f"column {columns[j]!r} does not add up to its total")


FREE = "free"  # the node of lines with no total: they are under no equation


class _Structure:
    """The equations a reader of the table can write, as a graph.

    Each row with a total is a node ("r", i), each column with a total a node ("c", j);
    lines without a total all become the one node FREE, which obeys no equation. A hidden
    cell is an edge between its row's node and its column's node. Writing each line's
    equation as (cells) − (its total) = 0, and negating the equations of the total row and the
    total column, every cell has the same coefficient in both its equations: +1 for an inner
    cell and the grand total, −1 for a row or column total. A change to the hidden cells that
    keeps every equation is then a set of cycles in this graph (or paths from FREE to FREE),
    along which the signed changes alternate. A hidden cell can be moved up (or down) when
    such a cycle passes through it, each other cell on it moving in a direction it may take:
    up always, down only while it stays at least 1."""

    def __init__(self, grid: np.ndarray, total_row: int | None, total_column: int | None):
        self.grid = grid
        self.total_row = total_row
        self.total_column = total_column

    def nodes(self, cell) -> tuple:
        i, j = cell
        row = ("r", i) if self.total_column is not None else FREE
        column = ("c", j) if self.total_row is not None else FREE
        return row, column

    def sign(self, cell) -> int:
        i, j = cell
        return -1 if (i == self.total_row) != (j == self.total_column) else 1

    def lines(self, cell) -> list[list[tuple[int, int]]]:
        """The lines (row, column) through ``cell`` that carry an equation."""
        i, j = cell
        n_rows, n_columns = self.grid.shape
        found = []
        if self.total_column is not None:
            found.append([(i, k) for k in range(n_columns)])
        if self.total_row is not None:
            found.append([(k, j) for k in range(n_rows)])
        return found

    def arcs(self, hidden) -> dict[object, list[tuple[object, tuple[int, int]]]]:
        """The directed arcs a change may follow, each with its cell: r→c means the cell's
        signed change is +, c→r that it is −; the cell itself moves by sign × that, and may
        move down only while it stays at least 1."""
        arcs: dict[object, list[tuple[object, tuple[int, int]]]] = {}
        for cell in hidden:
            row, column = self.nodes(cell)
            can_fall = self.grid[cell] > 1
            sign = self.sign(cell)
            if sign > 0 or can_fall:
                arcs.setdefault(row, []).append((column, cell))
            if sign < 0 or can_fall:
                arcs.setdefault(column, []).append((row, cell))
        return arcs

    @staticmethod
    def _reaches(arcs, start, goal, skip) -> bool:
        """Whether ``goal`` can be reached from ``start`` without the arcs of ``skip``."""
        if start == goal:
            return True
        seen, queue = {start}, deque([start])
        while queue:
            node = queue.popleft()
            for nxt, cell in arcs.get(node, ()):
                if cell == skip or nxt in seen:
                    continue
                if nxt == goal:
                    return True
                seen.add(nxt)
                queue.append(nxt)
        return False

    def pinned(self, cell, hidden) -> bool:
        """Whether everything shown fixes the value of hidden ``cell``."""
        return self.pinned_in(cell, self.arcs(hidden))

    def pinned_in(self, cell, arcs) -> bool:
        row, column = self.nodes(cell)
        sign = self.sign(cell)
        # Up: the cell's own arc is r→c when its sign is +, c→r when −; a cycle closes it.
        up = (column, row) if sign > 0 else (row, column)
        if self._reaches(arcs, *up, skip=cell):
            return False
        if self.grid[cell] > 1:
            return not self._reaches(arcs, up[1], up[0], skip=cell)
        return True

    def complement(self, cell, hidden) -> set[tuple[int, int]]:
        """The cheapest set of shown cells whose hiding frees ``cell``: they close a cycle
        through it along which it can move. The cost of a cell is its value — the smallest
        cells go first — and a total costs more than all inner cells together, so totals
        stay shown whenever inner cells can do the work. Found as a shortest path."""
        row, column = self.nodes(cell)
        grand = float(np.nansum(self.grid)) + 1
        arcs: dict[object, list[tuple[object, float, tuple[int, int]]]] = {}
        n_rows, n_columns = self.grid.shape
        for other in ((i, j) for i in range(n_rows) for j in range(n_columns)):
            value = self.grid[other]
            if other == cell or np.isnan(value) or value < 1:
                continue
            cost = 0.0 if other in hidden else float(value)
            if other not in hidden and (
                other[0] == self.total_row or other[1] == self.total_column
            ):
                cost += grand
            start, end = self.nodes(other)
            sign = self.sign(other)
            if sign > 0 or value > 1:
                arcs.setdefault(start, []).append((end, cost, other))
            if sign < 0 or value > 1:
                arcs.setdefault(end, []).append((start, cost, other))
        sign = self.sign(cell)
        routes = [(column, row) if sign > 0 else (row, column)]  # moving it up
        if self.grid[cell] > 1:
            routes.append((row, column) if sign > 0 else (column, row))  # moving it down
        best = None
        for source, goal in routes:
            found = _cheapest_path(arcs, source, goal)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        if best is not None:
            return {c for c in best[1] if c not in hidden}
        # No cycle can be closed (cannot happen in a table whose totals add up; kept so the
        # loop always ends): hide every non-zero cell of its lines.
        nearby = {
            c
            for line in self.lines(cell)
            for c in line
            if c not in hidden and not np.isnan(self.grid[c]) and self.grid[c] >= 1
        }
        if not nearby:
            raise RuntimeError("no cell left to hide")
        return nearby


def _cheapest_path(arcs, source, goal):
    """(cost, cells) of the cheapest path from ``source`` to ``goal``, None if none."""
    if source == goal:
        return 0.0, []
    done = set()
    queue = [(0.0, 0, source, [])]
    tie = 0
    while queue:
        cost, _, node, cells = heapq.heappop(queue)
        if node == goal:
            return cost, cells
        if node in done:
            continue
        done.add(node)
        for nxt, step, cell in arcs.get(node, ()):
            if nxt not in done:
                tie += 1
                heapq.heappush(queue, (cost + step, tie, nxt, [*cells, cell]))
    return None
