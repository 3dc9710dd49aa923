"""Service records kept as counts: the rows of one import counted at the grain the figures use.

A file of service records has one row per use of a service: its date, the person's age, sex,
disability, neighbourhood, migration status and the outcome. Disability is special-category
data (KVKK art. 6), and a row that says "a 37-year-old disabled refugee woman of a small
neighbourhood asked for violence support on 3 March" can single out a person even without a
name. So a record is never stored as such: once it is checked, the import counts the records
by the columns every figure is broken down by (year, directorate, service, sex, five-year age
band, disability, neighbourhood, migration status, outcome and the municipality's own
dimensions) and stores only those counts, in the shape of service counts. The exact date and
age are read, checked and used for the age band, then dropped: no figure reads them.

Counts are not anonymous by themselves (a count of 1 is still one person), which is why the
figures that leave the unit pass disclosure control (``analytics.disclosure``); but the store
no longer holds one row per person.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

# Read from the file and checked, never stored.
DROPPED = ("date", "age")


def as_counts(records: pa.Table, schema: pa.Schema) -> pa.Table:
    """``records`` (one row per use) as rows of ``schema`` (the service counts' stored shape:
    the same columns without date and age, and ``count``), one row per distinct combination,
    in a stable order. Rows with nulls in a column are counted together (null is a value here:
    "not given"), so every record is in exactly one count.

    Counted by DuckDB on the Arrow table in place: a third of pyarrow's time for the group
    and sort (2 million distinct rows: 0.8 s against 4.2 s on two cores)."""
    present = set(records.column_names) - {"count", *DROPPED}
    keys = [name for name in schema.names if name in present]
    con = duckdb.connect()
    try:
        con.register("records", records)
        if keys:
            columns = ", ".join(f'"{name}"' for name in keys)
            sql = (
                f"SELECT {columns}, count(*) AS count FROM records "  # noqa: S608 (our names)
                f"GROUP BY {columns} ORDER BY {columns} NULLS LAST"
            )
        else:  # nothing to break down by: one count of everything
            sql = "SELECT count(*) AS count FROM records"
        counted = con.sql(sql).to_arrow_table()
    finally:
        con.close()
    size = counted.num_rows
    arrays = []
    for field in schema:
        if field.name in counted.column_names:
            arrays.append(_plain(counted.column(field.name)).cast(field.type))
        else:
            arrays.append(pa.nulls(size, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _plain(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Dictionary-encoded text (DuckDB may give an enum back as one) as plain text."""
    if pa.types.is_dictionary(column.type):
        return column.cast(column.type.value_type)
    return column
