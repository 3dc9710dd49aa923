"""The equality measures, as Ibis expressions that run the same on DuckDB and PySpark.

Everything starts from :func:`by_sex`: one row per combination of the chosen dimensions, with
the number of women, men, people of another sex, people whose sex was not stated, and the
total. The other functions add measures to such a table:

- :func:`with_balance`: share of women W/(W+M), parity index W/M, gap M−W in percentage
  points and relative (M−W)/M, and the 40–60 balance check;
- :func:`with_representation` (against a reference given as counts by sex, e.g. the
  workforce) and :func:`representation` (against residents, standardised for age);
- :func:`with_coverage`: uses per 1,000 residents of the same neighbourhood, age band, by sex;
- :func:`change`: the same measures a year earlier, and the change;
- :func:`outcomes`: applications, receipts and rejections by sex, and the rejection rate.

The formulas, their readings and the rules below are in ``docs/indicators.md``:

- **Beneficiaries** (:func:`beneficiaries`): a row counts when its outcome is "received", or
  when no outcome was recorded (a directorate that keeps only the services it gave records no
  outcome). Applications still waiting ("applied") and rejections are not beneficiaries.
- **Sex**: a row without a sex counts as "not stated". Shares, parity and gaps compare women
  and men only; "other" and "not stated" are counted in the total and shown, never guessed.
- Every division by zero gives null (no value), never an error or infinity.
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis

SEX_COLUMNS = ("women", "men", "other", "not_stated")
# The stored code of each sex column (core.sex.Sex values).
SEX_CODES = {"women": "woman", "men": "man", "other": "other", "not_stated": "not_stated"}
COUNT_COLUMNS = (*SEX_COLUMNS, "total")

RECEIVED = "received"
# EIGE's balance: each sex between 40% and 60%.
BALANCE = (0.4, 0.6)
# UNESCO's parity band for a parity index.
PARITY = (0.97, 1.03)
# A representation ratio inside this band is read as proportional enough.
REPRESENTATION = (0.8, 1.25)

# Columns a population (and any reference of residents) can be joined on, when both sides
# have them: the municipality first, so a network's tables never mix municipalities.
POPULATION_KEYS = ("municipality_id", "neighbourhood_id", "age_group", "age_band")

# Five-year bands rolled up into four life stages. A band that straddles a boundary goes to
# the stage that holds most of its years: 15-19 has three years under 18 (15, 16, 17), so it
# counts as children; youth is then 20-24 (see docs/indicators.md).
AGE_GROUPS = {
    "children": ("0-4", "5-9", "10-14", "15-19"),
    "youth": ("20-24",),
    "working_age": tuple(f"{low}-{low + 4}" for low in range(25, 65, 5)),
    "older": ("65-69", "70-74", "75-79", "80-84", "85+"),
}
AGE_GROUP_OF = {band: group for group, bands in AGE_GROUPS.items() for band in bands}


def beneficiaries(table: ibis.Table) -> ibis.Table:
    """The rows of ``table`` that count as beneficiaries: outcome "received" or none."""
    if "outcome" not in table.columns:
        return table
    return table.filter(table.outcome.isnull() | (table.outcome == RECEIVED))


def latest_snapshot(table: ibis.Table) -> ibis.Table:
    """The rows of each year's last date, for snapshot data (workforce, decision-makers):
    several files of one year are several snapshots, and the year's figure is its last.
    Rows without a date belong to every date."""
    last = table.group_by("year").aggregate(last_date=table.date.max())
    joined = table.left_join(last, "year")
    joined = joined.select(*[joined[c] for c in table.columns], joined.last_date)
    keep = joined.date.isnull() | joined.last_date.isnull() | (joined.date == joined.last_date)
    return joined.filter(keep).drop("last_date")


def with_age_group(table: ibis.Table, *, band: str = "age_band", name: str = "age_group"):
    """``table`` with a column ``name`` holding the life stage of its five-year ``band``
    (null where the band is unknown)."""
    cases = [(table[band].isin(bands), group) for group, bands in AGE_GROUPS.items()]
    return table.mutate(**{name: ibis.cases(*cases, else_=ibis.null("string"))})


def by_sex(table: ibis.Table, dims: Sequence[str] = (), *, weight: str | None = None):
    """One row per combination of ``dims`` in ``table``: the dims, then women, men, other,
    not_stated and total (whole numbers).

    Microdata (one row per use) is counted row by row; a table of counts names its count
    column as ``weight`` and is summed. No dims gives one row for the whole table (zeros when
    it is empty)."""
    dims = list(dims)
    sex = table.sex
    conditions = {
        "women": sex == SEX_CODES["women"],
        "men": sex == SEX_CODES["men"],
        "other": sex == SEX_CODES["other"],
        "not_stated": sex.isnull() | (sex == SEX_CODES["not_stated"]),
    }
    if weight is None:
        sums = {column: table.count(where=cond) for column, cond in conditions.items()}
        sums["total"] = table.count()
    else:
        value = table[weight]
        sums = {column: value.sum(where=cond) for column, cond in conditions.items()}
        sums["total"] = value.sum()
    sums = {column: expr.coalesce(0).cast("int64") for column, expr in sums.items()}
    if dims:
        return table.group_by(dims).aggregate(**sums)
    return table.aggregate(**sums)


def combine(parts: Sequence[ibis.Table], dims: Sequence[str] = ()) -> ibis.Table:
    """Several :func:`by_sex` tables of the same dims (say, one from microdata and one from a
    table of counts) added up into one."""
    dims = list(dims)
    columns = [*dims, *COUNT_COLUMNS]
    union = ibis.union(*[part.select(*columns) for part in parts])
    sums = {column: union[column].sum().cast("int64") for column in COUNT_COLUMNS}
    return union.group_by(dims).aggregate(**sums) if dims else union.aggregate(**sums)


def _ratio(numerator, denominator):
    """numerator / denominator as a float, null when the denominator is zero or null."""
    return numerator.cast("float64") / denominator.cast("float64").nullif(0)


def share_of_women(women, men):
    """W / (W + M): women's share among women and men."""
    return _ratio(women, women + men)


def with_balance(table: ibis.Table) -> ibis.Table:
    """A :func:`by_sex` table with:

    - ``share_women`` W/(W+M), 0–1;
    - ``parity_index`` W/M (1 = as many women as men);
    - ``gap_pp`` (M−W)/(W+M)×100: men's share minus women's share in percentage points;
    - ``gap_relative`` (M−W)/M;
    - ``balanced``: each sex between 40% and 60% (EIGE); null without women or men."""
    share = share_of_women(table.women, table.men)
    low, high = BALANCE
    return table.mutate(
        share_women=share,
        parity_index=_ratio(table.women, table.men),
        gap_pp=_ratio(table.men - table.women, table.women + table.men) * 100,
        gap_relative=_ratio(table.men - table.women, table.men),
        balanced=(share >= low) & (share <= high),
    )


def _reference_counts(reference: ibis.Table, keys: Sequence[str], weight: str | None):
    counts = by_sex(reference, keys, weight=weight)
    return counts.select(
        *keys,
        reference_women=counts.women,
        reference_men=counts.men,
        reference_total=counts.total,
    )


def _join_on(left: ibis.Table, right: ibis.Table, keys: Sequence[str]) -> ibis.Table:
    """``left`` with the non-key columns of ``right`` where the keys match (a left join; every
    row of ``right`` when there are no keys, which must then hold one row)."""
    extra = [column for column in right.columns if column not in keys]
    if not keys:
        return left.cross_join(right).select(*left.columns, *extra)
    joined = left.left_join(right, list(keys))
    return joined.select(*[joined[c] for c in left.columns], *[joined[c] for c in extra])


def _keys(table: ibis.Table, reference: ibis.Table) -> list[str]:
    return [key for key in POPULATION_KEYS if key in table.columns and key in reference.columns]


def _with_stages(population: ibis.Table, columns: Sequence[str]) -> ibis.Table:
    """``population`` with life stages when the other side is grouped by them: residents come
    by five-year band, and comparing a life stage with everyone would be silently wrong."""
    if "age_group" in columns and "age_group" not in population.columns:
        if "age_band" in population.columns:
            return with_age_group(population)
    return population


def with_representation(
    table: ibis.Table,
    reference: ibis.Table,
    on: Sequence[str] = (),
    *,
    weight: str | None = "count",
) -> ibis.Table:
    """A :func:`by_sex` table with ``reference_share`` (women's share W/(W+M) in
    ``reference``, counted by sex over the ``on`` columns) and ``representation``: women's
    share in ``table`` ÷ women's share in the reference (1 = proportional). Also
    ``expected_women``: the women there would be at the same number of women and men if
    their share were the reference's.

    ``reference`` is a table with a ``sex`` column, e.g. the workforce (a table of counts:
    ``weight="count"``); with no ``on`` the whole reference is the comparison."""
    counts = _reference_counts(reference, on, weight)
    counts = counts.select(
        *on, reference_share=share_of_women(counts.reference_women, counts.reference_men)
    )
    joined = _join_on(table, counts, list(on))
    return _with_ratio(joined)


def _with_ratio(table: ibis.Table) -> ibis.Table:
    share = share_of_women(table.women, table.men)
    return table.mutate(
        expected_women=table.reference_share * (table.women + table.men),
        representation=share / table.reference_share.nullif(0),
    )


def representation(
    table: ibis.Table,
    population: ibis.Table,
    dims: Sequence[str] = (),
    *,
    weight: str | None = None,
    standardise: str | None = "age_band",
    population_weight: str = "count",
) -> ibis.Table:
    """:func:`by_sex` of ``table`` over ``dims`` with ``reference_share``, ``expected_women``
    and ``representation`` against the residents of ``population``.

    The residents compared are those of the same municipality, neighbourhood and age
    band/group as each row, where ``dims`` has them. When ``dims`` has no age but both tables
    have ``standardise`` (the five-year age band), the reference is standardised for age: the
    women's share of residents in each age band, weighted by how many women and men of that
    band the row counts. So a service used mostly by older people is compared with older
    residents, among whom women are more numerous, not with everyone. Rows of unknown age
    take no part in the weighting; they are still counted."""
    dims = list(dims)
    population = _with_stages(population, dims)
    keys = [key for key in _keys(table, population) if key in dims]
    extra = []
    if (
        standardise
        and standardise in table.columns
        and standardise in population.columns
        and standardise not in dims
        and "age_group" not in dims
    ):
        extra = [standardise]
    detail = by_sex(table, [*dims, *extra], weight=weight)
    residents = _reference_counts(population, [*keys, *extra], population_weight)
    residents = residents.select(
        *keys,
        *extra,
        reference_share=share_of_women(residents.reference_women, residents.reference_men),
    )
    joined = _join_on(detail, residents, [*keys, *extra])
    known = joined.reference_share.notnull()
    pairs = joined.women + joined.men
    sums = {column: joined[column].sum().cast("int64") for column in COUNT_COLUMNS}
    sums["expected_women"] = (joined.reference_share * pairs).sum(where=known)
    sums["reference_base"] = pairs.sum(where=known).cast("float64")
    rolled = joined.group_by(dims).aggregate(**sums) if dims else joined.aggregate(**sums)
    reference_share = rolled.expected_women / rolled.reference_base.nullif(0)
    share = share_of_women(rolled.women, rolled.men)
    return rolled.select(
        *dims,
        *COUNT_COLUMNS,
        expected_women=reference_share * (rolled.women + rolled.men),
        reference_share=reference_share,
        representation=share / reference_share.nullif(0),
    )


def with_coverage(
    table: ibis.Table,
    population: ibis.Table,
    on: Sequence[str] | None = None,
    *,
    per: int = 1000,
    population_weight: str = "count",
) -> ibis.Table:
    """A :func:`by_sex` table with the eligible residents (``eligible_women``,
    ``eligible_men``, ``eligible_total``) and coverage per ``per`` residents:
    ``coverage_women`` = women ÷ eligible women × 1,000, ``coverage_men``,
    ``coverage_total`` (everyone ÷ all residents), ``coverage_parity`` (women's coverage ÷
    men's) and ``coverage_gap`` (men's coverage − women's, per 1,000).

    Eligible residents are those of the same municipality, neighbourhood and age band or group
    as the row (``on``; by default every such column both tables have)."""
    population = _with_stages(population, table.columns)
    keys = _keys(table, population) if on is None else list(on)
    residents = by_sex(population, keys, weight=population_weight)
    residents = residents.select(
        *keys,
        eligible_women=residents.women,
        eligible_men=residents.men,
        eligible_total=residents.total,
    )
    joined = _join_on(table, residents, keys)
    women = _ratio(joined.women * per, joined.eligible_women)
    men = _ratio(joined.men * per, joined.eligible_men)
    return joined.mutate(
        coverage_women=women,
        coverage_men=men,
        coverage_total=_ratio(joined.total * per, joined.eligible_total),
        coverage_parity=women / men.nullif(0),
        coverage_gap=men - women,
    )


def change(
    table: ibis.Table,
    dims: Sequence[str],
    measures: Sequence[str],
    *,
    year: str = "year",
) -> ibis.Table:
    """``table`` (one row per ``dims`` and ``year``) with, for each measure M, ``M_previous``
    (its value the year before, null when there is none) and ``M_change`` (M − M_previous;
    for a share, multiply by 100 for percentage points)."""
    dims = list(dims)
    current = table.mutate(**{year: table[year].cast("int64")})
    previous = table.select(
        *dims,
        **{year: (table[year].cast("int64") + 1)},
        **{f"{m}_previous": table[m] for m in measures},
    )
    joined = _join_on(current, previous, [*dims, year])
    return joined.mutate(**{f"{m}_change": joined[m] - joined[f"{m}_previous"] for m in measures})


def outcomes(table: ibis.Table, dims: Sequence[str] = (), *, weight: str | None = None):
    """Application outcomes, one row per ``dims`` and sex: ``applied`` (still waiting),
    ``received``, ``rejected``, ``not_recorded`` (rows without an outcome), ``decided``
    (received + rejected) and ``rejection_rate`` = rejected ÷ decided (null when nothing was
    decided). Compare the women's and men's rows for the gap: (men − women) × 100 in
    percentage points."""
    dims = list(dims)
    sex = table.sex.fill_null(SEX_CODES["not_stated"]).name("sex")
    table = table.mutate(sex=sex)
    outcome = table.outcome

    def total(where):
        if weight is None:
            return table.count(where=where).cast("int64")
        return table[weight].sum(where=where).coalesce(0).cast("int64")

    counted = table.group_by([*dims, "sex"]).aggregate(
        applied=total(outcome == "applied"),
        received=total(outcome == RECEIVED),
        rejected=total(outcome == "rejected"),
        not_recorded=total(outcome.isnull()),
    )
    decided = counted.received + counted.rejected
    return counted.mutate(
        decided=decided.cast("int64"), rejection_rate=_ratio(counted.rejected, decided)
    )


__all__ = [
    "AGE_GROUPS",
    "BALANCE",
    "COUNT_COLUMNS",
    "PARITY",
    "REPRESENTATION",
    "SEX_COLUMNS",
    "beneficiaries",
    "by_sex",
    "change",
    "combine",
    "outcomes",
    "representation",
    "share_of_women",
    "with_age_group",
    "with_balance",
    "with_coverage",
    "with_representation",
]
