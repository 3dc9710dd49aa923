"""Formula injection (issue #9): no CSV or XLSX the software writes holds a text that Excel or
LibreOffice would run as a formula, numbers stay numbers, and what a user typed comes back
unchanged when an exported workbook is imported again. The rule is ``esitlik.core.cells``."""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

import esitlik
from esitlik.core.cells import DANGEROUS, is_dangerous, safe_row, safe_text, unquote
from esitlik.core.tabular import read_table
from esitlik.core.xlsx import add_table, new_book, to_bytes
from esitlik.datasets.demo_xlsx import workbook as demo_workbook
from esitlik.network.exports import observatory_xlsx, to_csv
from esitlik.participation.imports import Options, import_participation
from esitlik.participation.imports.base import Problem
from esitlik.participation.imports.workbooks import problems_workbook
from esitlik.participation.models import Stakeholder
from esitlik.participation.registers import stakeholder_register
from esitlik.plans import structure
from esitlik.plans.models import Aim
from esitlik.plans.workbook.export import plan_workbook
from esitlik.plans.workbook.load import workbook_import
from esitlik.portal.opendata import Table, as_csv
from esitlik.reports.document import Audience, Column, ColumnType, Report, Section
from esitlik.reports.document import Table as ReportTable
from esitlik.reports.render_xlsx import render_xlsx
from esitlik.training.imports.workbooks import template_workbook as attendance_template
from tests.participation.helpers import stakeholder
from tests.plans.helpers import make_plan

OWASP = ("=", "+", "-", "@", "\t", "\r")
# Any text a user could type: no surrogates, unassigned code points or control characters
# (XML cannot hold most of them, and a tab or carriage return only matters at the start).
_TYPED = st.characters(blacklist_categories=("Cs", "Cn", "Cc"))
dangerous_texts = st.builds(
    lambda start, rest: start + rest, st.sampled_from(DANGEROUS), st.text(_TYPED, max_size=30)
)
# What survives an import's trimming: no spaces, so the text read back is the text written.
_WORD = st.characters(whitelist_categories=("L", "N", "P", "S"))
typed_formulas = st.builds(
    lambda start, rest: start + rest,
    st.sampled_from("=+-@"),
    st.text(_WORD, min_size=1, max_size=20),
)
numbers = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).filter(lambda x: x != 0),
    st.decimals(min_value=-1000, max_value=1000, places=2).map(Decimal),
)
# Files take milliseconds each to write and read back; a shared machine runs these.
FILES = settings(max_examples=30, deadline=None)
SLOW = settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?")


# What a safe file looks like ---------------------------------------------------------------


def xlsx_cells(data: bytes) -> list:
    """Every cell of every sheet, after checking the file holds no formula at all."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(r"<f[ >]", archive.read(name).decode()), name
    book = load_workbook(io.BytesIO(data))
    cells = [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row]
    for cell in cells:
        assert cell.data_type != "f", (cell.coordinate, cell.value)
    return cells


def assert_xlsx_safe(data: bytes, texts=(), numbers=(), quote_prefix: bool = True) -> None:
    """No formula; every text that starts like one is a string cell (with Excel's quote prefix
    when ``quote_prefix``); ``texts`` are there exactly as typed, ``numbers`` as numbers."""
    cells = xlsx_cells(data)
    for cell in cells:
        if is_dangerous(cell.value):
            assert cell.data_type in ("s", "inlineStr"), cell.coordinate
            assert cell.quotePrefix or not quote_prefix, cell.coordinate
    values = [cell.value for cell in cells]
    strings = {value for value in values if isinstance(value, str)}
    for text in texts:
        # XML turns a carriage return into a line feed; openpyxl drops what XML cannot hold.
        written = ILLEGAL_CHARACTERS_RE.sub("", text)
        assert written in strings or written.replace("\r", "\n") in strings, text
    for number in numbers:
        assert any(
            not isinstance(v, str | bool) and v is not None and v == pytest.approx(float(number))
            for v in values
        ), number


def csv_cells(text: str, delimiter: str = ",") -> list[str]:
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return [value for row in rows for value in row]


def assert_csv_safe(text: str, texts=(), numbers=()) -> None:
    """Every cell that starts like a formula is a plain number or a lone dash; each of
    ``texts`` is there with one quote before it; ``numbers`` are written as numbers."""
    cells = csv_cells(text.removeprefix("\ufeff"))
    for value in cells:
        assert not is_dangerous(value) or value == "-" or _PLAIN_NUMBER.fullmatch(value), value
    for original in texts:
        assert safe_text(original) in cells, original
        assert unquote(safe_text(original)) == original
    for number in numbers:
        assert str(number) in cells, number


# The rule ----------------------------------------------------------------------------------


def test_the_rule_covers_owasps_characters():
    assert set(OWASP) <= set(DANGEROUS)


@given(dangerous_texts)
def test_a_dangerous_text_is_quoted_for_csv_and_the_quote_comes_off_again(text):
    safe = safe_text(text)
    assert not is_dangerous(safe) or safe == "-" or _PLAIN_NUMBER.fullmatch(safe)
    assert unquote(safe) == text


@given(st.text(_TYPED, max_size=30))
def test_any_text_comes_back_from_its_csv_cell(text):
    assert unquote(safe_text(text)) == text


@given(numbers)
def test_numbers_and_number_texts_are_never_quoted(number):
    assert safe_text(number) is number
    assert safe_text(str(number)) == str(number)
    assert safe_text("-") == "-"  # the disclosure marker of a true zero


def test_a_text_that_only_looks_quoted_is_left_alone():
    assert unquote("'Ali'nin") == "'Ali'nin"  # the quote it did not add
    assert unquote("'-3") == "'-3"
    assert safe_text("'=x") == "''=x" and unquote("''=x") == "'=x"  # typed with its quote
    assert safe_row([None, "=1", 2, -3]) == ["", "'=1", 2, -3]


# XLSX writers ------------------------------------------------------------------------------


@FILES
@given(st.lists(dangerous_texts, min_size=1, max_size=5), st.lists(numbers, max_size=4))
def test_every_sheet_of_core_xlsx_writes_text_as_text(texts, values):
    book = new_book()
    add_table(
        book, "Tablo", ["Metin", "Sayı"], [[t, None] for t in texts] + [[None, v] for v in values]
    )
    assert_xlsx_safe(to_bytes(book), texts, values)


@FILES
@given(dangerous_texts, numbers)
def test_the_charter_observatory_workbook(text, value):
    data = {
        "actions": [
            {
                "code": "1.1.1",
                "title": {"tr": text},
                "charter_articles": [{"code": "6", "title": text}],
                "status_label": text,
                "progress": value,
            }
        ],
        "indicators": [
            {
                "code": "G1",
                "title": {"tr": text},
                "targets": [],
                "values": [{"year": 2025, "half": None, "value": value}],
            }
        ],
    }
    assert_xlsx_safe(observatory_xlsx(data), [text], [value])


@FILES
@given(dangerous_texts, numbers)
def test_the_report_workbook(text, value):
    table = ReportTable(
        id="t",
        title=text,
        columns=[Column("label", text), Column("n", "n", ColumnType.AMOUNT)],
        rows=[[text, value]],
        note=text,
    )
    report = Report(
        kind="plan-progress",
        title=text,
        subtitle=text,
        language="tr",
        audience=Audience.PUBLIC,
        municipality={"name": text, "slug": "ornek"},
        period={"year": 2025},
        generated_at="2026-01-01T10:00:00",
        inputs={},
        sections=[Section(id="s", title=text, paragraphs=[text], findings=[text], tables=[table])],
    )
    assert_xlsx_safe(render_xlsx(report), [text], [value])


@FILES
@given(dangerous_texts)
def test_the_participation_problems_workbook(text):
    problem = Problem(row=2, column=text, letter="B", value=text, message=text)
    assert_xlsx_safe(problems_workbook([problem]), [text])


@FILES
@given(dangerous_texts, numbers)
def test_the_demo_workbooks_write_inline_strings(text, value):
    # Demo files carry only the demo's own words, but they are string cells all the same.
    data = demo_workbook([text, "Sayı"], [[text, value]], titles=[text])
    assert_xlsx_safe(data, [text], [value], quote_prefix=False)


@SLOW
@given(text=typed_formulas)
def test_the_attendance_template_lists(world, text):
    world.social.name = {"tr": text}
    world.social.save(update_fields=["name"])
    assert_xlsx_safe(attendance_template(world.home), [text])


# CSV writers -------------------------------------------------------------------------------


@FILES
@given(st.lists(dangerous_texts, min_size=1, max_size=5), st.lists(numbers, max_size=4))
def test_the_network_comparison_csv(texts, values):
    rows = [[t, t, 2025, None] for t in texts] + [["Örnek", "x", 2025, v] for v in values]
    assert_csv_safe(to_csv(["Belediye", "Gösterge", "Yıl", "Değer"], rows).decode("utf-8"), texts)
    for value in values:  # a number is written as Python writes it, never quoted
        assert to_csv(["n"], [[value]]).decode("utf-8-sig").split("\r\n")[1] == str(value)


@FILES
@given(st.lists(dangerous_texts, min_size=1, max_size=5), st.lists(numbers, max_size=4))
def test_the_open_data_csv(texts, values):
    data = Table(
        "plan-actions",
        "t",
        "d",
        [("Year", "integer"), ("Action", "string"), ("Value", "number"), ("Marker", "string")],
        [[2025, t, None, "c"] for t in texts] + [[2025, "x", v, "-"] for v in values],
    )
    # Line ends come out as "\n" (see ``opendata.as_csv``); the rest as typed.
    assert_csv_safe(as_csv(data), [t.replace("\r\n", "\n").replace("\r", "\n") for t in texts])
    cells = csv_cells(as_csv(data))
    assert cells.count("-") >= len(values)  # the true-zero marker is left as it is


def test_the_open_data_csv_with_formulas_still_validates(tmp_path):
    import frictionless

    data = Table(
        "plan-actions",
        "t",
        "d",
        [("Year", "integer"), ("Action", "string"), ("Value", "number"), ("Marker", "string")],
        [[2025, '=HYPERLINK("http://x")', -3, ""], [2025, "@SUM(A1)", None, "c"]],
    )
    (tmp_path / "plan-actions.csv").write_text(as_csv(data), encoding="utf-8")
    package = {
        "name": "p",
        "resources": [
            {
                "name": "plan-actions",
                "path": "plan-actions.csv",
                "format": "csv",
                "schema": {
                    "fields": [{"name": n, "type": t} for n, t in data.fields],
                    "missingValues": [""],
                },
            }
        ],
    }
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert csv_cells(as_csv(data))[4:8] == ["2025", '\'=HYPERLINK("http://x")', "-3", ""]


# Round trips: exported, edited, imported back --------------------------------------------


@FILES
@given(st.lists(typed_formulas, min_size=1, max_size=4))
def test_a_workbook_cell_reads_back_as_typed(texts):
    book = new_book()
    add_table(book, "Liste", ["Ad"], [[t] for t in texts])
    table = read_table(to_bytes(book), "liste.xlsx")
    assert [row[0] for row in table.rows] == texts  # no quote to strip, none lost


@pytest.fixture
def aim(world):
    plan = make_plan(world)
    return structure.aim_create(plan=plan, title={"tr": "Şiddetle mücadele"}, by=world.alice)


@SLOW
@given(title=typed_formulas)
def test_the_plan_workbook_round_trip(world, aim, title):
    plan = aim.plan
    with translation.override("en"):
        structure.aim_update(aim=aim, by=world.alice, title={"tr": title}, heading=None)
        data = plan_workbook(plan)
        assert_xlsx_safe(data, [title])
        structure.aim_update(aim=aim, by=world.alice, title={"tr": "changed"}, heading=None)
        outcome = workbook_import(
            plan=plan, membership=world.alice.memberships.get(), by=world.alice, data=data
        )
    assert outcome.ok
    assert Aim.objects.get(pk=aim.pk).title == {"tr": title}


@SLOW
@given(name=typed_formulas, notes=typed_formulas)
def test_the_stakeholder_register_round_trip(world, name, notes):
    Stakeholder.objects.filter(municipality=world.home).delete()
    stakeholder(world, name=name, notes=notes)
    data = stakeholder_register(world.home)
    assert_xlsx_safe(data, [name, notes])
    outcome = import_participation(
        kind="stakeholders",
        municipality=world.home,
        by=world.alice,
        data=data,
        name="paydaslar.xlsx",
        options=Options(update_existing=True),
    )
    assert outcome.applied, outcome.problems
    assert (outcome.created, outcome.updated, outcome.unchanged) == (0, 0, 1)
    kept = Stakeholder.objects.get(municipality=world.home)
    assert (kept.name, kept.notes) == (name, notes)


# Every writer goes through the rule -------------------------------------------------------

# The one CSV written only for the software itself: the API's pushed counts, handed straight
# to the importer and never offered to a person (see ``core.cells``).
_MACHINE_CSV = {"api/pushing.py"}
SHEETS = ("ws", "sheet", "worksheet", "lists", "lists_ws")


def test_every_writer_goes_through_core_cells():
    """A new CSV writer must use ``safe_row``/``safe_text``; no module but ``core.cells``
    assigns a cell's value or appends rows to a sheet itself (``core.xlsx.put`` does it)."""
    root = Path(esitlik.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if name.startswith("migrations/") or "/migrations/" in name:
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                if node.func.attr in ("writer", "DictWriter") and getattr(owner, "id", "") == "csv":
                    if (
                        name not in _MACHINE_CSV
                        and "safe_row" not in source
                        and "safe_text" not in source
                    ):
                        offenders.append(f"{name}:{node.lineno} csv.{node.func.attr}")
                if node.func.attr == "append" and getattr(owner, "id", "") in SHEETS:
                    offenders.append(f"{name}:{node.lineno} {owner.id}.append")
            if isinstance(node, ast.Assign) and name != "core/cells.py":
                for target in node.targets:
                    cell_value = (
                        isinstance(target, ast.Attribute)
                        and target.attr == "value"
                        and "cell" in ast.unparse(target.value)
                    )
                    sheet_item = isinstance(target, ast.Subscript) and (
                        getattr(target.value, "id", "") in SHEETS
                    )
                    if cell_value or sheet_item:
                        offenders.append(f"{name}:{node.lineno} {ast.unparse(target)} =")
    assert offenders == []
