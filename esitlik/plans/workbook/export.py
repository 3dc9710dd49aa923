"""Writing a plan to its workbook with openpyxl, in the active language.

The workbook is the import template too: the same sheets and columns (``columns.py``), a
"Lists" sheet the drop-downs draw on, and a protected "About" sheet that names the template,
its version and the plan, so the import recognises a wrong file.
"""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from esitlik.core.i18n_text import in_language, localized
from esitlik.core.xlsx import HEADER_FILL, HEADER_FONT, WRAP, header_row, put
from esitlik.plans.models import Action, ActionPlan, Indicator, Objective
from esitlik.plans.workbook import cells
from esitlik.plans.workbook.columns import (
    ABOUT_LABEL,
    ABOUT_ROWS,
    ACTIONS,
    AIMS,
    INDICATORS,
    LISTS_LABEL,
    OBJECTIVES,
    TEMPLATE,
    TEMPLATE_VERSION,
    Column,
    Sheet,
    natural_key,
    target_key,
)

# Drop-downs and text formats reach this far below the last row, room for rows to be added.
SPARE_ROWS = 500
NUMBER_FORMATS = {
    "code": "@",
    "date": "DD.MM.YYYY",
    "amount": "#,##0.00",
    "integer": "0",
}


class _Writer:
    def __init__(self, plan: ActionPlan):
        self.plan = plan
        self.years = list(range(plan.start_year, plan.end_year + 1))
        self.directorates = cells.Directorates(plan.municipality)
        self.headings = cells.Headings()
        self.book = Workbook()
        self.book.remove(self.book.active)
        self.lists_name = in_language(LISTS_LABEL, get_language() or "tr")
        self.lists: dict[str, tuple[str, list[str]]] = {}

    def label(self, choices, value) -> str:
        """A stored choice as its label; a value no longer offered is written as it is, so
        the import names it instead of the export hiding it."""
        if not value:
            return ""
        try:
            return str(choices(value).label)
        except ValueError:
            return value

    def write(self) -> bytes:
        plan = self.plan
        aims = list(plan.aims.select_related("heading"))
        objectives = list(Objective.objects.filter(aim__plan=plan))
        actions = list(
            Action.objects.filter(objective__aim__plan=plan)
            .select_related("lead_directorate")
            .prefetch_related("supporting_directorates", "partners")
        )
        indicators = list(
            plan.indicators.select_related("responsible_directorate").prefetch_related("targets")
        )
        self._sheet(AIMS, [self._aim(a) for a in _by_code(aims)])
        self._sheet(OBJECTIVES, [self._objective(o) for o in _by_code(objectives)])
        self._sheet(ACTIONS, [self._action(a) for a in _by_code(actions)])
        self._sheet(INDICATORS, [self._indicator(i) for i in _by_code(indicators)])
        self._lists()
        self._about()
        self.book.properties.title = localized(plan.title)
        self.book.properties.creator = "esitlik"
        out = io.BytesIO()
        self.book.save(out)
        return out.getvalue()

    # Rows ---------------------------------------------------------------------------------

    def _title(self, obj) -> dict:
        return {"title_tr": obj.title.get("tr", ""), "title_en": obj.title.get("en", "")}

    def _aim(self, aim) -> dict:
        return {"code": aim.code, **self._title(aim), "heading": self.headings.label(aim.heading)}

    def _objective(self, objective) -> dict:
        return {"code": objective.code, **self._title(objective)}

    def _action(self, action) -> dict:
        return {
            "code": action.code,
            **self._title(action),
            "lead_directorate": self.directorates.label(action.lead_directorate),
            "supporting_directorates": "; ".join(
                self.directorates.label(d) for d in action.supporting_directorates.all()
            ),
            "partners": "; ".join(p.name for p in action.partners.all()),
            "start_date": action.start_date,
            "end_date": action.end_date,
            "budget_planned": action.budget_planned,
            "budget_actual": action.budget_actual,
            "target_groups": "; ".join(
                self.label(Action.TargetGroup, g) for g in action.target_groups
            ),
            "status": self.label(Action.Status, action.status),
            "progress": action.progress,
            "weight": action.weight,
        }

    def _indicator(self, indicator) -> dict:
        row = {
            "code": indicator.code,
            **self._title(indicator),
            "kind": self.label(Indicator.Kind, indicator.kind),
            "measure": self.label(Indicator.Measure, indicator.measure),
            "unit": indicator.unit,
            "by_sex": cells.yes_no(indicator.by_sex),
            "baseline_value": indicator.baseline_value,
            "baseline_year": indicator.baseline_year,
            "direction": self.label(Indicator.Direction, indicator.direction),
            "band_low": indicator.band_low,
            "band_high": indicator.band_high,
            "frequency": self.label(Indicator.Frequency, indicator.frequency),
            "source": indicator.source,
            "responsible_directorate": self.directorates.label(indicator.responsible_directorate),
        }
        for target in indicator.targets.all():
            for part in ("value", "women", "men"):
                row[f"target_{target.year}_{part}"] = getattr(target, part)
        return row

    # Sheets -------------------------------------------------------------------------------

    def _sheet(self, sheet: Sheet, rows: list[dict]) -> None:
        ws = self.book.create_sheet(sheet.name())
        columns = sheet.columns_for(self.years)
        last = len(rows) + 1 + SPARE_ROWS
        for index, column in enumerate(columns, start=1):
            cell = put(ws, 1, index, column.header())
            cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
            letter = get_column_letter(index)
            ws.column_dimensions[letter].width = column.width
            number_format = NUMBER_FORMATS.get("amount" if target_key(column.key) else column.kind)
            for row_number, row in enumerate(rows, start=2):
                cell = put(ws, row_number, index, row.get(column.key))
                if number_format:
                    cell.number_format = number_format
                if column.width >= 30:
                    cell.alignment = WRAP
            if column.kind == "code":
                # Typed into a text column, 1.10 stays "1.10" instead of becoming the number 1.1.
                for row_number in range(len(rows) + 2, last + 1):
                    ws.cell(row=row_number, column=index).number_format = "@"
            self._validation(ws, column, f"{letter}2:{letter}{last}")
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"

    def _validation(self, ws, column: Column, cells_range: str) -> None:
        kind = column.kind
        key = {"boolean": "boolean", "heading": "heading"}.get(kind)
        if kind in ("choice", "choices"):
            key = column.key
        elif kind in ("directorate", "directorates"):
            key = "directorate"
        if key is None:
            prompt = {
                "date": _("A date such as 31.12.2026."),
                "amount": _("An amount such as 12.500,50."),
                "names": _("Several names: separate them with semicolons."),
            }.get(kind)
            if prompt:
                ws.add_data_validation(_prompt(cells_range, column.header(), prompt))
            return
        values = self._list(key, column)
        if kind in ("choices", "directorates"):
            # A list can offer only one value per cell; for several, say how to write them.
            prompt = _("Choose from the “%(list)s” sheet; separate several with semicolons.") % {
                "list": self.lists_name
            }
            ws.add_data_validation(_prompt(cells_range, column.header(), prompt))
            return
        validation = DataValidation(
            type="list",
            formula1=values,
            allow_blank=True,
            showErrorMessage=True,
            # A warning, not a refusal: the import also reads codes and the other language.
            errorStyle="warning",
            errorTitle=column.header()[:32],
            error=_("Choose a value from the list.")[:255],
        )
        validation.add(cells_range)
        ws.add_data_validation(validation)

    def _list(self, key: str, column: Column) -> str:
        """A range of the lists sheet holding the values a column offers."""
        if key not in self.lists:
            header = column.header()
            if key == "boolean":
                values = [cells.yes_no(True), cells.yes_no(False)]
            elif key == "heading":
                values = self.headings.labels()
            elif key == "directorate":
                header, values = pgettext("workbook", "Directorates"), self.directorates.labels()
            else:
                values = [str(label) for label in column.choices.labels]
            self.lists[key] = (header, values)
        index = list(self.lists).index(key) + 1
        letter = get_column_letter(index)
        count = max(len(self.lists[key][1]), 1)
        return f"'{self.lists_name}'!${letter}$2:${letter}${count + 1}"

    def _lists(self) -> None:
        ws = self.book.create_sheet(self.lists_name)
        header_row(ws, [header for header, _values in self.lists.values()])
        for index, (_header, values) in enumerate(self.lists.values(), start=1):
            ws.column_dimensions[get_column_letter(index)].width = 32
            for row, value in enumerate(values, start=2):
                put(ws, row, index, value)
        ws.protection.sheet = True

    def _about(self) -> None:
        plan = self.plan
        ws = self.book.create_sheet(in_language(ABOUT_LABEL, get_language() or "tr"))
        put(ws, 1, 1, _("Action plan workbook of esitlik")).font = Font(bold=True, size=14)
        values = {
            "template": TEMPLATE,
            "version": TEMPLATE_VERSION,
            "plan": str(plan.pk),
            "title": localized(plan.title),
            "municipality": plan.municipality.name,
            "edition": str(plan.edition),
            "language": (get_language() or "tr")[:2],
            "exported": timezone.localtime().strftime("%d.%m.%Y %H:%M"),
        }
        for row, (key, label) in enumerate(ABOUT_ROWS.items(), start=3):
            put(ws, row, 1, str(label)).font = HEADER_FONT
            put(ws, row, 2, values[key])
        notes = [
            _(
                "Codes are the key. A row whose code is in the plan changes it; a row with a new "
                "code adds it under the parent its code names (objective 2.3 under aim 2)."
            ),
            _("Deleting a row here deletes nothing in the plan."),
            _(
                "Write dates as 31.12.2026 and amounts as 12.500,50. Separate several values in "
                "one cell with semicolons."
            ),
            _(
                "Headings may be in Turkish or English. Do not rename the sheets or add columns; "
                "the import refuses what it does not know rather than skip it."
            ),
            _(
                "Once the plan is approved, only the status, progress and actual spending of "
                "actions can change."
            ),
            _(
                "If anything in the file is wrong, nothing is saved, and every problem is listed "
                "with its sheet, row and column."
            ),
        ]
        start = len(ABOUT_ROWS) + 4
        for offset, note in enumerate(notes):
            put(ws, start + offset, 1, f"• {note}")
            ws.merge_cells(
                start_row=start + offset, start_column=1, end_row=start + offset, end_column=2
            )
            ws.cell(row=start + offset, column=1).alignment = WRAP
            ws.row_dimensions[start + offset].height = 32
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["B"].width = 70
        ws.protection.sheet = True


def _prompt(cells_range: str, title: str, prompt: str) -> DataValidation:
    """A hint shown when a cell is selected; it restricts nothing."""
    validation = DataValidation(
        allow_blank=True, showInputMessage=True, promptTitle=title[:32], prompt=prompt[:255]
    )
    validation.add(cells_range)
    return validation


def _by_code(objects: list) -> list:
    return sorted(objects, key=lambda obj: natural_key(obj.code))


def plan_workbook(plan: ActionPlan) -> bytes:
    """The plan as an .xlsx workbook in the active language."""
    return _Writer(plan).write()
