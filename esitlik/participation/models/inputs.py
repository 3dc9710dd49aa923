from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esitlik.core.models import Municipality, Neighbourhood
from esitlik.participation.models.events import Event
from esitlik.participation.models.stakeholders import Stakeholder
from esitlik.plans.models import Action


class Input(models.Model):
    """A problem, need or proposal someone raised, and what the municipality did with it.
    The decision and its reason are public: "you said, we did"."""

    class Kind(models.TextChoices):
        PROBLEM = "problem", _("Problem")
        NEED = "need", _("Need")
        PROPOSAL = "proposal", _("Proposal")

    class Channel(models.TextChoices):
        EVENT = "event", _("Raised at an event")
        STAKEHOLDER = "stakeholder", _("Sent in by a stakeholder")
        SURVEY = "survey", _("Survey")
        PORTAL = "portal", _("Citizen form")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        UNDER_REVIEW = "under_review", _("Under review")
        TAKEN = "taken", _("Taken into the plan")
        PARTLY_TAKEN = "partly_taken", _("Partly taken into the plan")
        NOT_TAKEN = "not_taken", _("Not taken into the plan")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="inputs")
    # A reference a citizen or NGO can quote: "G-2026-0042".
    reference = models.CharField(_("reference"), max_length=20)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("text"))
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    heading = models.ForeignKey(
        "frameworks.FrameworkItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("YEEP heading"),
    )
    article = models.ForeignKey(
        "frameworks.FrameworkItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Charter article"),
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inputs",
        verbose_name=_("neighbourhood"),
    )
    channel = models.CharField(
        _("how it came"), max_length=20, choices=Channel.choices, default=Channel.EVENT
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inputs",
        verbose_name=_("event"),
    )
    stakeholder = models.ForeignKey(
        Stakeholder,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inputs",
        verbose_name=_("stakeholder"),
    )
    received_on = models.DateField(_("received on"))
    status = models.CharField(
        _("decision"), max_length=20, choices=Status.choices, default=Status.UNDER_REVIEW
    )
    decision_reason = models.TextField(
        _("reason for the decision"),
        blank=True,
        help_text=_("Shown to the public with the decision."),
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    actions = models.ManyToManyField(
        "plans.Action", blank=True, related_name="inputs", verbose_name=_("actions it led to")
    )
    position = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "reference"], name="input_reference_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.text[:60]}"

    @property
    def target_group_labels(self) -> list[str]:
        labels = dict(Action.TargetGroup.choices)
        return [str(labels.get(code, code)) for code in self.target_groups]
