"""The imported workforce as other parts of the product need it: how many people work in each
role category, by sex, at the year's snapshot.

Training coverage (``training.figures``) measures people trained against these counts once a
workforce file has landed for the year, instead of the figures typed in by hand. A file may
hold several snapshots of a year (one per quarter, say); each import counts at its latest
date, so four quarterly snapshots in one file are not added up, while the files of two
directorates (each its own import) are.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis

from esitlik.analytics.backend import connect
from esitlik.analytics.metrics import by_sex
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ImportRun
from esitlik.datasets.tables import dataset_table


@dataclass(frozen=True)
class RoleCounts:
    """People of one role category as the file writes it ("" when the file gives none)."""

    role_category: str
    women: int
    men: int
    other: int  # other or not stated

    @property
    def total(self) -> int:
        return self.women + self.men + self.other


def workforce_data_year(municipality_id: int, up_to: int) -> int | None:
    """The latest year up to ``up_to`` with a landed workforce import, or None."""
    years = ImportRun.objects.filter(
        municipality_id=municipality_id,
        kind=Kind.WORKFORCE,
        status=ImportRun.Status.LANDED,
        year__lte=up_to,
    )
    return years.order_by("-year").values_list("year", flat=True).first()


def workforce_by_role(municipality_id: int, year: int) -> list[RoleCounts]:
    """The workforce of ``year`` by role category and sex, from the landed imports; each
    import at its latest snapshot date (rows without a date count as of that date)."""
    con = connect("duckdb")
    table = dataset_table(con, municipality_id, Kind.WORKFORCE, year)
    latest = table.date.max().over(ibis.window(group_by=table.run_id))
    table = table.filter(table.date.isnull() | latest.isnull() | (table.date == latest))
    table = table.mutate(role_category=table.role_category.fill_null(""))
    frame = by_sex(table, ["role_category"], weight="count").execute()
    return sorted(
        (
            RoleCounts(
                row.role_category, int(row.women), int(row.men), int(row.other + row.not_stated)
            )
            for row in frame.itertuples()
        ),
        key=lambda counts: counts.role_category,
    )
