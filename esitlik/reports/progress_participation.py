"""The plan monitoring report's participation section: what became of the inputs raised for
the plan edition, the actions they became, and the events held with their participants by
sex, protected for the public."""

from __future__ import annotations

import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from esitlik.analytics.disclosure import CONFIDENTIAL, protect
from esitlik.core.i18n_text import localized
from esitlik.participation.models import Input
from esitlik.participation.summary import PEOPLE_SHARES_MIN
from esitlik.reports import formats
from esitlik.reports.document import Column, Section, Table
from esitlik.reports.participation_words import participation_sentences
from esitlik.reports.progress import PlanSources, natural
from esitlik.reports.progress_counts import input_counts, localized_title, status_label
from esitlik.reports.public import marks
from esitlik.reports.tables import C, events_table, participants_table


def participation(sources: PlanSources, public: bool, language: str, records: list) -> Section:
    section = Section("participation", _("From participation to actions"))
    counts = input_counts(sources)
    summary = sources.summary
    if not counts["total"] and not summary.held:
        section.missing = _(
            "No participation event or input has been recorded for this plan edition."
        )
        return section
    section.paragraphs.append(
        _(
            "The inputs raised at this edition's events or traced to its actions and received "
            "by %(day)s, with the decision recorded on each, and the actions they became."
        )
        % {"day": formats.day(sources.judged_on, language)}
    )
    S = Input.Status
    total = counts["total"]
    if total:
        order = [S.TAKEN, S.PARTLY_TAKEN, S.NOT_TAKEN, S.UNDER_REVIEW]
        statuses = [item.status for item in sources.inputs]
        section.tables.append(
            Table(
                "decisions",
                _("What became of the inputs"),
                [
                    Column("decision", _("Decision"), C.TEXT),
                    Column("inputs", _("Inputs"), C.COUNT),
                    Column("share", _("Share"), C.SHARE),
                ],
                [
                    [str(status.label), statuses.count(status), statuses.count(status) / total]
                    for status in order
                ]
                + [[_("Total"), total, 1.0]],
            )
        )
    if sources.taken:
        section.tables.append(_became(sources, language))
        section.tables.append(_taken(sources, public, language))
    if summary.held:
        section.tables.append(events_table(summary, _("Events held for this plan, by kind")))
        rows, cells = _participants(sources, public, records)
        section.tables.append(
            participants_table(
                rows,
                note=_("Shares are shown from %(count)s participants.")
                % {"count": PEOPLE_SHARES_MIN},
            )
        )
    else:
        cells = {}
    section.findings.extend(
        participation_sentences(
            held=summary.held,
            cells=cells,
            shares=summary.people_shares,
            stakeholders=summary.stakeholder_count,
            inputs=counts,
            language=language,
        )
    )
    return section


def _participants(sources: PlanSources, public: bool, records: list):
    """Participants of the edition's held events by sex: (rows, participants shown), each
    count protected for the public."""
    summary = sources.summary
    counts = {row.key: row.count for row in summary.sexes}
    total = summary.participants
    cells = {**counts, "total": total}
    if public and total:
        frame = pd.DataFrame([{k: float(v) for k, v in cells.items()}], index=["participants"])
        result = protect(frame, row_total="total", label="participants")
        records.append(result.record)
        for (_row, column), marker in marks(result):
            cells[column] = marker
    shares = summary.people_shares and isinstance(cells["total"], int)
    rows = []
    for row in summary.sexes:
        count = cells[row.key]
        share = count / total if shares and isinstance(count, int) else None
        if shares and count == CONFIDENTIAL:
            share = CONFIDENTIAL
        rows.append([row.label, count, share])
    rows.append([_("Total"), cells["total"], 1.0 if shares and total else None])
    return rows, cells


def _became(sources: PlanSources, language: str) -> Table:
    """The actions inputs became, each with how many and which inputs led to it."""
    then = {action.pk: action for action in sources.actions}
    grouped: dict[int, list[Input]] = {}
    for taken in sources.taken:
        grouped.setdefault(taken.action.pk, []).append(taken.item)
    rows = []
    for pk, items in grouped.items():
        action = then.get(pk)
        if action is None:  # not this plan's (cannot happen: the query keeps its own)
            continue
        references = sorted(item.reference for item in items)
        rows.append(
            [
                action.code,
                localized_title(action, language),
                status_label(action.status),
                action.progress / 100,
                len(references),
                ", ".join(references),
            ]
        )
    rows.sort(key=lambda row: natural(row[0]))
    return Table(
        "became",
        _("Actions arising from inputs"),
        [
            Column("code", _("Code"), C.TEXT),
            Column("action", pgettext("plan", "Action"), C.TEXT),
            Column("status", _("Status"), C.TEXT),
            Column("progress", _("Progress"), C.SHARE),
            Column("inputs", _("Inputs"), C.COUNT),
            Column("references", _("Input references"), C.TEXT),
        ],
        rows,
    )


def _taken(sources: PlanSources, public: bool, language: str) -> Table:
    """Every input taken into the plan and each action it led to: in the workbook and the
    JSON; what the input said only in the internal version."""
    kinds = dict(Input.Kind.choices)
    rows = []
    for taken in sorted(sources.taken, key=lambda t: (t.item.reference, natural(t.action.code))):
        item = taken.item
        row = [
            item.reference,
            item.received_on.isoformat(),
            str(kinds.get(item.kind, item.kind)),
            localized(item.heading.title, language) if item.heading else "",
            str(Input.Status(item.status).label),
            taken.action.code,
        ]
        if not public:
            row.append(item.text)
        rows.append(row)
    columns = [
        Column("reference", _("Input"), C.TEXT),
        Column("received", _("Received on"), C.DATE),
        Column("kind", _("Kind"), C.TEXT),
        Column("heading", _("YEEP heading"), C.TEXT),
        Column("decision", _("Decision"), C.TEXT),
        Column("action", pgettext("plan", "Action"), C.TEXT),
    ]
    if not public:
        columns.append(Column("text", _("What was said (internal)"), C.TEXT))
    return Table("taken", _("Inputs taken into the plan"), columns, rows, detail=True)
