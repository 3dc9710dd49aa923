"""Where a link to a plan action should lead, for pages of other apps that name actions (an
input's decision, a training programme)."""

from __future__ import annotations

from django.urls import reverse

from esitlik.core.permissions import Perm, can, can_edit_directorate
from esitlik.plans.services import EDITABLE_STATUSES
from esitlik.plans.structure import REPORTABLE_STATUSES


def action_links(membership, actions) -> list[tuple]:
    """(action, plan, url) for each of ``actions``, oldest plan first: the action's own page
    where the member may work on it, else its row on the plan's page."""
    manage = can(membership, Perm.MANAGE_PLANS)
    slug = membership.municipality.slug
    links = []
    actions = actions.select_related("objective__aim__plan", "lead_directorate")
    for action in actions.order_by("objective__aim__plan__start_year", "code"):
        plan = action.objective.aim.plan
        openable = (manage and plan.status in EDITABLE_STATUSES) or (
            plan.status in REPORTABLE_STATUSES
            and can_edit_directorate(membership, action.lead_directorate)
        )
        if openable:
            url = reverse("action_edit", args=[slug, plan.pk, action.pk])
        else:
            url = reverse("plan_detail", args=[slug, plan.pk]) + f"#action-{action.pk}"
        links.append((action, plan, url))
    return links
