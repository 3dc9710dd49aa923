"""Demo: Örnek Belediyesi signed the Charter in 2014, has an equality unit and a commission,
and is implementing the third edition of its plan after two completed ones."""

from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone

from esitlik.core.models import AuditEntry, Directorate, Municipality
from esitlik.frameworks.models import Framework, FrameworkItem
from esitlik.plans import demo_indicators, services, structure
from esitlik.plans.demo_structure import STRUCTURE, amount, month
from esitlik.plans.models import Action, ActionPlan, Commitment

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

    def move(plan, target, **extra):
        return services.plan_transition(
            plan=plan, target=target, expected_status=plan.status, by=None, **extra
        )

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
        # Only the running edition gets its full structure in the demo.
        reports = [] if evaluation else _structure(plan, municipality)
        pending = [] if evaluation else demo_indicators.create(plan)
        plan = move(move(plan, S.CONSULTATION), S.COMMISSION_REVIEW)
        plan = move(plan, S.APPROVED, decision_no=decision_no, decision_date=decision_date)
        plan = move(plan, S.IN_IMPLEMENTATION)
        _report(reports)
        demo_indicators.report(pending)
        if evaluation:
            plan = move(plan, S.COMPLETED, final_evaluation=evaluation)
        previous = plan
    return len(EDITIONS)


def _structure(plan, municipality) -> list:
    """Aims, objectives and actions of the running edition; statuses as reported in 2026."""
    directorates = {d.code: d for d in municipality.directorates.all()}
    headings = {h.code: h for h in FrameworkItem.objects.filter(framework__code="yeep-headings")}
    articles = {
        a.code: a
        for a in FrameworkItem.objects.filter(
            framework__code="cemr-charter", framework__version="2006", kind="article"
        )
    }
    reports = []
    for heading, aim_tr, aim_en, objectives in STRUCTURE:
        aim = structure.aim_create(
            plan=plan, title={"tr": aim_tr, "en": aim_en}, heading=headings[heading], by=None
        )
        for objective_tr, objective_en, actions in objectives:
            objective = structure.objective_create(
                aim=aim, title={"tr": objective_tr, "en": objective_en}, by=None
            )
            for (
                tr,
                en,
                lead,
                supporting,
                start,
                end,
                budget,
                groups,
                tags,
                status,
                progress,
            ) in actions:
                action = structure.action_create(
                    objective=objective,
                    title={"tr": tr, "en": en},
                    lead_directorate=directorates[lead],
                    supporting_directorates=[directorates[c] for c in supporting],
                    start_date=month(start),
                    end_date=month(end),
                    budget_planned=amount(budget),
                    target_groups=groups,
                    tags=[articles[c] for c in tags],
                    by=None,
                )
                reports.append((action, status, progress, amount(budget)))
    return reports


# Earlier progress reports, as shares of the latest progress, and the day each was sent: the
# plan monitoring report reads an action's progress at a period's end back from the audit
# log, so the demo's history gives its 2025 and 2026/1 reports something to show.
EARLIER_REPORTS = ((date(2025, 12, 10), 0.4), (date(2026, 6, 22), 0.75))


def _report(reports) -> None:
    """Progress as the focal points reported it, once the plan is in implementation: twice
    before (backdated), then as it stands."""
    for action, status, progress, budget in reports:
        for day, share in EARLIER_REPORTS:
            if action.start_date and action.start_date > day or day >= timezone.localdate():
                continue
            earlier = int(progress * share) // 5 * 5
            if earlier == 0:
                continue
            structure.action_report(
                action=action,
                status=Action.Status.ON_TRACK,
                progress=earlier,
                budget_actual=(budget * earlier / 100).quantize(Decimal("1")) if budget else None,
                by=None,
            )
            action.refresh_from_db()
            _backdate(action, day)
        spent = (budget * progress / 100).quantize(Decimal("1")) if budget else None
        structure.action_report(
            action=action, status=status, progress=progress, budget_actual=spent, by=None
        )
        action.refresh_from_db()


def _backdate(action, day: date) -> None:
    entry = AuditEntry.objects.filter(
        action="plans.action.reported", object_id=str(action.pk)
    ).latest("id")
    noon = timezone.make_aware(datetime.combine(day, time(12, 0)))
    AuditEntry.objects.filter(pk=entry.pk).update(created_at=noon)


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
