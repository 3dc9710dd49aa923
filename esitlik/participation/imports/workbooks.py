"""The workbooks an import hands out: an empty template per kind, and the list of problems a
refused file had.

The template has the Turkish headings on its first sheet and, on a second sheet, every value
the columns accept (types, kinds, target groups, headings, articles, neighbourhoods, and for
inputs the registry's stakeholders, the events and the plan actions). Single-value columns
offer those values as a drop-down that only warns, because the import also reads English
labels and codes.
"""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality, Neighbourhood
from esitlik.core.tabular import Column
from esitlik.core.text import tr_sorted
from esitlik.core.xlsx import add_table, header_row, new_book, put, to_bytes
from esitlik.participation.imports import inputs, stakeholders
from esitlik.participation.imports.base import Problem
from esitlik.participation.models import Event, Stakeholder
from esitlik.participation.selectors import charter_articles, headings, linkable_actions

# Drop-downs reach this far down, room for the rows people add.
ROWS = 2000
WIDTHS = {"text": 60, "notes": 40, "name": 40, "decision_reason": 40, "event": 30}


def _lists(kind: str, municipality: Municipality) -> dict[str, list[str]]:
    """Column key → the values it accepts, written as the import reads them."""
    neighbourhoods = [
        n.name for n in tr_sorted(Neighbourhood.objects.filter(municipality=municipality), str)
    ]
    if kind == stakeholders.StakeholderRows.kind:
        return {"kind": stakeholders.TYPES.labels(), "neighbourhood": neighbourhoods}
    events = Event.objects.filter(municipality=municipality).exclude(status=Event.Status.CANCELLED)
    return {
        "kind": inputs.KINDS.labels(),
        "target_groups": inputs.TARGET_GROUPS.labels(),
        "heading": [str(item) for item in headings()],
        "article": [str(item) for item in charter_articles(municipality)],
        "neighbourhood": neighbourhoods,
        "stakeholder": tr_sorted(
            Stakeholder.objects.filter(municipality=municipality, is_active=True).values_list(
                "name", flat=True
            )
        ),
        "event": [
            f"{event.title} ({timezone.localtime(event.starts_at):%d.%m.%Y})" for event in events
        ],
        "channel": inputs.CHANNELS.labels(),
        "status": inputs.DECISIONS.labels(),
        "actions": [
            f"{action.code} ({action.objective.aim.plan.edition}) {localized(action.title)}"
            for action in linkable_actions(municipality)
        ],
    }


def template_workbook(kind: str, municipality: Municipality) -> bytes:
    """An empty import file for ``kind`` with Turkish headings and the lists of values."""
    columns: tuple[Column, ...] = (
        stakeholders.COLUMNS if kind == stakeholders.StakeholderRows.kind else inputs.COLUMNS
    )
    with translation.override("tr"):
        book = Workbook()
        ws = book.active
        ws.title = (
            pgettext("import", "Stakeholders")
            if kind == "stakeholders"
            else (pgettext("import", "Inputs"))
        )
        lists_ws = book.create_sheet(_("Allowed values"))
        header_row(ws, [column.header() for column in columns])
        lists = _lists(kind, municipality)
        listed = [column for column in columns if column.key in lists]
        header_row(lists_ws, [column.header() for column in listed])
        for position, column in enumerate(columns, start=1):
            letter = get_column_letter(position)
            ws.column_dimensions[letter].width = WIDTHS.get(column.key, 20)
            if column.key not in lists:
                continue
            values = lists[column.key]
            list_letter = get_column_letter(listed.index(column) + 1)
            lists_ws.column_dimensions[list_letter].width = 36
            for row, value in enumerate(values, start=2):
                put(lists_ws, row, listed.index(column) + 1, value)
            if values and column.key not in ("target_groups", "actions"):
                ws.add_data_validation(
                    _drop_down(
                        f"'{lists_ws.title}'!${list_letter}$2:${list_letter}${len(values) + 1}",
                        f"{letter}2:{letter}{ROWS}",
                        column.header(),
                    )
                )
        lists_ws.protection.sheet = True
        book.properties.creator = "esitlik"
        return to_bytes(book)


def _drop_down(source: str, cells: str, title: str) -> DataValidation:
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        # A warning, not a refusal: the import also reads English labels and codes.
        errorStyle="warning",
        errorTitle=title[:32],
        error=_("Choose a value from the list.")[:255],
    )
    validation.add(cells)
    return validation


def problems_workbook(problems: list[Problem]) -> bytes:
    """The problems of a refused file, one per row, in the user's language."""
    book = new_book()
    add_table(
        book,
        _("Problems"),
        [_("Row"), _("Column"), _("Column letter"), _("Value"), _("Problem")],
        [[p.row, p.column, p.letter, p.value, p.message] for p in problems],
        widths=[8, 24, 10, 30, 80],
    )
    return to_bytes(book)
