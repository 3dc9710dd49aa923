"""Demo: the coordinator's network compares three municipalities. Örnek's figures come from
the other apps' demos; here Deneme and Yeşilova each get their decision-makers and budget
lines for the demo year (landed through the importer), an adopted action plan of three
actions with progress reported, and a public Equality in Service report, prepared and
published by their admin — so every column of the comparison is read from what was
published, and Örnek alone shows training coverage (the others held no training).

Idempotent: a municipality that already has an action plan or a report is left alone."""

from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from esitlik.core.models import Municipality, Network
from esitlik.datasets import demo_xlsx
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ImportRun
from esitlik.frameworks.models import FrameworkItem
from esitlik.plans import services, structure
from esitlik.plans.models import Action, ActionPlan
from esitlik.reports import making
from esitlik.reports.models import StoredReport

# slug: (admin, council women/men, directors women/men,
#        budget lines (directorate code, text, tag, planned, actual), plan actions)
MUNICIPALITIES = {
    "deneme": (
        "deneme",
        (7, 18),
        (3, 9),
        [
            ("KAH", "Kadın danışma merkezi", "Hedefli", 4_200_000, 3_100_000),
            ("SH", "Gıda yardımı", "Ana akım", 10_000_000, 8_500_000),
            ("FI", "Yol yapım ve onarım", "Nötr", 180_000_000, 165_000_000),
        ],
        [("Kadın danışma merkezinin açılması", "KAH", "22", 20),
         ("Kreş hizmeti", "SH", "18", 35),
         ("Personele toplumsal cinsiyet eğitimi", "KAH", "13", 60)],
    ),
    "yesilova": (
        "yesilova",
        (11, 14),
        (5, 6),
        [
            ("KAH", "Kadın kooperatiflerine destek", "Hedefli", 6_000_000, 5_200_000),
            ("SH", "Evde bakım hizmeti", "Ana akım", 4_000_000, 3_600_000),
            ("SH", "Genel yönetim giderleri", "Nötr", 90_000_000, 84_000_000),
        ],
        [("Kadın kooperatiflerinin kurulması", "KAH", "13", 70),
         ("Şiddetle mücadele eğitimleri", "KAH", "22", 50),
         ("Yaşlılara evde bakım", "SH", "18", 90)],
    ),
}  # fmt: skip


def load() -> int:
    ornek = Municipality.objects.filter(slug="ornek").first()
    run = ImportRun.objects.filter(municipality=ornek, kind=Kind.POPULATION).first()
    if run is None:
        return 0
    made = 0
    for slug, spec in MUNICIPALITIES.items():
        municipality = Municipality.objects.filter(slug=slug).first()
        if municipality is None:
            continue
        made += _data(municipality, run.year, spec)
        made += _plan(municipality, spec)
        made += _report(municipality, run.year, spec)
    network = Network.objects.filter(slug="kadin-dostu-kentler").first()
    if network is not None:
        # A demo made before Yeşilova existed gets it added to the network.
        network.municipalities.add(*Municipality.objects.filter(slug__in=MUNICIPALITIES))
    return made


def _data(municipality, year: int, spec) -> int:
    from esitlik.datasets.imports import import_file

    admin = get_user_model().objects.get(username=spec[0])
    names = {d.code: d.name["tr"] for d in municipality.directorates.all()}
    (cw, cm), (dw, dm), lines = spec[1], spec[2], spec[3]
    day = date(year, 12, 31)
    files = {
        Kind.DECISION_MAKERS: (
            "karar_organlari_{year}.xlsx",
            demo_xlsx.workbook(
                ("Kurul", "Kurul Adı", "Tarih", "Kadın", "Erkek", "Toplam"),
                [
                    ("Belediye Meclisi", "Belediye Meclisi", day, cw, cm, cw + cm),
                    ("Müdürler", "Birim müdürleri", day, dw, dm, dw + dm),
                ],
                sheet="Karar organları",
            ),
        ),
        Kind.BUDGET: (
            "butce_gerceklesme_{year}.xlsx",
            demo_xlsx.workbook(
                (
                    "Yıl",
                    "Bütçe Kodu",
                    "Müdürlük",
                    "Açıklama",
                    "Eşitlik Etiketi",
                    "Başlangıç Ödeneği",
                    "Gerçekleşen",
                ),
                [
                    (year, f"46.{n:02d}", names[code], text, tag, Decimal(planned), Decimal(actual))
                    for n, (code, text, tag, planned, actual) in enumerate(lines, start=1)
                ],
                sheet="Bütçe",
            ),  # fmt: skip
        ),
    }
    made = 0
    for kind, (name, source) in files.items():
        name = name.format(year=year)
        if ImportRun.objects.filter(municipality=municipality, file_name=name).exists():
            continue
        run = import_file(
            municipality=municipality, kind=kind, year=year, source=source, file_name=name, by=admin
        )
        if run.status != ImportRun.Status.LANDED:
            raise RuntimeError(f"demo import of {name} for {municipality.slug}: {run.problems[:5]}")
        made += 1
    return made


def _plan(municipality, spec) -> int:
    if ActionPlan.objects.filter(municipality=municipality).exists():
        return 0
    S = ActionPlan.Status
    plan = services.plan_create(
        municipality=municipality,
        title={"tr": "1. Yerel Eşitlik Eylem Planı", "en": "1st Local Equality Action Plan"},
        start_year=2025,
        end_year=2028,
        by=None,
    )
    articles = {
        a.code: a
        for a in FrameworkItem.objects.filter(
            framework__code="cemr-charter", framework__version="2006", kind="article"
        )
    }
    directorates = {d.code: d for d in municipality.directorates.all()}
    aim = structure.aim_create(plan=plan, title={"tr": "Eşit hizmet"}, by=None)
    objective = structure.objective_create(aim=aim, title={"tr": "Hizmetlere erişim"}, by=None)
    actions = [
        (
            structure.action_create(
                objective=objective,
                title={"tr": title},
                lead_directorate=directorates[lead],
                tags=[articles[article]],
                by=None,
            ),
            progress,
        )
        for title, lead, article, progress in spec[4]
    ]
    for target in (S.CONSULTATION, S.COMMISSION_REVIEW):
        plan = services.plan_transition(
            plan=plan, target=target, expected_status=plan.status, by=None
        )
    plan = services.plan_transition(
        plan=plan,
        target=S.APPROVED,
        expected_status=plan.status,
        by=None,
        decision_no="2025/9",
        decision_date=date(2025, 3, 6),
    )
    services.plan_transition(
        plan=plan, target=S.IN_IMPLEMENTATION, expected_status=plan.status, by=None
    )
    for action, progress in actions:
        structure.action_report(
            action=Action.objects.get(pk=action.pk),
            status=Action.Status.ON_TRACK,
            progress=progress,
            budget_actual=None,
            by=None,
        )
    return 1


def _report(municipality, year: int, spec) -> int:
    if StoredReport.objects.filter(municipality=municipality).exists():
        return 0
    admin = get_user_model().objects.get(username=spec[0])
    logging.getLogger("esitlik.disclosure").setLevel(logging.WARNING)
    report = making.request_report(
        municipality=municipality,
        kind=StoredReport.Kind.EQUALITY,
        year=year,
        language="tr",
        audience=StoredReport.Audience.PUBLIC,
        by=admin,
        enqueue=False,
    )
    making.build_execute(report.pk)
    report.refresh_from_db()
    if report.status == StoredReport.Status.READY:
        making.publish(report=report, by=admin)
    return 1
