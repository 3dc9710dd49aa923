"""A plan edition and its structure: aims → objectives → actions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate, Municipality
from esitlik.frameworks.models import Framework


def decision_path(instance, filename: str) -> str:
    return f"decisions/{instance.municipality_id}/{filename}"


class ActionPlan(models.Model):
    """One edition of the Local Equality Action Plan (YEEP), from draft to superseded."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTATION = "consultation", _("Public consultation")
        COMMISSION_REVIEW = "commission_review", _("Commission review")
        APPROVED = "approved", _("Approved by the council")
        IN_IMPLEMENTATION = "in_implementation", _("In implementation")
        COMPLETED = "completed", _("Completed")
        SUPERSEDED = "superseded", _("Superseded")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="action_plans"
    )
    edition = models.PositiveSmallIntegerField(
        _("edition"), help_text=_("1 for the first plan, 2 for the second…")
    )
    title = models.JSONField(_("title"))
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    charter_version = models.ForeignKey(
        Framework,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("Charter text followed"),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.DRAFT
    )
    decision_no = models.CharField(_("council decision number"), max_length=50, blank=True)
    decision_date = models.DateField(_("council decision date"), null=True, blank=True)
    decision_document = models.FileField(
        _("council decision document"),
        upload_to=decision_path,
        max_length=300,
        blank=True,
    )
    final_evaluation = models.TextField(_("final evaluation"), blank=True)
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_editions",
        verbose_name=_("previous edition"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-edition"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "edition"], name="one_plan_per_edition"
            ),
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="plan_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return localized(self.title)

    ADOPTED = ("approved", "in_implementation", "completed", "superseded")

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"


class Partner(models.Model):
    """An organisation an action works with. A plain record for now; the stakeholder registry
    of the participation work will take these over."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="partners"
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="partner_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Aim(models.Model):
    """The first level of a plan (amaç), optionally under one of the six YEEP headings."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="aims")
    code = models.CharField(_("code"), max_length=20)
    title = models.JSONField(_("aim"))
    heading = models.ForeignKey(
        "frameworks.FrameworkItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": "heading"},
        verbose_name=_("YEEP heading"),
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("aim")
        verbose_name_plural = _("aims")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="aim_code_unique")]

    def __str__(self) -> str:
        return f"{self.code}. {localized(self.title)}"


class Objective(models.Model):
    """The second level (hedef): what the plan wants to change under an aim."""

    aim = models.ForeignKey(Aim, on_delete=models.CASCADE, related_name="objectives")
    code = models.CharField(_("code"), max_length=20)
    title = models.JSONField(_("objective"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["aim", "code"], name="objective_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {localized(self.title)}"


class Action(models.Model):
    """The third level (faaliyet): who does what, when, with which money, for whom."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        ON_TRACK = "on_track", _("On track")
        DELAYED = "delayed", _("Delayed")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class TargetGroup(models.TextChoices):
        WOMEN = "women", _("Women")
        GIRLS = "girls", _("Girls")
        CHILDREN = "children", _("Children")
        ELDERLY = "elderly", _("Elderly people")
        DISABLED = "disabled", _("Disabled people")
        REFUGEES = "refugees", _("Refugees")
        LGBTI = "lgbti", _("LGBTİ+ people")
        MEN = "men", _("Men and fathers")
        STAFF = "staff", _("Municipal staff")
        EVERYONE = "everyone", _("Everyone")

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions")
    code = models.CharField(_("code"), max_length=20)
    title = models.JSONField(pgettext_lazy("plan", "action"))
    lead_directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        related_name="led_actions",
        verbose_name=_("lead directorate"),
    )
    supporting_directorates = models.ManyToManyField(
        Directorate,
        blank=True,
        related_name="supported_actions",
        verbose_name=_("supporting directorates"),
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="actions", verbose_name=_("partners")
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    budget_planned = models.DecimalField(
        _("planned budget (TRY)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_actual = models.DecimalField(
        _("actual spending (TRY)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    tags = models.ManyToManyField(
        "frameworks.FrameworkItem",
        blank=True,
        related_name="actions",
        verbose_name=_("framework tags"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        help_text=_(
            "How much this action counts when progress is added up; 1 unless it is "
            "much larger or smaller than the others."
        ),
    )
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name=_("continues the action"),
    )
    position = models.PositiveIntegerField(default=0)
    # Bumped on every save through the services; a form that carries an older number was
    # opened before someone else's change and is refused rather than overwriting it.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = pgettext_lazy("plan", "action")
        verbose_name_plural = pgettext_lazy("plan", "actions")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "code"], name="action_code_unique"),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="action_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="action_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {localized(self.title)}"
