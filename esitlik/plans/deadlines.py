"""What is overdue and what falls due soon, per directorate: actions past their end date and
indicator periods whose figures have not been submitted. The "overdue and due soon" page and
the reminder e-mails both read this one list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from esitlik.core.models import Directorate
from esitlik.plans.models import Action, ActionPlan, Indicator, IndicatorUpdate
from esitlik.plans.progress import periods
from esitlik.plans.structure import REPORTABLE_STATUSES

# An action ending within this many days is "due soon"; so is a period's report.
ACTION_SOON_DAYS = 60
UPDATE_SOON_DAYS = 30


class State:
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    RETURNED = "returned"
    AWAITING_REVIEW = "awaiting_review"

    LABELS = {
        "overdue": _("Overdue"),
        "due_soon": _("Due soon"),
        "returned": _("Returned for changes"),
        "awaiting_review": _("Awaiting review"),
    }


@dataclass
class Item:
    state: str
    directorate: Directorate
    due: date
    action: Action | None = None
    indicator: Indicator | None = None
    period: object = None  # progress.Period
    update: IndicatorUpdate | None = None

    @property
    def state_label(self):
        return State.LABELS[self.state]

    @property
    def days_late(self) -> int:
        return (timezone.localdate() - self.due).days


def _action_items(plan: ActionPlan, today: date) -> list[Item]:
    soon = today + timedelta(days=ACTION_SOON_DAYS)
    items = []
    open_actions = (
        Action.objects.filter(objective__aim__plan=plan, end_date__isnull=False)
        .exclude(status__in=[Action.Status.COMPLETED, Action.Status.CANCELLED])
        .select_related("lead_directorate", "objective__aim")
    )
    for action in open_actions:
        if action.end_date < today:
            state = State.OVERDUE
        elif action.end_date <= soon:
            state = State.DUE_SOON
        else:
            continue
        items.append(Item(state, action.lead_directorate, action.end_date, action=action))
    return items


def _update_items(plan: ActionPlan, today: date) -> list[Item]:
    soon = today + timedelta(days=UPDATE_SOON_DAYS)
    items = []
    indicators = plan.indicators.select_related("responsible_directorate").prefetch_related(
        "updates"
    )
    for indicator in indicators:
        updates = {(u.year, u.half): u for u in indicator.updates.all()}
        for period in periods(indicator, plan):
            if period.start > today:
                break
            update = updates.get((period.year, period.half))
            status = update.status if update else None
            common = dict(
                directorate=indicator.responsible_directorate,
                due=period.due,
                indicator=indicator,
                period=period,
                update=update,
            )
            if status == IndicatorUpdate.Status.APPROVED:
                continue
            if status == IndicatorUpdate.Status.SUBMITTED:
                items.append(Item(State.AWAITING_REVIEW, **common))
            elif status == IndicatorUpdate.Status.RETURNED:
                items.append(Item(State.RETURNED, **common))
            elif period.due < today:
                items.append(Item(State.OVERDUE, **common))
            elif period.due <= soon:
                items.append(Item(State.DUE_SOON, **common))
    return items


ORDER = [State.OVERDUE, State.RETURNED, State.DUE_SOON, State.AWAITING_REVIEW]


def agenda(plan: ActionPlan, today: date | None = None) -> list[Item]:
    """Every pending item of a plan in implementation, most urgent first."""
    if plan.status not in REPORTABLE_STATUSES:
        return []
    today = today or timezone.localdate()
    items = _action_items(plan, today) + _update_items(plan, today)
    return sorted(items, key=lambda i: (ORDER.index(i.state), i.due, str(i.directorate)))


def by_directorate(items: list[Item]) -> list[tuple[Directorate, list[Item]]]:
    groups: dict[int, tuple[Directorate, list[Item]]] = {}
    for item in items:
        groups.setdefault(item.directorate.pk, (item.directorate, []))[1].append(item)
    return sorted(groups.values(), key=lambda group: str(group[0]))


def current_plans(municipality) -> list[ActionPlan]:
    return list(
        ActionPlan.objects.filter(municipality=municipality, status__in=REPORTABLE_STATUSES)
    )
