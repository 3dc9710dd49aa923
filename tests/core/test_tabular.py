"""Reading uploaded tables: CSV in the encodings and separators offices produce, workbooks,
headings matched the Turkish way, cells read as people type them."""

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import Workbook

from esitlik.core.tabular import (
    CellError,
    Column,
    Limits,
    TableRefused,
    cell_date,
    cell_integer,
    cell_number,
    cell_text,
    column_letter,
    header_finder,
    match_columns,
    match_key,
    read_table,
)

COLUMNS = (
    Column("text", "Text", aliases=("Metin", "Görüş"), required=True),
    Column("kind", "Kind", aliases=("Tür",), required=True),
    Column("groups", "Target groups", aliases=("Hedef gruplar",)),
    Column("amount", "Amount", aliases=("Tutar",)),
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def workbook(*sheets) -> bytes:
    """sheets: (name, rows) pairs."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_it_reads_windows_1254_csv_with_semicolons_and_decimal_commas():
    data = "Metin;Tür;Tutar\nIşıklı yol yok;Sorun;12,5\nİğne atölyesi;Öneri;1.250,75\n".encode(
        "cp1254"
    )
    table = read_table(data, "liste.csv")
    assert (table.encoding, table.delimiter) == ("cp1254", ";")
    assert table.headers == ["Metin", "Tür", "Tutar"]
    assert [row.cells for row in table.rows] == [
        ["Işıklı yol yok", "Sorun", "12,5"],
        ["İğne atölyesi", "Öneri", "1.250,75"],
    ]
    assert [row.number for row in table.rows] == [2, 3]
    assert cell_number(table.rows[0][2]) == Decimal("12.5")
    assert cell_number(table.rows[1][2]) == Decimal("1250.75")


def test_it_reads_utf8_with_a_byte_order_mark_and_commas():
    data = '\ufeffMetin,Tür\n"Şişli, Çankaya",Sorun\n'.encode()
    table = read_table(data, "kobo.csv")
    assert (table.encoding, table.delimiter) == ("utf-8", ",")
    assert table.headers == ["Metin", "Tür"]  # no BOM glued to the first heading
    assert table.rows[0].cells == ["Şişli, Çankaya", "Sorun"]


def test_it_reads_tab_separated_utf16_as_excel_saves_unicode_text():
    data = "Metin\tTür\nÜmraniye\tİhtiyaç\n".encode("utf-16")
    table = read_table(data, "liste.txt")
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert table.rows[0].cells == ["Ümraniye", "İhtiyaç"]


def test_empty_rows_are_dropped_and_the_others_keep_their_numbers():
    data = b"Metin;Tur\n\nA;Sorun\n;;\nB;Sorun\n;\n\n;;;\n"
    table = read_table(data, "liste.csv")
    assert [(row.number, row.cells) for row in table.rows] == [
        (3, ["A", "Sorun"]),
        (5, ["B", "Sorun"]),
    ]


def test_a_title_above_the_headings_is_looked_past():
    data = "Muhtarlar, çalıştay görüşleri\n\nMetin;Tür\nA, B ve C;Sorun\n".encode()
    table = read_table(data, "liste.csv", is_header=header_finder(COLUMNS))
    assert table.header_row == 3
    assert table.headers == ["Metin", "Tür"]
    assert [(row.number, row.cells) for row in table.rows] == [(4, ["A, B ve C", "Sorun"])]


def test_it_reads_the_first_non_empty_sheet_of_a_workbook_with_dates_and_numbers():
    data = workbook(
        ("Boş", []),
        ("Görüşler", [["Metin", "Tarih", "Tutar"], ["A", date(2026, 3, 14), 12.5], [None] * 3]),
    )
    table = read_table(data, "liste.xlsx")
    assert (table.source, table.sheet) == ("workbook", "Görüşler")
    assert table.rows[0].number == 2
    assert cell_date(table.rows[0][1]) == date(2026, 3, 14)
    assert cell_number(table.rows[0][2]) == Decimal("12.5")
    assert len(table.rows) == 1


def test_it_reads_a_named_sheet_and_names_the_sheets_when_it_is_missing():
    data = workbook(("Birinci", [["a"], ["1"]]), ("İkinci", [["b"], ["2"]]))
    assert read_table(data, "x.xlsx", sheet="ikinci").headers == ["b"]
    with pytest.raises(TableRefused, match="no sheet called “Üçüncü”; its sheets are: Birinci"):
        read_table(data, "x.xlsx", sheet="Üçüncü")


def test_the_content_decides_a_workbook_saved_as_csv_is_read_as_a_workbook():
    data = workbook(("S", [["Metin"], ["A"]]))
    assert read_table(data, "yanlis-ad.csv").source == "workbook"


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"%PDF-1.4 ...", "belge.pdf", "is neither"),
        (b"not a zip", "liste.xlsx", "could not be read as a table"),
        (b"\x00\x01\x02binary", "liste.csv", "could not be read as a table"),
        (b"   \n\n", "liste.csv", "The file is empty"),
        (b";;;\n;;\n", "liste.csv", "The file is empty"),
    ],
)
def test_unreadable_or_wrong_files_are_refused_with_a_reason(data, name, words):
    with pytest.raises(TableRefused, match=words):
        read_table(data, name)


def test_too_large_too_long_and_too_wide_tables_are_refused():
    limits = Limits(max_bytes=1000, max_rows=3, max_columns=3)
    with pytest.raises(TableRefused, match="larger than"):
        read_table(b"a\n" * 600, "x.csv", limits=limits)
    with pytest.raises(TableRefused, match="more than 3 rows or 3 columns"):
        read_table(b"a\n1\n2\n3\n4\n", "x.csv", limits=limits)
    with pytest.raises(TableRefused, match="more than 3 rows or 3 columns"):
        read_table(b"a;b;c;d\n1;2;3;4\n", "x.csv", limits=limits)
    limits = Limits(max_rows=3, max_columns=3)
    with pytest.raises(TableRefused, match="more than 3 rows or 3 columns"):
        read_table(workbook(("S", [["a"], [1], [2], [3], [4]])), "x.xlsx", limits=limits)
    with pytest.raises(TableRefused, match="more than 3 rows or 3 columns"):
        read_table(workbook(("S", [["a", "b", "c", "d"]])), "x.xlsx", limits=limits)


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (2 * 1024 * 1024))
    limits = Limits(max_unpacked_bytes=1024 * 1024)
    with pytest.raises(TableRefused, match="unpacks to far more"):
        read_table(out.getvalue(), "bomba.xlsx", limits=limits)


def test_headings_match_whatever_their_case_spacing_or_turkish_letters():
    assert match_key("  HEDEF   GRUPLARI ") == match_key("hedef gruplari")
    assert match_key("Hedef_Grupları") == "hedef gruplari"
    assert match_key("İĞNE ŞİŞ ÇÖP ÜZÜM") == "igne sis cop uzum"
    assert match_key("IĞDIR") == match_key("ığdır") == "igdir"
    data = "  metın  ;TÜR;hedef_gruplar;notlar\nA;Sorun;Kadınlar;x\n".encode()
    mapping = match_columns(read_table(data, "x.csv"), COLUMNS)
    assert mapping.index == {"text": 0, "kind": 1, "groups": 2}
    assert mapping.header("text") == "metın"
    assert mapping.letter("groups") == "C"
    assert mapping.ignored == [3]


def test_survey_headings_are_matched_by_their_last_path_segment():
    data = b"start;group_a/Metin;group_a/group_b/tur;_uuid\n1;A;Sorun;u\n"
    mapping = match_columns(read_table(data, "kobo.csv"), COLUMNS)
    assert mapping.index == {"text": 1, "kind": 2}
    assert mapping.ignored == [0, 3]


def test_missing_duplicate_and_unknown_headings_are_refused_by_name():
    with pytest.raises(TableRefused, match="column “Kind” is missing .also accepted: Tür"):
        match_columns(read_table(b"Metin\nA\n", "x.csv"), COLUMNS)
    with pytest.raises(
        TableRefused,
        match="“Metin” .A. and “Görüş” .C. both give “Text”; keep one",
    ):
        match_columns(read_table("Metin;Tür;Görüş\nA;B;C\n".encode(), "x.csv"), COLUMNS)
    with pytest.raises(TableRefused, match="No column heading was recognised"):
        match_columns(read_table(b"1;2\n3;4\n", "x.csv"), COLUMNS)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("14.03.2026", date(2026, 3, 14)),
        ("14/03/2026", date(2026, 3, 14)),
        ("2026-03-14", date(2026, 3, 14)),
        ("2026-03-14T10:22:33.000+03:00", date(2026, 3, 14)),
        (46095, date(2026, 3, 14)),
        (46095.0, date(2026, 3, 14)),
        ("46095", date(2026, 3, 14)),
        (datetime(2026, 3, 14, 9, 30), date(2026, 3, 14)),
        ("", None),
    ],
)
def test_dates_are_read_typed_stored_or_as_excel_serials(raw, expected):
    assert cell_date(raw) == expected


@pytest.mark.parametrize("raw", ["14.13.2026", "yarın", 2026, True])
def test_a_date_that_cannot_be_read_says_how_to_write_it(raw):
    with pytest.raises(CellError, match="Write a date as 31.12.2026"):
        cell_date(raw)


def test_numbers_and_whole_numbers():
    assert cell_number("12,5") == Decimal("12.5")
    assert cell_number(12.0) == Decimal(12)
    assert cell_integer("1.234") == 1234
    with pytest.raises(CellError, match="whole number from 0 to 10"):
        cell_integer("11", 0, 10)
    with pytest.raises(CellError, match="Write a number"):
        cell_number("on iki")


def test_cells_are_shown_as_the_user_wrote_them():
    assert cell_text(12.0) == "12"
    assert cell_text(date(2026, 3, 14)) == "14.03.2026"
    assert cell_text("  a  ") == "a"
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
