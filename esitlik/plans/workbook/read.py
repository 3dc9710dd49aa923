"""Reading an uploaded workbook with python-calamine and telling the plan's template from any
other file.

Only what the cells hold is read: formulas give the value Excel last computed, macros and
links are never run. A file is refused before any row is looked at when it is not a
spreadsheet, expands to far more than a plan could need, is not the template, or is the
template of another plan.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from esitlik.plans.models import ActionPlan
from esitlik.plans.workbook.cells import as_text
from esitlik.plans.workbook.columns import (
    ABOUT_LABEL,
    LISTS_LABEL,
    TEMPLATE,
    TEMPLATE_VERSION,
    about_key,
    is_named,
)

MAX_BYTES = 5 * 1024 * 1024
# A zipped workbook of 5 MB could unpack to gigabytes; a real plan's unpacks to a few MB.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 200


class WorkbookRefused(Exception):
    """The file as a whole cannot be imported; the message says why, in the user's language."""


@dataclass
class SheetData:
    """One sheet's cells; ``rows[i]`` is the row Excel numbers ``i + 1``."""

    name: str
    rows: list[list] = field(default_factory=list)


@dataclass
class Book:
    sheets: list[SheetData]
    about: dict[str, str]


def _unreadable() -> WorkbookRefused:
    return WorkbookRefused(
        _(
            "This file could not be read as a spreadsheet. Upload the Excel file (.xlsx) "
            "exported from this plan."
        )
    )


def _check_size(data: bytes) -> None:
    if len(data) > MAX_BYTES:
        raise WorkbookRefused(_("The file is larger than 5 MB; a plan's workbook is smaller."))
    if zipfile.is_zipfile(io.BytesIO(data)):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
        except zipfile.BadZipFile:
            raise _unreadable() from None
        if unpacked > MAX_UNPACKED_BYTES:
            raise WorkbookRefused(_("This file holds far more than a plan; it was not read."))


def read_book(data: bytes) -> Book:
    """The workbook's sheets and its "about" values; raises WorkbookRefused."""
    _check_size(data)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = workbook.sheet_names
    except Exception:  # calamine raises its own errors, and others on malformed parts
        raise _unreadable() from None
    sheets, about = [], None
    for name in names:
        if is_named(name, LISTS_LABEL):
            continue  # the choices offered in the cells; written by the export, never read
        try:
            sheet = workbook.get_sheet_by_name(name)
            if sheet.height > MAX_ROWS or sheet.width > MAX_COLUMNS:
                raise WorkbookRefused(
                    _("The sheet “%(sheet)s” has more than %(rows)s rows or %(columns)s columns.")
                    % {"sheet": name, "rows": MAX_ROWS, "columns": MAX_COLUMNS}
                )
            rows = sheet.to_python(skip_empty_area=False)
        except WorkbookRefused:
            raise
        except Exception:
            raise _unreadable() from None
        if is_named(name, ABOUT_LABEL):
            about = _about(rows)
        else:
            sheets.append(SheetData(name=name, rows=rows))
    if about is None:
        raise _not_template()
    return Book(sheets=sheets, about=about)


def _about(rows: list[list]) -> dict[str, str]:
    values = {}
    for row in rows:
        if len(row) >= 2 and (key := about_key(as_text(row[0]))):
            values[key] = as_text(row[1])
    return values


def _not_template() -> WorkbookRefused:
    return WorkbookRefused(
        _(
            "This spreadsheet is not a plan workbook of esitlik. Export the plan from its page, "
            "make your changes in that file and upload it."
        )
    )


def recognise(book: Book, plan: ActionPlan) -> None:
    """Refuse a file that is not this plan's template, naming what it is instead."""
    about = book.about
    if about.get("template") != TEMPLATE:
        raise _not_template()
    if about.get("version") != TEMPLATE_VERSION:
        raise WorkbookRefused(
            _(
                "This file was made with another version of the template (%(version)s). Export "
                "the plan again and copy your changes into the new file."
            )
            % {"version": about.get("version") or "?"}
        )
    if about.get("plan") != str(plan.pk):
        raise WorkbookRefused(
            _(
                "This file belongs to another plan (%(title)s, edition %(edition)s). Export this "
                "plan and make your changes in that file."
            )
            % {"title": about.get("title") or "?", "edition": about.get("edition") or "?"}
        )
