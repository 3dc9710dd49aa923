"""Demo: Örnek's training year, modelled on what Mersin reported. 231 people trained in gender
equality — 21 department heads, 21 branch managers, 88 Women and Family Services staff, 30
women coordinators, 71 unit staff — in eight groups of a one-day course, 42 of them again
in a trainer training or the coordinators' follow-up seminar; an in-house trainer pool
of 2 rights-based monitoring trainers certified by CEİD, 8 functional adult literacy trainers
and 5 in training for AÇEV's next programme; AÇEV's Father Support Programme reaching 25 men;
women's health meetings in four neighbourhoods, as in Nilüfer. The year's workforce is typed
in, so coverage shows what is still to do.

Which year: the last full calendar year before the day the demo is first loaded (loaded in
2026, it is 2025, the first year of the 3rd plan). Every session of it is over, so each can be
recorded as held. The only other dates taken from the load day are two certificates' expiry,
so that "expiring soon" and "expired" have something to show. Once loaded, the year stays: a
later run finds the basic course's sessions and keeps their year.

Deterministic (one seeded generator, drawn in full before anything is written) and idempotent
(categories by key, staff by name, programmes by Turkish title, sessions by programme and
title, trainers by person or name, certificates by trainer and title), through the services,
so audited."""

from __future__ import annotations

import random
from decimal import Decimal

from django.utils import timezone

from esitlik.core.models import Directorate, Municipality
from esitlik.plans.models import Action
from esitlik.training import demo_staff, demo_year
from esitlik.training.models import (
    Certification,
    Programme,
    RoleCategory,
    StaffMember,
    Trainer,
    TrainingSession,
)
from esitlik.training.programmes import programme_create
from esitlik.training.sessions import attendance_add, session_create
from esitlik.training.staff import (
    name_key,
    role_category_create,
    role_category_update,
    staff_create,
    workforce_set,
)
from esitlik.training.trainers import certification_add, trainer_create

SEED = 231


def demo_year_of(today) -> int:
    """The training year the demo shows when first loaded on ``today``."""
    return today.year - 1


def load() -> int:
    municipality = Municipality.objects.filter(slug="ornek").first()
    if municipality is None:
        return 0
    today = timezone.localdate()
    year = _year(municipality) or demo_year_of(today)
    rng = random.Random(SEED)  # noqa: S311 — demo figures, not secrets
    people = demo_staff.people(rng)
    picks = demo_staff.trainer_picks(rng, people)
    sessions = demo_year.sessions(rng, year, people, picks)
    certifications = demo_year.certifications(year, today, picks)

    created = _categories(municipality)
    staff, added = _staff(municipality, people)
    created += added
    created += _workforce(municipality, year)
    programmes, added = _programmes(municipality)
    created += added
    trainers, added = _trainers(municipality, staff, picks)
    created += added
    created += _certifications(trainers, certifications)
    created += _sessions(municipality, programmes, trainers, staff, sessions)
    return created


def _year(municipality) -> int | None:
    first = (
        TrainingSession.objects.filter(
            municipality=municipality,
            programme__title__tr=demo_year.PROGRAMMES["basic"][0],
        )
        .order_by("starts_on")
        .first()
    )
    return first.starts_on.year if first else None


def _categories(municipality) -> int:
    """Add the family services staff, rename the coordinators the way Mersin names them, and
    order the list as its sentence does."""
    categories = {c.key: c for c in RoleCategory.objects.filter(municipality=municipality)}
    changed = 0
    for key, (turkish, english) in demo_staff.NEW_CATEGORIES.items():
        if key in categories:
            continue
        old = categories.get(demo_staff.COORDINATORS_DEFAULT)
        name = {"tr": turkish, "en": english}
        if key == demo_staff.COORDINATORS and old is not None:
            categories[key] = role_category_update(category=old, name=name, by=None)
        else:
            categories[key] = role_category_create(municipality=municipality, name=name, by=None)
        changed += 1
    if changed:
        for position, key in enumerate(demo_staff.ORDER, start=1):
            category = categories.get(key)
            if category is not None and category.position != position:
                role_category_update(category=category, position=position, by=None)
    return changed


def _staff(municipality, people) -> tuple[dict[str, StaffMember], int]:
    existing = {s.name_key: s for s in StaffMember.objects.filter(municipality=municipality)}
    categories = {c.key: c for c in RoleCategory.objects.filter(municipality=municipality)}
    directorates = {d.code: d for d in Directorate.objects.filter(municipality=municipality)}
    staff, added = {}, 0
    for person in people:
        found = existing.get(name_key(person.name))
        if found is None:
            found = staff_create(
                municipality=municipality,
                by=None,
                name=person.name,
                sex=person.sex,
                staff_number=person.staff_number,
                directorate=directorates.get(person.directorate),
                role_category=categories.get(person.category),
            )
            added += 1
        staff[person.name] = found
    return staff, added


def _workforce(municipality, year: int) -> int:
    if municipality.workforce_figures.filter(year=year).exists():
        return 0
    categories = {c.key: c for c in RoleCategory.objects.filter(municipality=municipality)}
    figures = {
        categories[key]: counts for key, counts in demo_staff.WORKFORCE.items() if key in categories
    }
    return len(workforce_set(municipality=municipality, year=year, figures=figures, by=None))


def _programmes(municipality) -> tuple[dict[str, Programme], int]:
    existing = {p.title.get("tr"): p for p in Programme.objects.filter(municipality=municipality)}
    actions = list(
        Action.objects.filter(
            objective__aim__plan__municipality=municipality, objective__aim__plan__edition=3
        ).select_related("objective__aim__plan")
    )
    programmes, added = {}, 0
    for key, spec in demo_year.PROGRAMMES.items():
        turkish, english, audience, partner, topics, description, linked = spec
        programme = existing.get(turkish)
        if programme is None:
            programme = programme_create(
                municipality=municipality,
                by=None,
                title={"tr": turkish, "en": english},
                audience=audience,
                topics=topics,
                partner=partner,
                description=description,
                actions=[a for a in actions if any(a.title["tr"].startswith(t) for t in linked)],
            )
            added += 1
        programmes[key] = programme
    return programmes, added


def _trainers(municipality, staff, picks) -> tuple[dict[str, Trainer], int]:
    existing = list(Trainer.objects.filter(municipality=municipality).select_related("staff"))
    by_staff = {t.staff_id: t for t in existing if t.staff_id}
    by_name = {t.name: t for t in existing if not t.staff_id}
    trainers, added = {}, 0
    for role, chosen in picks.items():
        topics, status, training_for = demo_year.internal_topics(role)
        for index, person in enumerate(chosen):
            member = staff[person.name]
            trainer = by_staff.get(member.pk)
            if trainer is None:
                trainer = trainer_create(
                    municipality=municipality,
                    by=None,
                    staff=member,
                    # The first literacy trainer also holds the women's health certificate.
                    topics=topics
                    + (("kadın sağlığı",) if (role, index) == ("literacy", 0) else ()),
                    status=status,
                    training_for=training_for,
                )
                added += 1
            trainers[person.name] = trainer
    for key, spec in demo_year.EXTERNAL.items():
        trainer = by_name.get(spec.name)
        if trainer is None:
            trainer = trainer_create(
                municipality=municipality,
                by=None,
                kind=Trainer.Kind.EXTERNAL,
                name=spec.name,
                organisation=spec.organisation,
                sex=spec.sex,
                topics=spec.topics,
            )
            added += 1
        trainers[key] = trainer
    return trainers, added


def _certifications(trainers, certifications) -> int:
    held = set(
        Certification.objects.filter(trainer__in=list(trainers.values())).values_list(
            "trainer_id", "title"
        )
    )
    added = 0
    for cert in certifications:
        trainer = trainers[cert.trainer]
        if (trainer.pk, cert.title) in held:
            continue
        certification_add(
            trainer=trainer,
            by=None,
            title=cert.title,
            issuer=cert.issuer,
            issued_on=cert.issued_on,
            expires_on=cert.expires_on,
        )
        added += 1
    return added


def _sessions(municipality, programmes, trainers, staff, sessions) -> int:
    directorates = {d.code: d for d in Directorate.objects.filter(municipality=municipality)}
    recorded = set(
        TrainingSession.objects.filter(municipality=municipality).values_list(
            "programme_id", "title"
        )
    )
    added = 0
    for spec in sessions:
        programme = programmes[spec.programme]
        if (programme.pk, spec.title) in recorded:
            continue
        session = session_create(
            municipality=municipality,
            programme=programme,
            by=None,
            trainers=[trainers[key] for key in spec.trainers],
            title=spec.title,
            starts_on=spec.starts_on,
            ends_on=spec.ends_on,
            hours=Decimal(spec.hours),
            place=spec.place,
            online=spec.online,
            link=spec.link,
            directorate=directorates.get(spec.directorate),
            status=spec.status,
            women=spec.women,
            men=spec.men,
            group_counts=spec.groups,
            notes=spec.notes,
            **spec.evaluation,
        )
        if spec.people:
            attendance_add(session=session, people=[staff[p.name] for p in spec.people], by=None)
        added += 1
    return added
