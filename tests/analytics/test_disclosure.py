"""Disclosure control: small counts hidden, the hiding not undone by the totals.

The property tests play the attacker: from what a protected table shows (the shown cells,
the totals, and the rule that zeros are always shown, so a hidden cell holds at least 1), they
work out by linear programming the smallest and largest value each hidden cell could take.
The constraint matrix of a table with totals is totally unimodular, so both ends are whole
numbers of a table that fits everything shown; a hidden cell is safe when they differ."""

import logging

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from esitlik.analytics.disclosure import (
    CONFIDENTIAL,
    NOT_AVAILABLE,
    ZERO,
    _Structure,
    protect,
)

TOTAL = "total"


def with_totals(inner, *, rows=True, columns=True):
    """A frame of ``inner`` counts with a total column and/or a total row."""
    frame = pd.DataFrame(inner, columns=[f"c{j}" for j in range(len(inner[0]))])
    frame.index = [f"r{i}" for i in range(len(inner))]
    if rows:
        frame[TOTAL] = frame.sum(axis=1, min_count=0)
    if columns:
        frame.loc[TOTAL] = frame.sum(axis=0, min_count=0)
    return frame


def intervals(table, protected, *, row_total, column_total):
    """{hidden cell: (least, most)} an attacker can prove, most None when unbounded."""
    grid = table.to_numpy(dtype="float64", na_value=np.nan)
    rows, columns = list(table.index), list(table.columns)
    hidden = sorted(
        (rows.index(r), columns.index(c)) for r, c in protected.primary | protected.complementary
    )
    position = {cell: k for k, cell in enumerate(hidden)}
    total_row = rows.index(column_total) if column_total is not None else None
    total_column = columns.index(row_total) if row_total is not None else None
    lines = []
    if total_column is not None:
        for i in range(len(rows)):
            lines.append([((i, j), -1 if j == total_column else 1) for j in range(len(columns))])
    if total_row is not None:
        for j in range(len(columns)):
            lines.append([((i, j), -1 if i == total_row else 1) for i in range(len(rows))])
    equations, targets = [], []
    for line in lines:
        coefficients = np.zeros(len(hidden))
        known = 0.0
        for cell, sign in line:
            if np.isnan(grid[cell]):
                continue
            if cell in position:
                coefficients[position[cell]] += sign
            else:
                known += sign * grid[cell]
        if coefficients.any():
            equations.append(coefficients)
            targets.append(-known)
    found = {}
    for cell, k in position.items():
        objective = np.zeros(len(hidden))
        objective[k] = 1
        bounds = [(1, None)] * len(hidden)
        kwargs = {"bounds": bounds, "method": "highs"}
        if equations:
            kwargs |= {"A_eq": np.array(equations), "b_eq": np.array(targets)}
        low = linprog(objective, **kwargs)
        high = linprog(-objective, **kwargs)
        assert low.status == 0, low.message  # the true table is always feasible
        most = None if high.status == 3 else -high.fun
        found[(rows[cell[0]], columns[cell[1]])] = (low.fun, most)
    return found


def assert_safe(table, protected, **totals):
    for cell, (least, most) in intervals(table, protected, **totals).items():
        assert most is None or most - least >= 1 - 1e-9, (cell, least, most)


# Worked examples -------------------------------------------------------------------------


def test_it_hides_small_counts_shows_zeros_and_keeps_the_rest():
    table = pd.DataFrame({"women": [12, 3, 0], "men": [7, 0, 0]}, index=["a", "b", "c"])
    protected = protect(table, threshold=5)
    assert protected.primary == {("b", "women")}
    assert not protected.complementary
    assert protected.markers.loc["b", "women"] == CONFIDENTIAL
    assert protected.markers.loc["b", "men"] == ZERO
    assert protected.markers.loc["a", "women"] == ""
    assert protected.display().loc["b", "women"] == CONFIDENTIAL
    assert protected.display().loc["a", "men"] == 7
    assert pd.isna(protected.values.loc["b", "women"])


def test_a_cell_hidden_in_another_table_is_hidden_here_and_protected_like_any_other():
    table = pd.DataFrame(
        {"women": [40, 30, 0], "men": [20, 10, 9], "total": [60, 40, 9]}, index=["a", "b", "c"]
    )
    # "a"'s women are hidden in another table sharing this row; the zero stays a zero.
    protected = protect(
        table, threshold=5, row_total="total", hide=[("a", "women"), ("c", "women")]
    )
    assert not protected.primary
    assert ("a", "women") in protected.complementary
    assert protected.markers.loc["c", "women"] == ZERO
    # With its total shown, a lone hidden cell of a row could be worked out: one more goes.
    assert {("a", "men"), ("a", "total")} & protected.complementary


def test_it_hides_the_worked_example_of_the_indicators_page():
    # docs/indicators.md, "Disclosure control": the Kültür Merkezi courses by neighbourhood.
    table = pd.DataFrame(
        {"women": [48, 3, 21, 72], "men": [35, 9, 0, 44], "total": [83, 12, 21, 116]},
        index=["Cumhuriyet", "Fatih", "Yıldız", "Toplam"],
    )
    protected = protect(table, threshold=5, row_total="total", column_total="Toplam")
    assert protected.primary == {("Fatih", "women")}
    # Fatih's women are 12 − 9 from the row and 72 − 48 − 21 from the column: one more
    # cell in each is hidden, and one where they cross so those cannot be undone either.
    assert protected.complementary == {
        ("Fatih", "men"),
        ("Cumhuriyet", "women"),
        ("Cumhuriyet", "men"),
    }
    assert protected.markers.loc["Yıldız", "men"] == ZERO
    assert_safe(table, protected, row_total="total", column_total="Toplam")


def test_it_never_leaves_a_lone_hidden_cell_in_a_row_with_its_total():
    table = with_totals([[30, 2, 40], [25, 35, 45]], columns=False)
    protected = protect(table, threshold=5, row_total=TOTAL)
    assert protected.complementary == {("r0", "c0")}  # the smallest other cell of its row


def test_it_widens_a_hidden_rectangle_of_ones():
    # Four hidden 1s whose rows and columns each add to 2: each must be 1, since hidden
    # cells are never zero. More has to be hidden.
    table = with_totals([[1, 1, 10], [1, 1, 10], [10, 10, 10]])
    protected = protect(table, threshold=5, row_total=TOTAL, column_total=TOTAL)
    assert len(protected.complementary) >= 1
    assert_safe(table, protected, row_total=TOTAL, column_total=TOTAL)


def test_it_hides_a_total_when_it_would_give_away_its_only_cell():
    table = with_totals([[3, 0], [20, 30]], columns=False)
    protected = protect(table, threshold=5, row_total=TOTAL)
    assert ("r0", TOTAL) in protected.hidden


def test_a_sensitive_service_takes_the_stricter_threshold(settings):
    settings.DISCLOSURE_THRESHOLD = 5
    settings.DISCLOSURE_THRESHOLD_SENSITIVE = 10
    table = pd.DataFrame({"women": [7, 30], "men": [20, 30]})
    assert not protect(table).hidden
    protected = protect(table, sensitive=True)
    assert protected.threshold == 10
    assert protected.primary == {(0, "women")}


def test_it_hides_percentages_worked_out_from_hidden_cells():
    table = pd.DataFrame(
        {"women": [3, 40], "men": [30, 35], "share_women": [3 / 33, 40 / 75]}, index=["a", "b"]
    )
    protected = protect(table, threshold=5, derived={"share_women": ["women", "men"]})
    assert protected.markers.loc["a", "share_women"] == CONFIDENTIAL
    assert protected.markers.loc["b", "share_women"] == ""
    assert protected.values.loc["b", "share_women"] == pytest.approx(40 / 75)
    assert protected.record["derived_hidden"] == 1


def test_it_marks_missing_counts_as_not_available():
    table = pd.DataFrame({"women": [12, None], "men": [7, 8]}, index=["a", "b"])
    protected = protect(table, threshold=5)
    assert protected.markers.loc["b", "women"] == NOT_AVAILABLE
    assert protected.display().loc["b", "women"] == NOT_AVAILABLE


def test_it_logs_and_records_what_it_hid(caplog):
    table = with_totals([[30, 2, 40], [25, 35, 45]], columns=False)
    with caplog.at_level(logging.INFO, logger="esitlik.disclosure"):
        protected = protect(table, threshold=5, row_total=TOTAL, label="courses by sex")
    assert "courses by sex" in caplog.text
    logged = caplog.records[-1].disclosure
    assert logged == protected.record
    assert logged["primary"] == [["r0", "c1"]]
    assert logged["complementary"] == [["r0", "c0"]]
    assert logged["threshold"] == 5


@pytest.mark.parametrize(
    "table, message",
    [
        (pd.DataFrame({"a": [1, -2]}), "whole counts"),
        (pd.DataFrame({"a": [1.5, 2]}), "whole counts"),
        (pd.DataFrame({"a": [1, 2], TOTAL: [1, 3]}), "does not add up"),
        (pd.DataFrame({"a": [1, 2]}, index=["x", "x"]), "unique"),
    ],
)
def test_it_refuses_tables_that_are_not_counts(table, message):
    with pytest.raises(ValueError, match=message):
        protect(table, threshold=5, row_total=TOTAL if TOTAL in table else None)


# Properties ------------------------------------------------------------------------------

count = st.one_of(
    st.just(0), st.integers(1, 4), st.integers(1, 4), st.integers(5, 60), st.integers(5, 60)
)


@st.composite
def tables(draw):
    n_rows = draw(st.integers(1, 5))
    n_columns = draw(st.integers(1, 5))
    inner = [[draw(count) for _ in range(n_columns)] for _ in range(n_rows)]
    margins = draw(st.sampled_from(["both", "rows", "columns", "none"]))
    table = with_totals(
        inner, rows=margins in ("both", "rows"), columns=margins in ("both", "columns")
    )
    return (
        table,
        TOTAL if margins in ("both", "rows") else None,
        TOTAL if margins in ("both", "columns") else None,
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.sampled_from([3, 5, 10]))
def test_no_hidden_cell_can_be_worked_out_from_what_is_shown(case, threshold):
    table, row_total, column_total = case
    protected = protect(table, threshold=threshold, row_total=row_total, column_total=column_total)
    values = table.to_numpy()
    small = {
        (r, c)
        for (i, r) in enumerate(table.index)
        for (j, c) in enumerate(table.columns)
        if 1 <= values[i, j] < threshold
    }
    assert protected.primary == small
    for row, column in protected.hidden:
        assert table.loc[row, column] >= 1  # zeros are shown, never hidden
    for row in table.index:
        for column in table.columns:
            if protected.markers.loc[row, column] in ("", ZERO):
                assert protected.values.loc[row, column] == table.loc[row, column]
    assert_safe(table, protected, row_total=row_total, column_total=column_total)


@settings(max_examples=300, deadline=None)
@given(tables(), st.data())
def test_the_exact_check_agrees_with_linear_programming(case, data):
    """The graph test protect() uses to decide whether a hidden cell is pinned gives the same
    answer as the attacker's linear programme, for any set of hidden non-zero cells."""
    table, row_total, column_total = case
    grid = table.to_numpy(dtype="float64")
    cells = [(i, j) for i, j in zip(*np.nonzero(grid >= 1), strict=True)]
    hidden = set(data.draw(st.lists(st.sampled_from(cells), unique=True)) if cells else [])
    rows, columns = list(table.index), list(table.columns)
    total_row = rows.index(column_total) if column_total is not None else None
    total_column = columns.index(row_total) if row_total is not None else None
    structure = _Structure(grid, total_row, total_column)

    class Hidden:
        primary = {(rows[i], columns[j]) for i, j in hidden}
        complementary = set()

    proved = intervals(table, Hidden, row_total=row_total, column_total=column_total)
    for i, j in hidden:
        least, most = proved[(rows[i], columns[j])]
        assert structure.pinned((i, j), hidden) == (most is not None and most - least < 0.5)
