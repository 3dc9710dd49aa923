"""The Equality in Service report of a small year: what each section says, the same figures
in the JSON, the workbook and the PDF, disclosure control in the public version, and the
command line."""

import io
import json
import subprocess
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from esitlik.datasets.catalogue import service_create
from esitlik.datasets.imports import import_file
from esitlik.datasets.models import ImportRun
from esitlik.participation.events import event_create
from esitlik.participation.models import Event
from esitlik.reports.document import Audience, Report
from esitlik.reports.equality import build
from esitlik.reports.gather import gather
from esitlik.reports.render import render
from tests.datasets.helpers import csv_bytes


def report_of(world, language="en", audience=Audience.INTERNAL):
    return build(gather(world.home, 2025), language=language, audience=audience)


def service_rows(report):
    table = report.section("service_use").table("services")
    return {
        row[table.column("service")]: dict(zip([c.key for c in table.columns], row, strict=True))
        for row in table.rows
    }


def test_the_service_table_holds_the_imported_counts_and_the_gaps_are_ranked(world, year):
    report = report_of(world)
    rows = service_rows(report)
    assert rows["Spor Kursları"]["women"] == 230
    assert rows["Spor Kursları"]["men"] == 770
    assert rows["Spor Kursları"]["share_women"] == pytest.approx(0.23)
    assert rows["Women's counselling centre"]["men"] == 3
    gaps = report.section("service_use").table("gaps")
    # 770 men and 230 women are 270 women short of 50% (no population: balance only);
    # the counselling centre is 157 men short of 40% men — the larger gap comes first.
    assert gaps.values("service") == ["Spor Kursları", "Women's counselling centre"]
    assert gaps.values("shortfall") == [170, 157]
    summary = report.section("summary")
    assert summary.paragraphs[0] == (
        "In 2025, 2 directorates recorded 1,400 uses of 2 services; 45% of those served were women."
    )
    assert summary.findings[0].startswith("23% of those served by “Spor Kursları” were women")


def test_sections_without_data_say_what_is_missing(world, year):
    report = report_of(world)
    assert report.section("budget").missing == "No budget lines have been imported for this year."
    assert "No population figures" in report.section("service_use").paragraphs[0]
    assert [s.id for s in report.sections] == [
        "summary",
        "service_use",
        "workforce",
        "capacity",
        "participation",
        "budget",
        "responses",
        "data_gaps",
        "method",
    ]


def test_the_public_version_hides_the_three_men_and_what_would_give_them_away(world, year):
    internal, public = report_of(world), report_of(world, audience=Audience.PUBLIC)
    row = service_rows(public)["Women's counselling centre"]
    assert row["men"] == "c"
    # 397 women of 400 would tell the 3 men: one more cell goes, and the share with them.
    assert "c" in (row["women"], row["total"])
    assert row["share_women"] == "c"
    assert service_rows(public)["Spor Kursları"]["men"] == 770
    said = " ".join(public.section("summary").findings + public.section("service_use").findings)
    assert "counselling" not in said
    assert "counselling" in " ".join(internal.section("service_use").findings)
    assert public.disclosure and public.disclosure[0]["primary"]
    assert "cells are hidden in this report" in public.section("method").paragraphs[-1]


def test_the_json_round_trips_and_names_its_inputs(world, year):
    report = report_of(world)
    data = json.loads(render(report, "json"))
    assert data["schema"] == "esitlik/report/equality-in-service"
    assert data["schema_version"] == 1
    assert [run["id"] for run in data["inputs"]["runs"]] == [run.pk for run in year.runs]
    assert Report.from_dict(data).to_dict() == data


def test_the_public_json_is_strict_json(world, year):
    """Disclosure records name rows by their labels, and a count without an age group has
    none (pandas' NaN): JSON has no NaN, so other systems (and PostgreSQL) would refuse it."""

    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    report = report_of(world, audience=Audience.PUBLIC)
    data = json.loads(render(report, "json"), parse_constant=refuse)
    assert any(None in cell for record in data["disclosure"] for cell in record["primary"])


def test_the_workbook_has_a_sheet_per_section_with_real_numbers(world, year):
    report = report_of(world)
    book = load_workbook(io.BytesIO(render(report, "xlsx")))
    assert book.sheetnames[0] == "Report"
    assert len(book.sheetnames) == 1 + len(report.sections)
    sheet = book[book.sheetnames[2]]
    # The service table comes first on the sheet; the gap tables list the service again.
    cells = next(row for row in sheet.iter_rows() if row[1].value == "Spor Kursları")
    assert [c.value for c in cells[2:4]] == [230, 770]
    share = cells[6]
    assert share.value == pytest.approx(0.23) and share.number_format == "0.0%"


def test_the_pdf_text_carries_the_turkish_figures(world, year, tmp_path):
    report = report_of(world, language="tr")
    path = tmp_path / "rapor.pdf"
    path.write_bytes(render(report, "pdf"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Hizmette Eşitlik Raporu 2025" in text
    assert "“Spor Kursları” hizmetinden yararlananların %23'ü kadın" in " ".join(text.split())
    assert "1.400 yararlanma" in text
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert (
        int(next(line for line in pages.splitlines() if line.startswith("Pages:")).split()[-1])
        >= 10
    )


def test_another_municipalitys_data_never_reaches_the_report(world, year):
    service_create(
        municipality=world.other, directorate=world.other_directorate, name="Iğdır Aşevi", by=None
    )
    run = import_file(
        municipality=world.other,
        kind="service-counts",
        year=2025,
        by=None,
        source=csv_bytes("Hizmet adı;Kadın;Erkek\nIğdır Aşevi;11;12\n"),
        file_name="igdir.csv",
    )
    assert run.status == ImportRun.Status.LANDED, run.problems
    home = report_of(world)
    assert set(service_rows(home)) == {"Spor Kursları", "Women's counselling centre"}
    assert run.pk not in [r["id"] for r in home.inputs["runs"]]
    other = build(gather(world.other, 2025), language="en", audience=Audience.INTERNAL)
    assert set(service_rows(other)) == {"Iğdır Aşevi"}
    assert [r["id"] for r in other.inputs["runs"]] == [run.pk]


def test_the_command_writes_the_file_and_refuses_what_it_cannot_do(world, year, tmp_path):
    target = tmp_path / "report.xlsx"
    out = io.StringIO()
    call_command(
        "report",
        "equality-in-service",
        municipality="ornek",
        year=2025,
        output=str(target),
        lang="en",
        public=True,
        stdout=out,
    )
    assert target.read_bytes()[:2] == b"PK"
    assert "public" in out.getvalue()
    with pytest.raises(CommandError, match="No municipality 'nowhere'"):
        call_command(
            "report", "equality-in-service", municipality="nowhere", year=2025, output=str(target)
        )
    with pytest.raises(CommandError, match="Unknown format 'doc'"):
        call_command(
            "report",
            "equality-in-service",
            municipality="ornek",
            year=2025,
            output=str(tmp_path / "report.doc"),
        )


def test_labels_from_other_apps_follow_the_reports_language(world, year):
    event_create(
        municipality=world.home,
        by=world.alice,
        kind=Event.Kind.WORKSHOP,
        title="Mahalle çalıştayı",
        starts_at=datetime(2025, 3, 4, 10, tzinfo=UTC),
        status=Event.Status.HELD,
        women=12,
        men=9,
    )
    sources = gather(world.home, 2025)
    english = build(sources, language="en", audience=Audience.INTERNAL)
    turkish = build(sources, language="tr", audience=Audience.INTERNAL)
    assert english.section("participation").table("participants").values("sex")[0] == "Women"
    assert turkish.section("participation").table("participants").values("sex")[0] == "Kadın"


def test_a_service_for_women_only_by_design_is_explained_not_ranked(world, year):
    from esitlik.datasets.catalogue import service_update

    before = report_of(world).section("service_use")
    assert "counselling" in " ".join(before.findings)
    service_update(service=year.counselling, by=world.alice, single_sex="women")
    after = report_of(world).section("service_use")
    assert "counselling" not in " ".join(after.findings)
    gaps = after.table("gaps_all")
    assert "Women's counselling centre" not in gaps.values("service")
    assert "Spor Kursları" in gaps.values("service")
    assert (
        "1 service is open only to women or only to men by design (“Women's counselling "
        "centre”): its share of women is what it was built for, so it is not ranked as a gap."
    ) in after.paragraphs


def test_the_participation_sentences_are_worded_as_in_the_plan_report(world, year):
    """One builder (reports.participation_words) for both reports: here said of the year."""
    event_create(
        municipality=world.home,
        by=world.alice,
        kind=Event.Kind.WORKSHOP,
        title="Mahalle çalıştayı",
        starts_at=datetime(2025, 3, 4, 10, tzinfo=UTC),
        status=Event.Status.HELD,
        women=12,
        men=9,
    )
    sources = gather(world.home, 2025)
    english = build(sources, language="en", audience=Audience.INTERNAL)
    turkish = build(sources, language="tr", audience=Audience.INTERNAL)
    assert english.section("participation").paragraphs == [
        "1 event was held in 2025, with 21 participants, 57% of them women.",
        "No participation input was recorded in 2025.",
    ]
    assert turkish.section("participation").paragraphs[0] == (
        "2025 yılında 1 etkinlik yapıldı; 21 katılımcının %57'si kadın."
    )
