"""Numbers written the way each language writes them, for a report built in a given language
(not the language of whoever is looking): Turkish "%23,4", "1.250", "0,82"; English
"23.4%", "1,250", "0.82".

Reports are built outside any request (in a background task, on the command line), so these
take the language as an argument instead of reading Django's active locale."""

from __future__ import annotations

from datetime import date

from esitlik.reports.document import ColumnType


def number(value: float | int, language: str, places: int = 0) -> str:
    """``value`` rounded to ``places`` decimals, grouped by thousands."""
    text = f"{value:,.{places}f}"
    if language == "tr":
        # 1,234.5 → 1.234,5: swap the marks through a placeholder.
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def percent(share: float, language: str, places: int = 1) -> str:
    """A share of 1 as a percentage: 0.234 → "%23,4" / "23.4%". The Turkish sign comes first."""
    written = number(share * 100, language, places)
    return f"%{written}" if language == "tr" else f"{written}%"


def points(value: float, language: str, places: int = 1) -> str:
    """A difference in percentage points, always signed: "+3,2", "−1,0"."""
    written = number(abs(value), language, places)
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{written}"


def plain(value: float, language: str, places: int = 2) -> str:
    """A number with no unit of its own: whole when whole ("1.250"), else with at most
    ``places`` decimals and no trailing zeros ("12,5", "0,33")."""
    if float(value).is_integer():
        return number(value, language)
    written = number(value, language, places)
    decimal_mark = "," if language == "tr" else "."
    return written.rstrip("0").rstrip(decimal_mark)


def amount(value: float, language: str) -> str:
    """Lira: whole when whole, else with kuruş."""
    places = 0 if float(value).is_integer() else 2
    return number(value, language, places)


def day(value: str | date, language: str) -> str:
    """An ISO date as "30.06.2025" (Turkish) or "30 Jun 2025"."""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if language == "tr":
        return value.strftime("%d.%m.%Y")
    return f"{value.day} {value.strftime('%b %Y')}"


def cell(value, column_type: ColumnType | str, language: str) -> str:
    """One table cell as shown on the page and in the PDF. Text (including the disclosure
    markers) is shown as it is; None is empty."""
    if value is None:
        return ""
    if isinstance(value, str) and column_type != ColumnType.DATE:
        return value
    match ColumnType(column_type):
        case ColumnType.COUNT:
            return number(value, language)
        case ColumnType.SHARE:
            return percent(value, language)
        case ColumnType.POINTS:
            return points(value, language)
        case ColumnType.RATIO:
            return number(value, language, 2)
        case ColumnType.RATE:
            return number(value, language, 1)
        case ColumnType.NUMBER:
            return plain(value, language)
        case ColumnType.AMOUNT:
            return amount(value, language)
        case ColumnType.YEAR:
            return str(int(value))
        case ColumnType.DATE:
            return day(value, language)
    return str(value)


def is_number_column(column_type: ColumnType | str) -> bool:
    """Whether a column is numeric, so pages align it to the right."""
    return ColumnType(column_type) not in (ColumnType.TEXT, ColumnType.DATE)
