"""The comparison and a municipality's plan as files: written once over rows, rendered to
CSV and XLSX (numbers stay numbers), and the plan also as JSON for the Charter's observatory.

The CSV is for people (a coordinator opens it in Excel), so a text that would start a formula
gets the leading quote of ``core.cells.safe_text``; the XLSX writes it as a string cell."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from esitlik.core import xlsx
from esitlik.core.cells import safe_row
from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.network.figures import Comparison, adopted_plan
from esitlik.plans.models import IndicatorUpdate
from esitlik.plans.rollup import actions_of, charter_of


def comparison_headers() -> list[str]:
    return [
        _("Municipality"),
        _("Indicator"),
        _("Year"),
        _("Value"),
        _("Numerator"),
        _("Denominator"),
        _("Source"),
    ]


def comparison_rows(comparison: Comparison) -> Iterable[list]:
    """Tidy rows, one per municipality and indicator; a figure not published has an empty
    value and says so in the source column."""
    for indicator, figures in comparison.rows():
        for column, figure in zip(comparison.columns, figures, strict=True):
            name = column.municipality.name
            if figure is None:
                yield [name, str(indicator.label), None, None, None, None, _("Not published")]
            else:
                yield [
                    name,
                    str(indicator.label),
                    figure.year,
                    round(figure.value, 6),
                    figure.part,
                    figure.whole,
                    figure.source,
                ]


def to_csv(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(safe_row(headers))
    for row in rows:
        writer.writerow(safe_row(row))
    # A byte-order mark, so Excel opens the Turkish letters as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def comparison_xlsx(comparison: Comparison) -> bytes:
    book = xlsx.new_book()
    xlsx.add_table(
        book,
        _("Comparison"),
        comparison_headers(),
        comparison_rows(comparison),
        widths=[28, 40, 12, 10, 14, 16, 60],
        formats={4: "0.0%", 5: "#,##0", 6: "#,##0"},
    )
    return xlsx.to_bytes(book)


def observatory(municipality: Municipality) -> dict | None:
    """The adopted plan's actions with their Charter article tags, status and progress, and
    its indicators with their approved values and targets; None without an adopted plan."""
    plan = adopted_plan(municipality)
    if plan is None:
        return None
    charter = charter_of(plan)
    actions = []
    for action in actions_of(plan):
        articles = [
            {"code": item.code, "title": localized(item.title)}
            for item in action.tags.all()
            if charter is not None and item.framework_id == charter.pk
        ]
        actions.append(
            {
                "code": action.code,
                "title": action.title,
                "charter_articles": articles,
                "status": action.status,
                "status_label": str(action.get_status_display()),
                "progress": action.progress,
                "weight": action.weight,
            }
        )
    indicators = []
    for indicator in plan.indicators.prefetch_related("targets", "updates").order_by(
        "position", "id"
    ):
        approved = sorted(
            (u for u in indicator.updates.all() if u.status == IndicatorUpdate.Status.APPROVED),
            key=lambda u: (u.year, u.half),
        )
        indicators.append(
            {
                "code": indicator.code,
                "title": indicator.title,
                "measure": indicator.measure,
                "unit": indicator.unit,
                "baseline": _decimal(indicator.baseline_value),
                "baseline_year": indicator.baseline_year,
                "targets": [
                    {"year": t.year, "value": _decimal(t.value)}
                    for t in sorted(indicator.targets.all(), key=lambda t: t.year)
                ],
                "values": [
                    {
                        "year": u.year,
                        "half": u.half or None,
                        "value": _decimal(u.value),
                        "women": _decimal(u.women),
                        "men": _decimal(u.men),
                    }
                    for u in approved
                ],
            }
        )
    return {
        "schema": "esitlik/network/charter-observatory",
        "municipality": {"name": municipality.name, "slug": municipality.slug},
        "plan": {
            "title": plan.title,
            "edition": plan.edition,
            "period": [plan.start_year, plan.end_year],
            "status": plan.status,
            "decision_no": plan.decision_no,
            "decision_date": plan.decision_date.isoformat() if plan.decision_date else None,
        },
        "charter": (
            {"code": charter.code, "version": charter.version} if charter is not None else None
        ),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "actions": actions,
        "indicators": indicators,
    }


def _decimal(value):
    return None if value is None else float(value)


def observatory_xlsx(data: dict) -> bytes:
    book = xlsx.new_book()
    xlsx.add_table(
        book,
        _("Actions"),
        [
            _("Code"),
            pgettext("plan", "Action"),
            _("Charter articles"),
            _("Status"),
            _("Progress (%)"),
        ],
        (
            [
                a["code"],
                localized(a["title"]),
                "; ".join(f"{x['code']} {x['title']}" for x in a["charter_articles"]),
                a["status_label"],
                a["progress"],
            ]
            for a in data["actions"]
        ),
        widths=[10, 60, 50, 20, 12],
    )
    xlsx.add_table(
        book,
        _("Indicator values"),
        [_("Code"), _("Indicator"), _("Year"), _("Half-year"), _("Value"), _("Target")],
        (
            [
                i["code"],
                localized(i["title"]),
                v["year"],
                v["half"],
                v["value"],
                next((t["value"] for t in i["targets"] if t["year"] == v["year"]), None),
            ]
            for i in data["indicators"]
            for v in i["values"] or [{"year": None, "half": None, "value": None}]
        ),
        widths=[12, 60, 8, 10, 12, 12],
    )
    return xlsx.to_bytes(book)
