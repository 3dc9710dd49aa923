"""Who decides in the demo municipality, by sex, on the last day of the year — as the records
and council decisions department lists them.

Örnek's council has 31 members (a municipality of 250,001–500,000 people), five of them
women; its executive committee seven members, one a woman; women chair the equality
commission and are absent from the zoning commission; the mayor and four of five deputies are
men; the department heads and branch managers are the training demo's (7 of 26 and 22 of 68
women); three of 35 neighbourhood headmen are women. These are the shares Turkish
municipalities report. Nothing here touches the database.
"""

from __future__ import annotations

from datetime import date

from esitlik.datasets import demo_xlsx
from esitlik.training import demo_staff

_HEADS = demo_staff.WORKFORCE[demo_staff.HEADS]
_MANAGERS = demo_staff.WORKFORCE[demo_staff.MANAGERS]

# (body as written, name of the body, women, men)
BODIES = (
    ("Belediye Meclisi", "Belediye Meclisi", 5, 26),
    ("Belediye Encümeni", "Belediye Encümeni", 1, 6),
    ("İhtisas Komisyonu", "Plan ve Bütçe Komisyonu", 1, 6),
    ("İhtisas Komisyonu", "İmar ve Bayındırlık Komisyonu", 0, 7),
    ("İhtisas Komisyonu", "Kadın-Erkek Eşitliği Komisyonu", 4, 1),
    ("İhtisas Komisyonu", "Eğitim, Kültür ve Sosyal Hizmetler Komisyonu", 2, 3),
    ("İhtisas Komisyonu", "Çevre ve Sağlık Komisyonu", 1, 4),
    ("Belediye Başkanı", "Belediye Başkanı", 0, 1),
    ("Başkan Yardımcısı", "Başkan Yardımcıları", 1, 4),
    ("Daire Başkanı", "Daire başkanları", _HEADS[0], _HEADS[1]),
    ("Müdürler", "Şube müdürleri", _MANAGERS[0], _MANAGERS[1]),
    ("Muhtarlar", "Mahalle muhtarları", 3, 32),
)


def workbook(*, year: int) -> bytes:
    day = date(year, 12, 31)
    rows = [(body, name, day, women, men, women + men) for body, name, women, men in BODIES]
    return demo_xlsx.workbook(
        ("Kurul", "Kurul Adı", "Tarih", "Kadın", "Erkek", "Toplam"), rows, sheet="Karar organları"
    )
