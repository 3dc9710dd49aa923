"""A report in its four formats: HTML (the page), PDF (the same page through WeasyPrint, with
the charts as SVG), XLSX (:mod:`esitlik.reports.render_xlsx`) and JSON (the documented
schema, ``docs/reports.md``)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from esitlik.core.pdf import (
    STATIC_SOURCE,
    html_to_pdf,
    html_to_pdf_counted,
    page_margins_css,
)
from esitlik.reports import charts, formats
from esitlik.reports.document import Audience, Report
from esitlik.reports.render_xlsx import render_xlsx

FORMATS = ("html", "pdf", "xlsx", "json")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


# Above this many columns a table is printed on landscape pages.
WIDE_COLUMNS = 8


def _table(table, language: str) -> dict:
    shown = [i for i, column in enumerate(table.columns) if not column.detail]
    columns = [table.columns[i] for i in shown]
    numeric = [formats.is_number_column(column.type) for column in columns]
    rows = [[row[i] for i in shown] for row in table.rows]
    return {
        "id": table.id,
        "title": table.title,
        "note": table.note,
        "wide": len(columns) > WIDE_COLUMNS,
        "columns": [
            {"label": column.label, "numeric": is_number}
            for column, is_number in zip(columns, numeric, strict=True)
        ],
        "cells": [
            [
                {"text": formats.cell(value, column.type, language), "numeric": is_number}
                for value, column, is_number in zip(row, columns, numeric, strict=True)
            ]
            for row in rows
        ],
    }


def _chart(chart, language: str) -> dict:
    # vl-convert writes the SVG from our own spec, escaping the labels in it.
    return {
        "id": chart.id,
        "title": chart.title,
        "description": chart.description,
        "svg": mark_safe(charts.svg(chart, language)),  # noqa: S308
    }


def _sections(report: Report) -> list[dict]:
    return [
        {
            "id": section.id,
            "title": section.title,
            "missing": section.missing,
            "paragraphs": section.paragraphs,
            "findings": section.findings,
            # Detail tables are for the workbook and the JSON; the page names them only.
            "tables": [
                _table(table, report.language) for table in section.tables if not table.detail
            ],
            "details": [table.title for table in section.tables if table.detail],
            "charts": [_chart(chart, report.language) for chart in section.charts],
        }
        for section in report.sections
    ]


def _period(report: Report) -> str:
    if "year" in report.period:
        return str(report.period["year"])
    return str(report.period.get("label", ""))


def _decision_date(report: Report) -> str:
    day = (report.inputs.get("plan") or {}).get("decision_date")
    return formats.day(day, report.language) if day else ""


def _inline_css() -> str:
    folder = STATIC_SOURCE / "esitlik" / "css"
    text = "\n".join((folder / name).read_text() for name in ("plan-print.css", "report-print.css"))
    # A file on its own cannot reach the fonts folder: the fallbacks in the stack apply.
    return mark_safe(text.replace("</", "<\\/"))  # noqa: S308 -- our own stylesheets


def page_css(report: Report) -> str:
    """The report's ``@page`` rule (running header, page numbers, "internal" warning), the
    text of its one ``<style>`` element besides a standalone file's stylesheet; the site's
    page allows it by its hash (``esitlik.core.csp.allow_style``)."""
    with translation.override(report.language):
        return page_margins_css(
            left=report.subtitle,
            right=report.title,
            bottom_left=None
            if report.audience == Audience.PUBLIC
            else _("Internal: not for publication"),
        )


def render_html(
    report: Report,
    *,
    for_pdf: bool = False,
    page: bool = False,
    toolbar: list | None = None,
    interactive: bool = False,
) -> str:
    """The report as HTML: for WeasyPrint (``for_pdf``), for the site (``page``: static
    links and a ``toolbar``), else a file that stands alone (styles inline). Charts are SVG
    in all three; ``interactive`` (the site's page) adds their Vega-Lite specifications and
    the locally served vega-embed, which redraws them with tooltips where JavaScript runs."""
    with translation.override(report.language):
        public = report.audience == Audience.PUBLIC
        return render_to_string(
            "reports/report.html",
            {
                "report": report,
                "public": public,
                "sections": _sections(report),
                "period": _period(report),
                "generated": formats.day(report.generated_at, report.language),
                "decision_date": _decision_date(report),
                "runs": len(report.inputs.get("runs", [])),
                "for_pdf": for_pdf,
                "inline_css": "" if for_pdf or page else _inline_css(),
                "toolbar": toolbar,
                "interactive": interactive,
                "chart_specs": {
                    chart.id: chart.spec for section in report.sections for chart in section.charts
                }
                if interactive
                else {},
                "format_locale": charts.FORMAT_LOCALES[report.language],
                "page_css": page_css(report),
            },
        )


def render_pdf(report: Report) -> bytes:
    return html_to_pdf(render_html(report, for_pdf=True))


def render_pdf_counted(report: Report) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    return html_to_pdf_counted(render_html(report, for_pdf=True))


def render(report: Report, format: str) -> bytes:
    """``report`` as the bytes of a file in ``format`` (one of FORMATS)."""
    if format == "html":
        return render_html(report).encode()
    if format == "pdf":
        return render_pdf(report)
    if format == "xlsx":
        return render_xlsx(report)
    if format == "json":
        return report.to_json().encode()
    raise ValueError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
