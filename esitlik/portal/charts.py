"""An indicator's chart: its approved values and its targets by year, drawn on the server as
SVG with Altair and vl-convert (as ``reports.charts``), so the page needs no JavaScript. The
page puts a sentence (:func:`describe`) and the data table beside it."""

from __future__ import annotations

import altair as alt
from django.utils import translation
from django.utils.translation import gettext as _

from esitlik.portal.selectors import IndicatorView
from esitlik.reports.charts import FONT, FORMAT_LOCALES, WOMEN, _fonts_registered

TARGET = "#1b7837"


def points(view: IndicatorView) -> list[dict]:
    rows = [
        {"year": str(u.year), "value": float(u.value), "series": _("Value")}
        for u in view.values
        if u.value is not None and u.half in (0, 2)
    ]
    rows += [
        {"year": str(t.year), "value": float(t.value), "series": _("Target")} for t in view.targets
    ]
    return rows


def describe(view: IndicatorView) -> str:
    values = [u for u in view.values if u.value is not None]
    if not values:
        return _("No approved value yet; the chart shows the targets only.")
    latest = values[-1]
    target = view.standing.target
    if target is None:
        return _("Latest approved value: %(value)s (%(year)s).") % {
            "value": f"{latest.value.normalize():f}",
            "year": latest.year,
        }
    return _("Latest approved value: %(value)s (%(year)s), against a target of %(target)s.") % {
        "value": f"{latest.value.normalize():f}",
        "year": latest.year,
        "target": f"{target.normalize():f}",
    }


def svg(view: IndicatorView) -> str:
    import vl_convert

    data = points(view)
    chart = (
        alt.Chart(alt.Data(values=data))
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=_("Year")),
            y=alt.Y("value:Q", title=view.indicator.unit or _("Value")),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(range=[WOMEN, TARGET]),
                legend=alt.Legend(orient="bottom"),
            ),
            strokeDash=alt.StrokeDash("series:N", legend=None),
        )
        .properties(width=320, height=180)
        .configure(font=FONT)
        .configure_view(stroke=None)
    )
    _fonts_registered()
    language = (translation.get_language() or "tr")[:2]
    return vl_convert.vegalite_to_svg(
        chart.to_dict(), format_locale=FORMAT_LOCALES.get(language, FORMAT_LOCALES["tr"])
    )
