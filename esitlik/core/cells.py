"""Spreadsheet formula injection: the one rule for every cell of every CSV and XLSX the
software writes.

A text cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
Excel skips before looking) is run as a formula when a clerk opens the file in Excel or
LibreOffice: ``=HYPERLINK("http://evil", "tıkla")`` in an action title, ``=cmd|' /C calc'!A0``
in a citizen's message, ``+90 212…`` read as a sum. Texts come from users (titles, messages,
stakeholder names, dimension labels…), so every writer passes its cells through here.

Two formats, two means, one test (:func:`is_dangerous`):

- **XLSX** (:func:`write_cell`, used by ``core.xlsx.put``, which every workbook writer uses):
  a text is written as a *string cell* (``t="s"``/inline string), never as a formula, so
  Excel and LibreOffice show it and run nothing; a dangerous one also gets Excel's
  *quote prefix* (``quotePrefix``, the apostrophe a clerk would type), so that editing the
  cell and pressing Enter does not turn it into a formula either. The value stays exactly
  what the user typed: no quote is added to it, so an exported workbook edited and imported
  again (the plan's workbook, the templates, the registers) reads ``=SUM(A1)`` back as
  ``=SUM(A1)`` and no reader has anything to strip. This is why the XLSX writers do not use
  the apostrophe of the CSV rule.
- **CSV** (:func:`safe_text`, :func:`safe_row`): a CSV has no cell types, so the only defence
  is the one OWASP recommends, a single quote ``'`` before the dangerous text
  (``'=SUM(A1)``); a spreadsheet shows it as text. The quote becomes part of the value, so
  :func:`unquote` is its exact inverse for a program reading such a file. No import reads
  one of these CSV files back (the round trips go through the XLSX files), so no import
  strips quotes: a text someone really typed as ``'=x`` is kept as it is. The one CSV the
  software writes only for itself, the API's pushed counts handed to the importer
  (``api/pushing.py``), is never offered to a person and is written as it came.

Numbers are never touched: an ``int``, ``float`` or ``Decimal`` (−3 included) is written as
a number, in a workbook as a numeric cell. In a CSV a text that is only a plain number
(``-3``, ``+12,5``, ``-1.250,75``) or only a dash (``-``, the disclosure marker of a true
zero) is left alone too: it is what a number or an empty figure looks like in a CSV, and
neither can call a function or a link, so a quote would only damage the data.

The fullwidth forms ``＝ ＋ － ＠`` are treated like their ASCII letters as a precaution: no
Turkish or English text starts with them, and spreadsheet programs in East Asian locales may
read them as the ASCII operators.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.functional import Promise
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# OWASP's list (CSV Injection), with the fullwidth operators (see the module docstring).
DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
QUOTE = "'"
# Texts that start with a dangerous character and still cannot be a formula: a plain number
# written the Turkish or English way, or a lone dash.
_INERT = re.compile(r"[-+]?\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?|-")


def is_dangerous(value) -> bool:
    """Whether ``value`` is a text a spreadsheet would take for a formula."""
    return isinstance(value, str) and value.startswith(DANGEROUS)


def _quoted_in_csv(text: str) -> bool:
    # A text that already starts with quotes before a dangerous character ("'=x", typed so)
    # gets one more too, so that :func:`unquote` can always take exactly one off.
    bare = text.lstrip(QUOTE)
    return is_dangerous(bare) and not _INERT.fullmatch(bare)


def safe_text(value):
    """A CSV cell: a dangerous text with one ``'`` before it; anything else unchanged
    (numbers stay numbers, plain-number texts and a lone dash stay as they are)."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and _quoted_in_csv(value):
        return QUOTE + value
    return value


def unquote(value):
    """The exact inverse of :func:`safe_text`: drops the one quote it added, nothing else."""
    if isinstance(value, str) and value.startswith(QUOTE) and _quoted_in_csv(value):
        return value[1:]
    return value


def safe_row(row: Iterable) -> list:
    """A CSV row: None as an empty cell, every text through :func:`safe_text`."""
    return ["" if value is None else safe_text(value) for value in row]


def write_cell(cell, value):
    """Put ``value`` in an openpyxl ``cell``: a text as a string cell (never a formula), with
    the quote prefix when it starts like one and without the characters XML cannot hold;
    anything else (numbers, dates, None) as openpyxl writes it."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = value
        # openpyxl has just taken a text starting with "=" for a formula ("f"): undo that.
        cell.data_type = "s"
        if is_dangerous(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell
