"""Reference frameworks that plans are tagged with: the CEMR Charter (by version), the six
YEEP headings, SDG 5 targets, and tag sets a municipality defines for itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from esitlik.core.i18n_text import localized
from esitlik.core.models import Municipality


class Framework(models.Model):
    """One version of one framework. Shared reference data has no municipality and is
    read-only in the pages; a municipality's own tag sets belong to it alone."""

    class Kind(models.TextChoices):
        CHARTER = "charter", _("European Charter for Equality")
        HEADINGS = "headings", _("YEEP headings")
        SDG = "sdg", _("Sustainable Development Goal 5")
        CUSTOM = "custom", _("Own tag set")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="frameworks",
    )
    code = models.SlugField(_("code"), max_length=60)
    version = models.CharField(_("version"), max_length=20, default="1")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.JSONField(_("title"))
    description = models.JSONField(_("description"), default=dict, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")
        ordering = ["position", "code", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"],
                condition=models.Q(municipality__isnull=True),
                name="reference_framework_code_version_unique",
            ),
            models.UniqueConstraint(
                fields=["municipality", "code", "version"],
                condition=models.Q(municipality__isnull=False),
                name="own_framework_code_version_unique",
            ),
        ]

    def __str__(self) -> str:
        title = localized(self.title)
        return f"{title} ({self.version})" if self.kind == self.Kind.CHARTER else title

    @property
    def is_reference(self) -> bool:
        return self.municipality_id is None


class FrameworkItem(models.Model):
    """A principle, section, article, heading, target or tag of a framework."""

    class Kind(models.TextChoices):
        PRINCIPLE = "principle", _("Principle")
        SECTION = "section", _("Section")
        ARTICLE = "article", _("Article")
        HEADING = "heading", _("Heading")
        TARGET = "target", _("Target")
        TAG = "tag", _("Tag")

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    code = models.CharField(
        _("code"), max_length=30, help_text=_("A short, stable code, e.g. 22 or 5.2.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.JSONField(_("title"))
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("framework item")
        verbose_name_plural = _("framework items")
        ordering = ["framework", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="framework_item_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {localized(self.title)}".strip()


class LegalRule(models.Model):
    """A dated legal duty that depends on a municipality's kind and population.

    Rules change (the shelter threshold was 50,000 before it became 100,000), so each version
    is its own row with the dates it was in force; evaluation picks the version in force on
    the day asked about.
    """

    code = models.SlugField(_("code"), max_length=60)
    title = models.JSONField(_("title"))
    legal_basis = models.CharField(_("legal basis"), max_length=200)
    valid_from = models.DateField(_("in force from"))
    valid_to = models.DateField(_("in force until"), null=True, blank=True)
    kinds_always = models.JSONField(
        _("applies to every municipality of these kinds"), default=list, blank=True
    )
    population_over = models.PositiveIntegerField(
        _("applies above this population"), null=True, blank=True
    )
    note = models.JSONField(_("note"), default=dict, blank=True)

    class Meta:
        verbose_name = _("legal rule")
        verbose_name_plural = _("legal rules")
        ordering = ["code", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="legal_rule_version")
        ]

    def __str__(self) -> str:
        return f"{localized(self.title)} ({self.valid_from:%Y})"
