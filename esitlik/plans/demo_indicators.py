"""Indicators of the demo's 3rd edition with their targets and reporting history.

Each entry: parent code (objective "3.2" or action "3.2.1"), title TR/EN, kind, measure, unit,
by sex, baseline (value, year), direction and band, frequency, source, targets {year: value or
(women, men)}, and history [(year, half, value or (women, men), status, narrative)] where the
status is what the equality unit did with it: "approved", "submitted", "returned" or "draft".
A value given as (women, men) is a count whose total is their sum; (women, men, total) gives
the total as well, as a percentage by sex needs.
"""

from decimal import Decimal

from esitlik.plans import indicators, progress
from esitlik.plans.models import Action, Objective

B = None  # no band

INDICATORS = [
    (
        "1.1.1",
        "Burs alan kız öğrenci sayısı",
        "Girls receiving a scholarship",
        "output_count",
        "kişi",
        False,
        (0, 2024),
        "up",
        B,
        "yearly",
        "Sosyal Yardım İşleri burs kayıtları",
        {2025: 150, 2026: 300, 2027: 450, 2028: 600},
        [(2025, 0, 164, "approved", "İlk dönemde 164 öğrenciye burs verildi.")],
    ),
    (
        "1.1.2",
        "Etüt merkezlerinden yararlanan çocuklar",
        "Children using the study centres",
        "by_sex_count",
        "kişi",
        True,
        ((410, 380), 2024),
        "up",
        B,
        "half_yearly",
        "Kültür ve Sosyal İşler kayıt sistemi",
        {2025: (450, 400), 2026: (500, 420), 2027: (550, 450), 2028: (600, 480)},
        [
            (2025, 1, (431, 392), "approved", "Bahar döneminde 6 merkezde etüt."),
            (2025, 2, (462, 401), "approved", "Güz döneminde yeni merkez açıldı."),
            (2026, 1, (488, 415), "approved", ""),
            (2026, 2, (495, 418), "draft", "Ekim sayıları girildi, aralık bekleniyor."),
        ],
    ),
    (
        "1.2",
        "Eğitim alan yöneticilerin oranı",
        "Share of managers trained",
        "percentage",
        "%",
        False,
        (12, 2024),
        "up",
        B,
        "yearly",
        "İnsan Kaynakları eğitim kayıtları",
        {2025: 60, 2026: 100},
        [(2025, 0, 71, "approved", "42 yöneticiden 30'u eğitimi tamamladı.")],
    ),
    (
        "1.2.2",
        "Atölye yapılan okul sayısı",
        "Schools that held a workshop",
        "output_count",
        "okul",
        False,
        (0, 2024),
        "up",
        B,
        "yearly",
        "Eşitlik birimi kayıtları",
        {2025: 10, 2026: 20, 2027: 30, 2028: 40},
        [(2025, 0, 4, "approved", "İl Milli Eğitim izni geç geldi; 4 okulda yapılabildi.")],
    ),
    (
        "2.1.1",
        "Tarama yapılan kadın sayısı",
        "Women screened",
        "output_count",
        "kişi",
        False,
        (2100, 2024),
        "up",
        B,
        "half_yearly",
        "Sağlık İşleri mobil birim",
        {2025: 2600, 2026: 3200, 2027: 3600, 2028: 4000},
        [
            (2025, 1, 1190, "approved", ""),
            (2025, 2, 2710, "approved", ""),
            (2026, 1, 1650, "submitted", "Mobil ünite 9 mahalleye gitti."),
        ],
    ),
    (
        "2.1.2",
        "Danışmanlık alan gençler",
        "Young people counselled",
        "by_sex_count",
        "kişi",
        True,
        ((0, 0), 2024),
        "up",
        B,
        "yearly",
        "Sağlık İşleri",
        {2025: (200, 100), 2026: (300, 200), 2027: (350, 250), 2028: (400, 300)},
        [(2025, 0, (236, 58), "returned", "")],
    ),
    (
        "2.1.3",
        "Ev ziyareti yapılan yaşlı kadın",
        "Elderly women visited at home",
        "output_count",
        "kişi",
        False,
        (640, 2024),
        "up",
        B,
        "yearly",
        "Yaşlı Hizmetleri",
        {2025: 700, 2026: 760, 2027: 820, 2028: 900},
        [(2025, 0, 688, "approved", "")],
    ),
    (
        "3.1",
        "Kooperatiflerin yıllık satış geliri",
        "Cooperatives' yearly sales income",
        "output_count",
        "TL",
        False,
        (1200000, 2024),
        "up",
        B,
        "yearly",
        "Kooperatif beyanları",
        {2025: 1500000, 2026: 1900000, 2027: 2300000, 2028: 2800000},
        [(2025, 0, 1640000, "approved", "Belediye pazarında 3 yeni satış noktası.")],
    ),
    (
        "3.2.1",
        "Mahalle kreşlerinde çocuk kapasitesi",
        "Places in neighbourhood nurseries",
        "output_count",
        "çocuk",
        False,
        (180, 2024),
        "up",
        B,
        "yearly",
        "Sosyal Hizmetler",
        {2025: 240, 2026: 320, 2027: 400, 2028: 480},
        [(2025, 0, 200, "approved", "Bir kreşin inşaatı gecikti.")],
    ),
    (
        "3.2",
        "Kreşte çocuğu olan annelerin istihdama katılımı",
        "Employment of mothers with a child in the nurseries",
        "qualitative",
        "",
        False,
        (None, None),
        "up",
        B,
        "yearly",
        "Veli anketi",
        {},
        [
            (
                2025,
                0,
                None,
                "approved",
                "Anket: velilerin %38'i kreş sayesinde işe başladığını söyledi.",
            )
        ],
    ),
    (
        "4.1",
        "Müdür ve üstü kadrolarda kadınların payı",
        "Women's share among directors and above",
        "women_share",
        "%",
        False,
        (27, 2024),
        "band",
        (40, 60),
        "yearly",
        "İnsan Kaynakları",
        {},
        [(2025, 0, 31, "approved", "48 yöneticiden 15'i kadın.")],
    ),
    (
        "4.1.2",
        "Kadın meclisi toplantılarına katılan kadın",
        "Women attending women's assembly meetings",
        "output_count",
        "kişi",
        False,
        (90, 2024),
        "up",
        B,
        "half_yearly",
        "Kent Konseyi",
        {2025: 120, 2026: 150, 2027: 180, 2028: 200},
        [
            (2025, 1, 64, "approved", ""),
            (2025, 2, 131, "approved", ""),
            (2026, 1, 88, "approved", ""),
        ],
    ),
    (
        "4.1.1",
        "Atamalarda cinsiyet izleme raporu yayımlandı",
        "Sex-balance report on appointments published",
        "yes_no",
        "",
        False,
        (0, 2024),
        "up",
        B,
        "yearly",
        "İnsan Kaynakları",
        {2025: 1, 2026: 1, 2027: 1, 2028: 1},
        [(2025, 0, 1, "approved", "Rapor meclise sunuldu.")],
    ),
    (
        "5.1.1",
        "Danışma hattına gelen başvuru",
        "Calls to the counselling line",
        "output_count",
        "başvuru",
        False,
        (0, 2024),
        "up",
        B,
        "half_yearly",
        "Kadın Danışma Merkezi",
        {2025: 800, 2026: 1200, 2027: 1400, 2028: 1500},
        [
            (2025, 1, 310, "approved", "Hat mart ayında açıldı."),
            (2025, 2, 840, "approved", ""),
        ],
    ),
    (
        "5.1.2",
        "Sığınak kapasitesi (yatak)",
        "Shelter capacity (beds)",
        "output_count",
        "yatak",
        False,
        (24, 2024),
        "up",
        B,
        "yearly",
        "Kadın Danışma Merkezi",
        {2025: 30, 2026: 40, 2027: 40, 2028: 48},
        [(2025, 0, 24, "approved", "Yeni bina için ihale iptal edildi.")],
    ),
    (
        "5.1.3",
        "Eğitim alan zabıta personelinin oranı",
        "Share of municipal police trained",
        "by_sex_percentage",
        "%",
        True,
        ((0, 0), 2024),
        "up",
        B,
        "yearly",
        "Zabıta Müdürlüğü",
        {2025: (100, 100)},
        [(2025, 0, (100, 96, 97), "approved", "4 erkek personel izindeydi; 2026'da tamamlanacak.")],
    ),
    (
        "6.1.1",
        "Güvenlik denetimi yapılan park oranı",
        "Share of parks with a safety audit",
        "percentage",
        "%",
        False,
        (5, 2024),
        "up",
        B,
        "yearly",
        "Park ve Bahçeler",
        {2025: 25, 2026: 50, 2027: 75, 2028: 100},
        [(2025, 0, 22, "approved", "")],
    ),
    (
        "6.1",
        "Parkları akşam güvenli bulan kadınların oranı",
        "Women who find parks safe at night",
        "gap_pp",
        "yüzde puan",
        False,
        (-18, 2024),
        "up",
        B,
        "yearly",
        "Kent güvenliği anketi",
        {2026: -12, 2028: -5},
        [(2025, 0, -15, "approved", "Kadınlar ile erkekler arasındaki fark 15 puana indi.")],
    ),
]

KINDS = {
    "output_count": ("process", "count"),
    "by_sex_count": ("outcome", "count"),
    "percentage": ("outcome", "percentage"),
    "by_sex_percentage": ("process", "percentage"),
    "qualitative": ("outcome", "qualitative"),
    "women_share": ("outcome", "women_share"),
    "yes_no": ("structural", "yes_no"),
    "gap_pp": ("outcome", "gap_pp"),
}


def _decimal(value):
    return None if value is None else Decimal(str(value))


def create(plan) -> list:
    """Define the indicators while the plan is a draft; returns what to report later."""
    pending = []
    for parent_code, tr, en, kind, unit, by_sex, (
        baseline,
        baseline_year,
    ), direction, band, frequency, source, targets, history in INDICATORS:
        if parent_code.count(".") == 2:
            parent = Action.objects.get(objective__aim__plan=plan, code=parent_code)
        else:
            parent = Objective.objects.get(aim__plan=plan, code=parent_code)
        # An objective's indicator is reported by the lead of its first action.
        lead = (
            parent.lead_directorate
            if isinstance(parent, Action)
            else parent.actions.first().lead_directorate
        )
        indicator_kind, measure = KINDS[kind]
        target_rows = []
        for year, value in targets.items():
            if isinstance(value, tuple):
                target_rows.append(
                    {"year": year, "women": _decimal(value[0]), "men": _decimal(value[1])}
                )
            else:
                target_rows.append({"year": year, "value": _decimal(value)})
        if isinstance(baseline, tuple):
            baseline = sum(baseline)
        indicator = indicators.indicator_create(
            parent=parent,
            title={"tr": tr, "en": en},
            kind=indicator_kind,
            measure=measure,
            unit=unit,
            by_sex=by_sex,
            baseline_value=_decimal(baseline),
            baseline_year=baseline_year,
            direction=direction,
            band_low=_decimal(band[0]) if band else None,
            band_high=_decimal(band[1]) if band else None,
            frequency=frequency,
            source=source,
            responsible_directorate=lead,
            targets=target_rows,
            by=None,
        )
        pending.append((indicator, history))
    return pending


RETURN_COMMENT = "Erkek sayısı düşük görünüyor; okul danışmanlığı kayıtlarını da ekler misiniz?"


def report(pending) -> None:
    """Replay each indicator's history through the same steps people take."""
    for indicator, history in pending:
        for year, half, value, status, narrative in history:
            values = {"narrative": narrative or ""}
            if isinstance(value, tuple):
                values["women"], values["men"] = _decimal(value[0]), _decimal(value[1])
                if len(value) == 3:
                    values["value"] = _decimal(value[2])
            else:
                values["value"] = _decimal(value)
            update = progress.update_save(
                indicator=indicator,
                year=year,
                half=half,
                by=None,
                submit=status != "draft",
                **values,
            )
            if status in ("approved", "returned"):
                progress.update_review(
                    update=update,
                    by=None,
                    approve=status == "approved",
                    comment="" if status == "approved" else RETURN_COMMENT,
                )
