"""Asking for a report, building it in the background, publishing and withdrawing it.

The views and the command call these; each change is audited. Building reads the data
(``gather``), writes the document, draws the PDF and stores all of it on the
:class:`~esitlik.reports.models.StoredReport`; the progress page follows ``progress``.
Whatever goes wrong, the report ends "failed" with a message a person can act on, and
nothing half-made is shown as ready.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from esitlik.core.audit import audit_record
from esitlik.core.disk import is_disk_full
from esitlik.reports.document import Audience, Report
from esitlik.reports.models import StoredReport

logger = logging.getLogger("esitlik.reports")

Status = StoredReport.Status
WORKING = {Status.QUEUED, Status.BUILDING}


@dataclass(frozen=True)
class Stage:
    """A step of the build, with the progress it starts at and its words on the page."""

    percent: int
    words: str


READING = Stage(5, gettext_lazy("reading the data"))
WRITING = Stage(55, gettext_lazy("writing the findings"))
DRAWING = Stage(70, gettext_lazy("drawing the PDF"))
STORING = Stage(95, gettext_lazy("storing the report"))


def phase(report: StoredReport) -> str:
    if report.status == Status.QUEUED:
        return str(_("waiting for its turn"))
    if report.status == Status.FAILED:
        return str(_("failed"))
    if report.status == Status.READY:
        return str(_("ready"))
    stage = READING
    for candidate in (READING, WRITING, DRAWING, STORING):
        if report.progress >= candidate.percent:
            stage = candidate
    return str(stage.words)


def progress_percent(report: StoredReport) -> int:
    if report.status in (Status.READY, Status.FAILED):
        return 100
    return max(0, min(100, report.progress))


def _audit(action: str, report: StoredReport, by, **changes) -> None:
    audit_record(
        action=action,
        actor=by,
        municipality=report.municipality,
        obj=report,
        changes={
            "kind": report.kind,
            "subject": report.subject,
            "language": report.language,
            "audience": report.audience,
            **changes,
        },
    )


# Asking ------------------------------------------------------------------------------------


def request_report(
    *,
    municipality,
    kind: str,
    language: str,
    audience: str,
    by,
    year: int | None = None,
    plan=None,
    period: str = "",
    enqueue: bool = True,
) -> StoredReport:
    """Record the request and queue the build. The form has checked the values; this checks
    again what the database relies on (the plan is the municipality's)."""
    if kind == StoredReport.Kind.PROGRESS:
        if plan is None or plan.municipality_id != municipality.pk:
            raise ValidationError({"plan": _("Choose one of this municipality's plans.")})
    elif year is None:
        raise ValidationError({"year": _("Give the report's year.")})
    with transaction.atomic():
        report = StoredReport.objects.create(
            municipality=municipality,
            kind=kind,
            year=year if kind == StoredReport.Kind.EQUALITY else None,
            plan=plan if kind == StoredReport.Kind.PROGRESS else None,
            period=period if kind == StoredReport.Kind.PROGRESS else "",
            language=language,
            audience=audience,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        _audit("reports.report.requested", report, by)
    if enqueue:
        # After the commit: a worker must find the row it is told about.
        result = build_report.enqueue(report.pk)
        StoredReport.objects.filter(pk=report.pk).update(task_id=str(result.id)[:64])
        report.refresh_from_db()
    return report


# Building ----------------------------------------------------------------------------------


def _advance(report: StoredReport, stage: Stage) -> None:
    report.progress = stage.percent
    StoredReport.objects.filter(pk=report.pk).update(progress=stage.percent)


def compose(report: StoredReport) -> Report:
    """The document of ``report``'s kind, subject, language and audience, from the data as
    it is now."""
    audience = Audience(report.audience)
    if report.kind == StoredReport.Kind.EQUALITY:
        from esitlik.reports.equality import build
        from esitlik.reports.gather import gather

        sources = gather(report.municipality, report.year)
        _advance(report, WRITING)
        return build(sources, language=report.language, audience=audience)
    from esitlik.reports.progress import build_progress

    _advance(report, WRITING)
    return build_progress(report.plan, report.period, language=report.language, audience=audience)


def build_execute(report_id: int) -> None:
    """Build a queued report (the task's body)."""
    claimed = StoredReport.objects.filter(pk=report_id, status=Status.QUEUED).update(
        status=Status.BUILDING, progress=READING.percent, started_at=timezone.now()
    )
    if not claimed:
        return  # built already, or withdrawn while it waited
    report = StoredReport.objects.select_related("municipality", "plan", "created_by").get(
        pk=report_id
    )
    from esitlik.reports.progress import PeriodError

    try:
        if report.plan is not None and report.plan.municipality_id != report.municipality_id:
            # request_report refuses this; a row made past it must not read another
            # municipality's plan either (tests/core/test_permission_matrix.py).
            raise PeriodError(_("Choose one of this municipality's plans."))
        with translation.override(report.language):
            document = compose(report)
        _advance(report, DRAWING)
        from esitlik.reports.render import render_pdf_counted

        pdf, pages = render_pdf_counted(document)
        _advance(report, STORING)
        _store(report, document, pdf, pages)
    except PeriodError as refused:
        # The plan or period cannot be reported on (the plan was sent back to draft since
        # the request): say why, as the form would have.
        StoredReport.objects.filter(pk=report_id).update(
            status=Status.FAILED, error=str(refused), finished_at=timezone.now()
        )
        report.refresh_from_db()
        audit_failure(report)
    except Exception as error:
        full = is_disk_full(error)
        if full:  # the administrator's to fix, not "an unexpected error": say so
            logger.error("report %s failed: the disk is full", report_id)
        else:
            logger.exception("report %s failed", report_id)
        with translation.override(report.language or settings.LANGUAGE_CODE):
            message = (
                _(
                    "The server's disk is full, so the report could not be stored. Tell the "
                    "administrator; once there is room again, ask for the report again."
                )
                if full
                else _(
                    "The report could not be prepared because of an unexpected error. Try "
                    "again, or tell the administrator."
                )
            )
        StoredReport.objects.filter(pk=report_id).update(
            status=Status.FAILED, error=message, finished_at=timezone.now()
        )
        report.refresh_from_db()
        audit_failure(report)


def audit_failure(report: StoredReport) -> None:
    _audit("reports.report.failed", report, None)


def _store(report: StoredReport, document: Report, pdf: bytes, pages: int) -> None:
    name = f"{report.municipality.slug}-{document.kind}-{report.subject}-{report.language}.pdf"
    with transaction.atomic():
        report.pdf.save(name.replace("/", "-"), ContentFile(pdf), save=False)
        report.document = document.to_dict()
        report.inputs = document.inputs
        report.title = document.title[:300]
        report.pdf_pages = pages
        report.status = Status.READY
        report.progress = 100
        report.finished_at = timezone.now()
        report.save()
        _audit("reports.report.ready", report, None, pages=report.pdf_pages)


@task()
def build_report(report_id: int) -> None:
    build_execute(report_id)


def document_of(report: StoredReport) -> Report:
    return Report.from_dict(report.document)


# Publishing --------------------------------------------------------------------------------


def check_version(report: StoredReport, version: int | None) -> StoredReport:
    """The stored report, locked until the caller's transaction commits; refused if its
    version is not ``version``, the one the person's page was drawn from (None: a caller
    that is not a form). The stored row is compared, not ``report`` as the view loaded it,
    so two changes made from the same page state at the same moment let only the first
    through: the second waits for the lock, then reads the version the first wrote."""
    report = StoredReport.objects.select_for_update(of=("self",)).get(pk=report.pk)
    if version is not None and version != report.version:
        raise ValidationError(
            _(
                "Someone else changed this report while you were looking at it. The page now "
                "shows it as it is; do it again if it is still needed."
            ),
            code="stale",
        )
    return report


@transaction.atomic
def publish(*, report: StoredReport, by, version: int | None = None) -> list[int]:
    """Make a ready public report the published one of its subject and language; an earlier
    published one of the same is withdrawn (listed in the audit entry). Returns the ids
    withdrawn."""
    report = check_version(report, version)
    if report.status != Status.READY:
        raise ValidationError(_("Only a ready report can be published."), code="not_ready")
    if report.audience != StoredReport.Audience.PUBLIC:
        raise ValidationError(
            _(
                "Only the public version can be published: the internal one shows small "
                "numbers that could identify people."
            ),
            code="internal",
        )
    if report.is_published:
        raise ValidationError(_("This report is already published."), code="published")
    replaced = list(
        report.same_subject().filter(published_at__isnull=False).values_list("pk", flat=True)
    )
    StoredReport.objects.filter(pk__in=replaced).update(
        published_at=None, published_by=None, version=F("version") + 1
    )
    report.published_at = timezone.now()
    report.published_by = by
    report.version += 1
    report.save(update_fields=["published_at", "published_by", "version"])
    _audit("reports.report.published", report, by, replaced=replaced)
    return replaced


@transaction.atomic
def withdraw(*, report: StoredReport, by, version: int | None = None) -> None:
    report = check_version(report, version)
    if not report.is_published:
        raise ValidationError(_("This report is not published."), code="not_published")
    report.published_at = None
    report.published_by = None
    report.version += 1
    report.save(update_fields=["published_at", "published_by", "version"])
    _audit("reports.report.withdrawn", report, by)


@transaction.atomic
def delete(*, report: StoredReport, by) -> None:
    """A report nobody needs any more. A published one must be withdrawn first, so that
    what the public saw is never removed in one click."""
    report = StoredReport.objects.select_for_update(of=("self",)).get(pk=report.pk)
    if report.is_published:
        raise ValidationError(
            _("A published report cannot be deleted; withdraw it first."), code="published"
        )
    if report.status in WORKING:
        raise ValidationError(
            _("The report is still being prepared; delete it once it is ready."),
            code="working",
        )
    _audit("reports.report.deleted", report, by, title=report.title)
    stored = report.pdf.name
    storage = report.pdf.storage
    report.delete()
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))
