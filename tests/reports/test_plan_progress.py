"""The plan monitoring report of a small plan: its tables against what was set up, the
period's cut-off (later reports and later periods not counted), overdue and late items,
coverage, participation inputs that became actions, the Turkish sentences, the public
version, the JSON, workbook and PDF, and the command line."""

import io
import json
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal as D

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from openpyxl import load_workbook

from esitlik.core.models import AuditEntry
from esitlik.frameworks.models import FrameworkItem
from esitlik.participation import inputs as input_services
from esitlik.participation.events import event_create
from esitlik.participation.models import Event
from esitlik.plans import indicators, progress, services, structure
from esitlik.plans.models import IndicatorUpdate
from esitlik.reports import progress_words
from esitlik.reports.document import Audience, Report
from esitlik.reports.progress import PeriodError, build_progress, gather_progress, parse_period
from esitlik.reports.render import render
from tests.plans.helpers import approve, make_plan


def moment(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def backdate(obj, when: datetime, action: str) -> None:
    """Move the last audit entry ``action`` of ``obj`` to ``when``, as if it had been made
    then."""
    entry = AuditEntry.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk), action=action
    ).latest("created_at", "id")
    AuditEntry.objects.filter(pk=entry.pk).update(created_at=when)


def item(framework_code, code, version=None):
    found = FrameworkItem.objects.filter(framework__code=framework_code, code=code)
    if version:
        found = found.filter(framework__version=version)
    return found.get()


@dataclass
class Plan:
    plan: object
    helpline: object  # 3.1.1-like action of the social directorate, weight 3
    shelter: object  # overdue since March 2025
    courses: object  # completed in June 2025
    cancelled: object
    counselled: object  # indicator by sex, six-monthly
    trained: object  # percentage, yearly
    beds: object  # yearly count nobody reports
    workshop: object
    inputs: dict


def report(plan: Plan, period: str, language="en", audience=Audience.INTERNAL, **values):
    return build_progress(plan.plan, period, language=language, audience=audience, **values)


def rows(table) -> dict:
    keys = [column.key for column in table.columns]
    return {row[0]: dict(zip(keys, row, strict=True)) for row in table.rows}


@pytest.fixture
def monitored(world) -> Plan:
    """A 2025–2028 plan in implementation: two aims, four actions, three indicators, a
    workshop with five inputs; progress reported in May and June 2025 and again later."""
    plan = make_plan(world)
    violence = structure.aim_create(
        plan=plan,
        title={"tr": "Şiddetle mücadele", "en": "Combating violence"},
        heading=item("yeep-headings", "5"),
        by=world.alice,
    )
    counselling = structure.objective_create(
        aim=violence, title={"tr": "Danışma", "en": "Counselling"}, by=world.alice
    )
    helpline = structure.action_create(
        objective=counselling,
        title={"tr": "Danışma hattı", "en": "Helpline"},
        lead_directorate=world.social,
        tags=[item("cemr-charter", "22", "2006")],
        weight=3,
        start_date=date(2025, 1, 1),
        end_date=date(2026, 12, 31),
        by=world.alice,
    )
    shelter = structure.action_create(
        objective=counselling,
        title={"tr": "Sığınak onarımı", "en": "Shelter repairs"},
        lead_directorate=world.parks,
        end_date=date(2025, 3, 31),
        by=world.alice,
    )
    education = structure.aim_create(
        plan=plan,
        title={"tr": "Eğitimde eşitlik", "en": "Equality in education"},
        heading=item("yeep-headings", "1"),
        by=world.alice,
    )
    training = structure.objective_create(
        aim=education, title={"tr": "Eğitim", "en": "Training"}, by=world.alice
    )
    courses = structure.action_create(
        objective=training,
        title={"tr": "Yönetici eğitimi", "en": "Managers' courses"},
        lead_directorate=world.parks,
        end_date=date(2025, 6, 30),
        by=world.alice,
    )
    cancelled = structure.action_create(
        objective=training,
        title={"tr": "İptal edilen", "en": "Called off"},
        lead_directorate=world.parks,
        weight=10,
        end_date=date(2025, 2, 1),
        by=world.alice,
    )
    counselled = indicators.indicator_create(
        parent=helpline,
        title={"tr": "Danışmanlık alanlar", "en": "People counselled"},
        kind="outcome",
        measure="count",
        unit="kişi",
        by_sex=True,
        frequency="half_yearly",
        baseline_value=D(100),
        baseline_year=2024,
        responsible_directorate=world.social,
        targets=[{"year": 2025, "women": D(150), "men": D(30)}],
        by=world.alice,
    )
    trained = indicators.indicator_create(
        parent=training,
        title={"tr": "Eğitim alan yöneticiler", "en": "Managers trained"},
        kind="outcome",
        measure="percentage",
        baseline_value=D(10),
        baseline_year=2024,
        responsible_directorate=world.parks,
        targets=[{"year": 2025, "value": D(50)}],
        by=world.alice,
    )
    beds = indicators.indicator_create(
        parent=shelter,
        title={"tr": "Yatak sayısı", "en": "Beds"},
        kind="process",
        measure="count",
        responsible_directorate=world.parks,
        targets=[{"year": 2025, "value": D(20)}],
        by=world.alice,
    )
    plan = approve(plan)

    # Progress as the directorates reported it: in May and June 2025, then much later.
    structure.action_report(
        action=helpline, by=world.bob, status="on_track", progress=40, budget_actual=None
    )
    backdate(helpline, moment(2025, 5, 10, 9), "plans.action.reported")
    helpline.refresh_from_db()
    structure.action_report(
        action=helpline,
        by=world.bob,
        status="on_track",
        progress=80,
        budget_actual=None,
        version=helpline.version,
    )
    structure.action_report(
        action=courses, by=world.alice, status="completed", progress=100, budget_actual=None
    )
    backdate(courses, moment(2025, 6, 15, 9), "plans.action.reported")
    structure.action_report(
        action=cancelled, by=world.alice, status="cancelled", progress=0, budget_actual=None
    )
    backdate(cancelled, moment(2025, 2, 1, 9), "plans.action.reported")

    def approved(indicator, year, half, sent, **values):
        update = progress.update_save(
            indicator=indicator, year=year, half=half, by=world.bob, submit=True, **values
        )
        update = progress.update_review(update=update, by=world.alice, approve=True)
        IndicatorUpdate.objects.filter(pk=update.pk).update(submitted_at=sent)
        return update

    # 2025/1 came in ten days after its due date (30 July); 2025/2 has 3 men.
    approved(
        counselled,
        2025,
        1,
        moment(2025, 8, 9, 12),
        women=D(160),
        men=D(20),
        narrative="Hat açıldı.",
    )
    approved(
        counselled,
        2025,
        2,
        moment(2026, 1, 20, 12),
        women=D(200),
        men=D(3),
        narrative="Gece hattı eklendi.",
    )
    approved(trained, 2025, 0, moment(2026, 1, 15, 12), value=D(30), narrative="İç not: gizli.")

    workshop = event_create(
        municipality=world.home,
        by=world.alice,
        kind=Event.Kind.WORKSHOP,
        title="Kadın örgütleriyle çalıştay",
        starts_at=datetime(2025, 3, 4, 10, tzinfo=UTC),
        status=Event.Status.HELD,
        plan=plan,
        women=20,
        men=3,
    )

    def raised(text, status, actions=(), **values):
        values.setdefault("event", workshop)
        made = input_services.input_create(
            municipality=world.home, by=world.bob, kind="proposal", text=text, **values
        )
        if status != "under_review":
            input_services.input_decide(
                item=made,
                by=world.alice,
                status=status,
                actions=actions,
                reason="" if status == "taken" else "Bütçe yok.",
            )
        return made

    made = {
        "taken": raised("Ayşe Hanım: 7/24 danışma hattı açılsın.", "taken", [helpline]),
        "partly": raised("Hat ve eğitim birlikte.", "partly_taken", [helpline, courses]),
        "not": raised("Yeni bina yapılsın.", "not_taken"),
        "pending": raised("Kreş açılsın.", "under_review"),
        # Sent in after the first half year, traced to the courses: only in later reports.
        "later": raised(
            "Eğitim herkese.",
            "taken",
            [courses],
            event=None,
            channel="portal",
            received_on=date(2025, 9, 1),
        ),
    }
    input_services.input_create(
        municipality=world.other, by=world.oscar, kind="need", text="Iğdır'ın görüşü"
    )
    return Plan(
        plan,
        helpline,
        shelter,
        courses,
        cancelled,
        counselled,
        trained,
        beds,
        workshop,
        made,
    )


# Tables ------------------------------------------------------------------------------------


def test_progress_is_read_as_it_stood_at_the_end_of_the_half_year(monitored):
    first = report(monitored, "2025H1")
    actions = rows(first.section("progress").table("actions"))
    # The 80% reported in 2026 comes after the cut-off (30 July 2025): 40% counts.
    assert actions["1.1.1"]["progress"] == pytest.approx(0.4)
    assert actions["1.1.1"]["status"] == "On track"
    assert actions["1.1.1"]["reported"] == "2025-05-10"
    assert actions["1.1.1"]["directorate"] == "Sosyal Hizmetler Müdürlüğü"
    assert actions["1.1.1"]["end"] == "2026-12-31"
    assert actions["1.1.2"]["status"] == "Not started"
    assert actions["2.1.1"]["progress"] == 1.0
    assert actions["2.1.2"]["status"] == "Cancelled"
    aims = rows(first.section("progress").table("aims"))
    # Helpline 40% × 3 and shelter 0% × 1; the cancelled action (weight 10) is left out.
    assert aims["1"]["progress"] == pytest.approx(0.3)
    assert aims["2"]["progress"] == 1.0
    assert (aims["1"]["actions"], aims["2"]["completed"]) == (2, 1)
    assert first.section("summary").findings[0] == "The plan's weighted progress is 44%."
    directorates = rows(first.section("progress").table("directorates"))
    assert directorates["Park ve Bahçeler Müdürlüğü"]["overdue"] == 1
    chart = first.section("progress").charts[0]
    assert chart.table == "aims" and chart.spec["layer"][0]["mark"]["type"] == "bar"
    assert "furthest along: 2. Equality in education (100%)" in chart.description


def test_the_next_period_compares_with_the_one_before_and_the_current_year_has_the_latest(
    monitored,
):
    second = report(monitored, "2025H2")
    aims = rows(second.section("progress").table("aims"))
    assert aims["1"]["previous"] == pytest.approx(0.3)
    assert [c.label for c in second.section("progress").table("aims").columns][-1] == (
        "At the end of 2025/1"
    )
    # Still 40% on 30 January 2026, the year's reporting deadline.
    assert rows(report(monitored, "2025").section("progress").table("actions"))["1.1.1"][
        "progress"
    ] == pytest.approx(0.4)
    running = report(monitored, "2026", today=date(2026, 11, 23))
    assert rows(running.section("progress").table("actions"))["1.1.1"]["progress"] == 0.8
    assert "The period is not over yet" in running.section("summary").paragraphs[1]


def test_indicators_show_the_latest_value_of_a_period_up_to_the_reports(monitored):
    first = rows(report(monitored, "2025H1").section("indicators").table("indicators"))
    counselled = first[monitored.counselled.code]
    # 2025/2 (203 people) is a later period: the first half shows 2025/1.
    assert (counselled["latest_value"], counselled["women_value"]) == (180.0, 160.0)
    assert counselled["period"] == "2025/1"
    assert counselled["target"] == "180 kişi" and counselled["baseline"] == "100 kişi (2024)"
    assert counselled["status"] == "Target met"
    # A yearly value belongs to the whole year, not to its first half.
    assert first[monitored.trained.code]["status"] == "No approved value yet"
    year = rows(report(monitored, "2025").section("indicators").table("indicators"))
    trained = year[monitored.trained.code]
    assert (trained["latest"], trained["target"], trained["baseline"]) == (
        "30%",
        "50%",
        "10% (2024)",
    )
    # 30 is half the way from 10 to 50.
    assert trained["status"] == "Progressing"
    assert year[monitored.counselled.code]["latest_value"] == 203.0
    lights = rows(report(monitored, "2025").section("indicators").table("lights"))
    assert {label: row["count"] for label, row in lights.items()} == {
        "Target met": 1,
        "Progressing": 1,
        "No approved value yet": 1,
    }


def test_overdue_and_late_items_are_judged_at_the_periods_end(monitored):
    first = report(monitored, "2025H1").section("overdue")
    items = first.table("items")
    # The shelter was due on 31 March: 91 days late on 30 June. The cancelled one is not.
    assert [(r[2], r[6], r[7]) for r in items.rows] == [("1.1.2", "Overdue", 91)]
    by = rows(first.table("by_directorate"))
    assert by["Park ve Bahçeler Müdürlüğü"]["actions"] == 1
    assert first.findings[0].startswith("On 30 Jun 2025, 1 action was past its end date")
    # Six months later: 2025/1's figures were sent ten days after 30 July.
    late = report(monitored, "2025H2").section("overdue").table("items")
    assert ["Sent late", 10] in [r[6:8] for r in late.rows if r[2] == monitored.counselled.code]
    # In 2026H1 nobody has sent the 2025 beds figures, due on 30 January 2026.
    owed = report(monitored, "2026H1").section("overdue").table("items").rows
    beds = next(r for r in owed if r[2] == monitored.beds.code)
    assert beds[4:8] == ["2025", "2026-01-30", "Overdue", 151]
    assert "1.1.2" in [r[2] for r in owed]  # and the shelter is still overdue


def test_coverage_counts_the_charter_articles_and_headings_reached(monitored):
    section = report(monitored, "2025H1").section("coverage")
    articles = rows(section.table("articles"))
    assert len(articles) == 30
    assert (articles["22"]["actions"], articles["22"]["indicators"]) == (1, 1)
    assert articles["22"]["progress"] == pytest.approx(0.4)
    assert articles["1"]["actions"] == 0 and articles["1"]["progress"] is None
    headings = section.table("headings")
    assert sorted(headings.values("actions")) == [0, 0, 0, 0, 2, 2]
    assert section.findings[0] == (
        "The actions cover 1 of the Charter's 30 articles and 2 of the 6 YEEP headings."
    )
    assert section.table("matrix").detail


def test_the_inputs_that_became_actions_and_what_became_of_the_rest(monitored):
    first = report(monitored, "2025H1").section("participation")
    decisions = rows(first.table("decisions"))
    # The input sent in on 1 September is not in the first half year's report.
    assert {k: v["inputs"] for k, v in decisions.items()} == {
        "Taken into the plan": 1,
        "Partly taken into the plan": 1,
        "Not taken into the plan": 1,
        "Under review": 1,
        "Total": 4,
    }
    became = rows(first.table("became"))
    assert set(became) == {"1.1.1", "2.1.1"}
    helpline = became["1.1.1"]
    assert helpline["inputs"] == 2 and helpline["progress"] == pytest.approx(0.4)
    assert helpline["references"] == ", ".join(
        sorted([monitored.inputs["taken"].reference, monitored.inputs["partly"].reference])
    )
    # The events held first, then what became of the inputs raised at them.
    assert first.findings == [
        "1 event was held for this plan, with 23 participants, 87% of them women.",
        "Of 4 inputs raised for this plan, 2 were taken into it (1 fully, 1 in part), 1 was "
        "not and 1 is still under review; the inputs taken became 2 actions.",
    ]
    said = first.table("taken").values("text")
    assert "Ayşe Hanım: 7/24 danışma hattı açılsın." in said
    assert "Iğdır'ın görüşü" not in said
    year = report(monitored, "2025").section("participation")
    assert rows(year.table("became"))["2.1.1"]["inputs"] == 2


def test_the_public_version_leaves_out_what_is_internal_and_hides_small_counts(monitored):
    internal = report(monitored, "2025")
    public = report(monitored, "2025", audience=Audience.PUBLIC)
    text = json.dumps(public.to_dict(), ensure_ascii=False)
    for secret in ("Ayşe Hanım", "İç not: gizli.", "Gece hattı eklendi."):
        assert secret in json.dumps(internal.to_dict(), ensure_ascii=False)
        assert secret not in text
    # The workshop's 3 men, and one more count so they cannot be worked out from the total.
    people = rows(public.section("participation").table("participants"))
    assert people["Men"]["count"] == "c" and people["Men"]["share"] == "c"
    assert "c" in (people["Women"]["count"], people["Total"]["count"])
    assert public.section("participation").findings[0] == (
        "1 event was held for this plan, with 23 participants."
    )
    # 2025/2 of the helpline indicator: 3 men of 203.
    counselled = rows(public.section("indicators").table("indicators"))[monitored.counselled.code]
    assert counselled["men"] == "c" and counselled["men_value"] == "c"
    assert "c" in (counselled["women"], counselled["latest"])
    assert {r["label"] for r in public.disclosure} >= {
        "participants",
        f"indicator:{monitored.counselled.code}",
    }
    method = " ".join(public.section("method").paragraphs)
    assert "leaves out what each input said" in method
    assert "cells are hidden in this report" in method
    assert internal.disclosure == []
    assert (
        rows(internal.section("indicators").table("indicators"))[monitored.counselled.code]["men"]
        == "3 kişi"
    )


def test_the_turkish_sentences_put_their_suffixes_on_the_numbers(monitored):
    summary = report(monitored, "2025H1", language="tr").section("summary")
    assert summary.findings[:3] == [
        "Planın ağırlıklı ilerlemesi %44.",
        "4 faaliyetin 1'i tamamlandı, 1'i planlandığı gibi sürüyor, 1'i henüz başlamadı ve "
        "1'i iptal edildi.",
        "1 faaliyet için 30.07.2025 tarihine kadar ilerleme bildirilmedi.",
    ]
    assert summary.findings[4].startswith(
        "30.06.2025 itibarıyla bitiş tarihi geçtiği hâlde tamamlanmamış 1 faaliyet var."
    )
    assert summary.findings[5] == (
        "Faaliyetler Şart'ın 30 maddesinin 1'ini ve 6 YEEP başlığının 2'sini kapsıyor."
    )
    assert summary.findings[6] == (
        "Bu plan için kaydedilen 4 görüşün 2'si plana alındı (1'i tamamen, 1'i kısmen), 1'i "
        "plana alınmadı ve 1'i hâlâ değerlendiriliyor; plana alınan görüşler 2 faaliyete "
        "dönüştü."
    )
    second = report(monitored, "2025H2", language="tr").section("summary")
    assert (
        second.findings[0] == "Planın ağırlıklı ilerlemesi %44. Bir önceki dönemin sonunda %44 idi."
    )


@pytest.mark.parametrize(
    ("count", "accusative"),
    [
        (1, "1'ini"),
        (3, "3'ünü"),
        (6, "6'sını"),
        (9, "9'unu"),
        (18, "18'ini"),
        (40, "40'ını"),
        (100, "100'ünü"),
    ],
)
def test_the_accusative_follows_the_spoken_number(count, accusative):
    assert progress_words._acc(count) == accusative


def test_the_indicator_sentence_in_both_languages():
    counts = {"achieved": 10, "progressing": 6, "off_track": 4, "no_data": 3}
    assert progress_words.indicators_sentence(counts, "tr") == (
        "23 göstergenin 10'u hedefine ulaştı, 6'sı hedefe doğru ilerliyor, 4'ü hedefin "
        "gerisinde ve 3'ü için henüz onaylı değer yok."
    )
    assert progress_words.indicators_sentence({"no_data": 2}, "en") == (
        "None of the 2 indicators has an approved value yet."
    )
    assert progress_words.actions_sentence({"completed": 1}, "en") == (
        "The one action is completed."
    )


# Formats -----------------------------------------------------------------------------------


def test_the_json_round_trips_and_names_what_it_was_made_from(monitored):
    made = report(monitored, "2025H1")
    data = json.loads(render(made, "json"))
    assert data["schema"] == "esitlik/report/plan-progress"
    assert data["period"] == {
        "plan": monitored.plan.pk,
        "edition": monitored.plan.edition,
        "period": "2025H1",
        "label": "January–June 2025",
        "start": "2025-01-01",
        "end": "2025-06-30",
    }
    inputs = data["inputs"]
    assert inputs["plan"]["id"] == monitored.plan.pk
    assert inputs["plan"]["status"] == "in_implementation"
    assert (inputs["period"], inputs["judged_on"], inputs["reports_until"]) == (
        "2025H1",
        "2025-06-30",
        "2025-07-30",
    )
    assert inputs["today"] == timezone.localdate().isoformat()
    assert Report.from_dict(data).to_dict() == data
    assert [s["id"] for s in data["sections"]] == [
        "summary",
        "progress",
        "indicators",
        "overdue",
        "coverage",
        "participation",
        "method",
    ]


def test_the_workbook_has_the_progress_as_numbers(monitored):
    book = load_workbook(io.BytesIO(render(report(monitored, "2025H1"), "xlsx")))
    sheet = book[book.sheetnames[2]]  # 2. Progress by aim, objective and action
    helpline = next(row for row in sheet.iter_rows() if row[0].value == "1.1.1" and row[3].value)
    assert helpline[1].value == "Helpline"
    assert helpline[4].value == pytest.approx(0.4) and helpline[4].number_format == "0.0%"
    overdue = book[book.sheetnames[4]]
    days = [row[7].value for row in overdue.iter_rows() if row[2].value == "1.1.2"]
    assert days == [91]


def test_the_pdf_text_carries_the_turkish_findings(monitored, tmp_path):
    path = tmp_path / "izleme.pdf"
    path.write_bytes(render(report(monitored, "2025H1", language="tr"), "pdf"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Planın ağırlıklı ilerlemesi %44." in flat
    assert "4 faaliyetin 1'i tamamlandı" in flat
    assert "Danışma hattı" in flat and "%40,0" in flat
    assert "Ayşe Hanım" not in flat  # the inputs' words are in the workbook, not on the page


# Periods and the command -------------------------------------------------------------------


@pytest.fixture
def english():
    """Messages in English (the site's language, and so the command's, is Turkish)."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("text", "year", "half"),
    [("2025H1", 2025, 1), ("2025h2", 2025, 2), ("2025", 2025, 0), ("2025/1", 2025, 1)],
)
def test_periods_are_read_in_the_ways_people_write_them(text, year, half):
    assert (parse_period(text).year, parse_period(text).half) == (year, half)


@pytest.mark.parametrize("text", ["2025H3", "H1", "25H1", "2025-07", ""])
def test_a_bad_period_says_what_is_expected(text, english):
    with pytest.raises(PeriodError, match="2025H1 for January–June, 2025H2 for July–December"):
        parse_period(text)


def test_periods_outside_the_plan_or_not_started_are_refused(monitored, world, english):
    with pytest.raises(PeriodError, match="The plan runs 2025–2028; 2024H2 is outside it"):
        gather_progress(monitored.plan, "2024H2")
    with pytest.raises(PeriodError, match="2028H2 has not started yet"):
        gather_progress(monitored.plan, "2028H2", today=date(2026, 11, 23))
    draft = services.plan_create(
        municipality=world.home, title={"tr": "4. YEEP"}, start_year=2029, end_year=2032, by=None
    )
    with pytest.raises(PeriodError, match="not adopted yet"):
        gather_progress(draft, "2029")


def test_the_command_writes_the_report_and_says_what_is_wrong(monitored, tmp_path, english):
    target = tmp_path / "izleme.xlsx"
    out = io.StringIO()
    call_command(
        "report",
        "plan-progress",
        municipality="ornek",
        plan=monitored.plan.pk,
        period="2025H1",
        output=str(target),
        lang="en",
        public=True,
        stdout=out,
    )
    assert target.read_bytes()[:2] == b"PK"
    assert "(xlsx, en, public)" in out.getvalue()

    def refused(**values):
        values.setdefault("plan", monitored.plan.pk)
        values.setdefault("period", "2025H1")
        with pytest.raises(CommandError) as raised:
            call_command(
                "report", "plan-progress", municipality="ornek", output=str(target), **values
            )
        return str(raised.value)

    assert "2025H1 for January–June" in refused(period="2025H3")
    assert "needs --period" in refused(period=None)
    assert refused(plan=None).startswith("plan-progress needs --plan")
    assert f"Plan {monitored.plan.pk + 100} does not exist" in refused(plan=monitored.plan.pk + 100)
    assert "outside it" in refused(period="2030")
    with pytest.raises(CommandError, match="needs --year"):
        call_command("report", "equality-in-service", municipality="ornek", output=str(target))


def test_another_municipalitys_plan_cannot_be_reported_under_this_slug(monitored, world, tmp_path):
    theirs = services.plan_create(
        municipality=world.other,
        title={"tr": "Iğdır YEEP"},
        start_year=2025,
        end_year=2028,
        by=None,
    )
    target = tmp_path / "report.json"
    with pytest.raises(CommandError, match=f"Plan {theirs.pk} belongs to another municipality"):
        call_command(
            "report",
            "plan-progress",
            municipality="ornek",
            plan=theirs.pk,
            period="2025",
            output=str(target),
        )
    assert not target.exists()
    # Their own inputs never reach this plan's report.
    data = report(monitored, "2025").to_json()
    assert "Iğdır" not in data


def test_the_indicator_values_are_plain_numbers_in_the_workbook_and_the_json(monitored):
    built = report(monitored, "2025H1")
    table = built.section("indicators").table("indicators")
    types = {column.key: column.type for column in table.columns}
    for key in ("baseline_value", "target_value", "latest_value", "women_value", "men_value"):
        assert types[key] == "number"
    data = json.loads(render(built, "json"))
    [indicators_table] = [
        t
        for s in data["sections"]
        if s["id"] == "indicators"
        for t in s["tables"]
        if t["id"] == "indicators"
    ]
    assert {c["key"]: c["type"] for c in indicators_table["columns"]}["latest_value"] == "number"

    book = load_workbook(io.BytesIO(render(built, "xlsx")))
    sheet = book[book.sheetnames[3]]  # 3. Indicators against their targets
    header = next(row for row in sheet.iter_rows() if row[0].value == "Code")
    at = {cell.value: index for index, cell in enumerate(header)}
    counselled = next(row for row in sheet.iter_rows() if row[0].value == monitored.counselled.code)
    latest = counselled[at["Latest value (number)"]]
    assert latest.value == 180 and latest.data_type == "n" and latest.number_format == "#,##0"
    assert counselled[at["Women (number)"]].value == 160


def test_a_plain_number_with_decimals_gets_two_decimals_in_the_workbook():
    from esitlik.reports.render_xlsx import number_format

    assert number_format("number", 12.5) == "#,##0.00"
    assert number_format("number", 12.0) == "#,##0"
    assert number_format("text", 12.0) is None
