"""The plan monitoring report (*izleme raporu*): where one edition of the action plan stood at
the end of a period — six months (``2025H1``, ``2025H2``) or a year (``2025``) — as the
equality unit hands it to the council commission.

:func:`gather_progress` reads the plan once, as it stood at the period's end:

- **Actions** keep only their current status and progress, so the values of the period are
  read back from the audit log: every reported change made after the cut-off is undone. The
  cut-off is the period's reporting deadline (30 days after its end, as for indicator
  figures: focal points report once the period is over), or now if that is still to come.
- **Indicators** take the latest approved value of a reporting period up to and including the
  report's (a yearly 2025 value is not in the report of 2025H1), whenever it was approved;
  its light compares it with the target of its own year, as the plan's pages do.
- **Deadlines** are judged on the period's last day, or today while the period runs.
- **Participation inputs** are those raised for this edition (at its events or traced to its
  actions) received by the period's end, with the decisions as they stand.

:func:`build_progress` composes the sections, held in the modules beside this one
(``progress_actions``, ``progress_indicators``, ``progress_deadlines``, ``progress_coverage``,
``progress_participation``, ``progress_method``), in one language for one audience.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esitlik.analytics.disclosure import CONFIDENTIAL
from esitlik.core.i18n_text import localized
from esitlik.core.models import AuditEntry
from esitlik.frameworks.models import Framework
from esitlik.participation.models import Input
from esitlik.participation.summary import Summary, participation_summary
from esitlik.plans import rollup
from esitlik.plans.deadlines import Item
from esitlik.plans.deadlines import State as DueState
from esitlik.plans.models import Action, ActionPlan, Indicator, IndicatorUpdate
from esitlik.plans.progress import Period, periods
from esitlik.reports.document import Audience, Report

KIND = "plan-progress"
# Reports on a plan start once it is adopted (monitoring follows approval).
MONITORED = set(ActionPlan.ADOPTED)
TRACKED = ("status", "progress")
_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:(?:[Hh]|/|-[Hh]?)\s*([0-9]+))?\s*$")


class PeriodError(ValueError):
    """A period that cannot be reported on, with a message a person can act on."""


# Periods ---------------------------------------------------------------------------------


def parse_period(text: str | Period) -> Period:
    """``2025H1`` (January–June), ``2025H2`` (July–December) or ``2025`` (the year) as a
    :class:`~esitlik.plans.progress.Period`; "2025/1", the way plans write half years, too."""
    if isinstance(text, Period):
        return text
    found = _PERIOD.match(str(text or ""))
    half = found.group(2) if found else None
    if not found or (half is not None and half not in ("1", "2")):
        raise PeriodError(
            _(
                "“%(text)s” is not a period. Give a year (2025) or a half year: 2025H1 for "
                "January–June, 2025H2 for July–December."
            )
            % {"text": text}
        )
    return Period(int(found.group(1)), int(half or 0))


def period_code(period: Period) -> str:
    """The period as the command and the stored reports write it: "2025H1", "2025"."""
    return f"{period.year}H{period.half}" if period.half else str(period.year)


def period_label(period: Period) -> str:
    """The period in words, in the active language."""
    if period.half == 1:
        return _("January–June %(year)s") % {"year": period.year}
    if period.half == 2:
        return _("July–December %(year)s") % {"year": period.year}
    return str(period.year)


def previous_period(period: Period) -> Period:
    if period.half == 2:
        return Period(period.year, 1)
    if period.half == 1:
        return Period(period.year - 1, 2)
    return Period(period.year - 1, 0)


def _updates_until(period: Period) -> Q:
    """Updates of reporting periods that end by ``period``'s end."""
    if period.half == 1:
        return Q(year__lt=period.year) | Q(year=period.year, half=1)
    return Q(year__lte=period.year)


def check_period(plan: ActionPlan, period: Period, today: date) -> None:
    if plan.status not in MONITORED:
        raise PeriodError(
            _(
                "“%(plan)s” is not adopted yet (%(status)s): a monitoring report follows a plan "
                "the council has approved."
            )
            % {"plan": localized(plan.title), "status": plan.get_status_display()}
        )
    if not plan.start_year <= period.year <= plan.end_year:
        raise PeriodError(
            _("The plan runs %(years)s; %(period)s is outside it.")
            % {"years": plan.period, "period": period_code(period)}
        )
    if period.start > today:
        raise PeriodError(
            _("%(period)s has not started yet; report on it once it has.")
            % {"period": period_code(period)}
        )


# What the report is made of ---------------------------------------------------------------


@dataclass
class Standing:
    """An indicator as the report shows it: its latest approved value of a reporting period
    up to the report's and its light (:func:`esitlik.plans.rollup.standing_of`: the value
    against the target of its own year), and the target of the report's year."""

    indicator: Indicator
    latest: IndicatorUpdate | None
    light: rollup.Light
    target: object  # the report year's target: Decimal | None
    approved: list[IndicatorUpdate]  # the approved values of periods up to the report's


@dataclass
class TakenInput:
    """An input taken (wholly or partly) into the plan, and one action it led to."""

    item: Input
    action: Action


@dataclass
class PlanSources:
    plan: ActionPlan
    period: Period
    today: date
    judged_on: date  # deadlines are judged on this day
    cutoff: datetime  # action reports made from this moment on are not counted
    reports_until: date  # the last day whose action reports count
    actions: list[Action]  # as they stood at the cut-off (never saved)
    last_reported: dict[int, date]  # action id → day of its last report by the cut-off
    previous: Period | None
    previous_actions: list[Action] | None  # as they stood at the previous period's cut-off
    standings: list[Standing]
    items: list[Item]  # overdue, delayed and late items
    cover: rollup.Coverage
    charter: Framework | None
    inputs: list[Input]
    taken: list[TakenInput]
    summary: Summary | None = None  # the edition's events up to the period's end
    notes: dict = field(default_factory=dict)

    @property
    def municipality(self):
        return self.plan.municipality

    @property
    def over(self) -> bool:
        return self.period.end < self.today


def _cutoff(period: Period, now: datetime) -> tuple[datetime, date]:
    """When reports on ``period`` stop counting — the start of the day after its reporting
    deadline (local time), or ``now`` if that is earlier — and the last day counted."""
    end = timezone.make_aware(datetime.combine(period.due + timedelta(days=1), time.min))
    if now < end:
        return now, timezone.localdate(now)
    return end, period.due


def _history(plan: ActionPlan, actions: list[Action]) -> list[dict]:
    """The audited changes of the actions' status and progress, oldest first."""
    return list(
        AuditEntry.objects.filter(
            municipality_id=plan.municipality_id,
            object_type=Action._meta.label_lower,
            object_id__in=[str(action.pk) for action in actions],
        )
        .order_by("created_at", "id")
        .values("object_id", "action", "changes", "created_at")
    )


def actions_at(
    actions: list[Action], history: list[dict], cutoff: datetime
) -> tuple[list[Action], dict[int, date]]:
    """Copies of ``actions`` with the status and progress they had just before ``cutoff``:
    the changes logged from then on are undone, newest first. Also the day each action's
    progress was last reported by then. The copies must never be saved."""
    state = {action.pk: {name: getattr(action, name) for name in TRACKED} for action in actions}
    reported: dict[int, date] = {}
    for entry in reversed(history):
        pk = int(entry["object_id"])
        if pk not in state:
            continue
        if entry["created_at"] >= cutoff:
            for name in TRACKED:
                change = (entry["changes"] or {}).get(name)
                if isinstance(change, dict) and change.get("old") is not None:
                    state[pk][name] = change["old"]
        elif entry["action"] == "plans.action.reported" and pk not in reported:
            reported[pk] = timezone.localtime(entry["created_at"]).date()
    copies = []
    for action in actions:
        then = copy.copy(action)
        then.status, then.progress = state[action.pk]["status"], int(state[action.pk]["progress"])
        copies.append(then)
    return copies, reported


def _standings(plan: ActionPlan, period: Period) -> tuple[list[Standing], list[Indicator]]:
    """Each indicator's standing from the updates of periods up to ``period`` (the plan
    pages' reading, :func:`~esitlik.plans.rollup.standing_of`, with later periods unseen);
    the indicators carry all their updates as ``every_update`` for the overdue list."""
    indicators = list(
        plan.indicators.select_related(
            "responsible_directorate", "action", "objective"
        ).prefetch_related(
            "targets",
            Prefetch("updates", queryset=IndicatorUpdate.objects.filter(_updates_until(period))),
            Prefetch("updates", queryset=IndicatorUpdate.objects.all(), to_attr="every_update"),
        )
    )
    indicators.sort(key=lambda indicator: natural(indicator.code))
    result = []
    for indicator in indicators:
        standing = rollup.standing_of(indicator, plan)
        approved = [u for u in standing.history if u.status == IndicatorUpdate.Status.APPROVED]
        target = rollup.target_for(indicator, period.year)
        result.append(Standing(indicator, standing.latest, standing.light, target, approved))
    return result, indicators


class Late:
    """Item states of this report besides the overdue list's own (deadlines.State)."""

    DELAYED = "delayed"  # reported "delayed" by its directorate, end date not passed
    LATE = "late"  # indicator figures approved, but sent after their due date


def _items(
    plan: ActionPlan, actions: list[Action], indicators: list[Indicator], judged_on: date
) -> list[Item]:
    """Actions past their end date and not completed or cancelled, actions reported
    delayed, and indicator figures due before ``judged_on`` that are not approved (or came
    in after their due date)."""
    done = {Action.Status.COMPLETED, Action.Status.CANCELLED}
    items = []
    for action in actions:
        if action.status in done:
            continue
        if action.end_date and action.end_date < judged_on:
            items.append(Item(DueState.OVERDUE, action.lead_directorate, action.end_date, action))
        elif action.status == Action.Status.DELAYED:
            due = action.end_date or judged_on
            items.append(Item(Late.DELAYED, action.lead_directorate, due, action))
    S = IndicatorUpdate.Status
    for indicator in indicators:
        updates = {(u.year, u.half): u for u in indicator.every_update}
        for period in periods(indicator, plan):
            if period.due >= judged_on:
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
            if status == S.APPROVED:
                sent = update.submitted_at and timezone.localtime(update.submitted_at).date()
                if sent and sent > period.due:
                    items.append(Item(Late.LATE, **common))
            elif status == S.SUBMITTED:
                items.append(Item(DueState.AWAITING_REVIEW, **common))
            elif status == S.RETURNED:
                items.append(Item(DueState.RETURNED, **common))
            else:
                items.append(Item(DueState.OVERDUE, **common))
    order = [DueState.OVERDUE, DueState.RETURNED, DueState.AWAITING_REVIEW, Late.DELAYED]
    return sorted(
        items,
        key=lambda i: (
            order.index(i.state) if i.state in order else len(order),
            i.due,
            natural(i.action.code if i.action else i.indicator.code),
        ),
    )


def _inputs(plan: ActionPlan, period: Period) -> tuple[list[Input], list[TakenInput]]:
    own = Action.objects.filter(objective__aim__plan=plan).select_related("objective")
    inputs = list(
        Input.objects.filter(municipality_id=plan.municipality_id, received_on__lte=period.end)
        .filter(Q(event__plan=plan) | Q(actions__objective__aim__plan=plan))
        .distinct()
        .select_related("heading", "article")
        .prefetch_related(Prefetch("actions", queryset=own))
        .order_by("received_on", "id")
    )
    taken_statuses = {Input.Status.TAKEN, Input.Status.PARTLY_TAKEN}
    taken = [
        TakenInput(item, action)
        for item in inputs
        if item.status in taken_statuses
        for action in item.actions.all()
    ]
    return inputs, taken


def gather_progress(
    plan: ActionPlan, period: str | Period, *, today: date | None = None, now=None
) -> PlanSources:
    """Everything the report on ``plan`` for ``period`` says, read once (see the module's
    docstring for what "as it stood" means). Raises :class:`PeriodError` for a period that
    cannot be reported on."""
    period = parse_period(period)
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    plan = ActionPlan.objects.select_related("municipality", "charter_version").get(pk=plan.pk)
    check_period(plan, period, today)
    current = list(rollup.actions_of(plan))
    history = _history(plan, current)
    cutoff, reports_until = _cutoff(period, now)
    actions, last_reported = actions_at(current, history, cutoff)
    previous = previous_period(period)
    previous_actions = None
    if previous.year >= plan.start_year:
        previous_actions, _reported = actions_at(current, history, _cutoff(previous, now)[0])
    else:
        previous = None
    judged_on = min(period.end, today)
    standings, indicators = _standings(plan, period)
    inputs, taken = _inputs(plan, period)
    return PlanSources(
        plan=plan,
        period=period,
        today=today,
        judged_on=judged_on,
        cutoff=cutoff,
        reports_until=reports_until,
        actions=actions,
        last_reported=last_reported,
        previous=previous,
        previous_actions=previous_actions,
        standings=standings,
        items=_items(plan, actions, indicators, judged_on),
        cover=rollup.coverage(plan, actions),
        charter=rollup.charter_of(plan),
        inputs=inputs,
        taken=taken,
    )


def natural(code: str) -> tuple:
    """ "1.10.2" after "1.9.1": the numbers in a code compared as numbers."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", code)
        if part
    )


def inputs_of(sources: PlanSources) -> dict:
    """What the report was made of, so it can be checked and made again."""
    plan = sources.plan
    charter = sources.charter
    return {
        "plan": {
            "id": plan.pk,
            "edition": plan.edition,
            "title": plan.title,
            "years": [plan.start_year, plan.end_year],
            "status": plan.status,
            "decision_no": plan.decision_no,
            "decision_date": plan.decision_date.isoformat() if plan.decision_date else None,
            "charter": f"{charter.code} {charter.version}" if charter else None,
        },
        "period": period_code(sources.period),
        "previous_period": period_code(sources.previous) if sources.previous else None,
        "judged_on": sources.judged_on.isoformat(),
        "reports_until": sources.reports_until.isoformat(),
        "cutoff": sources.cutoff.isoformat(timespec="seconds"),
        "actions": len(sources.actions),
        "indicators": len(sources.standings),
        "participation_inputs": len(sources.inputs),
        "runs": [],
        "today": sources.today.isoformat(),
    }


def build_progress(
    plan: ActionPlan,
    period: str | Period,
    *,
    language: str,
    audience: Audience | str,
    today: date | None = None,
    sources: PlanSources | None = None,
) -> Report:
    """The monitoring report of ``plan`` for ``period`` in ``language``, for the equality
    unit (``internal``) or anyone (``public``). Raises :class:`PeriodError` for a period
    that cannot be reported on (not a period, outside the plan's years, not started yet, a
    plan not adopted)."""
    # The section modules import PlanSources and the period helpers from this one: importing
    # them at the top would be circular.
    from esitlik.reports import (
        progress_actions,
        progress_coverage,
        progress_deadlines,
        progress_indicators,
        progress_method,
        progress_participation,
    )

    audience = Audience(audience)
    public = audience == Audience.PUBLIC
    sources = sources or gather_progress(plan, period, today=today)
    plan = sources.plan
    with translation.override(language):
        sources.summary = participation_summary(
            plan.municipality, date_to=sources.judged_on, plan=plan
        )
        records: list[dict] = []
        sections = [
            progress_actions.summary(sources, language),
            progress_actions.progress(sources, language),
            progress_indicators.indicators(sources, public, language, records),
            progress_deadlines.overdue(sources, public, language),
            progress_coverage.coverage(sources, language),
            progress_participation.participation(sources, public, language, records),
        ]
        hidden = sum(
            1
            for section in sections
            for table in section.tables
            for row in table.rows
            for cell in row
            if cell == CONFIDENTIAL
        )
        sections.append(progress_method.method(sources, public, language, hidden))
        label = period_label(sources.period)
        name = plan.municipality.name
        return Report(
            kind=KIND,
            title=_("%(plan)s: Monitoring Report, %(period)s")
            % {"plan": localized(plan.title, language), "period": label},
            subtitle=name,
            language=language,
            audience=audience,
            municipality={"name": name, "slug": plan.municipality.slug},
            period={
                "plan": plan.pk,
                "edition": plan.edition,
                "period": period_code(sources.period),
                "label": label,
                "start": sources.period.start.isoformat(),
                "end": sources.period.end.isoformat(),
            },
            generated_at=timezone.now().isoformat(timespec="seconds"),
            inputs=inputs_of(sources),
            sections=sections,
            disclosure=[r for r in records if r["primary"] or r["complementary"]],
        )
