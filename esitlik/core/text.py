"""Turkish-aware text handling.

Python's ``str.lower()`` maps "I" to "i" and ``str.upper()`` maps "i" to "I"; in Turkish the
dotless and dotted letters are separate: I ↔ ı and İ ↔ i. Names of people, places and
directorates are compared and sorted with these helpers, never with the built-ins.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_UPPER = str.maketrans({"i": "İ", "ı": "I"})

ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
# Letters outside the Turkish alphabet (q, w, x, accented Latin) sort after their base letter.
_RANK = {letter: index for index, letter in enumerate(ALPHABET)}
_FOREIGN = {"q": "p", "w": "v", "x": "v"}


def tr_lower(text: str) -> str:
    return text.translate(_LOWER).lower()


def tr_upper(text: str) -> str:
    return text.translate(_UPPER).upper()


def tr_title(text: str) -> str:
    """ "ışık İZMİT" → "Işık İzmit": the first letter of each word upper, the rest lower."""
    return " ".join(tr_upper(word[:1]) + tr_lower(word[1:]) for word in text.split(" "))


def tr_casefold(text: str) -> str:
    """A key for case-insensitive equality in Turkish ("IĞDIR" == "ığdır", "İzmit" == "izmit").

    Whitespace is collapsed and Unicode normalised, so values typed or pasted from Excel with
    stray spaces or decomposed letters still match.
    """
    text = unicodedata.normalize("NFC", text)
    return " ".join(tr_lower(text).split())


def _letter_key(char: str) -> tuple[int, int, str]:
    if char in _RANK:
        return (0, _RANK[char] * 2, char)
    if char in _FOREIGN:
        return (0, _RANK[_FOREIGN[char]] * 2 + 1, char)
    base = unicodedata.normalize("NFD", char)[0]
    if base in _RANK:
        return (0, _RANK[base] * 2 + 1, char)
    if "0" <= char <= "9":
        # Digits before letters, as in a dictionary.
        return (-1, int(char), char)
    if char.isspace():
        return (-2, 0, " ")
    return (1, ord(char), char)


def tr_sort_key(text: str) -> tuple:
    """A key that sorts in Turkish alphabetical order: c ç d … g ğ h ı i … o ö … ş … u ü.

    Case is ignored first and used only to break ties, so "ankara" and "Ankara" sit together.
    """
    folded = tr_casefold(text)
    # Ties between spellings that differ only in case put the capitalised one first.
    case = tuple(0 if char.isupper() else 1 for char in text)
    return (tuple(_letter_key(char) for char in folded), case, text)


def tr_sorted(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    return sorted(items, key=lambda item: tr_sort_key(key(item)))


# A suffix after a number follows the last word of the number read aloud: 96 is "doksan altı",
# so "96'sı"; 40 is "kırk", so "40'ı"; 1.000 is "bin", so "1.000'i".
_ONES = ("sıfır", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz")
_TENS = ("", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan")
_LARGE = ((1_000, "yüz"), (1_000_000, "bin"), (10**9, "milyon"), (10**12, "milyar"))
_VOWELS = "aeıioöuü"
_HARMONY = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}


def _spoken_last_word(number: int) -> str:
    number = abs(number)
    if number % 10 or number == 0:
        return _ONES[number % 10]
    if number % 100:
        return _TENS[number % 100 // 10]
    for size, word in _LARGE:
        if number % size:
            return word
    return "trilyon"


def tr_possessive(number: int, written: str | None = None) -> str:
    """A number with the third-person possessive suffix, as in "214 görüşün 96'sı":
    "1'i", "2'si", "3'ü", "6'sı", "9'u", "40'ı", "100'ü", "1.250'si". ``written`` is the number
    as it should appear (default: Turkish digit grouping)."""
    word = _spoken_last_word(number)
    vowel = _HARMONY[next(char for char in reversed(word) if char in _VOWELS)]
    suffix = ("s" if word[-1] in _VOWELS else "") + vowel
    if written is None:
        written = f"{number:,}".replace(",", ".")
    return f"{written}'{suffix}"
