"""The full set of Equality in Service figures for a municipality-year, in one call.

:func:`equality_in_service` takes the year's service records (microdata) and/or service
counts (tables of counts kept by directorates that keep only totals) and the population, and
returns plain pandas tables — the Equality in Service report, the plan's indicators and the
benchmark all read these:

- ``by_service``: each service's beneficiaries by sex, share of women, parity, gaps, the 40–60
  check, representation against residents (standardised for age) and coverage per 1,000
  residents by sex;
- ``by_age_band`` (five-year bands) and ``by_age_group`` (children, youth, working age,
  older): the same, against residents of the same ages;
- ``by_neighbourhood``: the same, against residents of the same neighbourhood (age
  standardised);
- ``by_disability``, ``by_migration``: counts, shares and the 40–60 check (the population
  has no such columns, so there is no representation or coverage);
- ``by_dimension``: the same for each of the municipality's own dimensions asked for
  (``x_<key>`` columns, e.g. household type), one table each;
- ``outcomes``: applications, receipts and rejections by service and sex, rejection rates;
- ``change``: each service's beneficiaries by sex this year and the year before;
- ``findings``: the ranked gaps (:mod:`esitlik.analytics.findings`).

Every table has municipality_id and service_id first, so several municipalities (a network)
can be computed at once without mixing their residents. The figures are unprotected:
anything published passes through :func:`esitlik.analytics.disclosure.protect` first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import ibis
import pandas as pd
import pyarrow as pa

from esitlik.analytics.backend import kept
from esitlik.analytics.findings import (
    MIN_EXPECTED,
    MIN_SIZE,
    Finding,
    find_gaps,
    findings_frame,
    rank,
)
from esitlik.analytics.metrics import (
    beneficiaries,
    by_sex,
    change,
    outcomes,
    representation,
    with_age_group,
    with_balance,
    with_coverage,
)

BASE = ["municipality_id", "service_id"]
# The breakdowns, and whether residents can be compared with them.
BREAKDOWNS = {
    "by_service": ([], True),
    "by_age_band": (["age_band"], True),
    "by_age_group": (["age_group"], True),
    "by_neighbourhood": (["neighbourhood_id"], True),
    "by_disability": (["disability"], False),
    "by_migration": (["migration"], False),
}
# Which breakdowns findings are looked for in (the five-year bands are too fine for a
# sentence; their life stages are not).
FINDING_BREAKDOWNS = (
    "by_service",
    "by_age_group",
    "by_neighbourhood",
    "by_disability",
    "by_migration",
)
USE_COLUMNS = [
    "municipality_id",
    "year",
    "directorate_id",
    "service_id",
    "sex",
    "age_band",
    "disability",
    "neighbourhood_id",
    "migration",
    "outcome",
]
# The columns the figures read (directorate_id is the service's).
FIGURE_COLUMNS = [column for column in USE_COLUMNS if column != "directorate_id"]
POPULATION_SCHEMA = pa.schema(
    [
        ("municipality_id", pa.int64()),
        ("run_id", pa.int64()),
        ("year", pa.int16()),
        ("neighbourhood_id", pa.int64()),
        ("sex", pa.string()),
        ("age_band", pa.string()),
        ("count", pa.int64()),
    ]
)


@dataclass(frozen=True)
class EqualityInService:
    year: int
    # The population's year: the same year, else the latest before it; None without one.
    population_year: int | None
    by_service: pd.DataFrame
    by_age_band: pd.DataFrame
    by_age_group: pd.DataFrame
    by_neighbourhood: pd.DataFrame
    by_disability: pd.DataFrame
    by_migration: pd.DataFrame
    outcomes: pd.DataFrame
    change: pd.DataFrame
    findings: list[Finding] = field(default_factory=list)
    # Dimension column (x_<key>) → its table, like by_disability's.
    by_dimension: dict[str, pd.DataFrame] = field(default_factory=dict)

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every table by name (a dimension's as ``by_x_<key>``), the findings as a table."""
        names = [*BREAKDOWNS, "outcomes", "change"]
        return (
            {name: getattr(self, name) for name in names}
            | {f"by_{column}": frame for column, frame in self.by_dimension.items()}
            | {"findings": findings_frame(self.findings)}
        )


def service_uses(
    records: ibis.Table | None, counts: ibis.Table | None, dimensions: Sequence[str] = ()
) -> ibis.Table:
    """Service records and service counts as one table: ``USE_COLUMNS``, the ``dimensions``
    and ``n``, the number of uses a row stands for (1 for a record, its count for a row of
    counts)."""
    columns = [*USE_COLUMNS, *dimensions]
    parts = []
    if records is not None:
        parts.append(records.select(*columns, n=ibis.literal(1, "int64")))
    if counts is not None:
        parts.append(counts.select(*columns, n=counts["count"].cast("int64")))
    if not parts:
        raise ValueError("service records or service counts are needed")
    return parts[0] if len(parts) == 1 else ibis.union(*parts)


def _is_empty(table: ibis.Table | None) -> bool:
    return table is None or int(table.count().execute()) == 0


def _population_for(population: ibis.Table | None, year: int):
    """The residents of ``year``, or of the latest year before it; None, None without any."""
    if population is None:
        return None, None
    latest = population.filter(population.year <= year).year.max().execute()
    if latest is None or pd.isna(latest):
        return None, None
    latest = int(latest)
    return population.filter(population.year == latest), latest


def _order(table: ibis.Table, keys) -> pd.DataFrame:
    """``table`` sorted, as pandas, with whole numbers as Int64 and truth values as boolean
    (both nullable), so every backend gives the same frame."""
    frame = table.order_by(keys).execute().reset_index(drop=True)
    for name, dtype in table.schema().items():
        if dtype.is_integer():
            frame[name] = frame[name].astype("Int64")
        elif dtype.is_boolean():
            frame[name] = frame[name].astype("boolean")
    return frame


def equality_in_service(
    records: ibis.Table | None,
    population: ibis.Table | None = None,
    *,
    year: int,
    counts: ibis.Table | None = None,
    min_size: int = MIN_SIZE,
    min_expected: int = MIN_EXPECTED,
    dimensions: Sequence[str] = (),
) -> EqualityInService:
    """The Equality in Service figures of ``year`` (see the module's docstring).

    ``records`` and ``counts`` may hold other years (the change needs the year before); an
    empty ``counts`` is ignored. ``population`` is the population kind's table; without one
    (or with none up to ``year``) representation and coverage are null. ``dimensions``: the
    municipality's own dimension columns to break the figures down by."""
    dimensions = list(dimensions)
    if _is_empty(counts):
        uses, weight = records, None
    elif records is None:
        uses, weight = service_uses(None, counts, dimensions), "n"
    else:
        uses, weight = service_uses(records, counts, dimensions), "n"
    # Every figure below is a count over these columns: the uses are counted once at that
    # grain, kept by the engine (a temporary table), and each table is summed from it
    # instead of reading the files again.
    with kept(compact(uses, year, dimensions, weight=weight)) as counted:
        return _figures(
            counted,
            population,
            year=year,
            min_size=min_size,
            min_expected=min_expected,
            dimensions=dimensions,
        )


def compact(
    uses: ibis.Table, year: int, dimensions: Sequence[str] = (), *, weight: str | None = None
) -> ibis.Table:
    """The uses of ``year`` and the year before, one row per distinct combination of the
    columns the figures are broken down by (``FIGURE_COLUMNS`` and the ``dimensions``), with
    ``n``: how many uses it stands for (rows of microdata, or the sum of ``weight``). Every
    count of :func:`equality_in_service` is the same summed from here with ``weight="n"``:
    10 million records of a year come down to under a million rows."""
    uses = uses.filter(uses.year.isin([year - 1, year]))
    n = uses.count() if weight is None else uses[weight].sum()
    return uses.group_by([*FIGURE_COLUMNS, *dimensions]).aggregate(n=n.cast("int64"))


def _figures(
    uses: ibis.Table,
    population: ibis.Table | None,
    *,
    year: int,
    min_size: int,
    min_expected: int,
    dimensions: list[str],
) -> EqualityInService:
    """:func:`equality_in_service` from :func:`compact`'s table."""
    weight = "n"
    received = beneficiaries(uses)
    this_year = received.filter(received.year == year)
    residents, population_year = _population_for(population, year)
    if residents is None:
        residents = ibis.memtable(POPULATION_SCHEMA.empty_table())

    breakdowns = dict(BREAKDOWNS) | {f"by_{column}": ([column], False) for column in dimensions}
    frames = {}
    for name, (dims, against_residents) in breakdowns.items():
        keys = [*BASE, *dims]
        source, people = this_year, residents
        if "age_group" in dims:
            # Only here: a CASE over eighteen bands is cheap to run but not to compile.
            source, people = with_age_group(this_year), with_age_group(residents)
        if against_residents:
            table = representation(source, people, keys, weight=weight)
            table = with_coverage(with_balance(table), people)
        else:
            table = with_balance(by_sex(source, keys, weight=weight))
        frames[name] = _order(table, keys)

    two_years = received.filter(received.year.isin([year - 1, year]))
    yearly = with_balance(by_sex(two_years, [*BASE, "year"], weight=weight))
    yearly = yearly.select(
        *BASE, "year", "women", "men", "other", "not_stated", "total", "share_women"
    )
    changed = change(yearly, BASE, ["women", "men", "total", "share_women"])
    frames["change"] = _order(changed.filter(changed.year == year), BASE)

    in_year = uses.filter(uses.year == year)
    frames["outcomes"] = _order(outcomes(in_year, BASE, weight=weight), [*BASE, "sex"])

    found = []
    whole = {
        (int(row.municipality_id), int(row.service_id)): (int(row.women), int(row.men))
        for row in frames["by_service"].itertuples()
    }
    for name in [*FINDING_BREAKDOWNS, *(f"by_{column}" for column in dimensions)]:
        dims = breakdowns[name][0]
        for finding in find_gaps(frames[name], dims, min_size=min_size, min_expected=min_expected):
            # A group holding all of its service's people (every user a citizen, say) says
            # nothing the service's own finding does not.
            same = whole.get((finding.municipality_id, finding.service_id))
            if dims and same == (finding.women, finding.men):
                continue
            found.append(finding)
    return EqualityInService(
        year=year,
        population_year=population_year,
        findings=rank(found),
        by_dimension={column: frames.pop(f"by_{column}") for column in dimensions},
        **frames,
    )
