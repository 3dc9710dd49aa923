"""The privacy guard: identifier columns are refused unless dropped, and never stored."""

import io
import json

import pyarrow.parquet as pq
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from esitlik.datasets import imports, storage
from esitlik.datasets.ingest import files, privacy
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ImportRun
from tests.datasets.helpers import csv_bytes, run_import, stored_rows, xlsx_bytes


def tc_number(first_nine: str) -> str:
    """A Turkish ID number, computed independently of the code under test."""
    d = [int(c) for c in first_nine]
    tenth = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    eleventh = (sum(d) + tenth) % 10
    return f"{first_nine}{tenth}{eleventh}"


ID = "10000000146"  # checksum digits 4 and 6, worked out by hand
IDS = [ID, "12345678950", tc_number("987654321")]


@given(st.integers(100_000_000, 999_999_999))
def test_every_number_with_the_right_check_digits_is_an_id(first_nine):
    assert privacy.tc_number_valid(tc_number(str(first_nine)))


@given(st.integers(100_000_000, 999_999_999), st.integers(1, 9), st.integers(9, 10))
def test_a_wrong_check_digit_is_not_an_id(first_nine, change, position):
    number = list(tc_number(str(first_nine)))
    number[position] = str((int(number[position]) + change) % 10)
    assert not privacy.tc_number_valid("".join(number))


def test_the_known_ids_are_valid_and_a_leading_zero_is_not():
    assert all(privacy.tc_number_valid(number) for number in IDS)
    assert not privacy.tc_number_valid(tc_number("012345678"))
    assert not privacy.tc_number_valid("1234567895")


def test_phone_numbers_and_email_addresses_are_identifiers():
    for phone in ("0532 123 45 67", "+90 (532) 123-4567", "5321234567", "0232 444 12 34"):
        assert privacy.identifier_kind(phone) == "phone", phone
    assert privacy.identifier_kind("ayse.yilmaz@example.org") == "email"
    for harmless in ("2321234567", "46.01.32.14", "1.250.000", "Kadın", "@everyone"):
        assert privacy.identifier_kind(harmless) is None, harmless


def test_names_are_recognised_by_heading_and_by_value():
    assert privacy.scan_column("Adı Soyadı", ["x y", "z w"]) == "name"
    assert privacy.scan_column("Yararlanan", ["AYŞE YILMAZ", "Mehmet Ali Kaya", "Zeynep Ak"]) == (
        "name"
    )
    assert privacy.scan_column("Ad", [12, 40]) is None  # a heading over counts says nothing
    assert privacy.scan_column("Hizmet", ["Kadın Danışma Merkezi", "Spor Kursu"]) is None
    # A known neighbourhood named after a person is not a person.
    known = {"Mehmet Akif Ersoy", "Fatih Sultan Mehmet"}.__contains__
    assert privacy.scan_column("Mahalle", sorted(known.__self__), known=known) is None


def test_a_column_of_id_numbers_is_refused_naming_it(world, catalogue):
    text = "Hizmet;TC Kimlik No;Tarih\n" + "".join(
        f"Sosyal Yardım;{number};01.06.2025\n" for number in IDS
    )
    run = run_import(world, "service-records", csv_bytes(text))
    assert run.status == ImportRun.Status.FAILED
    assert [(p["row"], p["column"], p["letter"], p["rule"], p["value"]) for p in run.problems] == [
        (1, "TC Kimlik No", "B", "identifier", "")
    ]
    assert run.problems[0]["message"] == (
        "The column “TC Kimlik No” (B) seems to hold Turkish ID numbers. Personal identifiers "
        "are never stored: drop the column and import again."
    )
    assert not storage.landed_files(world.home.pk, Kind.SERVICE_RECORDS)


def test_id_numbers_under_any_heading_are_found_by_their_checksum(world, catalogue):
    text = "Hizmet;Numara;Tarih\n" + "".join(f"Sosyal Yardım;{n};01.06.2025\n" for n in IDS)
    run = run_import(world, "service-records", csv_bytes(text))
    assert [p["column"] for p in run.problems] == ["Numara"]
    assert "Turkish ID numbers" in run.problems[0]["message"]


def test_the_file_imports_when_the_column_is_dropped_and_no_id_is_stored(world, catalogue):
    text = "Hizmet;T.C. Kimlik No;Adı Soyadı;Tarih;Telefon\n" + "".join(
        f"Sosyal Yardım;{number};Ayşe Yılmaz;01.06.2025;0532 123 45 67\n" for number in IDS
    )
    run = run_import(
        world,
        "service-records",
        csv_bytes(text),
        drop=["t.c. kimlik no", "Adı Soyadı", "TELEFON"],
    )
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert run.dropped_columns == ["T.C. Kimlik No", "Adı Soyadı", "Telefon"]
    assert [r["count"] for r in stored_rows(run)] == [3]  # three alike records, one count
    stored = storage.run_path(run).read_bytes()
    for secret in [*IDS, "Ayşe", "Yılmaz", "532"]:
        assert secret.encode() not in stored
        assert secret not in json.dumps(
            [run.problems, run.summary, run.warnings, run.mapping], ensure_ascii=False
        ).replace("Telefon", "")
    assert (
        pq.read_schema(storage.run_path(run)).names == pq.read_schema(storage.run_path(run)).names
    )  # readable
    assert not files.folder(run).exists()  # the raw upload is gone


def test_the_preview_lists_identifier_columns_and_confirm_wants_them_dropped(world, catalogue):
    data = xlsx_bytes(
        [
            ["Hizmet", "Tarih", "E-posta", "Ad soyad"],
            *[
                ["Sosyal Yardım", "01.06.2025", f"kisi{i}@example.org", "Ali Veli"]
                for i in range(3)
            ],
        ]
    )
    run = imports.import_upload(
        municipality=world.home,
        kind="service_records",
        year=2025,
        data=data,
        file_name="liste.xlsx",
        by=world.alice,
    )
    preview = imports.import_preview(run)
    assert preview.identifiers == [("E-posta", "e-mail addresses"), ("Ad soyad", "people's names")]
    assert [cells[2] for cells in (row["cells"] for row in preview.rows)] == [
        "••• (an e-mail address, not shown)"
    ] * 3
    try:
        imports.import_confirm(run=run, mapping=preview.mapping, drop=["E-posta"], by=world.alice)
    except Exception as error:  # noqa: BLE001
        assert error.message_dict == {
            "drop": [
                "The column “Ad soyad” (D) seems to hold people's names. Personal identifiers "
                "are never stored: drop the column and import again."
            ]
        }
    run = imports.import_confirm(
        run=run, mapping=preview.mapping, drop=["E-posta", "Ad soyad"], by=world.alice
    )
    assert run.status == ImportRun.Status.LANDED, run.problems


def test_an_id_typed_into_a_stored_text_column_is_a_problem_not_shown(world, catalogue):
    text = "Unvan;Cinsiyet\nMemur;K\nİşçi;E\nUzman;K\nŞef;E\n" + f"{ID};K\n"
    run = run_import(world, "workforce", csv_bytes(text))
    assert [(p["row"], p["rule"], p["value"]) for p in run.problems] == [
        (6, "identifier_value", "••• (a Turkish ID number, not shown)")
    ]
    workbook = load_workbook(io.BytesIO(imports.problems_workbook(run)))
    cells = [str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert ID not in " ".join(cells)
    assert "••• (a Turkish ID number, not shown)" in cells
