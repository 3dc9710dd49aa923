"""The plan monitoring report's summary, and its progress by aim, objective, action and lead
directorate, with the chart of each aim's weighted progress."""

from __future__ import annotations

import altair as alt
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from esitlik.core.i18n_text import localized
from esitlik.plans import rollup
from esitlik.plans.deadlines import State as DueState
from esitlik.plans.models import Action
from esitlik.reports import charts, formats
from esitlik.reports.document import Chart, Column, Section, Table
from esitlik.reports.participation_words import inputs_sentence
from esitlik.reports.progress import PlanSources, period_label
from esitlik.reports.progress_counts import (
    as_share,
    coverage_counts,
    directorate_name,
    input_counts,
    light_counts,
    localized_title,
    owing_counts,
    status_label,
    top_directorate,
)
from esitlik.reports.progress_words import (
    actions_sentence,
    coverage_sentence,
    extremes_sentence,
    indicators_sentence,
    overdue_sentence,
    pct,
    progress_sentence,
    unreported_sentence,
)
from esitlik.reports.tables import C

PROGRESS_COLOUR = "#2b6a99"


def _status_counts(actions) -> dict:
    counts: dict = {}
    for action in actions:
        counts[action.status] = counts.get(action.status, 0) + 1
    return counts


def summary(sources: PlanSources, language: str) -> Section:
    plan = sources.plan
    section = Section("summary", _("Summary"))
    section.paragraphs.append(
        _(
            "This report shows where %(plan)s (%(years)s) stood at the end of %(period)s: how "
            "far its actions have come, its indicators against their targets, what was overdue "
            "and where, which Charter articles and YEEP headings it covers, and which inputs "
            "from participation became actions."
        )
        % {
            "plan": localized(plan.title, language),
            "years": plan.period,
            "period": period_label(sources.period),
        }
    )
    if not sources.over:
        section.paragraphs.append(
            _("The period is not over yet: the figures are those of %(day)s.")
            % {"day": formats.day(sources.today, language)}
        )
    previous = (
        as_share(rollup.weighted_progress(sources.previous_actions))
        if sources.previous_actions is not None
        else None
    )
    overall = as_share(rollup.weighted_progress(sources.actions))
    section.findings.append(progress_sentence(overall, previous, language))
    section.findings.append(actions_sentence(_status_counts(sources.actions), language))
    unreported = sum(1 for a in sources.actions if a.pk not in sources.last_reported)
    if unreported:
        section.findings.append(unreported_sentence(unreported, sources.reports_until, language))
    section.findings.append(indicators_sentence(light_counts(sources), language))
    section.findings.append(
        overdue_sentence(
            day=sources.judged_on,
            top=top_directorate(sources, language),
            language=language,
            **owing_counts(sources),
        )
    )
    section.findings.append(coverage_sentence(language=language, **coverage_counts(sources)))
    section.findings.append(inputs_sentence(language=language, **input_counts(sources)))
    return section


def progress(sources: PlanSources, language: str) -> Section:
    section = Section("progress", _("Progress by aim, objective and action"))
    actions = sources.actions
    if not actions:
        section.missing = _("The plan has no actions yet.")
        return section
    section.paragraphs.append(
        _(
            "Progress is weighted by each action's weight; cancelled actions are left out. "
            "Status and progress are those reported by %(day)s."
        )
        % {"day": formats.day(sources.reports_until, language)}
    )
    has_previous = sources.previous_actions is not None
    before = {a.pk: a for a in sources.previous_actions or []}
    aims, objectives = [], []
    for node in rollup.by_aim(sources.plan, actions):
        aim = node["aim"]
        aim_actions = [a for a in actions if a.objective.aim_id == aim.pk]
        row = [
            aim.code,
            localized_title(aim, language),
            localized(aim.heading.title, language) if aim.heading else "",
            node["count"],
            sum(1 for a in aim_actions if a.status == Action.Status.COMPLETED),
            as_share(node["progress"]),
        ]
        if has_previous:
            row.append(as_share(rollup.weighted_progress([before[a.pk] for a in aim_actions])))
        aims.append(row)
        for child in node["objectives"]:
            objective = child["objective"]
            own = [a for a in aim_actions if a.objective_id == objective.pk]
            objectives.append(
                [
                    objective.code,
                    localized_title(objective, language),
                    child["count"],
                    sum(1 for a in own if a.status == Action.Status.COMPLETED),
                    as_share(child["progress"]),
                ]
            )
    columns = [
        Column("code", _("Code"), C.TEXT),
        Column("aim", _("Aim"), C.TEXT),
        Column("heading", _("YEEP heading"), C.TEXT),
        Column("actions", _("Actions"), C.COUNT),
        Column("completed", _("Completed"), C.COUNT),
        Column("progress", _("Progress"), C.SHARE),
    ]
    if has_previous:
        columns.append(
            Column(
                "previous",
                _("At the end of %(period)s") % {"period": sources.previous.label},
                C.SHARE,
            )
        )
    aim_table = Table("aims", _("Progress by aim"), columns, aims)
    section.tables.append(aim_table)
    section.charts.append(
        _progress_chart(aim_table, _("Weighted progress by aim"), language, has_previous)
    )
    measured = [(f"{row[0]}. {row[1]}", row[5]) for row in aims if row[5] is not None]
    if len({share for _label, share in measured}) > 1:
        section.findings.append(extremes_sentence(measured, language))
    unreported = [a for a in actions if a.pk not in sources.last_reported]
    if unreported:
        section.findings.append(
            unreported_sentence(len(unreported), sources.reports_until, language)
        )
    section.tables.append(
        Table(
            "objectives",
            _("Progress by objective"),
            [
                Column("code", _("Code"), C.TEXT),
                Column("objective", _("Objective"), C.TEXT),
                Column("actions", _("Actions"), C.COUNT),
                Column("completed", _("Completed"), C.COUNT),
                Column("progress", _("Progress"), C.SHARE),
            ],
            objectives,
        )
    )
    target_labels = dict(Action.TargetGroup.choices)
    section.tables.append(
        Table(
            "actions",
            _("Actions"),
            [
                Column("code", _("Code"), C.TEXT),
                Column("action", pgettext("plan", "Action"), C.TEXT),
                Column("directorate", _("Lead directorate"), C.TEXT),
                Column("status", _("Status"), C.TEXT),
                Column("progress", _("Progress"), C.SHARE),
                Column("end", _("Due"), C.DATE),
                Column("reported", _("Last reported"), C.DATE),
                Column("start", _("Start"), C.DATE, detail=True),
                Column("weight", _("Weight"), C.COUNT, detail=True),
                Column("target_groups", _("Target groups"), C.TEXT, detail=True),
            ],
            [
                [
                    action.code,
                    localized_title(action, language),
                    directorate_name(action.lead_directorate, language),
                    status_label(action.status),
                    action.progress / 100,
                    action.end_date.isoformat() if action.end_date else None,
                    reported.isoformat()
                    if (reported := sources.last_reported.get(action.pk))
                    else None,
                    action.start_date.isoformat() if action.start_date else None,
                    action.weight,
                    ", ".join(str(target_labels.get(g, g)) for g in action.target_groups or []),
                ]
                for action in actions
            ],
            note=_(
                "“Last reported”: the last day its directorate reported a change of status or "
                "progress, up to the cut-off."
            ),
        )
    )
    overdue_by = {}
    for item in sources.items:
        if item.action and item.state == DueState.OVERDUE:
            overdue_by[item.directorate.pk] = overdue_by.get(item.directorate.pk, 0) + 1
    section.tables.append(
        Table(
            "directorates",
            _("Progress by lead directorate"),
            [
                Column("directorate", _("Directorate"), C.TEXT),
                Column("actions", _("Actions"), C.COUNT),
                Column("completed", _("Completed"), C.COUNT),
                Column("overdue", _("Overdue"), C.COUNT),
                Column("progress", _("Progress"), C.SHARE),
            ],
            [
                [
                    directorate_name(row.key, language),
                    row.count,
                    row.completed,
                    overdue_by.get(row.key.pk, 0),
                    as_share(row.progress),
                ]
                for row in rollup.by_directorate(actions)
            ],
        )
    )
    return section


def _progress_chart(table: Table, title: str, language: str, previous: bool) -> Chart:
    """Each row's weighted progress as bars from 0 to 100%, with the previous period's as a
    tick where there is one."""
    data = [
        {"label": f"{code}. {name}"[:60], "value": value, "previous": before}
        for code, name, value, before in zip(
            table.values("code"),
            table.values("aim"),
            table.values("progress"),
            table.values("previous") if previous else [None] * len(table.rows),
            strict=True,
        )
        if isinstance(value, float | int)
    ]
    axis = _("Weighted progress")
    order = [row["label"] for row in data]
    bars = (
        alt.Chart(alt.Data(values=data))
        .mark_bar(color=PROGRESS_COLOUR)
        .encode(
            x=alt.X(
                "value:Q",
                title=axis,
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1]),
            ),
            y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=300)),
            tooltip=[
                alt.Tooltip("label:N", title=""),
                alt.Tooltip("value:Q", title=axis, format=".0%"),
            ],
        )
    )
    layers = [bars]
    if previous and any(row["previous"] is not None for row in data):
        layers.append(
            alt.Chart(alt.Data(values=[r for r in data if r["previous"] is not None]))
            .mark_tick(color="#222", thickness=2, size=14)
            .encode(x="previous:Q", y=alt.Y("label:N", sort=order))
        )
    spec = (
        alt.layer(*layers)
        .properties(width=380, height=max(60, 24 * len(data)))
        .configure(font=charts.FONT)
        .configure_view(stroke=None)
        .to_dict()
    )
    if data:
        low = min(data, key=lambda row: row["value"])
        high = max(data, key=lambda row: row["value"])
        description = _(
            "Bars of each aim's weighted progress, from 0 to 100%%%(ticks)s. Furthest behind: "
            "%(low)s (%(low_value)s); furthest along: %(high)s (%(high_value)s). The table "
            "below has every figure."
        ) % {
            "ticks": _(", with a mark at the previous period's value") if len(layers) > 1 else "",
            "low": low["label"],
            "low_value": pct(low["value"], language),
            "high": high["label"],
            "high_value": pct(high["value"], language),
        }
    else:
        description = _("There are no figures to draw.")
    return Chart(f"{table.id}_progress", title, description, table.id, spec)
