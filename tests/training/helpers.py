"""Small builders for training tests: a staff person, a programme, a held session."""

from datetime import timedelta

from django.utils import timezone

from esitlik.core.sex import Sex
from esitlik.training.models import Programme, RoleCategory
from esitlik.training.programmes import programme_create
from esitlik.training.sessions import session_create
from esitlik.training.staff import staff_create


def category(world, key="daire başkanı", municipality=None):
    """One of the default role categories every municipality starts with."""
    return RoleCategory.objects.get(municipality=municipality or world.home, key=key)


def person(world, name="Ayşe Yılmaz", sex=Sex.WOMAN, role="birim personeli", **values):
    municipality = values.pop("municipality", world.home)
    values.setdefault("directorate", world.social if municipality == world.home else None)
    return staff_create(
        municipality=municipality,
        by=world.alice,
        name=name,
        sex=sex,
        role_category=category(world, role, municipality) if role else None,
        **values,
    )


def programme(world, title="Toplumsal cinsiyet eşitliği temel eğitimi", **values):
    municipality = values.pop("municipality", world.home)
    values.setdefault("topics", ["toplumsal cinsiyet eşitliği"])
    return programme_create(municipality=municipality, by=world.alice, title=title, **values)


def public_programme(world, title="Baba Destek Programı", **values):
    values.setdefault("partner", "AÇEV")
    return programme(world, title=title, audience=Programme.Audience.PUBLIC, **values)


def held_session(world, prog=None, days_ago=10, attendees=(), **values):
    """A held session of ``prog`` (a new staff programme by default) with ``attendees``."""
    from esitlik.training.sessions import attendance_add

    prog = prog or programme(world)
    session = session_create(
        municipality=prog.municipality,
        programme=prog,
        by=world.alice,
        starts_on=timezone.localdate() - timedelta(days=days_ago),
        status="held",
        **values,
    )
    if attendees:
        attendance_add(session=session, people=attendees, by=world.alice)
    return session
