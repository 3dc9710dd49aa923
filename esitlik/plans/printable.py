"""The printable plan: one edition gathered into plain data for ``plans/print/plan.html``.

The same template renders the on-screen printable page and the PDF, so everything a reader
sees is decided here once: which language, which texts, how numbers and values are written.
Call :func:`gather` with the wanted language active (``translation.override``); labels,
month names and number formats follow it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from esitlik.core.i18n_text import localized
from esitlik.core.text import tr_casefold, tr_sorted
from esitlik.plans.models import (
    Action,
    ActionPlan,
    Commitment,
    Indicator,
    IndicatorTarget,
    Objective,
)

LANGUAGES = ("tr", "en")
CHARTER_CODE = "cemr-charter"
M = Indicator.Measure
PERCENT_MEASURES = {M.PERCENTAGE, M.WOMEN_SHARE}


def choose_language(requested: str | None) -> str:
    """``requested`` when it is one of ours, else the language the user is reading in."""
    if requested in LANGUAGES:
        return requested
    current = (get_language() or "tr")[:2]
    return current if current in LANGUAGES else "tr"


def amount(value: Decimal | None) -> str:
    """1800000.00 → "1.800.000" (Turkish) / "1,800,000"; kuruş only when there are some."""
    if value is None:
        return ""
    places = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimal_pos=places, force_grouping=True)


def number(value: Decimal | None) -> str:
    """A value as typed: 12.50 → "12,5" in Turkish, 40.00 → "40"."""
    if value is None:
        return ""
    normal = value.normalize()
    places = max(0, -normal.as_tuple().exponent)
    return number_format(normal, decimal_pos=places, force_grouping=True)


def indicator_value(measure: str, value: Decimal | None, unit: str = "") -> str:
    """A value the way its measure reads: "%40" or "40%", "yes", "12,5 kişi"."""
    if value is None:
        return "—"
    if measure == M.YES_NO:
        return _("yes") if value == 1 else _("no")
    text = number(value)
    if measure in PERCENT_MEASURES:
        return f"%{text}" if (get_language() or "tr").startswith("tr") else f"{text}%"
    return f"{text} {unit}".strip()


@dataclass
class Target:
    year: int
    value: str
    women: str = ""
    men: str = ""


@dataclass
class PrintIndicator:
    code: str
    title: str
    kind: str
    measure: str
    baseline: str
    baseline_year: int | None
    targets: list[Target]
    by_sex: bool
    direction: str
    frequency: str
    source: str
    responsible: str


@dataclass
class PrintAction:
    code: str
    title: str
    lead: str
    supporting: list[str]
    partners: list[str]
    start: date | None
    end: date | None
    budget: Decimal | None
    target_groups: list[str]
    articles: list[str]

    @property
    def budget_text(self) -> str:
        return amount(self.budget) or "—"


@dataclass
class PrintObjective:
    code: str
    anchor: str
    title: str
    actions: list[PrintAction] = field(default_factory=list)
    indicators: list[PrintIndicator] = field(default_factory=list)

    @property
    def split_by_sex(self) -> bool:
        return any(i.by_sex and i.targets for i in self.indicators)


@dataclass
class PrintAim:
    code: str
    anchor: str
    title: str
    heading: str
    objectives: list[PrintObjective] = field(default_factory=list)

    @property
    def action_count(self) -> int:
        return sum(len(o.actions) for o in self.objectives)

    @property
    def indicator_count(self) -> int:
        return sum(len(o.indicators) for o in self.objectives)

    @property
    def budget(self) -> Decimal:
        return sum(
            (a.budget for o in self.objectives for a in o.actions if a.budget is not None),
            Decimal(0),
        )

    @property
    def budget_text(self) -> str:
        return amount(self.budget)


@dataclass
class CharterSignature:
    signed_on: date
    decision_no: str
    decision_date: date | None


@dataclass
class PrintPlan:
    language: str
    municipality: str
    slug: str
    title: str
    edition: int
    edition_line: str  # "3. Yerel Eşitlik Eylem Planı", unless the title already says it
    period: str
    status: str
    adopted: bool
    decision_no: str
    decision_date: date | None
    has_decision_document: bool
    charter_version: str
    charter_signature: CharterSignature | None
    prepared_by: str
    previous: str
    final_evaluation: str
    aims: list[PrintAim]
    articles: list[tuple[str, str]]  # Charter articles the actions cite: (code, title)
    generated_on: date

    @property
    def objective_count(self) -> int:
        return sum(len(aim.objectives) for aim in self.aims)

    @property
    def action_count(self) -> int:
        return sum(aim.action_count for aim in self.aims)

    @property
    def indicator_count(self) -> int:
        return sum(aim.indicator_count for aim in self.aims)

    @property
    def budget(self) -> Decimal:
        return sum((aim.budget for aim in self.aims), Decimal(0))

    @property
    def budget_text(self) -> str:
        return amount(self.budget)


def _code_key(code: str) -> tuple:
    """ "1.10" after "1.9": codes compare part by part, numbers as numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))


def _indicator(indicator: Indicator) -> PrintIndicator:
    measure, unit = indicator.measure, indicator.unit
    # Targets by sex go in a small table of their own; the unit is in the measure's label.
    target_unit = "" if indicator.by_sex else unit
    targets = [
        Target(
            year=t.year,
            value=indicator_value(measure, t.value, target_unit),
            women=indicator_value(measure, t.women, target_unit),
            men=indicator_value(measure, t.men, target_unit),
        )
        for t in indicator.targets.all()
    ]
    if indicator.direction == Indicator.Direction.BAND:
        direction = _("Within %(low)s – %(high)s") % {
            "low": indicator_value(measure, indicator.band_low, unit),
            "high": indicator_value(measure, indicator.band_high, unit),
        }
    else:
        direction = indicator.get_direction_display()
    measure_label = indicator.get_measure_display()
    if unit and measure not in PERCENT_MEASURES:
        measure_label = f"{measure_label} ({unit})"
    return PrintIndicator(
        code=indicator.code,
        title=localized(indicator.title),
        kind=indicator.get_kind_display(),
        measure=measure_label,
        baseline=(
            indicator_value(measure, indicator.baseline_value, unit)
            if indicator.baseline_value is not None
            else ""
        ),
        baseline_year=indicator.baseline_year,
        targets=targets,
        by_sex=indicator.by_sex,
        direction=direction,
        frequency=indicator.get_frequency_display(),
        source=indicator.source,
        responsible=str(indicator.responsible_directorate),
    )


def _action(action: Action, group_labels: dict[str, str], cited: dict[str, str]) -> PrintAction:
    """``cited`` collects the Charter articles named, for the list at the end."""
    articles = [t for t in action.tags.all() if t.framework.code == CHARTER_CODE]
    for article in articles:
        cited[article.code] = localized(article.title)
    return PrintAction(
        code=action.code,
        title=localized(action.title),
        lead=str(action.lead_directorate),
        supporting=[str(d) for d in tr_sorted(action.supporting_directorates.all())],
        partners=[p.name for p in tr_sorted(action.partners.all(), key=lambda p: p.name)],
        start=action.start_date,
        end=action.end_date,
        budget=action.budget_planned,
        target_groups=[group_labels.get(g, g) for g in action.target_groups],
        articles=sorted((a.code for a in articles), key=_code_key),
    )


def _indicators_by_objective(plan: ActionPlan) -> dict[int, list[Indicator]]:
    """Each objective's own indicators first, then those of its actions, in plan order."""
    indicators = (
        plan.indicators.select_related("responsible_directorate", "action")
        .prefetch_related(Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")))
        .order_by("position", "id")
    )
    grouped: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in indicators:
        if indicator.objective_id:
            grouped[indicator.objective_id].append(indicator)
    for indicator in indicators:
        if indicator.action_id:
            grouped[indicator.action.objective_id].append(indicator)
    for items in grouped.values():
        items.sort(key=lambda i: (i.action_id is not None, _code_key(i.code)))
    return grouped


def _edition_line(plan: ActionPlan, title: str) -> str:
    """ "3. Yerel Eşitlik Eylem Planı" for the cover, or "" when the title already says so."""
    line = _("Local Equality Action Plan no. %(edition)s") % {"edition": plan.edition}
    generic = tr_casefold(_("Local Equality Action Plan"))
    folded = tr_casefold(title)
    number = re.search(rf"(?<!\d){plan.edition}(?!\d)", folded)  # "3rd" yes, "2023" no
    if tr_casefold(line) in folded or (generic in folded and number):
        return ""
    return line


def _signature(commitment: Commitment | None) -> CharterSignature | None:
    if commitment is None or commitment.charter_signed_on is None:
        return None
    return CharterSignature(
        signed_on=commitment.charter_signed_on,
        decision_no=commitment.council_decision_no,
        decision_date=commitment.council_decision_date,
    )


def gather(plan: ActionPlan) -> PrintPlan:
    """Everything the printable plan shows, in the active language."""
    municipality = plan.municipality
    actions = Action.objects.select_related("lead_directorate").prefetch_related(
        "supporting_directorates", "partners", "tags__framework"
    )
    aims_qs = plan.aims.select_related("heading").prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.order_by("position", "id")),
        Prefetch("objectives__actions", queryset=actions),
    )
    indicators = _indicators_by_objective(plan)
    group_labels = dict(Action.TargetGroup.choices)
    cited: dict[str, str] = {}
    aims = []
    for aim in aims_qs:
        printed = PrintAim(
            code=aim.code,
            anchor=f"aim-{aim.pk}",
            title=localized(aim.title),
            heading=localized(aim.heading.title) if aim.heading else "",
        )
        for objective in aim.objectives.all():
            printed.objectives.append(
                PrintObjective(
                    code=objective.code,
                    anchor=f"objective-{objective.pk}",
                    title=localized(objective.title),
                    actions=[_action(a, group_labels, cited) for a in objective.actions.all()],
                    indicators=[_indicator(i) for i in indicators.get(objective.pk, [])],
                )
            )
        aims.append(printed)
    title = localized(plan.title)
    commitment = Commitment.objects.filter(municipality=municipality).first()
    unit = commitment.unit_directorate if commitment and commitment.unit_established else None
    return PrintPlan(
        language=(get_language() or "tr")[:2],
        municipality=municipality.name,
        slug=municipality.slug,
        title=title,
        edition=plan.edition,
        edition_line=_edition_line(plan, title),
        period=plan.period,
        status=plan.get_status_display(),
        adopted=plan.status in ActionPlan.ADOPTED,
        decision_no=plan.decision_no,
        decision_date=plan.decision_date,
        has_decision_document=bool(plan.decision_document),
        charter_version=plan.charter_version.version if plan.charter_version else "",
        charter_signature=_signature(commitment),
        prepared_by=str(unit) if unit else "",
        previous=(
            f"{localized(plan.previous.title)} ({plan.previous.period})" if plan.previous else ""
        ),
        final_evaluation=plan.final_evaluation,
        aims=aims,
        articles=sorted(cited.items(), key=lambda pair: _code_key(pair[0])),
        generated_on=timezone.localdate(),
    )


def pdf_filename(plan: ActionPlan, language: str) -> str:
    """ASCII only, so every browser and mail client keeps it: ornek-yeep-3-2025-2028.pdf.

    The slug is already ASCII; the English copy gets "-en" so both can sit in one folder.
    """
    suffix = "" if language == "tr" else f"-{language}"
    return (
        f"{plan.municipality.slug}-yeep-{plan.edition}-{plan.start_year}-{plan.end_year}"
        f"{suffix}.pdf"
    )
