"""`esitlik import`: the command line runs the same import and says what happened."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from esitlik.datasets import storage
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ImportRun
from tests.datasets.helpers import csv_bytes

RECORDS = (
    "HİZMET ADI;Tarih;Cinsiyet;TC Kimlik No\n"
    "Sosyal Yardım;01.06.2025;K;10000000146\n"
    "Sosyal Yardım;02.06.2025;;12345678950\n"
)


def run(path, *args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import", str(path), *args, stdout=out, stderr=err)
    except CommandError as error:
        return 1, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def records(tmp_path):
    path = tmp_path / "kayıtlar.csv"
    path.write_bytes(csv_bytes(RECORDS, "cp1254"))
    return path


def test_it_imports_and_prints_a_summary(world, catalogue, records):
    code, out, err = run(
        records,
        "--municipality=ornek",
        "--kind=service-records",
        "--year=2025",
        "--drop=tc kimlik no",
        "--language=en",
    )
    assert code == 0, err
    run_ = ImportRun.objects.get()
    assert out.splitlines() == [
        f"Service records 2025 from “kayıtlar.csv”: 2 row(s) read, 2 stored (import {run_.pk})",
        "by sex: woman 1, not_stated 1",
        "warning: Sex is not stated for 50% of the records (more than 10%): figures by sex will "
        "say little.",
    ]
    assert storage.landed_files(world.home.pk, Kind.SERVICE_RECORDS) == [storage.run_path(run_)]


def test_it_exits_non_zero_listing_every_problem(world, catalogue, records):
    code, out, err = run(records, "--municipality=ornek", "--kind=service-records", "--language=en")
    assert code == 1
    assert err.splitlines() == [
        "row 1, column “TC Kimlik No” (D): The column “TC Kimlik No” (D) seems to hold Turkish "
        "ID numbers. Personal identifiers are never stored: drop the column and import again.",
        "1 problem(s) in 0 row(s); nothing was imported",
    ]
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED


def test_row_problems_name_row_column_and_value(world, catalogue, tmp_path):
    path = tmp_path / "k.csv"
    path.write_bytes(csv_bytes("Hizmet;Gün\nAşevi;01.06.2025\nSosyal Yardım;1 Haziran\n"))
    code, out, err = run(
        path,
        "--municipality=ornek",
        "--kind=service-records",
        "--map",
        "Gün=date",
        "--language=en",
    )
    assert code == 1
    assert err.splitlines() == [
        "row 2, column “Hizmet” (A), value “Aşevi”: “Aşevi” is not in the service catalogue; "
        "add it to the catalogue or write the name used there.",
        "row 3, column “Gün” (B), value “1 Haziran”: Write a date as 31.12.2026.",
        "not found: “Aşevi” in column “Hizmet” (A), 1 row(s)",
        "2 problem(s) in 2 row(s); nothing was imported",
    ]


def test_the_year_comes_from_the_file_or_must_be_given(world, catalogue, tmp_path):
    path = tmp_path / "k.csv"
    path.write_bytes(
        csv_bytes("Hizmet;Tarih\nSosyal Yardım;01.06.2024\nSosyal Yardım;01.06.2025\n")
    )
    code, out, err = run(path, "--municipality=ornek", "--kind=service-records", "--language=en")
    assert code == 1
    assert "give the year" in err
    code, out, err = run(
        path, "--municipality=ornek", "--kind=service-records", "--year=2024", "--language=en"
    )
    assert code == 1
    assert (
        "row 3, column “Tarih” (B), value “01.06.2025”: The date 01.06.2025 is not in 2024" in err
    )


def test_directorate_replace_and_the_same_file_twice(world, catalogue, tmp_path):
    first = tmp_path / "a.csv"
    first.write_bytes(csv_bytes("Hizmet;Tarih\nSosyal Yardım;01.06.2025\n"))
    second = tmp_path / "b.csv"
    second.write_bytes(csv_bytes("Hizmet;Tarih\nSosyal Yardım;02.06.2025\n"))
    options = [
        "--municipality=ornek",
        "--kind=service-records",
        "--directorate=SH",
        "--language=en",
    ]
    assert run(first, *options)[0] == 0
    code, out, err = run(first, *options)
    assert code == 1
    assert "This file was already imported on " in err
    code, out, err = run(second, *options, "--replace")
    assert code == 0, err
    earlier = ImportRun.objects.order_by("id").first()
    assert f"replaced import(s): {earlier.pk}" in out
    assert earlier.directorate == world.social


def test_unknown_municipality_directorate_or_mapping_is_an_error(world, catalogue, records):
    assert (
        "no municipality with slug 'yok'"
        in run(records, "--municipality=yok", "--kind=service-records")[2]
    )
    assert (
        "No directorate of this municipality is called “Yok”"
        in run(
            records,
            "--municipality=ornek",
            "--kind=workforce",
            "--directorate=Yok",
            "--language=en",
        )[2]
    )
    assert (
        "--map wants “Header=field”"
        in run(records, "--municipality=ornek", "--kind=workforce", "--map=Hizmet")[2]
    )
