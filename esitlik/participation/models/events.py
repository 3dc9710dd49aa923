from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from esitlik.core.counts import SEX_FIELDS
from esitlik.core.models import Directorate, Municipality
from esitlik.participation.models.stakeholders import Stakeholder

__all__ = ["SEX_FIELDS", "Event", "EventAttachment"]


class Event(models.Model):
    """A meeting, workshop or focus group. Who came is recorded as counts (by sex and by
    group), not as names; organisations that took part are linked as stakeholders."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        WORKSHOP = "workshop", _("Workshop")
        FOCUS_GROUP = "focus_group", _("Focus group")
        ONLINE = "online", _("Online meeting")
        CONSULTATION = "consultation", _("Public consultation")
        COORDINATION = "coordination", _("Internal coordination")

    class Phase(models.TextChoices):
        PREPARATION = "preparation", _("Preparation")
        CONSULTATION = "consultation", pgettext_lazy("phase", "Consultation")
        MONITORING = "monitoring", _("Monitoring")
        EVALUATION = "evaluation", _("Evaluation")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", pgettext_lazy("event", "Cancelled")

    class Group(models.TextChoices):
        """Who the participants were; a person is counted in one group."""

        HEADMEN = "headmen", _("Neighbourhood headmen")
        NGO = "ngo", _("NGO representatives")
        PUBLIC = "public", _("Public institution staff")
        STAFF = "staff", _("Municipal staff")
        COUNCIL = "council", _("Council members")
        ACADEMICS = "academics", _("Academics")
        RESIDENTS = "residents", _("Residents")
        OTHER = "other", _("Others")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("organising directorate"),
    )
    moderator = models.CharField(_("moderator"), max_length=150, blank=True)
    plan = models.ForeignKey(
        "plans.ActionPlan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("plan edition"),
    )
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase.choices, default=Phase.PREPARATION
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    invited = models.ManyToManyField(
        Stakeholder, blank=True, related_name="invited_to", verbose_name=_("invited")
    )
    attended = models.ManyToManyField(
        Stakeholder,
        blank=True,
        related_name="events_attended",
        verbose_name=_("stakeholders who took part"),
    )
    women = models.PositiveIntegerField(_("women"), default=0)
    men = models.PositiveIntegerField(_("men"), default=0)
    other = models.PositiveIntegerField(pgettext_lazy("sex", "other"), default=0)
    not_stated = models.PositiveIntegerField(_("not stated"), default=0)
    # {group: count}; the groups of Event.Group. Groups need not cover everyone (a sign-in
    # sheet may not say who someone was) but can never add up to more than the total.
    group_counts = models.JSONField(_("participants by group"), default=dict, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
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
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def participants(self) -> int:
        return self.women + self.men + self.other + self.not_stated


def attachment_path(instance, filename: str) -> str:
    event = instance.event
    return f"participation/{event.municipality_id}/{event.pk}/{filename}"


class EventAttachment(models.Model):
    """Minutes, sign-in sheets, photos of a meeting."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    name = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name
