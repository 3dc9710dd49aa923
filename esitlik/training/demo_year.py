"""What the demo's training year holds: the programmes, the trainer pool and its certificates,
and the sessions, as plain data built from the year, the load day and a seeded generator.

Nothing here touches the database; ``demo.py`` writes it through the services."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import partial

from esitlik.core.sex import Sex
from esitlik.training.demo_staff import COORDINATORS, FAMILY, HEADS, MANAGERS, UNIT, Person

CEID = "Cinsiyet Eşitliği İzleme Derneği (CEİD)"
ACEV = "Anne Çocuk Eğitim Vakfı (AÇEV)"
UNIVERSITY = "Körfez Üniversitesi Kadın Araştırmaları Merkezi"
HALL = "Örnek Belediyesi Kültür Merkezi"
CLASSROOM = "Hizmet binası eğitim salonu"
UNIT_ROOM = "Eşitlik Birimi toplantı salonu"
NEXT_PROGRAMME = "Hayat Dolu Buluşmalar Programı (AÇEV)"

# key: (Turkish title, English title, audience, partner, topics, description, plan actions
#       by the beginning of their Turkish title)
PROGRAMMES = {
    "basic": (
        "Toplumsal Cinsiyet Eşitliği Temel Eğitimi",
        "Gender Equality Basic Training",
        "staff",
        UNIVERSITY,
        ["toplumsal cinsiyet eşitliği", "kadına yönelik şiddet", "eşitlik eylem planı"],
        "Bir günlük temel eğitim: kavramlar, Avrupa Şartı, belediye hizmetlerinde eşitlik, "
        "kadına yönelik şiddette ilk başvuru. Yöneticilerden başlayarak tüm personele.",
        ["Tüm yöneticilere toplumsal cinsiyet eşitliği eğitimi"],
    ),
    "monitoring": (
        "Hak Temelli İzleme Eğitici Eğitimi",
        "Rights-Based Monitoring Trainer Training",
        "staff",
        CEID,
        ["hak temelli izleme", "eğitici eğitimi"],
        "CEİD'in eğitici eğitimi; tamamlayanlar belediye içinde izleme eğitimi verebilir.",
        [],
    ),
    "seminar": (
        "Hak Temelli İzleme Semineri",
        "Rights-Based Monitoring Seminar",
        "staff",
        "",
        ["hak temelli izleme", "toplumsal cinsiyet eşitliği"],
        "Kadın koordinatörlerine eylem planının izlenmesi ve raporlanması; belediyenin kendi "
        "eğiticileri verir.",
        [],
    ),
    "literacy": (
        "İşlevsel Yetişkin Okur Yazarlık Eğitici Eğitimi",
        "Functional Adult Literacy Trainer Training",
        "staff",
        ACEV,
        ["okuma yazma", "eğitici eğitimi"],
        "Tamamlayanlar mahallelerde okuma yazma kursu açabilen okur yazar eğiticisi olur.",
        [],
    ),
    "fathers": (
        "Baba Destek Programı",
        "Father Support Programme",
        "public",
        ACEV,
        ["babalık", "çocuk gelişimi", "toplumsal cinsiyet eşitliği"],
        "Babalarla haftada bir buluşan 13 haftalık grup programı.",
        [],
    ),
    "next": (
        "Hayat Dolu Buluşmalar Programı",
        "Full of Life Meetings Programme",
        "public",
        ACEV,
        ["aile eğitimi"],
        "AÇEV ile yeni işbirliği: beş uzman personel eğitici olmak için eğitim alıyor; gruplar "
        "eğitimleri bitince açılacak.",
        [],
    ),
    "health": (
        "Kadın Sağlığı Eğitimi",
        "Women's Health Education",
        "public",
        "Örnek İlçe Sağlık Müdürlüğü",
        ["kadın sağlığı", "üreme sağlığı", "kanser taraması"],
        "Mahalle evlerinde iki saatlik buluşmalar; mobil tarama aracının geldiği mahallelerde "
        "taramadan önce.",
        ["Mobil kanser tarama aracı ile mahalle taramaları"],
    ),
}


@dataclass(frozen=True)
class External:
    name: str
    organisation: str
    sex: str
    topics: tuple


EXTERNAL = {
    "academic": External(
        "Sevgi Arıkan", UNIVERSITY, Sex.WOMAN, ("toplumsal cinsiyet eşitliği", "ayrımcılık")
    ),
    "ceid": External("Nazlı Ergün", CEID, Sex.WOMAN, ("hak temelli izleme",)),
    "fathers": External("Kemal Yurt", ACEV, Sex.MAN, ("babalık", "çocuk gelişimi")),
    "literacy": External("Hülya Tekin", ACEV, Sex.WOMAN, ("okuma yazma",)),
}


def internal_topics(role: str) -> tuple[tuple, str, str]:
    """(topics, status, being trained for) of an in-house trainer by the role they were
    picked for."""
    if role == "monitoring":
        return ("toplumsal cinsiyet eşitliği", "hak temelli izleme"), "active", ""
    if role == "literacy":
        return ("okuma yazma",), "active", ""
    return ("aile eğitimi",), "in_training", NEXT_PROGRAMME


@dataclass(frozen=True)
class Cert:
    trainer: str  # an in-house trainer's name or an external trainer's key
    title: str
    issuer: str
    issued_on: date
    expires_on: date | None = None


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def certifications(year: int, today: date, picks: dict[str, list[Person]]) -> list[Cert]:
    """The pool's certificates. Those of the year follow its sessions; the two whose expiry
    matters are set from the load day, so the list of certificates about to expire (one in
    60 days) and of expired ones (one 45 days ago) is never empty when the demo is shown."""
    health = picks["literacy"][0].name
    result = [
        Cert(picks["monitoring"][0].name, "Toplumsal Cinsiyet Eşitliği Eğitici Eğitimi",
             "BM Kadın Birimi Türkiye Ofisi", date(year - 4, 11, 20)),
        Cert("ceid", "Hak Temelli İzleme Eğiticisi", CEID, date(year - 6, 5, 14)),
        Cert("fathers", "Baba Destek Programı Grup Lideri", ACEV, date(year - 3, 6, 12)),
        Cert(health, "Kadın Sağlığı Eğitici Eğitimi",
             "Türkiye Aile Sağlığı ve Planlaması Vakfı (TAPV)",
             _years_before(today, 3) + timedelta(days=60), today + timedelta(days=60)),
        Cert(health, "Aile Eğitim Programı Eğitici Eğitimi", "Aile ve Sosyal Hizmetler Bakanlığı",
             _years_before(today, 5) - timedelta(days=45), today - timedelta(days=45)),
    ]  # fmt: skip
    result += [
        Cert(p.name, "Hak Temelli İzleme Eğiticisi", CEID, nth_weekday(year, 3, 1, 4))
        for p in picks["monitoring"]
    ]
    result += [
        Cert(p.name, "Okur Yazar Eğiticisi (İşlevsel Yetişkin Okur Yazarlık)", ACEV,
             nth_weekday(year, 5, 1, 4))
        for p in picks["literacy"]
    ]  # fmt: skip
    return result


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> date:
    """The ``nth`` Monday (0) … Sunday (6) of the month: sessions fall on working days
    whatever the year."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


@dataclass
class Session:
    programme: str
    title: str
    starts_on: date
    days: int = 1  # working days, or weeks for a weekly group (``weekly``)
    hours: str = "6"
    place: str = CLASSROOM
    directorate: str = "IK-EG"
    trainers: tuple = ()
    status: str = "held"
    people: list[Person] = field(default_factory=list)
    men: int = 0
    women: int = 0
    groups: dict = field(default_factory=dict)
    evaluation: dict = field(default_factory=dict)
    online: bool = False
    link: str = ""
    weekly: bool = False
    notes: str = ""

    @property
    def ends_on(self) -> date | None:
        if self.weekly:
            return self.starts_on + timedelta(weeks=self.days - 1)
        return self.starts_on + timedelta(days=self.days - 1) if self.days > 1 else None


def _evaluation(rng: random.Random, attendees: int) -> dict:
    """A session's averages: pre-test 38–55, a gain of 20–35 points, satisfaction 3.9–4.8,
    and nearly everyone handing in the form."""
    pre = rng.uniform(38, 55)
    return {
        "pre_score": Decimal(f"{pre:.1f}"),
        "post_score": Decimal(f"{pre + rng.uniform(20, 35):.1f}"),
        "satisfaction": Decimal(f"{rng.uniform(3.9, 4.8):.2f}"),
        "evaluation_responses": attendees - rng.randint(0, 3),
    }


def sessions(
    rng: random.Random, year: int, staff: list[Person], picks: dict[str, list[Person]]
) -> list[Session]:
    """The year's sessions: the basic course in eight groups, each of the 231 people in one;
    the two trainer trainings; the follow-up seminar for the women coordinators; two Father
    Support groups (25 men) and four women's health meetings, recorded as counts."""
    by = {key: [p for p in staff if p.category == key] for key in (HEADS, MANAGERS, UNIT)}
    family = [p for p in staff if p.category == FAMILY]
    equality_unit = family[:4]  # its four, in the first group
    rest = family[4:]
    rng.shuffle(rest)
    units = list(by[UNIT])
    rng.shuffle(units)
    coordinators = [p for p in staff if p.category == COORDINATORS]
    trainers = [p.name for p in picks["monitoring"]]
    elif_, colleague = trainers
    day = partial(nth_weekday, year)
    basic = [
        ("Kadın ve Aile Hizmetleri 1. grup", day(1, 3, 1), equality_unit + rest[:26],
         ("academic",)),
        ("Daire başkanları", day(3, 2, 1), by[HEADS], ("academic", elif_)),
        ("Şube müdürleri", day(3, 4, 1), by[MANAGERS], ("academic", colleague)),
        ("Kadın ve Aile Hizmetleri 2. grup", day(4, 4, 1), rest[26:55],
         (elif_, colleague)),
        ("Kadın ve Aile Hizmetleri 3. grup", day(5, 2, 1), rest[55:],
         (elif_, colleague)),
        ("Kadın koordinatörleri", day(5, 4, 1), coordinators, ("academic", elif_)),
        ("Birim personeli 1. grup", day(6, 2, 1), units[:36], ("academic", colleague)),
        ("Birim personeli 2. grup", day(6, 4, 1), units[36:], (elif_,)),
    ]  # fmt: skip
    result = []
    for title, starts_on, people, given_by in basic:
        result.append(
            Session("basic", title, starts_on, trainers=given_by, people=people,
                    evaluation=_evaluation(rng, len(people)),
                    place=HALL if len(people) > 30 else CLASSROOM)
        )  # fmt: skip
    online = result[-1]
    online.online, online.place = True, ""
    online.link = "https://toplanti.ornek.bel.tr.example/tce-birim-2"
    online.evaluation = {}
    online.notes = (
        "Vardiyalı çalışan personel için çevrim içi yapıldı; değerlendirme formları toplanamadı."
    )
    seminar_people = coordinators + [p for p in equality_unit if p.name not in trainers]
    result += [
        Session("basic", "Birim personeli 3. grup", day(9, 3, 1), status="cancelled",
                notes="Katılım bildirimi az olduğu için iptal edildi; kalanlar gelecek yıla."),
        Session("monitoring", "", day(2, 2, 0), days=3, hours="18", place="Ankara",
                directorate="KAH-EB", trainers=("ceid",), people=picks["monitoring"]),
        Session("literacy", "", day(4, 2, 0), days=5, hours="30", place="AÇEV, İstanbul",
                directorate="KAH-EB", trainers=("literacy",), people=picks["literacy"],
                evaluation=_evaluation(rng, 8)),
        Session("seminar", "Kadın koordinatörleri", day(10, 2, 2), hours="4", place=UNIT_ROOM,
                directorate="KAH-EB", trainers=tuple(trainers), people=seminar_people,
                evaluation=_evaluation(rng, len(seminar_people))),
    ]  # fmt: skip
    for title, starts_on, place, men in (
        ("1. grup", day(2, 1, 5), "Bostanlı Aile Yaşam Merkezi", 13),
        ("2. grup", day(9, 2, 5), "Gazi Mahalle Evi", 12),
    ):
        result.append(
            Session("fathers", title, starts_on, days=13, weekly=True, hours="26", place=place,
                    directorate="KAH-KH", trainers=("fathers",), men=men, groups={"men": men},
                    evaluation={"satisfaction": Decimal(f"{rng.uniform(4.5, 4.9):.2f}")},
                    notes="Cumartesi sabahları, haftada bir iki saat.")
        )  # fmt: skip
    health = picks["literacy"][0].name
    for month, place in ((3, "Alaybey"), (5, "Örnekköy"), (9, "Gümüşpala"), (11, "Yamanlar")):
        women = rng.randint(18, 36)
        result.append(
            Session("health", place, day(month, 3, 3), hours="2",
                    place=f"{place} Mahalle Evi", directorate="KAH-KH", trainers=(health,),
                    women=women, groups={"women": women})
        )  # fmt: skip
    return result
