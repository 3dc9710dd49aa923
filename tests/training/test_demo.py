"""The demo's training year: Mersin's breakdown of 231 people trained, counted here with plain
queries (not the figures module), a trainer pool as Mersin built it, and loading twice — or
again in a later year — adds nothing."""

from collections import Counter
from datetime import date, timedelta

from django.utils import timezone

from esitlik.core.demo import load_all
from esitlik.core.models import AuditEntry, Municipality
from esitlik.training import demo
from esitlik.training.models import (
    Attendance,
    Certification,
    Programme,
    StaffMember,
    Trainer,
    TrainingSession,
    WorkforceFigure,
)

MERSIN = {
    "daire başkanı": 21,
    "şube müdürü": 21,
    "kadın ve aile hizmetleri personeli": 88,
    "kadın koordinatörü": 30,
    "birim personeli": 71,
}


def held_in(municipality, year):
    return TrainingSession.objects.filter(
        municipality=municipality, status="held", starts_on__year=year
    )


def test_the_demo_reproduces_a_mersin_like_training_year(db, monkeypatch):
    """One load (the whole demo takes seconds), every promise checked on it."""
    assert load_all() > 0
    ornek = Municipality.objects.get(slug="ornek")
    year = demo.demo_year_of(timezone.localdate())
    trains_231_distinct_people_in_mersins_role_breakdown(ornek, year)
    its_father_support_programme_reaches_25_men(ornek)
    its_trainer_pool_is_mersins_with_certificates_to_watch(ornek)
    most_staff_sessions_report_a_gain_of_20_to_35_points(ornek)

    # Loading again adds nothing, even in a later year: the demo's year stays.
    assert load_all() == 0
    later = date(year + 3, 2, 1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: later)
    assert load_all() == 0
    sessions = TrainingSession.objects.filter(municipality=ornek)
    assert set(sessions.values_list("starts_on__year", flat=True)) == {year}


def test_the_demo_year_is_the_last_full_calendar_year():
    assert demo.demo_year_of(date(2026, 1, 1)) == 2025
    assert demo.demo_year_of(date(2026, 12, 31)) == 2025


def trains_231_distinct_people_in_mersins_role_breakdown(ornek, year):
    held = held_in(ornek, year)
    assert held.exists() and not held.filter(starts_on__gt=timezone.localdate()).exists()

    trained = list(
        StaffMember.objects.filter(attendances__session__in=held)
        .distinct()
        .select_related("role_category", "directorate")
    )
    assert len(trained) == 231
    assert Counter(p.role_category.key for p in trained) == MERSIN
    # Some attended twice (a trainer training, the coordinators' seminar): not counted twice.
    attendances = Attendance.objects.filter(session__in=held)
    assert attendances.count() > 231
    per_person = Counter(attendances.values_list("staff_id", flat=True))
    assert max(per_person.values()) == 2 and len(per_person) == 231

    heads = [p for p in trained if p.role_category.key == "daire başkanı"]
    assert sum(p.sex == "man" for p in heads) > sum(p.sex == "woman" for p in heads)
    assert len({p.directorate_id for p in heads}) == 21  # each heads a department of their own
    family = [p for p in trained if p.role_category.key == "kadın ve aile hizmetleri personeli"]
    assert all(p.directorate.code.startswith("KAH") for p in family)
    assert len({p.directorate_id for p in trained}) >= 35
    assert sum(bool(p.staff_number) for p in trained) >= 200
    assert len({p.name_key for p in trained}) == 231
    names = {p.name for p in trained}
    assert {"Elif Yılmaz", "Murat Şahin", "Gülşen Çelik"} <= names

    # Coverage is measured against the year's workforce, and is short of everyone.
    workforce = {
        f.role_category.key: f.total
        for f in WorkforceFigure.objects.filter(municipality=ornek, year=year)
    }
    for key, count in MERSIN.items():
        assert count < workforce[key]
    assert workforce["diğer"] > 0

    # Through the services, so audited.
    audit = Counter(
        AuditEntry.objects.filter(municipality=ornek, action__startswith="training.").values_list(
            "action", flat=True
        )
    )
    assert audit["training.staff.created"] == StaffMember.objects.filter(municipality=ornek).count()
    assert audit["training.attendance.added"] == held.filter(attendance_kind="named").count()


def its_father_support_programme_reaches_25_men(ornek):
    fathers = Programme.objects.get(municipality=ornek, title__tr="Baba Destek Programı")
    assert fathers.audience == "public" and "AÇEV" in fathers.partner
    sessions = fathers.sessions.filter(status="held")
    assert sessions.count() >= 1
    assert all(s.attendance_kind == "counts" and not s.attendances.exists() for s in sessions)
    assert sum(s.men for s in sessions) == 25
    assert sum(s.women + s.other + s.not_stated for s in sessions) == 0


def its_trainer_pool_is_mersins_with_certificates_to_watch(ornek):
    pool = Trainer.objects.filter(municipality=ornek)
    internal = pool.filter(kind="internal")
    monitoring = internal.filter(
        certifications__title="Hak Temelli İzleme Eğiticisi",
        certifications__issuer__contains="CEİD",
    ).distinct()
    literacy = internal.filter(certifications__title__startswith="Okur Yazar Eğiticisi").distinct()
    assert monitoring.count() == 2 and literacy.count() == 8
    in_training = internal.filter(status="in_training")
    assert in_training.count() == 5
    assert all("Hayat Dolu Buluşmalar" in t.training_for for t in in_training)
    assert not in_training.filter(certifications__isnull=False).exists()
    assert pool.filter(kind="external").count() >= 2

    today = timezone.localdate()
    certificates = Certification.objects.filter(trainer__municipality=ornek)
    assert certificates.filter(
        expires_on__gte=today, expires_on__lte=today + timedelta(90)
    ).exists()
    assert certificates.filter(expires_on__lt=today).exists()
    assert not certificates.filter(issued_on__gt=today).exists()

    # Trainers gave the sessions: the CEİD pair the coordinators' seminar among others.
    seminar = TrainingSession.objects.get(programme__title__tr="Hak Temelli İzleme Semineri")
    assert set(seminar.trainers.all()) == set(monitoring)
    assert all(s.trainers.exists() for s in TrainingSession.objects.filter(status="held"))


def most_staff_sessions_report_a_gain_of_20_to_35_points(ornek):
    staff_sessions = TrainingSession.objects.filter(
        municipality=ornek, status="held", programme__audience="staff"
    )
    scored = staff_sessions.exclude(pre_score=None).exclude(post_score=None)
    assert scored.count() > staff_sessions.count() / 2
    assert all(20 <= s.post_score - s.pre_score <= 35 for s in scored)
    assert all(1 <= s.satisfaction <= 5 for s in scored)
    basic = Programme.objects.get(title__tr="Toplumsal Cinsiyet Eşitliği Temel Eğitimi")
    assert basic.actions.filter(title__tr__startswith="Tüm yöneticilere").exists()
