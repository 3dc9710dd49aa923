"""Service records: one row per service use, from the messy files directorates really send;
stored as counts (``datasets/ingest/counting.py``)."""

from datetime import date

import pyarrow.parquet as pq

from esitlik.datasets import storage
from esitlik.datasets.kinds import STORED_SCHEMAS, Kind
from esitlik.datasets.models import ImportRun
from tests.datasets.helpers import csv_bytes, messages, run_import, stored_rows, xlsx_bytes

MESSY = (
    "Sosyal Hizmetler Müdürlüğü 2025 yılı hizmet kayıtları;;;;;;;\n"
    ";;;;;;;\n"
    "HİZMET ADI;Hizmet Tarihi;CİNSİYETİ;Doğum Yılı;Engel Durumu;Mahalle;Uyruğu;Başvuru Durumu\n"
    "Kadın Danışma Merkezi;15.03.2025;KADIN;1980;Hayır;ATATÜRK;T.C.;Yararlandı\n"
    "SOSYAL YARDIM;01.12.2025;e;1950;Evet;İnönü Mah.;Geçici Koruma;Ret\n"
    ";;;;;;;\n"
    "meslek edindirme kursu;2.1.2025;Kadın;2001;;Çamlık;;Başvuru\n"
    "MEK;31.12.2025;Belirtilmemiş;;hayır;Işıklar;Yabancı;\n"
)


def test_it_imports_a_messy_windows_1254_semicolon_file(world, catalogue):
    run = run_import(world, "service-records", csv_bytes(MESSY, "cp1254"), "kayıtlar.csv")
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert (run.rows_read, run.rows_stored) == (4, 4)
    assert pq.read_schema(storage.run_path(run)) == STORED_SCHEMAS[Kind.SERVICE_RECORDS]
    rows = stored_rows(run)
    places = catalogue.neighbourhoods
    assert [
        (
            r["service_id"],
            r["sex"],
            r["age_band"],
            r["disability"],
            r["neighbourhood_id"],
            r["migration"],
            r["outcome"],
            r["count"],
        )
        for r in rows
    ] == sorted(
        [
            (catalogue.counselling.pk, "woman", "45-49", "no", places["Atatürk"].pk, "citizen")
            + ("received", 1),
            (catalogue.aid.pk, "man", "75-79", "yes", places["İnönü"].pk, "refugee")
            + ("rejected", 1),
            (catalogue.course.pk, "woman", "20-24", "not_stated", places["Çamlık"].pk)
            + ("not_stated", "applied", 1),
            (catalogue.course.pk, "not_stated", None, "no", places["Işıklar"].pk, "foreign")
            + (None, 1),
        ],
        key=lambda r: (r[0], r[1]),
    )
    assert {r["date"] for r in rows} == {None}
    assert {r["directorate_id"] for r in rows} == {world.social.pk}
    assert {(r["municipality_id"], r["run_id"], r["year"]) for r in rows} == {
        (world.home.pk, run.pk, 2025)
    }
    assert run.summary["by_sex"] == {"woman": 2, "man": 1, "not_stated": 1}
    assert run.summary["by_service"] == {
        str(catalogue.counselling.pk): 1,
        str(catalogue.aid.pk): 1,
        str(catalogue.course.pk): 2,
    }


def test_records_are_stored_as_counts_without_their_dates_and_ages(world, catalogue):
    """Special-category data is never stored per person: records alike in every figure's
    column become one count, whatever their day and exact age."""
    text = (
        "Hizmet;Tarih;Cinsiyet;Yaş;Engel durumu;Mahalle\n"
        "Kadın Danışma Merkezi;03.03.2025;Kadın;37;Evet;Atatürk\n"
        "Kadın Danışma Merkezi;17.09.2025;Kadın;39;Evet;Atatürk\n"
        "Kadın Danışma Merkezi;17.09.2025;Kadın;40;Evet;Atatürk\n"
        "Kadın Danışma Merkezi;18.09.2025;Kadın;;;\n"
        "Kadın Danışma Merkezi;19.09.2025;Kadın;;;\n"
    )
    run = run_import(world, "service-records", csv_bytes(text))
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert (run.rows_read, run.rows_stored) == (5, 3)
    assert run.summary["by_sex"] == {"woman": 5}
    schema = pq.read_schema(storage.run_path(run))
    assert "age" not in schema.names
    rows = stored_rows(run)
    atatürk = catalogue.neighbourhoods["Atatürk"].pk
    assert [(r["age_band"], r["disability"], r["neighbourhood_id"], r["count"]) for r in rows] == [
        ("35-39", "yes", atatürk, 2),
        ("40-44", "yes", atatürk, 1),
        (None, "not_stated", None, 2),
    ]
    assert {r["date"] for r in rows} == {None}


def test_it_numbers_problem_rows_as_a_spreadsheet_does(world, catalogue):
    text = MESSY.replace("2.1.2025", "2.1.2024").replace("SOSYAL YARDIM", "Sosyal Yardımlar")
    run = run_import(world, "service-records", csv_bytes(text, "cp1254"))
    assert run.status == ImportRun.Status.FAILED
    assert [(p["row"], p["column"], p["letter"], p["value"], p["rule"]) for p in run.problems] == [
        (5, "HİZMET ADI", "A", "Sosyal Yardımlar", "unknown_service"),
        (7, "Hizmet Tarihi", "B", "2.1.2024", "date_outside_year"),
    ]
    assert "“Sosyal Yardımlar” is not in the service catalogue" in run.problems[0]["message"]
    assert run.problems[1]["message"] == (
        "The date 02.01.2024 is not in 2025, the year of this import."
    )
    assert run.summary["unknown"] == [
        {
            "column": "HİZMET ADI",
            "letter": "A",
            "rule": "unknown_service",
            "value": "Sosyal Yardımlar",
            "rows": 1,
        }
    ]
    assert not storage.landed_files(world.home.pk, Kind.SERVICE_RECORDS)


def test_it_imports_utf8_with_a_byte_order_mark_and_commas(world, catalogue):
    text = (
        "Service,Date,Sex,Age,Age band\n"
        "Women's counselling centre,2025-06-30,Female,34,30-34\n"
        '"Sosyal Yardım",2025-07-01,M,,"85+"\n'
    )
    run = run_import(world, "service-records", csv_bytes(text, bom=True))
    assert run.status == ImportRun.Status.LANDED, run.problems
    rows = stored_rows(run)
    assert [(r["service_id"], r["sex"], r["age_band"], r["count"]) for r in rows] == sorted(
        [(catalogue.counselling.pk, "woman", "30-34", 1), (catalogue.aid.pk, "man", "85+", 1)]
    )


def test_it_imports_a_workbook_with_excel_dates_and_whole_numbers(world, catalogue):
    data = xlsx_bytes(
        [
            ["2025 hizmet kayıtları"],
            ["Hizmet adı", "Tarih", "Cinsiyet", "Yaş", "Mahalle"],
            ["Kadın Danışma Merkezi", date(2025, 3, 15), "K", 41, "Cumhuriyet"],
            [],
            ["Spor Kursları", 45900, "Erkek", 12.0, "Atatürk"],
        ]
    )
    # The dates are read as dates (Excel's serial 45900 is 31 August 2025): given 2024 as the
    # year, both are refused with the day they stand for.
    wrong_year = run_import(world, "service-records", data, "kayıtlar.xlsx", year=2024)
    assert [p["message"] for p in wrong_year.problems] == [
        "The date 15.03.2025 is not in 2024, the year of this import.",
        "The date 31.08.2025 is not in 2024, the year of this import.",
    ]
    run = run_import(world, "service-records", data, "kayıtlar.xlsx")
    assert run.status == ImportRun.Status.LANDED, run.problems
    rows = stored_rows(run)
    assert [
        (r["service_id"], r["year"], r["sex"], r["age_band"], r["directorate_id"]) for r in rows
    ] == sorted(
        [
            (catalogue.counselling.pk, 2025, "woman", "40-44", world.social.pk),
            (catalogue.sports.pk, 2025, "man", "10-14", world.parks.pk),
        ],
        key=lambda r: (r[4], r[0]),
    )


def test_workbook_problems_give_the_sheets_row_numbers(world, catalogue):
    data = xlsx_bytes(
        [
            ["Başlık"],
            [],
            ["Hizmet adı", "Tarih", "Yaş"],
            ["Kadın Danışma Merkezi", date(2025, 3, 15), 41],
            [],
            ["Kadın Danışma Merkezi", date(2025, 3, 16), 130],
        ]
    )
    run = run_import(world, "service-records", data, "kayıtlar.xlsx")
    assert [(p["row"], p["letter"], p["value"]) for p in run.problems] == [(6, "C", "130")]
    assert run.problems[0]["message"] == "Write a whole number from 0 to 120."


def test_ages_birth_years_and_bands_must_agree(world, catalogue):
    text = (
        "Hizmet;Tarih;Yaş;Doğum yılı;Yaş grubu\n"
        "Sosyal Yardım;01.06.2025;40;1985;40-44\n"  # 40 fits 1985 (39 or 40)
        "Sosyal Yardım;01.06.2025;30;1985;30-34\n"  # 30 does not fit 1985
        "Sosyal Yardım;01.06.2025;;1985;30-34\n"  # the band does not fit the birth year
        "Sosyal Yardım;01.06.2025;;2026;\n"  # born after the record
        "Sosyal Yardım;01.06.2025;22;;25-29\n"  # the band does not fit the age
    )
    run = run_import(world, "service-records", csv_bytes(text))
    assert [(p["row"], p["letter"], p["rule"]) for p in run.problems] == [
        (3, "C", "age_birth_year"),
        (4, "E", "age_band_mismatch"),
        (5, "D", "type"),
        (6, "E", "age_band_mismatch"),
    ]
    assert run.problems[0]["message"] == "Age 30 does not fit birth year 1985 (39–40 in 2025)."
    assert run.problems[2]["message"] == "Write a whole number from 1905 to 2025."


def test_age_comes_from_the_birth_year_at_the_records_date(world, catalogue):
    text = "Hizmet;Tarih;Doğum yılı\nSosyal Yardım;01.06.2025;2000\nSosyal Yardım;02.06.2025;1940\n"
    run = run_import(world, "service-records", csv_bytes(text))
    assert [(r["age_band"], r["count"]) for r in stored_rows(run)] == [("25-29", 1), ("85+", 1)]


def test_a_run_for_a_directorate_refuses_services_of_another(world, catalogue):
    text = "Hizmet;Tarih\nSosyal Yardım;01.06.2025\nSpor Kursları;01.06.2025\n"
    run = run_import(world, "service-records", csv_bytes(text), directorate=world.social)
    assert [(p["row"], p["rule"]) for p in run.problems] == [(3, "service_directorate")]
    assert run.problems[0]["message"] == (
        "“Spor Kursları” is a service of Park ve Bahçeler Müdürlüğü, not of Sosyal Hizmetler "
        "Müdürlüğü."
    )


def test_a_directorate_column_must_own_the_rows_service(world, catalogue):
    text = "Hizmet;Tarih;Müdürlük\nSosyal Yardım;01.06.2025;SH\nSosyal Yardım;01.06.2025;PB\n"
    run = run_import(world, "service-records", csv_bytes(text))
    assert [(p["row"], p["letter"], p["rule"]) for p in run.problems] == [
        (3, "A", "service_directorate")
    ]


def test_unknown_names_are_summed_up_most_frequent_first(world, catalogue):
    lines = ["Hizmet;Tarih;Mahalle"]
    lines += ["Evde Bakım;01.06.2025;Atatürk"] * 3
    lines += ["Aşevi;01.06.2025;Yokmahalle"]
    run = run_import(world, "service-records", csv_bytes("\n".join(lines)))
    assert run.error_count == 5
    assert [(u["value"], u["rows"], u["letter"]) for u in run.summary["unknown"]] == [
        ("Evde Bakım", 3, "A"),
        ("Aşevi", 1, "A"),
        ("Yokmahalle", 1, "C"),
    ]


def test_a_required_column_may_not_be_empty(world, catalogue):
    text = "Hizmet;Tarih\nSosyal Yardım;\n;01.06.2025\n"
    run = run_import(world, "service-records", csv_bytes(text))
    assert [(p["row"], p["column"], p["rule"]) for p in run.problems] == [
        (2, "Tarih", "required"),
        (3, "Hizmet", "required"),
    ]
    assert run.problems[0]["message"] == "“Tarih” is empty; every row needs it."


def test_a_missing_required_column_refuses_the_file(world, catalogue):
    run = run_import(world, "service-records", csv_bytes("Hizmet;Cinsiyet\nSosyal Yardım;K\n"))
    assert run.status == ImportRun.Status.FAILED
    assert run.problems[0]["rule"] == "mapping"
    assert run.problems[0]["message"] == "Give one of these columns: “Date”."


def test_too_many_not_stated_sexes_is_a_warning_not_an_error(world, catalogue, settings):
    settings.DATASETS_NOT_STATED_SHARE = 0.25
    lines = ["Hizmet;Tarih;Cinsiyet"] + ["Sosyal Yardım;01.06.2025;K"] * 2
    lines += ["Sosyal Yardım;01.06.2025;"]
    run = run_import(world, "service-records", csv_bytes("\n".join(lines)))
    assert run.status == ImportRun.Status.LANDED
    assert run.warnings == [
        {
            "rule": "not_stated_share",
            "message": "Sex is not stated for 33% of the records (more than 25%): figures by "
            "sex will say little.",
        }
    ]


def test_the_year_comes_from_the_dates_when_not_given(world, catalogue):
    text = "Hizmet;Tarih\nSosyal Yardım;01.06.2024\nSosyal Yardım;02.06.2024\n"
    run = run_import(world, "service-records", csv_bytes(text), year=None)
    assert (run.status, run.year) == (ImportRun.Status.LANDED, 2024)
    assert storage.run_relative_path(run).split("/")[2] == "2024"


def test_dates_of_several_years_need_the_year(world, catalogue):
    text = "Hizmet;Tarih\nSosyal Yardım;01.06.2024\nSosyal Yardım;02.06.2025\n"
    run = run_import(world, "service-records", csv_bytes(text), year=None)
    assert run.status == ImportRun.Status.FAILED
    assert messages(run) == [
        "The file holds several years (2024, 2025); give the year, or import each year from "
        "its own file."
    ]


def test_only_the_first_thousand_problems_are_kept_but_all_are_counted(world, catalogue):
    lines = ["Hizmet;Tarih"] + ["Bilinmeyen;01.06.2025"] * 1500
    run = run_import(world, "service-records", csv_bytes("\n".join(lines)))
    assert (len(run.problems), run.error_count) == (1000, 1500)
    assert run.problems[-1]["row"] == 1001
    assert run.summary["unknown"] == [
        {
            "column": "Hizmet",
            "letter": "A",
            "rule": "unknown_service",
            "value": "Bilinmeyen",
            "rows": 1500,
        }
    ]
