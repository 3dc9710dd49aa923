"""The training figures against counts worked out by hand from the small world of
figures_world.py:

The world (municipality "home", year 2025 unless said):

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

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from esitlik.training.figures import training_figures, workforce_for, workforce_year
from esitlik.training.trainers import certification_add, trainer_create
from tests.training.figures_world import trained_world
from tests.training.helpers import person

pytestmark = pytest.mark.django_db

YEAR_2025 = {"date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)}


@pytest.fixture
def trained(world):
    return trained_world(world)


def by_key(rows):
    return {row.label: row for row in rows}


def sexes(row):
    return (row.woman, row.man, row.other, row.not_stated)


def test_people_are_counted_once_however_many_sessions_they_attended(trained, world):
    figures = training_figures(world.home, **YEAR_2025)
    assert figures.sessions == 5  # S1, S2, S3 and the two public sessions
    assert (figures.named_sessions, figures.counted_sessions) == (3, 2)
    assert (figures.planned, figures.cancelled) == (1, 1)
    assert figures.people.total == 9  # not Sevgi (2024 only), not the other municipality's
    assert sexes(figures.people) == (4, 3, 1, 1)
    assert figures.attendances == 14  # 6 + 6 + 2
    assert figures.hours == Decimal("60")  # 6 people × 6 h + 6 people × 4 h + S3 without hours
    assert figures.sessions_without_hours == 2  # S3 and the women's health session
    assert figures.people_left == 1  # Hasan
    assert figures.women_share is None  # 9 people: fewer than 10, no percentage


def test_people_by_role_category_and_sex(trained, world):
    rows = training_figures(world.home, **YEAR_2025).by_role
    assert [row.label for row in rows] == [
        "Department head",
        "Branch manager",
        "Unit staff",
        "Coordinator / focal point",
        "No role category",
    ]
    assert [sexes(row) for row in rows] == [
        (1, 1, 0, 0),
        (1, 1, 0, 0),
        (1, 1, 1, 0),
        (1, 0, 0, 0),  # Fatma, in her category of today
        (0, 0, 0, 1),  # Can
    ]
    assert rows[2].bar == 100 and rows[3].bar == pytest.approx(33.33)


def test_people_by_directorate_and_the_full_cube(trained, world):
    figures = training_figures(world.home, **YEAR_2025)
    places = figures.by_directorate
    assert [row.label for row in places] == [
        "Sosyal Hizmetler Müdürlüğü",
        "Park ve Bahçeler Müdürlüğü",
        "No directorate",
    ]
    assert [sexes(row) for row in places] == [(3, 1, 0, 1), (1, 2, 0, 0), (0, 0, 1, 0)]
    cube = [(r.category, r.directorate, sexes(r.counts)) for r in figures.cube]
    assert cube == [
        ("Department head", "Park ve Bahçeler Müdürlüğü", (0, 1, 0, 0)),
        ("Department head", "Sosyal Hizmetler Müdürlüğü", (1, 0, 0, 0)),
        ("Branch manager", "Park ve Bahçeler Müdürlüğü", (0, 1, 0, 0)),
        ("Branch manager", "Sosyal Hizmetler Müdürlüğü", (1, 0, 0, 0)),
        ("Unit staff", "Park ve Bahçeler Müdürlüğü", (1, 0, 0, 0)),
        ("Unit staff", "Sosyal Hizmetler Müdürlüğü", (0, 1, 0, 0)),
        ("Unit staff", "No directorate", (0, 0, 1, 0)),
        ("Coordinator / focal point", "Sosyal Hizmetler Müdürlüğü", (1, 0, 0, 0)),
        ("No role category", "Sosyal Hizmetler Müdürlüğü", (0, 0, 0, 1)),
    ]
    assert sum(row.counts.total for row in figures.cube) == 9


def test_coverage_uses_the_latest_workforce_up_to_the_periods_year(trained, world):
    coverage = training_figures(world.home, **YEAR_2025).coverage
    assert coverage.year == 2025
    rows = by_key(coverage.rows)
    assert list(rows) == [
        "Department head",
        "Branch manager",
        "Unit staff",
        "Coordinator / focal point",
    ]

    def cells(label):
        return [(c.trained, c.workforce) for c in rows[label].cells]

    assert cells("Department head") == [(1, 4), (1, 6), (0, 0), (2, 10)]
    assert cells("Branch manager") == [(1, 10), (1, 12), (0, 1), (2, 23)]
    assert cells("Unit staff") == [(1, 40), (1, 50), (1, 2), (3, 92)]
    assert cells("Coordinator / focal point") == [(1, None), (0, None), (0, None), (1, None)]
    # Shares only from 10 people in the workforce cell.
    head = rows["Department head"].cells
    assert [c.share for c in head] == [None, None, None, 0.2]
    assert rows["Branch manager"].cells[0].share == 0.1
    assert rows["Branch manager"].cells[1].share == pytest.approx(1 / 12)
    assert rows["Unit staff"].total.untrained == 89
    assert [(c.trained, c.workforce) for c in coverage.total.cells] == [
        (3, 54),
        (3, 68),
        (1, 3),
        (7, 125),
    ]
    assert coverage.total.total.share == pytest.approx(7 / 125)
    assert coverage.outside == 2  # Fatma (coordinators have no figures) and Can (no category)


def test_coverage_falls_back_to_an_earlier_year_or_says_there_are_none(trained, world):
    coverage = training_figures(
        world.home, date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)
    ).coverage
    assert coverage.year == 2024
    assert [(c.trained, c.workforce) for c in by_key(coverage.rows)["Department head"].cells] == [
        (1, 3),
        (0, 5),
        (0, 0),
        (1, 8),
    ]
    assert workforce_year(world.home, 2023) is None and workforce_for(world.home, 2023) == {}
    none = training_figures(world.home, date_to=date(2023, 12, 31)).coverage
    assert none.year is None and none.rows == [] and none.total is None
    # With no end date the period reaches today, and this year's figures apply.
    assert training_figures(world.home).coverage.year == 2026


def test_public_reach_is_summed_by_sex_and_group_per_programme(trained, world):
    figures = training_figures(world.home, **YEAR_2025)
    father, health = figures.reach
    assert father.label == "Baba Destek Programı" and father.sessions == 1
    assert sexes(father.counts) == (0, 25, 0, 0)  # not the 2024 group, not Iğdır's 99
    assert father.groups == [("men", "Men and fathers", 25)]
    assert sexes(health.counts) == (12, 0, 0, 3)
    assert health.groups == [
        ("women", "Women", 10),
        ("_not_assigned", "Not assigned to a group", 5),
    ]
    assert sexes(figures.reach_total) == (12, 25, 0, 3)
    assert [row.label for row in figures.public_reach] == [father.label, health.label]


def test_sessions_hours_and_evaluation_by_programme(trained, world):
    rows = by_key(training_figures(world.home, **YEAR_2025).programmes)
    a = rows["Toplumsal cinsiyet eşitliği temel eğitimi"]
    assert (a.sessions, a.hours, a.people, a.attendances, a.person_hours) == (
        2,
        Decimal("10"),
        9,
        12,
        Decimal("60"),
    )
    # Pre (40×6 + 50×6) / 12 = 45, post 80, gain 35, satisfaction 4.5 (weights: attendance).
    assert (a.evaluation.pre, a.evaluation.post, a.evaluation.gain) == (
        Decimal("45.0"),
        Decimal("80.0"),
        Decimal("35.0"),
    )
    assert a.evaluation.satisfaction == Decimal("4.50")
    b = rows["Şiddetle mücadele"]
    assert (b.sessions, b.hours, b.sessions_without_hours, b.people) == (1, 0, 1, 2)
    assert b.evaluation.sessions == 0
    assert rows["Baba Destek Programı"].counted == 25
    assert rows["Baba Destek Programı"].hours == Decimal("10")


def test_filters_by_programme_and_topic(trained, world):
    only_a = training_figures(world.home, programme=trained["a"], **YEAR_2025)
    assert only_a.people.total == 9 and only_a.attendances == 12 and only_a.sessions == 2
    assert only_a.topic == "toplumsal cinsiyet eşitliği"  # what every session taught
    violence = training_figures(world.home, topic="  KADINA YÖNELİK   şiddet ", **YEAR_2025)
    assert violence.people.total == 2 and sexes(violence.people) == (1, 1, 0, 0)
    assert violence.topic == "KADINA YÖNELİK şiddet"
    # Programmes A and B share no topic, so the whole year names none.
    assert training_figures(world.home, **YEAR_2025).topic == ""
    # All time: Sevgi's 2024 session counts too, Ayşe still once.
    everything = training_figures(world.home)
    assert everything.people.total == 10 and everything.attendances == 16


def test_the_trainer_pool_by_topic_and_certificate(world):
    today = timezone.localdate()
    year_ago = today - timedelta(days=365)

    def external(name, status="active", topics=(), **values):
        if status == "in_training":
            values["training_for"] = "Baba Destek Programı"
        return trainer_create(
            municipality=world.home,
            by=world.alice,
            kind="external",
            name=name,
            status=status,
            topics=list(topics),
            **values,
        )

    def cert(trainer, title, expires_on):
        certification_add(
            trainer=trainer,
            by=world.alice,
            title=title,
            issuer="CEİD",
            issued_on=year_ago,
            expires_on=expires_on,
        )

    internal = trainer_create(
        municipality=world.home,
        by=world.alice,
        staff=person(world, "Gizli Eğitmen"),
        topics=["toplumsal cinsiyet eşitliği", "hak temelli izleme"],
    )
    cert(internal, "Hak temelli izleme eğitici eğitimi", None)
    soon = external("B", topics=["Toplumsal Cinsiyet Eşitliği"])
    cert(soon, "Eğitici eğitimi", today + timedelta(days=30))
    external("C", status="in_training", topics=["Hak temelli izleme"])
    renewed = external("D")
    cert(renewed, "Yetişkin okuma yazma", today - timedelta(days=10))
    cert(renewed, "Hak temelli izleme", today - timedelta(days=200))
    cert(renewed, "HAK TEMELLİ İZLEME", today + timedelta(days=365))
    lapsed = external("E", status="in_training")
    cert(lapsed, "Eski", today - timedelta(days=5))
    retired = external("F", status="inactive", topics=["toplumsal cinsiyet eşitliği"])
    cert(retired, "Emekli", today + timedelta(days=10))

    figures = training_figures(world.home)
    assert figures.pool_size == 5  # not the one who no longer trains
    topics = {row.key: (row.active, row.in_training) for row in figures.pool_topics}
    assert topics == {
        "toplumsal cinsiyet eşitliği": (2, 0),
        "hak temelli izleme": (1, 1),
        "": (1, 1),
    }
    assert figures.pool_topics[-1].label == "No topic given"
    states = {row.key: (row.active, row.in_training) for row in figures.pool_certification}
    assert states == {"valid": (2, 0), "expiring": (1, 0), "expired": (0, 1), "none": (0, 1)}
    # To renew: D's lapsed certificate (still trains, not renewed) and B's within 30 days;
    # not D's renewed one, not E's (in training), not F's (no longer trains).
    expiring = [(row.trainer_id, row.title, row.days_left) for row in figures.expiring]
    assert expiring == [
        (renewed.pk, "Yetişkin okuma yazma", -10),
        (soon.pk, "Eğitici eğitimi", 30),
    ]
    assert figures.expiring[0].expired and not figures.expiring[1].expired


def test_an_empty_municipality_gives_zeros(world):
    figures = training_figures(world.home, **YEAR_2025)
    assert figures.people.total == 0 and figures.sessions == 0 and figures.hours == 0
    assert figures.by_role == [] and figures.reach == [] and figures.programmes == []
    assert figures.coverage.year is None and figures.pool_size == 0


def test_it_reads_with_a_few_queries_whatever_the_volume(
    trained, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        training_figures(world.home, **YEAR_2025)
