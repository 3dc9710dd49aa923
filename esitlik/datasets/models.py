"""What the database knows of the datasets: the service catalogue, every import run (the
Parquet file it wrote lives under the data directory, see ``storage.py``), the column mappings
people chose, the columns a municipality adds to its service data, and which data each
directorate is expected to send."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate, Municipality
from esitlik.datasets.kinds import Kind
from esitlik.datasets.vocab import DecisionBody, Outcome


class Service(models.Model):
    """One service of the municipality's catalogue (a course, a kind of social aid, a sports
    centre…), owned by the directorate that provides it. Service records and counts name it;
    ``sensitive`` services (violence support, shelters) are published under a stricter
    disclosure threshold."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="services"
    )
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("directorate"),
    )
    name = models.JSONField(_("name"))
    # The Turkish name folded (core.tabular.match_key): how a file's "SPOR KURSU" finds it.
    key = models.CharField(max_length=200, editable=False)
    code = models.CharField(_("code"), max_length=30, blank=True)
    sensitive = models.BooleanField(
        _("sensitive"),
        default=False,
        help_text=_(
            "Violence support, shelters and the like: published figures hide counts below a "
            "higher threshold."
        ),
    )
    # A women's shelter, a men's father-support group: open to one sex by design, so its
    # share of women is explained in reports rather than ranked as a gap.
    single_sex = models.CharField(
        _("open to"),
        max_length=5,
        blank=True,
        default="",
        choices=[("", _("women and men")), ("women", _("women only")), ("men", _("men only"))],
        help_text=_(
            "For a service only women (or only men) may use by design, such as a women's "
            "shelter: reports explain its share of women instead of ranking it as a gap."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="service_unique_name"),
            models.UniqueConstraint(
                fields=["municipality", "code"],
                condition=~models.Q(code=""),
                name="service_unique_code",
            ),
        ]

    def __str__(self) -> str:
        return localized(self.name)


class ImportRun(models.Model):
    """One file imported as one kind of dataset for one year: its journey from upload to
    landed (or refused), and what it holds. Only landed runs are read by computations, so a
    run that failed or was killed half-way leaves nothing behind; withdrawing a run takes its
    rows out and puts back what it replaced."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded, waiting for confirmation")
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being imported")
        FAILED = "failed", _("Refused")
        LANDED = "landed", _("Imported")
        REPLACED = "replaced", _("Replaced by a later import")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Mode(models.TextChoices):
        ADD = "add", _("Add to the year's data")
        REPLACE = "replace", _("Replace the year's data from the same source")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="import_runs"
    )
    # Names the Parquet file, so a file on disk is never mistaken for another run's.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="import_runs",
        verbose_name=_("directorate"),
        help_text=_("The directorate that sent the data, if one did."),
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.ADD)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UPLOADED
    )
    file_name = models.CharField(_("file"), max_length=255)
    file_size = models.BigIntegerField(default=0)
    # SHA-256 of the file's bytes: the same file imported twice is recognised.
    file_sha256 = models.CharField(max_length=64, db_index=True)
    sheet = models.CharField(max_length=100, blank=True)
    # {"header as in the file": "field key"}, "" for a column left out.
    mapping = models.JSONField(default=dict, blank=True)
    # Columns the user chose to drop because they held identifiers (never stored).
    dropped_columns = models.JSONField(default=list, blank=True)
    rows_read = models.PositiveIntegerField(default=0)
    rows_stored = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    # The first problems found: [{"row", "column", "value", "rule", "message"}]; the full
    # list is rebuilt for the downloadable report.
    problems = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    # Totals of what landed, for the run's page: {"rows": n, "by_sex": {...}, ...}.
    summary = models.JSONField(default=dict, blank=True)
    # 0–100 while a background task works on it.
    progress = models.PositiveSmallIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True)
    # When a worker began running it: a run still running long after is one a crash
    # interrupted (``datasets.upkeep``).
    started_at = models.DateTimeField(null=True, blank=True)
    # The Parquet file, relative to settings.DATASETS_ROOT.
    stored_path = models.CharField(max_length=500, blank=True)
    replaced_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaced"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "kind", "year", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} — {self.file_name}"


class ColumnMapping(models.Model):
    """A heading a user mapped by hand, remembered for the next file of the same directorate
    and kind: "Hizmetten Yararlanan Kadın" → women."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="column_mappings"
    )
    directorate = models.ForeignKey(
        Directorate, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    # The heading folded by core.tabular.match_key.
    header_key = models.CharField(max_length=200)
    header = models.CharField(max_length=200)
    # A field key of the kind, or "" for "leave this column out".
    field = models.CharField(max_length=40, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            # Two constraints, because NULLs are distinct in a unique index on SQLite.
            models.UniqueConstraint(
                fields=["municipality", "directorate", "kind", "header_key"],
                condition=models.Q(directorate__isnull=False),
                name="column_mapping_unique",
            ),
            models.UniqueConstraint(
                fields=["municipality", "kind", "header_key"],
                condition=models.Q(directorate__isnull=True),
                name="column_mapping_unique_any_directorate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.header} → {self.field or '—'}"


class Dimension(models.Model):
    """A column the municipality adds to its service records and counts, beyond those every
    municipality has: household type, education, the district office that served… Files
    give it under its name or an alias; its values are checked against ``values`` when that
    list is given, kept as written otherwise, and stored in the column ``x_<key>``."""

    KEY_MAX = 30

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="dimensions"
    )
    # Made from the Turkish name when the dimension is created, then never changed: stored
    # files name their column by it.
    key = models.CharField(max_length=KEY_MAX, editable=False)
    name = models.JSONField(_("name"))
    aliases = models.TextField(_("other headings"), blank=True)
    values = models.TextField(_("values"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="dimension_unique_key"),
        ]

    def __str__(self) -> str:
        return localized(self.name)

    @property
    def column(self) -> str:
        """The stored column and the import's field key."""
        return f"x_{self.key}"

    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    def value_list(self) -> list[str]:
        return [line.strip() for line in self.values.splitlines() if line.strip()]


class DataExpectation(models.Model):
    """What the equality unit expects a directorate to send for a year, and by when: the
    basis of the completeness table and of reminders."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="data_expectations"
    )
    directorate = models.ForeignKey(
        Directorate, on_delete=models.CASCADE, related_name="data_expectations"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="expectations",
        verbose_name=_("service"),
    )
    due = models.DateField(_("due date"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("expected data")
        verbose_name_plural = _("expected data")
        ordering = ["year", "due", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "directorate", "kind", "year", "service"],
                condition=models.Q(service__isnull=False),
                name="data_expectation_unique",
            ),
            models.UniqueConstraint(
                fields=["municipality", "directorate", "kind", "year"],
                condition=models.Q(service__isnull=True),
                name="data_expectation_unique_any_service",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.directorate} — {self.get_kind_display()} {self.year}"


class IndicatorSource(models.Model):
    """A plan indicator whose yearly values come from the data: which dataset, which measure,
    for which service, directorate, body or role. The values are computed on demand
    (``datasets.indicator_values``) and reported through the indicator's usual period updates,
    so the equality unit still approves them."""

    class Metric(models.TextChoices):
        COUNT = "count", _("Number of people")
        WOMEN_SHARE = "women_share", _("Share of women (%)")
        PARITY_INDEX = "parity_index", _("Parity index (women ÷ men)")
        GAP_PP = "gap_pp", _("Gap in percentage points (men − women)")
        REPRESENTATION_RATIO = "representation_ratio", _("Representation ratio against residents")
        COVERAGE_PER_1000 = "coverage_per_1000", _("Beneficiaries per 1,000 residents")
        EQUALITY_BUDGET_SHARE = (
            "equality_budget_share",
            _("Equality-tagged share of spending (%)"),
        )

    indicator = models.OneToOneField(
        "plans.Indicator", on_delete=models.CASCADE, related_name="data_source"
    )
    kind = models.CharField(_("dataset"), max_length=30, choices=Kind.choices)
    metric = models.CharField(_("measure"), max_length=30, choices=Metric.choices)
    service = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicator_sources",
        verbose_name=_("service"),
    )
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicator_sources",
        verbose_name=_("directorate"),
    )
    # Service data: "" counts beneficiaries (received, or no outcome recorded); a code counts
    # only that outcome (e.g. applications).
    outcome = models.CharField(_("outcome"), max_length=20, blank=True, choices=Outcome.choices)
    # Decision-makers: "" is every body.
    body = models.CharField(_("body"), max_length=30, blank=True, choices=DecisionBody.choices)
    # Workforce: "" is every role category; else as written in the workforce files.
    role_category = models.CharField(_("role category"), max_length=120, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("indicator data source")
        verbose_name_plural = _("indicator data sources")

    def __str__(self) -> str:
        return f"{self.indicator} ← {self.get_kind_display()}: {self.get_metric_display()}"
