"""Demo: Örnek Belediyesi signed the Charter in 2014, has an equality unit and a commission,
and is implementing the third edition of its plan after two completed ones."""

from datetime import date

from esitlik.core.models import Directorate, Municipality
from esitlik.frameworks.models import Framework
from esitlik.plans import services
from esitlik.plans.models import ActionPlan, Commitment

EDITIONS = [
    # (title TR, title EN, years, decision no, decision date, final evaluation or "")
    (
        "1. Yerel Eşitlik Eylem Planı",
        "1st Local Equality Action Plan",
        (2016, 2019),
        "2016/88",
        date(2016, 5, 4),
        "Eşitlik birimi kuruldu, 12 müdürlükte odak kişi atandı; kreş ve danışma merkezi "
        "hedeflerine ulaşıldı, istihdam hedefleri kısmen gerçekleşti.",
    ),
    (
        "2. Yerel Eşitlik Eylem Planı",
        "2nd Local Equality Action Plan",
        (2020, 2023),
        "2020/41",
        date(2020, 6, 3),
        "Pandemi döneminde şiddet önleme hizmetleri genişletildi; karar alma "
        "mekanizmalarında kadın oranı %31'den %38'e çıktı.",
    ),
    (
        "3. Yerel Eşitlik Eylem Planı",
        "3rd Local Equality Action Plan",
        (2025, 2028),
        "2025/17",
        date(2025, 2, 5),
        "",
    ),
]


def load() -> int:
    municipality = Municipality.objects.get(slug="ornek")
    created = _commitment(municipality)
    if not ActionPlan.objects.filter(municipality=municipality).exists():
        created += _editions(municipality)
    return created


def _editions(municipality) -> int:
    charter = Framework.objects.get(code="cemr-charter", version="2006")
    previous = None
    S = ActionPlan.Status
    for tr, en, (start, end), decision_no, decision_date, evaluation in EDITIONS:
        plan = services.plan_create(
            municipality=municipality,
            title={"tr": tr, "en": en},
            start_year=start,
            end_year=end,
            charter_version=charter,
            previous=previous,
            by=None,
        )
        for target in (S.CONSULTATION, S.COMMISSION_REVIEW):
            plan = services.plan_transition(
                plan=plan, target=target, expected_status=plan.status, by=None
            )
        plan = services.plan_transition(
            plan=plan,
            target=S.APPROVED,
            expected_status=plan.status,
            by=None,
            decision_no=decision_no,
            decision_date=decision_date,
        )
        plan = services.plan_transition(
            plan=plan, target=S.IN_IMPLEMENTATION, expected_status=plan.status, by=None
        )
        if evaluation:
            plan = services.plan_transition(
                plan=plan,
                target=S.COMPLETED,
                expected_status=plan.status,
                by=None,
                final_evaluation=evaluation,
            )
        previous = plan
    return len(EDITIONS)


def _commitment(municipality) -> int:
    if Commitment.objects.filter(municipality=municipality).exists():
        return 0
    services.commitment_update(
        municipality=municipality,
        by=None,
        charter_signed_on=date(2014, 3, 8),
        charter_version=Framework.objects.get(code="cemr-charter", version="2006"),
        council_decision_no="2014/23",
        council_decision_date=date(2014, 3, 4),
        unit_established=True,
        unit_since=date(2015, 10, 1),
        unit_directorate=Directorate.objects.get(municipality=municipality, code="KAH"),
        unit_staff=4,
        commission_exists=True,
        commission_since=date(2015, 1, 15),
        commission_women=5,
        commission_men=4,
        commission_legal_basis="5393 sayılı Belediye Kanunu md. 24; meclis kararı 2015/12",
    )
    return 1
