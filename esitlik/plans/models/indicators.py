"""Indicators on objectives and actions, their yearly targets, and the periodic updates that
focal points submit and the equality unit approves."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate

from .plan import Action, ActionPlan, Objective


class Indicator(models.Model):
    class Kind(models.TextChoices):
        STRUCTURAL = "structural", _("Structural")
        PROCESS = "process", _("Process")
        OUTCOME = "outcome", _("Outcome")

    class Measure(models.TextChoices):
        COUNT = "count", _("Count")
        PERCENTAGE = "percentage", _("Percentage")
        WOMEN_SHARE = "women_share", _("Share of women (%)")
        PARITY_INDEX = "parity_index", _("Parity index (women ÷ men)")
        GAP_PP = "gap_pp", _("Gap in percentage points")
        REPRESENTATION_RATIO = "representation_ratio", _("Representation ratio")
        RATE_PER_1000 = "rate_per_1000", _("Rate per 1,000")
        YES_NO = "yes_no", _("Yes / no")
        QUALITATIVE = "qualitative", _("Qualitative")

    class Direction(models.TextChoices):
        UP = "up", _("Higher is better")
        DOWN = "down", _("Lower is better")
        BAND = "band", _("Within a band")

    class Frequency(models.TextChoices):
        HALF_YEARLY = "half_yearly", _("Every six months")
        YEARLY = "yearly", _("Yearly")

    # The plan is stored as well as the parent so that every query about a plan's indicators
    # (roll-up, overdue view, export) stays one join away and tenant checks stay simple.
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="indicators")
    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators"
    )
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators"
    )
    code = models.CharField(_("code"), max_length=30)
    title = models.JSONField(_("indicator"))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    measure = models.CharField(_("measure"), max_length=30, choices=Measure.choices)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    by_sex = models.BooleanField(_("values by sex"), default=False)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.UP
    )
    band_low = models.DecimalField(
        _("band from"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    band_high = models.DecimalField(
        _("band to"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    frequency = models.CharField(
        _("frequency"), max_length=20, choices=Frequency.choices, default=Frequency.YEARLY
    )
    source = models.CharField(
        _("data source"),
        max_length=300,
        blank=True,
        help_text=_("Where the value comes from, e.g. the directorate's service register."),
    )
    responsible_directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("responsible directorate"),
    )
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name=_("continues the indicator"),
    )
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="indicator_code_unique"),
            models.CheckConstraint(
                condition=models.Q(objective__isnull=True, action__isnull=False)
                | models.Q(objective__isnull=False, action__isnull=True),
                name="indicator_has_one_parent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {localized(self.title)}"

    @property
    def parent(self):
        return self.action or self.objective

    @property
    def is_numeric(self) -> bool:
        return self.measure != self.Measure.QUALITATIVE


class IndicatorTarget(models.Model):
    """What the plan promises for one year: a total and, where it matters, by sex."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True)
    women = models.DecimalField(
        _("target for women"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    men = models.DecimalField(
        _("target for men"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("indicator target")
        verbose_name_plural = _("indicator targets")
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_target_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}"


class IndicatorUpdate(models.Model):
    """One period's value of an indicator, from submission to approval.

    ``half`` is 1 or 2 for six-monthly indicators and 0 for yearly ones (not empty: a unique
    constraint over an empty column would not stop two yearly updates on SQLite). An approved update
    is locked: changing it again means reopening it, which the audit log records.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="updates")
    year = models.PositiveSmallIntegerField(_("year"))
    half = models.PositiveSmallIntegerField(_("half-year"), default=0)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    women = models.DecimalField(
        _("value for women"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    men = models.DecimalField(
        _("value for men"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    narrative = models.TextField(_("what was done"), blank=True)
    evidence_links = models.TextField(
        _("evidence links"), blank=True, help_text=_("One web address per line.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    review_comment = models.TextField(_("review comment"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("indicator update")
        verbose_name_plural = _("indicator updates")
        ordering = ["year", "half"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "half"], name="one_update_per_period"
            ),
            models.CheckConstraint(condition=models.Q(half__in=[0, 1, 2]), name="half_is_0_1_2"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period_label}"

    @property
    def period_label(self) -> str:
        return f"{self.year}" if not self.half else f"{self.year}/{self.half}"


def evidence_path(instance, filename: str) -> str:
    indicator = instance.update.indicator
    return f"evidence/{indicator.plan.municipality_id}/{indicator.plan_id}/{filename}"


class Evidence(models.Model):
    """A file attached to an update: a photo, an attendance list, a report."""

    update = models.ForeignKey(IndicatorUpdate, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=300)
    name = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name
