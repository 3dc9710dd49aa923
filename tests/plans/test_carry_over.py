from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from esitlik.core.models import AuditEntry
from esitlik.plans import indicators, progress, services, structure
from esitlik.plans.models import Action, Indicator
from tests.plans.helpers import approve, build


def test_a_new_edition_carries_unfinished_actions_with_their_indicators(plan, world):
    _aim, objective, open_action = build(plan, world, progress=40, status="delayed")
    structure.action_create(
        objective=objective,
        title={"tr": "Bitti"},
        lead_directorate=world.social,
        status="completed",
        progress=100,
        by=world.alice,
    )
    indicator = indicators.indicator_create(
        parent=open_action,
        title={"tr": "Sayı"},
        kind="outcome",
        measure="count",
        targets=[{"year": 2025, "value": D(5)}, {"year": 2028, "value": D(9)}],
        by=world.alice,
    )
    approve(plan)
    progress.update_save(
        indicator=indicator, year=2025, half=0, by=world.bob, value=D(4), submit=True
    )
    fourth = services.plan_create(
        municipality=world.home,
        title={"tr": "4. YEEP"},
        start_year=2028,
        end_year=2031,
        previous=plan,
        carry_over=True,
        by=world.alice,
    )
    assert fourth.carried == {"aims": 1, "objectives": 1, "actions": 1, "indicators": 1}
    moved = Action.objects.get(objective__aim__plan=fourth)
    assert (moved.code, moved.carried_from, moved.progress) == ("1.1.1", open_action, 40)
    moved_indicator = Indicator.objects.get(plan=fourth)
    assert moved_indicator.carried_from == indicator
    # Only the targets of years the new edition covers come along; history stays linked.
    assert list(moved_indicator.targets.values_list("year", flat=True)) == [2028]
    assert moved_indicator.carried_from.updates.get().value == D(4)
    entry = AuditEntry.objects.get(action="plans.plan.carried_over")
    assert entry.changes["actions"]["new"] == 1


def test_carrying_over_needs_a_previous_edition(world):
    with pytest.raises(ValidationError):
        services.plan_create(
            municipality=world.home,
            title={"tr": "X"},
            start_year=2025,
            end_year=2028,
            carry_over=True,
            by=world.alice,
        )
