"""Service records kept as counts (``datasets/ingest/counting.py``), and the migration that
rewrites files stored one row per use before that."""

import importlib
from datetime import date

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from django.apps import apps
from hypothesis import given, settings
from hypothesis import strategies as st

from esitlik.datasets import storage
from esitlik.datasets.ingest.counting import as_counts
from esitlik.datasets.kinds import RECORD_SCHEMA, STORED_SCHEMAS, Kind, stored_schema
from esitlik.datasets.models import ImportRun
from tests.analytics.helpers import arrow

migration = importlib.import_module("esitlik.datasets.migrations.0006_service_records_as_counts")

record = st.fixed_dictionaries(
    {
        "date": st.dates(date(2025, 1, 1), date(2025, 12, 31)),
        "age": st.none() | st.integers(0, 120),
        "service_id": st.sampled_from([1, 2]),
        "sex": st.sampled_from(["woman", "man", "not_stated", None]),
        "age_band": st.none() | st.sampled_from(["0-4", "35-39", "85+"]),
        "disability": st.none() | st.sampled_from(["yes", "no"]),
        "neighbourhood_id": st.none() | st.sampled_from([7, 8]),
        "outcome": st.none() | st.sampled_from(["received", "rejected"]),
        "x_hane": st.none() | st.sampled_from(["Tek ebeveynli", "Çekirdek aile"]),
    }
)


def figure_columns(row):
    return tuple(row.get(k) for k in ("service_id", "sex", "age_band", "disability"))


@settings(max_examples=60, deadline=None)
@given(st.lists(record, max_size=40))
def test_every_record_is_in_exactly_one_count(items):
    records = arrow(Kind.SERVICE_RECORDS, items, ["x_hane"])
    counted = as_counts(records, stored_schema(Kind.SERVICE_RECORDS, ["x_hane"]))
    assert counted.schema == stored_schema(Kind.SERVICE_RECORDS, ["x_hane"])
    assert (pc.sum(counted.column("count")).as_py() or 0) == len(items)
    rows = counted.to_pylist()
    assert all(r["date"] is None for r in rows)
    # Each combination of the figures' columns holds as many uses as there were records.
    for key in {
        (*figure_columns(i), i["neighbourhood_id"], i["outcome"], i["x_hane"]) for i in items
    }:
        expected = sum(
            1
            for i in items
            if (*figure_columns(i), i["neighbourhood_id"], i["outcome"], i["x_hane"]) == key
        )
        found = [
            r["count"]
            for r in rows
            if (*figure_columns(r), r["neighbourhood_id"], r["outcome"], r["x_hane"]) == key
        ]
        assert found == [expected]


def test_dictionary_encoded_text_is_counted_by_value():
    records = arrow(Kind.SERVICE_RECORDS, [{"service_id": 1, "sex": s} for s in "wmww"])
    encoded = records.set_column(
        records.schema.get_field_index("sex"), "sex", records.column("sex").dictionary_encode()
    )
    counted = as_counts(encoded, STORED_SCHEMAS[Kind.SERVICE_RECORDS])
    assert [(r["sex"], r["count"]) for r in counted.to_pylist()] == [("m", 1), ("w", 3)]


def test_columns_that_vary_are_counted_by_and_nulls_sort_last():
    """The municipality, run and year are one value in an import's records; where they are
    not, they are grouped by like any other column."""
    items = [
        {"year": 2025, "service_id": 1, "sex": "woman"},
        {"year": 2024, "service_id": 1, "sex": None},
        {"year": 2024, "service_id": 1, "sex": "man"},
        {"year": 2024, "service_id": 1, "sex": "man"},
    ]
    counted = as_counts(arrow(Kind.SERVICE_RECORDS, items), STORED_SCHEMAS[Kind.SERVICE_RECORDS])
    assert [
        (r["year"], r["sex"], r["count"], r["municipality_id"]) for r in counted.to_pylist()
    ] == [
        (2024, "man", 2, 1),
        (2024, None, 1, 1),
        (2025, "woman", 1, 1),
    ]


@pytest.mark.django_db
def test_the_migration_rewrites_records_stored_one_row_per_use(world):
    """Files written before records were counted are rewritten as counts, once."""
    old = ImportRun.objects.create(
        municipality=world.home,
        kind=Kind.SERVICE_RECORDS,
        year=2025,
        status=ImportRun.Status.LANDED,
        file_name="eski.csv",
        rows_read=3,
        rows_stored=3,
    )
    old.stored_path = storage.run_relative_path(old)
    old.save(update_fields=["stored_path"])
    path = storage.run_path(old)
    path.parent.mkdir(parents=True, exist_ok=True)
    items = [
        {"date": date(2025, 3, day), "age": 30 + day, "service_id": 5, "sex": "woman"}
        for day in (1, 2)
    ] + [{"date": date(2025, 4, 1), "age": 50, "service_id": 5, "sex": "man"}]
    for item in items:
        item.update(municipality_id=world.home.pk, run_id=old.pk, disability="yes")
    pq.write_table(arrow(Kind.SERVICE_RECORDS, items), path)
    assert pq.read_schema(path).equals(RECORD_SCHEMA)

    migration.count_stored_records(apps, None)

    stored = pq.read_table(path)
    assert stored.schema == STORED_SCHEMAS[Kind.SERVICE_RECORDS]
    assert [(r["sex"], r["disability"], r["count"]) for r in stored.to_pylist()] == [
        ("man", "yes", 1),
        ("woman", "yes", 2),
    ]
    old.refresh_from_db()
    assert (old.rows_read, old.rows_stored) == (3, 2)
    written = path.stat().st_mtime_ns
    migration.count_stored_records(apps, None)  # already counts: left alone
    assert path.stat().st_mtime_ns == written
