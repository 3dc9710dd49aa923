"""The Equality in Service report's sections on people inside the municipality and around
it: the workforce and decision-makers against the 40–60 balance, training (capacity), and
participation."""

from __future__ import annotations

import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from esitlik.analytics.disclosure import protect
from esitlik.datasets.vocab import DecisionBody
from esitlik.participation.summary import published
from esitlik.reports import charts, words
from esitlik.reports.document import Column, Section, Table
from esitlik.reports.gather import Sources
from esitlik.reports.participation_words import input_counts_of, participation_sentences
from esitlik.reports.public import COUNTS, Hidden, marks, with_rest
from esitlik.reports.tables import (
    C,
    counted,
    events_table,
    participants_table,
    plain,
    sex_columns,
)
from esitlik.training.sentence import training_sentence


def _yes_no(balanced) -> str:
    if plain(balanced) is None:
        return ""
    return _("Yes") if bool(balanced) else _("No")


def _protected_rows(frame: pd.DataFrame, key: str, public: bool, table: str):
    """Staff counts by ``key``, protected row by row for the public (no column totals are
    shown, so rows stand alone)."""
    if not public or frame.empty:
        return None
    counts = frame[COUNTS].astype("float64")
    counts.index = list(frame[key])
    result = protect(counts, row_total="total", label=table)
    hidden = Hidden(records=[result.record])
    hidden.cells = {(table, row, column): marker for (row, column), marker in marks(result)}
    return hidden


def workforce(sources: Sources, public: bool, language: str, records: list) -> Section:
    section = Section("workforce", _("Workforce and decision-makers"))
    keys = ["women", "men", "rest", "total", "share_women"]
    if sources.workforce.empty and sources.decisions.empty:
        section.missing = _(
            "No workforce or decision-maker figures have been imported for this year."
        )
        return section
    if not sources.decisions.empty:
        bodies = with_rest(sources.decisions)
        rows = []
        for values in bodies.to_dict("records"):
            label = str(DecisionBody(values["body"]).label)
            rows.append(
                [label, *counted(values, keys, None, "", None), _yes_no(values["balanced"])]
            )
            share = plain(values["share_women"])
            if share is not None:
                section.findings.append(
                    words.balance_sentence(body=label, share_women=share, language=language)
                )
        table = Table(
            "decision_makers",
            _("Decision-makers by sex"),
            [
                Column("body", _("Body"), C.TEXT),
                *sex_columns(),
                Column("balanced", _("Within 40–60%"), C.TEXT),
            ],
            rows,
            note=_(
                "Members of elected and appointed bodies are public office holders; their "
                "numbers are published as they are."
            ),
        )
        section.tables.append(table)
        section.charts.append(charts.share_by(table, "body", _("Women's share by body"), language))
    if not sources.workforce.empty:
        staff = with_rest(sources.workforce)
        hidden = _protected_rows(staff, "role_category", public, "workforce")
        if hidden:
            records.extend(hidden.records)
        rows = [
            [
                str(values["role_category"] or _("Not stated")),
                *counted(values, keys, hidden, "workforce", values["role_category"]),
                _yes_no(values["balanced"]),
            ]
            for values in staff.to_dict("records")
        ]
        section.tables.append(
            Table(
                "workforce",
                _("Staff by role category and sex"),
                [
                    Column("role_category", _("Role category"), C.TEXT),
                    *sex_columns(),
                    Column("balanced", _("Within 40–60%"), C.TEXT),
                ],
                rows,
            )
        )
    trend = sources.decisions_trend
    if not trend.empty and trend["year"].nunique() > 1:
        section.tables.append(
            Table(
                "decision_makers_trend",
                _("Women's share of each body, year by year"),
                [
                    Column("year", _("Year"), C.YEAR),
                    Column("body", _("Body"), C.TEXT),
                    Column("share_women", _("Women's share"), C.SHARE),
                ],
                [
                    [int(r["year"]), str(DecisionBody(r["body"]).label), plain(r["share_women"])]
                    for r in trend.to_dict("records")
                ],
            )
        )
    return section


def capacity(sources: Sources, public: bool, language: str, records: list) -> Section:
    section = Section("capacity", _("Capacity: training and the trainer pool"))
    figures = sources.training()
    if not figures.sessions:
        section.missing = _("No training session was held in this year.")
        return section
    section.paragraphs.append(training_sentence(figures, language))
    coverage = figures.coverage
    if coverage.rows:
        frame = pd.DataFrame(
            [
                {
                    "key": row.label,
                    "women": row.cells[0].trained,
                    "men": row.cells[1].trained,
                    "rest": row.cells[2].trained,
                    "total": row.total.trained,
                    "workforce": row.total.workforce,
                    "coverage": row.total.share,
                }
                for row in coverage.rows
            ]
        )
        hidden = _protected_rows(frame, "key", public, "training")
        if hidden:
            records.extend(hidden.records)
        rows = []
        for values in frame.to_dict("records"):
            cells = counted(
                values, ["women", "men", "rest", "total"], hidden, "training", values["key"]
            )
            share = plain(values["coverage"])
            if hidden and hidden.hides("training", values["key"], "total"):
                share = "c"
            rows.append([values["key"], *cells, plain(values["workforce"]), share])
        section.tables.append(
            Table(
                "training_coverage",
                _("Staff trained by role category and sex, against the workforce"),
                [
                    Column("role_category", _("Role category"), C.TEXT),
                    Column("women", pgettext("sex", "Women"), C.COUNT),
                    Column("men", pgettext("sex", "Men"), C.COUNT),
                    Column("rest", _("Other or not stated"), C.COUNT),
                    Column("total", _("Trained"), C.COUNT),
                    Column("workforce", _("Workforce"), C.COUNT),
                    Column("coverage", _("Share trained"), C.SHARE),
                ],
                rows,
            )
        )
    if figures.pool_size:
        section.paragraphs.append(
            _("The trainer pool has %(count)s trainers.") % {"count": figures.pool_size}
        )
        section.tables.append(
            Table(
                "trainer_pool",
                _("Trainer pool by certification"),
                [
                    Column("certification", _("Certification"), C.TEXT),
                    Column("active", _("Active trainers"), C.COUNT),
                    Column("in_training", _("In training"), C.COUNT),
                ],
                [[row.label, row.active, row.in_training] for row in figures.pool_certification],
            )
        )
    return section


def participation(sources: Sources, public: bool, language: str) -> Section:
    section = Section("participation", _("Participation"))
    summary = sources.participation()
    if not summary.held and not summary.inputs:
        section.missing = _("No participation event was held in this year.")
        return section
    if public:
        summary = published(summary)
    cells = {row.key: row.count for row in summary.sexes}
    section.paragraphs.extend(
        participation_sentences(
            held=summary.held,
            cells={**cells, "total": summary.participants},
            shares=summary.people_shares,
            stakeholders=summary.stakeholder_count,
            inputs=input_counts_of(summary),
            year=sources.year,
            language=language,
        )
    )
    section.tables.append(events_table(summary, _("Events held by kind")))
    section.tables.append(
        participants_table([[row.label, row.count, row.share] for row in summary.sexes])
    )
    section.tables.append(
        Table(
            "inputs",
            _("What became of the inputs"),
            [
                Column("decision", _("Decision"), C.TEXT),
                Column("count", _("Inputs"), C.COUNT),
                Column("share", _("Share"), C.SHARE),
            ],
            [[row.label, row.count, row.share] for row in summary.decisions],
        )
    )
    return section
