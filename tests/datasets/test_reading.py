"""Reading files into columns: encodings, separators, the heading row, and row numbers as a
spreadsheet shows them."""

import codecs
from datetime import date

import pytest

from esitlik.core.tabular import TableRefused
from esitlik.datasets.ingest import reading
from esitlik.datasets.ingest.headers import is_header_for
from esitlik.datasets.kinds import Kind
from tests.datasets.helpers import csv_bytes, xlsx_bytes

IS_HEADER = is_header_for(Kind.SERVICE_RECORDS)


def read(tmp_path, data: bytes, name: str = "file.csv", **options) -> reading.RawTable:
    path = tmp_path / "upload"
    path.write_bytes(data)
    reading.forget(path)
    return reading.read(path, name, is_header=IS_HEADER, **options)


def cells(table: reading.RawTable) -> list[tuple[int, list]]:
    return [
        (int(number), [c.values[int(c.indices[i])] for c in table.columns])
        for i, number in enumerate(table.rows)
    ]


def test_windows_1254_semicolons_a_title_and_blank_rows(tmp_path):
    text = (
        "Hizmet kayıtları (İzmir);;\n"
        "\n"
        "HİZMET ADI;CİNSİYETİ;Doğum Yılı\n"
        "Kadın Danışma;Kadın;1980\n"
        "\n"
        ";;\n"
        "Aşevi;Erkek;1990\n"
    )
    table = read(tmp_path, csv_bytes(text, "cp1254"))
    layout = table.layout
    assert (layout.encoding, layout.delimiter, layout.header_row) == ("cp1254", ";", 3)
    assert layout.names == ["HİZMET ADI", "CİNSİYETİ", "Doğum Yılı"]
    assert cells(table) == [
        (4, ["Kadın Danışma", "Kadın", "1980"]),
        (7, ["Aşevi", "Erkek", "1990"]),
    ]


def test_utf8_with_a_byte_order_mark_and_commas(tmp_path):
    table = read(tmp_path, csv_bytes("Service,Sex\nAşevi,K\n", bom=True))
    assert (table.layout.encoding, table.layout.delimiter) == ("utf-8", ",")
    assert table.layout.names == ["Service", "Sex"]
    assert cells(table) == [(2, ["Aşevi", "K"])]


def test_a_late_windows_1254_value_switches_the_whole_file(tmp_path):
    lines = ["Hizmet;Mahalle"] + ["Asevi;Merkez"] * 30_000 + ["Aşevi;Işıklar"]
    table = read(tmp_path, csv_bytes("\n".join(lines), "cp1254"))
    assert table.layout.encoding == "cp1254"
    assert cells(table)[-1] == (30_002, ["Aşevi", "Işıklar"])


def test_a_quoted_value_over_two_lines_is_one_row(tmp_path):
    text = 'Hizmet;Açıklama\nAşevi;"iki\nsatır; bir hücre"\n\nKreş;tek\n'
    table = read(tmp_path, csv_bytes(text))
    assert cells(table) == [(2, ["Aşevi", "iki\r\nsatır; bir hücre"]), (4, ["Kreş", "tek"])]


def test_a_row_wider_than_the_headings_keeps_its_extra_cell(tmp_path):
    text = "Hizmet;Tarih\nAşevi;01.06.2025\nKreş;02.06.2025;not\n\nSpor;03.06.2025\n"
    table = read(tmp_path, csv_bytes(text))
    assert table.layout.names == ["Hizmet", "Tarih", "(C)"]
    assert cells(table) == [
        (2, ["Aşevi", "01.06.2025", ""]),
        (3, ["Kreş", "02.06.2025", "not"]),
        (5, ["Spor", "03.06.2025", ""]),
    ]


def test_utf16_with_tabs(tmp_path):
    data = codecs.BOM_UTF16_LE + "Hizmet\tCinsiyet\r\nAşevi\tK\r\n".encode("utf-16-le")
    table = read(tmp_path, data, "liste.txt")
    assert (table.layout.delimiter, table.layout.names) == ("\t", ["Hizmet", "Cinsiyet"])
    assert cells(table) == [(2, ["Aşevi", "K"])]


def test_old_mac_line_ends(tmp_path):
    table = read(tmp_path, b"Hizmet;Cinsiyet\rAsevi;K\rKres;E\r")
    assert cells(table) == [(2, ["Asevi", "K"]), (3, ["Kres", "E"])]


def test_headings_repeated_or_missing_get_names_of_their_own(tmp_path):
    table = read(tmp_path, csv_bytes("Hizmet;Not;;not\nAşevi;a;b;c\n"))
    assert table.layout.names == ["Hizmet", "Not", "(C)", "not (D)"]


def test_without_a_known_heading_the_first_row_is_the_heading(tmp_path):
    table = read(tmp_path, csv_bytes("Başlık\nA;B\n1;2\n"))
    assert table.layout.header_row == 1


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(TableRefused, match="The file is empty"):
        read(tmp_path, b"\r\n;;\r\n")


def test_workbook_cells_keep_their_types_and_the_sheets_numbers(tmp_path):
    data = xlsx_bytes(
        [["Başlık"], [], ["Hizmet", "Tarih", "Yaş"], ["Aşevi", date(2025, 3, 1), 41], []]
        + [["Kreş", "01.04.2025", 3.0]]
    )
    table = read(tmp_path, data, "veri.xlsx")
    assert (table.layout.source, table.layout.sheet, table.layout.header_row) == (
        "workbook",
        "Veri",
        3,
    )
    assert cells(table) == [
        (4, ["Aşevi", date(2025, 3, 1), 41.0]),
        (6, ["Kreş", "01.04.2025", 3.0]),
    ]


def test_a_workbook_sheet_is_chosen_by_name(tmp_path):
    with pytest.raises(
        TableRefused, match="The workbook has no sheet called “Yok”; its sheets are: Veri."
    ):
        read(tmp_path, xlsx_bytes([["Hizmet"], ["Aşevi"]]), "veri.xlsx", sheet="Yok")
    table = read(tmp_path, xlsx_bytes([["Hizmet"], ["Aşevi"]]), "veri.xlsx", sheet="VERİ")
    assert cells(table) == [(2, ["Aşevi"])]


def test_dropped_columns_are_not_read(tmp_path):
    table = read(tmp_path, csv_bytes("Hizmet;TC\nAşevi;10000000146\n"), skip={"TC"}.__contains__)
    assert [c.name for c in table.columns] == ["Hizmet"]
