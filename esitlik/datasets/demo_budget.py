"""The demo municipality's budget lines for the year, planned and spent, each tagged for
equality as the strategy department tags them: targeted (for women and girls, or for
equality itself), mainstreamed (serves everyone, designed with equality in mind) or neutral.

About 2.5% of the budget is targeted and 7% mainstreamed; targeted lines are spent least
(about two lira in three in the demo's draw, against nine in ten for neutral ones); the sports
centres, used mostly by men, are tagged neutral. The codes follow the analytic budget
classification (institutional – functional – financing – economic). Nothing here touches the
database.
"""

from __future__ import annotations

import random
from decimal import Decimal

from esitlik.core.demo import DIRECTORATES
from esitlik.datasets import demo_xlsx

TARGETED, MAINSTREAMED, NEUTRAL = T, M, N = "Hedefli", "Ana akım", "Nötr"
# Spent of planned, on average and give or take, by tag.
SPENT = {TARGETED: (0.71, 0.08), MAINSTREAMED: (0.86, 0.05), NEUTRAL: (0.93, 0.04)}

# (directorate, description, tag, planned in millions of lira, functional code, economic code)
LINES = (
    ("KAH-DM", "Kadın Danışma Merkezi işletme giderleri", T, 18.5, "10.4.0.00", "03.5.9.90"),
    ("KAH-DM", "Şiddet destek hattı", T, 6.2, "10.4.0.00", "03.5.9.90"),
    ("KAH-DM", "Kadın konukevi kira ve işletme giderleri", T, 14.8, "10.4.0.00", "03.5.5.01"),
    ("KAH-KH", "Kreş ve gündüz bakımevleri", T, 42.0, "10.4.0.00", "03.5.9.90"),
    ("KAH-KH", "Meslek edindirme kursları", T, 11.4, "10.4.0.00", "03.5.9.90"),
    ("KAH-KH", "Kadın kooperatiflerine destek", T, 3.5, "10.4.0.00", "05.3.1.01"),
    ("KAH-KH", "Aile danışmanlığı", M, 4.1, "10.4.0.00", "03.5.9.90"),
    ("KAH-EB", "Eşitlik eylem planı çalışmaları ve farkındalık", T, 2.4, "10.4.0.00", "03.5.9.90"),
    ("KAH-EB", "Personele cinsiyet eşitliği eğitimleri", T, 1.1, "01.3.9.00", "03.5.9.90"),
    ("SH-SY", "Gıda yardımı alımları", M, 96.0, "10.7.0.00", "03.2.1.01"),
    ("SH-SY", "Nakdi yardımlar", M, 64.0, "10.7.0.00", "05.3.1.01"),
    ("SH-SY", "Öğrenci eğitim yardımı", M, 18.0, "10.7.0.00", "05.3.1.01"),
    ("SH-YH", "Yaşlılara evde bakım hizmet alımı", M, 27.0, "10.2.0.00", "03.5.9.90"),
    ("SH-YH", "Yaşlı yaşam merkezi işletmesi", M, 9.6, "10.2.0.00", "03.5.9.90"),
    ("SH-EH", "Engelli rehabilitasyon merkezi", M, 21.0, "10.1.2.00", "03.5.9.90"),
    ("SH-EH", "Tekerlekli sandalye ve medikal cihaz alımı", M, 6.8, "10.1.2.00", "03.2.9.01"),
    ("SH", "Göç ve uyum masası", M, 5.2, "10.7.0.00", "03.5.9.90"),
    ("SH", "Ücretsiz hukuki danışmanlık", M, 2.1, "10.7.0.00", "03.5.9.90"),
    ("SP", "Spor merkezleri işletme giderleri", N, 58.0, "08.1.0.00", "03.5.9.90"),
    ("SP", "Yüzme havuzları işletmesi", N, 24.0, "08.1.0.00", "03.5.9.90"),
    ("SP", "Gençlik spor okulları", N, 12.0, "08.1.0.00", "03.5.9.90"),
    ("SP", "Kadınlara özel spor saatleri", T, 1.6, "08.1.0.00", "03.5.9.90"),
    ("KS", "İstihdam ofisi", M, 7.2, "04.1.2.00", "03.5.9.90"),
    ("KS", "Gençlik merkezi", N, 8.9, "08.2.0.00", "03.5.9.90"),
    ("KS-KL", "Kent kütüphanesi", N, 14.0, "08.2.0.00", "03.5.9.90"),
    ("KS-KL", "Sanat ve hobi kursları", N, 9.5, "08.2.0.00", "03.5.9.90"),
    ("KS-KL", "Şehir tiyatrosu", N, 31.0, "08.2.0.00", "03.5.9.90"),
    ("SA", "Evde sağlık hizmetleri", M, 19.0, "07.2.1.00", "03.5.9.90"),
    ("SA", "Kadın sağlığı taramaları", T, 4.4, "07.2.1.00", "03.5.9.90"),
    ("SA", "Hasta nakil hizmeti", N, 11.0, "07.2.1.00", "03.5.9.90"),
    ("UL-TT", "Engelsiz ulaşım servisi", M, 13.0, "04.5.1.00", "03.5.9.90"),
    ("UL-TT", "Toplu taşıma işletme giderleri", N, 220.0, "04.5.1.00", "03.5.9.90"),
    ("UL-TT", "Durak aydınlatma ve güvenlik kameraları", M, 8.5, "04.5.1.00", "06.1.2.01"),
    ("FI-YY", "Yol yapım ve asfalt", N, 640.0, "04.5.1.00", "06.5.1.01"),
    ("FI-YP", "Bina yapım işleri", N, 410.0, "06.6.0.00", "06.5.2.01"),
    ("PB-PY", "Park yapımı", N, 180.0, "06.2.0.00", "06.5.4.01"),
    ("PB-PY", "Park aydınlatması", M, 12.0, "06.4.0.00", "06.1.2.01"),
    ("ZB", "Zabıta hizmetleri", N, 46.0, "03.1.0.00", "03.5.9.90"),
    ("CK", "Atık toplama ve taşıma", N, 390.0, "05.1.0.00", "03.5.9.90"),
    ("IK-PS", "Personel giderleri", N, 1450.0, "01.3.9.00", "01.1.1.01"),
    ("IK-EG", "Hizmet içi eğitim", N, 3.2, "01.3.9.00", "03.5.9.90"),
    ("BI", "Bilgi işlem hizmetleri", N, 38.0, "01.3.9.00", "03.5.9.90"),
    ("DH-SA", "Mal ve hizmet alımları", N, 120.0, "01.3.9.00", "03.2.9.01"),
    ("MH", "Faiz giderleri", N, 85.0, "01.7.0.00", "04.2.1.01"),
    ("BY", "Beyaz Masa ve halkla ilişkiler", N, 9.0, "01.3.9.00", "03.5.9.90"),
    ("MU", "Muhtarlık hizmetleri", N, 6.0, "01.3.9.00", "03.5.9.90"),
    ("AF", "Afet hazırlık çalışmaları", N, 22.0, "03.2.0.00", "03.5.9.90"),
    ("AF", "Toplanma alanlarında kadın ve çocuk güvenliği", M, 1.8, "03.2.0.00", "03.5.9.90"),
    ("ID", "İklim uyum projeleri", N, 17.0, "05.6.0.00", "03.5.9.90"),
    ("IT", "İtfaiye hizmetleri", N, 95.0, "03.2.0.00", "03.5.9.90"),
)  # fmt: skip


def lines(rng: random.Random) -> list[tuple[str, str, str, str, Decimal, Decimal]]:
    """(budget code, directorate code, description, tag, planned, actual) in lira."""
    codes = [code for code, *_rest in DIRECTORATES["ornek"]]
    result = []
    for number, (directorate, text, tag, millions, functional, economic) in enumerate(
        LINES, start=1
    ):
        institutional = f"46.35.{codes.index(directorate) + 1:02d}.{number:02d}"
        planned = Decimal(str(millions)) * 1_000_000
        mean, spread = SPENT[tag]
        rate = min(1.0, max(0.3, rng.gauss(mean, spread)))
        actual = (planned * Decimal(str(round(rate, 4)))).quantize(Decimal("0.01"))
        code = f"{institutional}-{functional}-5-{economic}"
        result.append((code, directorate, text, tag, planned.quantize(Decimal("0.01")), actual))
    return result


def workbook(rows: list, *, year: int) -> bytes:
    names = {code: turkish for code, _p, _l, turkish, _e in DIRECTORATES["ornek"]}
    return demo_xlsx.workbook(
        ("Yıl", "Bütçe Kodu", "Müdürlük", "Açıklama", "Eşitlik Etiketi", "Başlangıç Ödeneği",
         "Gerçekleşen"),
        [(year, code, names[d], text, tag, planned, actual)
         for code, d, text, tag, planned, actual in rows],
        sheet="Bütçe",
    )  # fmt: skip
