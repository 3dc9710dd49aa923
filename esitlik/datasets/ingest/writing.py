"""Writing a run's table as Parquet, so that it appears whole or not at all.

The file is written under a temporary name beside its final place and renamed into place
(a rename within one directory is atomic): a reader never sees half a file, and a kill during
the write leaves only a temporary file, which no landed run names. Whether the file *counts*
is decided by the database (``storage.landed_files`` reads landed runs only), after the
rename, in one transaction.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

# Row groups of this many rows let a reader skip a year's or a service's rows and keep
# memory low when it reads one group at a time.
ROW_GROUP_ROWS = 1 << 20


def temporary_path(final: Path) -> Path:
    return final.with_name(f".{final.stem}.writing")


def write(table: pa.Table, final: Path) -> None:
    """Write ``table`` to ``final`` through a temporary file."""
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_path(final)
    try:
        pq.write_table(
            table,
            temporary,
            compression="zstd",
            row_group_size=ROW_GROUP_ROWS,
            # Dictionary-encoded text columns are read back as plain text: the Arrow schema
            # is not stored, the Parquet types (string, int16, date, decimal) say it all.
            store_schema=False,
        )
        os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)


def remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    temporary_path(path).unlink(missing_ok=True)
