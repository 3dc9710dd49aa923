"""A report as plain data: sections of paragraphs, sentences, tables and charts.

Every report (the Equality in Service report, the plan monitoring report) is built once into
a :class:`Report` in one language and for one audience; the HTML page, the PDF, the workbook
and the JSON file are all drawn from it, so they cannot disagree, and a stored report can be
rendered again years later exactly as it was published. The JSON form is the public contract
documented in ``docs/reports.md``; change :data:`SCHEMA_VERSION` when its shape changes.

Cells hold real values — whole numbers, fractions (a share is 0.234, shown "%23,4"), text —
or, in a public report, the disclosure markers "c" (hidden), ".." (not available) and "-"
(a true zero) where a count was protected. None means "not applicable" (no residents to
compare with, say) and is shown empty.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from enum import StrEnum

SCHEMA_VERSION = 1


class Audience(StrEnum):
    INTERNAL = "internal"  # the equality unit and the municipality: every figure
    PUBLIC = "public"  # anyone: every table, chart and sentence passed disclosure control


class ColumnType(StrEnum):
    TEXT = "text"
    COUNT = "count"  # a whole number of people, uses, events
    SHARE = "share"  # a fraction of 1, shown as a percentage
    POINTS = "points"  # a difference of two shares, in percentage points
    RATIO = "ratio"  # e.g. representation: women's share ÷ the residents' women's share
    # A plain number whose meaning lies in another column (an indicator's value: a count, a
    # percentage as written, 1/0 for yes/no): whole when whole, else up to two decimals.
    NUMBER = "number"
    RATE = "rate"  # per 1,000 residents
    AMOUNT = "amount"  # Turkish lira
    YEAR = "year"
    DATE = "date"  # ISO text, 2025-06-30


@dataclass
class Column:
    """``detail`` columns (a sentence repeating the row) are in the workbook and the JSON;
    the page and the PDF leave them out to keep the table readable."""

    key: str
    label: str
    type: ColumnType = ColumnType.TEXT
    detail: bool = False


@dataclass
class Table:
    """A table with its caption. ``detail`` tables (every neighbourhood of every service…)
    are long: the workbook and the JSON carry them whole, the page and the PDF leave them
    out and say where to find them."""

    id: str
    title: str
    columns: list[Column]
    rows: list[list]
    note: str = ""
    detail: bool = False

    def column(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def values(self, key: str) -> list:
        index = self.column(key)
        return [row[index] for row in self.rows]


@dataclass
class Chart:
    """A chart drawn from one of its section's tables. ``spec`` is Vega-Lite (JSON), with
    the data inline; ``description`` is its text alternative for people who cannot see it."""

    id: str
    title: str
    description: str
    table: str
    spec: dict


@dataclass
class Section:
    """One numbered part of a report. ``findings`` are sentences generated from the figures;
    ``missing`` says why the section has nothing yet (no data of that kind has arrived)."""

    id: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    missing: str = ""

    def table(self, table_id: str) -> Table:
        return next(table for table in self.tables if table.id == table_id)


@dataclass
class Report:
    kind: str  # "equality-in-service", "plan-progress"
    title: str
    subtitle: str
    language: str
    audience: Audience
    municipality: dict  # {"name", "slug"}
    period: dict  # {"year": 2025} or {"plan": 3, "period": "2025H1", …}
    generated_at: str  # ISO date and time
    # What the figures were computed from: import runs, plan edition, population year…
    inputs: dict
    sections: list[Section]
    # What disclosure control did to each protected table (public reports).
    disclosure: list[dict] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    def section(self, section_id: str) -> Section:
        return next(section for section in self.sections if section.id == section_id)

    def to_dict(self) -> dict:
        return _finite({"schema": f"esitlik/report/{self.kind}", **asdict(self)})

    def to_json(self) -> str:
        return json.dumps(
            self.to_dict(), ensure_ascii=False, indent=1, default=_plain, allow_nan=False
        )

    @classmethod
    def from_dict(cls, data: dict) -> Report:
        data = dict(data)
        data.pop("schema", None)
        sections = []
        for raw in data.pop("sections"):
            raw = dict(raw)
            tables = [
                Table(**{**t, "columns": [Column(**c) for c in t["columns"]]})
                for t in raw.pop("tables")
            ]
            charts = [Chart(**c) for c in raw.pop("charts")]
            sections.append(Section(**raw, tables=tables, charts=charts))
        audience = Audience(data.pop("audience"))
        return cls(**data, audience=audience, sections=sections)


def _finite(value):
    """``value`` with every NaN or infinity as None: JSON has no NaN, and a label pandas
    left missing (an age group not given) is "not applicable", not a number."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def _plain(value):
    """numpy and pandas scalars as plain JSON values."""
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"not JSON serialisable: {value!r}")
