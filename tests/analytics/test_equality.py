"""The full Equality in Service set, against hand counts and a pandas computation."""

import pandas as pd
import pyarrow.parquet as pq
import pytest

from esitlik.analytics import backend
from esitlik.analytics.equality import BREAKDOWNS, FIGURE_COLUMNS, compact, equality_in_service
from esitlik.datasets.kinds import RECORD_SCHEMA, Kind
from tests.analytics.helpers import (
    arrow,
    counts,
    frame_table,
    population,
    random_population,
    random_records,
    records,
    residents,
    rows,
)
from tests.analytics.test_backend import duckdb_tables
from tests.analytics.test_metrics import LAST_YEAR, RESIDENTS, SERVICE_1, SERVICE_2


def one(frame, **where):
    for key, value in where.items():
        frame = frame[frame[key] == value]
    assert len(frame) == 1, frame
    return frame.iloc[0]


@pytest.fixture
def result():
    return equality_in_service(
        records(SERVICE_1 + SERVICE_2 + LAST_YEAR),
        population(RESIDENTS + residents(year=2024, n1={"0-4": (1, 1)})),
        year=2025,
        min_size=5,
        min_expected=1,
    )


def test_it_counts_the_years_beneficiaries_by_service(result):
    first = one(result.by_service, service_id=1)
    assert (first.women, first.men, first.other, first.not_stated, first.total) == (5, 2, 1, 1, 9)
    assert first.share_women == pytest.approx(5 / 7)
    assert first.representation == pytest.approx(5 / 3)
    assert first.coverage_women == pytest.approx(5 / 420 * 1000)
    assert result.population_year == 2025


def test_it_breaks_the_figures_down(result):
    assert one(result.by_age_band, service_id=1, age_band="0-4").women == 3
    children = one(result.by_age_group, service_id=1, age_group="children")
    assert (children.women, children.men, children.not_stated) == (3, 2, 1)
    # Children (0-4 here): women 180 of 400 residents.
    assert children.reference_share == pytest.approx(0.45)
    place = one(result.by_neighbourhood, service_id=1, neighbourhood_id=2)
    assert (place.women, place.men, place.other) == (2, 0, 1)
    assert place.coverage_women == pytest.approx(2 / 210 * 1000)
    assert "representation" not in result.by_disability.columns
    assert one(result.by_migration, service_id=2).women == 4


def test_it_compares_with_the_year_before(result):
    first = one(result.change, service_id=1)
    assert (first.women_previous, first.men_previous) == (1, 3)
    assert first.total_change == 5
    assert pd.isna(one(result.change, service_id=2).women_previous)


def test_it_counts_outcomes_by_sex(result):
    women = one(result.outcomes, service_id=1, sex="woman")
    assert (women.received, women.rejected, women.not_recorded) == (3, 1, 2)


def test_it_lists_findings_ranked(result):
    assert [f.rank for f in result.findings] == list(range(1, len(result.findings) + 1))
    by_service = [f for f in result.findings if f.service_id == 1 and not f.group]
    assert by_service and by_service[0].checks == ("representation", "balance")
    frames = result.frames()
    assert set(frames) == {*BREAKDOWNS, "outcomes", "change", "findings"}
    assert len(frames["findings"]) == len(result.findings)


def test_a_group_holding_the_whole_service_is_not_a_finding_again():
    items = rows(40, service_id=5, sex="woman", migration="citizen") + rows(
        10, service_id=5, sex="man", migration="citizen"
    )
    found = equality_in_service(records(items), year=2025).findings
    assert [f.group for f in found] == [()]


def test_it_breaks_the_figures_down_by_a_municipalitys_own_dimension():
    household = ["x_household"]
    items = (
        rows(24, service_id=1, sex="woman", x_household="single parent")
        + rows(6, service_id=1, sex="man", x_household="single parent")
        + rows(20, service_id=1, sex="woman", x_household="couple")
        + rows(20, service_id=1, sex="man", x_household="couple")
        + rows(3, service_id=1, sex="woman")
    )
    more = counts(
        [{"service_id": 1, "sex": "man", "count": 2, "x_household": "single parent"}], household
    )
    result = equality_in_service(
        records(items, household), None, year=2025, counts=more, dimensions=household
    )
    table = result.by_dimension["x_household"]
    single = one(table, service_id=1, x_household="single parent")
    assert (single.women, single.men, single.share_women) == (24, 8, 0.75)
    assert one(table, service_id=1, x_household="couple").share_women == 0.5
    assert table.x_household.isna().sum() == 1  # the three without one are counted apart
    assert [f.group for f in result.findings if f.group] == [(("x_household", "single parent"),)]
    assert "by_x_household" in result.frames()


def test_it_takes_the_latest_population_up_to_the_year():
    result = equality_in_service(
        records(SERVICE_1),
        population(residents(year=2024, n1={"0-4": (10, 30)}) + residents(year=2026)),
        year=2025,
    )
    assert result.population_year == 2024
    assert one(result.by_service, service_id=1).eligible_women == 10


def test_without_population_representation_and_coverage_are_null():
    result = equality_in_service(records(SERVICE_1), None, year=2025)
    assert result.population_year is None
    first = one(result.by_service, service_id=1)
    assert first.women == 5
    assert pd.isna(first.representation) and pd.isna(first.coverage_women)


def test_service_counts_add_to_records():
    table = counts(
        [
            {"service_id": 1, "sex": "man", "count": 7, "outcome": "received"},
            {"service_id": 3, "sex": "woman", "count": 12, "outcome": None},
            {"service_id": 3, "sex": "woman", "count": 4, "outcome": "rejected"},
        ]
    )
    result = equality_in_service(records(SERVICE_1), None, year=2025, counts=table)
    assert one(result.by_service, service_id=1).men == 2 + 7
    assert one(result.by_service, service_id=3).women == 12
    assert one(result.outcomes, service_id=3, sex="woman").rejected == 4


def test_only_counts_are_enough():
    table = counts([{"service_id": 3, "sex": "woman", "count": 12, "outcome": None}])
    result = equality_in_service(None, None, year=2025, counts=table)
    assert one(result.by_service, service_id=3).women == 12


def test_it_agrees_with_pandas_on_random_data():
    frame = random_records(seed=11, n=4000)
    people = random_population()
    result = equality_in_service(
        frame_table(Kind.SERVICE_RECORDS, frame),
        frame_table(Kind.POPULATION, people),
        year=2025,
    )
    year = frame[(frame.year == 2025) & (frame.outcome.isna() | (frame.outcome == "received"))]
    pop = people[people.year == 2025]
    # Coverage by neighbourhood: beneficiaries ÷ residents × 1,000, by sex.
    keys = ["municipality_id", "service_id", "neighbourhood_id"]
    women = year[year.sex == "woman"].groupby(keys).size()
    residents_women = pop[pop.sex == "woman"].groupby("neighbourhood_id")["count"].sum()
    ours = result.by_neighbourhood.set_index(keys)
    for key, served in women.items():
        assert ours.loc[key, "women"] == served
        expected = served / residents_women[key[2]] * 1000
        assert ours.loc[key, "coverage_women"] == pytest.approx(expected)
    # Disability: counts by sex.
    theirs = (
        year.assign(sex=year.sex.fillna("not_stated"))
        .groupby(["service_id", "disability", "sex"])
        .size()
    )
    mine = result.by_disability.set_index(["service_id", "disability"])
    for (service, status, sex), n in theirs.items():
        column = {"woman": "women", "man": "men"}.get(sex, sex)
        assert mine.loc[(service, status), column].sum() == n


def test_the_uses_are_counted_once_at_the_grain_of_the_figures():
    frame = random_records(seed=12, n=3000)
    frame.loc[:99, "year"] = 2023  # not read for 2025: neither the year nor the one before
    frame["date"] = pd.Timestamp("2025-03-01").date()
    frame.loc[::2, "directorate_id"] = 2  # not a column of the figures
    table = compact(frame_table(Kind.SERVICE_RECORDS, frame), 2025).execute()
    read = frame[frame.year.isin([2024, 2025])]
    assert table.n.sum() == len(read)
    assert len(table) == len(read[FIGURE_COLUMNS].drop_duplicates())
    assert list(table.columns) == [*FIGURE_COLUMNS, "n"]


def test_the_figures_are_the_same_from_records_and_from_their_counts():
    """Records, and the same uses as a table of counts (one row per distinct use with its
    number), give the same figures: the figures only ever count at that grain."""
    frame = random_records(seed=13, n=4000)
    people = frame_table(Kind.POPULATION, random_population())
    from_records = equality_in_service(
        frame_table(Kind.SERVICE_RECORDS, frame), people, year=2025, min_size=5, min_expected=1
    )
    grouped = frame.groupby(FIGURE_COLUMNS, dropna=False).size().rename("count").reset_index()
    grouped = grouped.assign(run_id=1, date=None, directorate_id=1)
    from_counts = equality_in_service(
        None,
        people,
        year=2025,
        counts=frame_table(Kind.SERVICE_COUNTS, grouped),
        min_size=5,
        min_expected=1,
    )
    for name, ours in from_records.frames().items():
        pd.testing.assert_frame_equal(ours, from_counts.frames()[name], check_dtype=False)
    assert len(from_records.findings) > 0


def test_records_of_other_years_change_nothing():
    people = population(RESIDENTS)
    alone = equality_in_service(records(SERVICE_1 + LAST_YEAR), people, year=2025)
    older = [{**row, "year": 2019} for row in SERVICE_1 + SERVICE_2]
    more = equality_in_service(records(SERVICE_1 + LAST_YEAR + older), people, year=2025)
    for name, frame in alone.frames().items():
        pd.testing.assert_frame_equal(frame, more.frames()[name])


def test_no_table_is_left_behind_on_the_engine(tmp_path):
    con = backend.connect("duckdb")
    path = tmp_path / "records.parquet"
    pq.write_table(arrow(Kind.SERVICE_RECORDS, SERVICE_1 + SERVICE_2), path)
    table = backend.read_parquet(con, [path], RECORD_SCHEMA)
    result = equality_in_service(table, None, year=2025)
    assert one(result.by_service, service_id=2).women == 4
    assert duckdb_tables(con) == set()
