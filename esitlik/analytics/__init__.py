"""Equality figures computed from the stored datasets: Ibis expressions that run the same on
DuckDB (the default, in-process) and on PySpark (for a network's volumes).

A plain package, not a Django app: it knows no models, requests or templates. It takes Ibis
tables (``esitlik.datasets.tables.dataset_table`` reads the landed Parquet files of a
municipality into one) and returns Ibis tables, pandas frames and small dataclasses. Formulas
and their readings are in ``docs/indicators.md``.

- ``backend``: which engine, and reading Parquet files as a table.
- ``metrics``: counts by sex for any dimensions, and the measures derived from them.
- ``findings``: the ranked list of gaps.
- ``disclosure``: the one gate every outward-facing table passes through.
- ``equality``: the full set of Equality in Service figures for a municipality-year.
"""
