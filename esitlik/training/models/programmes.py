"""Training programmes, the sessions that deliver them, and who attended.

A staff session records its attendance as named people (``Attendance``), so a person trained
twice is counted once; a public session (a Father Support Programme group, a women's health
course) records counts by sex and group, never names."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from esitlik.core.i18n_text import localized
from esitlik.core.models import Directorate, Municipality
from esitlik.training.models.staff import StaffMember
from esitlik.training.models.trainers import Trainer


class Programme(models.Model):
    """What is taught: "Toplumsal cinsiyet eşitliği temel eğitimi", "Baba Destek Programı"."""

    class Audience(models.TextChoices):
        STAFF = "staff", _("Municipal staff")
        PUBLIC = "public", _("The public")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="training_programmes"
    )
    title = models.JSONField(_("title"))
    topics = models.JSONField(_("topics"), default=list, blank=True)
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.STAFF
    )
    partner = models.CharField(
        _("partner organisation"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that runs or supports the programme, if any."),
    )
    description = models.TextField(_("description"), blank=True)
    actions = models.ManyToManyField(
        "plans.Action",
        blank=True,
        related_name="training_programmes",
        verbose_name=_("plan actions it delivers"),
    )
    is_active = models.BooleanField(_("offered"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")
        ordering = ["id"]

    def __str__(self) -> str:
        return localized(self.title)


class TrainingSession(models.Model):
    """One delivery of a programme: a day's course, a week-long trainer training, one group
    of a public programme."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", pgettext_lazy("event", "Cancelled")

    class AttendanceKind(models.TextChoices):
        NAMED = "named", _("Named staff")
        COUNTS = "counts", _("Counts by sex and group")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="training_sessions"
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("programme")
    )
    title = models.CharField(
        _("group or session name"),
        max_length=150,
        blank=True,
        help_text=_("Optional, e.g. “Group 2” or “Branch managers”."),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"), null=True, blank=True)
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Teaching hours in all, e.g. 6 or 12,5."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    link = models.URLField(_("link"), max_length=500, blank=True)
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_sessions",
        verbose_name=_("organising directorate"),
    )
    trainers = models.ManyToManyField(
        Trainer, blank=True, related_name="sessions", verbose_name=_("trainers")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    attendance_kind = models.CharField(
        _("attendance recorded as"),
        max_length=10,
        choices=AttendanceKind.choices,
        default=AttendanceKind.NAMED,
    )
    # Counts, for sessions recorded as counts; a named session's come from its attendance.
    women = models.PositiveIntegerField(_("women"), default=0)
    men = models.PositiveIntegerField(_("men"), default=0)
    other = models.PositiveIntegerField(pgettext_lazy("sex", "other"), default=0)
    not_stated = models.PositiveIntegerField(_("not stated"), default=0)
    # {target group: count} with the groups of plans.Action.TargetGroup; like an event's,
    # the groups may leave people out but never add up to more than the total.
    group_counts = models.JSONField(_("participants by group"), default=dict, blank=True)
    # Evaluation, as the session's averages (never a person's score).
    pre_score = models.DecimalField(
        _("average pre-test score"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    post_score = models.DecimalField(
        _("average post-test score"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    satisfaction = models.DecimalField(
        _("average satisfaction (1–5)"), max_digits=3, decimal_places=2, null=True, blank=True
    )
    evaluation_responses = models.PositiveIntegerField(
        _("evaluation forms returned"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="training_session_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(pre_score__isnull=True)
                | models.Q(pre_score__gte=0, pre_score__lte=100),
                name="training_pre_score_0_100",
            ),
            models.CheckConstraint(
                condition=models.Q(post_score__isnull=True)
                | models.Q(post_score__gte=0, post_score__lte=100),
                name="training_post_score_0_100",
            ),
            models.CheckConstraint(
                condition=models.Q(satisfaction__isnull=True)
                | models.Q(satisfaction__gte=1, satisfaction__lte=5),
                name="training_satisfaction_1_5",
            ),
        ]

    def __str__(self) -> str:
        name = str(self.programme)
        return f"{name} — {self.title}" if self.title else name

    @property
    def counted(self) -> int:
        """People counted on a counts session (0 on a named one: count its attendance)."""
        return self.women + self.men + self.other + self.not_stated


class Attendance(models.Model):
    """A staff person attended a named session. One row per person per session."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendances"
    )
    staff = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="attendances")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["staff__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "staff"], name="attendance_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.staff} @ {self.session}"
