"""Counts by sex — service counts, workforce, decision-makers, population — given long (a sex
and a count column) or wide (a column per sex and a total)."""

from datetime import date

import pyarrow.parquet as pq

from esitlik.datasets import storage
from esitlik.datasets.kinds import STORED_SCHEMAS, Kind
from esitlik.datasets.models import ImportRun
from tests.datasets.helpers import csv_bytes, messages, run_import, stored_rows, xlsx_bytes


def test_wide_counts_are_stored_one_row_per_sex_without_zero_rows(world, catalogue):
    text = (
        "Hizmet adı;Yıl;Mahalle;Kadın;Erkek;Diğer;Belirtilmemiş;Toplam\n"
        "Sosyal Yardım;2025;Atatürk;12;8;0;1;21\n"
        "Meslek Edindirme Kursu;2025;İnönü;1.250;0;;;1.250\n"
    )
    run = run_import(world, "service-counts", csv_bytes(text))
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert (run.rows_read, run.rows_stored) == (2, 4)
    assert pq.read_schema(storage.run_path(run)) == STORED_SCHEMAS[Kind.SERVICE_COUNTS]
    rows = stored_rows(run)
    assert [(r["service_id"], r["sex"], r["count"]) for r in rows] == [
        (catalogue.aid.pk, "woman", 12),
        (catalogue.aid.pk, "man", 8),
        (catalogue.aid.pk, "not_stated", 1),
        (catalogue.course.pk, "woman", 1250),
    ]
    assert rows[0]["neighbourhood_id"] == catalogue.neighbourhoods["Atatürk"].pk
    assert run.summary["by_sex"] == {"woman": 1262, "man": 8, "not_stated": 1}
    assert run.summary["by_service"] == {str(catalogue.aid.pk): 21, str(catalogue.course.pk): 1250}


def test_wide_totals_that_do_not_add_up_are_row_and_column_errors(world, catalogue):
    text = (
        "Hizmet adı;Kadın;Erkek;Toplam\n"
        "Sosyal Yardım;12;8;20\n"
        "Sosyal Yardım;5;5;11\n"
        "Sosyal Yardım;5;;4\n"
    )
    run = run_import(world, "service-counts", csv_bytes(text))
    assert run.status == ImportRun.Status.FAILED
    assert [(p["row"], p["column"], p["letter"], p["value"]) for p in run.problems] == [
        (3, "Toplam", "D", "11"),
        (4, "Toplam", "D", "4"),
    ]
    assert run.problems[0]["message"] == "Kadın + Erkek make 10, but the total is 11."
    assert not storage.landed_files(world.home.pk, Kind.SERVICE_COUNTS)


def test_long_counts_keep_every_row_as_written(world, catalogue):
    text = (
        "Hizmet;Cinsiyet;Yaş grubu;Engellilik;Sayı\n"
        "Sosyal Yardım;Kadın;15-19;Evet;3\n"
        "Sosyal Yardım;Erkek;85 ve üzeri;Hayır;0\n"
    )
    run = run_import(world, "service-counts", csv_bytes(text))
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert [(r["sex"], r["age_band"], r["disability"], r["count"]) for r in stored_rows(run)] == [
        ("woman", "15-19", "yes", 3),
        ("man", "85+", "no", 0),
    ]


def test_counts_need_a_count_column_or_columns_per_sex(world, catalogue):
    run = run_import(world, "service-counts", csv_bytes("Hizmet;Cinsiyet\nSosyal Yardım;K\n"))
    assert run.status == ImportRun.Status.FAILED
    assert messages(run)[0].startswith("The column “Count” is missing (also accepted: Sayı")


def test_long_and_wide_counts_cannot_be_mixed(world, catalogue):
    text = "Hizmet;Cinsiyet;Sayı;Kadın;Erkek\nSosyal Yardım;K;1;1;0\n"
    run = run_import(world, "service-counts", csv_bytes(text))
    assert messages(run) == [
        "Give counts either as a sex column with a count column, or as one column per sex "
        "(Women, Men, Other, Not stated, Total), not both."
    ]


def test_workforce_lists_count_one_per_row_and_keep_their_measures(world, catalogue):
    text = (
        "Müdürlük;Unvan;Cinsiyet;İstihdam türü;İşe giren;Terfi;Ayrılan\n"
        "Sosyal Hizmetler Müdürlüğü;Memur;Kadın;Kadrolu;1;0;\n"
        "PB;İşçi;E;Sözleşmeli;;;1\n"
    )
    run = run_import(world, "workforce", csv_bytes(text))
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert pq.read_schema(storage.run_path(run)) == STORED_SCHEMAS[Kind.WORKFORCE]
    rows = stored_rows(run)
    assert [
        (r["directorate_id"], r["grade"], r["sex"], r["contract_type"], r["count"], r["hires"])
        for r in rows
    ] == [
        (world.social.pk, "Memur", "woman", "Kadrolu", 1, 1),
        (world.parks.pk, "İşçi", "man", "Sözleşmeli", 1, None),
    ]
    assert [r["exits"] for r in rows] == [None, 1]


def test_workforce_of_a_directorate_in_wide_form(world, catalogue):
    text = "Unvan grubu;Kadın;Erkek;Toplam\nÜst yönetici;2;5;7\nUzman;10;4;14\n"
    run = run_import(world, "workforce", csv_bytes(text), directorate=world.social)
    assert run.status == ImportRun.Status.LANDED, run.problems
    rows = stored_rows(run)
    assert [(r["role_category"], r["sex"], r["count"], r["directorate_id"]) for r in rows] == [
        ("Üst yönetici", "woman", 2, world.social.pk),
        ("Üst yönetici", "man", 5, world.social.pk),
        ("Uzman", "woman", 10, world.social.pk),
        ("Uzman", "man", 4, world.social.pk),
    ]


def test_hires_cannot_be_split_from_columns_per_sex(world, catalogue):
    text = "Unvan;Kadın;Erkek;İşe giren\nMemur;2;5;1\n"
    run = run_import(world, "workforce", csv_bytes(text))
    assert messages(run) == [
        "Hires, promotions and exits cannot be split by sex from one column per sex; give "
        "them in rows with a sex column."
    ]


def test_decision_makers_as_one_row_per_member(world, catalogue):
    data = xlsx_bytes(
        [
            ["Karar organı", "Kurul adı", "Tarih", "Cinsiyet"],
            ["Meclis", "Belediye Meclisi", date(2025, 4, 1), "Kadın"],
            ["meclis üyesi", "Belediye Meclisi", date(2025, 4, 1), "Erkek"],
            ["Encümen", "", date(2025, 4, 1), "E"],
        ]
    )
    run = run_import(world, "decision-makers", data, "meclis.xlsx")
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert pq.read_schema(storage.run_path(run)) == STORED_SCHEMAS[Kind.DECISION_MAKERS]
    assert [(r["body"], r["body_name"], r["sex"], r["count"]) for r in stored_rows(run)] == [
        ("council", "Belediye Meclisi", "woman", 1),
        ("council", "Belediye Meclisi", "man", 1),
        ("executive_committee", None, "man", 1),
    ]


def test_decision_makers_need_a_date_or_a_year(world, catalogue):
    run = run_import(world, "decision-makers", csv_bytes("Kurul;Kadın;Erkek\nMeclis;3;28\n"))
    assert messages(run) == ["Give one of these columns: “Date”, “Year”."]


def test_population_by_neighbourhood_sex_and_age_band(world, catalogue):
    text = (
        "Yıl;Mahalle;Yaş grubu;Kadın;Erkek;Toplam\n"
        "2025;Atatürk Mahallesi;0-4;120;131;251\n"
        "2025;Cumhuriyet;85+;40;22;62\n"
    )
    run = run_import(world, "population", csv_bytes(text))
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert pq.read_schema(storage.run_path(run)) == STORED_SCHEMAS[Kind.POPULATION]
    places = catalogue.neighbourhoods
    assert [
        (r["neighbourhood_id"], r["sex"], r["age_band"], r["count"]) for r in stored_rows(run)
    ] == [
        (places["Atatürk"].pk, "woman", "0-4", 120),
        (places["Atatürk"].pk, "man", "0-4", 131),
        (places["Cumhuriyet"].pk, "woman", "85+", 40),
        (places["Cumhuriyet"].pk, "man", "85+", 22),
    ]


def test_a_year_column_must_be_the_runs_year(world, catalogue):
    text = "Yıl;Mahalle;Kadın;Erkek\n2024;Atatürk;1;2\n"
    run = run_import(world, "population", csv_bytes(text))
    assert [(p["row"], p["rule"], p["message"]) for p in run.problems] == [
        (2, "year_mismatch", "The year 2024 is not 2025, the year of this import.")
    ]
