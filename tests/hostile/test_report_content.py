"""Hostile text typed into everything that reaches a report (service, directorate and
neighbourhood names, a dimension's values, plan, aim, objective and action titles, an
an indicator's name, an event's title), saved through the services,
built into a report by the task and read back from the reading page, the standalone HTML
download, the PDF and the workbook: no markup of it is ever live, its text is there to read,
and a formula is never a formula in the workbook."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from datetime import UTC, date, datetime
from html.parser import HTMLParser

from django.urls import reverse
from openpyxl import load_workbook

from esitlik.core.cells import is_dangerous
from esitlik.core.neighbourhoods import neighbourhood_create
from esitlik.core.services import directorate_create
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.dimensions import dimension_create
from esitlik.datasets.models import ImportRun
from esitlik.participation.events import event_create
from esitlik.participation.models import Event
from esitlik.plans import indicators, services, structure
from esitlik.reports.making import document_of, request_report
from esitlik.reports.models import StoredReport
from tests.datasets.helpers import run_import
from tests.plans.helpers import approve, make_plan

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</style><svg onload=alert(1)>",
    "{{ 7*7 }}",
    '=HYPERLINK("http://x")',
]


def hostile(label: str, number: int) -> str:
    """A text as someone could type it: a payload, then a word to tell the texts apart."""
    return f"{PAYLOADS[number % len(PAYLOADS)]} {label}"


class Parsed(HTMLParser):
    """The elements and the text of a page, as a browser would take them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.inside: str | None = None  # script or style: not text to read
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self.inside = tag

    def handle_endtag(self, tag):
        if tag == self.inside:
            self.inside = None

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        if self.inside is None:
            self.text.append(data)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_safe_html(html: str, texts: list[str]) -> None:
    parsed = Parsed(html)
    for tag, attrs in parsed.elements:
        # Only the site's own files, and data the page's script reads (json_script).
        assert tag != "script" or "src" in attrs or attrs.get("type") == "application/json"
        assert not [a for a in attrs if a.lower().startswith("on")], (tag, attrs)
        assert not (tag == "img" and attrs.get("src") == "x"), (tag, attrs)
        assert tag not in ("svg", "style") or not set(attrs) & {"onload"}, (tag, attrs)
    shown = squeezed("".join(parsed.text))
    for text in texts:
        assert squeezed(text) in shown, text  # there to read, as typed
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "<svg onload" not in html


def pdf_text(data: bytes, tmp_path) -> str:
    assert data.startswith(b"%PDF-")
    path = tmp_path / "rapor.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def assert_formulas_inert(data: bytes, texts: list[str]) -> None:
    book = load_workbook(io.BytesIO(data))
    found = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if is_dangerous(cell.value):
                    assert cell.data_type == "s" and cell.quotePrefix, cell.value
                found.update(t for t in texts if isinstance(cell.value, str) and t in cell.value)
    formulas = [t for t in texts if is_dangerous(t)]
    assert formulas and set(formulas) <= found, set(formulas) - found


def counts_csv(rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue().encode()


def on_the_page(report: StoredReport) -> str:
    """Everything the page and the PDF print of the stored document (not the detail tables
    and columns, which only the workbook and the JSON carry), as one text."""
    document = document_of(report)
    texts = [document.title, document.subtitle]
    for section in document.sections:
        texts += [section.title, section.missing, *section.paragraphs, *section.findings]
        for chart in section.charts:
            texts += [chart.title, chart.description]
        for table in section.tables:
            if table.detail:
                continue
            shown = [i for i, column in enumerate(table.columns) if not column.detail]
            texts += [table.title, table.note, *(table.columns[i].label for i in shown)]
            texts += [str(row[i]) for row in table.rows for i in shown]
    return "\n".join(t for t in texts if t)


def built(world, **values) -> StoredReport:
    report = request_report(
        municipality=world.home, language="tr", audience="internal", by=world.alice, **values
    )
    report.refresh_from_db()
    assert report.status == StoredReport.Status.READY, report.error
    return report


def read_everything(client, world, report, tmp_path) -> dict[str, bytes]:
    client.force_login(world.alice)
    slug = world.home.slug
    page = client.get(reverse("report_read", args=[slug, report.pk]))
    assert page.status_code == 200
    files = {"page": page.content}
    for format in ("html", "pdf", "xlsx"):
        response = client.get(reverse("report_download", args=[slug, report.pk, format]))
        assert response.status_code == 200, format
        body = response.streaming_content if response.streaming else [response.content]
        files[format] = b"".join(body)
    return files


def assert_all_safe(report, files, texts: dict, tmp_path) -> None:
    stored = json.dumps(report.document, ensure_ascii=False)
    kept = [t for t in texts.values() if json.dumps(t, ensure_ascii=False)[1:-1] in stored]
    page = on_the_page(report)
    shown = [t for t in kept if t in page]
    assert_safe_html(files["page"].decode(), shown)
    assert_safe_html(files["html"].decode(), shown)
    printed = squeezed(pdf_text(files["pdf"], tmp_path))
    missing = [t for t in shown if squeezed(t) not in printed]
    assert not missing, missing
    assert_formulas_inert(files["xlsx"], kept)
    return {k for k, t in texts.items() if t in kept}, {k for k, t in texts.items() if t in shown}


def test_hostile_names_in_an_equality_in_service_report_stay_text(world, client, tmp_path):
    texts = {}
    directorate = directorate_create(
        municipality=world.home,
        name={"tr": hostile("Müdürlüğü", 0)},
        level=world.social.level,
        by=world.alice,
    )
    texts["directorate"] = directorate.name["tr"]
    neighbourhood = neighbourhood_create(
        municipality=world.home, name=hostile("Mahallesi", 1), by=world.alice
    )
    texts["neighbourhood"] = neighbourhood.name
    dimension_create(municipality=world.home, name="Kurs türü", by=world.alice)
    texts["value"] = hostile("engelli", 2)
    services = [hostile(f"Hizmet {i}", 3 + i) for i in range(len(PAYLOADS))]
    for name in services:
        service_create(municipality=world.home, directorate=directorate, name=name, by=None)
    texts.update({f"service {i}": name for i, name in enumerate(services)})
    rows = [["Hizmet adı", "Yıl", "Mahalle", "Kurs türü", "Kadın", "Erkek", "Toplam"]]
    for i, name in enumerate(services):
        rows.append([name, 2025, neighbourhood.name, texts["value"], 20 + i, 80 - i, 100])
    run = run_import(world, "service-counts", counts_csv(rows), name="sayilar.csv")
    assert run.status == ImportRun.Status.LANDED, run.problems

    plan = make_plan(world)
    aim = structure.aim_create(plan=plan, title={"tr": "Hizmette eşitlik"}, by=world.alice)
    objective = structure.objective_create(aim=aim, title={"tr": "Erişim"}, by=world.alice)
    action = structure.action_create(
        objective=objective,
        title={"tr": hostile("eylemi", 4)},
        lead_directorate=directorate,
        target_groups=["women"],
        by=world.alice,
    )
    approve(plan)
    texts["action"] = action.title["tr"]
    event = event_create(
        municipality=world.home,
        by=world.alice,
        kind=Event.Kind.WORKSHOP,
        title=hostile("çalıştayı", 0),
        starts_at=datetime(2025, 3, 4, 10, tzinfo=UTC),
        status=Event.Status.HELD,
        women=12,
        men=9,
    )
    texts["event"] = event.title

    report = built(world, kind=StoredReport.Kind.EQUALITY, year=2025)
    files = read_everything(client, world, report, tmp_path)
    kept, shown = assert_all_safe(report, files, texts, tmp_path)
    # The workbook carries the neighbourhood and the dimension's values in its detail
    # tables; the page and the PDF name the rest (an event is counted, not named).
    services = {f"service {i}" for i in range(len(PAYLOADS))}
    assert kept == {"directorate", "neighbourhood", "value", "action", *services}
    assert shown == {"directorate", "action", *services}


def test_hostile_titles_in_a_plan_monitoring_report_stay_text(world, client, tmp_path):
    texts = {}
    plan = make_plan(world)
    structure_texts = [hostile(label, i) for i, label in enumerate(("amaç", "hedef", "eylem"))]
    aim = structure.aim_create(plan=plan, title={"tr": structure_texts[0]}, by=world.alice)
    objective = structure.objective_create(
        aim=aim, title={"tr": structure_texts[1]}, by=world.alice
    )
    action = structure.action_create(
        objective=objective,
        title={"tr": structure_texts[2]},
        lead_directorate=world.social,
        end_date=date(2025, 3, 31),
        by=world.alice,
    )
    indicator = indicators.indicator_create(
        parent=action,
        title={"tr": hostile("göstergesi", 4)},
        kind="outcome",
        measure="count",
        unit="kişi",
        frequency="yearly",
        by=world.alice,
    )
    texts.update(aim=aim.title["tr"], objective=objective.title["tr"], action=action.title["tr"])
    texts["indicator"] = indicator.title["tr"]
    # In the report's title, so in the running header's CSS string inside <style> too.
    plan = services.plan_update(plan=plan, by=world.alice, title={"tr": hostile("planı", 2)})
    texts["plan"] = plan.title["tr"]
    approve(plan)

    report = built(world, kind=StoredReport.Kind.PROGRESS, plan=plan, period="2025")
    files = read_everything(client, world, report, tmp_path)
    kept, shown = assert_all_safe(report, files, texts, tmp_path)
    assert kept == shown == set(texts)
