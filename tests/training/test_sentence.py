"""The training sentence in Turkish and English: period, topic or programme, the role list."""

from datetime import date
from decimal import Decimal

import pytest

from esitlik.training.figures import Coverage, Filters, ReachRow, SexRow, TrainingFigures
from esitlik.training.models import Programme
from esitlik.training.sentence import plural_en, reach_sentence, training_sentence

MERSIN = [
    ({"tr": "Daire başkanı", "en": "Department head"}, 21),
    ({"tr": "Şube müdürü", "en": "Branch manager"}, 21),
    ({"tr": "Kadın ve Aile Hizmetleri personeli", "en": "Women and family services staff"}, 88),
    ({"tr": "Kadın koordinatörü", "en": "Women coordinator"}, 30),
    ({"tr": "Birim personeli", "en": "Unit staff"}, 71),
]


def figures(
    roles=MERSIN,
    unplaced=0,
    reach=(),
    topic="",
    date_from=date(2025, 1, 1),
    date_to=date(2025, 12, 31),
    programme=None,
):
    by_role = [
        SexRow(str(i), names["tr"], woman=count, names=names)
        for i, (names, count) in enumerate(roles)
    ]
    if unplaced:
        by_role.append(SexRow("", "No role category", not_stated=unplaced))
    people = SexRow("total", "Total", woman=sum(row.total for row in by_role))
    return TrainingFigures(
        filters=Filters(date_from, date_to, programme, topic),
        today=date(2026, 1, 1),
        sessions=1,
        named_sessions=1,
        counted_sessions=len(reach),
        planned=0,
        cancelled=0,
        first_held=None,
        last_held=None,
        people=people,
        people_left=0,
        attendances=people.total,
        hours=Decimal(0),
        sessions_without_hours=0,
        topic=topic,
        by_role=by_role,
        by_directorate=[],
        cube=[],
        coverage=Coverage(None, [], None, 0),
        reach=list(reach),
        reach_total=SexRow("total", "Total"),
        programmes=[],
        pool_size=0,
        pool_topics=[],
        pool_certification=[],
        expiring=[],
    )


def reached(title, audience=Programme.Audience.PUBLIC, **counts):
    return ReachRow(
        key="1",
        label=title["tr"],
        title=title,
        audience=audience,
        partner="",
        sessions=1,
        counts=SexRow("1", title["tr"], **counts),
        groups=[],
    )


FATHERS = reached({"tr": "Baba Destek Programı", "en": "Father Support Programme"}, man=25)


def test_the_mersin_sentence_in_turkish():
    text = training_sentence(figures(topic="Toplumsal cinsiyet eşitliği"), "tr")
    assert text == (
        "2025 yılında 231 personele toplumsal cinsiyet eşitliği eğitimi verildi: "
        "21 daire başkanı, 21 şube müdürü, 88 kadın ve aile hizmetleri personeli, "
        "30 kadın koordinatörü ve 71 birim personeli."
    )


def test_the_mersin_sentence_in_english():
    text = training_sentence(figures(topic="toplumsal cinsiyet eşitliği"), "en")
    assert text == (
        "In 2025, 231 staff were trained in “toplumsal cinsiyet eşitliği”: 21 department heads, "
        "21 branch managers, 88 women and family services staff, 30 women coordinators "
        "and 71 unit staff."
    )


def test_category_names_are_lowered_the_turkish_way_and_numbers_grouped():
    text = training_sentence(
        figures(roles=[({"tr": "İNSAN KAYNAKLARI Işık ekibi"}, 1234)], unplaced=3), "tr"
    )
    assert text == (
        "2025 yılında 1.237 personele eğitim verildi: 1.234 insan kaynakları ışık ekibi ve "
        "rol kategorisi belirtilmemiş 3 personel."
    )
    english = training_sentence(
        figures(roles=[({"tr": "İNSAN KAYNAKLARI"}, 1234)], unplaced=3), "en"
    )
    # No English name: the Turkish one, lowered the Turkish way.
    assert (
        english
        == "In 2025, 1,237 staff were trained: 1,234 insan kaynakları and 3 with no role category."
    )


def test_the_period_is_a_year_a_span_or_all_time():
    span = figures(roles=MERSIN[:1], date_from=date(2025, 3, 1), date_to=date(2025, 6, 30))
    assert training_sentence(span, "tr").startswith("01.03.2025–30.06.2025 döneminde 21 personele")
    assert training_sentence(span, "en").startswith("Between 01.03.2025 and 30.06.2025, 21 staff")
    years = figures(roles=MERSIN[:1], date_from=date(2024, 1, 1), date_to=date(2025, 12, 31))
    assert training_sentence(years, "tr").startswith("2024–2025 yıllarında")
    always = figures(roles=MERSIN[:1], date_from=None, date_to=None)
    assert (
        training_sentence(always, "tr")
        == "Bugüne kadar 21 personele eğitim verildi: 21 daire başkanı."
    )
    assert training_sentence(always, "en") == "To date, 21 staff were trained: 21 department heads."
    since = figures(roles=MERSIN[:1], date_from=date(2025, 9, 1), date_to=None)
    assert training_sentence(since, "tr").startswith("01.09.2025 tarihinden bu yana 21 personele")


def test_one_person_and_nobody():
    one = figures(roles=[({"tr": "Daire başkanı", "en": "Department head"}, 1)])
    assert (
        training_sentence(one, "en") == "In 2025, 1 member of staff was trained: 1 department head."
    )
    nobody = figures(roles=[])
    assert training_sentence(nobody, "tr") == "2025 yılında personele verilmiş eğitim kaydı yok."
    assert training_sentence(nobody, "en") == "In 2025, no staff training is on record."


def test_a_programme_is_named_rather_than_a_topic():
    programme = Programme(title={"tr": "Eğitici eğitimi", "en": "Training of trainers"})
    text = figures(roles=MERSIN[:2], programme=programme, topic="toplumsal cinsiyet")
    assert training_sentence(text, "tr") == (
        "2025 yılında Eğitici eğitimi kapsamında 42 personele eğitim verildi: "
        "21 daire başkanı ve 21 şube müdürü."
    )
    assert training_sentence(text, "en").startswith("In 2025, 42 staff were trained in Training")
    # A topic that already says "eğitim" is not said twice.
    assert "42 personele eğitici eğitimi verildi" in training_sentence(
        figures(roles=MERSIN[:2], topic="Eğitici eğitimi"), "tr"
    )


def test_the_public_reach_follows():
    both = figures(roles=MERSIN[:1], reach=[FATHERS])
    assert training_sentence(both, "tr").endswith(
        "21 daire başkanı. Baba Destek Programı 25 erkeğe ulaştı."
    )
    assert training_sentence(both, "en").endswith(
        "21 department heads. Father Support Programme reached 25 men."
    )
    health = reached({"tr": "Kadın sağlığı eğitimi"}, woman=120, man=20)
    women = reached({"tr": "Anne destek"}, woman=1)
    mixed = reached({"tr": "Açık seminer"}, woman=3, not_stated=2)
    several = figures(roles=[], reach=[FATHERS, health, women, mixed])
    assert reach_sentence(several, "tr") == (
        "Baba Destek Programı 25 erkeğe, Kadın sağlığı eğitimi 140 kişiye (120 kadın, 20 erkek), "
        "Anne destek 1 kadına ve Açık seminer 5 kişiye ulaştı."
    )
    assert reach_sentence(several, "en") == (
        "Father Support Programme reached 25 men, Kadın sağlığı eğitimi reached 140 people "
        "(120 women, 20 men), Anne destek reached 1 woman and Açık seminer reached 5 people."
    )
    assert training_sentence(several, "tr") == (
        "2025 yılında personele verilmiş eğitim kaydı yok. " + reach_sentence(several, "tr")
    )


def test_staff_programmes_recorded_as_counts_are_not_public_reach():
    staff = reached({"tr": "Seminer"}, audience=Programme.Audience.STAFF, woman=40)
    assert reach_sentence(figures(reach=[staff]), "tr") == ""


@pytest.mark.parametrize(
    ("name", "count", "plural"),
    [
        ("department head", 2, "department heads"),
        ("unit staff", 2, "unit staff"),
        ("deputy", 3, "deputies"),
        ("coach", 2, "coaches"),
        ("other", 5, "other"),
        ("branch manager", 1, "branch manager"),
        ("coordinator / focal point", 4, "coordinator / focal points"),
    ],
)
def test_english_plurals(name, count, plural):
    assert plural_en(name, count) == plural
