"""Hostile input shared by the tests of tests/hostile/ (issue #9): bytes that are not what
their name says, text in the encodings offices save in, CSVs with stray separators, quotes,
line ends and NULs, real workbooks cut at a random byte, and the strings an attacker types
into a text field."""

from __future__ import annotations

import io

from hypothesis import strategies as st
from openpyxl import Workbook

# What a reader may meet in a CSV besides text: every separator it sniffs (and one it does
# not), quotes, every kind of line end, NUL, a byte-order mark in the middle.
_CSV_PIECES = [";", ",", "\t", "|", '"', "'", "\r\n", "\n", "\r", "\x00", "\ufeff", " ", "="]
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1254", "latin-1")

# The hostile strings every text field is given.
XSS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "'><svg/onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "{{ request }}{% debug %}",
)
ODD = (
    "\u202eevil\u202c",  # right-to-left override
    "a\x00b",  # NUL
    "\ud800",  # lone surrogate
    "x" * 10_000,
    "İıŞşĞğ",
    '=HYPERLINK("http://x")',
    " ",
)
HOSTILE = XSS + ODD

hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.builds(lambda a, b: a + b, st.sampled_from(XSS), st.text(max_size=20)),
    st.text(max_size=60),
)

# Text with no surrogates, so that it can be encoded.
_piece = st.sampled_from(_CSV_PIECES) | st.characters(blacklist_categories=("Cs",))
_encodable = st.lists(_piece, max_size=300).map("".join)


@st.composite
def encoded_text(draw) -> bytes:
    """Random text in one of the encodings a file may come in (what it cannot encode is
    replaced)."""
    text = draw(_encodable)
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="replace")


@st.composite
def messy_csv(draw) -> bytes:
    """Rows of cells joined by a random separator, with quotes, line ends and NULs where they
    should not be, in a random encoding."""
    separator = draw(st.sampled_from([";", ",", "\t", "|"]))
    cell = st.lists(_piece, max_size=12).map("".join)
    rows = draw(st.lists(st.lists(cell, min_size=1, max_size=6), min_size=1, max_size=12))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    text = newline.join(separator.join(row) for row in rows)
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


random_bytes = st.binary(max_size=2000)

# Anything a reader could be handed.
file_bytes = st.one_of(random_bytes, encoded_text(), messy_csv())


def sample_xlsx(rows: int = 30) -> bytes:
    """A small real workbook: a heading row and ``rows`` rows of data."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Hizmet", "Cinsiyet", "Sayı", "Tarih"])
    for number in range(rows):
        sheet.append([f"Hizmet {number}", "Kadın" if number % 2 else "Erkek", number, "1.1.2025"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_XLSX = sample_xlsx()


@st.composite
def damaged_xlsx(draw) -> bytes:
    """A real workbook cut at a random byte, or with a few bytes overwritten."""
    data = bytearray(_XLSX)
    if draw(st.booleans()):
        return bytes(data[: draw(st.integers(0, len(data) - 1))])
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(data) - 1))
        data[position] = draw(st.integers(0, 255))
    return bytes(data)


CSV_NAMES = st.sampled_from(["liste.csv", "liste.txt", "liste.tsv"])
WORKBOOK_NAMES = st.sampled_from(["liste.xlsx", "liste.xls", "liste.ods", "liste.xlsm"])
ANY_NAME = st.one_of(CSV_NAMES, WORKBOOK_NAMES, st.sampled_from(["liste.exe", "", "../x.csv"]))


class TookTooLong(Exception):
    pass


class time_limit:  # noqa: N801 - used as a context manager, like a function
    """Fail instead of hanging: SIGALRM after ``seconds`` (the main thread only)."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __enter__(self):
        import signal

        def alarm(_signum, _frame):
            raise TookTooLong(f"took more than {self.seconds} s")

        self.previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        import signal

        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)
        return False
