"""Demo: how Örnek prepared its 3rd plan with people. In the three months before the council
adopted it (November 2024 – January 2025) the equality unit met 31 organisations, held a
workshop with the headmen and their neighbourhood councils and one with NGOs and unions, ran
focus groups with women, elderly, disabled and young people, refugee women, cooperative
members and women headmen, and shared the draft with the public. About 120 problems and
proposals came out of it; most are decided, many traced to the plan's actions. Two monitoring
meetings followed, and a third is planned.

Deterministic (one seeded random generator, drawn from before anything is created) and
idempotent: neighbourhoods are matched by name, organisations by name, events by title and
inputs by text; only what is missing is created, through the services, so it is audited."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial

from django.utils import timezone

from esitlik.core.models import Directorate, Municipality, Neighbourhood
from esitlik.core.neighbourhoods import neighbourhoods_add_lines
from esitlik.frameworks.models import FrameworkItem
from esitlik.participation.demo_concerns import (
    EVENT_CONCERNS,
    HEADMEN_CONCERNS,
    HEADMEN_INPUTS,
    SENT_IN,
)
from esitlik.participation.demo_registry import NEIGHBOURHOODS, STAKEHOLDERS
from esitlik.participation.events import event_create
from esitlik.participation.inputs import input_create, input_decide
from esitlik.participation.models import Event, Input, Stakeholder
from esitlik.participation.stakeholders import stakeholder_create
from esitlik.plans.models import Action, ActionPlan

SEED = 2025
HEADMEN_WORKSHOP = "Muhtarlar Çalıştayı"
UNIT = "KAH-EB"
HALL = "Örnek Belediyesi Kültür Merkezi"
ROOM = "Eşitlik Birimi toplantı salonu"


@dataclass
class DemoEvent:
    title: str
    kind: str
    day: tuple
    attended: list[str] = field(default_factory=list)
    women: int = 0
    men: int = 0
    other: int = 0
    not_stated: int = 0
    groups: dict = field(default_factory=dict)
    status: str = Event.Status.HELD
    phase: str = Event.Phase.PREPARATION
    directorate: str = UNIT
    place: str = ROOM
    link: str = ""
    hours: tuple = (10, 12)
    moderator: str = ""
    minutes: str = ""
    invited: list[str] = field(default_factory=list)


def _meeting(rng, title, day, attended, group, kind="meeting", directorate=UNIT, **extra):
    """An ordinary meeting: a handful of people from the organisations (``group``) and two
    from the unit; how many and of which sex drawn from the seeded generator."""
    guests = rng.randint(3, 12)
    women_guests = round(guests * rng.uniform(0.45, 0.9))
    staff_women = rng.randint(1, 2)
    return DemoEvent(
        title,
        kind,
        day,
        attended,
        women=women_guests + staff_women,
        men=guests - women_guests + 2 - staff_women,
        groups={group: guests, "staff": 2},
        directorate=directorate,
        **extra,
    )


def events(rng: random.Random) -> list[DemoEvent]:
    coordination = [
        ("SH", (2024, 11, 7)),
        ("IK", (2024, 11, 8)),
        ("FI", (2024, 11, 12)),
        ("PB", (2024, 11, 13)),
        ("UL", (2024, 11, 14)),
        ("SA", (2024, 11, 19)),
    ]
    directorate_names = {
        "SH": "Sosyal Hizmetler",
        "IK": "İnsan Kaynakları ve Eğitim",
        "FI": "Fen İşleri",
        "PB": "Park ve Bahçeler",
        "UL": "Ulaşım",
        "SA": "Sağlık İşleri",
    }
    result = [
        DemoEvent(
            "YEEP hazırlık süreci açılış toplantısı",
            "coordination",
            (2024, 11, 5),
            women=16,
            men=10,
            groups={"staff": 26},
            place=HALL,
            moderator="Elif Yılmaz",
            minutes="Belediye Başkan Yardımcısı süreci açtı. 3. planın takvimi (Kasım–Ocak "
            "katılım, Şubat meclis) ve müdürlüklerin odak kişileri paylaşıldı.",
        ),
    ]
    for code, day in coordination:
        staff = rng.randint(5, 11)
        women = rng.randint(2, staff - 1)
        result.append(
            DemoEvent(
                f"{directorate_names[code]} ile ön görüşme",
                "coordination",
                day,
                women=women,
                men=staff - women,
                groups={"staff": staff},
                directorate=code,
            )
        )
    m = partial(_meeting, rng)
    result += [
        m(
            "Kadın Dayanışma Derneği ile görüşme",
            (2024, 11, 18),
            ["Kadın Dayanışma Derneği"],
            "ngo",
        ),
        m(
            "Mor Dayanışma Kadın Derneği ile görüşme",
            (2024, 11, 20),
            ["Mor Dayanışma Kadın Derneği"],
            "ngo",
        ),
        m(
            "İzmir Barosu Kadın Hakları Merkezi ile toplantı",
            (2024, 11, 21),
            ["İzmir Barosu Kadın Hakları Merkezi"],
            "ngo",
        ),
        m(
            "Körfez Üniversitesi ile toplantı",
            (2024, 11, 22),
            ["Körfez Üniversitesi Kadın Araştırmaları Merkezi"],
            "academics",
        ),
        m(
            "İzmir Kent Üniversitesi Sosyal Hizmet Bölümü ile toplantı",
            (2024, 11, 26),
            ["İzmir Kent Üniversitesi Sosyal Hizmet Bölümü"],
            "academics",
        ),
        m(
            "Sendikalarla görüşme",
            (2024, 11, 27),
            ["Tüm Bel-Sen Örnek Şubesi", "Genel-İş Örnek Şubesi", "Eğitim-Sen İzmir Şubesi"],
            "ngo",
        ),
        m(
            "Kamu kurumlarıyla koordinasyon toplantısı",
            (2024, 11, 28),
            [
                "İl Sosyal Hizmetler Müdürlüğü",
                "Örnek İlçe Sağlık Müdürlüğü",
                "Şiddet Önleme ve İzleme Merkezi (ŞÖNİM)",
                "Örnek Halk Eğitim Merkezi",
            ],
            "public",
            place=HALL,
        ),
        m(
            "BM Kadın Birimi ile çevrim içi toplantı",
            (2024, 12, 2),
            ["BM Kadın Birimi Türkiye Ofisi"],
            "other",
            kind="online",
            place="",
            link="https://toplanti.ornek.bel.tr.example/bm-kadin",
        ),
        m(
            "Kent Konseyi Kadın Meclisi toplantısı",
            (2024, 12, 3),
            ["Örnek Kent Konseyi Kadın Meclisi"],
            "residents",
            place=HALL,
        ),
        m(
            "Engelliler Meclisi ve Engelliler Dayanışma Derneği ile görüşme",
            (2024, 12, 4),
            ["Örnek Kent Konseyi Engelliler Meclisi", "Engelliler Dayanışma Derneği"],
            "ngo",
        ),
        m(
            "Yaşlılarla Dayanışma Derneği ile görüşme",
            (2024, 12, 5),
            ["Yaşlılarla Dayanışma Derneği"],
            "ngo",
            directorate="SH-YH",
        ),
        m(
            "Mülteci Kadınlarla Dayanışma Derneği ile görüşme",
            (2024, 12, 6),
            ["Mülteci Kadınlarla Dayanışma Derneği"],
            "ngo",
        ),
        m(
            "Kadın kooperatifleriyle ön görüşme",
            (2024, 12, 9),
            ["Örnek Kadın Girişimciler Kooperatifi", "Körfez Kadın Emeği Platformu"],
            "ngo",
            directorate="KAH-KH",
        ),
        DemoEvent(
            HEADMEN_WORKSHOP,
            "workshop",
            (2024, 12, 10),
            [
                "Alaybey Mahallesi Muhtarlığı",
                "Bostanlı Mahallesi Muhtarlığı",
                "Örnekköy Mahallesi Muhtarlığı",
                "Yalı Mahallesi Muhtarlığı",
                "Cumhuriyet Mahallesi Muhtarlığı",
            ],
            women=24,
            men=82,
            groups={"headmen": 98, "staff": 8},
            place=HALL,
            hours=(9, 16),
            moderator="Elif Yılmaz",
            minutes="35 mahallenin muhtarı ve 63 ihtiyar heyeti üyesi katıldı. Altı masada "
            "(eğitim, sağlık, istihdam, karar alma, şiddet, kentsel hizmetler) mahallelerin "
            "sorunları ve önerileri toplandı; her masanın raportörü sonuçları genel oturumda "
            "sundu. Öne çıkanlar: park ve alt geçit aydınlatması, mahalle kreşleri, gece "
            "ulaşımı, yaşlılara evde bakım.",
        ),
        m(
            "Esnaf Odası ve Körfez Tekstil ile görüşme",
            (2024, 12, 12),
            ["Örnek Esnaf ve Sanatkârlar Odası", "Körfez Tekstil A.Ş."],
            "other",
            directorate="KAH-KH",
        ),
        m(
            "İzmir Mimarlar Odası ile güvenli kent görüşmesi",
            (2024, 12, 13),
            ["İzmir Mimarlar Odası"],
            "other",
            directorate="IS",
        ),
        DemoEvent(
            "STK ve Sendikalar Çalıştayı",
            "workshop",
            (2024, 12, 17),
            [
                "Kadın Dayanışma Derneği",
                "Mor Dayanışma Kadın Derneği",
                "Körfez Kadın Emeği Platformu",
                "Türk Kadınlar Birliği Örnek Şubesi",
                "İzmir Barosu Kadın Hakları Merkezi",
                "Körfez Üniversitesi Kadın Araştırmaları Merkezi",
                "Tüm Bel-Sen Örnek Şubesi",
                "Genel-İş Örnek Şubesi",
                "Eğitim-Sen İzmir Şubesi",
                "Engelliler Dayanışma Derneği",
                "Mülteci Kadınlarla Dayanışma Derneği",
                "Şiddet Önleme ve İzleme Merkezi (ŞÖNİM)",
            ],
            women=38,
            men=16,
            groups={"ngo": 40, "academics": 4, "public": 4, "staff": 6},
            place=HALL,
            hours=(9, 15),
            moderator="Körfez Üniversitesi Kadın Araştırmaları Merkezi",
            minutes="Dört çalışma grubu: şiddetle mücadele, istihdam ve bakım, belediyenin "
            "işveren rolü, veri ve izleme. Sendikalar iş yerinde taciz politikası ve eşitlik "
            "eğitimi istedi; baro hukuki danışma iş birliği önerdi.",
        ),
        m(
            "Gençlik Meclisi ve Gençlik Kulübü ile görüşme",
            (2024, 12, 19),
            ["Örnek Kent Konseyi Gençlik Meclisi", "Örnek Gençlik ve Spor Kulübü"],
            "residents",
        ),
        m(
            "Türk Kadınlar Birliği Örnek Şubesi ile görüşme",
            (2024, 12, 20),
            ["Türk Kadınlar Birliği Örnek Şubesi"],
            "ngo",
        ),
        DemoEvent(
            "Kadınlarla odak grup — Örnekköy",
            "focus_group",
            (2024, 12, 24),
            women=12,
            groups={"residents": 12},
            place="Örnekköy Mahalle Konağı",
            moderator="Kadın Dayanışma Derneği",
        ),
        DemoEvent(
            "Yaşlılarla odak grup",
            "focus_group",
            (2024, 12, 26),
            ["Yaşlılarla Dayanışma Derneği"],
            women=6,
            men=5,
            groups={"residents": 11},
            directorate="SH-YH",
            place="Tersane Yaşlı Yaşam Evi",
        ),
        DemoEvent(
            "Engelli kadınlarla odak grup",
            "focus_group",
            (2024, 12, 27),
            ["Engelliler Dayanışma Derneği"],
            women=8,
            not_stated=1,
            groups={"residents": 9},
            directorate="SH-EH",
            minutes="İşaret dili tercümanı eşliğinde yapıldı. Katılımcılar belediye "
            "binalarına erişim, sağlık taramaları ve danışma merkezine ulaşmadaki engelleri "
            "anlattı.",
        ),
        DemoEvent(
            "Müdürlüklerle taslak eylemler toplantısı",
            "coordination",
            (2025, 1, 7),
            women=14,
            men=12,
            groups={"staff": 26},
            place=HALL,
        ),
        DemoEvent(
            "Gençlerle odak grup (kar nedeniyle ertelendi)",
            "focus_group",
            (2025, 1, 8),
            status=Event.Status.CANCELLED,
        ),
        DemoEvent(
            "Mülteci kadınlarla odak grup",
            "focus_group",
            (2025, 1, 9),
            ["Mülteci Kadınlarla Dayanışma Derneği"],
            women=10,
            groups={"residents": 10},
            place="Gazi Mahalle Konağı",
        ),
        DemoEvent(
            "Kadın kooperatifleriyle odak grup",
            "focus_group",
            (2025, 1, 10),
            ["Örnek Kadın Girişimciler Kooperatifi"],
            women=11,
            groups={"ngo": 11},
            directorate="KAH-KH",
        ),
        DemoEvent(
            "Kadın muhtarlarla odak grup",
            "focus_group",
            (2025, 1, 13),
            ["Örnekköy Mahallesi Muhtarlığı"],
            women=6,
            groups={"headmen": 6},
        ),
        DemoEvent(
            "Strateji Geliştirme ile bütçe eşleştirme toplantısı",
            "coordination",
            (2025, 1, 14),
            women=4,
            men=3,
            groups={"staff": 7},
            directorate="SG",
        ),
        DemoEvent(
            "Gençlerle odak grup",
            "focus_group",
            (2025, 1, 15),
            ["Örnek Kent Konseyi Gençlik Meclisi", "Örnek Gençlik ve Spor Kulübü"],
            women=8,
            men=5,
            other=1,
            groups={"residents": 14},
        ),
        m(
            "ŞÖNİM ve İl Sosyal Hizmetler ile şiddet eylemleri görüşmesi",
            (2025, 1, 16),
            ["Şiddet Önleme ve İzleme Merkezi (ŞÖNİM)", "İl Sosyal Hizmetler Müdürlüğü"],
            "public",
            directorate="KAH-DM",
        ),
        m(
            "Kadın Emeği Platformu ile çevrim içi görüşme",
            (2025, 1, 17),
            ["Körfez Kadın Emeği Platformu"],
            "ngo",
            kind="online",
            place="",
            link="https://toplanti.ornek.bel.tr.example/kadin-emegi",
        ),
        m(
            "Muhtarlara taslak eylemlerin anlatılması",
            (2025, 1, 21),
            ["Alaybey Mahallesi Muhtarlığı", "Yalı Mahallesi Muhtarlığı"],
            "headmen",
        ),
        DemoEvent(
            "Taslak planın kamuoyuyla paylaşılması",
            "consultation",
            (2025, 1, 22),
            ["Örnek Kent Konseyi Kadın Meclisi", "Kadın Dayanışma Derneği"],
            women=52,
            men=31,
            not_stated=3,
            groups={"residents": 58, "ngo": 17, "council": 6, "staff": 5},
            phase=Event.Phase.CONSULTATION,
            place=HALL,
            hours=(18, 20),
            minutes="Taslak plan sunuldu, soru-cevap ve masalarda görüş toplama yapıldı. "
            "Görüşler 31 Ocak'a kadar e-posta ve kent konseyi aracılığıyla da alındı.",
        ),
        DemoEvent(
            "Eşitlik Komisyonu ile taslak değerlendirme",
            "meeting",
            (2025, 1, 28),
            women=6,
            men=5,
            groups={"council": 9, "staff": 2},
            phase=Event.Phase.CONSULTATION,
        ),
        # After adoption: monitoring.
        _meeting(
            rng,
            "İlk yıl izleme toplantısı — Kadın Meclisi",
            (2026, 2, 18),
            ["Örnek Kent Konseyi Kadın Meclisi"],
            "residents",
            phase=Event.Phase.MONITORING,
            place=HALL,
        ),
        _meeting(
            rng,
            "Muhtarlarla izleme toplantısı",
            (2026, 10, 7),
            ["Bostanlı Mahallesi Muhtarlığı", "Cumhuriyet Mahallesi Muhtarlığı"],
            "headmen",
            phase=Event.Phase.MONITORING,
        ),
        DemoEvent(
            "2026 yılı değerlendirme çalıştayı",
            "workshop",
            (2026, 12, 9),
            status=Event.Status.PLANNED,
            phase=Event.Phase.MONITORING,
            place=HALL,
            invited=["Örnek Kent Konseyi Kadın Meclisi", "Kadın Dayanışma Derneği"],
        ),
    ]
    return result


@dataclass
class DemoInput:
    concern: tuple
    text: str
    event: str | None = None
    neighbourhood: str | None = None
    stakeholder: str | None = None
    received_on: tuple | None = None


def inputs(rng: random.Random) -> list[DemoInput]:
    """The headmen's 60, then those of the other events, then those sent in."""
    pairs = sorted(
        rng.sample(
            [(c, n) for c in range(len(HEADMEN_CONCERNS)) for n in range(len(NEIGHBOURHOODS))],
            HEADMEN_INPUTS,
        )
    )
    result = []
    for concern, place in pairs:
        name = NEIGHBOURHOODS[place]
        text = f"{name} Mahallesi: {HEADMEN_CONCERNS[concern][1]}."
        result.append(DemoInput(HEADMEN_CONCERNS[concern], text, HEADMEN_WORKSHOP, name))
    for title, concerns in EVENT_CONCERNS.items():
        result += [DemoInput(c, f"{c[1]}.", title) for c in concerns]
    for name, day, concern in SENT_IN:
        result.append(DemoInput(concern, f"{concern[1]}.", stakeholder=name, received_on=day))
    return result


def _aware(day: tuple, hour: int):
    return timezone.make_aware(datetime.combine(date(*day), time(hour)))


def _action(actions: list[Action], start: str) -> Action:
    found = [a for a in actions if a.title["tr"].startswith(start)]
    if len(found) != 1:
        raise LookupError(f"The demo names action “{start}”, found {len(found)}.")
    return found[0]


def load() -> int:
    municipality = Municipality.objects.filter(slug="ornek").first()
    plan = ActionPlan.objects.filter(municipality=municipality, edition=3).first()
    if plan is None:
        return 0
    rng = random.Random(SEED)  # noqa: S311 — demo figures, not secrets
    event_specs, input_specs = events(rng), inputs(rng)

    added, _skipped = neighbourhoods_add_lines(
        municipality=municipality, text="\n".join(NEIGHBOURHOODS), by=None
    )
    created = len(added)
    places = {n.name: n for n in Neighbourhood.objects.filter(municipality=municipality)}

    orgs = {s.name: s for s in Stakeholder.objects.filter(municipality=municipality)}
    for name, kind, place, tags in STAKEHOLDERS:
        if name not in orgs:
            orgs[name] = stakeholder_create(
                municipality=municipality,
                name=name,
                kind=kind,
                neighbourhood=places.get(place),
                tags=tags,
                by=None,
            )
            created += 1

    directorates = {d.code: d for d in Directorate.objects.filter(municipality=municipality)}
    recorded = {e.title: e for e in Event.objects.filter(municipality=municipality)}
    for spec in event_specs:
        if spec.title in recorded:
            continue
        start, end = spec.hours
        recorded[spec.title] = event_create(
            municipality=municipality,
            by=None,
            kind=spec.kind,
            title=spec.title,
            starts_at=_aware(spec.day, start),
            ends_at=_aware(spec.day, end),
            place=spec.place,
            link=spec.link,
            directorate=directorates[spec.directorate],
            moderator=spec.moderator,
            plan=plan,
            phase=spec.phase,
            status=spec.status,
            women=spec.women,
            men=spec.men,
            other=spec.other,
            not_stated=spec.not_stated,
            group_counts=spec.groups,
            minutes=spec.minutes,
            invited=[orgs[n] for n in (spec.invited or spec.attended)],
            attended=[orgs[n] for n in spec.attended],
        )
        created += 1

    headings = {h.code: h for h in FrameworkItem.objects.filter(framework__code="yeep-headings")}
    articles = {
        a.code: a
        for a in FrameworkItem.objects.filter(
            framework__code="cemr-charter", framework__version="2006", kind="article"
        )
    }
    actions = list(Action.objects.filter(objective__aim__plan=plan))
    known = set(Input.objects.filter(municipality=municipality).values_list("text", flat=True))
    for spec in input_specs:
        if spec.text in known:
            continue
        kind, _text, groups, heading, article, decision = spec.concern
        values = {}
        if spec.event:
            event = recorded[spec.event]
            values["event"] = event
            attended = list(event.attended.all())
            if len(attended) == 1:
                values["stakeholder"] = attended[0]
            if spec.neighbourhood:
                muhtar = orgs.get(f"{spec.neighbourhood} Mahallesi Muhtarlığı")
                values["stakeholder"] = muhtar
        else:
            values.update(
                channel=Input.Channel.STAKEHOLDER,
                stakeholder=orgs[spec.stakeholder],
                received_on=date(*spec.received_on),
            )
        item = input_create(
            municipality=municipality,
            by=None,
            kind=kind,
            text=spec.text,
            target_groups=groups,
            heading=headings[heading],
            article=articles[article] if article else None,
            neighbourhood=places.get(spec.neighbourhood),
            **values,
        )
        created += 1
        if decision is not None:
            _decide(item, decision, actions)
    return created


def _decide(item: Input, decision: tuple, actions: list[Action]) -> None:
    status, *rest = decision
    if status == "taken":
        input_decide(item=item, by=None, status="taken", actions=[_action(actions, rest[0])])
    elif status == "partly":
        action, reason = rest
        input_decide(
            item=item,
            by=None,
            status="partly_taken",
            reason=reason,
            actions=[_action(actions, action)],
        )
    else:
        input_decide(item=item, by=None, status="not_taken", reason=rest[0])
