"""The city theatre's audience, counted by performance: the one aggregated table of the demo,
from a box office that keeps totals by sex (online sales leave sex unknown) but no records of
people. About nine performances a month, none in July and August, a hall of 450 seats, a
little under six in ten of the audience women. Nothing here touches the database.
"""

from __future__ import annotations

import random
from datetime import date

from esitlik.datasets import demo_xlsx

SERVICE = "Şehir Tiyatrosu"
HALL = 450
DARK_MONTHS = {7, 8}


def performances(rng: random.Random, year: int) -> list[tuple[date, int, int, int]]:
    """(day, women, men, not stated) of each performance."""
    rows = []
    for month in range(1, 13):
        if month in DARK_MONTHS:
            continue
        days = sorted(rng.sample(range(1, 29), 9))
        for day in days:
            audience = min(HALL, max(60, round(rng.gauss(310, 70))))
            unknown = round(audience * rng.uniform(0.05, 0.12))
            women = round((audience - unknown) * rng.uniform(0.53, 0.64))
            rows.append((date(year, month, day), women, audience - unknown - women, unknown))
    return rows


def workbook(rows: list, *, year: int) -> bytes:
    return demo_xlsx.workbook(
        ("Hizmet Adı", "Tarih", "Kadın", "Erkek", "Belirtilmemiş", "Toplam"),
        [(SERVICE, day, w, m, n, w + m + n) for day, w, m, n in rows],
        sheet=f"Seyirci {year}",
    )
