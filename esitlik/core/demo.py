"""Demo data: a fictional municipality with a realistic organisation and a user per role.

Loading is idempotent: records are matched by slug, code or user name and only what is missing
is created, so later capabilities can extend the demo and ``esitlik demo`` can run every time.
Everything goes through the services, so the demo also fills the audit log as real use would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from esitlik.core import services
from esitlik.core.models import Directorate, Membership, Municipality, Network, Role

DEMO_PASSWORD = "esitlik-demo-2026"  # noqa: S105 — printed for the demo, never used elsewhere

MUNICIPALITIES = [
    {
        "slug": "ornek",
        "name": "Örnek Belediyesi",
        "province": "İzmir",
        "kind": Municipality.Kind.DISTRICT,
        "population": 412318,
    },
    {
        "slug": "deneme",
        "name": "Deneme Belediyesi",
        "province": "Iğdır",
        "kind": Municipality.Kind.PROVINCE,
        "population": 92645,
    },
    {
        "slug": "yesilova",
        "name": "Yeşilova Belediyesi",
        "province": "Şanlıurfa",
        "kind": Municipality.Kind.DISTRICT,
        "population": 61208,
    },
]

# (code, parent code, level, Turkish name, English name)
DIRECTORATES = {
    "ornek": [
        (
            "KAH",
            None,
            "department",
            "Kadın ve Aile Hizmetleri Dairesi Başkanlığı",
            "Department of Women and Family Services",
        ),
        ("KAH-EB", "KAH", "unit", "Eşitlik Birimi", "Equality Unit"),
        ("KAH-KH", "KAH", "branch", "Kadın Hizmetleri Şube Müdürlüğü", "Women's Services Branch"),
        (
            "KAH-DM",
            "KAH",
            "branch",
            "Kadın Danışma ve Dayanışma Merkezi Şube Müdürlüğü",
            "Women's Counselling and Solidarity Centre Branch",
        ),
        (
            "SH",
            None,
            "department",
            "Sosyal Hizmetler Dairesi Başkanlığı",
            "Department of Social Services",
        ),
        (
            "SH-EH",
            "SH",
            "branch",
            "Engelli Hizmetleri Şube Müdürlüğü",
            "Disability Services Branch",
        ),
        ("SH-YH", "SH", "branch", "Yaşlı Hizmetleri Şube Müdürlüğü", "Elderly Services Branch"),
        ("SH-SY", "SH", "branch", "Sosyal Yardım Şube Müdürlüğü", "Social Assistance Branch"),
        (
            "IK",
            None,
            "department",
            "İnsan Kaynakları ve Eğitim Dairesi Başkanlığı",
            "Department of Human Resources and Training",
        ),
        ("IK-PS", "IK", "branch", "Personel Şube Müdürlüğü", "Personnel Branch"),
        ("IK-EG", "IK", "branch", "Eğitim Şube Müdürlüğü", "Training Branch"),
        (
            "KS",
            None,
            "department",
            "Kültür ve Sosyal İşler Dairesi Başkanlığı",
            "Department of Culture and Social Affairs",
        ),
        ("FI", None, "department", "Fen İşleri Dairesi Başkanlığı", "Department of Public Works"),
        (
            "PB",
            None,
            "department",
            "Park ve Bahçeler Dairesi Başkanlığı",
            "Department of Parks and Gardens",
        ),
        ("UL", None, "department", "Ulaşım Dairesi Başkanlığı", "Department of Transport"),
        ("ZB", None, "department", "Zabıta Dairesi Başkanlığı", "Municipal Police Department"),
        (
            "SG",
            None,
            "department",
            "Strateji Geliştirme Dairesi Başkanlığı",
            "Department of Strategy Development",
        ),
        (
            "SG-BP",
            "SG",
            "branch",
            "Bütçe ve Performans Şube Müdürlüğü",
            "Budget and Performance Branch",
        ),
        (
            "IS",
            None,
            "department",
            "İmar ve Şehircilik Dairesi Başkanlığı",
            "Department of Zoning and Urban Planning",
        ),
        # The rest of a metropolitan-size organisation, so that each of the department heads
        # and branch managers in the training demo heads a unit of their own.
        (
            "DH",
            None,
            "department",
            "Destek Hizmetleri Dairesi Başkanlığı",
            "Department of Support Services",
        ),
        (
            "MH",
            None,
            "department",
            "Mali Hizmetler Dairesi Başkanlığı",
            "Department of Financial Services",
        ),
        (
            "BI",
            None,
            "department",
            "Bilgi İşlem Dairesi Başkanlığı",
            "Department of Information Technology",
        ),
        (
            "YI",
            None,
            "department",
            "Yazı İşleri ve Kararlar Dairesi Başkanlığı",
            "Department of Records and Council Decisions",
        ),
        (
            "EM",
            None,
            "department",
            "Emlak ve İstimlak Dairesi Başkanlığı",
            "Department of Real Estate and Expropriation",
        ),
        (
            "CK",
            None,
            "department",
            "Çevre Koruma ve Kontrol Dairesi Başkanlığı",
            "Department of Environmental Protection",
        ),
        ("IT", None, "department", "İtfaiye Dairesi Başkanlığı", "Fire Department"),
        (
            "TH",
            None,
            "department",
            "Tarımsal Hizmetler Dairesi Başkanlığı",
            "Department of Agricultural Services",
        ),
        (
            "AF",
            None,
            "department",
            "Afet İşleri ve Risk Yönetimi Dairesi Başkanlığı",
            "Department of Disaster Affairs and Risk Management",
        ),
        (
            "MU",
            None,
            "department",
            "Muhtarlık İşleri Dairesi Başkanlığı",
            "Department of Neighbourhood Affairs",
        ),
        (
            "ID",
            None,
            "department",
            "İklim Değişikliği ve Sıfır Atık Dairesi Başkanlığı",
            "Department of Climate Change and Zero Waste",
        ),
        ("FI-YY", "FI", "branch", "Yol Yapım Şube Müdürlüğü", "Road Construction Branch"),
        ("FI-YP", "FI", "branch", "Yapım İşleri Şube Müdürlüğü", "Construction Works Branch"),
        ("PB-PY", "PB", "branch", "Park Yapım Şube Müdürlüğü", "Park Construction Branch"),
        ("UL-TT", "UL", "branch", "Toplu Taşıma Şube Müdürlüğü", "Public Transport Branch"),
        (
            "ZB-OP",
            "ZB",
            "branch",
            "Zabıta Operasyon Şube Müdürlüğü",
            "Municipal Police Operations Branch",
        ),
        ("KS-KL", "KS", "branch", "Kültür Şube Müdürlüğü", "Culture Branch"),
        ("MH-GL", "MH", "branch", "Gelirler Şube Müdürlüğü", "Revenue Branch"),
        ("MH-MS", "MH", "branch", "Muhasebe Şube Müdürlüğü", "Accounting Branch"),
        ("DH-SA", "DH", "branch", "Satın Alma Şube Müdürlüğü", "Procurement Branch"),
        ("IS-PL", "IS", "branch", "Planlama Şube Müdürlüğü", "Planning Branch"),
        ("SP", None, "directorate", "Spor Hizmetleri Müdürlüğü", "Sports Services Directorate"),
        ("SA", None, "directorate", "Sağlık İşleri Müdürlüğü", "Health Affairs Directorate"),
        (
            "BY",
            None,
            "directorate",
            "Basın Yayın ve Halkla İlişkiler Müdürlüğü",
            "Press and Public Relations Directorate",
        ),
    ],
    "deneme": [
        (
            "KAH",
            None,
            "directorate",
            "Kadın ve Aile Hizmetleri Müdürlüğü",
            "Women and Family Services Directorate",
        ),
        ("SH", None, "directorate", "Sosyal Hizmetler Müdürlüğü", "Social Services Directorate"),
        ("FI", None, "directorate", "Fen İşleri Müdürlüğü", "Public Works Directorate"),
    ],
    "yesilova": [
        (
            "KAH",
            None,
            "directorate",
            "Kadın ve Aile Hizmetleri Müdürlüğü",
            "Women and Family Services Directorate",
        ),
        ("SH", None, "directorate", "Sosyal Hizmetler Müdürlüğü", "Social Services Directorate"),
    ],
}


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    describe: str
    # (municipality slug, role, directorate code or None)
    memberships: list[tuple[str, str, str | None]] = field(default_factory=list)


DEMO_USERS = [
    DemoUser(
        "yonetici",
        "Elif",
        "Yılmaz",
        "eşitlik birimi yöneticisi / equality unit admin — Örnek",
        [("ornek", Role.EQUALITY_ADMIN, None)],
    ),
    DemoUser(
        "odak",
        "Murat",
        "Şahin",
        "odak kişi / focal point — Sosyal Hizmetler (Örnek)",
        [("ornek", Role.FOCAL_POINT, "SH")],
    ),
    DemoUser(
        "odak.park",
        "Gülşen",
        "Çelik",
        "odak kişi / focal point — Park ve Bahçeler (Örnek)",
        [("ornek", Role.FOCAL_POINT, "PB")],
    ),
    DemoUser(
        "komisyon",
        "Ayşe",
        "Demir",
        "komisyon üyesi / commission member — Örnek",
        [("ornek", Role.COMMISSION_MEMBER, None)],
    ),
    DemoUser(
        "izleyici",
        "Zeynep",
        "Kaya",
        "izleyici (STK) / monitor (NGO) — Örnek",
        [("ornek", Role.MONITOR, None)],
    ),
    DemoUser(
        "koordinator",
        "Deniz",
        "Öztürk",
        "ağ koordinatörü / network coordinator — Örnek, Deneme, Yeşilova",
        [
            ("ornek", Role.NETWORK_COORDINATOR, None),
            ("deneme", Role.NETWORK_COORDINATOR, None),
            ("yesilova", Role.NETWORK_COORDINATOR, None),
        ],
    ),
    DemoUser(
        "deneme",
        "Can",
        "Aydın",
        "başka belediyenin yöneticisi / admin of another municipality — Deneme",
        [("deneme", Role.EQUALITY_ADMIN, None)],
    ),
    DemoUser(
        "yesilova",
        "Hatice",
        "Arslan",
        "eşitlik birimi yöneticisi / equality unit admin — Yeşilova",
        [("yesilova", Role.EQUALITY_ADMIN, None)],
    ),
]


@transaction.atomic
def load() -> int:
    """Create whatever part of the demo is missing; returns how many records were created."""
    created = 0
    municipalities: dict[str, Municipality] = {}
    for spec in MUNICIPALITIES:
        municipality = Municipality.objects.filter(slug=spec["slug"]).first()
        if municipality is None:
            municipality = services.municipality_create(**spec)
            created += 1
        municipalities[spec["slug"]] = municipality

    directorates: dict[tuple[str, str], Directorate] = {}
    for slug, rows in DIRECTORATES.items():
        for code, parent_code, level, turkish, english in rows:
            directorate = Directorate.objects.filter(
                municipality=municipalities[slug], code=code
            ).first()
            if directorate is None:
                directorate = services.directorate_create(
                    municipality=municipalities[slug],
                    name={"tr": turkish, "en": english},
                    level=level,
                    parent=directorates[(slug, parent_code)] if parent_code else None,
                    code=code,
                )
                created += 1
            directorates[(slug, code)] = directorate

    User = get_user_model()
    for spec in DEMO_USERS:
        user = User.objects.filter(username=spec.username).first()
        if user is None:
            user = services.user_create(
                username=spec.username,
                email=f"{spec.username}@ornek.bel.tr.example",
                first_name=spec.first_name,
                last_name=spec.last_name,
                password=DEMO_PASSWORD,
            )
            created += 1
        for slug, role, code in spec.memberships:
            if not Membership.objects.filter(user=user, municipality__slug=slug).exists():
                services.membership_create(
                    user=user,
                    municipality=municipalities[slug],
                    role=role,
                    directorate=directorates[(slug, code)] if code else None,
                )
                created += 1

    if not Network.objects.filter(slug="kadin-dostu-kentler").exists():
        services.network_create(
            name="Kadın Dostu Kentler Ağı (örnek)",
            slug="kadin-dostu-kentler",
            municipalities=list(municipalities.values()),
        )
        created += 1
    return created


@transaction.atomic
def load_all() -> int:
    """Core's demo, then each other app's ``demo.load()`` in INSTALLED_APPS order.

    Apps extend the demo by shipping a ``demo`` module; core never imports them by name.
    """
    created = load()
    for config in apps.get_app_configs():
        if config.name == "esitlik.core" or not config.name.startswith("esitlik."):
            continue
        if module_has_submodule(config.module, "demo"):
            created += import_module(f"{config.name}.demo").load()
    return created
