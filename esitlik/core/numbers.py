"""Reading numbers the way people type them in Turkish and English offices.

"12.500,50", "12500,50", "1.250.000", "12,500.50" and "12500.50" all mean what their writer
meant. The rule: when both separators appear, the last one is the decimal mark; when only one
kind appears more than once, it groups thousands; a single separator followed by exactly three
digits groups thousands in Turkish ("1.250" is one thousand two hundred and fifty) and is a
decimal mark otherwise.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_ALLOWED = re.compile(r"^[+-]?[\d.,]+$")


def parse_amount(text: str, language: str = "tr") -> Decimal:
    """The number in ``text``; raises ValueError when it is not one."""
    raw = text.strip().replace(" ", "").replace("\u00a0", "").replace("₺", "")
    for suffix in ("TL", "TRY", "tl"):
        raw = raw.removesuffix(suffix)
    if not raw or not _ALLOWED.match(raw):
        raise ValueError(text)
    dots, commas = raw.count("."), raw.count(",")
    if dots and commas:
        decimal_mark = "." if raw.rfind(".") > raw.rfind(",") else ","
    elif dots > 1 or commas > 1:
        decimal_mark = None  # repeated: thousands only
    elif dots or commas:
        mark = "." if dots else ","
        digits_after = len(raw) - raw.rfind(mark) - 1
        groups_thousands = digits_after == 3 and (language.startswith("tr") or mark == ",")
        decimal_mark = None if groups_thousands else mark
    else:
        decimal_mark = None
    thousands = {".", ","} - ({decimal_mark} if decimal_mark else set())
    for mark in thousands:
        raw = raw.replace(mark, "")
    if decimal_mark:
        raw = raw.replace(decimal_mark, ".")
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise ValueError(text) from None
