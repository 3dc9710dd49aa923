"""Which engine runs the figures, and how stored Parquet files become one Ibis table.

DuckDB (the default) runs inside the process, in memory, reading the Parquet files where they
lie. PySpark is for volumes one machine cannot hold; here it runs locally (``local[2]``) so the
same expressions can be proved on it. Every computation in this package is written once, in
Ibis, and runs unchanged on both.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import ibis
import pyarrow as pa
from ibis.backends import BaseBackend

BACKENDS = ("duckdb", "pyspark")

_spark_lock = threading.Lock()
_spark_session = None


def _setting(name: str, default):
    """A Django setting when Django is configured, else the default: this package is also used
    by the benchmarks, which run without Django."""
    try:
        from django.conf import settings

        return getattr(settings, name, default) if settings.configured else default
    except ImportError:  # pragma: no cover - Django is always installed with esitlik
        return default


def connect(name: str | None = None, **config) -> BaseBackend:
    """A new Ibis connection to ``name`` ("duckdb" or "pyspark"; default: the
    ``ANALYTICS_BACKEND`` setting, else "duckdb").

    DuckDB: a fresh in-memory database per call; ``config`` goes to DuckDB (e.g.
    ``memory_limit="2GB"``, ``threads=2``). PySpark: a connection to the process's one local
    Spark session, started on first use and reused, since starting one takes seconds."""
    name = (name or _setting("ANALYTICS_BACKEND", "duckdb")).lower()
    if name == "duckdb":
        return ibis.duckdb.connect(**config)
    if name == "pyspark":
        return ibis.pyspark.connect(spark_session(), **config)
    raise ValueError(f"unknown analytics backend {name!r}: choose one of {', '.join(BACKENDS)}")


def spark_session():
    """The process's local SparkSession: two cores, bound to 127.0.0.1, no web UI, errors-only
    logging, a small shuffle (the tables here are aggregated early)."""
    global _spark_session
    with _spark_lock:
        if _spark_session is None:
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            from pyspark.sql import SparkSession

            log_config = Path(__file__).with_name("log4j2.properties")
            _spark_session = (
                SparkSession.builder.master("local[2]")
                .appName("esitlik")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.extraJavaOptions", f"-Dlog4j.configurationFile={log_config}")
                .getOrCreate()
            )
            _spark_session.sparkContext.setLogLevel("ERROR")
            # py4j logs each closed connection at INFO, some at interpreter exit.
            logging.getLogger("py4j").setLevel(logging.WARNING)
        return _spark_session


def read_parquet(con: BaseBackend, paths: Iterable[str | Path], schema: pa.Schema) -> ibis.Table:
    """The Parquet files at ``paths`` as one table with exactly the columns and types of
    ``schema``, on ``con``'s engine. No files gives an empty table of that schema, so a
    municipality without data yet gets zero counts rather than an error."""
    paths = [str(path) for path in paths]
    if not paths:
        return ibis.memtable(schema.empty_table())
    if con.name == "pyspark":
        from ibis.backends.pyspark.datatypes import PySparkSchema

        # Given a schema, Spark reads a column a file lacks as nulls.
        frame = con._session.read.schema(PySparkSchema.from_ibis(ibis.schema(schema)))
        name = ibis.util.gen_name("parquet")
        frame.parquet(*paths).createOrReplaceTempView(name)
        table = con.table(name)
    else:
        # By name: files written before a municipality added a dimension lack its column.
        table = con.read_parquet(paths, union_by_name=len(paths) > 1)
    return conform(table, schema)


@contextmanager
def kept(table: ibis.Table) -> Iterator[ibis.Table]:
    """``table`` computed once and kept by its engine while the ``with`` block runs (DuckDB: a
    temporary table; PySpark: a cached DataFrame), so the expressions built on it read the
    result instead of computing it again; dropped at the end of the block.

    Not Ibis's ``Table.cache()`` on DuckDB: with sqlglot 30 its release writes
    ``DROP TABLE IF EXISTS`` without the table's name."""
    con = ibis.get_backend(table)
    if con.name != "duckdb":
        with table.cache() as cached:
            yield cached
        return
    name = ibis.util.gen_name("kept")
    result = con.create_table(name, table, temp=True)
    try:
        yield result
    finally:
        con.raw_sql(f'DROP TABLE IF EXISTS "{name}"')


def conform(table: ibis.Table, schema: pa.Schema) -> ibis.Table:
    """``table`` with the columns of ``schema`` in its order and types: files written by an
    older version may lack a column added since (read as nulls) or hold a wider type."""
    wanted = ibis.schema(schema)
    present = table.schema()
    if list(present.items()) == list(wanted.items()):
        return table
    return table.select(
        **{
            name: (table[name].cast(dtype) if name in present else ibis.null(dtype))
            for name, dtype in wanted.items()
        }
    )
