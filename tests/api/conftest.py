"""API fixtures: a token per persona, an adopted plan with an indicator, published data."""

from dataclasses import dataclass

import pytest

from esitlik.api.tokens import token_create
from esitlik.plans import indicators as plan_indicators
from esitlik.plans.models import Indicator, IndicatorTarget, IndicatorUpdate
from tests.datasets.conftest import catalogue  # noqa: F401 (a fixture)
from tests.plans.helpers import approve, build, make_plan


def bearer(raw: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def tokens(world) -> dict:
    """Raw tokens by user name: alice, bob, carol, mona, nina (home) and oscar (other)."""
    raw = {}
    for user in (world.alice, world.bob, world.carol, world.mona, world.nina, world.oscar):
        membership = user.memberships.get()
        raw[user.username] = token_create(membership=membership, name="Sistem", by=user)[1]
    return raw


@dataclass
class Adopted:
    plan: object
    action: object
    indicator: object


@pytest.fixture
def adopted(world) -> Adopted:
    """Home's plan in implementation: one action led by bob's directorate, one count
    indicator with a target and two approved values (one small) and one draft."""
    plan = make_plan(world)
    _, _, action = build(plan, world)
    indicator = plan_indicators.indicator_create(
        parent=action,
        title={"tr": "Danışmaya gelen kadın", "en": "Women counselled"},
        kind="outcome",
        measure="count",
        by=world.alice,
    )
    plan = approve(plan)
    IndicatorTarget.objects.create(indicator=indicator, year=2025, value=100)
    IndicatorUpdate.objects.create(
        indicator=indicator, year=2025, value=40, women=37, men=3, status="approved"
    )
    IndicatorUpdate.objects.create(indicator=indicator, year=2026, value=3, status="approved")
    IndicatorUpdate.objects.create(indicator=indicator, year=2027, value=999, status="draft")
    return Adopted(plan=plan, action=action, indicator=Indicator.objects.get(pk=indicator.pk))
