"""`esitlik upkeep`: an import a crash interrupted is refused with a message and can be run
again; uploads nobody confirmed are deleted; stray files are removed, stored data never."""

import os
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.datasets import imports, storage, upkeep
from esitlik.datasets.ingest import files, writing
from esitlik.datasets.kinds import Kind
from esitlik.datasets.models import ImportRun
from tests.datasets.helpers import csv_bytes, run_import

RECORDS = "Hizmet;Tarih;Cinsiyet\nSosyal Yardım;01.06.2025;K\nSosyal Yardım;02.06.2025;E\n"


def uploaded(world, name="k.csv"):
    return imports.import_upload(
        municipality=world.home,
        kind="service-records",
        year=2025,
        data=csv_bytes(RECORDS),
        file_name=name,
        by=world.alice,
    )


def started(world, minutes_ago: int) -> ImportRun:
    """A run a worker claimed ``minutes_ago`` and was killed in, leaving a half-written
    Parquet file."""
    run = uploaded(world)
    preview = imports.import_preview(run)
    run = imports.import_confirm(
        run=run, mapping=preview.mapping, drop=[], by=world.alice, enqueue=False
    )
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.RUNNING,
        progress=75,
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
    )
    part = writing.temporary_path(storage.run_path(run))
    part.parent.mkdir(parents=True, exist_ok=True)
    part.write_bytes(b"PAR1 half")
    old = time.time() - minutes_ago * 60
    os.utime(part, (old, old))
    run.refresh_from_db()
    return run


def test_an_interrupted_import_is_refused_and_the_file_can_be_imported_again(world, catalogue):
    run = started(world, minutes_ago=180)
    part = writing.temporary_path(storage.run_path(run))
    tidied = upkeep.upkeep()
    assert (tidied.interrupted, tidied.stray_parts) == (1, 0)
    run.refresh_from_db()
    assert (run.status, run.progress) == (ImportRun.Status.FAILED, 100)
    assert [p["rule"] for p in run.problems] == ["interrupted"]
    assert "yarıda kesildi" in run.problems[0]["message"]  # in the site's language
    assert not files.folder(run).exists() and not part.exists()
    assert AuditEntry.objects.filter(action="datasets.import.failed", object_id=run.pk).exists()
    assert storage.landed_files(world.home.pk, Kind.SERVICE_RECORDS) == []
    again = run_import(world, "service-records", csv_bytes(RECORDS), name="k.csv")
    assert again.status == ImportRun.Status.LANDED, again.problems


def test_an_import_running_for_minutes_is_left_alone(world, catalogue):
    run = started(world, minutes_ago=5)
    assert upkeep.upkeep().interrupted == 0
    run.refresh_from_db()
    assert run.status == ImportRun.Status.RUNNING
    assert files.upload_path(run).exists()
    assert writing.temporary_path(storage.run_path(run)).exists()


def test_a_queued_import_whose_task_ended_without_running_it_is_refused(world, catalogue, settings):
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    run = uploaded(world)
    preview = imports.import_preview(run)
    run = imports.import_confirm(run=run, mapping=preview.mapping, drop=[], by=world.alice)
    assert upkeep.upkeep().interrupted == 0  # still waiting for a worker
    DBTaskResult.objects.filter(id=run.task_id).update(status=TaskResultStatus.FAILED)
    assert upkeep.upkeep().interrupted == 1
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert "başlatılamadı" in run.problems[0]["message"]


@pytest.mark.parametrize(("days", "deleted"), [(6, False), (8, True)])
def test_an_upload_never_confirmed_is_deleted_after_a_week(world, catalogue, days, deleted):
    run = uploaded(world)
    ImportRun.objects.filter(pk=run.pk).update(created_at=timezone.now() - timedelta(days=days))
    assert upkeep.upkeep().expired == int(deleted)
    run.refresh_from_db()
    assert files.upload_path(run).exists() is not deleted
    if deleted:
        assert run.status == ImportRun.Status.FAILED
        assert run.problems[0]["rule"] == "expired"
        assert "7 gün" in run.problems[0]["message"]
    else:
        assert run.status == ImportRun.Status.UPLOADED


def test_stray_folders_go_but_stored_files_no_import_owns_are_only_counted(
    world, catalogue, settings
):
    landed = run_import(world, "service-records", csv_bytes(RECORDS))
    stray = settings.UPLOADS_ROOT / "not-a-run"
    stray.mkdir(parents=True)
    (stray / "upload").write_bytes(b"x")
    young = settings.UPLOADS_ROOT / "just-now"
    young.mkdir()
    old = time.time() - 3 * 3600
    os.utime(stray, (old, old))
    orphan = storage.run_path(landed).with_name("left-behind.parquet")
    orphan.write_bytes(storage.run_path(landed).read_bytes())
    tidied = upkeep.upkeep()
    assert (tidied.stray_folders, tidied.orphan_files) == (1, 1)
    assert not stray.exists() and young.exists() and orphan.exists()
    assert storage.landed_files(world.home.pk, Kind.SERVICE_RECORDS) == [storage.run_path(landed)]


def test_the_command_says_what_it_did(world, catalogue, capsys):
    started(world, minutes_ago=180)
    call_command("upkeep")
    assert "interrupted imports: 1" in capsys.readouterr().out
