"""Small helpers that turn figures into a report's tables: a row's cells with disclosure
markers in place, the columns every "by sex" table shares."""

from __future__ import annotations

import math

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from esitlik.analytics.disclosure import CONFIDENTIAL
from esitlik.reports.document import Column, ColumnType, Table
from esitlik.reports.public import Hidden

C = ColumnType
# Derived columns and the counts they come from: hidden when one of those is.
DERIVED = {
    "share_women": ("women", "men"),
    "representation": ("women", "men"),
    "coverage_women": ("women",),
    "coverage_men": ("men",),
    "gap": ("women", "men"),
}


def plain(value):
    """A figure as a JSON value: None for missing or not-a-number, numpy scalars as Python's."""
    if value is None:
        return None
    try:
        if value != value or (isinstance(value, float) and math.isinf(value)):
            return None
    except (TypeError, ValueError):  # pd.NA refuses comparison
        return None
    return value.item() if hasattr(value, "item") else value


def sex_columns() -> list[Column]:
    return [
        Column("women", pgettext("sex", "Women"), C.COUNT),
        Column("men", pgettext("sex", "Men"), C.COUNT),
        Column("rest", _("Other or not stated"), C.COUNT),
        Column("total", _("Total"), C.COUNT),
        Column("share_women", _("Women's share"), C.SHARE),
    ]


def counted(values: dict, keys: list[str], hidden: Hidden | None, table: str, key) -> list:
    """The cells of ``keys`` from ``values``; in a public report a protected count shows its
    marker, and a share or rate from a hidden count is hidden with it."""
    cells = []
    for column in keys:
        value = plain(values.get(column))
        if hidden is not None:
            marker = hidden.marker(table, key, column)
            sources = DERIVED.get(column, ())
            if marker and column not in DERIVED:
                value = marker
            elif sources and hidden.hides(table, key, *sources):
                value = CONFIDENTIAL
        cells.append(value)
    return cells


def whole(value) -> int:
    value = plain(value)
    return int(value) if value is not None else 0


def events_table(summary, title: str) -> Table:
    """The events of a participation summary held, by kind."""
    return Table(
        "events",
        title,
        [Column("kind", _("Kind"), C.TEXT), Column("held", _("Held"), C.COUNT)],
        [[row.label, row.held] for row in summary.events if row.held],
    )


def participants_table(rows: list[list], note: str = "") -> Table:
    """Participants by sex: rows of [label, count, share]."""
    return Table(
        "participants",
        _("Participants by sex"),
        [
            Column("sex", _("Sex"), C.TEXT),
            Column("count", _("Participants"), C.COUNT),
            Column("share", _("Share"), C.SHARE),
        ],
        rows,
        note=note,
    )
