"""An import lands whole or not at all; the same file twice is refused; replacing and
withdrawing put the data back as it was."""

import pytest
from django.core.exceptions import ValidationError

from esitlik.core.models import AuditEntry
from esitlik.datasets import imports, storage
from esitlik.datasets.ingest import files, landing
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ImportRun
from tests.datasets.helpers import csv_bytes, run_import, stored_rows

RECORDS = "Hizmet;Tarih;Cinsiyet\nSosyal Yardım;01.06.2025;K\nSosyal Yardım;02.06.2025;E\n"
OTHER = "Hizmet;Tarih;Cinsiyet\nSosyal Yardım;03.06.2025;K\n"


def landed(world):
    return storage.landed_files(world.home.pk, Kind.SERVICE_RECORDS, 2025)


def test_a_failure_after_the_parquet_write_leaves_nothing_landed(world, catalogue, monkeypatch):
    written = []
    real_write = landing.writing.write

    def write(table, final):
        real_write(table, final)
        written.append(final)

    real_audit = landing.audit_record

    def audit_fails(**kwargs):
        # Fails inside the landing transaction, after the run was marked landed.
        if kwargs["action"] == "datasets.import.landed":
            raise RuntimeError("the database went away")
        return real_audit(**kwargs)

    monkeypatch.setattr(landing.writing, "write", write)
    monkeypatch.setattr(landing, "audit_record", audit_fails)
    run = run_import(world, "service-records", csv_bytes(RECORDS))
    assert run.status == ImportRun.Status.FAILED
    assert [p["rule"] for p in run.problems] == ["internal"]
    assert written and not written[0].exists()  # the file was written, then removed
    assert landed(world) == []
    assert run.stored_path == ""
    assert list(storage.root().glob(f"{world.home.pk}/**/*.parquet")) == []


def test_a_kill_after_the_write_leaves_an_orphan_no_one_reads(world, catalogue, monkeypatch):
    def killed(run, outcome, final):
        raise KeyboardInterrupt

    monkeypatch.setattr(landing, "land", killed)
    with pytest.raises(KeyboardInterrupt):
        run_import(world, "service-records", csv_bytes(RECORDS))
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.RUNNING
    assert landed(world) == []
    assert storage.orphan_files() == []  # removed on the way out; else orphan_files finds it


def test_the_same_file_twice_is_refused_naming_the_first_import(world, catalogue):
    first = run_import(world, "service-records", csv_bytes(RECORDS), "ilk.csv")
    assert first.status == ImportRun.Status.LANDED
    with pytest.raises(ValidationError) as refused:
        run_import(world, "service-records", csv_bytes(RECORDS), "ikinci.csv")
    message = refused.value.message_dict["file"][0]
    assert "This file was already imported on " in message
    assert "as “ilk.csv” (Service records, 2025)" in message
    assert ImportRun.objects.count() == 1
    # Another kind, or another municipality, may hold the same bytes.
    assert not list(files.folder(first).glob("upload"))


def test_replacing_and_withdrawing_puts_the_earlier_data_back(
    world, catalogue, django_capture_on_commit_callbacks
):
    first = run_import(world, "service-records", csv_bytes(RECORDS), "ilk.csv")
    second = run_import(world, "service-records", csv_bytes(OTHER), "yeni.csv", mode="replace")
    first.refresh_from_db()
    assert second.status == ImportRun.Status.LANDED
    assert (first.status, first.replaced_by) == (ImportRun.Status.REPLACED, second)
    assert landed(world) == [storage.run_path(second)]
    assert len(stored_rows(second)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        imports.import_withdraw(run=second, by=world.alice)
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.status == ImportRun.Status.WITHDRAWN
    assert (second.withdrawn_by, first.status, first.replaced_by) == (
        world.alice,
        ImportRun.Status.LANDED,
        None,
    )
    assert landed(world) == [storage.run_path(first)]
    assert [(r["sex"], r["count"]) for r in stored_rows(first)] == [("man", 1), ("woman", 1)]
    assert not storage.run_path(second).exists()
    entry = AuditEntry.objects.get(action="datasets.import.withdrawn")
    assert entry.changes["restored"] == [first.pk]


def test_add_mode_keeps_both_imports(world, catalogue):
    run_import(world, "service-records", csv_bytes(RECORDS))
    run_import(world, "service-records", csv_bytes(OTHER))
    assert len(landed(world)) == 2


def test_only_a_landed_import_can_be_withdrawn(world, catalogue):
    run = run_import(world, "service-records", csv_bytes("Hizmet;Tarih\nYok;01.06.2025\n"))
    with pytest.raises(ValidationError, match="Only imported data can be withdrawn"):
        imports.import_withdraw(run=run, by=world.alice)


def test_landing_and_refusal_are_audited_and_the_upload_deleted(world, catalogue):
    good = run_import(world, "service-records", csv_bytes(RECORDS))
    bad = run_import(world, "service-records", csv_bytes("Hizmet;Tarih\nYok;01.06.2025\n"))
    landed_entry = AuditEntry.objects.get(action="datasets.import.landed")
    assert (landed_entry.actor, landed_entry.object_id) == (world.alice, str(good.pk))
    assert landed_entry.changes["rows_stored"] == 2
    failed_entry = AuditEntry.objects.get(action="datasets.import.failed")
    assert (failed_entry.object_id, failed_entry.changes["problems"]) == (str(bad.pk), 1)
    for run in (good, bad):
        assert not files.upload_path(run).exists()
        assert run.progress == 100 and run.finished_at is not None


def test_the_pages_flow_runs_the_import_as_a_task(world, catalogue):
    run = imports.import_upload(
        municipality=world.home,
        kind=Kind.SERVICE_RECORDS,
        year=2025,
        data=csv_bytes("Hizmet türü;Gün;Cinsiyet\nSosyal Yardım;01.06.2025;K\n"),
        file_name="kayit.csv",
        by=world.bob,
        directorate=world.social,
    )
    assert run.status == ImportRun.Status.UPLOADED
    preview = imports.import_preview(run)
    assert preview.headers == ["Hizmet türü", "Gün", "Cinsiyet"]
    assert preview.mapping == {"Hizmet türü": "service", "Gün": "", "Cinsiyet": "sex"}
    assert preview.missing == ["Give one of these columns: “Date”."]
    assert (preview.encoding, preview.delimiter, preview.header_row) == ("utf-8", ";", 1)
    assert preview.rows == [{"number": 2, "cells": ["Sosyal Yardım", "01.06.2025", "K"]}]
    with pytest.raises(ValidationError) as refused:
        imports.import_confirm(run=run, mapping=preview.mapping, drop=[], by=world.bob)
    assert refused.value.message_dict == {"mapping": ["Give one of these columns: “Date”."]}

    run = imports.import_confirm(
        run=run, mapping={**preview.mapping, "Gün": "date"}, drop=[], by=world.bob
    )
    assert run.status == ImportRun.Status.LANDED  # tests run tasks at once
    assert run.task_id
    assert run.created_by == world.bob

    # The hand-made mapping is remembered for the directorate's next file.
    again = imports.import_upload(
        municipality=world.home,
        kind=Kind.SERVICE_RECORDS,
        year=2025,
        data=csv_bytes("Hizmet türü;Gün\nSosyal Yardım;02.06.2025\n"),
        file_name="kayit2.csv",
        by=world.bob,
        directorate=world.social,
    )
    preview = imports.import_preview(again)
    assert preview.mapping == {"Hizmet türü": "service", "Gün": "date"}
    assert preview.remembered == ["Gün"]
    assert AuditEntry.objects.filter(action="datasets.mapping.saved").count() == 1


def test_a_confirmed_import_cannot_be_confirmed_again(world, catalogue):
    run = run_import(world, "service-records", csv_bytes(RECORDS))
    with pytest.raises(ValidationError, match="already confirmed"):
        imports.import_confirm(run=run, mapping={}, drop=[], by=world.alice)


def test_an_upload_that_is_not_a_table_is_refused(world, catalogue):
    with pytest.raises(ValidationError) as refused:
        run_import(world, "service-records", b"%PDF-1.4", "rapor.pdf")
    assert "Upload a CSV file or an Excel workbook" in refused.value.message_dict["file"][0]


def test_the_problems_workbook_holds_the_rows_with_an_error_column(world, catalogue):
    from io import BytesIO

    from openpyxl import load_workbook

    text = "Başlık\nHizmet;Tarih;Not\nSosyal Yardım;01.06.2025;iyi\nAşevi;1 Haziran;kötü\n"
    run = run_import(world, "service-records", csv_bytes(text))
    book = load_workbook(BytesIO(imports.problems_workbook(run)))
    assert book.sheetnames == ["Rows with problems", "Problems", "Names not found"]
    rows = [[cell.value for cell in row] for row in book["Rows with problems"].iter_rows()]
    assert rows == [
        ["Row", "Hizmet", "Tarih", "Not", "Problems"],
        [
            4,
            "Aşevi",
            "1 Haziran",
            "kötü",
            "Hizmet (A): “Aşevi” is not in the service catalogue; add it to the catalogue or "
            "write the name used there. · Tarih (B): Write a date as 31.12.2026.",
        ],
    ]
    listed = [[cell.value for cell in row] for row in book["Problems"].iter_rows()]
    assert listed[1][:5] == [4, "Hizmet", "A", "Aşevi", "unknown_service"]
    assert [[c.value for c in r] for r in book["Names not found"].iter_rows()][1] == [
        "Hizmet",
        "A",
        "Aşevi",
        1,
    ]


# Transactional: the worker closes the database connection between tasks, which on PostgreSQL
# ends the connection a test transaction would be running in.
@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_a_worker_runs_the_queued_import(world, catalogue, settings):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    run = imports.import_upload(
        municipality=world.home,
        kind="service-records",
        year=2025,
        data=csv_bytes(RECORDS),
        file_name="k.csv",
        by=world.alice,
    )
    preview = imports.import_preview(run)
    run = imports.import_confirm(run=run, mapping=preview.mapping, drop=[], by=world.alice)
    assert (run.status, run.progress) == (ImportRun.Status.QUEUED, 0)
    assert run.task_id
    assert landed(world) == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    run.refresh_from_db()
    assert (run.status, run.progress, run.rows_stored) == (ImportRun.Status.LANDED, 100, 2)
    assert landed(world) == [storage.run_path(run)]
