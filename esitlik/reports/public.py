"""Disclosure control of a report's tables of people counted by sex, for the public version.

Every table of counts that leaves the equality unit passes through
:func:`esitlik.analytics.disclosure.protect`; this module cuts a report's tables into the
slices it protects and keeps their shared totals consistent:

- a table with one row per service (women, men, other or not stated, total) is protected
  row by row, each service with its own threshold (a sensitive service's is stricter);
- a breakdown (service × age group, × neighbourhood…) is protected one service at a time,
  with that service's row as the column totals, so a hidden group cannot be worked out by
  subtracting the others from the service's total. A service total hidden to protect one
  table is hidden in all of them (:func:`protect_people`).

Shares, ratios and rates computed from a hidden count are hidden with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from esitlik.analytics.disclosure import CONFIDENTIAL, protect

COUNTS = ["women", "men", "rest", "total"]
TOTAL_ROW = "__total__"
REST_ROW = "__rest__"


@dataclass
class Hidden:
    """What protection hid: (table, row key, column) → marker; and the records to store."""

    cells: dict[tuple, str] = field(default_factory=dict)
    records: list[dict] = field(default_factory=list)

    def marker(self, table: str, key, column: str) -> str | None:
        return self.cells.get((table, key, column))

    def hides(self, table: str, key, *columns: str) -> bool:
        return any(self.cells.get((table, key, column)) == CONFIDENTIAL for column in columns)


def with_rest(frame: pd.DataFrame) -> pd.DataFrame:
    """A by_sex frame with ``rest``: other and not stated together (both are small)."""
    frame = frame.copy()
    frame["rest"] = frame["other"].astype("int64") + frame["not_stated"].astype("int64")
    return frame


def _counts(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[COUNTS].astype("float64")


def protect_people(
    services: pd.DataFrame,
    breakdowns: dict[str, tuple[pd.DataFrame, str]],
    *,
    sensitive: set[int],
) -> Hidden:
    """Protect the service table (``services``: one row per service) and its breakdowns
    (name → (frame, the group column)); the marks are keyed ("services", service id, column)
    and (name, (service id, group), column).

    A service's total row is shared by the service table and every breakdown: whatever one
    of them hides in it, all of them must hide, or it could be read off another. So each
    service is protected again, with the shared cells hidden from the start, until no
    protection hides anything new (it only ever grows, so this ends)."""
    hidden = Hidden()
    totals = services.set_index("service_id")
    parts = {
        name: {int(sid): part for sid, part in frame.groupby("service_id", sort=False)}
        for name, (frame, _dim) in breakdowns.items()
    }
    for service_id in (int(s) for s in services["service_id"]):
        is_sensitive = service_id in sensitive
        shared: set[str] = set()  # the service's total cells hidden somewhere
        while True:
            records, found = [], {}
            row = _counts(totals.loc[[service_id]])
            row.index = [service_id]
            result = protect(
                row,
                sensitive=is_sensitive,
                row_total="total",
                label="services",
                hide=[(service_id, column) for column in shared],
            )
            records.append(result.record)
            found.update({("services", r, c): m for (r, c), m in marks(result)})
            for name, (_frame, dim) in breakdowns.items():
                part = parts[name].get(service_id)
                if part is None:
                    continue
                result = _protect_slice(part, dim, row.iloc[0], is_sensitive, name, shared)
                records.append(result.record)
                for (r, c), m in marks(result):
                    key = (
                        ("services", service_id, c)
                        if r == TOTAL_ROW
                        else (name, (service_id, r), c)
                    )
                    if r != TOTAL_ROW or m == CONFIDENTIAL:
                        found[key] = m
            now = {
                c
                for (table, _r, c), m in found.items()
                if table == "services" and m == CONFIDENTIAL
            }
            if now <= shared:
                break
            shared |= now
        hidden.cells.update(found)
        hidden.records.extend(records)
    return hidden


def _protect_slice(part, dim, total, is_sensitive, name, shared):
    counts = _counts(part)
    counts.index = [_key(value) for value in part[dim]]
    rest = total - counts.sum()
    if (rest < 0).any():
        raise ValueError(f"{name}: the groups of a service add up to more than its total")
    if rest.any():
        counts.loc[REST_ROW] = rest
    counts.loc[TOTAL_ROW] = total
    return protect(
        counts,
        sensitive=is_sensitive,
        row_total="total",
        column_total=TOTAL_ROW,
        label=f"{name}:{int(part['service_id'].iloc[0])}",
        hide=[(TOTAL_ROW, column) for column in shared],
    )


def _key(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return int(value) if isinstance(value, float) and value.is_integer() else value


def marks(result):
    """((row, column), marker) for every marked cell of a protected table."""
    for row in result.markers.index:
        for column in result.markers.columns:
            marker = result.markers.loc[row, column]
            if marker:
                yield (row, column), marker
