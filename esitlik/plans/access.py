from django.http import Http404

from esitlik.core.models import Membership
from esitlik.plans.models import ActionPlan


def access_plan(membership: Membership, plan_id: int) -> ActionPlan:
    try:
        return ActionPlan.objects.select_related("charter_version", "previous").get(
            pk=plan_id, municipality_id=membership.municipality_id
        )
    except ActionPlan.DoesNotExist:
        raise Http404 from None


def access_aim(plan: ActionPlan, aim_id: int):
    from esitlik.plans.models import Aim

    try:
        return Aim.objects.get(pk=aim_id, plan=plan)
    except Aim.DoesNotExist:
        raise Http404 from None


def access_objective(plan: ActionPlan, objective_id: int):
    from esitlik.plans.models import Objective

    try:
        return Objective.objects.select_related("aim").get(pk=objective_id, aim__plan=plan)
    except Objective.DoesNotExist:
        raise Http404 from None


def access_action(plan: ActionPlan, action_id: int):
    from esitlik.plans.models import Action

    try:
        return Action.objects.select_related("objective__aim", "lead_directorate").get(
            pk=action_id, objective__aim__plan=plan
        )
    except Action.DoesNotExist:
        raise Http404 from None


def access_indicator(plan: ActionPlan, indicator_id: int):
    from esitlik.plans.models import Indicator

    try:
        return Indicator.objects.select_related(
            "responsible_directorate", "objective__aim", "action__objective__aim", "carried_from"
        ).get(pk=indicator_id, plan=plan)
    except Indicator.DoesNotExist:
        raise Http404 from None


def access_evidence(plan: ActionPlan, evidence_id: int):
    from esitlik.plans.models import Evidence

    try:
        return Evidence.objects.get(pk=evidence_id, update__indicator__plan=plan)
    except Evidence.DoesNotExist:
        raise Http404 from None
