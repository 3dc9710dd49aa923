"""Importing a plan's workbook: all or nothing, through the plan's services.

Codes are the key. A row whose code exists changes that aim, objective, action or indicator
when one of its cells differs; a row with a new code adds one under the parent its code names
(objective 2.3 under aim 2). Rows are never deleted by an import: a row left out of the file
stays as it is. Who may change what:

* the equality unit admin, while the plan is being prepared (draft, consultation, commission
  review): everything, except actual spending, which is reported after approval;
* once the plan is approved and in implementation: only an action's status, progress and
  actual spending; the admin for every action, a focal point for the actions their
  directorate leads (``can_edit_directorate``);
* nobody, once the plan is completed or superseded; and a focal point nothing before approval.

Every problem is collected (file, sheet, row, cell, and what the services refuse), and if
there is any, the transaction is rolled back: nothing is half-saved. A row that changes nothing
calls no service, so it leaves no audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl.utils import column_index_from_string

from esitlik.core.audit import audit_record
from esitlik.core.permissions import Perm, can, can_edit_directorate
from esitlik.plans import indicators, structure
from esitlik.plans.models import Action, ActionPlan, Indicator, Objective
from esitlik.plans.services import EDITABLE_STATUSES
from esitlik.plans.workbook import cells
from esitlik.plans.workbook.columns import SHEETS, find_sheet, natural_key, target_key
from esitlik.plans.workbook.read import WorkbookRefused, read_book, recognise
from esitlik.plans.workbook.rows import Context, Problem, Report, Row, parse_sheet

FIELDS = {
    "aims": ("title", "heading"),
    "objectives": ("title",),
    "actions": (
        "title",
        "lead_directorate",
        "supporting_directorates",
        "partners",
        "start_date",
        "end_date",
        "budget_planned",
        "budget_actual",
        "target_groups",
        "status",
        "progress",
        "weight",
    ),
    "indicators": (*indicators.INDICATOR_FIELDS, "targets"),
}
PARENT_LEVEL = {"objectives": "aims", "actions": "objectives"}
TARGET_PARTS = ("value", "women", "men")


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    created: int = 0
    updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


class _RollBack(Exception):
    pass


def workbook_import(*, plan: ActionPlan, membership, by, data: bytes, name: str = "") -> Outcome:
    """Apply an uploaded workbook to ``plan`` as ``membership``; nothing changes unless the
    whole file is acceptable."""
    report = Report()
    try:
        book = read_book(data)
        recognise(book, plan)
    except WorkbookRefused as refusal:
        report.add("", None, "", "", str(refusal))
        return Outcome(report.problems)
    order = {data.name: index for index, data in enumerate(book.sheets)}
    try:
        with transaction.atomic():
            plan = (
                ActionPlan.objects.select_for_update()
                .select_related("municipality")
                .get(pk=plan.pk)
            )
            outcome = _Import(plan, membership, by, report).run(book)
            if report.problems:
                raise _RollBack
            if outcome.created or outcome.updated:
                audit_record(
                    action="plans.plan.imported",
                    actor=by,
                    municipality=plan.municipality,
                    obj=plan,
                    changes={
                        "file": name,
                        "created": outcome.created,
                        "updated": outcome.updated,
                    },
                )
    except _RollBack:
        # Reading finds some problems and the services others; list them as the file reads.
        return Outcome(sorted(report.problems, key=lambda p: _place(p, order)))
    return outcome


def _place(problem: Problem, order: dict[str, int]) -> tuple:
    column = column_index_from_string(problem.letter) if problem.letter else 0
    return (order.get(problem.sheet, -1), problem.row or 0, column)


def _parent_code(level: str, code: str) -> tuple[str, str]:
    """(level, code) of the parent a new row's code names."""
    if level == "indicators":
        parent = code.rsplit(".G", 1)[0]
        return ("objectives" if parent.count(".") == 1 else "actions"), parent
    return PARENT_LEVEL[level], code.rsplit(".", 1)[0]


def _plain(value):
    """A value reduced to what matters when comparing a cell with the database."""
    if isinstance(value, models.Model):
        return ("pk", value.pk)
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v not in (None, "", {}, [])}
    if isinstance(value, list | tuple | set):
        return sorted((_plain(v) for v in value), key=repr)
    return value


def _targets(indicator: Indicator | None) -> dict[int, dict]:
    if indicator is None:
        return {}
    return {
        t.year: {"value": t.value, "women": t.women, "men": t.men} for t in indicator.targets.all()
    }


def _current(obj, key: str):
    if key == "supporting_directorates":
        return list(obj.supporting_directorates.all())
    if key == "partners":
        return [partner.name for partner in obj.partners.all()]
    if key == "targets":
        return _targets(obj)
    return getattr(obj, key)


class _Import:
    def __init__(self, plan: ActionPlan, membership, by, report: Report):
        self.plan, self.membership, self.by, self.report = plan, membership, by, report
        self.manage = can(membership, Perm.MANAGE_PLANS)
        self.objects = {
            "aims": {a.code: a for a in plan.aims.select_related("heading")},
            "objectives": {
                o.code: o for o in Objective.objects.filter(aim__plan=plan).select_related("aim")
            },
            "actions": {
                a.code: a
                for a in Action.objects.filter(objective__aim__plan=plan)
                .select_related("objective__aim", "lead_directorate")
                .prefetch_related("supporting_directorates", "partners")
            },
            "indicators": {
                i.code: i
                for i in plan.indicators.select_related(
                    "objective", "action", "responsible_directorate"
                ).prefetch_related("targets")
            },
        }
        self.existing = {level: set(objs) for level, objs in self.objects.items()}
        self.context = Context(
            years=list(range(plan.start_year, plan.end_year + 1)),
            directorates=cells.Directorates(plan.municipality),
            headings=cells.Headings(),
            existing=self.objects,
            report=report,
        )
        self.outcome = Outcome()

    # Reading -----------------------------------------------------------------------------

    def run(self, book) -> Outcome:
        rows: dict[str, list[Row]] = {sheet.key: [] for sheet in SHEETS}
        seen: dict[str, str] = {}
        for data in book.sheets:
            sheet = find_sheet(data.name)
            if sheet is None:
                if any(not cells.is_blank(v) for row in data.rows for v in row):
                    self.report.add(
                        data.name,
                        None,
                        "",
                        "",
                        _(
                            "This sheet is not part of the template. Move its rows to the sheet "
                            "they belong on, or delete it."
                        ),
                    )
                continue
            if sheet.key in seen:
                self.report.add(
                    data.name,
                    None,
                    "",
                    "",
                    _("This sheet repeats the sheet “%(other)s”; keep one of them.")
                    % {"other": seen[sheet.key]},
                )
                continue
            seen[sheet.key] = data.name
            rows[sheet.key] = parse_sheet(sheet, data, self.context)
        new_codes = {
            level: {row.code for row in level_rows if row.code not in self.existing[level]}
            for level, level_rows in rows.items()
        }
        for sheet in SHEETS:
            for row in sorted(rows[sheet.key], key=lambda r: natural_key(r.code)):
                self._row(sheet.key, row, new_codes)
        return self.outcome

    def _row(self, level: str, row: Row, new_codes) -> None:
        if not row.code:
            return
        obj = self.objects[level].get(row.code)
        parent = None
        if obj is None and level != "aims":
            parent_level, parent_code = _parent_code(level, row.code)
            parent = self.objects[parent_level].get(parent_code)
            if parent is None:
                if parent_code not in new_codes[parent_level]:
                    self._problem(row, "code", self._no_parent(parent_level, parent_code))
                return  # the parent's own row says what is wrong with it
        if not row.ok:
            return
        desired = self._desired(level, row, obj)
        if obj is not None:
            desired = {
                key: value
                for key, value in desired.items()
                if _plain(value) != _plain(_current(obj, key))
            }
            if not desired:
                return  # unchanged: no service call, no audit entry
        if not self._allowed(level, row, obj, desired):
            return
        try:
            made = self._apply(level, row, obj, parent, desired)
        except ValidationError as error:
            self._refused(row, error)
            return
        if obj is None:
            self.objects[level][row.code] = made
            self.outcome.created += 1
        else:
            self.outcome.updated += 1

    def _desired(self, level: str, row: Row, obj) -> dict:
        values = row.values
        desired = {key: values[key] for key in FIELDS[level] if key in values}
        if "title_tr" in values or "title_en" in values:
            title = dict(obj.title) if obj is not None else {}
            for language in ("tr", "en"):
                if f"title_{language}" in values:
                    title[language] = values[f"title_{language}"]
            desired["title"] = {k: v for k, v in title.items() if v}
        parts = [(target_key(key), value) for key, value in values.items() if target_key(key)]
        if parts:
            targets = _targets(obj)
            for (year, part), value in parts:
                targets.setdefault(year, dict.fromkeys(TARGET_PARTS))[part] = value
            desired["targets"] = {
                year: target
                for year, target in sorted(targets.items())
                if any(v is not None for v in target.values())
            }
        return desired

    # Who may change what -----------------------------------------------------------------

    def _allowed(self, level: str, row: Row, obj, desired: dict) -> bool:
        status = self.plan.status
        keys = ["code"] if obj is None else list(desired)
        if status in EDITABLE_STATUSES:
            if not self.manage:
                message = _(
                    "While the plan is being prepared only the equality unit changes it; focal "
                    "points report on their actions once it is approved."
                )
                return self._refuse_all(row, keys, message)
            if desired.get("budget_actual") is not None or (
                obj is not None and "budget_actual" in desired
            ):
                self._problem(
                    row,
                    "budget_actual",
                    _("Actual spending is reported once the plan is approved."),
                )
                return False
            return True
        if status in structure.REPORTABLE_STATUSES:
            if obj is None:
                return self._refuse_all(
                    row, keys, _("The plan is approved, so no rows can be added to it.")
                )
            fixed = [key for key in desired if key not in structure.REPORT_FIELDS]
            if level != "actions" or fixed:
                return self._refuse_all(
                    row,
                    fixed or keys,
                    _(
                        "The plan is approved, so this cannot change; only the status, progress "
                        "and actual spending of actions are reported."
                    ),
                )
            if not can_edit_directorate(self.membership, obj.lead_directorate):
                self._problem(
                    row,
                    keys[0],
                    _(
                        "You report only on actions your directorate leads; this one is led by "
                        "%(directorate)s."
                    )
                    % {"directorate": obj.lead_directorate},
                )
                return False
            return True
        message = _("This plan is “%(status)s”; nothing in it changes any more.") % {
            "status": self.plan.get_status_display()
        }
        return self._refuse_all(row, keys, message)

    def _refuse_all(self, row: Row, keys, message: str) -> bool:
        for key in keys:
            self._problem(row, self._title_column(row) if key == "title" else key, message)
        return False

    def _title_column(self, row: Row) -> str:
        """Which of the two title columns changed: the English one only when the Turkish one
        is as it was."""
        obj = self.objects[row.sheet.key].get(row.code)
        values = row.values
        if obj is not None and "title_en" in values:
            turkish = values.get("title_tr", obj.title.get("tr", ""))
            if _plain(turkish) == _plain(obj.title.get("tr", "")):
                return "title_en"
        return "title_tr"

    # Writing through the services --------------------------------------------------------

    def _apply(self, level: str, row: Row, obj, parent, desired: dict):
        by = self.by
        if level == "aims":
            title = desired.get("title", obj.title if obj else {})
            heading = desired.get("heading", obj.heading if obj else None)
            if obj is None:
                return structure.aim_create(
                    plan=self.plan, title=title, heading=heading, by=by, code=row.code
                )
            return structure.aim_update(aim=obj, by=by, title=title, heading=heading)
        if level == "objectives":
            if obj is None:
                return structure.objective_create(
                    aim=parent, title=desired.get("title", {}), by=by, code=row.code
                )
            return structure.objective_update(objective=obj, by=by, title=desired["title"])
        if level == "actions":
            return self._apply_action(row, obj, parent, desired)
        targets = desired.pop("targets", None)
        target_list = (
            None
            if targets is None
            else [{"year": year, **target} for year, target in targets.items()]
        )
        if obj is None:
            values = {k: v for k, v in desired.items() if v is not None}
            return indicators.indicator_create(
                parent=parent,
                title=values.pop("title", {}),
                by=by,
                targets=target_list or (),
                code=row.code,
                **values,
            )
        return indicators.indicator_update(indicator=obj, by=by, targets=target_list, **desired)

    def _apply_action(self, row: Row, obj, parent, desired: dict):
        by = self.by
        if obj is None:
            values = {k: v for k, v in desired.items() if v is not None}
            return structure.action_create(
                objective=parent,
                title=values.pop("title", {}),
                lead_directorate=values.pop("lead_directorate", None),
                by=by,
                code=row.code,
                **values,
            )
        if self.plan.status in structure.REPORTABLE_STATUSES:
            report = {key: desired.get(key, getattr(obj, key)) for key in structure.REPORT_FIELDS}
            return structure.action_report(action=obj, by=by, **report)
        return structure.action_update(action=obj, by=by, **desired)

    # Messages ----------------------------------------------------------------------------

    def _refused(self, row: Row, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            items = error.message_dict.items()
        else:
            items = [(NON_FIELD_ERRORS, error.messages)]
        for name, messages in items:
            for message in messages:
                self._problem(row, "title_tr" if name == "title" else name, message)

    def _problem(self, row: Row, key: str, message: str) -> None:
        if key == "targets":
            header, letter, raw = pgettext("workbook", "Targets"), "", ""
        elif key == NON_FIELD_ERRORS:
            header, letter, raw = "", "", ""
        else:
            header, letter, raw = row.where(key)
        self.report.add(row.sheet_name, row.number, header, raw, message, letter)
        row.ok = False

    @staticmethod
    def _no_parent(level: str, code: str) -> str:
        messages = {
            "aims": _("There is no aim %(code)s in the plan or on the Aims sheet."),
            "objectives": _(
                "There is no objective %(code)s in the plan or on the Objectives sheet."
            ),
            "actions": _("There is no action %(code)s in the plan or on the Actions sheet."),
        }
        return messages[level] % {"code": code}
