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

import numpy as np
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
    # Each breakdown cut into its services' slices once: (group labels, counts).
    parts = {
        name: {int(sid): _slice(part, dim) for sid, part in frame.groupby("service_id", sort=False)}
        for name, (frame, dim) in breakdowns.items()
    }
    for service_id in (int(s) for s in services["service_id"]):
        is_sensitive = service_id in sensitive
        row = _counts(totals.loc[[service_id]])
        row.index = [service_id]
        total = row.to_numpy()[0]
        shared: set[str] = set()  # the service's total cells hidden somewhere
        while True:
            records, found = [], {}
            result = protect(
                row,
                sensitive=is_sensitive,
                row_total="total",
                label="services",
                hide=[(service_id, column) for column in shared],
            )
            records.append(result.record)
            found.update({("services", r, c): m for (r, c), m in marks(result)})
            for name in breakdowns:
                part = parts[name].get(service_id)
                if part is None:
                    continue
                result = _protect_slice(*part, total, is_sensitive, name, service_id, shared)
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


def _slice(part: pd.DataFrame, dim: str) -> tuple[list, np.ndarray]:
    """One service's rows of a breakdown: its groups as row labels (as pandas reads them:
    numpy whole numbers become Python's) and their counts."""
    labels = pd.Index([_key(value) for value in part[dim]]).tolist()
    return labels, part[COUNTS].to_numpy(dtype="float64", na_value=np.nan)


def _protect_slice(labels, groups, total, is_sensitive, name, service_id, shared):
    """A service's slice of a breakdown, with the rest of its total (people whose group is
    not in the breakdown) as a row of its own and the service's total as the total row."""
    rest = total - np.nansum(groups, axis=0)
    if (rest < 0).any():
        raise ValueError(f"{name}: the groups of a service add up to more than its total")
    lines = [groups]
    labels = list(labels)
    if np.nan_to_num(rest).any():
        labels.append(REST_ROW)
        lines.append(rest[np.newaxis])
    labels.append(TOTAL_ROW)
    lines.append(total[np.newaxis])
    counts = pd.DataFrame(np.vstack(lines), index=labels, columns=COUNTS)
    return protect(
        counts,
        sensitive=is_sensitive,
        row_total="total",
        column_total=TOTAL_ROW,
        label=f"{name}:{service_id}",
        hide=[(TOTAL_ROW, column) for column in shared],
    )


def _key(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return int(value) if isinstance(value, float) and value.is_integer() else value


def marks(result):
    """((row, column), marker) for every marked cell of a protected table."""
    markers = result.markers.to_numpy()
    rows, columns = result.markers.index.tolist(), result.markers.columns.tolist()
    for i, j in zip(*np.nonzero(markers != ""), strict=True):
        yield (rows[i], columns[j]), markers[i, j]
