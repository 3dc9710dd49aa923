"""The demo's workforce snapshot as the personnel branch sends it: directorate × role category ×
title × contract type × sex, with the year's hires, promotions and exits.

It agrees with the training demo where the two meet: the totals of each role category by sex
are the year's typed-in workforce figures (``training.demo_staff.WORKFORCE``), 5,398 people
in all, 1,606 of them women. Every post is placed in a directorate (department heads one per
department, five of the large ones with a second; women's coordinators one per unit), given a
title and a contract, and the category's women are drawn among the posts, more likely where
women work in Turkish municipalities (social services, women and family services, health,
offices) and rarely in the fire brigade or on the roads. Women are promoted less often and
leave more often: a gap the workforce findings show.

Nothing here touches the database.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from esitlik.core.demo import DIRECTORATES
from esitlik.datasets import demo_xlsx
from esitlik.training import demo_staff

# How the role categories are named in the personnel branch's file.
CATEGORY_NAMES = {
    demo_staff.HEADS: "Daire başkanı",
    demo_staff.MANAGERS: "Şube müdürü",
    demo_staff.FAMILY: "Kadın ve aile hizmetleri personeli",
    demo_staff.COORDINATORS: "Kadın koordinatörü",
    demo_staff.UNIT: "Birim personeli",
    demo_staff.OTHER: "Diğer",
}
# How likely a post here is held by a woman, relative to the others (prefix of the code).
WOMEN_LEAN = {
    "KAH": 4.0, "SH": 2.4, "SA": 2.6, "IK": 1.8, "MH": 1.8, "YI": 2.0, "SG": 1.5, "BY": 1.8,
    "KS": 1.5, "BI": 0.8, "DH": 1.0, "EM": 1.0, "MU": 1.2, "ID": 0.9, "IS": 1.0, "SP": 0.8,
    "TH": 0.5, "AF": 0.4, "UL": 0.35, "PB": 0.35, "FI": 0.25, "CK": 0.25, "ZB": 0.5, "IT": 0.1,
}  # fmt: skip
TITLE_LEAN = {"İşçi": 0.4, "İtfaiye Eri": 0.3, "Hemşire": 3.0, "Sosyal Çalışmacı": 2.0}
# (title, contract type, weight) by kind of unit, for unit staff and others.
TECHNICAL = {"FI", "PB", "CK", "IS", "UL", "TH", "AF", "ID", "EM", "BI"}
TITLES = {
    "technical": (
        ("Mühendis", "Memur", 2), ("Tekniker", "Memur", 2), ("Memur", "Memur", 2),
        ("Şirket Personeli", "Şirket personeli", 4),
    ),
    "technical_other": (("İşçi", "Kadrolu işçi", 5), ("Şirket Personeli", "Şirket personeli", 5)),
    "ZB": (("Zabıta Memuru", "Memur", 7), ("Şirket Personeli", "Şirket personeli", 3)),
    "IT": (("İtfaiye Eri", "Memur", 7), ("İtfaiye Çavuşu", "Memur", 1),
           ("Şirket Personeli", "Şirket personeli", 2)),
    "SA": (("Doktor", "Memur", 1), ("Hemşire", "Memur", 2), ("Sağlık Teknikeri", "Sözleşmeli", 1),
           ("Şirket Personeli", "Şirket personeli", 2)),
    "social": (("Sosyal Çalışmacı", "Memur", 2), ("Psikolog", "Sözleşmeli", 1),
               ("Memur", "Memur", 2), ("Şirket Personeli", "Şirket personeli", 3)),
    "office": (("Memur", "Memur", 4), ("Sözleşmeli Personel", "Sözleşmeli", 2),
               ("Şirket Personeli", "Şirket personeli", 4)),
    "family": (("Sosyal Çalışmacı", "Memur", 3), ("Psikolog", "Sözleşmeli", 2),
               ("Çocuk Gelişimci", "Sözleşmeli", 2), ("Şirket Personeli", "Şirket personeli", 3)),
}  # fmt: skip
# Yearly chances of being hired, promoted and leaving, (women, men).
HIRES, PROMOTIONS, EXITS = (0.06, 0.06), (0.028, 0.045), (0.052, 0.039)


@dataclass(frozen=True)
class Post:
    directorate: str
    category: str
    title: str
    contract: str


def _units(level: str | None = None) -> list[str]:
    return [code for code, _p, lvl, *_names in DIRECTORATES["ornek"] if level in (None, lvl)]


def _split(total: int, weights: dict[str, float]) -> dict[str, int]:
    scale = total / sum(weights.values())
    counts = {key: int(w * scale) for key, w in weights.items()}
    rest = sorted(weights, key=lambda k: counts[k] - weights[k] * scale)
    for key in rest[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def _titles(code: str, category: str):
    prefix = code.split("-")[0]
    if category == demo_staff.FAMILY:
        return TITLES["family"]
    if prefix in TECHNICAL:
        return TITLES["technical_other" if category == demo_staff.OTHER else "technical"]
    if prefix in ("ZB", "IT", "SA"):
        return TITLES[prefix]
    return TITLES["social" if prefix in ("SH", "KAH") else "office"]


def _posts(rng: random.Random) -> list[Post]:
    departments = _units("department")
    large = {"FI", "ZB", "SH", "KS", "IT"}
    heads = {code: 2 if code in large else 1 for code in departments}
    managers = _split(
        sum(demo_staff.WORKFORCE[demo_staff.MANAGERS][:2]),
        {code: 3 if code in large else 2 if code in ("KAH", "PB", "CK", "UL") else 1
         for code in departments + ["SP", "SA", "BY"]},
    )  # fmt: skip
    family = _split(sum(demo_staff.WORKFORCE[demo_staff.FAMILY][:2]), demo_staff.FAMILY_UNITS)
    coordinator_units = demo_staff.COORDINATOR_UNITS
    coordinators = Counter(coordinator_units)
    extra = sum(demo_staff.WORKFORCE[demo_staff.COORDINATORS][:2]) - len(coordinator_units)
    coordinators.update(coordinator_units[:extra])
    everyone = [c for c in _units() if not c.startswith("KAH")]
    unit_weights = {c: demo_staff.UNIT_WEIGHTS.get(c, 1) for c in everyone}
    unit = _split(sum(demo_staff.WORKFORCE[demo_staff.UNIT][:2]), unit_weights)
    field_work = {c: 6 if c.split("-")[0] in TECHNICAL | {"ZB", "IT"} else 1 for c in everyone}
    other = _split(sum(demo_staff.WORKFORCE[demo_staff.OTHER][:2]), field_work)

    posts = []
    for code, n in heads.items():
        posts += [Post(code, demo_staff.HEADS, "Daire Başkanı", "Memur")] * n
    for code, n in managers.items():
        title = "Şube Müdürü" if code in departments else "Müdür"
        posts += [Post(code, demo_staff.MANAGERS, title, "Memur")] * n
    for code, n in coordinators.items():
        posts += [Post(code, demo_staff.COORDINATORS, "Memur", "Memur")] * n
    for category, counts in (
        (demo_staff.FAMILY, family),
        (demo_staff.UNIT, unit),
        (demo_staff.OTHER, other),
    ):
        for code, n in counts.items():
            titles = _titles(code, category)
            split = _split(n, {index: w for index, (_t, _c, w) in enumerate(titles)})
            for index, count in split.items():
                title, contract, _weight = titles[index]
                posts += [Post(code, category, title, contract)] * count
    return posts


def _lean(post: Post) -> float:
    return WOMEN_LEAN.get(post.directorate.split("-")[0], 1.0) * TITLE_LEAN.get(post.title, 1.0)


def snapshot(rng: random.Random) -> dict[tuple[Post, str], tuple[int, int, int, int]]:
    """(post, "woman" | "man") → (people, hires, promotions, exits)."""
    posts = _posts(rng)
    sexes: list[str] = [""] * len(posts)
    for category, (women, _men, _other) in demo_staff.WORKFORCE.items():
        indices = [i for i, post in enumerate(posts) if post.category == category]
        # Weighted sampling without replacement (Efraimidis–Spirakis): the k largest u^(1/w).
        keys = sorted(indices, key=lambda i: rng.random() ** (1 / _lean(posts[i])), reverse=True)
        chosen = set(keys[:women])
        for i in indices:
            sexes[i] = "woman" if i in chosen else "man"
    result: dict[tuple[Post, str], list[int]] = {}
    for post, sex in zip(posts, sexes, strict=True):
        k = 0 if sex == "woman" else 1
        row = result.setdefault((post, sex), [0, 0, 0, 0])
        row[0] += 1
        row[1] += rng.random() < HIRES[k]
        row[2] += rng.random() < PROMOTIONS[k]
        row[3] += rng.random() < EXITS[k]
    return {key: tuple(values) for key, values in result.items()}


def workbook(rows: dict, *, year: int) -> bytes:
    names = {code: turkish for code, _p, _l, turkish, _e in DIRECTORATES["ornek"]}
    order = {code: index for index, code in enumerate(names)}
    categories = list(CATEGORY_NAMES)
    lines = [
        (
            year,
            names[post.directorate],
            CATEGORY_NAMES[post.category],
            post.title,
            post.contract,
            "Kadın" if sex == "woman" else "Erkek",
            *values,
        )
        for (post, sex), values in sorted(
            rows.items(),
            key=lambda item: (
                order[item[0][0].directorate],
                categories.index(item[0][0].category),
                item[0][0].title,
                item[0][1],
            ),
        )
    ]
    return demo_xlsx.workbook(
        ("Yıl", "Müdürlük", "Rol", "Unvan", "İstihdam Türü", "Cinsiyet", "Sayı", "İşe Giren",
         "Terfi Eden", "Ayrılan"),
        lines,
        sheet="Personel",
    )  # fmt: skip
