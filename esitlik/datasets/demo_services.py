"""The demo's service catalogues and how each service is used over a year.

Örnek offers 31 services across its directorates; each line below is one catalogue entry and
the pattern its synthetic year of records follows: how many records, the share of women and
of "not stated" sex, the ages (lowest, most common, highest), the shares of disabled people,
refugees and other foreign nationals, and how many applications are still open or were
rejected. The patterns carry the gaps the findings should surface:

- the fitness centres are used mostly by men (women 23%), the youth sports schools by boys,
  and disabled people are rare in every sports service (about 1% against about 7% of
  residents);
- courses and counselling are used mostly by women, as is home care for the elderly (women
  live longer; 69% is what Turkish municipalities report);
- cash aid rejects women more often than men, and the crèche turns away one applicant in
  five (too few places);
- the employment office reaches far fewer women than men;
- Health Affairs does not record the sex of about a quarter of the people it serves (its
  system leaves the field blank): a completeness warning.

Refugees are concentrated in a few neighbourhoods and the outer neighbourhoods are reached
less; see ``demo_places.py``. Nothing here touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    """How one service is used over the year (shares are of all its records)."""

    rows: int
    women: float
    ages: tuple[int, int, int]  # lowest, most common, highest
    not_stated: float = 0.02
    disabled: float = 0.05
    refugee: float = 0.02
    foreign: float = 0.01
    applied: float = 0.0  # still open at the year's end
    rejected: float = 0.0
    # Rejected more often when the applicant is a woman: the women's rate is rejected + this.
    rejected_women_extra: float = 0.0
    summer: float = 0.0  # the share of records falling June to September on top of the rest


@dataclass(frozen=True)
class DemoService:
    code: str
    directorate: str
    turkish: str
    english: str
    # Which of the directorates' files lists it (demo_records.FILES); "" for none.
    file: str
    pattern: Pattern | None = None
    sensitive: bool = False
    description: str = ""
    # "women" / "men": open to one sex by design (Service.single_sex).
    single_sex: str = ""


P = Pattern
S = DemoService

ORNEK = (
    # Women and family services: counselling and the violence support line (KAH-DM).
    S("KDM-01", "KAH-DM", "Kadın Danışma Merkezi", "Women's counselling centre", "kah",
      P(3200, 0.96, (18, 34, 72), disabled=0.04, refugee=0.05, applied=0.04)),
    S("KDM-02", "KAH-DM", "Şiddet Destek Hattı", "Violence support line", "kah",
      P(1850, 0.93, (16, 32, 70), disabled=0.03, refugee=0.06), sensitive=True,
      description="7/24 telefon hattı; kayıtlar yalnızca sayı olarak yayımlanır."),
    S("KDM-03", "KAH-DM", "Kadın Konukevi Yönlendirme", "Women's shelter referrals", "kah",
      P(240, 0.99, (18, 30, 62), not_stated=0.0, refugee=0.10, applied=0.04, rejected=0.12),
      sensitive=True, single_sex="women"),
    S("KDM-04", "KAH-DM", "Kadınlara Hukuki Danışmanlık", "Legal advice for women", "kah",
      P(1500, 0.97, (18, 38, 75), refugee=0.04)),
    # Women's services branch: crèche, courses, cooperatives, family counselling (KAH-KH).
    S("KH-01", "KAH-KH", "Kreş ve Gündüz Bakımevi", "Crèche and day care", "kah",
      P(2400, 0.49, (2, 4, 6), not_stated=0.0, disabled=0.02, refugee=0.03, applied=0.05,
        rejected=0.21)),
    S("KH-02", "KAH-KH", "Meslek Edindirme Kursları", "Vocational courses", "kah",
      P(9000, 0.81, (16, 32, 66), disabled=0.03, refugee=0.03)),
    S("KH-03", "KAH-KH", "Kadın Kooperatiflerine Destek", "Support for women's cooperatives",
      "kah", P(800, 0.95, (22, 44, 70), disabled=0.02, refugee=0.01)),
    S("KH-04", "KAH-KH", "Aile Danışmanlığı", "Family counselling", "kah",
      P(2100, 0.71, (18, 36, 75), refugee=0.03)),
    # Social services: the refugee desk and legal advice (SH), social assistance (SH-SY).
    S("SH-01", "SH", "Göç ve Uyum Masası", "Refugee support desk", "sosyal",
      P(7000, 0.58, (18, 31, 75), disabled=0.03, refugee=0.78, foreign=0.12)),
    S("SH-02", "SH", "Ücretsiz Hukuki Danışmanlık", "Free legal advice", "sosyal",
      P(3000, 0.44, (18, 42, 85), refugee=0.05)),
    S("SY-01", "SH-SY", "Gıda Yardımı", "Food aid", "sosyal",
      P(28000, 0.63, (20, 46, 92), disabled=0.09, refugee=0.09, foreign=0.02, applied=0.03,
        rejected=0.07)),
    S("SY-02", "SH-SY", "Nakdi Yardım", "Cash aid", "sosyal",
      P(16000, 0.58, (20, 44, 92), disabled=0.08, refugee=0.07, foreign=0.02, applied=0.04,
        rejected=0.19, rejected_women_extra=0.10)),
    S("SY-03", "SH-SY", "Öğrenci Eğitim Yardımı", "Education grants for students", "sosyal",
      P(6000, 0.52, (17, 19, 26), disabled=0.02, refugee=0.04, applied=0.02, rejected=0.15)),
    # Elderly (SH-YH) and disability services (SH-EH).
    S("YH-01", "SH-YH", "Yaşlılara Evde Bakım", "Home care for the elderly", "yasli_engelli",
      P(4200, 0.69, (65, 79, 99), not_stated=0.01, disabled=0.28, refugee=0.01)),
    S("YH-02", "SH-YH", "Yaşlı Yaşam Merkezi", "Elderly day centre", "yasli_engelli",
      P(3100, 0.61, (60, 71, 92), not_stated=0.01, disabled=0.10, refugee=0.01)),
    S("EH-01", "SH-EH", "Engelli Rehabilitasyon Merkezi", "Disability rehabilitation centre",
      "yasli_engelli", P(5200, 0.43, (3, 24, 82), disabled=1.0, refugee=0.02)),
    S("EH-02", "SH-EH", "Tekerlekli Sandalye ve Medikal Cihaz Desteği",
      "Wheelchairs and medical devices", "yasli_engelli",
      P(1200, 0.45, (5, 58, 92), disabled=0.96, refugee=0.02, applied=0.06, rejected=0.10)),
    # Sports (SP).
    S("SP-01", "SP", "Spor Merkezleri (Fitness)", "Sports centres (fitness)", "spor",
      P(40000, 0.23, (16, 28, 72), disabled=0.008, refugee=0.01)),
    S("SP-02", "SP", "Yüzme Kursları", "Swimming courses", "spor",
      P(18000, 0.39, (6, 13, 66), disabled=0.012, refugee=0.01, summer=0.55)),
    S("SP-03", "SP", "Gençlik Spor Okulları", "Youth sports schools", "spor",
      P(15000, 0.31, (7, 12, 18), disabled=0.006, refugee=0.02, summer=0.25)),
    # Culture and social affairs (KS) and its culture branch (KS-KL).
    S("KS-01", "KS", "İstihdam Ofisi", "Employment office", "kultur",
      P(14000, 0.37, (18, 31, 64), disabled=0.04, refugee=0.03, applied=0.55)),
    S("KS-02", "KS", "Gençlik Merkezi", "Youth centre", "kultur",
      P(10000, 0.47, (14, 18, 29), disabled=0.02, refugee=0.02)),
    S("KL-01", "KS-KL", "Kent Kütüphanesi", "City library", "kultur",
      P(45000, 0.56, (7, 22, 84), disabled=0.03, refugee=0.01)),
    S("KL-02", "KS-KL", "Sanat ve Hobi Kursları", "Art and hobby courses", "kultur",
      P(12000, 0.73, (9, 42, 80), disabled=0.03, refugee=0.01)),
    # The theatre counts its audience by performance: an aggregated table, not records.
    S("KL-03", "KS-KL", "Şehir Tiyatrosu", "City theatre", "tiyatro"),
    # Health affairs (SA): its system leaves sex blank for about a quarter of the people.
    S("SA-01", "SA", "Evde Sağlık Hizmeti", "Home health care", "saglik",
      P(11000, 0.61, (45, 77, 99), not_stated=0.25, disabled=0.35, refugee=0.01)),
    S("SA-02", "SA", "Kadın Sağlığı Taramaları", "Women's health screening", "saglik",
      P(6000, 1.0, (25, 46, 75), not_stated=0.22, disabled=0.04, refugee=0.02),
      single_sex="women"),
    S("SA-03", "SA", "Hasta Nakil Hizmeti", "Patient transport", "saglik",
      P(4000, 0.55, (30, 72, 99), not_stated=0.26, disabled=0.41, refugee=0.01)),
    # Transport (UL-TT).
    S("UL-01", "UL-TT", "Engelli Ücretsiz Servis", "Free shuttle for disabled people",
      "ulasim", P(6000, 0.38, (5, 41, 88), disabled=1.0, refugee=0.01)),
    # Press and public relations (BY): the citizens' desk.
    S("BY-01", "BY", "Beyaz Masa Başvuruları", "Citizens' desk requests", "beyaz_masa",
      P(30000, 0.41, (18, 46, 88), disabled=0.04, refugee=0.01, applied=0.10, rejected=0.12)),
    # Neighbourhood affairs (MU): expected, never sent — the overdue line of completeness.
    S("MU-01", "MU", "Muhtarlık Sosyal Destek Talepleri",
      "Social support requests through the headmen", ""),
)  # fmt: skip

# The second demo municipality keeps a small catalogue and one file of records, so that
# another tenant's data is there to be kept apart.
DENEME = (
    S("KAH-01", "KAH", "Kadın Danışma Merkezi", "Women's counselling centre", "deneme",
      P(900, 0.95, (18, 33, 70), refugee=0.02)),
    S("KAH-02", "KAH", "Meslek Edindirme Kursları", "Vocational courses", "deneme",
      P(1800, 0.78, (16, 30, 60))),
    S("SH-01", "SH", "Gıda Yardımı", "Food aid", "deneme",
      P(3600, 0.60, (20, 45, 90), disabled=0.08, refugee=0.04, rejected=0.06)),
    S("SH-02", "SH", "Yaşlılara Evde Bakım", "Home care for the elderly", "deneme",
      P(700, 0.66, (65, 78, 98), disabled=0.3)),
)  # fmt: skip

CATALOGUES = {"ornek": ORNEK, "deneme": DENEME}
