"""Small builders for participation tests: a neighbourhood, a stakeholder, a held workshop."""

from datetime import timedelta

from django.utils import timezone

from esitlik.core.neighbourhoods import neighbourhood_create
from esitlik.participation.events import event_create
from esitlik.participation.models import Event, Stakeholder
from esitlik.participation.stakeholders import stakeholder_create


def neighbourhood(world, name="Karşıyaka", municipality=None):
    return neighbourhood_create(municipality=municipality or world.home, name=name, by=world.alice)


def stakeholder(
    world, name="Kadın Dayanışma Derneği", kind=Stakeholder.Kind.WOMENS_ORGANISATION, **values
):
    municipality = values.pop("municipality", world.home)
    return stakeholder_create(
        municipality=municipality, name=name, kind=kind, by=world.alice, **values
    )


def held_workshop(world, title="Muhtarlar çalıştayı", days_ago=10, **values):
    values.setdefault("women", 20)
    values.setdefault("men", 30)
    municipality = values.pop("municipality", world.home)
    return event_create(
        municipality=municipality,
        by=world.alice,
        kind=Event.Kind.WORKSHOP,
        title=title,
        starts_at=timezone.now() - timedelta(days=days_ago),
        status=Event.Status.HELD,
        **values,
    )
