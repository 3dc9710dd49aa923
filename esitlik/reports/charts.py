"""A report's charts: Vega-Lite specifications made with Altair from the report's own tables,
so every chart has its data table beside it, and a sentence saying what it shows for people
who cannot see it.

The page draws them with vega-embed (served from our static files, never a CDN); the PDF
embeds them as SVG drawn by vl-convert (:func:`svg`), so both show the same chart."""

from __future__ import annotations

import functools

import altair as alt
from django.utils.translation import gettext as _

from esitlik.reports import formats
from esitlik.reports.document import Chart, Table

# d3-format locales: Turkish writes 12,5 and 1.250.
FORMAT_LOCALES = {
    "tr": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₺"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["₺", ""]},
}
WOMEN = "#7b3294"  # purple for women, green for men: distinguishable with colour blindness
BAND = "#d9f0d3"
# vl-convert measures and draws with the Noto Sans it registers; a browser showing the SVG
# (as an <img>, without the page's fonts) falls back to a sans-serif rather than its serif.
FONT = '"Noto Sans", "DejaVu Sans", sans-serif'


def _numbers(table: Table, label: str, value: str) -> list[dict]:
    """(label, value) rows whose value is a number: hidden cells ("c") are not drawn."""
    rows = []
    for label_cell, value_cell in zip(table.values(label), table.values(value), strict=True):
        if isinstance(value_cell, int | float) and not isinstance(value_cell, bool):
            rows.append({"label": str(label_cell), "value": float(value_cell)})
    return rows


def share_by(table: Table, label: str, title: str, language: str) -> Chart:
    """Women's share of each row of ``table`` as bars, with the 40–60 balance as a band."""
    data = _numbers(table, label, "share_women")
    height = max(60, 18 * len(data))
    axis_title = _("Women's share")
    band = (
        alt.Chart(alt.Data(values=[{"from": 0.4, "to": 0.6}]))
        .mark_rect(color=BAND)
        .encode(x=alt.X("from:Q"), x2="to:Q")
    )
    bars = (
        alt.Chart(alt.Data(values=data))
        .mark_bar(color=WOMEN)
        .encode(
            x=alt.X(
                "value:Q",
                title=axis_title,
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%", values=[0, 0.2, 0.4, 0.5, 0.6, 0.8, 1]),
            ),
            y=alt.Y("label:N", title=None, sort="-x", axis=alt.Axis(labelLimit=260)),
            tooltip=[
                alt.Tooltip("label:N", title=""),
                alt.Tooltip("value:Q", title=axis_title, format=".1%"),
            ],
        )
    )
    parity = alt.Chart(alt.Data(values=[{"x": 0.5}])).mark_rule(color="#333").encode(x="x:Q")
    spec = (
        alt.layer(band, bars, parity)
        .properties(width=420, height=height)
        .configure(font=FONT)
        .configure_view(stroke=None)
        .to_dict()
    )
    return Chart(
        f"{table.id}_share",
        title,
        _describe(data, language),
        table.id,
        spec,
    )


def _describe(data: list[dict], language: str) -> str:
    """The chart in a sentence or two, for screen readers and anyone who cannot see it."""
    if not data:
        return _("There are no figures to draw.")
    lowest = min(data, key=lambda row: row["value"])
    highest = max(data, key=lambda row: row["value"])
    outside = sum(1 for row in data if not 0.4 <= row["value"] <= 0.6)
    return _(
        "Bars of women's share, from 0 to 100%%, with the 40–60%% balance shaded. Lowest: "
        "%(lowest)s (%(low)s); highest: %(highest)s (%(high)s). %(outside)s of %(count)s "
        "are outside the balance; the table below has every figure."
    ) % {
        "lowest": lowest["label"],
        "low": formats.percent(lowest["value"], language, 0),
        "highest": highest["label"],
        "high": formats.percent(highest["value"], language, 0),
        "outside": outside,
        "count": len(data),
    }


@functools.cache
def _fonts_registered() -> bool:
    import vl_convert
    from django.conf import settings

    vl_convert.register_font_directory(str(settings.BASE_DIR / "static" / "esitlik" / "fonts"))
    return True


def svg(chart: Chart, language: str) -> str:
    """The chart drawn as SVG, for the PDF, in the report's number format."""
    import vl_convert

    _fonts_registered()
    return vl_convert.vegalite_to_svg(chart.spec, format_locale=FORMAT_LOCALES[language])
