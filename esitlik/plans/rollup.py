"""Reading a plan as a whole: weighted progress from actions upwards, the same by directorate
and by Charter article, which articles and headings the plan covers, and how each indicator
stands against its target. Everything here reads; nothing writes.

Weighted progress is Σ(weight × progress) ÷ Σ(weight) over the actions that count: cancelled
actions are left out, because a cancelled action neither advances nor holds back the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from esitlik.frameworks.models import Framework, FrameworkItem
from esitlik.plans.models import Action, ActionPlan, Indicator, IndicatorUpdate

CHARTER_DEFAULT_VERSION = "2006"


def weighted_progress(actions) -> float | None:
    counted = [a for a in actions if a.status != Action.Status.CANCELLED]
    total_weight = sum(a.weight for a in counted)
    if not total_weight:
        return None
    return sum(a.weight * a.progress for a in counted) / total_weight


class Light(StrEnum):
    """An indicator's traffic light. The words matter as much as the colour: the page shows
    both, so nobody has to tell red from green."""

    ACHIEVED = "achieved"
    PROGRESSING = "progressing"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    NOT_SCORED = "not_scored"

    @property
    def label(self):
        return {
            "achieved": _("Target met"),
            "progressing": _("Progressing"),
            "off_track": _("Off track"),
            "no_data": _("No approved value yet"),
            "not_scored": _("Not scored"),
        }[self.value]


# An indicator is "progressing" when it has covered at least this share of the way from its
# baseline to its target.
PROGRESSING_SHARE = Decimal("0.5")


@dataclass
class IndicatorStanding:
    indicator: Indicator
    latest: IndicatorUpdate | None
    target: Decimal | None
    light: Light
    history: list[IndicatorUpdate] = field(default_factory=list)


def target_for(indicator: Indicator, year: int) -> Decimal | None:
    """The target of the update's year, or failing that the nearest earlier one, or the first."""
    targets = sorted(
        (t for t in indicator.targets.all() if t.value is not None), key=lambda t: t.year
    )
    earlier = [t for t in targets if t.year <= year]
    if earlier:
        return earlier[-1].value
    return targets[0].value if targets else None


def light_for(indicator: Indicator, value: Decimal | None, target: Decimal | None) -> Light:
    measure, direction = indicator.measure, indicator.direction
    if measure == Indicator.Measure.QUALITATIVE:
        return Light.NOT_SCORED
    if value is None:
        return Light.NO_DATA
    if direction == Indicator.Direction.BAND:
        inside = indicator.band_low <= value <= indicator.band_high
        return Light.ACHIEVED if inside else Light.OFF_TRACK
    if measure == Indicator.Measure.YES_NO:
        wanted = target if target is not None else Decimal(1)
        return Light.ACHIEVED if value == wanted else Light.OFF_TRACK
    if target is None:
        return Light.NOT_SCORED
    up = direction == Indicator.Direction.UP
    if (value >= target) if up else (value <= target):
        return Light.ACHIEVED
    baseline = indicator.baseline_value
    if baseline is None or baseline == target:
        return Light.OFF_TRACK
    share = (value - baseline) / (target - baseline)
    return Light.PROGRESSING if share >= PROGRESSING_SHARE else Light.OFF_TRACK


def standing_of(indicator: Indicator, plan: ActionPlan) -> IndicatorStanding:
    """One indicator's latest approved value and its light. Reads ``targets`` and ``updates``
    through the prefetch cache when :func:`standings` has filled it."""
    history = sorted(indicator.updates.all(), key=lambda u: (u.year, u.half))
    approved = [u for u in history if u.status == IndicatorUpdate.Status.APPROVED]
    latest = approved[-1] if approved else None
    target = target_for(indicator, latest.year if latest else plan.end_year)
    return IndicatorStanding(
        indicator=indicator,
        latest=latest,
        target=target,
        light=light_for(indicator, latest.value if latest else None, target),
        history=history,
    )


def standings(plan: ActionPlan) -> list[IndicatorStanding]:
    """Every indicator of the plan with its latest approved value and its light."""
    indicators = plan.indicators.select_related(
        "responsible_directorate", "action", "objective"
    ).prefetch_related("targets", "updates")
    return [standing_of(indicator, plan) for indicator in indicators]


def actions_of(plan: ActionPlan):
    return (
        Action.objects.filter(objective__aim__plan=plan)
        .select_related("objective__aim__heading", "lead_directorate")
        .prefetch_related("tags")
        .order_by("objective__aim__position", "objective__position", "position", "id")
    )


@dataclass
class Row:
    """One line of a roll-up table: a label, how many actions, their weighted progress."""

    key: object
    label: str
    actions: list[Action] = field(default_factory=list)
    indicators: int = 0

    @property
    def progress(self) -> float | None:
        return weighted_progress(self.actions)

    @property
    def count(self) -> int:
        return len(self.actions)

    @property
    def completed(self) -> int:
        return sum(1 for a in self.actions if a.status == Action.Status.COMPLETED)


def by_aim(plan: ActionPlan, actions=None) -> list[dict]:
    """Aims with their objectives, each with weighted progress."""
    actions = list(actions if actions is not None else actions_of(plan))
    tree: list[dict] = []
    for aim in plan.aims.prefetch_related("objectives"):
        aim_actions = [a for a in actions if a.objective.aim_id == aim.pk]
        objectives = [
            {
                "objective": objective,
                "progress": weighted_progress(
                    [a for a in aim_actions if a.objective_id == objective.pk]
                ),
                "count": sum(1 for a in aim_actions if a.objective_id == objective.pk),
            }
            for objective in aim.objectives.all()
        ]
        tree.append(
            {
                "aim": aim,
                "progress": weighted_progress(aim_actions),
                "count": len(aim_actions),
                "objectives": objectives,
            }
        )
    return tree


def by_directorate(actions) -> list[Row]:
    rows: dict[int, Row] = {}
    for action in actions:
        directorate = action.lead_directorate
        rows.setdefault(directorate.pk, Row(directorate, str(directorate))).actions.append(action)
    return sorted(rows.values(), key=lambda row: row.label)


def charter_of(plan: ActionPlan) -> Framework | None:
    """The Charter text the plan follows; the 2006 text (30 articles) when it names none."""
    if plan.charter_version_id:
        return plan.charter_version
    return Framework.objects.filter(
        code="cemr-charter", version=CHARTER_DEFAULT_VERSION, municipality__isnull=True
    ).first()


def _article_sort_key(item: FrameworkItem):
    return (int(item.code), "") if item.code.isdigit() else (10**6, item.code)


@dataclass
class Coverage:
    articles: list[FrameworkItem]
    headings: list[FrameworkItem]
    cells: dict[tuple[int, int], int]  # (article id, heading id) → actions
    article_rows: dict[int, Row]
    heading_rows: dict[int, Row]

    @property
    def uncovered_articles(self) -> list[FrameworkItem]:
        return [a for a in self.articles if not self.article_rows[a.pk].count]

    @property
    def uncovered_headings(self) -> list[FrameworkItem]:
        return [h for h in self.headings if not self.heading_rows[h.pk].count]

    @property
    def heading_totals(self) -> list[Row]:
        return [self.heading_rows[h.pk] for h in self.headings]

    def table(self):
        """Rows for the template: article, its cells in heading order, its totals."""
        for article in self.articles:
            row = self.article_rows[article.pk]
            yield article, [self.cells.get((article.pk, h.pk), 0) for h in self.headings], row


def coverage(plan: ActionPlan, actions=None) -> Coverage:
    """Which Charter articles and YEEP headings the plan's actions and indicators reach.

    An action's heading is its aim's heading plus any heading it is tagged with; its articles
    are the Charter articles it is tagged with. An indicator counts where its action counts; an
    indicator on an objective counts for every article and heading of that objective's
    actions.
    """
    actions = list(actions if actions is not None else actions_of(plan))
    charter = charter_of(plan)
    articles = sorted(
        FrameworkItem.objects.filter(framework=charter, kind=FrameworkItem.Kind.ARTICLE)
        if charter
        else [],
        key=_article_sort_key,
    )
    headings = list(
        FrameworkItem.objects.filter(
            framework__code="yeep-headings", framework__municipality__isnull=True
        )
        .filter(kind=FrameworkItem.Kind.HEADING)
        .order_by("position")
    )
    article_ids = {a.pk for a in articles}
    heading_ids = {h.pk for h in headings}
    article_rows = {a.pk: Row(a, str(a)) for a in articles}
    heading_rows = {h.pk: Row(h, str(h)) for h in headings}
    cells: dict[tuple[int, int], int] = {}
    reach: dict[int, tuple[set[int], set[int]]] = {}
    for action in actions:
        tags = {t.pk for t in action.tags.all()}
        own_headings = tags & heading_ids
        if action.objective.aim.heading_id in heading_ids:
            own_headings.add(action.objective.aim.heading_id)
        own_articles = tags & article_ids
        reach[action.pk] = (own_articles, own_headings)
        for article_id in own_articles:
            article_rows[article_id].actions.append(action)
            for heading_id in own_headings:
                cells[(article_id, heading_id)] = cells.get((article_id, heading_id), 0) + 1
        for heading_id in own_headings:
            heading_rows[heading_id].actions.append(action)
    for indicator in plan.indicators.all():
        if indicator.action_id:
            reached = [reach.get(indicator.action_id, (set(), set()))]
        else:
            reached = [reach[a.pk] for a in actions if a.objective_id == indicator.objective_id]
        for article_id in set().union(*(r[0] for r in reached)) if reached else ():
            article_rows[article_id].indicators += 1
        for heading_id in set().union(*(r[1] for r in reached)) if reached else ():
            heading_rows[heading_id].indicators += 1
    return Coverage(articles, headings, cells, article_rows, heading_rows)


def by_article(cover: Coverage) -> list[Row]:
    return [cover.article_rows[a.pk] for a in cover.articles if cover.article_rows[a.pk].count]
