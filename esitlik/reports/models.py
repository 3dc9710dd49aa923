"""What the database keeps of reports: each report asked for in the UI, as it was built.

A report is built once, in a background task, into a document (``reports.document.Report``)
stored here as JSON with the versions of what it was made of (``inputs``: import runs and
their checksums, plan edition, the day). Every later view and download is drawn from that
stored document, so a report handed to the council in March reads the same in December,
whatever data arrived since. The PDF is kept as a file too: the copy that was published is
the copy people download.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esitlik.core.models import Municipality


def pdf_path(report: StoredReport, filename: str) -> str:
    return f"reports/{report.municipality_id}/{report.pk or 'new'}-{filename}"


class StoredReportQuerySet(models.QuerySet):
    def published(self):
        """What the public may read: ready, public, published (the one definition, for the
        portal, the API and the network view)."""
        return self.filter(
            published_at__isnull=False,
            audience=StoredReport.Audience.PUBLIC,
            status=StoredReport.Status.READY,
        )


class StoredReport(models.Model):
    class Kind(models.TextChoices):
        EQUALITY = "equality-in-service", _("Equality in Service report")
        PROGRESS = "plan-progress", _("Plan monitoring report")

    class Audience(models.TextChoices):
        INTERNAL = "internal", _("Internal: every figure")
        PUBLIC = "public", _("Public: small numbers hidden")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        BUILDING = "building", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("report"), max_length=30, choices=Kind.choices)
    # The Equality in Service report's year; a plan monitoring report's plan and period
    # ("2025H1" for a half year, "2025" for a year).
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    plan = models.ForeignKey(
        "plans.ActionPlan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("action plan"),
    )
    period = models.CharField(_("period"), max_length=8, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    audience = models.CharField(
        _("version"), max_length=10, choices=Audience.choices, default=Audience.INTERNAL
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    # The built document (document.Report.to_dict()) and, for listing without loading it,
    # what it was made of.
    document = models.JSONField(null=True, blank=True)
    inputs = models.JSONField(default=dict, blank=True)
    pdf = models.FileField(upload_to=pdf_path, max_length=300, blank=True)
    pdf_pages = models.PositiveIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    # Bumped on publish and withdraw: a form showing an older state is refused, not applied.
    version = models.PositiveIntegerField(default=1)

    objects = StoredReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "kind", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="equality-in-service", year__isnull=False)
                    | models.Q(kind="plan-progress", plan__isnull=False)
                ),
                name="report_has_its_subject",
            ),
            # Only what passed disclosure control may be published.
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True) | models.Q(audience="public"),
                name="report_published_only_public",
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} {self.subject}"

    @property
    def subject(self) -> str:
        """The year, or the plan's period, in a few characters."""
        if self.kind == self.Kind.EQUALITY:
            return str(self.year)
        return _period_label(self.period)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def same_subject(self):
        """Reports of the same kind, subject and language: publishing one replaces the
        others on the portal."""
        return StoredReport.objects.filter(
            municipality_id=self.municipality_id,
            kind=self.kind,
            year=self.year,
            plan_id=self.plan_id,
            period=self.period,
            language=self.language,
        ).exclude(pk=self.pk)


def _period_label(period: str) -> str:
    """A period as Turkish plans write it: 2025H1 as 2025/1, 2025 as it is."""
    if len(period) == 6 and period[4] == "H":
        return f"{period[:4]}/{period[5]}"
    return period
