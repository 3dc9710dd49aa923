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
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# Read from the file and checked, never stored.
DROPPED = ("date", "age")


def as_counts(records: pa.Table, schema: pa.Schema) -> pa.Table:
    """``records`` (one row per use) as rows of ``schema`` (the service counts' stored shape:
    the same columns without date and age, and ``count``), one row per distinct combination,
    ordered by its values (nulls last). Rows with nulls in a column are counted together
    (null is a value here: "not given"), so every record is in exactly one count.

    Counted by DuckDB on the Arrow table in place, on numbers only: a text column is grouped
    by its dictionary codes, renumbered first in the order of the values so that ordering by
    code is ordering by text, and a column with one value throughout (the municipality, the
    run and the year of one import) is not grouped by at all but put back on every row."""
    present = set(records.column_names) - {"count", *DROPPED}
    names = [name for name in schema.names if name in present]
    constants, keys, texts = {}, {}, {}
    for name in names:
        column = records.column(name)
        column = column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
        if pa.types.is_dictionary(column.type) or pa.types.is_string(column.type):
            texts[name], column = _sorted_codes(column)
        if _one_value(column):
            constants[name] = column[0]
        else:
            keys[name] = column
    counted = _grouped(pa.table(keys), records.num_rows)
    size = counted.num_rows
    arrays = []
    for field in schema:
        if field.name in keys:
            column = counted.column(field.name).combine_chunks()
        elif field.name in constants:
            column = pa.array(
                [constants[field.name].as_py()] * size, type=constants[field.name].type
            )
        elif field.name == "count":
            column = counted.column("count").combine_chunks()
        else:
            arrays.append(pa.nulls(size, type=field.type))
            continue
        if field.name in texts:  # codes back to their text
            column = pa.DictionaryArray.from_arrays(column.cast(pa.int32()), texts[field.name])
        arrays.append(column.cast(field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _grouped(keys: pa.Table, rows: int) -> pa.Table:
    if not keys.num_columns:  # nothing to break down by: one count of everything
        return pa.table({"count": pa.array([rows] if rows else [], pa.int64())})
    columns = ", ".join(f'"{name}"' for name in keys.column_names)
    con = duckdb.connect()
    try:
        con.register("records", keys)
        return con.sql(
            f"SELECT {columns}, count(*) AS count FROM records "  # noqa: S608 (our names)
            f"GROUP BY {columns} ORDER BY {columns} NULLS LAST"
        ).to_arrow_table()
    finally:
        con.close()


def _sorted_codes(column: pa.Array) -> tuple[pa.Array, pa.Array]:
    """A text column as (its distinct values sorted, each row's code into them; null stays
    null)."""
    encoded = column if pa.types.is_dictionary(column.type) else column.dictionary_encode()
    dictionary = encoded.dictionary
    if pa.types.is_dictionary(dictionary.type):  # never nested, but be plain about it
        dictionary = dictionary.cast(dictionary.type.value_type)
    order = pc.sort_indices(dictionary)
    if np.array_equal(order.to_numpy(), np.arange(len(dictionary))):
        return dictionary, encoded.indices  # sorted already, as the import writes them
    rank = np.empty(len(dictionary), dtype=np.int32)
    rank[order.to_numpy()] = np.arange(len(dictionary), dtype=np.int32)
    codes = pc.take(pa.array(rank), encoded.indices)
    return dictionary.take(order), codes


def _one_value(column: pa.Array) -> bool:
    """Whether every row holds the same value, none of them null."""
    if column.null_count or not len(column):
        return False
    low, high = pc.min_max(column).values()
    return low == high
