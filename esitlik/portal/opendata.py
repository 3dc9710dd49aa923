"""The portal's open data: every public table in a tidy layout, as CSV and JSON, and a
Frictionless Data Package describing them.

Tidy means one observation per row: ``Year``, then the dimensions, then ``Value`` (the layout
Open SDG reads). A figure hidden by disclosure control has an empty ``Value`` and its marker
in ``Marker`` ("c" hidden, "-" a true zero). Column names are the same in every language;
labels in the cells follow the language of the request. Tables are built from
``portal.selectors`` only, so the files never hold more than the pages.

Formula injection: the CSV files are neutralised like every other CSV the software writes
(``core.cells.safe_text``): a text starting with ``=``, ``+``, ``-``, ``@`` or a tab gets one
leading ``'`` (a carriage return is written as a line feed, see ``as_csv``). Open data is read
by programs, but the CSV is also what a journalist or a citizen opens in a spreadsheet, and
the titles in it are typed by users, so OWASP's advice for any CSV a person may open applies.
Programs can undo it: numbers, a plain-number text and the marker ``-`` are never quoted, the
quoted cells are all in ``string`` fields (so the Data Package still validates),
``core.cells.unquote`` or "drop one ``'`` before ``= + - @``" gives the text back, and the
JSON of each table carries every text exactly as typed."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from esitlik.analytics.disclosure import ZERO as TRUE_ZERO
from esitlik.core.cells import safe_row
from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.portal import selectors


@dataclass
class Table:
    name: str
    title: str
    description: str
    fields: list[tuple[str, str]]  # (column, Frictionless type)
    rows: list[list]


TABLES = {
    "plan-actions": gettext_lazy("Actions of the adopted plan and their progress (%)"),
    "indicators": gettext_lazy("Indicators: approved values and targets"),
    "inputs": gettext_lazy("What we heard: inputs by kind and decision"),
    "participation": gettext_lazy("Participation: events, participants and inputs"),
    "training": gettext_lazy("Training: staff trained and people reached"),
}


def _value(cell):
    """(Value, Marker) for a count that may be a marker."""
    if isinstance(cell, str):
        return (0 if cell == TRUE_ZERO else None), cell
    if isinstance(cell, Decimal):
        return float(cell), ""
    return cell, ""


def _actions(municipality: Municipality) -> Table:
    plan = selectors.current_plan(municipality)
    rows = []
    if plan is not None:
        year = timezone.localdate().year
        tree, _progress, _count = selectors.plan_tree(plan)
        for aim in tree:
            for objective in aim["objectives"]:
                for action in objective["actions"]:
                    rows.append(
                        [
                            year,
                            localized(plan.title),
                            aim["aim"].code,
                            objective["objective"].code,
                            action.code,
                            localized(action.title),
                            str(action.lead_directorate),
                            action.get_status_display(),
                            action.progress,
                        ]
                    )
    return Table(
        "plan-actions",
        str(TABLES["plan-actions"]),
        _("Year is the year of the reading; Value is the action's progress in percent."),
        [
            ("Year", "integer"),
            ("Plan", "string"),
            ("Aim", "string"),
            ("Objective", "string"),
            ("Action", "string"),
            ("Title", "string"),
            ("Lead directorate", "string"),
            ("Status", "string"),
            ("Value", "number"),
        ],
        rows,
    )


def half_label(half: int) -> str:
    return {0: _("Year"), 1: _("First half"), 2: _("Second half")}[half]


def _indicators(municipality: Municipality) -> Table:
    plan = selectors.current_plan(municipality)
    rows = []
    if plan is not None:
        for view in selectors.indicators(plan):
            indicator = view.indicator
            title = localized(indicator.title)
            for update in view.values:
                if update.value is not None:
                    rows.append(
                        [
                            update.year,
                            indicator.code,
                            title,
                            _("Value"),
                            half_label(update.half),
                            indicator.unit,
                            float(update.value),
                        ]
                    )
            for target in view.targets:
                rows.append(
                    [
                        target.year,
                        indicator.code,
                        title,
                        _("Target"),
                        half_label(0),
                        indicator.unit,
                        float(target.value),
                    ]
                )
    return Table(
        "indicators",
        str(TABLES["indicators"]),
        _("Approved values only; a value waiting for review is not published."),
        [
            ("Year", "integer"),
            ("Indicator", "string"),
            ("Title", "string"),
            ("Series", "string"),
            ("Period", "string"),
            ("Unit", "string"),
            ("Value", "number"),
        ],
        rows,
    )


def _inputs(municipality: Municipality) -> Table:
    counts: dict[tuple, int] = {}
    for item in selectors.public_inputs(municipality):
        key = (item.received_on.year, item.kind, item.status_label)
        counts[key] = counts.get(key, 0) + 1
    return Table(
        "inputs",
        str(TABLES["inputs"]),
        _("Inputs received, by year, kind and decision."),
        [("Year", "integer"), ("Kind", "string"), ("Decision", "string"), ("Value", "integer")],
        [[*key, count] for key, count in sorted(counts.items(), key=lambda kv: kv[0])],
    )


def _participation(municipality: Municipality) -> Table:
    rows = []
    for year, summary in selectors.participation_by_year(municipality):
        rows.append([year, _("Events held"), _("All"), summary.held, ""])
        for event in summary.events:
            if event.held:
                rows.append([year, _("Events held"), event.label, event.held, ""])
        rows.append([year, _("Participants"), _("All"), *_value(summary.participants)])
        for row in summary.sexes:
            rows.append([year, _("Participants by sex"), row.label, *_value(row.count)])
        for row in summary.groups:
            rows.append([year, _("Participants by group"), row.label, *_value(row.count)])
        rows.append([year, _("Inputs"), _("All"), summary.inputs, ""])
        for row in summary.decisions:
            rows.append([year, _("Inputs by decision"), row.label, *_value(row.count)])
    return Table(
        "participation",
        str(TABLES["participation"]),
        _(
            "Counts of people from 1 to 4 are hidden (Marker c), with one more where needed so "
            "a hidden count cannot be worked out from the total."
        ),
        [
            ("Year", "integer"),
            ("Measure", "string"),
            ("Category", "string"),
            ("Value", "integer"),
            ("Marker", "string"),
        ],
        rows,
    )


def _training(municipality: Municipality) -> Table:
    labels = dict(selectors.sexes())
    labels["total"] = _("Total")
    rows = []
    for year in selectors.training_by_year(municipality):
        groups = [(_("Staff trained"), _("All"), year.people)] if year.people else []
        groups += [(_("Staff trained by role"), label, cells) for label, cells in year.by_role]
        groups += [(_("People reached by programmes"), label, cells) for label, cells in year.reach]
        for measure, category, cells in groups:
            for sex, cell in cells.items():
                rows.append([year.year, measure, category, str(labels[sex]), *_value(cell)])
    return Table(
        "training",
        str(TABLES["training"]),
        _("People counted once a year; counts under the threshold are hidden (Marker c)."),
        [
            ("Year", "integer"),
            ("Measure", "string"),
            ("Category", "string"),
            ("Sex", "string"),
            ("Value", "integer"),
            ("Marker", "string"),
        ],
        rows,
    )


BUILDERS = {
    "plan-actions": _actions,
    "indicators": _indicators,
    "inputs": _inputs,
    "participation": _participation,
    "training": _training,
}


def table(municipality: Municipality, name: str) -> Table:
    return BUILDERS[name](municipality)


def as_csv(data: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _type in data.fields])
    for row in data.rows:
        writer.writerow(safe_row(_one_line_end(cell) for cell in row))
    return out.getvalue()


def _one_line_end(cell):
    # Rows end in "\n", so the csv module quotes a text holding "\n" but not one holding a
    # lone "\r" (a title pasted from a Windows form), which readers take for a row's end.
    if isinstance(cell, str) and "\r" in cell:
        return cell.replace("\r\n", "\n").replace("\r", "\n")
    return cell


def as_json(data: Table) -> dict:
    names = [name for name, _type in data.fields]
    return {
        "name": data.name,
        "title": data.title,
        "description": data.description,
        "fields": [{"name": name, "type": kind} for name, kind in data.fields],
        "rows": [dict(zip(names, row, strict=True)) for row in data.rows],
    }


def datapackage(municipality: Municipality) -> dict:
    """A Frictionless Data Package: one resource per table, each a CSV beside this file."""
    resources = []
    for name in BUILDERS:
        data = table(municipality, name)
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "title": data.title,
                "description": data.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": n, "type": kind} for n, kind in data.fields],
                    "missingValues": [""],
                },
            }
        )
    return {
        "name": f"esitlik-{municipality.slug}",
        "title": _("Open data of %(name)s's equality work") % {"name": municipality.name},
        "created": timezone.now().isoformat(timespec="seconds"),
        "resources": resources,
    }
