"""The same Ibis expressions on DuckDB and on PySpark give the same figures.

One local Spark session serves the whole module (starting one takes seconds); both engines
read the same Parquet files. Whole numbers must match exactly; fractions to 12 significant
digits, since the two engines may add floating-point numbers in a different order."""

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from esitlik.analytics import backend
from esitlik.analytics import metrics as m
from esitlik.analytics.equality import equality_in_service
from esitlik.datasets.kinds import Kind, assembled_schema
from tests.analytics.helpers import arrow, random_population, random_records

# One Spark session (a JVM, seconds to start) serves the module: under pytest-xdist its tests
# all go to one process.
pytestmark = pytest.mark.xdist_group("spark")

KINDS = (Kind.SERVICE_RECORDS, Kind.SERVICE_COUNTS, Kind.POPULATION, Kind.WORKFORCE)
# A municipality's own dimension: in the records' file, not in the counts' (written before
# it was defined), which both engines must read as nulls.
DIMENSIONS = ["x_household"]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("spark")
    frames = {
        Kind.SERVICE_RECORDS: random_records(seed=3, n=2500),
        Kind.POPULATION: random_population(seed=4),
    }
    households = ["Tek ebeveynli", "Çekirdek aile", None]
    records = frames[Kind.SERVICE_RECORDS]
    records["x_household"] = [households[i % 3] for i in range(len(records))]
    written = {}
    for kind, frame in frames.items():
        schema = assembled_schema(kind, DIMENSIONS)
        path = folder / f"{kind}.parquet"
        pq.write_table(
            pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False), path
        )
        written[kind] = [path]
    counts = [
        {
            "municipality_id": 1,
            "year": 2025,
            "service_id": 9,
            "sex": sex,
            "age_band": band,
            "neighbourhood_id": 11,
            "outcome": outcome,
            "count": n,
        }
        for sex, band, outcome, n in [
            ("woman", "30-34", "received", 40),
            ("man", "30-34", "received", 12),
            ("woman", "65-69", None, 25),
            ("man", "65-69", "rejected", 3),
        ]
    ]
    workforce = [
        {"municipality_id": 1, "year": 2025, "directorate_id": d, "sex": sex, "count": n}
        for d, sex, n in [(1, "woman", 30), (1, "man", 70), (2, "woman", 55), (2, "man", 45)]
    ]
    for kind, items in ((Kind.SERVICE_COUNTS, counts), (Kind.WORKFORCE, workforce)):
        path = folder / f"{kind}.parquet"
        pq.write_table(arrow(kind, items), path)
        written[kind] = [path]
    return written


@pytest.fixture(scope="module")
def engines():
    # Tables this small run faster interpreted than compiled, query by query.
    spark = backend.connect("pyspark", **{"spark.sql.codegen.wholeStage": "false"})
    return {"duckdb": backend.connect("duckdb"), "pyspark": spark}


def tables(con, files):
    return {
        kind: backend.read_parquet(con, files[kind], assembled_schema(kind, DIMENSIONS))
        for kind in KINDS
    }


def assert_same(left: pd.DataFrame, right: pd.DataFrame):
    assert list(left.columns) == list(right.columns)
    assert len(left) == len(right) > 0
    pd.testing.assert_frame_equal(left, right, check_dtype=False, check_exact=False, rtol=1e-12)


def test_the_equality_in_service_figures_are_the_same_on_both(engines, files):
    results = {}
    for name, con in engines.items():
        data = tables(con, files)
        results[name] = equality_in_service(
            data[Kind.SERVICE_RECORDS],
            data[Kind.POPULATION],
            counts=data[Kind.SERVICE_COUNTS],
            year=2025,
            dimensions=DIMENSIONS,
        )
    duck, spark = results["duckdb"].frames(), results["pyspark"].frames()
    assert "by_x_household" in duck
    assert results["pyspark"].population_year == 2025
    for name in duck:
        assert_same(duck[name], spark[name])
    # The counts' service is in the figures on both: the union of records and counts ran.
    assert (duck["by_service"].service_id == 9).sum() == 1


def test_representation_against_the_workforce_is_the_same_on_both(engines, files):
    found = {}
    for name, con in engines.items():
        data = tables(con, files)
        uses = m.by_sex(m.beneficiaries(data[Kind.SERVICE_RECORDS]), ["service_id", "year"])
        compared = m.with_representation(m.with_balance(uses), data[Kind.WORKFORCE])
        yearly = m.change(compared, ["service_id"], ["women", "representation"])
        found[name] = yearly.order_by(["service_id", "year"]).execute()
    assert_same(found["duckdb"], found["pyspark"])
    assert found["duckdb"].reference_share.iloc[0] == pytest.approx(85 / 200)
