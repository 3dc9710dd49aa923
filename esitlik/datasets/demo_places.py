"""Where the demo's residents live and which neighbourhoods its services reach.

Every neighbourhood of Örnek gets a share of the population (drawn once with the demo's
seeded generator, the outer, village-like neighbourhoods smaller), a reach (how much more or
less its residents use the municipality's services than their number says: the outer
neighbourhoods, far from the service buildings, about 40%) and a share of the refugees, most
of whom live in four neighbourhoods near the old port and the industrial zone.

Nothing here touches the database.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from esitlik.participation.demo_registry import NEIGHBOURHOODS as ORNEK_NEIGHBOURHOODS

# Far from the centre: fewer residents, and reached far less.
OUTER = {"Çamlıbel", "Örnekköy", "Sancaklı", "Şemikler", "Yamanlar"}
# Near the service buildings: reached a little more.
CENTRAL = {"Alaybey", "Bahariye", "Bostanlı", "Donanmacı", "Mavişehir"}
# Where three in four refugees live.
REFUGEE = {"Dedebaşı", "Esentepe", "Gazi", "Tersane"}
OUTER_REACH, CENTRAL_REACH = 0.4, 1.3
REFUGEE_SHARE = 0.75

DENEME_NEIGHBOURHOODS = [
    "Bağlar",
    "Cumhuriyet",
    "Emek",
    "Hoşhaber",
    "Karaağaç",
    "Söğütlü",
    "Topçular",
    "Yaylalar",
]
NEIGHBOURHOODS = {"ornek": ORNEK_NEIGHBOURHOODS, "deneme": DENEME_NEIGHBOURHOODS}


@dataclass(frozen=True)
class Place:
    name: str
    population: float  # the share of residents
    reach: float  # the share of service users from here (non-refugees)
    refugees: float  # the share of refugee service users from here


def places(slug: str, rng: random.Random) -> list[Place]:
    """The municipality's neighbourhoods with their shares, each list summing to one."""
    names = NEIGHBOURHOODS[slug]
    size = {name: rng.uniform(0.6, 1.6) * (0.45 if name in OUTER else 1.0) for name in names}
    reach = {
        name: size[name]
        * (OUTER_REACH if name in OUTER else CENTRAL_REACH if name in CENTRAL else 1.0)
        for name in names
    }
    concentrated = [n for n in names if n in REFUGEE]
    spread = [n for n in names if n not in REFUGEE]
    refugees = {
        name: (
            REFUGEE_SHARE / len(concentrated)
            if name in REFUGEE
            else (1 - REFUGEE_SHARE if concentrated else 1.0)
            * size[name]
            / sum(size[n] for n in spread)
        )
        for name in names
    }
    total_size, total_reach = sum(size.values()), sum(reach.values())
    return [
        Place(name, size[name] / total_size, reach[name] / total_reach, refugees[name])
        for name in names
    ]
