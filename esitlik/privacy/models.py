"""Consents and personal data requests (KVKK, Law 6698).

Neither model holds more about a person than it must: a consent points at the record it
covers (a stakeholder's contact person, a trainer) and says what was agreed, when and how; a
request keeps who asked (replaced by "Silinmiş kişi #<n>" when that person's data is erased),
what they asked for, and what the unit did, never the search terms."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from esitlik.core.models import Municipality

# KVKK art. 13: a controller answers a person's request within thirty days.
ANSWER_DAYS = 30


class Method(models.TextChoices):
    PAPER = "paper", _("Signed paper form")
    EMAIL = "email", _("E-mail")
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Telephone")
    OTHER = "other", _("Other")


class Consent(models.Model):
    """A person's explicit consent to keep data the unit does not otherwise need."""

    class Subject(models.TextChoices):
        CONTACT = "contact", _("Stakeholder contact person")
        TRAINER = "trainer", _("Trainer in the trainer pool")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="consents"
    )
    subject = models.CharField(_("whose"), max_length=20, choices=Subject.choices)
    # The record the consent covers. Erasing a contact deletes its row; its consents stay,
    # pointing at nothing, as proof that consent was given and withdrawn.
    contact = models.ForeignKey(
        "participation.ContactPerson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consents",
    )
    trainer = models.ForeignKey(
        "training.Trainer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consents",
    )
    purpose = models.CharField(
        _("purpose"),
        max_length=300,
        help_text=_("What the person agreed to, e.g. invitations to plan meetings."),
    )
    text_version = models.CharField(
        _("version of the consent text"),
        max_length=100,
        help_text=_("The text the person read and agreed to, e.g. “Davet izni v2 (01.2026)”."),
    )
    given_on = models.DateField(_("given on"))
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_method = models.CharField(
        _("how it was withdrawn"), max_length=20, choices=Method.choices, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_subject_display()}: {self.purpose}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None


class DataRequest(models.Model):
    """A person's request about their data, and how the unit answered it."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("Access: what is held, with a copy")
        ERASURE = "erasure", _("Erasure")
        CORRECTION = "correction", _("Correction")
        OTHER = "other", _("Objection or other request")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ANSWERED = "answered", _("Answered")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="data_requests"
    )
    kind = models.CharField(_("request"), max_length=20, choices=Kind.choices)
    requester = models.CharField(
        _("who asked"),
        max_length=200,
        help_text=_("As the person signed the request; replaced when their data is erased."),
    )
    channel = models.CharField(_("how it came"), max_length=20, choices=Method.choices)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("answer due"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    outcome = models.TextField(_("what was done"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if self.received_on and not self.due_on:
            self.due_on = self.received_on + timedelta(days=ANSWER_DAYS)
        super().save(*args, **kwargs)
