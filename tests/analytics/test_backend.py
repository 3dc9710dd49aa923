"""Choosing the engine and reading stored Parquet files as one table."""

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from esitlik.analytics import backend
from esitlik.datasets.kinds import RECORD_SCHEMA, Kind
from tests.analytics.helpers import arrow, rows

SCHEMA = RECORD_SCHEMA


def test_it_connects_to_duckdb_by_default(settings):
    settings.ANALYTICS_BACKEND = "duckdb"
    assert backend.connect().name == "duckdb"


def test_it_refuses_an_unknown_backend():
    with pytest.raises(ValueError, match="unknown analytics backend"):
        backend.connect("oracle")


def test_no_files_give_an_empty_table_of_the_schema():
    table = backend.read_parquet(backend.connect("duckdb"), [], SCHEMA)
    assert table.schema() == pa_schema(SCHEMA)
    assert table.count().execute() == 0


def pa_schema(schema):
    import ibis

    return ibis.schema(schema)


def test_several_files_read_as_one_table(tmp_path):
    paths = []
    for run_id, count in ((1, 3), (2, 4)):
        path = tmp_path / f"{run_id}.parquet"
        pq.write_table(arrow(Kind.SERVICE_RECORDS, rows(count, run_id=run_id, sex="woman")), path)
        paths.append(path)
    table = backend.read_parquet(backend.connect("duckdb"), paths, SCHEMA)
    assert table.schema() == pa_schema(SCHEMA)
    result = table.group_by("run_id").aggregate(n=table.count()).order_by("run_id").execute()
    assert result.n.tolist() == [3, 4]


def test_an_older_file_without_a_column_reads_it_as_missing(tmp_path):
    full = arrow(Kind.SERVICE_RECORDS, rows(2, sex="man", migration="citizen"))
    older = full.drop_columns(["migration"]).set_column(
        2, "year", pa.array([2025, 2025], pa.int32())
    )
    path = tmp_path / "old.parquet"
    pq.write_table(older, path)
    table = backend.read_parquet(backend.connect("duckdb"), [path], SCHEMA)
    assert table.schema() == pa_schema(SCHEMA)
    assert table.migration.isnull().all().execute()


def test_a_kept_table_is_computed_once_read_from_the_engine_and_dropped_after(tmp_path):
    path = tmp_path / "records.parquet"
    items = rows(3, sex="woman") + rows(2, sex="man")
    pq.write_table(arrow(Kind.SERVICE_RECORDS, items), path)
    con = backend.connect("duckdb")
    table = backend.read_parquet(con, [path], SCHEMA)
    counted = table.group_by("sex").aggregate(n=table.count())
    with backend.kept(counted) as kept:
        assert duckdb_tables(con) == {kept.get_name().rsplit(".", 1)[-1]}  # temp.main.<name>
        path.unlink()  # read from the engine now, not from the file
        result = kept.order_by("sex").execute()
        assert result.n.tolist() == [2, 3]
    assert duckdb_tables(con) == set()


def test_a_kept_table_is_dropped_when_the_block_fails():
    con = backend.connect("duckdb")
    con.raw_sql("CREATE TABLE uses AS SELECT * FROM range(2) t(n)")
    table = con.table("uses")
    with pytest.raises(RuntimeError), backend.kept(table.mutate(m=table.n * 2)):
        raise RuntimeError("something went wrong")
    assert duckdb_tables(con) == {"uses"}


def duckdb_tables(con) -> set[str]:
    """The tables of a DuckDB connection, temporary ones included (Ibis's list_tables()
    needs an older DuckDB)."""
    return {name for (name,) in con.raw_sql("SELECT table_name FROM duckdb_tables()").fetchall()}
