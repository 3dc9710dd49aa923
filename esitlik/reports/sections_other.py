"""The Equality in Service report's sections on money, on missing data and on method."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from esitlik.analytics.disclosure import threshold_for
from esitlik.analytics.findings import MIN_EXPECTED, MIN_SIZE
from esitlik.core.i18n_text import localized
from esitlik.datasets.completeness import State
from esitlik.datasets.kinds import Kind
from esitlik.datasets.vocab import EqualityTag
from esitlik.reports import formats
from esitlik.reports.document import Column, Section, Table
from esitlik.reports.gather import Sources
from esitlik.reports.tables import C, plain

TAG_ORDER = [EqualityTag.TARGETED, EqualityTag.MAINSTREAMED, EqualityTag.NEUTRAL]


def _money(value) -> float | None:
    value = plain(value)
    return None if value is None else float(value)


def budget(sources: Sources, language: str) -> Section:
    section = Section("budget", _("Budget"))
    frame = sources.budget
    if frame.empty:
        section.missing = _("No budget lines have been imported for this year.")
        return section
    by_tag = {row["equality_tag"]: row for row in frame.to_dict("records")}
    rows = []
    for tag in TAG_ORDER:
        row = by_tag.get(tag.value)
        if row is not None:
            rows.append(
                [str(tag.label), int(row["lines"]), _money(row["planned"]), _money(row["actual"])]
            )
    total_planned = sum(r[2] or 0 for r in rows)
    total_actual = sum(r[3] or 0 for r in rows)
    tagged = [row for tag, row in by_tag.items() if tag != EqualityTag.NEUTRAL]
    tagged_actual = sum(_money(row["actual"]) or 0 for row in tagged)
    tagged_planned = sum(_money(row["planned"]) or 0 for row in tagged)
    for row in rows:
        row.append(row[3] / total_actual if total_actual and row[3] is not None else None)
    rows.append(
        [
            _("Total"),
            sum(r[1] for r in rows),
            total_planned,
            total_actual,
            1.0 if total_actual else None,
        ]
    )
    if total_actual:
        section.paragraphs.append(
            _(
                "Equality-tagged lines (targeted or mainstreamed) make up %(actual)s of actual "
                "spending, against %(planned)s of the planned budget."
            )
            % {
                "actual": formats.percent(tagged_actual / total_actual, language),
                "planned": formats.percent(tagged_planned / total_planned, language)
                if total_planned
                else "–",
            }
        )
    section.tables.append(
        Table(
            "budget",
            _("Budget lines by equality tag (TRY)"),
            [
                Column("tag", _("Equality tag"), C.TEXT),
                Column("lines", _("Lines"), C.COUNT),
                Column("planned", _("Planned"), C.AMOUNT),
                Column("actual", _("Actual"), C.AMOUNT),
                Column("share_actual", _("Share of actual spending"), C.SHARE),
            ],
            rows,
        )
    )
    detail = []
    for row in sources.budget_by_directorate.to_dict("records"):
        directorate = plain(row["directorate_id"])
        detail.append(
            [
                localized(sources.directorates.get(directorate), language) if directorate else "",
                str(EqualityTag(row["equality_tag"]).label),
                int(row["lines"]),
                _money(row["planned"]),
                _money(row["actual"]),
            ]
        )
    detail.sort(key=lambda r: (r[0], r[1]))
    section.tables.append(
        Table(
            "budget_by_directorate",
            _("Budget lines by directorate and equality tag (TRY)"),
            [
                Column("directorate", _("Directorate"), C.TEXT),
                Column("tag", _("Equality tag"), C.TEXT),
                Column("lines", _("Lines"), C.COUNT),
                Column("planned", _("Planned"), C.AMOUNT),
                Column("actual", _("Actual"), C.AMOUNT),
            ],
            detail,
            detail=True,
        )
    )
    return section


def data_gaps(sources: Sources, language: str) -> Section:
    section = Section("data_gaps", _("Data gaps"))
    rows = []
    for row in sources.completeness.rows:
        if row.state in (State.RECEIVED, State.ARRIVED):
            continue
        rows.append(
            [
                localized(row.directorate.name, language)
                if row.directorate
                else _("Outside sources"),
                str(Kind(row.kind).label),
                str(State.LABELS[row.state]),
            ]
        )
    served = set()
    if sources.eis is not None:
        served = {int(s) for s in sources.eis.by_service["service_id"]}
    silent = sorted(
        (
            localized(sources.directorates.get(info.directorate_id), language),
            localized(info.name, language),
        )
        for service_id, info in sources.services.items()
        if service_id not in served
    )
    if not rows and not silent:
        section.paragraphs.append(
            _(
                "Every directorate expected to send data sent it, split by sex, and every "
                "service in the catalogue has figures."
            )
        )
        return section
    if rows:
        section.paragraphs.append(
            ngettext(
                "%(count)s expected data set is missing or not split by sex.",
                "%(count)s expected data sets are missing or not split by sex.",
                len(rows),
            )
            % {"count": len(rows)}
        )
        section.tables.append(
            Table(
                "data_expected",
                _("Data expected and not received as needed"),
                [
                    Column("directorate", _("Directorate"), C.TEXT),
                    Column("kind", _("Data"), C.TEXT),
                    Column("state", _("State"), C.TEXT),
                ],
                rows,
            )
        )
    if silent:
        section.paragraphs.append(
            ngettext(
                "%(count)s service in the catalogue has no figures for the year.",
                "%(count)s services in the catalogue have no figures for the year.",
                len(silent),
            )
            % {"count": len(silent)}
        )
        section.tables.append(
            Table(
                "services_without_data",
                _("Services without data"),
                [
                    Column("directorate", _("Directorate"), C.TEXT),
                    Column("service", _("Service"), C.TEXT),
                ],
                [list(pair) for pair in silent],
            )
        )
    return section


def method(sources: Sources, public: bool, language: str, hidden_cells: int) -> Section:
    section = Section("method", _("Method"))
    section.paragraphs += [
        _(
            "Beneficiaries are the service uses recorded as received, or with no outcome "
            "recorded; directorates that keep only totals send counts, which are added in."
        ),
        _(
            "Women's share is women ÷ (women + men); people of another or unstated sex are "
            "counted in the totals but not in the share. The 40–60% balance is the European "
            "Institute for Gender Equality's: a share outside it is an imbalance."
        ),
        _(
            "The representation ratio is a service's women's share divided by the share of "
            "women among residents of the same ages (direct age standardisation with the "
            "service's own age mix). A gap is a ratio below 0.8 or above 1.25, or a share "
            "outside 40–60%%, in a group of at least %(size)s people with at least %(expected)s "
            "women and %(expected)s men expected; gaps are ranked by the number of people "
            "missing."
        )
        % {"size": MIN_SIZE, "expected": MIN_EXPECTED},
    ]
    if public:
        section.paragraphs.append(
            _(
                "Disclosure control: counts from 1 to %(low)s (from 1 to %(high)s for sensitive "
                "services such as violence support) are hidden and marked “c”, with further "
                "cells hidden where a hidden one could be worked out from totals; shares from a "
                "hidden count are hidden too. “-” is a true zero, “..” not available. "
                "%(cells)s cells are hidden in this report."
            )
            % {
                "low": threshold_for() - 1,
                "high": threshold_for(sensitive=True) - 1,
                "cells": hidden_cells,
            }
        )
    else:
        section.paragraphs.append(
            _(
                "This is the internal version: it shows every figure, however small. Publish "
                "the public version, which applies disclosure control."
            )
        )
    rows = [
        [
            run.pk,
            str(Kind(run.kind).label),
            run.year,
            localized(sources.directorates.get(run.directorate_id), language)
            if run.directorate_id
            else "",
            # The rows the directorate sent: service records are stored fewer, as counts.
            run.rows_read,
            run.finished_at.date().isoformat() if run.finished_at else None,
        ]
        for run in sources.runs
    ]
    section.tables.append(
        Table(
            "sources",
            _("Data the figures come from"),
            [
                Column("run", _("Import no."), C.COUNT),
                Column("kind", _("Data"), C.TEXT),
                Column("year", _("Year"), C.YEAR),
                Column("directorate", _("Directorate"), C.TEXT),
                Column("rows", _("Rows"), C.COUNT),
                Column("landed", _("Imported on"), C.DATE),
            ],
            rows,
        )
    )
    return section
