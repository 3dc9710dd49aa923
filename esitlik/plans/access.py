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
