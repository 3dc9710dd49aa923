"""A municipality's own dimensions in its files: found by name or alias, values matched to
their list, stored in ``x_<key>``, read back beside older files that lack the column."""

import pyarrow.parquet as pq
import pytest

from esitlik.analytics.backend import connect
from esitlik.datasets import imports, storage
from esitlik.datasets.dimensions import dimension_create, dimension_delete, schema_for
from esitlik.datasets.kinds import STORED_SCHEMAS, Kind
from esitlik.datasets.models import ImportRun
from esitlik.datasets.tables import dataset_table
from tests.datasets.helpers import csv_bytes, run_import, stored_rows, xlsx_bytes


@pytest.fixture
def household(world):
    return dimension_create(
        municipality=world.home,
        name={"tr": "Hane Tipi", "en": "Household type"},
        aliases="Aile yapısı",
        values="Tek ebeveynli\nÇekirdek aile\nYalnız yaşayan",
        by=world.alice,
    )


@pytest.fixture
def school(world):
    return dimension_create(municipality=world.home, name="Eğitim durumu", by=world.alice)


def test_a_dimension_is_read_by_its_name_and_its_values_as_listed(world, catalogue, household):
    text = (
        "Hizmet;Tarih;Cinsiyet;HANE TİPİ\n"
        "Sosyal Yardım;01.06.2025;K;tek ebeveynli\n"
        "Sosyal Yardım;02.06.2025;E;ÇEKİRDEK AİLE\n"
        "Sosyal Yardım;03.06.2025;K;\n"
    )
    run = run_import(world, "service-records", csv_bytes(text))
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert run.mapping["HANE TİPİ"] == "x_hane_tipi"
    assert [(r["sex"], r["x_hane_tipi"]) for r in stored_rows(run)] == [
        ("man", "Çekirdek aile"),
        ("woman", "Tek ebeveynli"),
        ("woman", None),
    ]
    assert pq.read_schema(storage.run_path(run)).names[-1] == "x_hane_tipi"


def test_a_value_off_the_list_is_a_problem_naming_row_column_and_the_list(
    world, catalogue, household
):
    text = (
        "Hizmet;Tarih;Cinsiyet;Aile yapısı\n"
        "Sosyal Yardım;01.06.2025;K;Geniş aile\n"
        "Sosyal Yardım;02.06.2025;E;Yalnız yaşayan\n"
    )
    run = run_import(world, "service-records", csv_bytes(text))
    assert run.status == ImportRun.Status.FAILED
    assert [(p["row"], p["column"], p["letter"], p["value"], p["rule"]) for p in run.problems] == [
        (2, "Aile yapısı", "D", "Geniş aile", "unknown_value")
    ]
    assert run.problems[0]["message"] == (
        "“Geniş aile” is not one of: Tek ebeveynli, Çekirdek aile, Yalnız yaşayan."
    )
    assert not storage.landed_files(world.home.pk, Kind.SERVICE_RECORDS)


def test_a_dimension_without_a_list_keeps_text_as_written_and_refuses_none(
    world, catalogue, school
):
    long = "x" * 201
    text = (
        "Hizmet;Tarih;Cinsiyet;Eğitim durumu\n"
        "Sosyal Yardım;01.06.2025;K;  Lise  \n"
        f"Sosyal Yardım;02.06.2025;E;{long}\n"
    )
    refused = run_import(world, "service-records", csv_bytes(text))
    assert refused.status == ImportRun.Status.FAILED
    assert [(p["row"], p["column"]) for p in refused.problems] == [(3, "Eğitim durumu")]
    assert "200" in refused.problems[0]["message"]
    fixed = text.replace(long, "Üniversite")
    run = run_import(world, "service-records", csv_bytes(fixed), name="fixed.csv")
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert [(r["sex"], r["x_egitim_durumu"]) for r in stored_rows(run)] == [
        ("man", "Üniversite"),
        ("woman", "Lise"),
    ]


def test_service_counts_in_wide_form_carry_the_dimension_to_each_sex(world, catalogue, household):
    text = (
        "Hizmet adı;Yıl;Hane tipi;Kadın;Erkek;Toplam\n"
        "Sosyal Yardım;2025;Tek ebeveynli;12;3;15\n"
        "Sosyal Yardım;2025;Yalnız yaşayan;4;6;10\n"
    )
    run = run_import(world, "service-counts", csv_bytes(text))
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert [(r["x_hane_tipi"], r["sex"], r["count"]) for r in stored_rows(run)] == [
        ("Tek ebeveynli", "woman", 12),
        ("Tek ebeveynli", "man", 3),
        ("Yalnız yaşayan", "woman", 4),
        ("Yalnız yaşayan", "man", 6),
    ]


def test_a_dimension_is_mapped_by_hand_and_offered_in_the_preview(world, catalogue, household):
    rows = [
        ["Hizmet", "Tarih", "Cinsiyet", "Ev durumu"],
        ["Sosyal Yardım", "01.06.2025", "K", "Tek ebeveynli"],
    ]
    run = imports.import_upload(
        municipality=world.home,
        kind="service-records",
        year=2025,
        data=xlsx_bytes(rows),
        file_name="ev.xlsx",
        by=world.alice,
    )
    preview = imports.import_preview(run)
    assert ("x_hane_tipi", "Household type") in preview.fields
    assert preview.mapping["Ev durumu"] == ""
    mapping = dict(preview.mapping, **{"Ev durumu": "Household type"})
    run = imports.import_confirm(run=run, mapping=mapping, drop=[], by=world.alice)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert stored_rows(run)[0]["x_hane_tipi"] == "Tek ebeveynli"


def test_other_kinds_and_other_municipalities_do_not_take_the_dimension(
    world, catalogue, household
):
    from esitlik.datasets.dimensions import spec_for

    assert "x_hane_tipi" not in {
        f.key for f in spec_for(world.home.pk, Kind.WORKFORCE).all_fields()
    }
    assert "x_hane_tipi" not in {
        f.key for f in spec_for(world.other.pk, Kind.SERVICE_RECORDS).all_fields()
    }


def test_files_from_before_a_dimension_read_back_with_nulls_beside_newer_ones(world, catalogue):
    before = "Hizmet;Tarih;Cinsiyet\nSosyal Yardım;01.05.2025;K\n"
    assert run_import(world, "service-records", csv_bytes(before), name="a.csv").status == "landed"
    dimension = dimension_create(
        municipality=world.home, name="Hane tipi", values="Tek ebeveynli", by=world.alice
    )
    after = "Hizmet;Tarih;Cinsiyet;Hane tipi\nSosyal Yardım;01.06.2025;E;Tek ebeveynli\n"
    assert run_import(world, "service-records", csv_bytes(after), name="b.csv").status == "landed"
    table = dataset_table(connect("duckdb"), world.home.pk, Kind.SERVICE_RECORDS, 2025)
    assert list(table.schema().names) == schema_for(world.home.pk, Kind.SERVICE_RECORDS).names
    frame = table.order_by("sex").execute()  # stored as counts: no dates to order by
    assert list(frame["sex"]) == ["man", "woman"]
    assert list(frame["x_hane_tipi"].fillna("—")) == ["Tek ebeveynli", "—"]
    # Removed, the dimension's column leaves the table; its values stay in the file.
    dimension_delete(dimension=dimension, by=world.alice)
    table = dataset_table(connect("duckdb"), world.home.pk, Kind.SERVICE_RECORDS, 2025)
    assert list(table.schema().names) == STORED_SCHEMAS[Kind.SERVICE_RECORDS].names
    assert int(table.count().execute()) == 2
