"""The network comparison: a few shared indicators for each municipality of a network, read
from what each municipality has published and nothing else.

"Published" means two things here. A municipality's adopted action plan (approved by its
council, in implementation or completed) is public by law, so its weighted progress is read
from the plan (``plans.rollup.weighted_progress``). Every other figure is read from the
municipality's latest *published* Equality in Service report (``StoredReport`` with
``published_at``): the numbers are those of the stored document, as the public read them,
after disclosure control. A figure a municipality has not published is ``None`` — the page
says "not published", never zero. Reports hold their row labels in the report's language,
so rows are found by the label the report's language gives each code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality, Network
from esitlik.core.text import tr_sort_key
from esitlik.datasets.vocab import DecisionBody, EqualityTag
from esitlik.plans.models import ActionPlan
from esitlik.plans.rollup import actions_of, weighted_progress
from esitlik.reports.models import StoredReport

ADOPTED = (
    ActionPlan.Status.APPROVED,
    ActionPlan.Status.IN_IMPLEMENTATION,
    ActionPlan.Status.COMPLETED,
)


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    note: str


INDICATORS = (
    Indicator(
        "women_managers",
        _("Women's share among managers"),
        _("Department heads and branch managers (the report's decision-makers table)."),
    ),
    Indicator(
        "women_council",
        _("Women's share in the municipal council"),
        _("Members of the municipal council (the report's decision-makers table)."),
    ),
    Indicator(
        "training_coverage",
        _("Staff trained in gender equality"),
        _("People trained in the year against the workforce, all role categories."),
    ),
    Indicator(
        "plan_progress",
        _("Action plan progress"),
        _("Weighted progress of the adopted plan's actions, cancelled ones left out."),
    ),
    Indicator(
        "equality_budget",
        _("Equality budget share"),
        _("Share of actual spending on lines tagged targeted or mainstreamed."),
    ),
)


@dataclass
class Figure:
    """One published number: ``value`` a fraction of 1; ``part`` / ``whole`` the counts
    behind it where the source gives them; ``year`` the year or period it describes."""

    value: float
    year: str
    source: str
    part: float | None = None
    whole: float | None = None


@dataclass
class Column:
    municipality: Municipality
    figures: dict[str, Figure | None] = field(default_factory=dict)
    plan: ActionPlan | None = None


@dataclass
class Comparison:
    network: Network
    indicators: tuple[Indicator, ...]
    columns: list[Column]

    def rows(self):
        """(indicator, [figure or None for each municipality])."""
        for indicator in self.indicators:
            yield indicator, [column.figures.get(indicator.key) for column in self.columns]


def compare(network: Network) -> Comparison:
    municipalities = sorted(network.municipalities.all(), key=lambda m: tr_sort_key(m.name))
    columns = []
    for municipality in municipalities:
        figures = dict.fromkeys((i.key for i in INDICATORS), None)
        figures.update(report_figures(published_report(municipality)))
        plan = adopted_plan(municipality)
        figures["plan_progress"] = plan_figure(plan)
        columns.append(Column(municipality, figures, plan))
    return Comparison(network, INDICATORS, columns)


def published_report(municipality: Municipality) -> StoredReport | None:
    return (
        StoredReport.objects.published()
        .filter(municipality=municipality, kind=StoredReport.Kind.EQUALITY)
        .order_by("-year", "-published_at")
        .first()
    )


def adopted_plan(municipality: Municipality) -> ActionPlan | None:
    return (
        ActionPlan.objects.filter(municipality=municipality, status__in=ADOPTED)
        .order_by("-start_year", "-edition")
        .first()
    )


def plan_figure(plan: ActionPlan | None) -> Figure | None:
    if plan is None:
        return None
    progress = weighted_progress(list(actions_of(plan)))
    if progress is None:
        return None
    source = _("Adopted action plan: %(title)s") % {"title": localized(plan.title)}
    return Figure(progress / 100, f"{plan.start_year}–{plan.end_year}", str(source))


def _number(cell) -> float | None:
    """A cell's number; disclosure markers ("c", "..") and text are not numbers, and "-"
    is a true zero."""
    if cell == "-":
        return 0.0
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell)
    return None


def _table(document: dict, table_id: str) -> dict | None:
    for section in document.get("sections", []):
        for table in section.get("tables", []):
            if table["id"] == table_id:
                return table
    return None


def _records(table: dict | None) -> list[dict]:
    if table is None:
        return []
    keys = [column["key"] for column in table["columns"]]
    return [dict(zip(keys, row, strict=False)) for row in table["rows"]]


def report_figures(report: StoredReport | None) -> dict[str, Figure]:
    """The figures one published report gives, by indicator key."""
    if report is None:
        return {}
    document = report.document or {}
    year = str(report.year)
    source = _("%(title)s, published %(day)s") % {
        "title": report.title or report.get_kind_display(),
        "day": report.published_at.strftime("%d.%m.%Y"),
    }
    source = str(source)
    with translation.override(report.language):
        council = str(DecisionBody.COUNCIL.label)
        directors = str(DecisionBody.DIRECTORS.label)
        tagged = {str(EqualityTag.TARGETED.label), str(EqualityTag.MAINSTREAMED.label)}
    found: dict[str, Figure] = {}

    def share_of(row: dict) -> Figure | None:
        women, total = _number(row.get("women")), _number(row.get("total"))
        if women is None or not total:
            return None
        return Figure(women / total, year, source, women, total)

    for row in _records(_table(document, "decision_makers")):
        key = {council: "women_council", directors: "women_managers"}.get(row["body"])
        if key and (figure := share_of(row)):
            found[key] = figure

    rows = _records(_table(document, "training_coverage"))
    trained = [_number(row.get("total")) for row in rows]
    workforce = [_number(row.get("workforce")) for row in rows]
    # A hidden count would make any total a guess: then the coverage is not published.
    if rows and None not in trained and None not in workforce and sum(workforce):
        found["training_coverage"] = Figure(
            sum(trained) / sum(workforce), year, source, sum(trained), sum(workforce)
        )

    # Tag rows, then the total row the builder always puts last.
    *lines, total = _records(_table(document, "budget")) or [None]
    actual = [_number(row.get("actual")) for row in lines if row["tag"] in tagged]
    spent = _number(total.get("actual")) if total else None
    if actual and None not in actual and spent:
        found["equality_budget"] = Figure(sum(actual) / spent, year, source, sum(actual), spent)
    return found
