import pytest
from hypothesis import given
from hypothesis import strategies as st

from esitlik.core.text import (
    tr_casefold,
    tr_lower,
    tr_possessive,
    tr_sort_key,
    tr_sorted,
    tr_title,
    tr_upper,
)

TURKISH = st.text(alphabet="abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ ")


def test_it_lowers_dotted_and_dotless_i_the_turkish_way():
    assert tr_lower("IĞDIR") == "ığdır"
    assert tr_lower("İZMİT") == "izmit"
    assert tr_lower("ŞİŞLİ") == "şişli"


def test_it_uppers_dotted_and_dotless_i_the_turkish_way():
    assert tr_upper("izmit") == "İZMİT"
    assert tr_upper("ığdır") == "IĞDIR"
    assert tr_upper("çankaya ödemiş ümraniye") == "ÇANKAYA ÖDEMİŞ ÜMRANİYE"


def test_it_titles_place_names():
    assert tr_title("ışık İZMİT") == "Işık İzmit"
    assert tr_title("iĞDIR") == "İğdır"


def test_it_compares_case_insensitively_with_stray_spaces():
    assert tr_casefold("  IĞDIR ") == tr_casefold("ığdır")
    assert tr_casefold("İzmit") == tr_casefold("İZMİT")
    assert tr_casefold("Izmit") != tr_casefold("İzmit")  # dotless I is a different letter


def test_it_treats_decomposed_letters_as_composed():
    decomposed = "S\u0327is\u0327li"  # Ş and ş written as S/s + combining cedilla
    assert tr_casefold(decomposed) == tr_casefold("Şişli")


def test_it_sorts_in_turkish_alphabetical_order():
    names = [
        "Ümraniye",
        "Şişli",
        "Ödemiş",
        "İzmit",
        "Iğdır",
        "Çankaya",
        "Ankara",
        "Zonguldak",
        "Uşak",
        "Sinop",
        "Ordu",
        "Hatay",
        "Giresun",
        "Ğ-test",
        "Cizre",
    ]
    assert tr_sorted(names) == [
        "Ankara",
        "Cizre",
        "Çankaya",
        "Giresun",
        "Ğ-test",
        "Hatay",
        "Iğdır",
        "İzmit",
        "Ordu",
        "Ödemiş",
        "Sinop",
        "Şişli",
        "Uşak",
        "Ümraniye",
        "Zonguldak",
    ]


def test_it_ignores_case_when_sorting():
    assert tr_sorted(["ırmak", "Irmak", "ilçe", "İlçe"], key=str) == [
        "Irmak",
        "ırmak",
        "İlçe",
        "ilçe",
    ]


def test_it_sorts_foreign_letters_next_to_their_base():
    assert tr_sorted(["Wien", "Van", "Yalova", "Quebec", "Rize", "Paris"]) == [
        "Paris",
        "Quebec",
        "Rize",
        "Van",
        "Wien",
        "Yalova",
    ]


@given(TURKISH)
def test_it_round_trips_case_for_turkish_letters(text):
    assert tr_lower(tr_upper(text)) == tr_lower(text)
    assert tr_upper(tr_lower(text)) == tr_upper(text)


@given(st.text())
def test_it_builds_a_sort_key_for_any_text(text):
    key = tr_sort_key(text)
    assert key == tr_sort_key(text)
    assert tr_casefold(tr_casefold(text)) == tr_casefold(text)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (0, "0'ı"),
        (1, "1'i"),
        (2, "2'si"),
        (3, "3'ü"),
        (4, "4'ü"),
        (5, "5'i"),
        (6, "6'sı"),
        (7, "7'si"),
        (8, "8'i"),
        (9, "9'u"),
        (10, "10'u"),
        (20, "20'si"),
        (30, "30'u"),
        (40, "40'ı"),
        (50, "50'si"),
        (60, "60'ı"),
        (70, "70'i"),
        (80, "80'i"),
        (90, "90'ı"),
        (96, "96'sı"),
        (100, "100'ü"),
        (300, "300'ü"),
        (1000, "1.000'i"),
        (1250, "1.250'si"),
        (2_000_000, "2.000.000'u"),
        (3_000_000_000, "3.000.000.000'ı"),
    ],
)
def test_it_adds_the_possessive_suffix_a_number_takes_when_read_aloud(number, expected):
    assert tr_possessive(number) == expected
