"""Shared reference frameworks, bilingual, and the function that loads them.

The texts and their sources are recorded in ``data/SOURCES.md``. Loading is an upsert by
(framework code, version, item code), so a later migration can correct a title or add an
article by calling :func:`sync_reference` again; nothing a plan is tagged with is deleted.
"""

from __future__ import annotations

from typing import Any

CHARTER_SOURCE = (
    "CEMR, The European Charter for Equality of Women and Men in Local Life, Innsbruck 2006"
)


def _t(tr: str, en: str) -> dict[str, str]:
    return {"tr": tr, "en": en}


PRINCIPLES_2006 = [
    (
        "P1",
        _t(
            "Kadın erkek eşitliği temel bir haktır.",
            "Equality of women and men constitutes a fundamental right.",
        ),
    ),
    (
        "P2",
        _t(
            "Kadın erkek eşitliğini sağlamak için çoklu ayrımcılık ve dezavantajlar ele "
            "alınmalıdır.",
            "To ensure the equality of women and men, multiple discrimination and "
            "disadvantage must be addressed.",
        ),
    ),
    (
        "P3",
        _t(
            "Kadınların ve erkeklerin karar alma süreçlerine dengeli katılımı demokratik "
            "toplumun ön koşuludur.",
            "The balanced participation of women and men in decision-making is a "
            "pre-requisite of a democratic society.",
        ),
    ),
    (
        "P4",
        _t(
            "Toplumsal cinsiyet kalıp yargılarını ortadan kaldırmak kadın erkek eşitliğinin "
            "sağlanması için temeldir.",
            "The elimination of gender stereotypes is fundamental to achieving equality "
            "of women and men.",
        ),
    ),
    (
        "P5",
        _t(
            "Yerel ve bölgesel yönetimlerin tüm faaliyetlerine toplumsal cinsiyet bakış "
            "açısını katmak eşitliği ilerletmek için gereklidir.",
            "Integrating the gender perspective into all activities of local and regional "
            "government is necessary to advance equality of women and men.",
        ),
    ),
    (
        "P6",
        _t(
            "Yeterli kaynakla desteklenen eylem planları ve programlar eşitliği ilerletmenin "
            "gerekli araçlarıdır.",
            "Properly resourced action plans and programmes are necessary tools to advance "
            "equality of women and men.",
        ),
    ),
]

# (section code, section title, [(article number, title)]). Articles 1, 11, 12 and 30 have no
# title of their own in the Charter; they carry their section's name (see data/SOURCES.md).
SECTIONS_2006 = [
    (
        "S1",
        _t("Demokratik hesap verebilirlik", "Democratic accountability"),
        [
            ("1", _t("Demokratik hesap verebilirlik", "Democratic accountability")),
        ],
    ),
    (
        "S2",
        _t("Siyasi rol", "The political role"),
        [
            ("2", _t("Siyasi temsil", "Political representation")),
            (
                "3",
                _t("Siyasi ve sivil yaşama katılım", "Participation in political and civic life"),
            ),
            ("4", _t("Eşitlik için kamusal taahhüt", "Public commitment for equality")),
            (
                "5",
                _t(
                    "Eşitliği geliştirmek için ortaklarla çalışma",
                    "Working with partners to promote equality",
                ),
            ),
            ("6", _t("Kalıp yargılarla mücadele", "Countering stereotypes")),
            ("7", _t("İyi yönetim ve danışma", "Good administration and consultation")),
        ],
    ),
    (
        "S3",
        _t("Eşitlik için genel çerçeve", "The general framework for equality"),
        [
            ("8", _t("Genel taahhüt", "General commitment")),
            ("9", _t("Toplumsal cinsiyet değerlendirmesi", "Gender assessment")),
            (
                "10",
                _t("Çoklu ayrımcılık veya dezavantaj", "Multiple discrimination or disadvantage"),
            ),
        ],
    ),
    (
        "S4",
        _t("İşveren rolü", "The employer role"),
        [
            ("11", _t("İşveren rolü", "The employer role")),
        ],
    ),
    (
        "S5",
        _t("Kamu alımları ve sözleşmeler", "Public procurement and contracts"),
        [
            ("12", _t("Kamu alımları ve sözleşmeler", "Public procurement and contracts")),
        ],
    ),
    (
        "S6",
        _t("Hizmet sunumu rolü", "The service delivery role"),
        [
            ("13", _t("Eğitim ve hayat boyu öğrenme", "Education and lifelong learning")),
            ("14", _t("Sağlık", "Health")),
            ("15", _t("Sosyal bakım ve hizmetler", "Social care and services")),
            ("16", _t("Çocuk bakımı", "Childcare")),
            ("17", _t("Diğer kişilerin bakımı", "Care of others")),
            ("18", _t("Sosyal içerme", "Social inclusion")),
            ("19", _t("Konut", "Housing")),
            ("20", _t("Kültür, spor ve rekreasyon", "Culture, sport and recreation")),
            ("21", _t("Emniyet ve güvenlik", "Safety and security")),
            ("22", _t("Toplumsal cinsiyete dayalı şiddet", "Gender-based violence")),
            ("23", _t("İnsan ticareti", "Human trafficking")),
        ],
    ),
    (
        "S7",
        _t("Planlama ve sürdürülebilir kalkınma", "Planning and sustainable development"),
        [
            ("24", _t("Sürdürülebilir kalkınma", "Sustainable development")),
            ("25", _t("Kentsel ve yerel planlama", "Urban and local planning")),
            ("26", _t("Hareketlilik ve ulaşım", "Mobility and transport")),
            ("27", _t("Ekonomik kalkınma", "Economic development")),
            ("28", _t("Çevre", "Environment")),
        ],
    ),
    (
        "S8",
        _t("Düzenleyici rol", "The regulatory role"),
        [
            ("29", _t("Düzenleyici olarak yerel yönetim", "Local government as regulator")),
        ],
    ),
    (
        "S9",
        _t(
            "Kardeş şehir ilişkileri ve uluslararası işbirliği",
            "Twinning and international co-operation",
        ),
        [
            (
                "30",
                _t(
                    "Kardeş şehir ilişkileri ve uluslararası işbirliği",
                    "Twinning and international co-operation",
                ),
            ),
        ],
    ),
]

PRINCIPLES_2022 = [
    (
        "P1",
        _t(
            "Kadın erkek eşitliği temel bir haktır.",
            "Equality of women and men constitutes a fundamental right.",
        ),
    ),
    (
        "P2",
        _t(
            "Kadın erkek eşitliğini sağlamak için çoklu ve kesişen ayrımcılık ve "
            "dezavantaj biçimleri ele alınmalıdır.",
            "To ensure the equality of women and men, multiple and intersecting forms of "
            "discrimination and disadvantage must be addressed.",
        ),
    ),
    (
        "P3",
        _t(
            "Kadınların ve erkeklerin karar almaya dengeli katılımı ve temsili demokratik "
            "toplumun ön koşuludur.",
            "The balanced participation and representation of women and men in "
            "decision-making is a precondition of a democratic society.",
        ),
    ),
    (
        "P4",
        _t(
            "Toplumsal cinsiyet kalıp yargılarının ortadan kaldırılması kadın erkek "
            "eşitliğinin sağlanması için temeldir.",
            "The elimination of gender stereotypes is fundamental to achieving equality "
            "of women and men.",
        ),
    ),
    (
        "P5",
        _t(
            "Toplumsal cinsiyet bakış açısının yerel ve bölgesel yönetimlerin tüm "
            "faaliyetlerine katılması kadın erkek eşitliğini ilerletmek için vazgeçilmezdir.",
            "The integration of the gender perspective into all local and regional "
            "government activity is indispensable to advancing equality of women and men.",
        ),
    ),
    (
        "P6",
        _t(
            "İyi tasarlanmış ve yeterli kaynakla desteklenen eylem planları ve programlar "
            "kadın erkek eşitliğini ilerletmenin temel araçlarıdır.",
            "Properly conceived and funded action plans and programmes are essential tools "
            "in advancing equality of women and men.",
        ),
    ),
]

YEEP_HEADINGS = [
    ("1", _t("Eğitim", "Education")),
    ("2", _t("Sağlık", "Health")),
    ("3", _t("İstihdam", "Employment")),
    ("4", _t("Yönetim mekanizmalarına katılım", "Participation in management mechanisms")),
    ("5", _t("Kadına yönelik şiddet", "Violence against women")),
    ("6", _t("Kentsel hizmetler", "Urban services")),
]

SDG5_TARGETS = [
    (
        "5.1",
        _t(
            "Kadınlara ve kız çocuklarına yönelik her türlü ayrımcılığa her yerde son vermek",
            "End all forms of discrimination against all women and girls everywhere",
        ),
    ),
    (
        "5.2",
        _t(
            "Kamusal ve özel alanlarda, tüm kadınlara ve kız çocuklarına yönelik, insan "
            "kaçakçılığı, cinsel ve her türlü istismar dâhil, şiddetin her türünü yok etmek",
            "Eliminate all forms of violence against all women and girls in the public "
            "and private spheres, including trafficking and sexual and other types of "
            "exploitation",
        ),
    ),
    (
        "5.3",
        _t(
            "Çocuk evliliği, erken yaşta evlilik, zorla evlendirilme ve kadın sünneti gibi "
            "tüm zararlı uygulamaları yok etmek",
            "Eliminate all harmful practices, such as child, early and forced marriage "
            "and female genital mutilation",
        ),
    ),
    (
        "5.4",
        _t(
            "Ulusal şartlara uyduğunda, kamu hizmetlerinin, altyapının ve sosyal koruma "
            "politikalarının sağlanması ile hanehalkı ve aile içerisinde sorumluluk "
            "paylaşımının teşvik edilmesi yoluyla ücretsiz bakım ve ev işlerini tahakkuk "
            "ettirmek ve değer biçmek",
            "Recognize and value unpaid care and domestic work through the provision of "
            "public services, infrastructure and social protection policies and the "
            "promotion of shared responsibility within the household and the family as "
            "nationally appropriate",
        ),
    ),
    (
        "5.5",
        _t(
            "Kadınların siyasi, ekonomik ve sosyal hayattaki karar alma süreçlerinin her "
            "seviyesinde tam ve etkili katılımı ile liderlik için eşit fırsatlara sahip "
            "olmasını sağlamak",
            "Ensure women's full and effective participation and equal opportunities for "
            "leadership at all levels of decision-making in political, economic and "
            "public life",
        ),
    ),
    (
        "5.6",
        _t(
            "Uluslararası Nüfus ve Kalkınma Konferansı Eylem Programı, Pekin Eylem "
            "Platformu ve bunların gözden geçirme konferanslarının sonuç dokümanları "
            "çerçevesinde mutabık kalınan şekilde, cinsel ve üreme sağlığı ile üreme "
            "haklarına evrensel erişim sağlamak",
            "Ensure universal access to sexual and reproductive health and reproductive "
            "rights as agreed in accordance with the Programme of Action of the "
            "International Conference on Population and Development and the Beijing "
            "Platform for Action and the outcome documents of their review conferences",
        ),
    ),
    (
        "5.a",
        _t(
            "Kadınların, ulusal yasalarla uyumlu olacak şekilde, toprak ve diğer mülk "
            "türlerine sahip olma ve hükmetme, mali hizmetler, miras ve doğal kaynaklara "
            "erişimlerinin yanı sıra ekonomik kaynaklar konusunda eşit haklara sahip "
            "olmaları için reformlar gerçekleştirmek",
            "Undertake reforms to give women equal rights to economic resources, as well "
            "as access to ownership and control over land and other forms of property, "
            "financial services, inheritance and natural resources, in accordance with "
            "national laws",
        ),
    ),
    (
        "5.b",
        _t(
            "Kadınların güçlendirilmesini desteklemek için, kolaylaştırıcı teknolojilerin, "
            "özellikle bilgi ve iletişim teknolojilerinin kullanımını artırmak",
            "Enhance the use of enabling technology, in particular information and "
            "communications technology, to promote the empowerment of women",
        ),
    ),
    (
        "5.c",
        _t(
            "Cinsiyet eşitliğinin desteklenmesi ve kadınların ve kız çocuklarının her "
            "seviyede güçlendirilmesi için sağlam politikalar ile buyurucu yasal "
            "düzenlemeler getirmek ve güçlendirmek",
            "Adopt and strengthen sound policies and enforceable legislation for the "
            "promotion of gender equality and the empowerment of all women and girls at "
            "all levels",
        ),
    ),
]


def _charter_items(principles) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = [
        {"code": code, "kind": "principle", "title": title} for code, title in principles
    ]
    for code, title, articles in SECTIONS_2006:
        items.append(
            {
                "code": code,
                "kind": "section",
                "title": title,
                "children": [
                    {"code": number, "kind": "article", "title": article}
                    for number, article in articles
                ],
            }
        )
    return items


FRAMEWORKS: list[dict[str, Any]] = [
    {
        "code": "cemr-charter",
        "version": "2006",
        "kind": "charter",
        "position": 1,
        "title": _t(
            "Avrupa Yerel Yaşamda Kadın Erkek Eşitliği Şartı",
            "European Charter for Equality of Women and Men in Local Life",
        ),
        "source": CHARTER_SOURCE,
        "description": {},
        "items": _charter_items(PRINCIPLES_2006),
    },
    {
        "code": "cemr-charter",
        "version": "2022",
        "kind": "charter",
        "position": 2,
        "title": _t(
            "Avrupa Yerel Yaşamda Kadın Erkek Eşitliği Şartı",
            "European Charter for Equality of Women and Men in Local Life",
        ),
        "source": "CEMR, updated Charter adopted by the Policy Committee on 6 December 2022",
        # The 2022 text adds articles 31–39 after article 30. Their official titles and order
        # could not be verified (data/SOURCES.md), so they are not loaded rather than guessed.
        "description": _t(
            "2022 güncellemesi 39 madde içerir. 31-39. maddelerin resmi başlıkları "
            "doğrulanamadığı için henüz yüklenmedi; 1-30. maddeler 2006 metnindeki "
            "başlıklarıyla gösterilir.",
            "The 2022 update has 39 articles. Articles 31–39 are not loaded yet because "
            "their official titles could not be verified; articles 1–30 are shown with "
            "their 2006 titles.",
        ),
        "items": _charter_items(PRINCIPLES_2022),
    },
    {
        "code": "yeep-headings",
        "version": "1",
        "kind": "headings",
        "position": 3,
        "title": _t(
            "Yerel eşitlik eylem planı başlıkları (Kadın Dostu Kentler)",
            "Local equality action plan headings (Women Friendly Cities)",
        ),
        "source": "UNFPA/UNDP Women Friendly Cities programme with the Ministry of Interior",
        "description": {},
        "items": [
            {"code": code, "kind": "heading", "title": title} for code, title in YEEP_HEADINGS
        ],
    },
    {
        "code": "sdg5",
        "version": "2015",
        "kind": "sdg",
        "position": 4,
        "title": _t(
            "Sürdürülebilir Kalkınma Amacı 5: Toplumsal cinsiyet eşitliği",
            "Sustainable Development Goal 5: Gender equality",
        ),
        "source": "United Nations, Transforming our world: the 2030 Agenda (A/RES/70/1); "
        "Turkish: surdurulebilirkalkinma.gov.tr",
        "description": {},
        "items": [{"code": code, "kind": "target", "title": title} for code, title in SDG5_TARGETS],
    },
]


# Dated legal rules. Sources and certainty: data/SOURCES.md ("Legal rules").
LEGAL_RULES: list[dict[str, Any]] = [
    {
        "code": "shelter-duty",
        "valid_from": "2005-07-13",
        "valid_to": "2014-03-29",
        "title": _t(
            "Kadın ve çocuklar için konukevi açma yükümlülüğü",
            "Duty to open guesthouses (shelters) for women and children",
        ),
        "legal_basis": "5393 sayılı Belediye Kanunu md. 14(a)",
        "kinds_always": ["metropolitan"],
        "population_over": 50000,
        "note": _t(
            "Eşik, 6360 sayılı Kanunla 100.000'e yükseltilmeden önce 50.000 idi.",
            "The threshold was 50,000 before Law 6360 raised it to 100,000.",
        ),
    },
    {
        "code": "shelter-duty",
        "valid_from": "2014-03-30",
        "valid_to": None,
        "title": _t(
            "Kadın ve çocuklar için konukevi açma yükümlülüğü",
            "Duty to open guesthouses (shelters) for women and children",
        ),
        "legal_basis": "5393 sayılı Belediye Kanunu md. 14(a) (6360 sayılı Kanunla değişik)",
        "kinds_always": ["metropolitan"],
        "population_over": 100000,
        "note": _t(
            "Büyükşehir belediyeleri ile nüfusu 100.000'i geçen belediyeler kadınlar ve "
            "çocuklar için konukevleri açar. Konukevinin adresi hiçbir zaman "
            "yayımlanmaz.",
            "Metropolitan municipalities and municipalities over 100,000 people open "
            "guesthouses for women and children. A shelter's address is never "
            "published.",
        ),
    },
    {
        "code": "shelter-capacity",
        "valid_from": "2026-02-01",
        "valid_to": None,
        "title": _t(
            "Konukevi kapasitesi 10 ile 50 kişi arasında olmalıdır",
            "Shelter capacity must be between 10 and 50 places",
        ),
        "legal_basis": "Şubat 2026 yönetmeliği (Feb 2026 regulation)",
        "kinds_always": ["metropolitan"],
        "population_over": 100000,
        "note": _t(
            "Konukevi açma yükümlülüğü olan belediyeler için. Yürürlük günü "
            "doğrulanmalıdır (Şubat 2026).",
            "For municipalities with the shelter duty. The exact day it entered into "
            "force is to be verified (February 2026).",
        ),
    },
]


def sync_legal_rules(rule_model, rules=None) -> int:
    """Create or update the dated legal rules by (code, valid_from)."""
    for spec in rules if rules is not None else LEGAL_RULES:
        rule_model.objects.update_or_create(
            code=spec["code"],
            valid_from=spec["valid_from"],
            defaults={
                key: value for key, value in spec.items() if key not in {"code", "valid_from"}
            },
        )
    return len(rules if rules is not None else LEGAL_RULES)


def sync_reference(framework_model, item_model, frameworks=None) -> int:
    """Create or update the shared frameworks; returns how many rows were written.

    Takes the model classes as arguments so data migrations can pass their historical models.
    """
    written = 0
    for spec in frameworks if frameworks is not None else FRAMEWORKS:
        framework, _created = framework_model.objects.update_or_create(
            municipality=None,
            code=spec["code"],
            version=spec["version"],
            defaults={
                "kind": spec["kind"],
                "title": spec["title"],
                "source": spec["source"],
                "description": spec["description"],
                "position": spec["position"],
            },
        )
        written += 1
        position = 0

        def put(entries, parent, framework=framework):
            nonlocal position, written
            for entry in entries:
                position += 1
                item, _created = item_model.objects.update_or_create(
                    framework=framework,
                    code=entry["code"],
                    defaults={
                        "kind": entry["kind"],
                        "title": entry["title"],
                        "parent": parent,
                        "position": position,
                    },
                )
                written += 1
                put(entry.get("children", []), item)

        put(spec["items"], None)
    return written
