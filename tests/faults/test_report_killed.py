"""A report build killed mid-way (SIGKILL of the worker, as a crash or the OOM killer would):
no report is shown as ready and no PDF a report names is left; ``esitlik upkeep`` marks the
build failed as interrupted, in the report's language, and deletes a half-written PDF once it
is older than the stale limit; asking for the same report again builds it whole."""

import io
import os
import signal
import sqlite3
import subprocess
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from esitlik.core.models import AuditEntry
from esitlik.datasets.catalogue import service_create
from esitlik.datasets.models import ImportRun
from esitlik.reports.making import DRAWING, request_report
from esitlik.reports.models import StoredReport, pdf_path
from tests.datasets.helpers import csv_bytes, run_import
from tests.faults.worker import DATABASE_TASKS, database_for_a_process, running_worker, wait_for

Status = StoredReport.Status
# Enough services that drawing the PDF takes the worker several seconds (about 15 s for 400).
SERVICES = 200


def service_name(i: int) -> str:
    return f"Hizmet {i:03d}"


@pytest.fixture
def many_services(world):
    lines = ["Hizmet adı;Yıl;Kadın;Erkek;Toplam"]
    for i in range(SERVICES):
        service_create(
            municipality=world.home, directorate=world.social, name=service_name(i), by=None
        )
        women, men = 10 + i, 900 - i
        lines.append(f"{service_name(i)};2025;{women};{men};{women + men}")
    run = run_import(world, "service-counts", csv_bytes("\n".join(lines) + "\n"), name="s.csv")
    assert run.status == ImportRun.Status.LANDED, run.problems


def ask(world, enqueue=True) -> StoredReport:
    # In Turkish while the page is in English (tests/faults/conftest.py): the report's
    # language is the one its messages must be in.
    return request_report(
        municipality=world.home,
        kind=StoredReport.Kind.EQUALITY,
        language="tr",
        audience=StoredReport.Audience.INTERNAL,
        by=world.alice,
        year=2025,
        enqueue=enqueue,
    )


def report_state(url: str, report_id: int) -> tuple[str, int] | None:
    """The report's (status, progress) as another process sees it now."""
    if url.startswith("sqlite:///"):
        table = StoredReport._meta.db_table  # the model's own name, not input
        query = f"SELECT status, progress FROM {table} WHERE id = ?"  # noqa: S608
        with closing(sqlite3.connect(url.removeprefix("sqlite:///"), timeout=10)) as db:
            return db.execute(query, (report_id,)).fetchone()
    return StoredReport.objects.filter(pk=report_id).values_list("status", "progress").first()


def pdfs(media: Path) -> list[Path]:
    return sorted(p for p in (media / "reports").rglob("*") if p.is_file())


def named(media: Path) -> set[Path]:
    return {media / n for n in StoredReport.objects.exclude(pdf="").values_list("pdf", flat=True)}


@pytest.mark.django_db(transaction=True)
def test_a_report_build_killed_mid_way_leaves_nothing_and_can_be_built_again(
    world, settings, tmp_path, monkeypatch, many_services
):
    settings.TASKS = DATABASE_TASKS
    report = ask(world)
    assert report.status == Status.QUEUED and report.task_id
    log = tmp_path / "worker.log"
    # The worker's test settings make a fresh media folder in its temporary directory
    # (tests/settings.py); this one is looked at, and used, once the worker is gone.
    worker_tmp = tmp_path / "worker-tmp"
    worker_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(worker_tmp))

    with database_for_a_process(tmp_path) as url:
        with running_worker(url, log) as worker:

            def drawing():
                state = report_state(url, report.pk)
                building = state and state[0] == Status.BUILDING and state[1] >= DRAWING.percent
                return state if building else None

            seen = wait_for(drawing, worker, log, timeout=120, what="report being drawn")
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(timeout=30)
        assert worker.returncode == -signal.SIGKILL
        assert report_state(url, report.pk)[0] == Status.BUILDING, log.read_text()

    (media,) = worker_tmp.glob("esitlik-test-media-*")
    settings.MEDIA_ROOT = media

    report.refresh_from_db()
    assert report.status == Status.BUILDING and report.progress >= seen[1]
    # Nothing of it is shown: no report is ready, none has a document or names a file, and
    # no PDF the worker may have begun is one a report names.
    assert not StoredReport.objects.filter(status=Status.READY).exists()
    assert report.document is None and not report.pdf and report.pdf_pages == 0
    assert not named(media) & set(pdfs(media))

    # What a kill while writing the PDF leaves (the file is written before the row naming it
    # commits): the start of a PDF under the name this build would have given it.
    half = media / pdf_path(report, "ornek-equality-in-service-2025-tr.pdf")
    half.parent.mkdir(parents=True, exist_ok=True)
    half.write_bytes(b"%PDF-1.7\n%half written")

    # Upkeep, while the build may still be under way, leaves it and its file alone.
    out = io.StringIO()
    call_command("upkeep", stdout=out)
    assert "interrupted reports: 0, stray report files: 0" in out.getvalue()
    report.refresh_from_db()
    assert report.status == Status.BUILDING and half.exists()

    # Once it started longer ago than any build may take, and the file is as old, upkeep
    # calls it interrupted and deletes the file.
    long_ago = timezone.now() - timedelta(minutes=settings.IMPORT_STALE_MINUTES + 1)
    StoredReport.objects.filter(pk=report.pk).update(started_at=long_ago)
    for path in pdfs(media):
        os.utime(path, (long_ago.timestamp(), long_ago.timestamp()))
    out = io.StringIO()
    call_command("upkeep", stdout=out)
    assert "interrupted reports: 1, stray report files: 1" in out.getvalue()
    report.refresh_from_db()
    assert report.status == Status.FAILED and report.finished_at
    # In the report's language, Turkish, though English is active: "was interrupted".
    assert "yarıda kaldı" in report.error and "yeniden" in report.error
    assert report.document is None and not report.pdf
    assert pdfs(media) == []
    actions = AuditEntry.objects.filter(object_id=str(report.pk), action__startswith="reports.")
    assert list(actions.order_by("id").values_list("action", flat=True)) == [
        "reports.report.requested",
        "reports.report.failed",
    ]

    # Asked for again, it is built whole.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    again = ask(world)
    assert again.status == Status.READY, again.error
    assert again.pk != report.pk and again.pdf_pages > 0 and again.document
    path = Path(again.pdf.path)
    assert path.is_relative_to(media) and pdfs(media) == [path]
    assert path.read_bytes().startswith(b"%PDF-") and path.read_bytes().rstrip().endswith(b"%%EOF")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Hizmette Eşitlik" in text
    assert service_name(0) in text and service_name(SERVICES - 1) in text
    report.refresh_from_db()
    assert report.status == Status.FAILED  # the interrupted one stays as upkeep left it
