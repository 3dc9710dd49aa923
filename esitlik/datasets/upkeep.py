"""Tidying after imports a crash interrupted and uploads nobody confirmed (``esitlik upkeep``;
``esitlik serve`` runs it every ten minutes).

- An import still running ``IMPORT_STALE_MINUTES`` after it started was interrupted (the
  worker was killed, the server lost power): nothing of it counts, since only landed runs
  are read, but its page would say "being imported" for ever. It is marked refused with a
  message saying so, and its upload and any half-written file are deleted; importing the
  file again starts afresh.
- An import queued whose task has finished without running it (the task failed before it
  began) is refused the same way.
- An upload not confirmed within ``UPLOAD_KEEP_DAYS`` is deleted (the file may hold more
  than the person meant to import) and its run marked refused, saying why.
- Upload folders no run names and half-written Parquet files older than the stale limit are
  deleted. Parquet files no landed or replaced run owns are only counted and logged:
  deleting stored data is for a person to decide.

Each change to a run is audited (``datasets.import.failed``, as any refusal).
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esitlik.datasets import storage
from esitlik.datasets.ingest import files, landing, writing
from esitlik.datasets.models import ImportRun

logger = logging.getLogger("esitlik.upkeep")
Status = ImportRun.Status


@dataclass
class Tidied:
    interrupted: int = 0
    expired: int = 0
    stray_folders: int = 0
    stray_parts: int = 0
    orphan_files: int = 0

    def __str__(self) -> str:
        return (
            f"interrupted imports: {self.interrupted}, expired uploads: {self.expired}, "
            f"stray upload folders: {self.stray_folders}, half-written files: "
            f"{self.stray_parts}, Parquet files no import owns: {self.orphan_files}"
        )


def _refuse(run_id: int, expected: set[str], message: str, rule: str) -> bool:
    """Mark the run refused with ``message`` if it is still in one of the ``expected``
    states (a worker may have finished it meanwhile); True when it was."""
    with transaction.atomic():
        # Only the run's row is locked: PostgreSQL refuses FOR UPDATE on the nullable side
        # of the outer join to created_by.
        run = (
            ImportRun.objects.select_for_update(of=("self",))
            .select_related("municipality", "created_by")
            .filter(pk=run_id, status__in=expected)
            .first()
        )
        if run is None:
            return False
        landing.fail(run, landing.file_problem(message, rule))
    files.discard_all(run)
    writing.remove(storage.run_path(run))
    return True


def task_finished(task_id: str) -> bool:
    """Whether the queued task has ended (succeeded or failed) without the run starting."""
    if not task_id:
        return False
    try:
        from django_tasks import TaskResultStatus
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another task backend: nothing to look up
        return False
    try:
        result = DBTaskResult.objects.filter(id=task_id).first()
    except (ValueError, TypeError):
        return False
    done = {TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED}
    return result is not None and result.status in done


def interrupted(now=None) -> int:
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=settings.IMPORT_STALE_MINUTES)
    count = 0
    stale = ImportRun.objects.filter(status=Status.RUNNING, started_at__lt=cutoff)
    for run_id in stale.values_list("pk", flat=True):
        count += _refuse(
            run_id,
            {Status.RUNNING},
            _(
                "The import was interrupted (the server stopped while it ran); nothing of it "
                "was stored. Import the file again."
            ),
            "interrupted",
        )
    queued = ImportRun.objects.filter(status=Status.QUEUED).exclude(task_id="")
    for run_id, task_id in queued.values_list("pk", "task_id"):
        if task_finished(task_id):
            count += _refuse(
                run_id,
                {Status.QUEUED},
                _(
                    "The import could not be started; nothing was stored. Import the file "
                    "again, or tell the administrator."
                ),
                "interrupted",
            )
    return count


def expired(now=None) -> int:
    now = now or timezone.now()
    days = settings.UPLOAD_KEEP_DAYS
    old = ImportRun.objects.filter(
        status=Status.UPLOADED, created_at__lt=now - timedelta(days=days)
    )
    return sum(
        _refuse(
            run_id,
            {Status.UPLOADED},
            _(
                "The file waited %(days)d days without being confirmed and was deleted; "
                "upload it again to import it."
            )
            % {"days": days},
            "expired",
        )
        for run_id in old.values_list("pk", flat=True)
    )


def _old(path: Path, cutoff: float) -> bool:
    try:
        return path.stat().st_mtime < cutoff
    except FileNotFoundError:
        return False


def stray_files(now: float | None = None) -> tuple[int, int]:
    """Delete upload folders no run names and half-written Parquet files, both older than
    the stale limit (a younger one may belong to an upload or a write under way)."""
    cutoff = (now or time.time()) - settings.IMPORT_STALE_MINUTES * 60
    folders = 0
    uploads = Path(settings.UPLOADS_ROOT)
    if uploads.is_dir():
        tokens = {str(t) for t in ImportRun.objects.values_list("token", flat=True)}
        for folder in uploads.iterdir():
            if folder.is_dir() and folder.name not in tokens and _old(folder, cutoff):
                shutil.rmtree(folder, ignore_errors=True)
                folders += 1
    parts = 0
    for part in storage.root().glob("*/*/*/.*.writing"):
        if _old(part, cutoff):
            part.unlink(missing_ok=True)
            parts += 1
    return folders, parts


def upkeep(now=None) -> Tidied:
    with translation.override(settings.LANGUAGE_CODE):
        tidied = Tidied(interrupted=interrupted(now), expired=expired(now))
    tidied.stray_folders, tidied.stray_parts = stray_files()
    tidied.orphan_files = len(storage.orphan_files())
    if tidied.orphan_files:
        logger.warning(
            "%d Parquet files under %s belong to no landed or replaced import (see "
            "docs/datasets.md, “Upkeep”)",
            tidied.orphan_files,
            storage.root(),
        )
    return tidied
