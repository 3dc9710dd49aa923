"""Reports a crash interrupted (``esitlik upkeep``, which ``esitlik serve`` runs every ten
minutes): a report still being prepared ``IMPORT_STALE_MINUTES`` after it started, or
queued behind a task that ended without running it, would say "being prepared" for ever.
It is marked failed, saying why; nothing half-made was ever shown, since only a ready
report has a document and a PDF. Each is audited as any failure.

A build killed while it wrote its PDF leaves a file no report names (the file is written
before the row that names it commits); ``stray_files`` deletes such files once they are older
than the same limit, so a build writing its file at that moment is never touched."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from esitlik.datasets.upkeep import task_finished
from esitlik.reports.making import Status, audit_failure
from esitlik.reports.models import StoredReport


def _fail(report_id: int, expected: Status, message: str) -> bool:
    failed = StoredReport.objects.filter(pk=report_id, status=expected).update(
        status=Status.FAILED, error=message, finished_at=timezone.now()
    )
    if failed:
        audit_failure(StoredReport.objects.select_related("municipality").get(pk=report_id))
    return bool(failed)


def interrupted(now=None) -> int:
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=settings.IMPORT_STALE_MINUTES)
    count = 0
    stale = StoredReport.objects.filter(status=Status.BUILDING, started_at__lt=cutoff)
    for report_id, language in stale.values_list("pk", "language"):
        with translation.override(language):
            message = _(
                "Preparing the report was interrupted (the server stopped meanwhile). Prepare "
                "it again."
            )
        count += _fail(report_id, Status.BUILDING, message)
    queued = StoredReport.objects.filter(status=Status.QUEUED).exclude(task_id="")
    for report_id, language, task_id in queued.values_list("pk", "language", "task_id"):
        if task_finished(task_id):
            with translation.override(language):
                message = _(
                    "The report could not be started. Prepare it again, or tell the administrator."
                )
            count += _fail(report_id, Status.QUEUED, message)
    return count


def stray_files(now=None) -> int:
    """Delete the report PDFs no report names, older than ``IMPORT_STALE_MINUTES``."""
    media = Path(settings.MEDIA_ROOT)
    root = media / "reports"
    if not root.is_dir():
        return 0
    cutoff = (now or timezone.now()) - timedelta(minutes=settings.IMPORT_STALE_MINUTES)
    named = set(StoredReport.objects.exclude(pdf="").values_list("pdf", flat=True))
    count = 0
    for path in root.rglob("*"):
        if (
            path.is_file()
            and path.relative_to(media).as_posix() not in named
            and path.stat().st_mtime < cutoff.timestamp()
        ):
            path.unlink(missing_ok=True)
            count += 1
    return count
