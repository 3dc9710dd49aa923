"""The Excel round trip of a plan: real files written with openpyxl, read with python-calamine."""

import io
import zipfile
from datetime import date
from decimal import Decimal as D
from types import SimpleNamespace

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl.utils import get_column_letter

from esitlik.core.models import AuditEntry
from esitlik.frameworks.models import FrameworkItem
from esitlik.plans import indicators, structure
from esitlik.plans.models import (
    Action,
    Aim,
    Indicator,
    IndicatorTarget,
    Objective,
    Partner,
)
from esitlik.plans.workbook import cells
from esitlik.plans.workbook.columns import LANGUAGES, SHEETS
from esitlik.plans.workbook.export import plan_workbook
from esitlik.plans.workbook.load import workbook_import
from tests.plans.helpers import approve


@pytest.fixture(autouse=True)
def english():
    """Messages and headings are asserted in English unless a test says otherwise."""
    with translation.override("en"):
        yield


@pytest.fixture
def full(plan, world):
    """A plan with something in every column."""
    heading = FrameworkItem.objects.get(framework__code="yeep-headings", code="5")
    aim = structure.aim_create(
        plan=plan,
        title={"tr": "Şiddetle mücadele", "en": "Fighting violence"},
        heading=heading,
        by=world.alice,
    )
    objective = structure.objective_create(
        aim=aim, title={"tr": "Danışma", "en": "Counselling"}, by=world.alice
    )
    action = structure.action_create(
        objective=objective,
        title={"tr": "Danışma hattı"},
        lead_directorate=world.social,
        supporting_directorates=[world.parks],
        partners=["Kadın Dayanışma Vakfı, İzmir Şubesi", "Baro"],
        start_date=date(2025, 3, 1),
        end_date=date(2026, 12, 31),
        budget_planned=D("12500.50"),
        target_groups=["women", "refugees"],
        status="on_track",
        progress=20,
        weight=2,
        by=world.alice,
    )
    lighting = structure.action_create(
        objective=objective,
        title={"tr": "Parklarda aydınlatma"},
        lead_directorate=world.parks,
        by=world.alice,
    )
    counted = indicators.indicator_create(
        parent=action,
        title={"tr": "Danışmanlık alan kadın sayısı"},
        kind="outcome",
        measure="count",
        unit="kişi",
        by_sex=True,
        baseline_value=D(120),
        baseline_year=2024,
        source="Hizmet kaydı",
        targets=[{"year": 2026, "women": D(150), "men": D(50)}],
        by=world.alice,
    )
    share = indicators.indicator_create(
        parent=objective,
        title={"tr": "Kadın çalışan payı"},
        kind="outcome",
        measure="women_share",
        direction="band",
        band_low=D(40),
        band_high=D(60),
        frequency="half_yearly",
        responsible_directorate=world.social,
        targets=[{"year": 2025, "value": D("45.5")}],
        by=world.alice,
    )
    AuditEntry.objects.all().delete()
    return SimpleNamespace(
        plan=plan,
        aim=aim,
        objective=objective,
        action=action,
        lighting=lighting,
        counted=counted,
        share=share,
    )


def state():
    """Everything an import could touch, to prove a failed one touched nothing."""
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            Aim,
            Objective,
            Action,
            Indicator,
            IndicatorTarget,
            Partner,
            Action.supporting_directorates.through,
            Action.partners.through,
            AuditEntry,
        )
    ]


def export(plan, language="en") -> bytes:
    with translation.override(language):
        return plan_workbook(plan)


def edited(data: bytes, edit) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(data))
    edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def column(ws, header: str) -> int:
    return next(c.column for c in ws[1] if c.value == header)


def cell(ws, code: str, header: str):
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == code)
    return ws.cell(row=row, column=column(ws, header))


def append(ws, values: dict) -> int:
    """Fill the first empty row; returns its number as Excel shows it."""
    row = next(r for r in range(2, ws.max_row + 2) if ws.cell(row=r, column=1).value is None)
    for header, value in values.items():
        ws.cell(row=row, column=column(ws, header), value=value)
    return row


def load(plan, user, data: bytes):
    return workbook_import(plan=plan, membership=user.memberships.get(), by=user, data=data)


def where(outcome):
    return [(p.sheet, p.row, p.column, p.message) for p in outcome.problems]


def refused(full, world, edit, user=None):
    """Import an edited export that must fail; the database must be untouched."""
    before = state()
    outcome = load(full.plan, user or world.alice, edited(export(full.plan), edit))
    assert not outcome.ok
    assert state() == before
    return outcome


# Exporting ---------------------------------------------------------------------------------


def test_it_exports_one_sheet_per_level_with_styled_frozen_headings(full):
    book = openpyxl.load_workbook(io.BytesIO(export(full.plan)))
    assert book.sheetnames == ["Aims", "Objectives", "Actions", "Indicators", "Lists", "About"]
    actions = book["Actions"]
    assert [c.value for c in actions[1]][:4] == [
        "Code",
        "Action (Turkish)",
        "Action (English)",
        "Lead directorate",
    ]
    assert actions["A1"].font.b and actions["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    assert actions.freeze_panes == "B2"
    assert actions.column_dimensions["B"].width == 50
    assert cell(actions, "1.1.1", "Start").value.date() == date(2025, 3, 1)
    assert cell(actions, "1.1.1", "Start").number_format == "DD.MM.YYYY"
    assert cell(actions, "1.1.1", "Lead directorate").value == "Sosyal Hizmetler Müdürlüğü"
    assert cell(actions, "1.1.1", "Target groups").value == "Women; Refugees"
    assert cell(actions, "1.1.1", "Partners").value == "Baro; Kadın Dayanışma Vakfı, İzmir Şubesi"
    # Codes are text, and so is what is typed below them: 1.10 must not become 1.1.
    assert actions["A2"].data_type == "s" and actions["A300"].number_format == "@"
    indicators_ws = book["Indicators"]
    headings = [c.value for c in indicators_ws[1]]
    assert headings[-3:] == ["Target 2028", "Target 2028 (women)", "Target 2028 (men)"]
    assert cell(indicators_ws, "1.1.1.G1", "Target 2026").value == 200
    assert cell(indicators_ws, "1.1.1.G1", "Target 2026 (women)").value == 150
    assert cell(indicators_ws, "1.1.G1", "Measure").value == "Share of women (%)"


def offered(book, ws, header: str):
    """What the drop-down of a column offers, read from the sheet its list points at."""
    letter = get_column_letter(column(ws, header))
    (validation,) = [
        v for v in ws.data_validations.dataValidation if str(v.sqref).startswith(f"{letter}2:")
    ]
    if validation.type != "list":
        return validation.prompt
    sheet, cells_range = validation.formula1.split("!")
    assert sheet == "'Lists'"
    return [c.value for row in book["Lists"][cells_range.replace("$", "")] for c in row]


def test_it_offers_drop_down_lists_for_choices(full):
    book = openpyxl.load_workbook(io.BytesIO(export(full.plan)))
    actions, indicators_ws = book["Actions"], book["Indicators"]
    assert offered(book, actions, "Status") == [str(label) for label in Action.Status.labels]
    assert offered(book, actions, "Lead directorate") == [
        "Park ve Bahçeler Müdürlüğü",
        "Sosyal Hizmetler Müdürlüğü",
    ]
    assert offered(book, indicators_ws, "Measure")[2] == "Share of women (%)"
    assert offered(book, indicators_ws, "By sex") == ["Yes", "No"]
    assert offered(book, book["Aims"], "YEEP heading")[4].startswith("5 ")
    # One value per cell is all a list offers; for several the cell says how to write them.
    assert "semicolons" in offered(book, actions, "Target groups")
    assert book["Lists"].protection.sheet


def test_it_marks_the_workbook_as_this_plans_template_on_a_protected_sheet(full):
    about = openpyxl.load_workbook(io.BytesIO(export(full.plan)))["About"]
    values = {row[0]: row[1] for row in about.iter_rows(min_row=3, max_row=10, values_only=True)}
    assert values["Template"] == "esitlik-plan"
    assert values["Template version"] == "1"
    assert values["Plan number"] == str(full.plan.pk)
    assert values["Language"] == "en"
    assert about.protection.sheet


def test_it_writes_turkish_headings_and_sheet_names_in_a_turkish_interface(full):
    book = openpyxl.load_workbook(io.BytesIO(export(full.plan, "tr")))
    assert book.sheetnames == [
        "Amaçlar",
        "Hedefler",
        "Faaliyetler",
        "Göstergeler",
        "Listeler",
        "Hakkında",
    ]
    actions = book["Faaliyetler"]
    headings = [c.value for c in actions[1]]
    assert headings[:4] == ["Kod", "Faaliyet (Türkçe)", "Faaliyet (İngilizce)", "Sorumlu müdürlük"]
    assert "Gerçekleşen harcama (TL)" in headings and "İlerleme (%)" in headings
    assert cell(actions, "1.1.1", "Durum").value == "Planlandığı gibi"
    assert [c.value for c in book["Göstergeler"][1]][-1] == "2028 hedef değeri (erkek)"


def test_every_heading_is_distinct_in_both_languages():
    for sheet in SHEETS:
        for language in LANGUAGES:
            headers = [c.header(language) for c in sheet.columns_for(range(2025, 2029))]
            assert len(set(headers)) == len(headers), (sheet.key, language)


@pytest.mark.parametrize("title", ['=HYPERLINK("http://x","tıkla")', "+90 212", "-5", "@SUM(A1)"])
def test_it_neutralises_cells_that_excel_would_run_as_formulas(full, world, title):
    structure.aim_update(aim=full.aim, by=world.alice, title={"tr": title}, heading=None)
    data = export(full.plan)
    ws = openpyxl.load_workbook(io.BytesIO(data))["Aims"]
    written = cell(ws, "1", "Aim (Turkish)")
    assert written.data_type == "s" and written.value == title
    assert written.quotePrefix
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
    # And it comes back as the same text: neutralising loses nothing.
    AuditEntry.objects.all().delete()
    assert load(full.plan, world.alice, data).ok
    assert Aim.objects.get(pk=full.aim.pk).title == {"tr": title}
    assert not AuditEntry.objects.exists()


# Importing: the round trip -----------------------------------------------------------------


@pytest.mark.parametrize("language", ["tr", "en"])
def test_an_unchanged_export_imports_without_changing_anything(full, world, language):
    before = state()
    with translation.override(language):
        outcome = load(full.plan, world.alice, export(full.plan, language))
    assert outcome.ok, where(outcome)
    assert (outcome.created, outcome.updated) == (0, 0)
    assert state() == before  # no audit entries either


def test_a_file_reread_in_the_other_language_changes_nothing(full, world):
    """Headings, choices and directorates are read in Turkish or English whatever the UI."""
    before = state()
    with translation.override("tr"):
        outcome = load(full.plan, world.alice, export(full.plan, "en"))
    assert outcome.ok, where(outcome)
    assert state() == before


def test_it_updates_rows_by_code_and_creates_rows_with_new_codes(full, world):
    def edit(book):
        cell(book["Actions"], "1.1.1", "Action (English)").value = "Help line"
        cell(book["Actions"], "1.1.1", "End").value = "30.06.2027"
        cell(book["Actions"], "1.1.2", "Planned budget (TRY)").value = "1.250.000"
        cell(book["Aims"], "1", "YEEP heading").value = "6"
        append(book["Aims"], {"Code": "2", "Aim (Turkish)": "Eğitim"})
        append(book["Objectives"], {"Code": "2.4", "Objective (Turkish)": "Okullar"})
        append(
            book["Actions"],
            {
                "Code": "2.4.1",
                "Action (Turkish)": "Okul eğitimleri",
                "Lead directorate": "PARK VE BAHÇELER MÜDÜRLÜĞÜ",
                "Supporting directorates": "SH; Sosyal Hizmetler Müdürlüğü",
                "Partners": "İl Milli Eğitim\nÜniversite",
                "Start": 46023,  # an Excel serial: 1.1.2026
                "End": "2026-12-31",
                "Target groups": "Kız çocukları, Children",
            },
        )
        append(
            book["Indicators"],
            {
                "Code": "2.4.1.G1",
                "Indicator (Turkish)": "Eğitime katılan öğrenci sayısı",
                "Type": "Süreç",
                "Measure": "count",
                "By sex": "Evet",
                "Target 2026 (women)": 300,
                "Target 2026 (men)": 280,
            },
        )

    outcome = load(full.plan, world.alice, edited(export(full.plan), edit))
    assert outcome.ok, where(outcome)
    assert (outcome.created, outcome.updated) == (4, 3)
    action = Action.objects.get(pk=full.action.pk)
    assert action.title == {"tr": "Danışma hattı", "en": "Help line"}
    assert action.end_date == date(2027, 6, 30)
    assert Action.objects.get(pk=full.lighting.pk).budget_planned == D("1250000")
    assert Aim.objects.get(code="1").heading.code == "6"
    new = Action.objects.get(code="2.4.1")
    assert new.objective.code == "2.4" and new.objective.aim.code == "2"
    assert new.lead_directorate == world.parks
    assert list(new.supporting_directorates.all()) == [world.social]
    assert sorted(p.name for p in new.partners.all()) == ["Üniversite", "İl Milli Eğitim"]
    assert (new.start_date, new.end_date) == (date(2026, 1, 1), date(2026, 12, 31))
    assert new.target_groups == ["girls", "children"]
    assert (new.status, new.progress, new.weight) == ("not_started", 0, 1)
    indicator = Indicator.objects.get(code="2.4.1.G1")
    assert indicator.kind == "process" and indicator.responsible_directorate == world.parks
    assert indicator.targets.get().value == 580  # women and men add up to the total
    codes = sorted(AuditEntry.objects.values_list("action", flat=True))
    assert codes == sorted(
        [
            "plans.action.updated",
            "plans.action.updated",
            "plans.aim.updated",
            "plans.aim.created",
            "plans.objective.created",
            "plans.action.created",
            "plans.indicator.created",
            "plans.plan.imported",
        ]
    )
    summary = AuditEntry.objects.get(action="plans.plan.imported")
    assert (summary.changes["created"], summary.changes["updated"]) == (4, 3)


def test_targets_left_out_of_the_file_are_kept(full, world):
    """A file whose target columns stop in 2026 (say, the period grew since) loses nothing."""
    indicators.indicator_update(
        indicator=full.share,
        by=world.alice,
        targets=[{"year": 2025, "value": D("45.5")}, {"year": 2028, "value": D(50)}],
    )

    def edit(book):
        ws = book["Indicators"]
        ws.delete_cols(column(ws, "Target 2027"), 6)
        cell(ws, "1.1.G1", "Target 2025").value = 47

    outcome = load(full.plan, world.alice, edited(export(full.plan), edit))
    assert outcome.ok, where(outcome)
    assert [(t.year, t.value) for t in full.share.targets.all()] == [(2025, 47), (2028, 50)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("12.500,50", D("12500.50")), ("12,500.50", D("12500.50")), (12500.5, D("12500.5"))],
)
def test_it_reads_amounts_as_people_type_them(full, world, typed, expected):
    def edit(book):
        cell(book["Actions"], "1.1.2", "Planned budget (TRY)").value = typed

    assert load(full.plan, world.alice, edited(export(full.plan), edit)).ok
    assert Action.objects.get(pk=full.lighting.pk).budget_planned == expected


@pytest.mark.parametrize("typed", ["01.02.2026", "1.2.2026", "2026-02-01", 46054, date(2026, 2, 1)])
def test_it_reads_dates_as_text_iso_or_excel_serials(full, world, typed):
    def edit(book):
        cell(book["Actions"], "1.1.2", "Start").value = typed

    assert load(full.plan, world.alice, edited(export(full.plan), edit)).ok
    assert Action.objects.get(pk=full.lighting.pk).start_date == date(2026, 2, 1)


def test_long_texts_are_kept_whole(full, world):
    long_title = "Kadınların kent yönetimine katılımı için " * 12
    structure.objective_update(objective=full.objective, by=world.alice, title={"tr": long_title})
    AuditEntry.objects.all().delete()
    before = state()
    assert load(full.plan, world.alice, export(full.plan)).ok
    assert state() == before

    def edit(book):
        cell(book["Objectives"], "1.1", "Objective (English)").value = "Participation " * 30

    assert load(full.plan, world.alice, edited(export(full.plan), edit)).ok
    title = Objective.objects.get(pk=full.objective.pk).title
    assert title == {"tr": long_title.strip(), "en": ("Participation " * 30).strip()}


def test_a_new_indicator_of_an_objective_needs_its_responsible_directorate(full, world):
    def edit(book):
        append(
            book["Indicators"],
            {
                "Code": "1.1.G2",
                "Indicator (Turkish)": "Kadın yönetici payı",
                "Type": "Outcome",
                "Measure": "Share of women (%)",
            },
        )

    outcome = refused(full, world, edit)
    assert where(outcome)[0][:3] == ("Indicators", 4, "Responsible directorate")
    assert "focal point will report" in where(outcome)[0][3]


def test_a_code_typed_as_a_number_is_read_as_the_code(full, world):
    def edit(book):
        append(book["Objectives"], {"Code": 1.2, "Objective (Turkish)": "Barınma"})

    assert load(full.plan, world.alice, edited(export(full.plan), edit)).ok
    assert Objective.objects.filter(code="1.2", aim=full.aim).exists()


# Importing: bad input ----------------------------------------------------------------------


def test_an_end_before_the_start_is_reported_on_its_row_and_column(full, world):
    def edit(book):
        cell(book["Actions"], "1.1.1", "End").value = "01.01.2025"

    outcome = refused(full, world, edit)
    assert where(outcome) == [("Actions", 2, "End", "The end cannot be before the start.")]
    assert outcome.problems[0].value == "01.01.2025"
    assert outcome.problems[0].letter == "H"


def test_targets_of_the_wrong_kind_for_the_measure_are_reported(full, world):
    def edit(book):
        ws = book["Indicators"]
        cell(ws, "1.1.G1", "Target 2026").value = 140  # a share of women above 100 %
        cell(ws, "1.1.1.G1", "Target 2027").value = "3,5"  # a count is whole

    outcome = refused(full, world, edit)
    problems = where(outcome)
    assert problems[0][:3] == ("Indicators", 2, "Targets")
    assert "from 0 to 100" in problems[0][3] and "2026" in problems[0][3]
    assert problems[1][:3] == ("Indicators", 3, "Targets")
    assert "whole number" in problems[1][3]


def test_targets_by_sex_need_values_by_sex(full, world):
    def edit(book):
        cell(book["Indicators"], "1.1.G1", "Target 2027 (women)").value = 50

    outcome = refused(full, world, edit)
    assert "values by sex" in where(outcome)[0][3]


def test_duplicate_codes_are_reported_with_both_rows(full, world):
    def edit(book):
        append(
            book["Actions"],
            {"Code": "1.1.1", "Action (Turkish)": "Kopya", "Lead directorate": "SH"},
        )

    outcome = refused(full, world, edit)
    assert where(outcome) == [("Actions", 4, "Code", "The code 1.1.1 is also on row 2.")]


def test_a_new_code_must_fit_a_parent_in_the_plan_or_the_file(full, world):
    def edit(book):
        append(book["Objectives"], {"Code": "7.1", "Objective (Turkish)": "Yetim"})
        append(
            book["Actions"],
            {"Code": "1.1", "Action (Turkish)": "Yanlış", "Lead directorate": "SH"},
        )
        append(
            book["Indicators"],
            {"Code": "1.9.G1", "Indicator (Turkish)": "X", "Type": "Outcome", "Measure": "Count"},
        )

    outcome = refused(full, world, edit)
    assert where(outcome) == [
        ("Objectives", 3, "Code", "There is no aim 7 in the plan or on the Aims sheet."),
        (
            "Actions",
            4,
            "Code",
            "An action's code is its objective's code and a number, e.g. 2.3.1.",
        ),
        (
            "Indicators",
            4,
            "Code",
            "There is no objective 1.9 in the plan or on the Objectives sheet.",
        ),
    ]


def test_every_bad_cell_of_a_file_is_listed_at_once(full, world):
    def edit(book):
        ws = book["Actions"]
        cell(ws, "1.1.1", "Start").value = "yarın"
        cell(ws, "1.1.1", "Planned budget (TRY)").value = "on bin"
        cell(ws, "1.1.1", "Status").value = "Bitti sayılır"
        cell(ws, "1.1.1", "Progress (%)").value = 140
        cell(ws, "1.1.2", "Lead directorate").value = "Zabıta Müdürlüğü"
        cell(ws, "1.1.2", "Action (Turkish)").value = None
        cell(book["Indicators"], "1.1.G1", "By sex").value = "belki"

    outcome = refused(full, world, edit)
    assert [(sheet, row, column) for sheet, row, column, _m in where(outcome)] == [
        ("Actions", 2, "Start"),
        ("Actions", 2, "Planned budget (TRY)"),
        ("Actions", 2, "Status"),
        ("Actions", 2, "Progress (%)"),
        ("Actions", 3, "Action (Turkish)"),
        ("Actions", 3, "Lead directorate"),
        ("Indicators", 2, "By sex"),
    ]
    messages = [m for *_where, m in where(outcome)]
    assert messages[0] == "Write a date as 31.12.2026."
    assert "Choose one of: Not started, On track" in messages[2]
    assert messages[3] == "Write a whole number from 0 to 100."
    assert messages[4] == "Fill in this cell; it cannot be empty."
    assert "Zabıta Müdürlüğü" in messages[5]


def test_a_service_refusal_is_reported_on_its_column(full, world):
    def edit(book):
        cell(book["Actions"], "1.1.1", "Status").value = "Completed"  # yet 20 % done

    outcome = refused(full, world, edit)
    assert where(outcome)[0][:3] == ("Actions", 2, "Progress (%)")
    assert "100 percent" in where(outcome)[0][3]


def test_an_unknown_column_or_sheet_is_refused_not_skipped(full, world):
    def edit(book):
        ws = book["Actions"]
        ws.cell(row=1, column=ws.max_column + 1, value="Notlar")
        ws.cell(row=3, column=ws.max_column + 3, value="bir not, başlıksız")
        book.create_sheet("Faaliyetler 2026")["A1"] = "1.1.3"

    outcome = refused(full, world, edit)
    problems = where(outcome)
    assert ("Actions", 1, "Notlar") == problems[0][:3]
    assert "not in the template" in problems[0][3]
    assert problems[1][:2] == ("Actions", 1) and "no heading" in problems[1][3]
    assert outcome.problems[1].value == "bir not, başlıksız"
    assert problems[2][:2] == ("Faaliyetler 2026", None)


def test_a_missing_required_column_is_named(full, world):
    def edit(book):
        book["Actions"].delete_cols(column(book["Actions"], "Lead directorate"))

    outcome = refused(full, world, edit)
    assert where(outcome) == [
        (
            "Actions",
            1,
            "Lead directorate",
            "This column is missing from the sheet; copy it back from an exported file.",
        )
    ]


def test_a_directorate_is_found_by_name_in_any_case_or_by_code(full, world):
    def edit(book):
        cell(book["Actions"], "1.1.2", "Lead directorate").value = "  sosyal   HİZMETLER müdürlüğü"
        cell(book["Actions"], "1.1.2", "Supporting directorates").value = "PB"

    assert load(full.plan, world.alice, edited(export(full.plan), edit)).ok
    lighting = Action.objects.get(pk=full.lighting.pk)
    assert lighting.lead_directorate == world.social
    assert list(lighting.supporting_directorates.all()) == [world.parks]


def test_a_directorate_of_another_municipality_is_not_found(full, world):
    def edit(book):
        cell(book["Actions"], "1.1.2", "Lead directorate").value = "Fen İşleri Müdürlüğü"

    outcome = refused(full, world, edit)
    assert "No directorate of this municipality" in where(outcome)[0][3]


def test_messages_are_in_the_users_language(full, world):
    def edit(book):
        cell(book["Actions"], "1.1.1", "End").value = "01.01.2025"

    with translation.override("tr"):
        before = state()
        outcome = load(full.plan, world.alice, edited(export(full.plan, "en"), edit))
    assert state() == before
    assert where(outcome) == [("Actions", 2, "End", "Bitiş, başlangıçtan önce olamaz.")]


# Not the template ---------------------------------------------------------------------------


def a_random_workbook() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["Kod", "Faaliyet"])
    book.active.append(["1.1.1", "Danışma"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (a_random_workbook(), "not a plan workbook"),
        (b"Kod;Faaliyet\n1.1.1;Danisma\n", "could not be read"),
        (bytes(range(256)) * 40, "could not be read"),
        (b"", "could not be read"),
    ],
    ids=["random-xlsx", "csv-renamed", "random-bytes", "empty"],
)
def test_a_file_that_is_not_the_template_is_refused_as_a_whole(full, world, data, words):
    before = state()
    outcome = load(full.plan, world.alice, data)
    assert [p.row for p in outcome.problems] == [None]
    assert words in outcome.problems[0].message
    assert state() == before


def test_another_plans_workbook_is_recognised(full, world):
    from esitlik.plans import services

    other = services.plan_create(
        municipality=world.home, title={"tr": "4. YEEP"}, start_year=2029, end_year=2032, by=None
    )
    outcome = load(full.plan, world.alice, export(other))
    assert "belongs to another plan (4. YEEP, edition 2)" in outcome.problems[0].message


def test_a_workbook_of_an_older_template_version_is_refused(full, world):
    def edit(book):
        ws = book["About"]
        next(r for r in ws.iter_rows() if r[0].value == "Template version")[1].value = "0"

    outcome = refused(full, world, edit)
    assert "another version of the template (0)" in outcome.problems[0].message


def test_a_file_that_unpacks_to_far_more_than_a_plan_is_refused(full, world):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"0" * (70 * 1024 * 1024))
    outcome = load(full.plan, world.alice, out.getvalue())
    assert "far more than a plan" in outcome.problems[0].message


# Who may import what ------------------------------------------------------------------------


def test_a_focal_point_reports_on_their_own_actions_of_an_approved_plan(full, world):
    approve(full.plan)
    AuditEntry.objects.all().delete()

    def edit(book):
        ws = book["Actions"]
        cell(ws, "1.1.1", "Status").value = "Delayed"
        cell(ws, "1.1.1", "Progress (%)").value = 35
        cell(ws, "1.1.1", "Actual spending (TRY)").value = "4.000,00"

    outcome = load(full.plan, world.bob, edited(export(full.plan), edit))
    assert outcome.ok, where(outcome)
    action = Action.objects.get(pk=full.action.pk)
    assert (action.status, action.progress, action.budget_actual) == ("delayed", 35, D(4000))
    entry = AuditEntry.objects.get(action="plans.action.reported")
    assert entry.actor == world.bob and set(entry.changes) == {
        "status",
        "progress",
        "budget_actual",
    }


def test_a_focal_point_cannot_report_on_another_directorates_action(full, world):
    approve(full.plan)

    def edit(book):
        cell(book["Actions"], "1.1.1", "Progress (%)").value = 35  # bob's: allowed
        cell(book["Actions"], "1.1.2", "Progress (%)").value = 50  # parks: not bob's

    outcome = refused(full, world, edit, user=world.bob)
    assert where(outcome) == [
        (
            "Actions",
            3,
            "Progress (%)",
            "You report only on actions your directorate leads; this one is led by Park ve "
            "Bahçeler Müdürlüğü.",
        )
    ]
    assert Action.objects.get(pk=full.action.pk).progress == 20  # the allowed row rolled back


def test_an_approved_plans_structure_cannot_change_by_import(full, world):
    approve(full.plan)

    def edit(book):
        cell(book["Actions"], "1.1.1", "Action (Turkish)").value = "Yeni ad"
        cell(book["Indicators"], "1.1.G1", "Target 2026").value = 50
        append(book["Aims"], {"Code": "2", "Aim (Turkish)": "Eğitim"})

    outcome = refused(full, world, edit)
    problems = where(outcome)
    assert [p[:3] for p in problems] == [
        ("Aims", 3, "Code"),
        ("Actions", 2, "Action (Turkish)"),
        ("Indicators", 2, "Targets"),
    ]
    assert problems[0][3] == "The plan is approved, so no rows can be added to it."
    assert "only the status, progress and actual spending" in problems[1][3]


def test_a_completed_plan_changes_no_more(full, world):
    from esitlik.plans import services

    plan = approve(full.plan)
    services.plan_transition(
        plan=plan,
        target="completed",
        expected_status=plan.status,
        final_evaluation="Değerlendirme",
        by=world.alice,
    )

    def edit(book):
        cell(book["Actions"], "1.1.1", "Progress (%)").value = 90
        cell(book["Objectives"], "1.1", "Objective (English)").value = "Advice"

    outcome = refused(full, world, edit)
    assert [p[:3] for p in where(outcome)] == [
        ("Objectives", 2, "Objective (English)"),
        ("Actions", 2, "Progress (%)"),
    ]
    assert where(outcome)[0][3] == "This plan is “Completed”; nothing in it changes any more."


def test_a_focal_point_cannot_change_a_plan_being_prepared(full, world):
    def edit(book):
        cell(book["Actions"], "1.1.1", "Progress (%)").value = 35

    outcome = refused(full, world, edit, user=world.bob)
    assert "only the equality unit changes it" in where(outcome)[0][3]


def test_actual_spending_waits_for_approval(full, world):
    def edit(book):
        cell(book["Actions"], "1.1.1", "Actual spending (TRY)").value = 100

    outcome = refused(full, world, edit)
    assert where(outcome) == [
        (
            "Actions",
            2,
            "Actual spending (TRY)",
            "Actual spending is reported once the plan is approved.",
        )
    ]


# The pages ----------------------------------------------------------------------------------


def test_the_export_downloads_an_xlsx_for_every_member(full, world, client):
    client.force_login(world.mona)
    response = client.get(reverse("plan_export", args=[world.home.slug, full.plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == 'attachment; filename="ornek-yeep-1.xlsx"'
    assert openpyxl.load_workbook(io.BytesIO(response.content)).sheetnames[0] == "Amaçlar"


def upload(client, plan, data: bytes, name="plan.xlsx"):
    url = reverse("plan_import", args=[plan.municipality.slug, plan.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def test_the_import_page_lists_every_problem_in_a_table(full, world, client):
    client.force_login(world.alice)

    def edit(book):
        cell(book["Faaliyetler"], "1.1.1", "Bitiş").value = "01.01.2025"

    before = state()
    response = upload(client, full.plan, edited(export(full.plan, "tr"), edit))
    assert response.status_code == 200
    assert state() == before
    page = response.content.decode()
    assert 'role="alert"' in page and "hiçbir şey kaydedilmedi" in page
    assert "<caption>Dosyada bulunan sorunlar</caption>" in page
    assert '<th scope="col" class="num">Satır</th>' in page
    assert "<td>Faaliyetler</td>" in page and '<td class="num">2</td>' in page
    assert "<td>Bitiş<br><small>H sütunu</small></td>" in page and "01.01.2025" in page


def test_a_successful_import_says_what_it_did(full, world, client):
    client.force_login(world.alice)

    def edit(book):
        append(book["Amaçlar"], {"Kod": "2", "Amaç (Türkçe)": "Eğitim"})

    response = upload(client, full.plan, edited(export(full.plan, "tr"), edit))
    assert response.status_code == 302
    assert response["Location"] == reverse("plan_detail", args=[world.home.slug, full.plan.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Eklenen: 1, değişen: 0" in page


def test_the_import_refuses_a_file_over_5_mb(full, world, client):
    client.force_login(world.alice)
    response = upload(client, full.plan, b"0" * (5 * 1024 * 1024 + 1))
    assert response.status_code == 200
    assert "5 MB" in response.content.decode()


def test_the_plan_page_links_to_both(full, world, client):
    export_url = reverse("plan_export", args=[world.home.slug, full.plan.pk])
    import_url = reverse("plan_import", args=[world.home.slug, full.plan.pk])
    client.force_login(world.alice)
    page = client.get(reverse("plan_detail", args=[world.home.slug, full.plan.pk])).content
    assert export_url.encode() in page and import_url.encode() in page
    client.force_login(world.carol)
    page = client.get(reverse("plan_detail", args=[world.home.slug, full.plan.pk])).content
    assert export_url.encode() in page and import_url.encode() not in page


def test_another_municipalitys_admin_gets_404_on_both(full, world, client):
    client.force_login(world.oscar)
    export_url = reverse("plan_export", args=[world.home.slug, full.plan.pk])
    import_url = reverse("plan_import", args=[world.home.slug, full.plan.pk])
    assert client.get(export_url).status_code == 404
    assert client.get(import_url).status_code == 404
    before = state()
    assert upload(client, full.plan, export(full.plan)).status_code == 404
    # Under his own municipality's address the plan's id is just as unknown.
    foreign = reverse("plan_export", args=[world.other.slug, full.plan.pk])
    assert client.get(foreign).status_code == 404
    assert state() == before


@pytest.mark.parametrize("raw", ["on bin", "1e5", 1e30, "9" * 40, True])
def test_cells_refuse_what_is_not_a_number(raw):
    with pytest.raises(cells.CellError):
        cells.number(raw)


def test_cells_read_yes_no_in_either_language():
    assert cells.boolean("EVET") and cells.boolean("yes") and cells.boolean(True)
    assert not cells.boolean("Hayır") and not cells.boolean("") and not cells.boolean("no")
    with pytest.raises(cells.CellError):
        cells.boolean("belki")
