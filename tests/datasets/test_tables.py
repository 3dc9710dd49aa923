"""dataset_table: the landed runs' Parquet files of a municipality as one table.

The files are written here in the stored schema and the runs created by hand, so these tests
stand apart from the importer."""

import hashlib

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from esitlik.analytics.backend import connect
from esitlik.datasets import storage
from esitlik.datasets.kinds import Kind, stored_schema
from esitlik.datasets.models import ImportRun, Service
from esitlik.datasets.tables import dataset_table, sensitive_service_ids
from tests.analytics.helpers import DEFAULTS, rows

pytestmark = pytest.mark.django_db


def landed(municipality, kind, year, items, status=ImportRun.Status.LANDED):
    run = ImportRun.objects.create(
        municipality=municipality,
        kind=kind,
        year=year,
        status=status,
        file_name=f"{kind}-{year}.csv",
        file_sha256=hashlib.sha256(repr(items).encode()).hexdigest(),
    )
    run.stored_path = storage.run_relative_path(run)
    run.save(update_fields=["stored_path"])
    path = storage.run_path(run)
    path.parent.mkdir(parents=True, exist_ok=True)
    for item in items:
        item.update(municipality_id=municipality.id, run_id=run.id, year=year)
    schema = stored_schema(kind)
    columns = {name: [i.get(name, DEFAULTS.get(name)) for i in items] for name in schema.names}
    pq.write_table(pa.table(columns, schema=schema), path)
    return run


def count(table):
    return int(table.count().execute())


def uses(table):
    """Service records are stored as counts: how many uses the rows stand for."""
    return int(table["count"].sum().execute() or 0)


def test_it_reads_every_landed_run_of_the_kind(world):
    landed(world.home, Kind.SERVICE_RECORDS, 2025, rows(1, service_id=1, sex="woman", count=3))
    landed(world.home, Kind.SERVICE_RECORDS, 2025, rows(1, service_id=1, sex="man", count=2))
    landed(world.home, Kind.SERVICE_RECORDS, 2024, rows(1, service_id=1, sex="man", count=4))
    table = dataset_table(connect("duckdb"), world.home.id, Kind.SERVICE_RECORDS)
    assert (count(table), uses(table)) == (3, 9)
    assert sorted(table.year.execute().unique().tolist()) == [2024, 2025]


def test_only_landed_runs_count(world):
    landed(world.home, Kind.SERVICE_RECORDS, 2025, rows(1, sex="woman", count=3))
    for status in (ImportRun.Status.FAILED, ImportRun.Status.WITHDRAWN, ImportRun.Status.REPLACED):
        landed(world.home, Kind.SERVICE_RECORDS, 2025, rows(1, sex="man", count=5), status=status)
    table = dataset_table(connect("duckdb"), world.home.id, Kind.SERVICE_RECORDS)
    assert uses(table) == 3


def test_it_reads_only_the_years_asked_for(world):
    landed(world.home, Kind.POPULATION, 2024, rows(2, sex="woman", count=10))
    landed(world.home, Kind.POPULATION, 2025, rows(2, sex="woman", count=20))
    con = connect("duckdb")
    assert count(dataset_table(con, world.home.id, Kind.POPULATION, years=2025)) == 2
    assert count(dataset_table(con, world.home.id, "population", years=[2024, 2025])) == 4
    assert count(dataset_table(con, world.home.id, Kind.POPULATION, years=[2023])) == 0


def test_it_never_reads_another_municipalitys_data(world):
    landed(world.home, Kind.SERVICE_RECORDS, 2025, rows(1, sex="woman", count=3))
    landed(world.other, Kind.SERVICE_RECORDS, 2025, rows(1, sex="woman", count=7))
    con = connect("duckdb")
    home = dataset_table(con, world.home.id, Kind.SERVICE_RECORDS)
    assert uses(home) == 3
    assert home.municipality_id.execute().unique().tolist() == [world.home.id]
    both = dataset_table(con, [world.home.id, world.other.id], Kind.SERVICE_RECORDS)
    assert uses(both) == 10


def test_nothing_landed_gives_an_empty_table_of_the_kind(world):
    table = dataset_table(connect("duckdb"), world.home.id, Kind.WORKFORCE)
    assert count(table) == 0
    assert "role_category" in table.columns


def test_sensitive_services_are_listed(world):
    shelter = Service.objects.create(
        municipality=world.home,
        directorate=world.social,
        name={"tr": "Şiddet önleme danışmanlığı"},
        key="siddet onleme danismanligi",
        sensitive=True,
    )
    Service.objects.create(
        municipality=world.home,
        directorate=world.social,
        name={"tr": "Kurs"},
        key="kurs",
    )
    assert sensitive_service_ids(world.home.id) == {shelter.id}
    assert sensitive_service_ids([world.other.id]) == set()
