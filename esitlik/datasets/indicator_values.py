"""A plan indicator's yearly values computed from the data, by its ``IndicatorSource``.

One function, :func:`values_from_data`, turns a source into a value per year (and women's and
men's values where the measure has them) with the metrics of ``esitlik.analytics``; nothing
here computes a formula of its own. The values go into the indicator's period updates only
when someone chooses to (``sources.source_value_use``), so the usual review still applies.

What each dataset gives:

- **Service use** (service records and service counts together): beneficiaries — outcome
  "received" or none recorded — unless the source names an outcome; for one service or one
  directorate or the whole municipality. Representation is against the residents, standardised
  for age; coverage is per 1,000 residents of the municipality.
- **Workforce** and **decision-makers**: the headcount of the year's latest snapshot (several
  files of one year are several snapshots; the figures are of the last date).
- **Budget**: equality-tagged (targeted or mainstreamed) share of actual spending, or of the
  planned amounts where no actual amounts were given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import ibis

from esitlik.analytics.backend import connect
from esitlik.analytics.equality import service_uses
from esitlik.analytics.metrics import (
    beneficiaries,
    by_sex,
    latest_snapshot,
    representation,
    with_balance,
    with_coverage,
)
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import IndicatorSource
from esitlik.datasets.tables import dataset_table, service_use_counts
from esitlik.datasets.vocab import EqualityTag

Metric = IndicatorSource.Metric
SERVICE_KINDS = (Kind.SERVICE_RECORDS, Kind.SERVICE_COUNTS)
# Which measures each dataset can give, and the plan indicator measure each one fills.
METRICS_OF_KIND = {
    Kind.SERVICE_RECORDS: (
        Metric.COUNT,
        Metric.WOMEN_SHARE,
        Metric.PARITY_INDEX,
        Metric.GAP_PP,
        Metric.REPRESENTATION_RATIO,
        Metric.COVERAGE_PER_1000,
    ),
    Kind.WORKFORCE: (Metric.COUNT, Metric.WOMEN_SHARE, Metric.PARITY_INDEX, Metric.GAP_PP),
    Kind.DECISION_MAKERS: (Metric.COUNT, Metric.WOMEN_SHARE, Metric.PARITY_INDEX, Metric.GAP_PP),
    Kind.BUDGET: (Metric.EQUALITY_BUDGET_SHARE,),
}
METRICS_OF_KIND[Kind.SERVICE_COUNTS] = METRICS_OF_KIND[Kind.SERVICE_RECORDS]
INDICATOR_MEASURE = {
    Metric.COUNT: "count",
    Metric.WOMEN_SHARE: "women_share",
    Metric.PARITY_INDEX: "parity_index",
    Metric.GAP_PP: "gap_pp",
    Metric.REPRESENTATION_RATIO: "representation_ratio",
    Metric.COVERAGE_PER_1000: "rate_per_1000",
    Metric.EQUALITY_BUDGET_SHARE: "percentage",
}
# Measures that are a count of people: below the disclosure threshold they are hidden from
# those who may not see small counts, and the measures derived from them with them.
TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class DataValue:
    year: int
    value: Decimal | None
    women: Decimal | None = None
    men: Decimal | None = None
    # The people (or amounts' lines) the value is computed from: what disclosure control
    # looks at, and what tells a reader how solid the value is.
    base: int = 0
    base_women: int = 0
    base_men: int = 0


def _decimal(value) -> Decimal | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number != number:  # NaN: no value
        return None
    return Decimal(str(number)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def _frame_by_year(table: ibis.Table) -> dict[int, dict]:
    frame = table.execute()
    return {int(row["year"]): row for row in frame.to_dict("records")}


def _sex_value(source: IndicatorSource, row: dict, year: int) -> DataValue:
    women, men, total = int(row["women"]), int(row["men"]), int(row["total"])
    metric = source.metric
    if metric == Metric.COUNT:
        value, by_women, by_men = Decimal(total), Decimal(women), Decimal(men)
    elif metric == Metric.WOMEN_SHARE:
        share = row.get("share_women")
        value = _decimal(None if share is None else float(share) * 100)
        by_women = by_men = None
    elif metric == Metric.PARITY_INDEX:
        value, by_women, by_men = _decimal(row.get("parity_index")), None, None
    else:  # GAP_PP
        value, by_women, by_men = _decimal(row.get("gap_pp")), None, None
    return DataValue(year, value, by_women, by_men, total, women, men)


def _service_uses(con, source: IndicatorSource, years: list[int]) -> ibis.Table:
    municipality = source.indicator.plan.municipality_id
    uses = service_uses(None, service_use_counts(con, municipality, years))
    if source.service_id:
        uses = uses.filter(uses.service_id == source.service_id)
    if source.directorate_id:
        uses = uses.filter(uses.directorate_id == source.directorate_id)
    if source.outcome:
        return uses.filter(uses.outcome == source.outcome)
    return beneficiaries(uses)


def _residents(con, municipality_id: int, year: int) -> ibis.Table | None:
    """The residents of ``year``, or of the latest year before it with population figures."""
    population = dataset_table(con, municipality_id, Kind.POPULATION)
    latest = population.filter(population.year <= year).year.max().execute()
    if latest is None or latest != latest:
        return None
    return population.filter(population.year == int(latest))


def _service_values(con, source: IndicatorSource, years: list[int]) -> dict[int, DataValue]:
    uses = _service_uses(con, source, years)
    metric = source.metric
    if metric not in (Metric.REPRESENTATION_RATIO, Metric.COVERAGE_PER_1000):
        rows = _frame_by_year(with_balance(by_sex(uses, ["year"], weight="n")))
        return {year: _sex_value(source, row, year) for year, row in rows.items()}
    values = {}
    municipality = source.indicator.plan.municipality_id
    for year in years:
        residents = _residents(con, municipality, year)
        this_year = uses.filter(uses.year == year)
        if residents is None:
            continue
        if metric == Metric.REPRESENTATION_RATIO:
            table = representation(this_year, residents, weight="n")
            row = table.execute().to_dict("records")[0]
            value, by_women, by_men = _decimal(row["representation"]), None, None
        else:
            counts = by_sex(this_year, ["municipality_id"], weight="n")
            table = with_coverage(counts, residents, on=["municipality_id"])
            found = table.execute().to_dict("records")
            if not found:
                continue
            row = found[0]
            value = _decimal(row["coverage_total"])
            by_women, by_men = _decimal(row["coverage_women"]), _decimal(row["coverage_men"])
        if int(row["total"]):
            values[year] = DataValue(
                year, value, by_women, by_men, int(row["total"]), int(row["women"]), int(row["men"])
            )
    return values


def _headcount_values(con, source: IndicatorSource, years: list[int]) -> dict[int, DataValue]:
    municipality = source.indicator.plan.municipality_id
    table = dataset_table(con, municipality, source.kind, years)
    if source.kind == Kind.WORKFORCE:
        if source.directorate_id:
            table = table.filter(table.directorate_id == source.directorate_id)
        if source.role_category:
            table = table.filter(table.role_category == source.role_category)
    elif source.body:
        table = table.filter(table.body == source.body)
    table = latest_snapshot(table)
    rows = _frame_by_year(with_balance(by_sex(table, ["year"], weight="count")))
    return {year: _sex_value(source, row, year) for year, row in rows.items()}


def _budget_values(con, source: IndicatorSource, years: list[int]) -> dict[int, DataValue]:
    table = dataset_table(con, source.indicator.plan.municipality_id, Kind.BUDGET, years)
    if source.directorate_id:
        table = table.filter(table.directorate_id == source.directorate_id)
    tagged = table.equality_tag.isin([EqualityTag.TARGETED, EqualityTag.MAINSTREAMED])
    sums = table.group_by("year").aggregate(
        actual=table.actual.sum(),
        actual_tagged=table.actual.sum(where=tagged),
        planned=table.planned.sum(),
        planned_tagged=table.planned.sum(where=tagged),
        lines=table.count(),
    )
    values = {}
    for year, row in _frame_by_year(sums).items():
        use_actual = row["actual"] is not None and row["actual"] == row["actual"]
        whole = row["actual"] if use_actual else row["planned"]
        part = (row["actual_tagged"] if use_actual else row["planned_tagged"]) or 0
        share = None if not whole else float(part) / float(whole) * 100
        values[year] = DataValue(year, _decimal(share), base=int(row["lines"]))
    return values


def values_from_data(
    source: IndicatorSource, years: Iterable[int], *, con=None
) -> dict[int, DataValue]:
    """The source's value for each of ``years`` that has data; a year without data is left
    out, never given as zero."""
    years = sorted(set(years))
    if not years:
        return {}
    con = con or connect()
    kind = Kind(source.kind)
    if kind in SERVICE_KINDS:
        found = _service_values(con, source, years)
    elif kind == Kind.BUDGET:
        found = _budget_values(con, source, years)
    else:
        found = _headcount_values(con, source, years)
    return {year: value for year, value in found.items() if year in years}
