"""One person, Ayşe Yılmaz, held in every place the software keeps people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.db import models
from django.utils import timezone

from esitlik.core.models import Membership, Role
from esitlik.participation.events import event_create
from esitlik.participation.inputs import input_create
from esitlik.participation.stakeholders import contact_add, stakeholder_create
from esitlik.privacy import services
from esitlik.training.programmes import programme_create
from esitlik.training.sessions import attendance_add, session_create
from esitlik.training.staff import staff_create
from esitlik.training.trainers import trainer_create
from tests.factories import InvitationFactory, UserFactory

NAME = "Ayşe Yılmaz"
EMAIL = "ayse.yilmaz@example.org"
PHONE = "0532 123 45 67"
TRACES = ("Ayşe Yılmaz", "AYŞE YILMAZ", "ayse.yilmaz@example.org", "532 123 45 67", "5321234567")


@dataclass
class Person:
    contact: object
    staff: object
    trainer: object
    user: object
    invitation: object
    item: object
    event: object
    stakeholder: object
    session: object
    consent: object


def person_everywhere(world) -> Person:
    home = world.home
    stakeholder = stakeholder_create(
        municipality=home,
        name="Kadın Dayanışma Derneği",
        kind="women",
        by=world.alice,
        notes="Başkan yardımcısı Ayşe Yılmaz; cep +90 532 123 45 67",
    )
    contact = contact_add(
        stakeholder=stakeholder,
        by=world.alice,
        name=NAME,
        position="Başkan yardımcısı",
        email=EMAIL,
        phone=PHONE,
        consent_date=date(2025, 1, 10),
        consent_purpose="Plan toplantılarına davet",
    )
    consent = services.consent_record(
        by=world.alice,
        contact=contact,
        purpose="Plan toplantılarına davet",
        text_version="Davet izni v1",
        given_on=date(2025, 1, 10),
        method="paper",
    )
    staff = staff_create(
        municipality=home, by=world.alice, name=NAME, staff_number="S-0042", sex="woman"
    )
    programme = programme_create(municipality=home, by=world.alice, title="Toplumsal cinsiyet")
    session = session_create(
        municipality=home,
        programme=programme,
        by=world.alice,
        starts_on=timezone.localdate() - timedelta(days=5),
        status="held",
    )
    attendance_add(session=session, people=[staff], by=world.alice)
    trainer = trainer_create(
        municipality=home,
        by=world.alice,
        kind="external",
        name="Ayşe YILMAZ",
        organisation="CEİD",
        sex="woman",
        notes="Ulaşmak için ayse.yilmaz@example.org",
    )
    user = UserFactory(username="ayilmaz", first_name="Ayşe", last_name="Yılmaz", email=EMAIL)
    Membership.objects.create(user=user, municipality=home, role=Role.MONITOR)
    invitation = InvitationFactory(municipality=home, email=EMAIL)
    event = event_create(
        municipality=home,
        by=world.alice,
        kind="workshop",
        title="Kadın kooperatifleri çalıştayı",
        starts_at=timezone.now() - timedelta(days=3),
        status="held",
        women=12,
        men=3,
        moderator=NAME,
        minutes="Kolaylaştırıcı ayşe yılmaz (ayse.yilmaz@example.org) açılışı yaptı.",
    )
    item = input_create(
        municipality=home,
        by=world.alice,
        kind="problem",
        text="AYŞE YILMAZ aradı (0532-123-4567): kreş saatleri çalışan kadınlara uymuyor.",
    )
    return Person(
        contact, staff, trainer, user, invitation, item, event, stakeholder, session, consent
    )


def traces(strings=TRACES) -> set[tuple[str, str, object]]:
    """(model, field, pk) of every text column, in every table, holding one of ``strings``."""
    hits = set()
    lowered = [s.lower() for s in strings]
    for model in apps.get_models():
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        if not fields:
            continue
        for row in model.objects.all().values("pk", *[f.attname for f in fields]):
            for f in fields:
                value = row[f.attname]
                if value is None:
                    continue
                text = value if isinstance(value, str) else repr(value)
                import json

                if not isinstance(value, str):
                    text = json.dumps(value, ensure_ascii=False, default=str)
                folded = text.lower()
                digits = "".join(c for c in text if c.isdigit())
                for s, low in zip(strings, lowered, strict=True):
                    if low in folded or (s.isdigit() and s in digits):
                        hits.add((model._meta.label_lower, f.name, row["pk"]))
    return hits
