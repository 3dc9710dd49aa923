"""A home municipality with something published and something not, for the portal tests."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from esitlik.participation.events import event_create
from esitlik.participation.inputs import input_create, input_decide
from esitlik.plans import indicators, services, structure
from esitlik.plans.models import ActionPlan, IndicatorTarget, IndicatorUpdate
from tests.plans.helpers import approve
from tests.reports.helpers import ready_report

SECRET_TEXT = "Kadın sığınma evi yok. Bana yazın: ayse@example.org, 0532 123 45 67, TC 10000000146"


@dataclass
class Portal:
    plan: ActionPlan
    draft: ActionPlan
    indicator: object
    published: object
    unpublished: object
    internal: object
    foreign: object
    item: object


@pytest.fixture
def portal(world):
    plan = services.plan_create(
        municipality=world.home,
        title={"tr": "Üçüncü YEEP"},
        start_year=2025,
        end_year=2028,
        by=None,
    )
    aim = structure.aim_create(plan=plan, title={"tr": "Şiddetle mücadele"}, by=None)
    objective = structure.objective_create(aim=aim, title={"tr": "Danışma"}, by=None)
    action = structure.action_create(
        objective=objective, title={"tr": "Danışma hattı"}, lead_directorate=world.social, by=None
    )
    indicator = indicators.indicator_create(
        parent=action,
        title={"tr": "Danışan kadın sayısı"},
        kind="outcome",
        measure="count",
        by=None,
    )
    IndicatorTarget.objects.create(indicator=indicator, year=2026, value=Decimal(120))
    plan = approve(plan)
    IndicatorUpdate.objects.create(
        indicator=indicator, year=2025, half=0, value=Decimal(87), status="approved"
    )
    IndicatorUpdate.objects.create(
        indicator=indicator, year=2026, half=1, value=Decimal(4321), status="submitted"
    )
    draft = services.plan_create(
        municipality=world.home,
        title={"tr": "Gizli Taslak Plan"},
        start_year=2029,
        end_year=2032,
        by=None,
    )
    other_plan = services.plan_create(
        municipality=world.other,
        title={"tr": "Iğdır Planı"},
        start_year=2025,
        end_year=2028,
        by=None,
    )
    structure.aim_create(plan=other_plan, title={"tr": "Iğdır amacı"}, by=None)

    event = event_create(
        municipality=world.home,
        by=None,
        kind="workshop",
        title="Muhtarlar çalıştayı",
        starts_at=timezone.now() - timedelta(days=3),
        status="held",
        women=3,
        men=40,
    )
    item = input_create(
        municipality=world.home, by=None, event=event, kind="problem", text=SECRET_TEXT
    )
    item = input_decide(item=item, by=None, status="taken", actions=[action])

    published = ready_report(world.home, published=True)
    published.title = "Yayımlanmış Rapor"
    published.save(update_fields=["title"])
    unpublished = ready_report(world.home)
    unpublished.title = "Yayımlanmamış Rapor"
    unpublished.save(update_fields=["title"])
    internal = ready_report(world.home, audience="internal")
    internal.title = "İç Rapor"
    internal.save(update_fields=["title"])
    foreign = ready_report(world.other, published=True)
    foreign.title = "Iğdır Raporu"
    foreign.save(update_fields=["title"])
    return Portal(plan, draft, indicator, published, unpublished, internal, foreign, item)
