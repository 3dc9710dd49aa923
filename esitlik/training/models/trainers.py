"""The trainer pool: the municipality's own staff certified to train others, the external
trainers it works with, their certifications, and the people still in training to become
trainers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esitlik.core.models import Municipality
from esitlik.core.sex import Sex
from esitlik.training.models.staff import StaffMember


class Trainer(models.Model):
    class Kind(models.TextChoices):
        INTERNAL = "internal", _("Municipal staff")
        EXTERNAL = "external", _("External trainer")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Trains")
        IN_TRAINING = "in_training", _("In training to become a trainer")
        INACTIVE = "inactive", _("No longer trains")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="trainers"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.INTERNAL)
    # An internal trainer is a staff person (their name, directorate and sex come from there);
    # an external one has only a name and organisation.
    staff = models.OneToOneField(
        StaffMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trainer",
        verbose_name=_("staff person"),
    )
    name = models.CharField(_("name and surname"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices, default=Sex.NOT_STATED)
    topics = models.JSONField(_("topics they may deliver"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    training_for = models.CharField(
        _("being trained for"),
        max_length=200,
        blank=True,
        help_text=_("For someone in training: the programme they are preparing to deliver."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="external") | models.Q(staff__isnull=False),
                name="internal_trainer_is_staff",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.staff.name if self.staff_id else self.name


class Certification(models.Model):
    """A certificate that lets a trainer deliver a programme: "Hak temelli izleme eğitici
    eğitimi", issued by CEİD, valid until …"""

    trainer = models.ForeignKey(Trainer, on_delete=models.CASCADE, related_name="certifications")
    title = models.CharField(_("certificate"), max_length=200)
    issuer = models.CharField(_("issued by"), max_length=200)
    issued_on = models.DateField(_("date issued"))
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["-issued_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gte=models.F("issued_on")),
                name="certification_expires_after_issue",
            )
        ]

    def __str__(self) -> str:
        return self.title
