"""The plan workbook's sheets and columns, defined once for export and import.

Headings are translated with the context "workbook" so that changing a word on a page never
changes a heading: a file exported last year must still be read. A heading is accepted in
Turkish or English whatever the reader's language, so a file passed between colleagues who
use different languages still imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import models
from django.utils import translation
from django.utils.translation import pgettext_lazy

from esitlik.core.i18n_text import in_language
from esitlik.core.text import tr_casefold
from esitlik.plans.models import Action, Indicator

TEMPLATE = "esitlik-plan"
# Raise when a column changes meaning or a sheet is added, so older files are recognised.
TEMPLATE_VERSION = "1"
LANGUAGES = ("tr", "en")


def fold(text: str) -> str:
    """How headings, sheet names and list values are compared: Turkish-aware, case-blind."""
    return tr_casefold(text).strip(" *:")


@dataclass(frozen=True)
class Column:
    """One column of a sheet.

    ``kind`` says how a cell is read and written (see ``cells.py``). ``required`` columns must
    be in the sheet, and no cell of theirs may be empty. An empty cell of a ``has_default``
    column gives a new row the usual default (not started, 0 %, weight 1, …); an existing
    row keeps no empty value there either, because the field always has one.
    """

    key: str
    label: object
    kind: str = "text"
    width: int = 16
    required: bool = False
    has_default: bool = False
    choices: type[models.TextChoices] | None = None
    low: int | None = None
    high: int | None = None
    params: dict = field(default_factory=dict)

    def header(self, language: str | None = None) -> str:
        language = language or translation.get_language() or "tr"
        return in_language(self.label, language, **self.params)

    def headers(self) -> set[str]:
        return {fold(self.header(language)) for language in LANGUAGES}


@dataclass(frozen=True)
class Sheet:
    key: str
    label: object
    columns: tuple[Column, ...]
    # What the code of a row on this sheet looks like, and an example for messages.
    code_pattern: str = ""
    example: str = ""

    def name(self, language: str | None = None) -> str:
        return in_language(self.label, language or translation.get_language() or "tr")

    def names(self) -> set[str]:
        return {fold(self.name(language)) for language in LANGUAGES}

    def columns_for(self, years) -> list[Column]:
        """The sheet's columns for a plan running over ``years``."""
        if self.key != "indicators":
            return list(self.columns)
        return [*self.columns, *(column for year in years for column in target_columns(year))]


CODE = Column("code", pgettext_lazy("workbook", "Code"), kind="code", width=10, required=True)

AIMS = Sheet(
    "aims",
    pgettext_lazy("workbook", "Aims"),
    (
        CODE,
        Column("title_tr", pgettext_lazy("workbook", "Aim (Turkish)"), width=50, required=True),
        Column("title_en", pgettext_lazy("workbook", "Aim (English)"), width=50),
        Column("heading", pgettext_lazy("workbook", "YEEP heading"), kind="heading", width=30),
    ),
    code_pattern=r"\d+",
    example="3",
)
OBJECTIVES = Sheet(
    "objectives",
    pgettext_lazy("workbook", "Objectives"),
    (
        CODE,
        Column(
            "title_tr", pgettext_lazy("workbook", "Objective (Turkish)"), width=50, required=True
        ),
        Column("title_en", pgettext_lazy("workbook", "Objective (English)"), width=50),
    ),
    code_pattern=r"\d+\.\d+",
    example="2.3",
)
ACTIONS = Sheet(
    "actions",
    pgettext_lazy("workbook", "Actions"),
    (
        CODE,
        Column("title_tr", pgettext_lazy("workbook", "Action (Turkish)"), width=50, required=True),
        Column("title_en", pgettext_lazy("workbook", "Action (English)"), width=50),
        Column(
            "lead_directorate",
            pgettext_lazy("workbook", "Lead directorate"),
            kind="directorate",
            width=30,
            required=True,
        ),
        Column(
            "supporting_directorates",
            pgettext_lazy("workbook", "Supporting directorates"),
            kind="directorates",
            width=30,
        ),
        Column("partners", pgettext_lazy("workbook", "Partners"), kind="names", width=30),
        Column("start_date", pgettext_lazy("workbook", "Start"), kind="date", width=12),
        Column("end_date", pgettext_lazy("workbook", "End"), kind="date", width=12),
        Column("budget_planned", pgettext_lazy("workbook", "Planned budget (TRY)"), kind="amount"),
        Column("budget_actual", pgettext_lazy("workbook", "Actual spending (TRY)"), kind="amount"),
        Column(
            "target_groups",
            pgettext_lazy("workbook", "Target groups"),
            kind="choices",
            choices=Action.TargetGroup,
            width=30,
        ),
        Column(
            "status",
            pgettext_lazy("workbook", "Status"),
            kind="choice",
            choices=Action.Status,
            has_default=True,
        ),
        Column(
            "progress",
            pgettext_lazy("workbook", "Progress (%)"),
            kind="integer",
            low=0,
            high=100,
            width=12,
            has_default=True,
        ),
        Column(
            "weight",
            pgettext_lazy("workbook", "Weight"),
            kind="integer",
            low=1,
            high=100,
            width=10,
            has_default=True,
        ),
    ),
    code_pattern=r"\d+\.\d+\.\d+",
    example="2.3.1",
)
INDICATORS = Sheet(
    "indicators",
    pgettext_lazy("workbook", "Indicators"),
    (
        CODE,
        Column(
            "title_tr", pgettext_lazy("workbook", "Indicator (Turkish)"), width=50, required=True
        ),
        Column("title_en", pgettext_lazy("workbook", "Indicator (English)"), width=50),
        Column(
            "kind",
            pgettext_lazy("workbook", "Type"),
            kind="choice",
            choices=Indicator.Kind,
            required=True,
        ),
        Column(
            "measure",
            pgettext_lazy("workbook", "Measure"),
            kind="choice",
            choices=Indicator.Measure,
            required=True,
            width=24,
        ),
        Column("unit", pgettext_lazy("workbook", "Unit"), width=12),
        Column("by_sex", pgettext_lazy("workbook", "By sex"), kind="boolean", width=10),
        Column("baseline_value", pgettext_lazy("workbook", "Baseline value"), kind="number"),
        Column(
            "baseline_year",
            pgettext_lazy("workbook", "Baseline year"),
            kind="integer",
            low=1900,
            high=2200,
            width=10,
        ),
        Column(
            "direction",
            pgettext_lazy("workbook", "Direction"),
            kind="choice",
            choices=Indicator.Direction,
            has_default=True,
            width=20,
        ),
        Column("band_low", pgettext_lazy("workbook", "Band from"), kind="number", width=12),
        Column("band_high", pgettext_lazy("workbook", "Band to"), kind="number", width=12),
        Column(
            "frequency",
            pgettext_lazy("workbook", "Frequency"),
            kind="choice",
            choices=Indicator.Frequency,
            has_default=True,
        ),
        Column("source", pgettext_lazy("workbook", "Data source"), width=30),
        Column(
            "responsible_directorate",
            pgettext_lazy("workbook", "Responsible directorate"),
            kind="directorate",
            width=30,
            # Left empty on a new indicator of an action: the action's lead directorate.
            has_default=True,
        ),
    ),
    code_pattern=r"\d+\.\d+(?:\.\d+)?\.G\d+",
    example="2.3.1.G1",
)
SHEETS = (AIMS, OBJECTIVES, ACTIONS, INDICATORS)

# One column per part of a year's target; "value" is the total.
TARGET_LABELS = {
    "value": pgettext_lazy("workbook", "Target %(year)s"),
    "women": pgettext_lazy("workbook", "Target %(year)s (women)"),
    "men": pgettext_lazy("workbook", "Target %(year)s (men)"),
}


def target_columns(year: int) -> list[Column]:
    return [
        Column(f"target_{year}_{part}", label, kind="number", width=12, params={"year": year})
        for part, label in TARGET_LABELS.items()
    ]


def target_key(key: str) -> tuple[int, str] | None:
    """(year, part) of a target column's key, None for other columns."""
    match = re.fullmatch(r"target_(\d{4})_(value|women|men)", key)
    return (int(match[1]), match[2]) if match else None


def _target_patterns() -> list[tuple[re.Pattern, str]]:
    patterns = []
    for part, label in TARGET_LABELS.items():
        for language in LANGUAGES:
            text = fold(in_language(label, language))
            regex = re.escape(text).replace(re.escape("%(year)s"), r"(\d{4})")
            patterns.append((re.compile(regex), part))
    return patterns


def find_column(sheet: Sheet, header: str, years) -> Column | None:
    """The column a heading names, in either language; target columns of any year are
    recognised, so a file from before the plan's period changed still reads."""
    folded = fold(header)
    for column in sheet.columns_for(years):
        if folded in column.headers():
            return column
    if sheet.key == "indicators":
        for pattern, part in _target_patterns():
            if match := pattern.fullmatch(folded):
                year = int(match[1])
                return next(c for c in target_columns(year) if c.key.endswith(part))
    return None


def natural_key(code: str) -> tuple:
    """Codes in reading order: 2.10 after 2.9, an objective's indicators (2.3.G1) before
    those of its actions (2.3.1.G1)."""
    parts = code.replace(".G", ".-").split(".")
    return tuple(int(part) if part.lstrip("-").isdigit() else 0 for part in parts)


def find_sheet(name: str) -> Sheet | None:
    folded = fold(name)
    return next((sheet for sheet in SHEETS if folded in sheet.names()), None)


LISTS_LABEL = pgettext_lazy("workbook", "Lists")
ABOUT_LABEL = pgettext_lazy("workbook", "About")
# The rows of the "about" sheet, which tells a plan's workbook from any other file.
ABOUT_ROWS = {
    "template": pgettext_lazy("workbook", "Template"),
    "version": pgettext_lazy("workbook", "Template version"),
    "plan": pgettext_lazy("workbook", "Plan number"),
    "title": pgettext_lazy("workbook", "Plan"),
    "municipality": pgettext_lazy("workbook", "Municipality"),
    "edition": pgettext_lazy("workbook", "Edition"),
    "language": pgettext_lazy("workbook", "Language"),
    "exported": pgettext_lazy("workbook", "Exported on"),
}


def is_named(name: str, label) -> bool:
    return fold(name) in {fold(in_language(label, language)) for language in LANGUAGES}


def about_key(text: str) -> str | None:
    return next((key for key, label in ABOUT_ROWS.items() if is_named(text, label)), None)
