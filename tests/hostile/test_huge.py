"""Zip bombs and enormous files (issue #9): a workbook that unpacks to hundreds of MB (about
three million rows of the same two cells), a CSV with one 100 MB cell, a file above the upload
limit. Every reader refuses them with a message, quickly and without holding the unpacked
contents in memory; the upload page answers an over-size file with a form error in the
user's language."""

from __future__ import annotations

import csv
import resource
import sys
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from esitlik.core.tabular import TableRefused, read_table
from esitlik.datasets.ingest import reading
from esitlik.datasets.models import ImportRun
from esitlik.plans.workbook.read import WorkbookRefused, read_book
from tests.hostile.bombs import csv_with_huge_cell, xlsx_with_sheet
from tests.hostile.strategies import sample_xlsx, time_limit

MB = 1024 * 1024


@pytest.fixture(scope="module")
def bomb() -> bytes:
    # 200 MB of sheet XML deflated to well under 1 MB: more than 1,048,576 rows.
    return xlsx_with_sheet(200 * MB)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


class Measured:
    """How long a block took and how far it raised the process's peak memory (ru_maxrss
    is the peak so far, so this is a bound: it never reads more than the block used)."""

    def __enter__(self):
        self.start = time.monotonic()
        self.peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return self

    def __exit__(self, *exc):
        self.seconds = time.monotonic() - self.start
        self.grew_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - self.peak) / 1024
        return False


def test_the_bomb_is_what_it_claims(bomb):
    import io
    import zipfile

    sizes = {i.filename: i for i in zipfile.ZipFile(io.BytesIO(bomb)).infolist()}
    sheet = sizes["xl/worksheets/sheet1.xml"]
    assert len(bomb) < 2 * MB and sheet.file_size > 200 * MB
    assert sheet.file_size / sheet.compress_size > 100


@pytest.mark.parametrize("name", ["bomba.xlsx", "bomba.csv"])  # the bytes decide, not the name
def test_a_zip_bomb_is_refused_by_the_list_reader(bomb, name):
    with Measured() as used, time_limit(10), pytest.raises(TableRefused) as refusal:
        read_table(bomb, name)
    assert "unpacks to far more" in str(refusal.value)
    assert used.seconds < 5 and used.grew_mb < 100


def test_a_zip_bomb_is_refused_by_the_plan_workbook_reader(bomb):
    with Measured() as used, time_limit(10), pytest.raises(WorkbookRefused) as refusal:
        read_book(bomb)
    assert "far more than a plan" in str(refusal.value)
    assert used.seconds < 5 and used.grew_mb < 100


def test_a_zip_bomb_is_refused_by_the_dataset_reader(bomb, tmp_path):
    # Under the dataset reader's 2 GB: refused for packing hundreds of times tighter than any
    # sheet a spreadsheet program saves.
    path = tmp_path / "upload"
    path.write_bytes(bomb)
    with Measured() as used, time_limit(10):
        for step in (reading.inspect, reading.read):
            with pytest.raises(TableRefused) as refusal:
                step(path, "bomba.xlsx")
            assert "unpacks to far more" in str(refusal.value)
    assert used.seconds < 5 and used.grew_mb < 100


def test_a_sheet_with_more_cells_than_the_limit_is_refused_before_its_cells_are_read(
    tmp_path, settings
):
    settings.UPLOAD_MAX_CELLS = 50
    path = tmp_path / "upload"
    path.write_bytes(sample_xlsx(rows=30))  # 31 rows of 4 columns
    with pytest.raises(TableRefused) as refusal:
        reading.inspect(path, "liste.xlsx")
    assert "31 rows and 4 columns" in str(refusal.value)
    assert "Split it" in str(refusal.value)


def test_a_real_workbook_packs_far_below_the_ratio_that_refuses_a_bomb(tmp_path):
    # 100,000 rows of identical values, as openpyxl writes them (Excel's own files pack less).
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["Hizmet", "Cinsiyet", "Sayı", "Tarih"])
    for _ in range(100_000):
        sheet.append(["Aşevi", "Kadın", 1, "01.01.2025"])
    out = BytesIO()
    book.save(out)
    path = tmp_path / "upload"
    path.write_bytes(out.getvalue())
    assert len(reading.read(path, "liste.xlsx")) == 100_000


@pytest.fixture
def csv_limit_raised():
    """The process's csv limit as another library leaves it (frictionless: sys.maxsize)."""
    before = csv.field_size_limit(sys.maxsize)
    yield
    csv.field_size_limit(before)


def test_a_csv_with_one_cell_of_100_mb_is_refused_by_the_dataset_reader(tmp_path, csv_limit_raised):
    path = csv_with_huge_cell(tmp_path / "upload", 100 * MB)
    with Measured() as used, time_limit(20):
        reading.inspect(path, "dev.csv")  # the first rows are fine
        with pytest.raises(TableRefused) as refusal:
            reading.read(path, "dev.csv")
    assert "has a cell of more than 131,072 characters" in str(refusal.value)
    # The file is mapped into memory once (its pages count); never several copies of it.
    assert used.grew_mb < 450 and used.seconds < 15


def test_a_csv_with_one_enormous_cell_is_refused_by_the_list_reader(tmp_path):
    data = csv_with_huge_cell(tmp_path / "liste.csv", 6 * MB).read_bytes()
    with pytest.raises(TableRefused) as refusal:
        read_table(data, "liste.csv")
    assert "larger than 5.0" in str(refusal.value)


def _upload(client, world, data: bytes, name: str):
    return client.post(
        reverse("dataset_upload", args=[world.home.slug]),
        {
            "kind": "service_counts",
            "year": 2025,
            "directorate": world.social.pk,
            "mode": "add",
            "file": SimpleUploadedFile(name, data, content_type="text/csv"),
        },
    )


@pytest.mark.parametrize(("language", "words"), [("tr", "en çok 1,0"), ("en", "files up to 1.0")])
def test_an_over_size_upload_is_a_form_error_in_the_users_language(
    world, client, settings, tmp_path, language, words
):
    settings.UPLOAD_MAX_MB = 1
    settings.UPLOADS_ROOT = tmp_path / "uploads"
    settings.DATASETS_ROOT = tmp_path / "datasets"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.force_login(world.alice)
    response = _upload(client, world, b"Hizmet;Kadin\n" + b"x;1\n" * 300_000, "buyuk.csv")
    assert response.status_code == 200
    error = str(response.context["form"].errors["file"])
    assert words in error, error
    assert not ImportRun.objects.exists()


def test_an_uploaded_zip_bomb_is_refused_on_the_column_page_not_by_a_crash(
    world, client, settings, tmp_path, bomb
):
    settings.UPLOADS_ROOT = tmp_path / "uploads"
    settings.DATASETS_ROOT = tmp_path / "datasets"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(world.alice)
    response = _upload(client, world, bomb, "bomba.xlsx")
    assert response.status_code == 302
    run = ImportRun.objects.get()
    page = client.get(reverse("dataset_import_map", args=[world.home.slug, run.pk]))
    assert page.status_code == 200
    assert "unpacks to far more than a list could hold" in page.content.decode()
