"""The training services: what they keep, what they refuse, what they audit."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.core.sex import Sex, sex_from_text
from esitlik.training.models import Attendance, RoleCategory, Trainer, TrainingSession
from esitlik.training.sessions import (
    attendance_add,
    attendance_remove,
    session_create,
    session_update,
)
from esitlik.training.staff import (
    role_category_create,
    role_category_update,
    staff_create,
    staff_update,
    workforce_set,
)
from esitlik.training.trainers import certification_add, trainer_create, trainer_update
from tests.factories import MunicipalityFactory
from tests.plans.helpers import build, make_plan
from tests.training.helpers import category, held_session, person, programme, public_programme

pytestmark = pytest.mark.django_db


def test_every_municipality_starts_with_the_five_role_categories(world):
    fresh = MunicipalityFactory(name="Yeni Belediye", slug="yeni")
    names = [c.name["tr"] for c in RoleCategory.objects.filter(municipality=fresh)]
    assert names == [
        "Daire başkanı",
        "Şube müdürü",
        "Birim personeli",
        "Koordinatör / odak kişi",
        "Diğer",
    ]


def test_role_categories_are_the_municipalitys_own_and_unique_turkish_way(world):
    added = role_category_create(
        municipality=world.home, name={"tr": "Kadın koordinatörü"}, by=world.alice
    )
    assert added.position == 6
    with pytest.raises(ValidationError) as caught:
        role_category_create(
            municipality=world.home, name={"tr": "  KADIN KOORDİNATÖRÜ "}, by=world.alice
        )
    assert "already a category" in str(caught.value)
    # The other municipality may use the same name.
    role_category_create(municipality=world.other, name={"tr": "Kadın koordinatörü"}, by=None)
    role_category_update(category=added, by=world.alice, is_active=False)
    assert AuditEntry.objects.filter(action="training.role_category.updated").count() == 1


@pytest.mark.parametrize(
    ("written", "sex"),
    [
        ("Kadın", Sex.WOMAN),
        ("KADIN", Sex.WOMAN),
        ("k", Sex.WOMAN),
        ("Female", Sex.WOMAN),
        ("ERKEK", Sex.MAN),
        ("E", Sex.MAN),
        ("male", Sex.MAN),
        ("Diğer", Sex.OTHER),
        ("DİĞER", Sex.OTHER),
        ("Belirtilmemiş", Sex.NOT_STATED),
        ("", Sex.NOT_STATED),
        ("x", None),
    ],
)
def test_sex_is_read_as_directorates_write_it(written, sex):
    assert sex_from_text(written) == sex


def test_a_staff_number_belongs_to_one_person_per_municipality(world):
    person(world, staff_number="1001")
    with pytest.raises(ValidationError) as caught:
        person(world, name="Zeynep Kaya", staff_number=" 1001 ")
    assert "already Ayşe Yılmaz's" in str(caught.value)
    person(world, name="Oğuz Tan", staff_number="1001", municipality=world.other)


def test_staff_refuses_another_tenants_directorate_and_category(world):
    with pytest.raises(ValidationError) as caught:
        staff_create(
            municipality=world.home,
            by=world.alice,
            name="Ali Veli",
            directorate=world.other_directorate,
            role_category=category(world, municipality=world.other),
        )
    assert set(caught.value.message_dict) == {"directorate", "role_category"}


def test_staff_update_refuses_a_stale_form_and_audits_changes(world):
    ayse = person(world)
    staff_update(staff=ayse, by=world.alice, version=1, name="Ayşe  Yılmaz Demir")
    assert ayse.name == "Ayşe Yılmaz Demir" and ayse.name_key == "ayşe yılmaz demir"
    with pytest.raises(ValidationError):
        staff_update(staff=ayse, by=world.alice, version=1, sex=Sex.MAN)
    entry = AuditEntry.objects.filter(action="training.staff.updated").get()
    assert entry.changes["name"]["new"] == "Ayşe Yılmaz Demir"


def test_a_public_session_records_counts_and_a_staff_one_names(world):
    public = held_session(world, public_programme(world), men=25, group_counts={"men": 25})
    assert public.attendance_kind == TrainingSession.AttendanceKind.COUNTS
    assert public.counted == 25
    staff = held_session(world)
    assert staff.attendance_kind == TrainingSession.AttendanceKind.NAMED
    with pytest.raises(ValidationError) as caught:
        session_update(session=staff, by=world.alice, women=3)
    assert "attendance_kind" in caught.value.message_dict
    with pytest.raises(ValidationError):
        attendance_add(session=public, people=[person(world)], by=world.alice)


def test_counts_must_agree_and_a_total_alone_is_not_stated(world):
    prog = public_programme(world)
    with pytest.raises(ValidationError) as caught:
        held_session(world, prog, women=10, men=5, total=20)
    assert "add up to 15 but the total is 20" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        held_session(world, prog, women=3, group_counts={"women": 4})
    assert "more than the 3" in str(caught.value)
    assert held_session(world, prog, total=12).not_stated == 12


def test_a_future_session_cannot_be_held_nor_have_attendance(world):
    with pytest.raises(ValidationError) as caught:
        held_session(world, days_ago=-3)
    assert "not started yet" in str(caught.value)
    planned = session_create(
        municipality=world.home,
        programme=programme(world),
        by=world.alice,
        starts_on=timezone.localdate() + timedelta(days=3),
    )
    with pytest.raises(ValidationError) as caught:
        attendance_add(session=planned, people=[person(world)], by=world.alice)
    assert "held before recording" in str(caught.value)


def test_a_session_with_attendance_cannot_go_back_to_planned(world):
    session = held_session(world, attendees=[person(world)])
    with pytest.raises(ValidationError) as caught:
        session_update(session=session, by=world.alice, status="cancelled")
    assert "stays held" in str(caught.value)


def test_evaluation_scores_are_bounded(world):
    with pytest.raises(ValidationError) as caught:
        held_session(world, pre_score=Decimal("101"), satisfaction=Decimal("0.5"))
    assert set(caught.value.message_dict) == {"pre_score", "satisfaction"}
    session = held_session(world, pre_score=Decimal("48.5"), post_score=Decimal("81"))
    assert session.post_score - session.pre_score == Decimal("32.5")


def test_attendance_counts_each_person_once_and_is_audited(world):
    ayse, zeynep = person(world), person(world, name="Zeynep Kaya")
    session = held_session(world)
    added = attendance_add(session=session, people=[ayse, zeynep, ayse], by=world.alice)
    assert [p.name for p in added] == ["Ayşe Yılmaz", "Zeynep Kaya"]
    assert attendance_add(session=session, people=[ayse], by=world.alice) == []
    assert Attendance.objects.filter(session=session).count() == 2
    assert attendance_remove(session=session, people=[zeynep], by=world.alice) == 1
    entry = AuditEntry.objects.filter(action="training.attendance.removed").get()
    assert entry.changes["attendance"]["old"] == ["Zeynep Kaya"]


def test_attendance_refuses_another_tenants_staff(world):
    outsider = person(world, name="Oğuz Tan", municipality=world.other)
    with pytest.raises(ValidationError):
        attendance_add(session=held_session(world), people=[outsider], by=world.alice)


def test_a_programme_links_only_its_own_municipalitys_actions(world):
    _aim, _objective, action = build(make_plan(world), world)
    linked = programme(world, actions=[action], topics="TCE, tce , Hak temelli izleme")
    assert linked.topics == ["TCE", "Hak temelli izleme"]
    assert list(action.training_programmes.all()) == [linked]
    with pytest.raises(ValidationError) as caught:
        programme(world, municipality=world.other, actions=[action])
    assert "actions" in caught.value.message_dict


def test_an_internal_trainer_is_a_staff_person_once(world):
    ayse = person(world)
    trainer = trainer_create(
        municipality=world.home, by=world.alice, staff=ayse, name="ignored", topics=["TCE"]
    )
    assert trainer.display_name == "Ayşe Yılmaz" and trainer.name == ""
    with pytest.raises(ValidationError) as caught:
        trainer_create(municipality=world.home, by=world.alice, staff=ayse)
    assert "already in the trainer pool" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        trainer_create(
            municipality=world.home,
            by=world.alice,
            kind=Trainer.Kind.EXTERNAL,
            name="Dr. Elif Ak",
            status=Trainer.Status.IN_TRAINING,
        )
    assert "training_for" in caught.value.message_dict
    trainer_update(trainer=trainer, by=world.alice, status=Trainer.Status.INACTIVE)
    assert AuditEntry.objects.filter(action="training.trainer.updated").count() == 1


def test_a_certification_cannot_expire_before_it_is_issued(world):
    trainer = trainer_create(
        municipality=world.home, by=world.alice, kind="external", name="Dr. Elif Ak"
    )
    with pytest.raises(ValidationError) as caught:
        certification_add(
            trainer=trainer,
            by=world.alice,
            title="Hak temelli izleme eğitici eğitimi",
            issuer="CEİD",
            issued_on=date(2025, 5, 1),
            expires_on=date(2025, 4, 1),
        )
    assert "expires_on" in caught.value.message_dict
    certification_add(
        trainer=trainer,
        by=world.alice,
        title="Hak temelli izleme eğitici eğitimi",
        issuer="CEİD",
        issued_on=date(2025, 5, 1),
    )
    assert trainer.certifications.count() == 1


def test_workforce_figures_replace_a_years_and_audit_the_change(world):
    head = category(world)
    workforce_set(municipality=world.home, year=2025, by=world.alice, figures={head: (4, 17, 0)})
    workforce_set(municipality=world.home, year=2025, by=world.alice, figures={head: (5, 16, 0)})
    figure = world.home.workforce_figures.get()
    assert (figure.women, figure.men, figure.total) == (5, 16, 21)
    entries = AuditEntry.objects.filter(action="training.workforce.set")
    assert entries.count() == 2
    assert entries.first().changes["Daire başkanı"] == {"old": [4, 17, 0], "new": [5, 16, 0]}
    workforce_set(municipality=world.home, year=2025, by=world.alice, figures={head: (0, 0, 0)})
    assert not world.home.workforce_figures.exists()
    with pytest.raises(ValidationError):
        workforce_set(
            municipality=world.home,
            year=2025,
            by=world.alice,
            figures={category(world, municipality=world.other): (1, 1, 0)},
        )


def test_a_renamed_role_category_is_matched_by_its_new_name(world):
    coordinators = category(world, "koordinatör / odak kişi")
    role_category_update(category=coordinators, by=world.alice, name={"tr": "Kadın koordinatörü"})
    coordinators.refresh_from_db()
    assert coordinators.key == "kadın koordinatörü"
    # The old name is free again, the new one taken.
    role_category_create(municipality=world.home, name={"tr": "Koordinatör / odak kişi"}, by=None)
    with pytest.raises(ValidationError):
        role_category_create(municipality=world.home, name={"tr": "KADIN KOORDİNATÖRÜ"}, by=None)
