"""Every spreadsheet the software writes keeps text as text."""

import io

from openpyxl import load_workbook

from esitlik.core.xlsx import add_table, new_book, sheet_name, to_bytes


def test_values_that_look_like_formulas_stay_text_and_numbers_stay_numbers():
    book = new_book()
    add_table(
        book,
        "Görüşler",
        ["Metin", "Sayı"],
        [['=HYPERLINK("http://x")', 3], ["-Kadınlar", 4.5], ["@dernek", None], ["a\x07b", 0]],
    )
    sheet = load_workbook(io.BytesIO(to_bytes(book)))["Görüşler"]
    assert sheet["A2"].value == '=HYPERLINK("http://x")' and sheet["A2"].data_type == "s"
    assert sheet["A2"].quotePrefix and sheet["A3"].quotePrefix and sheet["A4"].quotePrefix
    assert sheet["A5"].value == "ab"
    assert (sheet["B2"].value, sheet["B3"].value) == (3, 4.5)
    assert sheet.freeze_panes == "A2"


def test_sheet_names_fit_excels_rules():
    assert sheet_name("Katılımcılar: cinsiyet / grup [2026]") == "Katılımcılar cinsiyet grup 2026"
    assert len(sheet_name("x" * 50)) == 31
