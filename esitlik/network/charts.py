"""One bar chart per indicator, drawn to SVG on the server (vl-convert, as the reports'
PDF charts are), each with a sentence for people who cannot see it. Municipalities that
have not published the figure have no bar and are named in the sentence."""

from __future__ import annotations

import altair as alt
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from esitlik.network.figures import Comparison, Indicator
from esitlik.reports import charts, formats
from esitlik.reports.document import Chart

BAR = "#7b3294"


def indicator_chart(indicator: Indicator, comparison: Comparison, figures: list) -> dict:
    language = (get_language() or "tr")[:2]
    language = language if language in charts.FORMAT_LOCALES else "tr"
    data = [
        {"label": column.municipality.name, "value": figure.value}
        for column, figure in zip(comparison.columns, figures, strict=True)
        if figure is not None
    ]
    missing = [
        column.municipality.name
        for column, figure in zip(comparison.columns, figures, strict=True)
        if figure is None
    ]
    parts = [
        _("%(name)s: %(value)s")
        % {"name": row["label"], "value": formats.percent(row["value"], language)}
        for row in data
    ]
    if data:
        description = _("Bars from 0 to 100%%. %(figures)s.") % {"figures": "; ".join(parts)}
    else:
        description = _("No municipality has published this figure.")
    if missing:
        description += " " + _("Not published: %(names)s.") % {"names": ", ".join(missing)}
    svg = ""
    if data:
        spec = (
            alt.Chart(alt.Data(values=data))
            .mark_bar(color=BAR)
            .encode(
                x=alt.X(
                    "value:Q",
                    title=str(indicator.label),
                    scale=alt.Scale(domain=[0, 1]),
                    axis=alt.Axis(format="%", values=[0, 0.2, 0.4, 0.6, 0.8, 1]),
                ),
                y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=220)),
            )
            .properties(width=360, height=max(40, 24 * len(data)))
            .configure(font=charts.FONT)
            .configure_view(stroke=None)
            .to_dict()
        )
        svg = charts.svg(
            Chart(indicator.key, str(indicator.label), description, "", spec), language
        )
    return {
        "id": f"chart-{indicator.key}",
        "indicator": indicator,
        "svg": svg,
        "description": description,
    }
