"""Reading a plan as a whole: progress rolled up, the coverage matrix, the timeline, and the
overdue and due-soon list."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from esitlik.core.access import access_membership_for
from esitlik.core.permissions import Perm, can, can_edit_directorate
from esitlik.core.views.util import page_context
from esitlik.plans import deadlines, rollup
from esitlik.plans.access import access_plan


@login_required
def plan_progress(request, slug, plan_id):
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    actions = list(rollup.actions_of(plan))
    cover = rollup.coverage(plan, actions)
    return render(
        request,
        "plans/progress.html",
        page_context(
            membership,
            plan=plan,
            overall=rollup.weighted_progress(actions),
            action_count=len(actions),
            tree=rollup.by_aim(plan, actions),
            directorates=rollup.by_directorate(actions),
            articles=rollup.by_article(cover),
        ),
    )


@login_required
def plan_coverage(request, slug, plan_id):
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    cover = rollup.coverage(plan)
    return render(
        request,
        "plans/coverage.html",
        page_context(membership, plan=plan, cover=cover, charter=rollup.charter_of(plan)),
    )


def _bar(start: date | None, end: date | None, first: date, last: date) -> dict | None:
    """Where an action's bar sits on the plan's time axis, in percent of its width."""
    if start is None and end is None:
        return None
    start, end = max(start or first, first), min(end or last, last)
    span = (last - first).days or 1
    if end < first or start > last or end < start:
        return None
    left = (start - first).days / span * 100
    return {"left": round(left, 2), "width": round(max((end - start).days / span * 100, 0.8), 2)}


@login_required
def plan_timeline(request, slug, plan_id):
    membership = access_membership_for(request, slug)
    plan = access_plan(membership, plan_id)
    first, last = date(plan.start_year, 1, 1), date(plan.end_year, 12, 31)
    span = (last - first).days
    today = timezone.localdate()
    rows = [
        {"action": action, "bar": _bar(action.start_date, action.end_date, first, last)}
        for action in rollup.actions_of(plan)
    ]
    years = [
        {"year": y, "left": round((date(y, 1, 1) - first).days / span * 100, 2)}
        for y in range(plan.start_year, plan.end_year + 1)
    ]
    now = round((today - first).days / span * 100, 2) if first <= today <= last else None
    return render(
        request,
        "plans/timeline.html",
        page_context(membership, plan=plan, rows=rows, years=years, now=now),
    )


@login_required
def due_list(request, slug):
    """What is overdue and due soon across the plans in implementation. A focal point sees
    their own directorates first and can widen the view to everyone's."""
    membership = access_membership_for(request, slug)
    mine_only = not can(membership, Perm.MANAGE_PLANS) and request.GET.get("all") != "1"
    items = [
        i
        for plan in deadlines.current_plans(membership.municipality)
        for i in deadlines.agenda(plan)
    ]
    if mine_only:
        items = [i for i in items if can_edit_directorate(membership, i.directorate)]
    counts = {state: sum(1 for i in items if i.state == state) for state in deadlines.ORDER}
    return render(
        request,
        "plans/due_list.html",
        page_context(
            membership,
            groups=deadlines.by_directorate(items),
            counts=[(deadlines.State.LABELS[s], counts[s], s) for s in deadlines.ORDER],
            mine_only=mine_only,
            can_widen=not can(membership, Perm.MANAGE_PLANS),
        ),
    )
