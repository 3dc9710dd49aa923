"""A small training world whose figures test_figures.py works out by hand (municipality
"home", year 2025 unless said):

    person      sex         role category     directorate  sessions of 2025
    Ayşe        woman       daire başkanı     social       S1, S3
    Mehmet      man         daire başkanı     parks        S1
    Zeynep      woman       şube müdürü       social       S1
    Ali         man         birim personeli   social       S1, S2, S3
    Elif        woman       birim personeli   parks        S1, S2
    Deniz       other       birim personeli   —            S2
    Can         not stated  —                 social       S2
    Fatma       woman       koordinatör       social       S1 (as birim personeli), S2
    Hasan       man         şube müdürü       parks        S2 — has left since
    Sevgi       woman       birim personeli   social       only S4, in 2024

    S1 programme A 10.03.2025, 6 hours     S2 programme A 15.06.2025, 4 hours
    S3 programme B 01.09.2025, no hours    S4 programme A 01.11.2024 (outside 2025)
    planned and cancelled sessions of A in 2025; public sessions recorded as counts; and
    the other municipality's staff, session, workforce and trainers.
"""

from datetime import date
from decimal import Decimal

from esitlik.core.sex import Sex
from esitlik.training.sessions import attendance_add, session_create
from esitlik.training.staff import staff_update, workforce_set
from esitlik.training.trainers import trainer_create
from tests.training.helpers import category, person, programme, public_programme


def session(world, prog, day, attendees=(), **values):
    values.setdefault("status", "held")
    made = session_create(
        municipality=prog.municipality, programme=prog, by=world.alice, starts_on=day, **values
    )
    if attendees:
        attendance_add(session=made, people=attendees, by=world.alice)
    return made


def trained_world(world) -> dict:
    """The world of the module docstring; returns its people, programmes and sessions."""
    p = {}
    for name, sex, role, directorate in (
        ("Ayşe", Sex.WOMAN, "daire başkanı", world.social),
        ("Mehmet", Sex.MAN, "daire başkanı", world.parks),
        ("Zeynep", Sex.WOMAN, "şube müdürü", world.social),
        ("Ali", Sex.MAN, "birim personeli", world.social),
        ("Elif", Sex.WOMAN, "birim personeli", world.parks),
        ("Deniz", Sex.OTHER, "birim personeli", None),
        ("Can", Sex.NOT_STATED, None, world.social),
        ("Fatma", Sex.WOMAN, "birim personeli", world.social),
        ("Hasan", Sex.MAN, "şube müdürü", world.parks),
        ("Sevgi", Sex.WOMAN, "birim personeli", world.social),
    ):
        p[name] = person(world, name, sex=sex, role=role, directorate=directorate)
    a = programme(world, "Toplumsal cinsiyet eşitliği temel eğitimi")
    b = programme(world, "Şiddetle mücadele", topics=["Kadına yönelik şiddet"])
    s1 = session(
        world,
        a,
        date(2025, 3, 10),
        [p[n] for n in ("Ayşe", "Mehmet", "Zeynep", "Ali", "Elif", "Fatma")],
        hours=Decimal("6"),
        pre_score=Decimal("40"),
        post_score=Decimal("70"),
        satisfaction=Decimal("4"),
    )
    # Fatma moves to the coordinators between her two sessions: she counts once, as she is now.
    staff_update(
        staff=p["Fatma"], by=world.alice, role_category=category(world, "koordinatör / odak kişi")
    )
    s2 = session(
        world,
        a,
        date(2025, 6, 15),
        [p[n] for n in ("Ali", "Elif", "Deniz", "Can", "Hasan", "Fatma")],
        hours=Decimal("4"),
        pre_score=Decimal("50"),
        post_score=Decimal("90"),
        satisfaction=Decimal("5"),
    )
    session(world, b, date(2025, 9, 1), [p["Ayşe"], p["Ali"]])
    session(world, a, date(2024, 11, 1), [p["Sevgi"], p["Ayşe"]], hours=Decimal("6"))
    session(world, a, date(2025, 10, 1), status="planned", hours=Decimal("6"))
    session(world, a, date(2025, 5, 5), status="cancelled", hours=Decimal("6"))
    staff_update(staff=p["Hasan"], by=world.alice, is_active=False)

    father = public_programme(world, "Baba Destek Programı")
    health = public_programme(world, "Kadın sağlığı eğitimi", partner="")
    session(world, father, date(2025, 4, 1), men=25, group_counts={"men": 25}, hours=10)
    session(world, father, date(2024, 4, 1), men=8)
    session(world, health, date(2025, 5, 1), women=12, not_stated=3, group_counts={"women": 10})

    # Workforce: 2024 and 2025 figures, and 2026 figures a 2025 period must not use.
    db, sm, bp = (category(world, k) for k in ("daire başkanı", "şube müdürü", "birim personeli"))
    workforce_set(municipality=world.home, year=2024, by=world.alice, figures={db: (3, 5, 0)})
    workforce_set(
        municipality=world.home,
        year=2025,
        by=world.alice,
        figures={db: (4, 6, 0), sm: (10, 12, 1), bp: (40, 50, 2)},
    )
    workforce_set(municipality=world.home, year=2026, by=world.alice, figures={db: (100, 100, 0)})

    # The other municipality trains and counts too; none of it may show.
    theirs = person(world, "Oğuz", sex=Sex.MAN, role="daire başkanı", municipality=world.other)
    their_prog = programme(world, "Eğitim", municipality=world.other)
    session(world, their_prog, date(2025, 3, 10), [theirs], hours=Decimal("8"))
    their_public = public_programme(world, "Baba Destek Programı", municipality=world.other)
    session(world, their_public, date(2025, 3, 10), men=99)
    workforce_set(
        municipality=world.other,
        year=2025,
        by=None,
        figures={category(world, "daire başkanı", world.other): (1, 1, 0)},
    )
    trainer_create(municipality=world.other, by=None, kind="external", name="Başka", topics=["x"])
    return {"people": p, "a": a, "b": b, "s1": s1, "s2": s2, "father": father, "health": health}
