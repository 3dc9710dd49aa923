"""A full disk while importing: the import is refused saying the disk is full (not "an
unexpected error"), nothing partial is left — no Parquet file, no half-written file, no kept
upload — and the same file imports whole once there is room. A report whose PDF cannot be
stored says the same, and is made whole once asked again."""

import errno
import os
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from esitlik.datasets import storage
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.ingest import files, writing
from esitlik.datasets.models import ImportRun
from esitlik.reports.making import request_report
from esitlik.reports.models import StoredReport
from tests.datasets.helpers import csv_bytes, run_import, stored_rows
from tests.faults.conftest import english_client

DATA = csv_bytes("Hizmet;Kadın;Erkek;Toplam\nAşevi;12;8;20\nAşevi;3;4;7\n", "cp1254")
FULL = "The server's disk is full, so nothing of this file was stored"


def no_space(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def soup_kitchen(world):
    return service_create(municipality=world.home, directorate=world.social, name="Aşevi", by=None)


def leftovers(settings) -> list:
    found = []
    for root in (settings.DATASETS_ROOT, settings.UPLOADS_ROOT):
        if root.exists():
            found += [p for p in root.rglob("*") if p.is_file()]
    return found


def test_a_full_disk_while_landing_refuses_the_import_and_leaves_nothing(
    world, settings, monkeypatch, soup_kitchen
):
    real_write = writing.pq.write_table

    def half_then_full(table, where, **options):
        with open(where, "wb") as part:  # some bytes reach the disk before it fills up
            part.write(b"PAR1" + b"\0" * 64)
        no_space()

    monkeypatch.setattr(writing.pq, "write_table", half_then_full)
    run = run_import(world, "service_counts", DATA, directorate=world.social)
    assert run.status == ImportRun.Status.FAILED
    assert [p["rule"] for p in run.problems] == ["disk_full"]
    assert FULL in run.problems[0]["message"]
    assert "unexpected" not in run.problems[0]["message"]
    assert leftovers(settings) == []
    assert storage.landed_files(world.home.pk, "service_counts") == []

    monkeypatch.setattr(writing.pq, "write_table", real_write)
    again = run_import(world, "service_counts", DATA, directorate=world.social)
    assert again.status == ImportRun.Status.LANDED, again.problems
    assert again.rows_read == 2 and again.rows_stored == len(stored_rows(again)) > 0


def test_a_full_disk_while_uploading_says_so_on_the_form(
    world, settings, monkeypatch, soup_kitchen
):
    browser = english_client(Client)
    browser.force_login(world.alice)
    page = reverse("dataset_upload", args=[world.home.slug])

    def upload():
        return browser.post(
            page,
            {
                "kind": "service_counts",
                "year": 2025,
                "directorate": world.social.pk,
                "mode": "add",
                "file": SimpleUploadedFile("asevi.csv", DATA, content_type="text/csv"),
            },
        )

    real_chunks = files._chunks

    def chunks_then_full(data):
        yield from real_chunks(data)
        no_space()

    monkeypatch.setattr(files, "_chunks", chunks_then_full)
    refused = upload()
    assert refused.status_code == 200
    assert FULL in unescape(refused.content.decode())
    assert not ImportRun.objects.exists()
    assert leftovers(settings) == []

    monkeypatch.setattr(files, "_chunks", real_chunks)
    kept = upload()
    assert kept.status_code == 302
    assert ImportRun.objects.get().status == ImportRun.Status.UPLOADED


def test_a_full_disk_while_storing_a_report_says_so_and_the_next_request_is_made(
    world, monkeypatch
):
    from django.core.files.storage import FileSystemStorage

    real_save = FileSystemStorage._save
    monkeypatch.setattr(FileSystemStorage, "_save", no_space)

    def ask():
        report = request_report(
            municipality=world.home,
            kind=StoredReport.Kind.EQUALITY,
            year=2025,
            language="en",
            audience="internal",
            by=world.alice,
        )
        report.refresh_from_db()
        return report

    failed = ask()
    assert failed.status == StoredReport.Status.FAILED
    assert failed.error.startswith("The server's disk is full, so the report could not be stored")
    assert not failed.pdf

    monkeypatch.setattr(FileSystemStorage, "_save", real_save)
    again = ask()
    assert again.status == StoredReport.Status.READY, again.error
    assert again.pdf.read(5) == b"%PDF-"
