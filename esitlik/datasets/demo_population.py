"""The demo's residents as the address-based register (ADNKS) counts them: neighbourhood × sex ×
five-year age band, adding up exactly to the municipality's population, written the way TÜİK's
tables come (a title above, then Toplam / Erkek / Kadın side by side).

The age pyramid is İzmir's in outline (few children, a bulge at 35–54, women outliving men
from 60 on); the outer, village-like neighbourhoods are older and the neighbourhoods where
refugees live younger. Nothing here touches the database.
"""

from __future__ import annotations

from esitlik.datasets import demo_xlsx
from esitlik.datasets.demo_places import OUTER, REFUGEE, Place
from esitlik.datasets.vocab import AGE_BANDS

# Share of residents in each band (0-4 … 85+), and the share of women in it.
PYRAMID = (4.6, 5.4, 5.9, 6.0, 6.3, 6.9, 7.0, 7.4, 7.7, 7.6, 7.2, 6.6, 5.9, 5.0, 3.9, 2.6, 1.5, 1.1)
WOMEN = (
    0.486, 0.486, 0.487, 0.488, 0.494, 0.498, 0.500, 0.501, 0.502, 0.504, 0.507, 0.512,
    0.520, 0.528, 0.545, 0.568, 0.605, 0.672,
)  # fmt: skip
# How much older (+) or younger (−) a neighbourhood is than the pyramid.
TILT = 0.3


def _largest_remainder(total: int, weights: dict) -> dict:
    """Whole numbers proportional to ``weights`` that add up to ``total`` exactly."""
    scale = total / sum(weights.values())
    exact = {key: weight * scale for key, weight in weights.items()}
    counts = {key: int(value) for key, value in exact.items()}
    left = total - sum(counts.values())
    for key in sorted(exact, key=lambda k: (counts[k] - exact[k], str(k)))[:left]:
        counts[key] += 1
    return counts


def population(total: int, places: list[Place]) -> dict[tuple[str, str, str], int]:
    """(neighbourhood, age band, "woman" | "man") → residents, summing to ``total``."""
    weights = {}
    last = len(AGE_BANDS) - 1
    for place in places:
        tilt = TILT if place.name in OUTER else -TILT if place.name in REFUGEE else 0.0
        bands = [share * (1 + tilt * (2 * index / last - 1)) for index, share in enumerate(PYRAMID)]
        scale = place.population / sum(bands)
        for index, band in enumerate(AGE_BANDS):
            weights[(place.name, band, "woman")] = bands[index] * scale * WOMEN[index]
            weights[(place.name, band, "man")] = bands[index] * scale * (1 - WOMEN[index])
    return _largest_remainder(total, weights)


def workbook(counts: dict, *, year: int, district: str) -> bytes:
    """TÜİK's wide layout: one row per neighbourhood and age band."""
    rows = []
    names = list(dict.fromkeys(name for name, _band, _sex in counts))
    for name in names:
        for band in AGE_BANDS:
            women, men = counts[(name, band, "woman")], counts[(name, band, "man")]
            rows.append((year, f"{name} Mah.", band, women + men, men, women))
    return demo_xlsx.workbook(
        ("Yıl", "Mahalle", "Yaş Grubu", "Toplam", "Erkek", "Kadın"),
        rows,
        sheet="ADNKS",
        titles=(
            f"Adrese Dayalı Nüfus Kayıt Sistemi Sonuçları, {year}",
            f"{district}: mahalle, cinsiyet ve yaş grubuna göre nüfus",
        ),
    )
