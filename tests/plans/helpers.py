"""Building blocks for plan tests: a draft plan, a small structure, approval."""

from datetime import date

from esitlik.plans import services, structure
from esitlik.plans.models import ActionPlan

S = ActionPlan.Status


def make_plan(world):
    return services.plan_create(
        municipality=world.home,
        title={"tr": "3. YEEP"},
        start_year=2025,
        end_year=2028,
        by=world.alice,
    )


def build(plan, world, **action_values):
    aim = structure.aim_create(plan=plan, title={"tr": "Şiddetle mücadele"}, by=world.alice)
    objective = structure.objective_create(aim=aim, title={"tr": "Danışma"}, by=world.alice)
    action = structure.action_create(
        objective=objective,
        title={"tr": "Danışma hattı"},
        lead_directorate=world.social,
        by=world.alice,
        **action_values,
    )
    return aim, objective, action


def approve(plan):
    for target in (S.CONSULTATION, S.COMMISSION_REVIEW):
        plan = services.plan_transition(
            plan=plan, target=target, expected_status=plan.status, by=None
        )
    plan = services.plan_transition(
        plan=plan,
        target=S.APPROVED,
        expected_status=plan.status,
        by=None,
        decision_no="2025/1",
        decision_date=date(2025, 1, 9),
    )
    return services.plan_transition(
        plan=plan, target=S.IN_IMPLEMENTATION, expected_status=plan.status, by=None
    )
