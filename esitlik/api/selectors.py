"""Reads shaped for the API. Public reads see published data only, always after disclosure
control; nothing here writes."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse

from esitlik.analytics.disclosure import threshold_for
from esitlik.api.errors import not_found
from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality
from esitlik.participation.models import Input
from esitlik.plans.models import (
    Action,
    ActionPlan,
    Aim,
    Indicator,
    IndicatorTarget,
    IndicatorUpdate,
    Objective,
)
from esitlik.plans.rollup import weighted_progress
from esitlik.reports.models import StoredReport
from esitlik.reports.render import FORMATS


def page(items, *, limit: int, offset: int) -> dict:
    """A page of a queryset or list, with the total count."""
    count = items.count() if hasattr(items, "count") and not isinstance(items, list) else len(items)
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "items": items[offset : offset + limit],
    }


def municipality_by_slug(slug: str) -> Municipality:
    municipality = Municipality.objects.filter(slug=slug).first()
    if municipality is None:
        raise not_found()
    return municipality


def municipality_out(municipality: Municipality) -> dict:
    return {
        "slug": municipality.slug,
        "name": municipality.name,
        "province": municipality.province,
        "kind": municipality.kind,
        "population": municipality.population,
    }


def adopted_plans(municipality: Municipality, status: str | None = None):
    plans = ActionPlan.objects.filter(municipality=municipality, status__in=ActionPlan.ADOPTED)
    if status:
        plans = plans.filter(status=status)
    return plans.order_by("-start_year", "-edition")


def _progress(actions) -> float | None:
    progress = weighted_progress(actions)
    return None if progress is None else round(progress, 1)


def plan_out(plan: ActionPlan, actions=None) -> dict:
    if actions is None:
        actions = list(
            Action.objects.filter(objective__aim__plan=plan).only("status", "progress", "weight")
        )
    return {
        "id": plan.pk,
        "edition": plan.edition,
        "title": localized(plan.title),
        "start_year": plan.start_year,
        "end_year": plan.end_year,
        "status": plan.status,
        "decision_no": plan.decision_no,
        "decision_date": plan.decision_date,
        "actions": len(actions),
        "progress": _progress(actions),
    }


def plan_detail(municipality: Municipality, plan_id: int) -> dict:
    plan = adopted_plans(municipality).filter(pk=plan_id).first()
    if plan is None:
        raise not_found()
    actions_qs = Action.objects.select_related("lead_directorate").order_by("position", "pk")
    aims = (
        Aim.objects.filter(plan=plan)
        .select_related("heading")
        .prefetch_related(
            Prefetch(
                "objectives",
                Objective.objects.order_by("position", "pk").prefetch_related(
                    Prefetch("actions", actions_qs)
                ),
            )
        )
        .order_by("position", "pk")
    )
    all_actions = []
    aims_out = []
    for aim in aims:
        objectives = []
        for objective in aim.objectives.all():
            actions = list(objective.actions.all())
            all_actions += actions
            objectives.append(
                {
                    "code": objective.code,
                    "title": localized(objective.title),
                    "actions": [action_out(action) for action in actions],
                }
            )
        aims_out.append(
            {
                "code": aim.code,
                "title": localized(aim.title),
                "heading": getattr(aim.heading, "code", None),
                "objectives": objectives,
            }
        )
    return {**plan_out(plan, all_actions), "aims": aims_out}


def action_out(action: Action) -> dict:
    lead = action.lead_directorate
    return {
        "id": action.pk,
        "code": action.code,
        "title": localized(action.title),
        "status": action.status,
        "progress": action.progress,
        "start_date": action.start_date,
        "end_date": action.end_date,
        "lead_directorate": localized(lead.name) if lead else None,
        "target_groups": list(action.target_groups or []),
    }


def _number(value):
    return None if value is None else float(value)


def protected_value(indicator: Indicator, update: IndicatorUpdate) -> dict:
    """An approved value, with counts of people under the threshold hidden.

    Only counts are checked (shares and indices are computed by the unit from bases the API
    does not show). A hidden women's or men's figure hides the other too, since the total
    minus one gives the other; a hidden total hides both.
    """
    figures = {"value": update.value, "women": update.women, "men": update.men}
    hidden = set()
    if indicator.measure == Indicator.Measure.COUNT:
        threshold = threshold_for()
        hidden = {k for k, v in figures.items() if v is not None and 0 < v < threshold}
        if hidden & {"women", "men"} or "value" in hidden:
            hidden |= {k for k in ("women", "men") if figures[k] is not None}
    return {
        "year": update.year,
        "half": update.half,
        **{k: None if k in hidden else _number(v) for k, v in figures.items()},
        "suppressed": sorted(hidden),
    }


def indicators(municipality: Municipality, *, plan_id: int | None, year: int | None):
    plans = adopted_plans(municipality)
    rows = Indicator.objects.filter(plan__in=plans).order_by("plan_id", "position", "pk")
    if plan_id is not None:
        rows = rows.filter(plan_id=plan_id)
    targets = IndicatorTarget.objects.order_by("year")
    updates = IndicatorUpdate.objects.filter(status=IndicatorUpdate.Status.APPROVED).order_by(
        "year", "half"
    )
    if year is not None:
        targets, updates = targets.filter(year=year), updates.filter(year=year)
    return rows.prefetch_related(Prefetch("targets", targets), Prefetch("updates", updates))


def indicator_out(indicator: Indicator) -> dict:
    return {
        "id": indicator.pk,
        "plan_id": indicator.plan_id,
        "code": indicator.code,
        "title": localized(indicator.title),
        "kind": indicator.kind,
        "measure": indicator.measure,
        "unit": indicator.unit,
        "by_sex": indicator.by_sex,
        "direction": indicator.direction,
        "baseline_value": _number(indicator.baseline_value),
        "baseline_year": indicator.baseline_year,
        "targets": [
            {
                "year": t.year,
                "value": _number(t.value),
                "women": _number(t.women),
                "men": _number(t.men),
            }
            for t in indicator.targets.all()
        ],
        "values": [protected_value(indicator, u) for u in indicator.updates.all()],
    }


def published_reports(municipality: Municipality):
    return (
        StoredReport.objects.filter(municipality=municipality)
        .published()
        .order_by("-published_at", "-pk")
    )


def published_report(municipality: Municipality, report_id: int) -> StoredReport:
    report = published_reports(municipality).filter(pk=report_id).first()
    if report is None:
        raise not_found()
    return report


def report_out(request, report: StoredReport) -> dict:
    downloads = {
        format: request.build_absolute_uri(
            reverse(
                "api-v1:api_report_download",
                kwargs={
                    "municipality": report.municipality.slug,
                    "report_id": report.pk,
                    "format": format,
                },
            )
        )
        for format in FORMATS
    }
    return {
        "id": report.pk,
        "kind": report.kind,
        "title": report.title,
        "year": report.year,
        "plan_id": report.plan_id,
        "period": report.period,
        "language": report.language,
        "published_at": report.published_at,
        "downloads": downloads,
    }


def inputs(municipality: Municipality, status: str | None = None):
    rows = (
        Input.objects.filter(municipality=municipality)
        .select_related("heading")
        .prefetch_related("actions")
        .order_by("-received_on", "-pk")
    )
    if status:
        rows = rows.filter(status=status)
    return rows


def input_out(item: Input) -> dict:
    return {
        "reference": item.reference,
        "kind": item.kind,
        "status": item.status,
        "received_on": item.received_on,
        "decided_at": item.decided_at,
        "reason": item.decision_reason,
        "heading": getattr(item.heading, "code", None),
        "actions": sorted(action.code for action in item.actions.all()),
    }
