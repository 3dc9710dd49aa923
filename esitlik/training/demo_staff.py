"""The people of the demo's training year, generated from name lists with a seeded generator.

Örnek trains staff the way Mersin reported it did: 231 people in gender equality — 21 department
heads, 21 branch managers, 88 staff of the Women and Family Services department, 30 women
coordinators from all the other units and 71 unit staff. Each department head and branch
manager heads a unit of their own (core's demo lists 21 of each); the family services staff
work in that department and its branches (four of them in the equality unit, as the
commitment record says); coordinators and unit staff are spread over everything else. Three of
them are demo users: Elif Yılmaz (the equality unit admin) and the focal points Murat Şahin and
Gülşen Çelik, coordinators of their directorates.

Nothing here touches the database; ``demo.py`` writes through the services."""

from __future__ import annotations

import random
from dataclasses import dataclass

from esitlik.core.sex import Sex

W, M, N = Sex.WOMAN, Sex.MAN, Sex.NOT_STATED

FEMALE = (
    "Ayşe Fatma Emine Hatice Zeynep Meryem Zehra Sultan Merve Büşra Esra Özlem Gül Derya "
    "Sevgi Hülya Nurcan Filiz Gamze Tuğba Sibel Songül Pınar Seda Yasemin Aslı Burcu Ebru "
    "Gülay Nermin Serpil Dilek Ece İpek Çiğdem Şule Aylin Melek Canan Neslihan Özge Funda "
    "Betül Kübra Sevda Nilgün Arzu Hacer Emel Bahar Didem Esin Feride Hande İlknur Leyla "
    "Nazlı Reyhan Selma Tülay Ümran Yeliz Zerrin Şerife Hanife Elif Gülşen"
).split()
MALE = (
    "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan "
    "Halil Süleyman Abdullah Mahmut Recep Salih Fatih Kemal Emre Burak Serkan Hakan Erkan "
    "Volkan Tolga Onur Cem Gökhan Levent Selim Tuncay Uğur Yasin Zafer Orhan Erdal Cengiz "
    "Bülent Kadir Şükrü Çağlar Ozan Barış Ercan Özgür Sinan Tayfun İlker Koray"
).split()
SURNAMES = (
    "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
    "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can Acar "
    "Şen Aktaş Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan Gül Özer Işık Kaplan Avcı "
    "Sarı Tekin Taş Köse Yüksel Ateş Aksoy Uçar Erdem Başaran Karataş Sönmez Tunç Güven "
    "Kocabaş Akın Çiftçi Bayram Duman Ekinci Uysal Gündoğdu Toprak Altun Kalkan Oral İnce "
    "Akgül Savaş Ergin Karakaya Çınar Eren Soylu Tuna"
).split()
# Demo users who are not staff (a council member, an NGO monitor…) keep their names to
# themselves, so no staff person is mistaken for them.
NOT_STAFF = {"Ayşe Demir", "Zeynep Kaya", "Deniz Öztürk", "Can Aydın"}

# Role categories by key (the folded Turkish name), in the order figures list them.
HEADS = "daire başkanı"
MANAGERS = "şube müdürü"
FAMILY = "kadın ve aile hizmetleri personeli"
COORDINATORS = "kadın koordinatörü"
UNIT = "birim personeli"
OTHER = "diğer"
# The default "Koordinatör / odak kişi" is renamed to what Mersin calls its focal points.
COORDINATORS_DEFAULT = "koordinatör / odak kişi"
NEW_CATEGORIES = {
    FAMILY: ("Kadın ve aile hizmetleri personeli", "Women and family services staff"),
    COORDINATORS: ("Kadın koordinatörü", "Women's coordinator"),
}
ORDER = (HEADS, MANAGERS, FAMILY, COORDINATORS, UNIT, OTHER)

DEPARTMENTS = ("KAH SH IK KS FI PB UL ZB SG IS DH MH BI YI EM CK IT TH AF MU ID").split()  # 21
BRANCHES = (
    "KAH-KH KAH-DM SH-EH SH-YH SH-SY IK-PS IK-EG SG-BP FI-YY FI-YP PB-PY UL-TT ZB-OP KS-KL "
    "MH-GL MH-MS DH-SA IS-PL SP SA BY"
).split()  # 21: the branches and the three directorates' heads
FAMILY_UNITS = {"KAH-EB": 4, "KAH": 24, "KAH-KH": 30, "KAH-DM": 30}  # 88
COORDINATOR_UNITS = [d for d in DEPARTMENTS if d != "KAH"] + [
    *("SP", "SA", "BY", "SH-EH", "SH-YH", "SH-SY", "IK-PS", "IK-EG", "ZB-OP", "UL-TT")
]  # 30
# Where the 71 unit staff came from, weighted roughly by the size of the unit.
UNIT_WEIGHTS = {
    "FI": 6, "PB": 5, "ZB": 5, "SH": 5, "UL": 4, "IT": 4, "KS": 3, "MH": 3, "DH": 3,
    "IK-PS": 2, "SH-YH": 2, "SH-EH": 2, "SA": 2, "BI": 2, "CK": 2, "IS": 2, "YI": 1, "EM": 1,
    "TH": 1, "AF": 1, "MU": 1, "ID": 1, "SP": 1, "BY": 1, "SG-BP": 1,
}  # fmt: skip

# (category, women, men, not stated) of the people trained.
TRAINED = (
    (HEADS, 6, 15, 0),
    (MANAGERS, 9, 12, 0),
    (FAMILY, 72, 16, 0),
    (COORDINATORS, 26, 4, 0),
    (UNIT, 37, 32, 2),
)
# The year's workforce as the personnel branch gave it: (women, men, other or not stated).
WORKFORCE = {
    HEADS: (7, 19, 0),
    MANAGERS: (22, 46, 0),
    FAMILY: (96, 22, 0),
    COORDINATORS: (31, 5, 0),
    UNIT: (1140, 2460, 0),
    OTHER: (310, 1240, 0),
}
# People placed on purpose: (name, sex, category, directorate).
KNOWN = (
    ("Elif Yılmaz", W, FAMILY, "KAH-EB"),
    ("Murat Şahin", M, COORDINATORS, "SH"),
    ("Gülşen Çelik", W, COORDINATORS, "PB"),
)
# Women lead these, whatever the draw says.
LED_BY_WOMEN = {"KAH", "KAH-KH", "KAH-DM"}


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    category: str
    directorate: str
    staff_number: str


def _units(rng: random.Random, category: str) -> list[str]:
    if category == HEADS:
        return list(DEPARTMENTS)
    if category == MANAGERS:
        return list(BRANCHES)
    if category == FAMILY:
        return [code for code, n in FAMILY_UNITS.items() for _ in range(n)]
    if category == COORDINATORS:
        return list(COORDINATOR_UNITS)
    codes = sorted(UNIT_WEIGHTS)
    return sorted(rng.choices(codes, weights=[UNIT_WEIGHTS[c] for c in codes], k=71))


def _sexes(rng: random.Random, units: list[str], counts: tuple, known, heads: bool):
    """The sexes in the order of ``units``, exactly ``counts`` (women, men, not stated) in
    all, with the known people's fixed and, for the heads of units, women at the head of
    family services."""
    women, men, unstated = counts
    fixed = {units.index(code): sex for _name, sex, _category, code in known}
    for index, code in enumerate(units):
        if heads and code in LED_BY_WOMEN:
            fixed.setdefault(index, W)
    pool = [W] * women + [M] * men + [N] * unstated
    for sex in fixed.values():
        pool.remove(sex)
    rng.shuffle(pool)
    return [fixed[i] if i in fixed else pool.pop() for i in range(len(units))]


def _name(rng: random.Random, sex: str, taken: set[str]) -> str:
    while True:
        first = rng.choice(FEMALE if sex == W or (sex == N and rng.random() < 0.5) else MALE)
        name = f"{first} {rng.choice(SURNAMES)}"
        if name not in taken:
            taken.add(name)
            return name


def people(rng: random.Random) -> list[Person]:
    """The 231 people trained, category by category, in a fixed order."""
    taken = {name for name, *_rest in KNOWN} | NOT_STAFF
    numbers = rng.sample(range(10400, 48900), 231)
    result = []
    for category, women, men, unstated in TRAINED:
        units = _units(rng, category)
        known = [k for k in KNOWN if k[2] == category]
        heads = category in (HEADS, MANAGERS)
        sexes = _sexes(rng, units, (women, men, unstated), known, heads)
        names = {units.index(code): name for name, _sex, _category, code in known}
        for index, (code, sex) in enumerate(zip(units, sexes, strict=True)):
            number = str(numbers[len(result)])
            # Contract staff on the family services and unit lists have no staff number.
            if category in (FAMILY, UNIT) and rng.random() < 0.12:
                number = ""
            name = names.get(index) or _name(rng, sex, taken)
            result.append(Person(name, sex, category, code, number))
    return result


def trainer_picks(rng: random.Random, staff: list[Person]) -> dict[str, list[Person]]:
    """Who of the family services staff joins the trainer pool: two rights-based monitoring
    trainers from the equality unit (Elif Yılmaz and a colleague), eight functional adult
    literacy trainers and five in training for AÇEV's next programme."""
    monitoring = [p for p in staff if p.directorate == "KAH-EB"][:2]
    others = [p for p in staff if p.category == FAMILY and p.directorate != "KAH-EB"]
    chosen = rng.sample(others, 13)
    return {"monitoring": monitoring, "literacy": chosen[:8], "in_training": chosen[8:]}
