"""The plan monitoring report's indicators against their targets: each indicator's latest
approved value beside its target, counts by sex protected for the public, and the chart of
indicators by status."""

from __future__ import annotations

import altair as alt
import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from esitlik.analytics.disclosure import CONFIDENTIAL, protect
from esitlik.plans import rollup
from esitlik.plans.models import Indicator
from esitlik.plans.printable import indicator_value
from esitlik.plans.progress import periods
from esitlik.reports import charts
from esitlik.reports.document import Chart, Column, Section, Table
from esitlik.reports.progress import PlanSources, period_code
from esitlik.reports.progress_counts import directorate_name, light_counts, localized_title
from esitlik.reports.progress_words import LIGHT_ORDER, indicators_sentence, named_list
from esitlik.reports.public import marks
from esitlik.reports.tables import C

LIGHT_COLOURS = {
    rollup.Light.ACHIEVED: "#1b7837",
    rollup.Light.PROGRESSING: "#7fbf7b",
    rollup.Light.OFF_TRACK: "#c2185b",
    rollup.Light.NO_DATA: "#9e9e9e",
    rollup.Light.NOT_SCORED: "#d0d0d0",
}


def _number(value) -> float | None:
    return None if value is None else float(value)


def indicators(sources: PlanSources, public: bool, language: str, records: list) -> Section:
    section = Section("indicators", _("Indicators against their targets"))
    standings = sources.standings
    if not standings:
        section.missing = _("The plan has no indicators yet.")
        return section
    year = sources.period.year
    hidden = _protect_by_sex(standings, records) if public else {}
    rows = []
    for standing in standings:
        indicator, latest = standing.indicator, standing.latest
        measure, unit = indicator.measure, indicator.unit
        marked = hidden.get(indicator.code, {})

        baseline = ""
        if indicator.baseline_value is not None:
            baseline = indicator_value(measure, indicator.baseline_value, unit)
            if indicator.baseline_year:
                baseline += f" ({indicator.baseline_year})"
        if indicator.direction == Indicator.Direction.BAND and indicator.band_low is not None:
            low = indicator_value(measure, indicator.band_low, unit)
            target = f"{low}–{indicator_value(measure, indicator.band_high, unit)}"
        elif standing.target is not None:
            target = indicator_value(measure, standing.target, unit)
        else:
            target = ""
        value_text, value = _shown(indicator, latest, "value", marked.get("total"))
        if latest and latest.value is None and not indicator.is_numeric:
            value_text = _("described")
        women_text, women = _shown(indicator, latest, "women", marked.get("women"))
        men_text, men = _shown(indicator, latest, "men", marked.get("men"))
        row = [
            indicator.code,
            localized_title(indicator, language),
            directorate_name(indicator.responsible_directorate, language),
            baseline,
            target,
            value_text,
            women_text,
            men_text,
            latest.period_label if latest else "",
            str(standing.light.label),
            standing.light.value,
            str(Indicator.Measure(measure).label),
            unit,
            _number(indicator.baseline_value),
            _number(standing.target),
            value,
            women,
            men,
        ]
        if not public:
            row.append(latest.narrative if latest else "")
        rows.append(row)
    columns = [
        Column("code", _("Code"), C.TEXT),
        Column("indicator", _("Indicator"), C.TEXT),
        Column("directorate", _("Responsible"), C.TEXT),
        Column("baseline", _("Baseline"), C.TEXT),
        Column("target", _("Target %(year)s") % {"year": year}, C.TEXT),
        Column("latest", _("Latest value"), C.TEXT),
        Column("women", pgettext("sex", "Women"), C.TEXT),
        Column("men", pgettext("sex", "Men"), C.TEXT),
        Column("period", _("Period of the value"), C.TEXT),
        Column("status", _("Status"), C.TEXT),
        Column("light", _("Status code"), C.TEXT, detail=True),
        Column("measure", _("Measure"), C.TEXT, detail=True),
        Column("unit", _("Unit"), C.TEXT, detail=True),
        Column("baseline_value", _("Baseline (number)"), C.NUMBER, detail=True),
        Column("target_value", _("Target (number)"), C.NUMBER, detail=True),
        Column("latest_value", _("Latest value (number)"), C.NUMBER, detail=True),
        Column("women_value", _("Women (number)"), C.NUMBER, detail=True),
        Column("men_value", _("Men (number)"), C.NUMBER, detail=True),
    ]
    if not public:
        columns.append(Column("narrative", _("What was done (internal)"), C.TEXT, detail=True))
    section.paragraphs.append(
        _(
            "Each indicator's latest value approved for a reporting period up to and including "
            "%(period)s, beside its target for %(year)s. The status compares the value with the "
            "target of its own year: a 2025 value with the 2025 target."
        )
        % {"period": period_code(sources.period), "year": year}
    )
    counts = light_counts(sources)
    section.findings.append(indicators_sentence(counts, language))
    off = [
        f"{s.indicator.code} {localized_title(s.indicator, language)}"
        for s in standings
        if s.light == rollup.Light.OFF_TRACK
    ]
    if off:
        label = "Hedefin gerisindeki göstergeler" if language == "tr" else "Off track"
        section.findings.append(named_list(label, off, language))
    missing = _missing_this_period(sources, language)
    if missing:
        label = (
            "Bu dönem için onaylı değeri olmayan göstergeler"
            if language == "tr"
            else "No approved value for this period"
        )
        section.findings.append(named_list(label, missing, language))
    table = Table("indicators", _("Indicators: baseline, target and latest value"), columns, rows)
    section.tables.append(table)
    present = [light for light in LIGHT_ORDER if counts.get(light)]
    lights = Table(
        "lights",
        _("Indicators by status"),
        [Column("light", _("Status"), C.TEXT), Column("count", _("Indicators"), C.COUNT)],
        [[str(light.label), counts[light]] for light in present],
    )
    section.tables.append(lights)
    section.charts.append(
        _lights_chart(lights, [light.value for light in present], _("Indicators by status"))
    )
    return section


def _missing_this_period(sources: PlanSources, language: str) -> list[str]:
    """Indicators due to report for a period within the report's that have no approved
    value for it."""
    report = sources.period
    missing = []
    for standing in sources.standings:
        indicator = standing.indicator
        due = [p for p in periods(indicator, sources.plan) if report.start <= p.end <= report.end]
        have = {(u.year, u.half) for u in standing.approved}
        if due and not any((p.year, p.half) in have for p in due):
            missing.append(f"{indicator.code} {localized_title(indicator, language)}")
    return missing


def _protect_by_sex(standings, records: list) -> dict:
    """Counts of people by sex in indicator values, protected row by row for the public:
    indicator code → {column: marker}."""
    hidden: dict = {}
    for standing in standings:
        indicator, latest = standing.indicator, standing.latest
        if not (indicator.by_sex and indicator.measure == Indicator.Measure.COUNT and latest):
            continue
        values = {"women": latest.women, "men": latest.men, "total": latest.value}
        if any(v is None or v != int(v) for v in values.values()):
            continue
        frame = pd.DataFrame([{k: float(v) for k, v in values.items()}], index=[indicator.code])
        total = "total" if values["women"] + values["men"] == values["total"] else None
        result = protect(frame, row_total=total, label=f"indicator:{indicator.code}")
        records.append(result.record)
        hidden[indicator.code] = {column: marker for (_row, column), marker in marks(result)}
    return hidden


def _shown(indicator, latest, name: str, marker: str | None) -> tuple:
    """An update's ``name`` (value, women, men) as written on the page and as a number; both
    "c" when disclosure control hid it."""
    if marker == CONFIDENTIAL:
        return CONFIDENTIAL, CONFIDENTIAL
    value = getattr(latest, name) if latest else None
    if value is None:
        return "", None
    return indicator_value(indicator.measure, value, indicator.unit), float(value)


def _lights_chart(table: Table, lights: list[str], title: str) -> Chart:
    data = [
        {"label": label, "value": count, "light": light}
        for label, count, light in zip(
            table.values("light"), table.values("count"), lights, strict=True
        )
    ]
    axis = _("Indicators")
    spec = (
        alt.Chart(alt.Data(values=data))
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=axis, axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            color=alt.Color(
                "light:N",
                scale=alt.Scale(
                    domain=[str(light) for light in LIGHT_ORDER],
                    range=[LIGHT_COLOURS[light] for light in LIGHT_ORDER],
                ),
                legend=None,
            ),
            tooltip=[alt.Tooltip("label:N", title=""), alt.Tooltip("value:Q", title=axis)],
        )
        .properties(width=380, height=max(60, 24 * len(data)))
        .configure(font=charts.FONT)
        .configure_view(stroke=None)
        .to_dict()
    )
    description = _("Bars of how many indicators are in each state: %(states)s.") % {
        "states": "; ".join(f"{row['label']} {row['value']}" for row in data)
    }
    return Chart(f"{table.id}_chart", title, description, table.id, spec)
