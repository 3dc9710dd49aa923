"""Starting a new edition from the previous one: unfinished actions move over with their
indicators, keeping a link to the originals so their history stays one click away."""

from django.utils.translation import gettext as _

from esitlik.core.audit import audit_record
from esitlik.plans.indicators import INDICATOR_FIELDS
from esitlik.plans.models import Action, ActionPlan, Aim, Indicator, IndicatorTarget, Objective

FINISHED = (Action.Status.COMPLETED, Action.Status.CANCELLED)


def carry_over(*, source: ActionPlan, target: ActionPlan, by) -> dict[str, int]:
    """Copy the unfinished part of ``source`` into the empty draft ``target``.

    Aims and objectives come along only where something unfinished sits under them; codes are
    kept, so "2.3.1" stays "2.3.1" and people can follow it across editions. Targets move only
    for the years the new edition covers. Runs inside the caller's transaction.
    """
    counts = {"aims": 0, "objectives": 0, "actions": 0, "indicators": 0}
    unfinished = (
        Action.objects.filter(objective__aim__plan=source)
        .exclude(status__in=FINISHED)
        .prefetch_related("supporting_directorates", "partners", "tags", "indicators__targets")
    )
    by_objective: dict[int, list[Action]] = {}
    for action in unfinished:
        by_objective.setdefault(action.objective_id, []).append(action)
    objective_indicators = Indicator.objects.filter(
        plan=source, objective__isnull=False
    ).prefetch_related("targets")
    indicators_of: dict[int, list[Indicator]] = {}
    for indicator in objective_indicators:
        indicators_of.setdefault(indicator.objective_id, []).append(indicator)

    for aim in source.aims.prefetch_related("objectives"):
        kept = [o for o in aim.objectives.all() if o.pk in by_objective or o.pk in indicators_of]
        if not kept:
            continue
        new_aim = Aim.objects.create(
            plan=target,
            code=aim.code,
            title=aim.title,
            heading=aim.heading,
            position=aim.position,
        )
        counts["aims"] += 1
        for objective in kept:
            new_objective = Objective.objects.create(
                aim=new_aim,
                code=objective.code,
                title=objective.title,
                position=objective.position,
            )
            counts["objectives"] += 1
            for indicator in indicators_of.get(objective.pk, []):
                _copy_indicator(indicator, target, objective=new_objective)
                counts["indicators"] += 1
            for action in by_objective.get(objective.pk, []):
                new_action = _copy_action(action, new_objective)
                counts["actions"] += 1
                for indicator in action.indicators.all():
                    _copy_indicator(indicator, target, action=new_action)
                    counts["indicators"] += 1
    audit_record(
        action="plans.plan.carried_over",
        actor=by,
        municipality=target.municipality,
        obj=target,
        changes={
            "previous": {"old": None, "new": str(source)},
            **{name: {"old": None, "new": n} for name, n in counts.items()},
        },
    )
    return counts


def _copy_action(action: Action, objective: Objective) -> Action:
    status = Action.Status.ON_TRACK if action.status == Action.Status.DELAYED else action.status
    new = Action.objects.create(
        objective=objective,
        code=action.code,
        title=action.title,
        lead_directorate=action.lead_directorate,
        start_date=action.start_date,
        end_date=action.end_date,
        budget_planned=action.budget_planned,
        target_groups=action.target_groups,
        status=status,
        progress=action.progress,
        weight=action.weight,
        carried_from=action,
        position=action.position,
    )
    new.supporting_directorates.set(action.supporting_directorates.all())
    new.partners.set(action.partners.all())
    new.tags.set(action.tags.all())
    return new


def _copy_indicator(indicator: Indicator, plan: ActionPlan, **parent) -> Indicator:
    fields = ("code", "position", *INDICATOR_FIELDS)
    new = Indicator.objects.create(
        plan=plan, carried_from=indicator, **{f: getattr(indicator, f) for f in fields}, **parent
    )
    IndicatorTarget.objects.bulk_create(
        IndicatorTarget(indicator=new, year=t.year, value=t.value, women=t.women, men=t.men)
        for t in indicator.targets.all()
        if plan.start_year <= t.year <= plan.end_year
    )
    return new


def summary(counts: dict[str, int]) -> str:
    return (
        _(
            "Carried over: %(actions)s unfinished actions and %(indicators)s indicators, under "
            "%(objectives)s objectives and %(aims)s aims."
        )
        % counts
    )
