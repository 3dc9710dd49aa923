"""The file the demo's import refuses: the disability services branch's December supplement,
typed by hand into the branch's usual layout, with six wrong cells among 320 rows — a date of
next year, a day that does not exist, a sex written "X", a neighbourhood that is not one of
the municipality's, an age of 150 and a service missing from the catalogue. The import lands
nothing of it and lists each problem by row, column and value, as a directorate would see it.
Nothing here touches the database.
"""

from __future__ import annotations

import random

ROWS = 320
HEADERS = ("Hizmet Adı", "Hizmet Tarihi", "Cinsiyet", "Yaş", "Engel Durumu", "Mahalle", "Uyruk")
SERVICES = ("Engelli Rehabilitasyon Merkezi", "Tekerlekli Sandalye ve Medikal Cihaz Desteği")


def mistakes(year: int) -> dict[int, tuple[str, str]]:
    """Data row (1 = the first under the headings) → (heading, wrong value)."""
    return {
        23: ("Hizmet Tarihi", f"05.01.{year + 1}"),
        61: ("Hizmet Tarihi", f"31.11.{year}"),
        102: ("Cinsiyet", "X"),
        147: ("Mahalle", "Merkez"),
        208: ("Yaş", "150"),
        276: ("Hizmet Adı", "Engelli Plajı"),
    }


def csv_bytes(rng: random.Random, year: int, neighbourhoods: list[str]) -> bytes:
    wrong = mistakes(year)
    lines = [";".join(HEADERS)]
    for number in range(1, ROWS + 1):
        row = {
            "Hizmet Adı": rng.choice(SERVICES),
            "Hizmet Tarihi": f"{rng.randint(1, 31):02d}.12.{year}",
            "Cinsiyet": rng.choices(("Kadın", "Erkek", ""), weights=(43, 55, 2))[0],
            "Yaş": str(rng.randint(4, 85)),
            "Engel Durumu": "Var",
            "Mahalle": rng.choice(neighbourhoods),
            "Uyruk": rng.choices(("T.C.", "Geçici Koruma"), weights=(97, 3))[0],
        }
        if number in wrong:
            heading, value = wrong[number]
            row[heading] = value
        lines.append(";".join(row[h] for h in HEADERS))
    return ("\r\n".join(lines) + "\r\n").encode("cp1254")
