"""Budget lines: codes, equality tags and amounts written the Turkish way."""

from decimal import Decimal

import pyarrow.parquet as pq

from esitlik.datasets import storage
from esitlik.datasets.kinds import STORED_SCHEMAS, Kind
from esitlik.datasets.models import ImportRun
from tests.datasets.helpers import csv_bytes, run_import, stored_rows, xlsx_bytes


def test_it_imports_budget_lines_with_decimal_commas(world, catalogue):
    text = (
        "Bütçe kodu;Müdürlük;Eşitlik etiketi;Açıklama;Ödenek;Gerçekleşen\n"
        "46.01.32.14;SH;Hedefli;Kadın danışma merkezi;1.250.000,50;980.000\n"
        "46.01.32.15;Park ve Bahçeler Müdürlüğü;ana akım;Aydınlatma;12500,5;\n"
        "46.01.32.16;;Nötr;Kırtasiye;0;0\n"
    )
    run = run_import(world, "budget", csv_bytes(text, "cp1254"))
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert pq.read_schema(storage.run_path(run)) == STORED_SCHEMAS[Kind.BUDGET]
    rows = stored_rows(run)
    assert [
        (r["budget_code"], r["directorate_id"], r["equality_tag"], r["planned"], r["actual"])
        for r in rows
    ] == [
        ("46.01.32.14", world.social.pk, "targeted", Decimal("1250000.50"), Decimal("980000.00")),
        ("46.01.32.15", world.parks.pk, "mainstreamed", Decimal("12500.50"), None),
        ("46.01.32.16", None, "neutral", Decimal("0.00"), Decimal("0.00")),
    ]
    assert "by_sex" not in run.summary


def test_amounts_from_a_workbook_keep_their_decimals(world, catalogue):
    data = xlsx_bytes(
        [
            ["Kod", "Etiket", "Planlanan", "Harcanan"],
            ["01", "hedefli", 1234.567, 10],
            ["02", "nötr", 1234.56, 1234.5],
        ]
    )
    run = run_import(world, "budget", data, "butce.xlsx")
    assert [(p["row"], p["letter"], p["rule"]) for p in run.problems] == [(2, "C", "type")]
    assert run.problems[0]["message"] == (
        "Write an amount with at most two decimals, such as 12.500,50."
    )


def test_an_unknown_equality_tag_lists_the_tags(world, catalogue):
    run = run_import(
        world, "budget", csv_bytes("Kod;Etiket;Ödenek\n01;Kadın dostu;100\n"), "butce.csv"
    )
    assert run.problems[0]["message"] == (
        "“Kadın dostu” is not one of: Targeted, Mainstreamed, Neutral."
    )
